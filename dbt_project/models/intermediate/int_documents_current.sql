-- Documents whose facts count: the newest version of each input file.
select *
from {{ ref('stg_raw__documents') }}
where is_current_version
