-- Casualties by attack, type and victim group. The best report names one victim group per
-- figure, so each attack gets at most one row per casualty type and the groups sum to the total.
with attacks as (
    select * from {{ ref('int_attacks_reconciled') }}
),

killed as (
    select
        attack_id,
        'killed' as casualty_type,
        killed_victim_group as victim_group,
        killed as count_best,
        killed_low as count_low,
        killed_high as count_high
    from attacks
    where killed is not null
),

injured as (
    select
        attack_id,
        'injured' as casualty_type,
        injured_victim_group as victim_group,
        injured as count_best,
        injured_low as count_low,
        injured_high as count_high
    from attacks
    where injured is not null
)

select
    substr(md5(attack_id || '|' || casualty_type || '|' || victim_group), 1, 16) as casualty_id,
    *
from (
    select * from killed
    union all
    select * from injured
) as casualties
