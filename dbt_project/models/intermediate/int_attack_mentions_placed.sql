-- Attack mentions of current documents, with the place they anchor to for merging: a district
-- belongs to its city, so "Podilskyi district" and "Kyiv" mentions of one strike merge.
with mentions as (
    select
        m.* exclude (attacker_key, target_key),
        coalesce(k.canonical_key, m.attacker_key) as attacker_key,
        coalesce(t.canonical_key, m.target_key) as target_key,
        d.published_at,
        d.file_name
    from {{ ref('stg_raw__attack_mentions') }} as m
    inner join {{ ref('int_documents_current') }} as d using (document_id)
    left join {{ ref('int_actor_keys_unified') }} as k on m.attacker_key = k.actor_key
    left join {{ ref('int_actor_keys_unified') }} as t on m.target_key = t.actor_key
),

places as (
    select * from {{ ref('int_places_resolved') }}
),

typed as (
    select
        mentions.*,
        places.place_type,
        places.latitude,
        places.longitude,
        places.parent_key as place_parent_key,
        places.enclosing_region_keys as place_region_keys,
        case
            -- a country or a continent is too coarse to tell two attacks apart: treat as unplaced
            when places.place_type in ('country', 'other') then null
            when places.place_type = 'district' and places.parent_key is not null then places.parent_key
            else mentions.place_key
        end as anchor_place_key,
        case
            when mentions.attack_type = 'Armed clash' then 'clash'
            when mentions.attack_type = 'Remote explosive/landmine/IED' then 'explosive'
            else 'strike'
        end as attack_family,
        -- typed by its harm or its blast alone ("explosions at the air base", "a fighter was
        -- killed"): no weapon and no fighting says what kind of attack it was
        -- ("munitions" alone names no weapon)
        -- (sqlfluff takes the lambda's parameter for a column)
        len(list_filter(coalesce(mentions.weapons, []), lambda w: w != 'other')) = 0  -- noqa: RF02
        and (
            mentions.attack_type in ('Other', 'Remote explosive/landmine/IED')
            -- harm done to civilians is an attack on them, whatever else happened there
            or mentions.attack_type = 'Attack'
            and 'civilian' not in (mentions.killed_victim_group, mentions.injured_victim_group)
        ) as is_untyped
    from mentions
    left join places using (place_key)
),

-- An untyped passage about a place where its document tells an attack of one kind within a day
-- reports that attack: "explosions at the Saki air base" and "missiles hit the base" are one
-- strike, "a fighter killed in Bakhmut" and "fighting in Bakhmut" one clash. With attacks of two
-- kinds there, it keeps its own.
typed_elsewhere as (
    select
        u.mention_id,
        min(t.attack_family) as attack_family
    from typed as u
    inner join typed as t
        on
            u.document_id = t.document_id
            and u.anchor_place_key = t.anchor_place_key
            and not t.is_untyped
            and t.is_historical = u.is_historical
            and (
                u.event_date is null or t.event_date is null
                or abs(datediff('day', u.event_date, t.event_date)) <= 1
            )
    where u.is_untyped
    group by u.mention_id
    having count(distinct t.attack_family) = 1
)

select
    typed.* exclude (attack_family, is_untyped),  -- noqa: RF02
    coalesce(e.attack_family, typed.attack_family) as attack_family
from typed
left join typed_elsewhere as e using (mention_id)
