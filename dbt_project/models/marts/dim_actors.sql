select
    actor_key as actor_id,
    name,
    actor_type,
    country_code,
    role,
    cast(n_documents as integer) as n_documents,
    cast(n_mentions as integer) as n_mentions
from {{ ref('int_actors_resolved') }}
