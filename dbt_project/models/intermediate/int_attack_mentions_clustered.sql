-- Each attack mention gets the event (attack) it reports. Rules, in order:
--   1. Mentions with a place and a date merge when they share the anchor place (city level), the
--      event date, the attack family (strike / clash / explosive) and a compatible attacker
--      (a mention without an attacker joins the attacker most mentions of that group name).
--   2. A mention without a place joins the nearest earlier placed mention of the same document
--      with the same date (live blogs: "the strike also damaged ..." after naming the city).
--   3. Anything else stays its own event: undated or historical mentions never merge, so four
--      assassinations "in Moscow" in different years stay four events.
-- attack_id hashes the merge key, so it is stable when more articles are added.
with mentions as (
    select * from {{ ref('int_attack_mentions_placed') }}
),

placed as (
    select
        *,
        coalesce(
            attacker_key,
            mode(attacker_key) over (partition by anchor_place_key, event_date, attack_family)
        ) as attacker_group
    from mentions
    where anchor_place_key is not null and event_date is not null
),

placed_keys as (
    select
        mention_id,
        'place|' || anchor_place_key || '|' || event_date || '|' || attack_family
        || '|' || coalesce(attacker_group, '?') as merge_key
    from placed
),

unplaced as (
    select *
    from mentions
    where anchor_place_key is null and event_date is not null and not is_historical
),

nearest_placed as (
    select
        u.mention_id,
        arg_max(k.merge_key, p.char_start) as merge_key
    from unplaced as u
    inner join placed as p
        on
            u.document_id = p.document_id
            and u.event_date = p.event_date
            and p.char_start < u.char_start
            and u.attack_family = p.attack_family
    inner join placed_keys as k on p.mention_id = k.mention_id
    group by u.mention_id
),

keyed as (
    select
        m.*,
        coalesce(k.merge_key, n.merge_key, 'mention|' || m.mention_id) as merge_key
    from mentions as m
    left join placed_keys as k on m.mention_id = k.mention_id
    left join nearest_placed as n on m.mention_id = n.mention_id
)

select
    *,
    substr(md5(merge_key), 1, 16) as attack_id
from keyed
