with source as (
    select * from {{ source('raw', 'attack_mentions') }}
),

renamed as (
    select
        -- ids
        mention_id,
        document_id,
        place_key,
        attacker_key,
        target_key,
        -- strings
        sentence,
        attack_type,
        weapons,
        date_text,
        place_text,
        attacker_text,
        target_text,
        coalesce(killed_victim_group, 'unknown') as killed_victim_group,
        coalesce(injured_victim_group, 'unknown') as injured_victim_group,
        source_kind,
        -- numerics
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(killed as integer) as killed,
        cast(killed_low as integer) as killed_low,
        cast(killed_high as integer) as killed_high,
        cast(injured as integer) as injured,
        cast(injured_low as integer) as injured_low,
        cast(injured_high as integer) as injured_high,
        cast(missiles_launched as integer) as missiles_launched,
        cast(missiles_intercepted as integer) as missiles_intercepted,
        cast(drones_launched as integer) as drones_launched,
        cast(drones_intercepted as integer) as drones_intercepted,
        -- booleans
        coalesce(is_historical, false) as is_historical,
        coalesce(killed_approximate, false) as killed_approximate,
        coalesce(injured_approximate, false) as injured_approximate,
        -- dates
        event_date
    from source
)

select * from renamed
