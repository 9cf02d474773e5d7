"""Plain rows that extraction returns; each dataclass is one table in the warehouse's `raw` schema.

Offsets (`char_start`, `char_end`) always index the document text exactly as extraction received
it: `text[char_start:char_end]` is the verbatim evidence.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


def stable_id(*parts: object) -> str:
    """A short deterministic id: the same inputs always give the same id across runs."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


@dataclass
class EntityMention:
    """A span that the spaCy pipeline (ruler or statistical NER) labelled."""
    mention_id: str
    document_id: str
    label: str
    text: str
    char_start: int
    char_end: int
    source: str  # "ruler" when the gazetteer entity ruler matched, else "ner"
    ruler_id: str | None = None


@dataclass
class PlaceMention:
    """A place named in the text, resolved to one canonical gazetteer place."""
    mention_id: str
    document_id: str
    surface: str
    char_start: int
    char_end: int
    place_key: str  # stable canonical key, e.g. "geonames:703448" or "gaz:ua-kharkiv-oblast"
    name: str  # canonical English name
    place_type: str  # country, region, city, town, village, district, landmark, water, other
    country_code: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    parent_key: str | None  # the enclosing place (district -> city -> region -> country)


@dataclass
class ActorMention:
    """A person, organization, country or armed force named in the text."""
    mention_id: str
    document_id: str
    surface: str
    char_start: int
    char_end: int
    actor_key: str  # canonical key shared by every spelling, e.g. "person:volodymyr zelensky"
    name: str  # canonical display name
    actor_type: str  # person, organization, country, armed_force, group
    country_code: str | None
    role: str | None


@dataclass
class AttackMention:
    """One passage reporting one attack, with exactly what that passage says."""
    mention_id: str
    document_id: str
    sentence: str
    char_start: int
    char_end: int
    attack_type: str  # ACLED sub-event vocabulary
    weapons: list[str] = field(default_factory=list)
    event_date: date | None = None
    date_text: str | None = None
    place_key: str | None = None
    place_text: str | None = None
    attacker_key: str | None = None
    attacker_text: str | None = None
    killed: int | None = None
    killed_low: int | None = None
    killed_high: int | None = None
    injured: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    killed_victim_group: str | None = None  # civilian, military, unknown
    injured_victim_group: str | None = None
    missiles_launched: int | None = None
    missiles_intercepted: int | None = None
    drones_launched: int | None = None
    drones_intercepted: int | None = None
    is_historical: bool = False  # told in passing about an earlier event
    source_kind: str | None = None  # official, vague, or None when unattributed
    killed_approximate: bool = False  # the figure is a vague word ("dozens") or "about N"
    injured_approximate: bool = False
    target_key: str | None = None  # the named person attacked ("the assassination of X"), an actor key
    target_text: str | None = None


@dataclass
class Statement:
    """A quoted (direct) or reported (indirect) statement and who made it."""
    statement_id: str
    document_id: str
    quote: str
    char_start: int
    char_end: int
    statement_type: str  # direct, indirect
    speaker_text: str | None = None
    speaker_char_start: int | None = None
    speaker_char_end: int | None = None
    speaker_key: str | None = None  # actor_key of the speaker when resolved
    cue: str | None = None
    statement_date: date | None = None
    speaker_name: str | None = None  # the named speaker a pronoun or title resolves to ("he" -> "Trump")
    attribution: str | None = None  # how the speaker was found: explicit, pronoun, title, context, none


@dataclass
class DocumentExtraction:
    """Everything extracted from one document."""
    document_id: str
    entities: list[EntityMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    attacks: list[AttackMention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
