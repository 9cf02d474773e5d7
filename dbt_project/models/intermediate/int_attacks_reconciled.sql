-- One row per attack with reconciled figures. Rules:
--   best figure (killed, injured): the newest document's figure; within it an official source
--     before a vague one, then the figure most passages repeat, then the higher figure;
--   low / high: the lowest and highest figure any report gives ("at least N" counts as N),
--     leaving out vague figures ("dozens") when exact ones exist;
--   munitions launched / intercepted: the largest count any report gives (reports differ in
--     completeness, not in what happened), intercepted never above launched;
--   place: the most specific place a passage names itself inside the place the attack was merged
--     on (district before city before region before country), so an inherited place or a landmark
--     named in passing ("said in the Oval Office") does not become the attack's; the city itself
--     when passages name it and several of its districts (one strike across a city).
with mentions as (
    select
        *,
        case source_kind when 'official' then 0 when 'vague' then 2 else 1 end as source_rank,
        case place_type
            when 'landmark' then 0 when 'district' then 1 when 'village' then 2 when 'town' then 3
            when 'city' then 4 when 'region' then 5 when 'country' then 6 else 7
        end as place_rank,
        case when starts_with(merge_key, 'place|') then split_part(merge_key, '|', 2) end as event_anchor_key
    from {{ ref('int_attack_mentions_clustered') }}
),

mentions_ranked as (
    select
        *,
        (place_text is null)::int * 100
        + (event_anchor_key is not null and anchor_place_key is distinct from event_anchor_key)::int * 10
        + place_rank as place_preference,
        place_text is not null and place_type = 'district' and anchor_place_key = event_anchor_key
            as names_a_district
    from mentions
),

figures as (
    -- one row per attack, casualty type and figure, with how well that figure is supported
    select
        attack_id,
        casualty_type,
        figure,
        max(epoch(coalesce(published_at, timestamp '1970-01-01'))) as newest_report,
        min(source_rank) as best_source_rank,
        count(*) as n_reports,
        bool_and(approximate) as approximate,
        mode(victim_group order by victim_group) as victim_group
    from (
        select
            attack_id,
            published_at,
            source_rank,
            'killed' as casualty_type,
            killed as figure,
            killed_approximate as approximate,
            killed_victim_group as victim_group
        from mentions
        where killed is not null
        union all
        select
            attack_id,
            published_at,
            source_rank,
            'injured' as casualty_type,
            injured as figure,
            injured_approximate as approximate,
            injured_victim_group as victim_group
        from mentions
        where injured is not null
    ) as reports
    group by attack_id, casualty_type, figure
),

best_figures as (
    -- an exact figure before a vague one ("dozens"); then the newest document; then official
    -- before vague sources; then the figure most passages repeat
    -- (live blogs restate the current toll in every summary); then the higher one, because tolls
    -- are revised upward far more often than down and "at least N" is only a lower bound
    select
        attack_id,
        casualty_type,
        arg_max(figure, [(not approximate)::int, newest_report, -best_source_rank, n_reports, figure]) as figure,
        arg_max(victim_group, [(not approximate)::int, newest_report, -best_source_rank, n_reports, figure])
            as victim_group
    from figures
    group by all
),

killed_best as (
    select
        attack_id,
        figure as killed,
        victim_group as killed_victim_group
    from best_figures
    where casualty_type = 'killed'
),

injured_best as (
    select
        attack_id,
        figure as injured,
        victim_group as injured_victim_group
    from best_figures
    where casualty_type = 'injured'
),

merged_figures as (
    select
        attack_id,
        min(merge_key) as merge_key,
        -- reports of one attack a day apart: the earlier date ("overnight" is told the next morning)
        min(event_date) as event_date,
        first(place_key order by place_preference, place_key) as most_specific_place_key,
        count(distinct place_key) filter (where names_a_district) as n_districts_named,
        min(event_anchor_key) filter (where place_key = event_anchor_key) as named_anchor_key,
        mode(attacker_key order by published_at, document_id, char_start) as attacker_key,
        -- on a tie, the type of the passage told first (a report leads with the event)
        coalesce(
            mode(attack_type order by published_at, document_id, char_start)
            filter (where attack_type != 'Other'),
            'Other'
        ) as attack_type,
        list_sort(list_distinct(flatten(list(weapons)))) as weapons,
        coalesce(
            min(coalesce(killed_low, killed)) filter (where not killed_approximate),
            min(coalesce(killed_low, killed))
        ) as killed_low,
        coalesce(
            max(coalesce(killed_high, killed)) filter (where not killed_approximate),
            max(coalesce(killed_high, killed))
        ) as killed_high,
        coalesce(
            min(coalesce(injured_low, injured)) filter (where not injured_approximate),
            min(coalesce(injured_low, injured))
        ) as injured_low,
        coalesce(
            max(coalesce(injured_high, injured)) filter (where not injured_approximate),
            max(coalesce(injured_high, injured))
        ) as injured_high,
        max(missiles_launched) as missiles_launched,
        max(missiles_intercepted) as missiles_intercepted,
        max(drones_launched) as drones_launched,
        max(drones_intercepted) as drones_intercepted,
        bool_and(is_historical) as is_historical,
        count(distinct document_id) as n_documents,
        count(*) as n_mentions
    from mentions_ranked
    group by attack_id
),

merged as (
    select
        * exclude (most_specific_place_key, n_districts_named, named_anchor_key),
        case
            when n_districts_named > 1 and named_anchor_key is not null then named_anchor_key
            else most_specific_place_key
        end as place_key
    from merged_figures
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
