{#- Every evidence span must be reproducible: text[char_start:char_end] == the verbatim column.
    DuckDB's substring counts characters from 1, like Python's slicing counts them from 0. -#}
{% test reproduces_document_text(model, text_column, texts=ref('document_texts')) %}
select evidence.*
from {{ model }} as evidence
left join {{ texts }} as doc on evidence.document_id = doc.document_id
where doc.text is null
    or evidence.char_start < 0
    or evidence.char_end > length(doc.text)
    or substring(doc.text, evidence.char_start + 1, evidence.char_end - evidence.char_start)
        is distinct from evidence.{{ text_column }}
{% endtest %}
