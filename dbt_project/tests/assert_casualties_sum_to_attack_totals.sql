-- fct_casualties by victim group must add up exactly to each attack's killed / injured figures.
with sums as (
    select
        attack_id,
        sum(count_best) filter (where casualty_type = 'killed') as killed,
        sum(count_best) filter (where casualty_type = 'injured') as injured
    from {{ ref('fct_casualties') }}
    group by attack_id
)

select a.attack_id
from {{ ref('fct_attacks') }} as a
left join sums as s using (attack_id)
where a.killed is distinct from s.killed
    or a.injured is distinct from s.injured
