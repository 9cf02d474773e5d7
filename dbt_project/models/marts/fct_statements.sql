with statements as (
    select
        s.* exclude (speaker_key),
        coalesce(k.canonical_key, s.speaker_key) as speaker_key
    from {{ ref('stg_raw__statements') }} as s
    inner join {{ ref('int_documents_current') }} using (document_id)
    left join {{ ref('int_actor_keys_unified') }} as k on s.speaker_key = k.actor_key
)

select
    statement_id,
    document_id,
    case
        when speaker_key in (select a.actor_key from {{ ref('int_actors_resolved') }} as a)
            then speaker_key
    end as speaker_actor_id,
    speaker_text,
    quote,
    statement_type,
    cue,
    char_start,
    char_end,
    statement_date
from statements
