select
    place_key as place_id,
    name,
    place_type,
    country_code,
    admin1,
    latitude,
    longitude,
    cast(geonames_id as bigint) as geonames_id,
    -- the enclosing place when it is in the warehouse too (district -> city -> region -> country)
    case
        when parent_key in (select p.place_key from {{ ref('int_places_resolved') }} as p) then parent_key
    end as parent_place_id,
    cast(n_documents as integer) as n_documents,
    cast(n_mentions as integer) as n_mentions
from {{ ref('int_places_resolved') }}
