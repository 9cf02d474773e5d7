with source as (
    select * from {{ source('raw', 'statements') }}
),

renamed as (
    select
        -- ids
        statement_id,
        document_id,
        speaker_key,
        -- strings
        quote,
        statement_type,
        speaker_text,
        cue,
        -- numerics
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(speaker_char_start as integer) as speaker_char_start,
        cast(speaker_char_end as integer) as speaker_char_end,
        -- dates
        statement_date
    from source
)

select * from renamed
