-- Two dim_actors rows with the same (case-folded) name mean one actor was split.
select lower(name) as name_folded, count(*) as n_rows
from {{ ref('dim_actors') }}
group by 1
having count(*) > 1
