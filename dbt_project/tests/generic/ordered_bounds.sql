{#- A reported range must contain its best figure: low <= best <= high whenever they are known. -#}
{% test ordered_bounds(model, low, best, high) %}
select *
from {{ model }}
where {{ low }} > {{ best }}
    or {{ best }} > {{ high }}
    or {{ low }} > {{ high }}
    or ({{ best }} is not null and ({{ low }} is null or {{ high }} is null))
{% endtest %}
