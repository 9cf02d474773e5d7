-- One row per attack with reconciled figures. Rules:
--   best figure (killed, injured): taken from the latest report that states one — the newest
--     document, and within it an official source before a vague one, then the passage furthest
--     down (a live blog's later update supersedes an earlier one);
--   low / high: the lowest and highest figure any report gives ("at least N" counts as N);
--   munitions launched / intercepted: the largest count any report gives (reports differ in
--     completeness, not in what happened), intercepted never above launched;
--   place: the most specific place named (district before city before region before country).
with mentions as (
    select
        *,
        case source_kind when 'official' then 0 when 'vague' then 2 else 1 end as source_rank,
        case place_type
            when 'landmark' then 0 when 'district' then 1 when 'village' then 2 when 'town' then 3
            when 'city' then 4 when 'region' then 5 when 'country' then 6 else 7
        end as place_rank
    from {{ ref('int_attack_mentions_clustered') }}
),

killed_best as (
    select
        attack_id,
        arg_min(killed, [epoch(coalesce(published_at, timestamp '1970-01-01')) * -1, source_rank, -char_start])
            as killed,
        arg_min(killed_victim_group, [epoch(coalesce(published_at, timestamp '1970-01-01')) * -1, source_rank, -char_start])
            as killed_victim_group
    from mentions
    where killed is not null
    group by attack_id
),

injured_best as (
    select
        attack_id,
        arg_min(injured, [epoch(coalesce(published_at, timestamp '1970-01-01')) * -1, source_rank, -char_start])
            as injured,
        arg_min(injured_victim_group, [epoch(coalesce(published_at, timestamp '1970-01-01')) * -1, source_rank, -char_start])
            as injured_victim_group
    from mentions
    where injured is not null
    group by attack_id
),

merged as (
    select
        attack_id,
        min(merge_key) as merge_key,
        mode(event_date) as event_date,
        arg_min(place_key, place_rank) as place_key,
        mode(attacker_key) as attacker_key,
        coalesce(mode(attack_type) filter (where attack_type != 'Other'), 'Other') as attack_type,
        list_sort(list_distinct(flatten(list(weapons)))) as weapons,
        min(coalesce(killed_low, killed)) as killed_low,
        max(coalesce(killed_high, killed)) as killed_high,
        min(coalesce(injured_low, injured)) as injured_low,
        max(coalesce(injured_high, injured)) as injured_high,
        max(missiles_launched) as missiles_launched,
        max(missiles_intercepted) as missiles_intercepted,
        max(drones_launched) as drones_launched,
        max(drones_intercepted) as drones_intercepted,
        bool_and(is_historical) as is_historical,
        count(distinct document_id) as n_documents,
        count(*) as n_mentions
    from mentions
    group by attack_id
)

select
    merged.* exclude (missiles_intercepted, drones_intercepted),
    least(merged.missiles_intercepted, coalesce(merged.missiles_launched, merged.missiles_intercepted))
        as missiles_intercepted,
    least(merged.drones_intercepted, coalesce(merged.drones_launched, merged.drones_intercepted))
        as drones_intercepted,
    killed_best.killed,
    coalesce(killed_best.killed_victim_group, 'unknown') as killed_victim_group,
    injured_best.injured,
    coalesce(injured_best.injured_victim_group, 'unknown') as injured_victim_group
from merged
left join killed_best using (attack_id)
left join injured_best using (attack_id)
