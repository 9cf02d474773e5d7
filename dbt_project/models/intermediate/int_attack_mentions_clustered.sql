-- Each attack mention gets the attack it reports; see the model docs for the rules.
-- attack_id hashes the merge key, so it is stable when more articles are added.
{% set max_days = var('attack_merge_max_days', 1) %}
{#- a toll told of one attack ("killed in a terrorist attack at a training ground"), not of a day's or a campaign's -#}
{% set one_attack_re = '\\b(a|an|the) ([\\w-]+ ){0,3}(attack|strike|explosion|blast|bombing|raid)\\b' %}

with mentions as (
    select * from {{ ref('int_attack_mentions_placed') }}
),

-- a place inherited from earlier sentences (no place named in the passage) is not evidence of
-- its own; neither is any place of a passage that only tallies air defence or a wave of
-- munitions, because those cover a whole night, not one city ("fired four missiles into
-- Mykolaiv" is one city's strike)
mentions_context as (
    select
        *,
        place_text is null
        or (
            (
                coalesce(missiles_intercepted, drones_intercepted) is not null
                or coalesce(missiles_launched, 0) + coalesce(drones_launched, 0) >= {{ var('munitions_wave_min', 10) }}
            )
            and killed is null and injured is null
        ) as place_is_context
    from mentions
),

-- A passage with no date of its own (it took the publication date or the passage before's) about
-- a place its document dates elsewhere reports that dated attack: "a strike on Kharkiv on Sunday"
-- and "the strike on Kharkiv killed two" are one event. It takes the date of the nearest passage
-- that dates an attack there; the original date is kept in event_date_reported. A region takes the
-- date of an attack its document dates in a town of that region ("a depot near Lyubimovka,
-- Dnipropetrovsk region, on July 24" and "targeted a depot in the Dnipropetrovsk region").
own_dates as (
    select
        document_id,
        anchor_place_key,
        place_parent_key,
        attack_family,
        event_date,
        char_start
    from mentions_context
    where
        date_text is not null and event_date is not null and not is_historical
        and anchor_place_key is not null and not place_is_context
),

adopted_dates as (
    select
        m.mention_id,
        arg_min(o.event_date, [abs(o.char_start - m.char_start), o.char_start]) as adopted_date
    from mentions_context as m
    inner join own_dates as o
        on
            m.document_id = o.document_id
            and m.attack_family = o.attack_family
            and (
                m.anchor_place_key = o.anchor_place_key
                or (m.place_type = 'region' and m.anchor_place_key = o.place_parent_key)
            )
    where m.date_text is null and not m.is_historical
    group by m.mention_id
),

-- A passage with no date at all ("two days before the Yelenovka strike", "after the bombing") about
-- a place its document reports an attack at takes that attack's date, even the publication date:
-- undated, it cannot be a separate day's attack.
undated_adopted as (
    select
        m.mention_id,
        arg_min(o.event_date, [abs(o.char_start - m.char_start), o.char_start]) as adopted_date
    from mentions_context as m
    inner join mentions_context as o
        on
            m.document_id = o.document_id
            and m.attack_family = o.attack_family
            and m.anchor_place_key = o.anchor_place_key
    where
        m.event_date is null and m.date_text is null and not m.is_historical
        and o.event_date is not null and not o.is_historical
    group by m.mention_id
),

-- A passage with no date of its own about a place its document dates only coarsely ("Last week,
-- missiles struck Crimea", then "The bombing of Crimea made headlines") reports that undated attack,
-- not one on the publication day.
coarsely_dated as (
    select m.mention_id
    from mentions_context as m
    inner join mentions_context as o
        on
            m.document_id = o.document_id
            and m.attack_family = o.attack_family
            and m.anchor_place_key = o.anchor_place_key
            and o.event_date is null and o.date_text is not null and not o.is_historical
            -- "come a week after ...": that phrase dates another event, not this one coarsely
            and not regexp_matches(o.date_text, '\b(after|before|earlier|later)$', 'i')
    where
        m.date_text is null and m.event_date is not null and not m.is_historical and not m.place_is_context
        and m.mention_id not in (select a.mention_id from adopted_dates as a)
    group by m.mention_id
),

mentions_typed as (
    select
        m.* replace (
            case when c.mention_id is null then coalesce(a.adopted_date, u.adopted_date, m.event_date) end as event_date
        ),
        -- the publication day a coarsely dated attack's passage took is no day of the attack
        case when c.mention_id is null then m.event_date end as event_date_own
    from mentions_context as m
    left join adopted_dates as a using (mention_id)
    left join undated_adopted as u using (mention_id)
    left join coarsely_dated as c using (mention_id)
),

placed_own as (
    select *
    from mentions_typed
    where anchor_place_key is not null and event_date is not null and not place_is_context
),

-- Within one document and day, a town close to the place the document reports most that day is
-- the same attack told with a nearer or farther landmark ("a car bomb in Balashikha, outside
-- Moscow"): re-anchor settlements within {{ var('attack_merge_max_km', 35) }} km to that place.
document_day_places as (
    select
        document_id,
        event_date,
        attack_family,
        anchor_place_key,
        any_value(latitude) as latitude,
        any_value(longitude) as longitude,
        count(*) as n_passages,
        min(char_start) as first_start
    from placed_own
    where place_type in ('city', 'town', 'village', 'district', 'landmark') and latitude is not null
    group by all
),

document_day_main as (
    select
        document_id,
        event_date,
        attack_family,
        -- ties go to the place told first, so every run picks the same one
        arg_max(anchor_place_key, [n_passages, -first_start]) as main_place_key,
        arg_max(latitude, [n_passages, -first_start]) as main_latitude,
        arg_max(longitude, [n_passages, -first_start]) as main_longitude
    from document_day_places
    group by all
),

nearby_anchor as (
    select
        p.document_id,
        p.event_date,
        p.attack_family,
        p.anchor_place_key,
        m.main_place_key
    from document_day_places as p
    inner join document_day_main as m using (document_id, event_date, attack_family)
    where
        6371 * 2 * asin(sqrt(
            pow(sin(radians(m.main_latitude - p.latitude) / 2), 2)
            + cos(radians(p.latitude)) * cos(radians(m.main_latitude))
            * pow(sin(radians(m.main_longitude - p.longitude) / 2), 2)
        )) <= {{ var('attack_merge_max_km', 35) }}
),

placed_near as (
    select
        p.* exclude (anchor_place_key),
        coalesce(n.main_place_key, p.anchor_place_key) as anchor_place_key
    from placed_own as p
    left join nearby_anchor as n using (document_id, event_date, attack_family, anchor_place_key)
),

-- Within one document and day, a region is the attack told in a town of that region, when the
-- document reports one there that day ("a refinery in Rostov Region was hit" and "the
-- Novoshakhtinsk refinery"): the town told most, then first. A region with a toll of its own
-- stays, unless the town gives the same toll or none and the region's toll is told of one attack:
-- "5 civilians were killed in the Luhansk region during the day" sums the region's attacks, while
-- "five killed" in the region and five killed in its town are one attack, and so are "11 killed in
-- an attack at a training ground in the Belgorod region" and the attack the document tells in Belgorod.
-- A wider region ("the attack on Donbas", "southern Ukraine") is matched the same way through
-- the oblasts it is made of.
region_towns as (
    select
        document_id,
        event_date,
        attack_family,
        region_key,
        arg_max(anchor_place_key, [n_passages, -first_start]) as town_anchor_key,
        arg_max(town_killed, [n_passages, -first_start]) as town_killed,
        arg_max(town_injured, [n_passages, -first_start]) as town_injured
    from (
        select
            n.document_id,
            n.event_date,
            n.attack_family,
            r.region_key,
            n.anchor_place_key,
            count(*) as n_passages,
            min(n.char_start) as first_start,
            max(n.killed) as town_killed,
            max(n.injured) as town_injured
        from placed_near as n
        cross join unnest(coalesce(n.place_region_keys, [n.place_parent_key])) as r (region_key)
        where n.place_type in ('city', 'town', 'village', 'district', 'landmark') and r.region_key is not null
        group by all
    ) as towns
    group by all
),

placed as (
    select
        p.* exclude (anchor_place_key),
        coalesce(r.town_anchor_key, p.anchor_place_key) as anchor_place_key
    from placed_near as p
    left join region_towns as r
        on
            p.place_type = 'region'
            and (
                p.killed is null and p.injured is null
                or p.killed = r.town_killed
                or r.town_killed is null and r.town_injured is null
                and regexp_matches(p.sentence, '{{ one_attack_re }}', 'i')
            )
            and p.document_id = r.document_id
            and p.event_date = r.event_date
            and p.attack_family = r.attack_family
            and p.anchor_place_key = r.region_key
),

-- Within one document, dates of one place and family form windows of at most `max_days` days,
-- opened greedily from the earliest date, so a live blog that dates one strike "overnight" in one
-- post and "Thursday" in another reports one attack, while daily shelling of a city over a week
-- stays separate days. Across documents only the same window start merges: separate reports a day
-- apart are more often separate attacks (measured on ACLED: merging them halved date accuracy).
place_dates as (
    select
        document_id,
        anchor_place_key,
        attack_family,
        event_date,
        row_number() over (
            partition by document_id, anchor_place_key, attack_family order by event_date
        ) as n
    from (select distinct
        document_id,
        anchor_place_key,
        attack_family,
        event_date
    from placed) as distinct_dates
),

date_windows as (
    with recursive windows as (
        select
            document_id,
            anchor_place_key,
            attack_family,
            event_date,
            n,
            event_date as window_start
        from place_dates
        where n = 1
        union all
        select
            d.document_id,
            d.anchor_place_key,
            d.attack_family,
            d.event_date,
            d.n,
            case
                when datediff('day', w.window_start, d.event_date) <= {{ max_days }} then w.window_start
                else d.event_date
            end
        from place_dates as d
        inner join windows as w
            on
                d.document_id = w.document_id
                and d.anchor_place_key = w.anchor_place_key
                and d.attack_family = w.attack_family
                and d.n = w.n + 1
    )

    select * from windows
),

-- The side a passage names only as accused ("accusing Russian troops of shelling Yelenovka",
-- "Kyiv blamed Moscow") is one side's claim about an attack another passage may tell as done by
-- the other side.
placed_sides as (
    select
        p.*,
        w.window_start,
        case
            when not regexp_matches(coalesce(p.sentence, ''), '\b(accus|blam)', 'i') then p.attacker_key
        end as stated_attacker_key
    from placed as p
    inner join date_windows as w using (document_id, anchor_place_key, attack_family, event_date)
),

placed_grouped as (
    select
        * exclude (stated_attacker_key),
        -- a passage naming no side, or one only accused, joins the side its own document names
        -- there most (on a tie, first), else the one other documents name there most; opposing
        -- sides stated as fact stay apart, and so do opposing accusations with nothing stated
        coalesce(
            stated_attacker_key,
            mode(stated_attacker_key order by char_start)
                over (partition by document_id, anchor_place_key, window_start, attack_family),
            mode(stated_attacker_key order by document_id, char_start)
                over (partition by anchor_place_key, window_start, attack_family),
            attacker_key,
            mode(attacker_key order by char_start)
                over (partition by document_id, anchor_place_key, window_start, attack_family),
            mode(attacker_key order by document_id, char_start)
                over (partition by anchor_place_key, window_start, attack_family)
        ) as attacker_group
    from placed_sides
),

placed_keys as (
    select
        mention_id,
        'place|' || anchor_place_key || '|' || window_start || '|' || attack_family
        || '|' || coalesce(attacker_group, '?') as merge_key
    from placed_grouped
),

unplaced as (
    select
        *,
        coalesce(missiles_launched, missiles_intercepted, drones_launched, drones_intercepted) is not null
        and killed is null and injured is null as counts_munitions_only
    from mentions_typed
    where (anchor_place_key is null or place_is_context) and event_date is not null and not is_historical
),

-- how many passages of each document report each placed attack
document_attacks as (
    select
        p.document_id,
        p.event_date,
        k.merge_key,
        count(*) as n_passages,
        min(p.char_start) as first_start
    from placed as p
    inner join placed_keys as k using (mention_id)
    group by all
),

-- days of a document on which it places one attack of a family
lone_day_attacks as (
    select
        p.document_id,
        p.event_date,
        p.attack_family
    from placed as p
    inner join placed_keys as k using (mention_id)
    group by all
    having count(distinct k.merge_key) = 1
),

nearest_placed as (
    -- a passage without its own place joins the nearest placed passage of its document about the
    -- place it inherited ("At least 24 people were killed" before "the strike on Vinnytsia"), one of
    -- its own family before one of another ("my house had exploded" after "bombed in Russian air
    -- strikes" in that town is that air strike); else the nearest earlier placed passage of its
    -- family; else, for a passage that dates itself, the later one of its family and day when its
    -- document places only one (a headline's "25 killed in rocket attack in Ukraine on Independence
    -- Day" or "Russia said it targeted the train on Wednesday", then "the attack took place in
    -- Chaplyne"; a night's wave of strikes on several towns stays its own)
    select
        u.mention_id,
        arg_min(
            k.merge_key,
            [
                (p.anchor_place_key is distinct from u.anchor_place_key)::int,
                (p.anchor_place_key is distinct from u.anchor_place_key and p.char_start > u.char_start)::int,
                (p.attack_family is distinct from u.attack_family)::int,
                abs(u.char_start - p.char_start),
                p.char_start
            ]
        ) as merge_key
    from unplaced as u
    inner join placed as p
        on
            u.document_id = p.document_id
            and (u.event_date = p.event_date or u.date_text is null)
            and (
                p.char_start < u.char_start
                or p.anchor_place_key = u.anchor_place_key
                or (
                    u.date_text is not null
                    and p.attack_family = u.attack_family
                    and (u.document_id, u.event_date, u.attack_family) in (select * from lone_day_attacks)
                )
            )
            and (p.attack_family = u.attack_family or p.anchor_place_key = u.anchor_place_key)
    inner join placed_keys as k on p.mention_id = k.mention_id
    where not u.counts_munitions_only
    group by u.mention_id

    union all

    -- a munitions tally joins the attack its document reports most that day (on a tie, the one
    -- it tells first)
    select
        u.mention_id,
        arg_max(a.merge_key, [a.n_passages, -a.first_start]) as merge_key
    from unplaced as u
    inner join document_attacks as a
        on u.document_id = a.document_id and u.event_date = a.event_date
    where u.counts_munitions_only
    group by u.mention_id
),

-- Passages without a day about one place of a document and family ("In early July, missiles hit
-- Belgorod", "The attack also damaged houses") tell one attack, unless they give different dates
-- ("assassinated in Moscow in 2006", "... in 2015" stay two).
undated_groups as (
    select
        document_id,
        anchor_place_key,
        attack_family
    from mentions_typed
    where event_date is null and anchor_place_key is not null and not place_is_context
    group by all
    having count(*) > 1 and count(distinct lower(date_text)) <= 1  -- "Last week" and "last week" are one
),

-- Passages with no place of their own that found no placed passage to join ("Seconds later, their
-- car was fired on", "Ukraine claims it struck the vessel") tell one story per document, day and
-- family: one attack, not one per sentence.
keyed as (
    select
        m.*,
        coalesce(
            k.merge_key,
            n.merge_key,
            case
                when
                    m.event_date is not null and not m.is_historical
                    and (m.anchor_place_key is null or m.place_is_context)
                    then 'document|' || m.document_id || '|' || m.event_date || '|' || m.attack_family
                when g.document_id is not null
                    then 'undated|' || m.document_id || '|' || m.anchor_place_key || '|' || m.attack_family
            end,
            'mention|' || m.mention_id
        ) as merge_key
    from mentions_typed as m
    left join placed_keys as k on m.mention_id = k.mention_id
    left join nearest_placed as n on m.mention_id = n.mention_id
    left join undated_groups as g
        on
            m.event_date is null and not m.place_is_context
            and m.document_id = g.document_id
            and m.anchor_place_key = g.anchor_place_key
            and m.attack_family = g.attack_family
),

-- A named person is attacked once: every passage about the attack on that person reports one
-- event, in any document ("the assassination of X last December" joins the dated, placed
-- report). The event is the placed attack its best passage went to (one naming its own place and
-- date before one that inherits them), then the one most of them went to; else one of its own.
target_counts as (
    select
        target_key,
        merge_key,
        starts_with(merge_key, 'place|') as is_placed,
        max((place_text is not null)::int * 2 + (date_text is not null)::int) as evidence,
        count(*) as n_passages,
        min(char_start) as first_start
    from keyed
    where target_key is not null
    group by all
),

target_events as (
    select
        target_key,
        case
            when bool_or(is_placed)
                then arg_max(merge_key, [is_placed::int, evidence, n_passages, -first_start])
            else 'target|' || target_key
        end as merge_key
    from target_counts
    group by target_key
),

retargeted as (
    select
        k.* exclude (merge_key),
        coalesce(t.merge_key, k.merge_key) as merge_key
    from keyed as k
    left join target_events as t using (target_key)
)

-- A passage that joined no event and has no place below a country (its own or the one the text
-- was just talking about), no date of its own and no person attacked ("the fighting in Ukraine",
-- "28 journalists were killed in Ukraine") is commentary or a war total, not a record of one
-- attack: it is left out.
select
    * exclude (event_date_own) replace (event_date_own as event_date),
    substr(md5(merge_key), 1, 16) as attack_id
from retargeted
where not (
    not starts_with(merge_key, 'place|')
    and anchor_place_key is null
    and date_text is null
    and target_key is null
)
