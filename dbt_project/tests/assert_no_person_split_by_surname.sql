-- A one-word person row whose word is the surname of exactly one full-name person row: one person
-- split in two (int_actor_keys_unified should have joined them).
with persons as (
    select
        actor_id,
        name,
        strip_accents(lower(list_last(string_split(name, ' ')))) as surname
    from {{ ref('dim_actors') }}
    where actor_type = 'person'
),

full_names as (
    select surname
    from persons
    where contains(name, ' ')
    group by surname
    having count(*) = 1
)

select
    p.actor_id,
    p.name
from persons as p
inner join full_names as f on strip_accents(lower(p.name)) = f.surname
where not contains(p.name, ' ')
