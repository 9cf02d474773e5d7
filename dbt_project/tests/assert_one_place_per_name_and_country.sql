-- The same name, type and first-level region twice in one country means one place was split
-- across rows (two villages called Oleksandrivka in different oblasts are rightly two rows).
select lower(name) as name_folded, country_code, place_type, admin1, count(*) as n_rows
from {{ ref('dim_places') }}
group by all
having count(*) > 1
