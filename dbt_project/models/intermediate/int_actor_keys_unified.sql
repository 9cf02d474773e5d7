-- Maps every actor key seen in mentions to one canonical key:
-- 1. one key per case-folded name, so one actor is one row even when extraction gave the same name
--    two keys (e.g. typed once as a person and once as an organization). The key most mentions use
--    wins; persons before other types on ties.
-- 2. a bare surname ("Støre", from a document that never writes the full name) joins the one full
--    name with that surname in any document. Two full names with that surname: it stays apart.
with per_key as (
    select
        m.actor_key,
        mode(m.name order by m.name) as name,
        mode(m.actor_type order by m.actor_type) as actor_type,
        count(*) as n_mentions
    from {{ ref('stg_raw__actor_mentions') }} as m
    inner join {{ ref('int_documents_current') }} using (document_id)
    group by m.actor_key
),

by_name as (
    select
        actor_key,
        first_value(actor_key) over (
            partition by lower(name)
            order by
                n_mentions desc,
                case actor_type when 'person' then 0 when 'armed_force' then 1 when 'country' then 2 else 3 end,
                actor_key
        ) as name_key
    from per_key
),

named as (
    select
        b.actor_key,
        b.name_key,
        k.name,
        k.actor_type
    from by_name as b
    inner join per_key as k on b.name_key = k.actor_key
),

surnames as (
    select
        strip_accents(lower(list_last(string_split(name, ' ')))) as surname,
        min(name_key) as full_key
    from named
    where actor_type = 'person' and contains(name, ' ')
    group by surname
    having count(distinct name_key) = 1
)

select
    n.actor_key,
    coalesce(s.full_key, n.name_key) as canonical_key
from named as n
left join surnames as s
    on
        n.actor_type = 'person'
        and not contains(n.name, ' ')
        and strip_accents(lower(n.name)) = s.surname
