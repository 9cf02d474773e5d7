with source as (
    select * from {{ source('raw', 'actor_mentions') }}
),

renamed as (
    select
        -- ids
        mention_id,
        document_id,
        actor_key,
        -- strings
        surface,
        name,
        actor_type,
        upper(country_code) as country_code,
        role,
        -- numerics
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end
    from source
)

select * from renamed
