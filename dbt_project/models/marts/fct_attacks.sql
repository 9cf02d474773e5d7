with attacks as (
    select * from {{ ref('int_attacks_reconciled') }}
)

select
    attacks.attack_id,
    attacks.event_date,
    case
        when attacks.place_key in (select p.place_key from {{ ref('int_places_resolved') }} as p)
            then attacks.place_key
    end as place_id,
    case
        when attacks.attacker_key in (select a.actor_key from {{ ref('int_actors_resolved') }} as a)
            then attacks.attacker_key
    end as attacker_actor_id,
    attacks.attack_type,
    attacks.weapons,
    cast(attacks.killed as integer) as killed,
    cast(attacks.killed_low as integer) as killed_low,
    cast(attacks.killed_high as integer) as killed_high,
    cast(attacks.injured as integer) as injured,
    cast(attacks.injured_low as integer) as injured_low,
    cast(attacks.injured_high as integer) as injured_high,
    cast(attacks.missiles_launched as integer) as missiles_launched,
    cast(attacks.missiles_intercepted as integer) as missiles_intercepted,
    cast(attacks.drones_launched as integer) as drones_launched,
    cast(attacks.drones_intercepted as integer) as drones_intercepted,
    cast(attacks.n_documents as integer) as n_documents,
    cast(attacks.n_mentions as integer) as n_mentions,
    attacks.is_historical
from attacks
