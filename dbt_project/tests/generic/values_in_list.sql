{#- Every element of a list column comes from an agreed vocabulary. -#}
{% test values_in_list(model, column_name, values) %}
select *
from {{ model }}
where len(list_filter({{ column_name }}, lambda x: x not in (
    {%- for value in values %}'{{ value }}'{{ "," if not loop.last }}{% endfor -%}
)) ) > 0
{% endtest %}
