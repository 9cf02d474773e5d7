-- One row per canonical actor (see int_actor_keys_unified). Name and type come from the canonical
-- key's own mentions ("Jonas Gahr Støre", not the bare "Støre" that joined it). Country actors named
-- only as attackers get their name from the countries lookup, so every attacker key resolves to an actor.
with mentions as (
    select
        m.*,
        k.canonical_key,
        m.actor_key = k.canonical_key as is_canonical
    from {{ ref('stg_raw__actor_mentions') }} as m
    inner join {{ ref('int_documents_current') }} using (document_id)
    inner join {{ ref('int_actor_keys_unified') }} as k using (actor_key)
),

mentioned as (
    select
        canonical_key as actor_key,
        coalesce(mode(name order by name) filter (where is_canonical), mode(name order by name)) as name,
        coalesce(
            mode(actor_type order by actor_type) filter (where is_canonical), mode(actor_type order by actor_type)
        ) as actor_type,
        mode(country_code order by country_code) as country_code,
        mode(role order by role) as role,
        count(*) as n_mentions,
        count(distinct document_id) as n_documents
    from mentions
    group by canonical_key
),

attacker_countries as (
    select distinct
        a.attacker_key as actor_key,
        c.name,
        'country' as actor_type,
        c.country_code,
        cast(null as varchar) as role,
        0 as n_mentions,
        0 as n_documents
    from {{ ref('stg_raw__attack_mentions') }} as a
    inner join {{ ref('countries') }} as c
        on a.attacker_key = 'country:' || c.country_code
    where a.attacker_key not in (select k.actor_key from {{ ref('int_actor_keys_unified') }} as k)
)

select * from mentioned
union all
select * from attacker_countries
