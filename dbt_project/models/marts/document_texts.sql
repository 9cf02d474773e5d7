select
    document_id,
    text
from {{ ref('int_documents_current') }}
