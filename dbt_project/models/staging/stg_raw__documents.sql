with source as (
    select * from {{ source('raw', 'documents') }}
),

renamed as (
    select
        -- ids
        document_id,
        content_sha256,
        -- strings
        file_name,
        title,
        text,
        nullif(trim(source), '') as source,
        nullif(trim(url), '') as url,
        -- numerics
        cast(char_count as integer) as char_count,
        -- timestamps
        published_at,
        ingested_at,
        -- a changed file is a new version; only its newest version counts as current
        row_number() over (
            partition by file_name order by ingested_at desc, document_id
        ) = 1 as is_current_version
    from source
)

select * from renamed
