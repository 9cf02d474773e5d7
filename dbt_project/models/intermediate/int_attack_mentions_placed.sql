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
)

select
    mentions.*,
    places.place_type,
    places.latitude,
    places.longitude,
    places.parent_key as place_parent_key,
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
    end as attack_family
from mentions
left join places using (place_key)
