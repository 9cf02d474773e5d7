select
    casualty_id,
    attack_id,
    casualty_type,
    victim_group,
    cast(count_best as integer) as count_best,
    cast(count_low as integer) as count_low,
    cast(count_high as integer) as count_high
from {{ ref('int_casualties_split') }}
