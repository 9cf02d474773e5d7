select
    document_id,
    file_name,
    title,
    source,
    url,
    published_at,
    char_count,
    ingested_at
from {{ ref('int_documents_current') }}
