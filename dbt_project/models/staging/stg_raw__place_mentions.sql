with source as (
    select * from {{ source('raw', 'place_mentions') }}
),

renamed as (
    select
        -- ids
        mention_id,
        document_id,
        place_key,
        parent_key,
        cast(geonames_id as bigint) as geonames_id,
        -- strings
        surface,
        name,
        place_type,
        upper(country_code) as country_code,
        admin1,
        -- numerics
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(latitude as double) as latitude,
        cast(longitude as double) as longitude
    from source
)

select * from renamed
