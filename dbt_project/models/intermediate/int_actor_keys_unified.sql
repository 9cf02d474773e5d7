-- Maps every actor key seen in mentions to one canonical key per case-folded name, so one actor
-- is one row even when extraction gave the same name two keys (e.g. typed once as a person and
-- once as an organization). The key most mentions use wins; persons before other types on ties.
with per_key as (
    select
        m.actor_key,
        mode(m.name) as name,
        mode(m.actor_type) as actor_type,
        count(*) as n_mentions
    from {{ ref('stg_raw__actor_mentions') }} as m
    inner join {{ ref('int_documents_current') }} using (document_id)
    group by m.actor_key
)

select
    actor_key,
    first_value(actor_key) over (
        partition by lower(name)
        order by
            n_mentions desc,
            case actor_type when 'person' then 0 when 'armed_force' then 1 when 'country' then 2 else 3 end,
            actor_key
    ) as canonical_key
from per_key
