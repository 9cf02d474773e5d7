-- The same place name twice in one country means one place was split across rows.
select lower(name) as name_folded, country_code, place_type, count(*) as n_rows
from {{ ref('dim_places') }}
group by all
having count(*) > 1
