with source as (
    select * from {{ source('raw', 'rejects') }}
),

renamed as (
    select
        file_name,
        reason,
        detail,
        content_sha256,
        size_bytes,
        rejected_at
    from source
)

select * from renamed
