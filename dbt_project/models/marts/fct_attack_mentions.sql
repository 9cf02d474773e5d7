select
    mention_id,
    attack_id,
    document_id,
    sentence,
    char_start,
    char_end,
    killed as killed_reported,
    injured as injured_reported,
    injured_low as injured_low_reported,
    killed_low as killed_low_reported,
    event_date as event_date_reported,
    place_key as place_id_reported,
    attack_type as attack_type_reported,
    merge_key
from {{ ref('int_attack_mentions_clustered') }}
