-- One row per canonical place: the attributes most mentions agree on.
with mentions as (
    select m.*
    from {{ ref('stg_raw__place_mentions') }} as m
    inner join {{ ref('int_documents_current') }} using (document_id)
),

places as (
    select
        place_key,
        mode(name order by name) as name,
        mode(place_type order by place_type) as place_type,
        mode(country_code order by country_code) as country_code,
        mode(admin1 order by admin1) as admin1,
        mode(latitude order by latitude) as latitude,
        mode(longitude order by longitude) as longitude,
        mode(geonames_id order by geonames_id) as geonames_id,
        mode(parent_key order by parent_key) as parent_key,
        count(*) as n_mentions,
        count(distinct document_id) as n_documents
    from mentions
    group by place_key
),

-- the wider regions ("Donbas", "southern Ukraine") each oblast belongs to
wider_regions as (
    select
        part_key,
        list(region_key order by region_key) as region_keys
    from {{ ref('region_parts') }}
    group by part_key
)

select
    places.*,
    -- the regions a place lies in: its parent, then the wider regions its parent belongs to
    case
        when places.parent_key is not null then list_concat([places.parent_key], coalesce(w.region_keys, []))
        else []
    end as enclosing_region_keys
from places
left join wider_regions as w on places.parent_key = w.part_key
