"""Score a warehouse built over the sample articles against the hand-made gold annotations.

Gold files (see the gold README): attacks, traps, statements, scare_quotes, actors, places (JSONL).
A gold `doc` "000" (or `file` "000_x.txt") is the warehouse document whose file name starts "000_".
Every function here takes DataFrames and returns scores plus the per-item details behind them.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from evaluate.marts import Marts
from evaluate.matching import (
    distance_km,
    is_missing,
    longest_shared_run,
    name_key,
    overlaps,
    words,
)
from evaluate.report import Score, Section

GOLD_FILES = ("attacks", "traps", "statements", "scare_quotes", "actors", "places")
# Gold actors the articles only name in a byline, photo credit or link: neither found nor missed.
PERIPHERAL_ACTOR_FLAGS = ("byline_only", "credit_only", "link_only")
# Place types whose coordinates are checked; regions and countries are too large for a radius.
LOCAL_PLACE_TYPES = ("city", "town", "district")
NEAR_KM = 30.0
# Traps are short phrases: a passage falls into one when it holds (nearly) all of it.
TRAP_SHARE = 0.8
# A quote matches a gold quote when they share a run of half the shorter one, and the shorter is
# at least a quarter of the longer (a fragment is not the statement).
QUOTE_LENGTH_RATIO = 0.25
# A statement "is" a scare quote only when it is mostly that quote.
SCARE_LENGTH_RATIO = 0.5


@dataclass
class Gold:
    attacks: pd.DataFrame  # one row per (file, event)
    traps: pd.DataFrame
    statements: pd.DataFrame
    scare_quotes: pd.DataFrame
    actors: pd.DataFrame
    places: pd.DataFrame


def doc_key(file_name: object) -> str:
    """`000_cd30.txt` -> `000`, `c005.txt` -> `c005`: how gold names a document."""
    return Path(str(file_name)).stem.split("_", 1)[0]


def read_jsonl(path: Path) -> pd.DataFrame:
    if not path.is_file():
        return pd.DataFrame()
    lines = path.read_text(encoding="utf-8").splitlines()
    return pd.DataFrame([json.loads(line) for line in lines if line.strip()])


def load_gold(folder: Path) -> Gold | None:
    """The gold annotations in `folder`, or None when there are none."""
    if not folder.is_dir() or not any((folder / f"{name}.jsonl").is_file() for name in GOLD_FILES):
        return None
    frames = {name: read_jsonl(folder / f"{name}.jsonl") for name in GOLD_FILES}
    for name in ("attacks", "traps"):
        if "file" in frames[name]:
            frames[name]["doc"] = frames[name]["file"].map(doc_key)
    return Gold(**frames)


def flag(row: object, name: str) -> bool:
    """An optional boolean gold field (absent or NaN means False)."""
    value = getattr(row, name, None)
    return False if is_missing(value) else bool(value)


def iso_date(value: object) -> str | None:
    return None if is_missing(value) else pd.Timestamp(value).date().isoformat()


def same_figure(found: object, expected: object) -> bool:
    """Casualty figures agree: both unreported, or the same number."""
    if is_missing(found) or is_missing(expected):
        return is_missing(found) and is_missing(expected)
    return int(found) == int(expected)


def alias_keys(name: object, aliases: object) -> set[str]:
    names = [name, *(aliases if isinstance(aliases, list) else [])]
    return {name_key(n) for n in names if not is_missing(n)} - {""}


def annotated_docs(gold: Gold) -> set[str]:
    """Documents the gold covers: in each, every attack and every quote is annotated."""
    frames = (gold.attacks, gold.traps, gold.statements, gold.scare_quotes)
    return set().union(*(set(f["doc"]) for f in frames if "doc" in f))


def documents_with_gold_key(marts: Marts) -> pd.DataFrame:
    docs = marts.documents[["document_id", "file_name"]].copy()
    docs["doc"] = docs["file_name"].map(doc_key)
    return docs


# ---------------------------------------------------------------------------------------- attacks


def attack_mentions(marts: Marts) -> pd.DataFrame:
    """Every attack mention with its document's gold key, its attack's date, place and figures."""
    attacks = marts.attacks[["attack_id", "event_date", "place_id", "killed", "injured"]]
    places = marts.places[["place_id", "name"]].rename(columns={"name": "place_name"})
    return (
        marts.mentions[["mention_id", "attack_id", "document_id", "sentence", "char_start"]]
        .merge(documents_with_gold_key(marts)[["document_id", "doc"]], on="document_id")
        .merge(attacks, on="attack_id", how="left")
        .merge(places, on="place_id", how="left")
    )


def mention_reports_event(mention: object, event: object) -> bool:
    """The passage quotes the event's evidence, or names its place on its (known) date."""
    if any(overlaps(mention.sentence, evidence) for evidence in event.evidence):
        return True
    same_place = name_key(mention.place_name) in alias_keys(event.place, event.place_aliases)
    known_date = not is_missing(event.date)
    return known_date and same_place and iso_date(mention.event_date) == event.date


def match_events(events: pd.DataFrame, mentions: pd.DataFrame) -> dict[int, list[object]]:
    """Gold event row index -> the mentions in its document that report it."""
    matches: dict[int, list[object]] = {}
    for event in events.itertuples():
        in_doc = mentions[mentions["doc"] == event.doc]
        matches[event.Index] = [m for m in in_doc.itertuples() if mention_reports_event(m, event)]
    return matches


def score_attacks(gold: Gold, marts: Marts) -> tuple[list[Score], dict]:
    events = gold.attacks.reset_index(drop=True)
    if events.empty:
        return [], {}
    events["required"] = [flag(e, "required") for e in events.itertuples()]
    mentions = attack_mentions(marts)
    matches = match_events(events, mentions)
    scores: list[Score] = []
    details: dict = {}

    # Recall: a required (file, event) is found when one of its file's passages reports it.
    required = events[events["required"]]
    found = [i for i in required.index if matches[i]]
    scores.append(Score("attack_recall", "attack recall", len(found), len(required)))
    details["missed_events"] = [
        {"doc": events.at[i, "doc"], "event": events.at[i, "event"]}
        for i in required.index
        if not matches[i]
    ]

    # Precision: each attack row a gold file reports is right when it holds an event that file
    # reports (matched there or, rows being merged across files, in another file), neutral when
    # it holds only a required:false event, else wrong.
    rows_of_event: dict[str, set[str]] = defaultdict(set)
    for i, found_mentions in matches.items():
        rows_of_event[events.at[i, "event"]] |= {m.attack_id for m in found_mentions}
    right = wrong = 0
    false_attacks = []
    for doc in sorted(annotated_docs(gold)):
        in_doc = events[events["doc"] == doc]
        good = set().union(*(rows_of_event[e] for e in in_doc.loc[in_doc["required"], "event"]))
        neutral = set().union(*(rows_of_event[e] for e in in_doc["event"])) - good
        doc_mentions = mentions[mentions["doc"] == doc].sort_values("char_start")
        for attack_id, rows in doc_mentions.groupby("attack_id", sort=False):
            if attack_id in good:
                right += 1
            elif attack_id not in neutral:
                wrong += 1
                false_attacks.append({"doc": doc, "attack_id": attack_id,
                                      "sentence": rows["sentence"].iloc[0]})
    scores.append(Score("attack_precision", "attack precision", right, right + wrong))
    details["false_attacks"] = false_attacks

    scores += event_rows_scores(events, matches, marts, details)
    scores.append(trap_score(gold.traps, mentions, details))
    return scores, details


def event_rows_scores(
    events: pd.DataFrame, matches: dict[int, list[object]], marts: Marts, details: dict
) -> list[Score]:
    """Rows per real event (over all files), over-merged rows, and exact casualty figures."""
    rows_of: dict[str, Counter] = defaultdict(Counter)  # event -> attack_id -> matching mentions
    events_of: dict[str, set[str]] = defaultdict(set)  # attack_id -> required events it holds
    for i, found in matches.items():
        if events.at[i, "required"]:
            for m in found:
                rows_of[events.at[i, "event"]][m.attack_id] += 1
                events_of[m.attack_id].add(events.at[i, "event"])
    matched = sorted(rows_of)
    n_rows = sum(len(rows_of[e]) for e in matched)
    split = [e for e in matched if len(rows_of[e]) > 1]
    merged = {a: sorted(evs) for a, evs in events_of.items() if len(evs) > 1}
    details["rows_per_event"] = {e: sorted(rows_of[e]) for e in matched}
    details["rows_holding_several_events"] = merged

    # The figures of each found event are read from the row most of its passages went to.
    attacks = marts.attacks.set_index("attack_id")
    first = events.drop_duplicates("event").set_index("event")
    killed_ok = injured_ok = 0
    wrong_figures = []
    for event in matched:
        attack_id = min(rows_of[event].items(), key=lambda kv: (-kv[1], str(kv[0])))[0]
        row, expected = attacks.loc[attack_id], first.loc[event]
        k_ok = same_figure(row["killed"], expected["killed"])
        i_ok = same_figure(row["injured"], expected["injured"])
        killed_ok += k_ok
        injured_ok += i_ok
        if not (k_ok and i_ok):
            wrong_figures.append({"event": event, "attack_id": attack_id,
                                  "killed": row["killed"], "gold_killed": expected["killed"],
                                  "injured": row["injured"], "gold_injured": expected["injured"]})
    details["wrong_figures"] = wrong_figures
    return [
        Score("rows_per_event", "attack rows per real event", n_rows, len(matched), percent=False,
              note="ideal 1.00"),
        Score("events_split", "events split over >1 row", len(split), len(matched)),
        Score("rows_merging_events", "rows holding >1 gold event", len(merged),
              note="count, ideal 0"),
        Score("killed_exact", "killed exact", killed_ok, len(matched)),
        Score("injured_exact", "injured exact", injured_ok, len(matched)),
    ]


def trap_score(traps: pd.DataFrame, mentions: pd.DataFrame, details: dict) -> Score:
    """How many attack passages are built on a sentence that reports no attack."""
    sprung: dict[str, dict] = {}  # mention_id -> the trap it fell into (two traps may share one)
    for trap in traps.itertuples():
        in_doc = mentions[mentions["doc"] == trap.doc]
        for m in in_doc.itertuples():
            if overlaps(m.sentence, trap.sentence, min_share=TRAP_SHARE):
                sprung[m.mention_id] = {"doc": trap.doc, "trap": trap.sentence,
                                        "sentence": m.sentence}
    details["trap_mentions"] = list(sprung.values())
    return Score("trap_mentions", "trap sentences as attacks", len(sprung), note="count, ideal 0")


# ------------------------------------------------------------------------------------- statements


def extracted_statements(marts: Marts) -> pd.DataFrame:
    """Statements with their document's gold key and the speaker's actor name."""
    speakers = marts.actors[["actor_id", "name"]].rename(
        columns={"actor_id": "speaker_actor_id", "name": "speaker_name"}
    )
    return (
        marts.statements[["statement_id", "document_id", "speaker_actor_id", "speaker_text",
                          "quote", "statement_type"]]
        .merge(documents_with_gold_key(marts)[["document_id", "doc"]], on="document_id")
        .merge(speakers, on="speaker_actor_id", how="left")
    )


def same_quote(extracted: object, gold_quote: object) -> bool:
    return overlaps(extracted, gold_quote, min_length_ratio=QUOTE_LENGTH_RATIO)


def speaker_names(gold: Gold) -> dict[str, set[str]]:
    """Gold speaker name -> every accepted spelling (the actor's name and aliases)."""
    return {a.name: alias_keys(a.name, a.aliases) for a in gold.actors.itertuples()}


def speaker_is_right(statement: object, expected: object, names: dict[str, set[str]]) -> bool:
    accepted = names.get(expected.speaker, set()) | alias_keys(expected.speaker, None)
    accepted |= alias_keys(getattr(expected, "speaker_mention", None), None)
    said = {name_key(statement.speaker_name), name_key(statement.speaker_text)} - {""}
    return bool(said & accepted)


def score_statements(gold: Gold, marts: Marts) -> tuple[list[Score], dict]:
    expected = gold.statements.reset_index(drop=True)
    if expected.empty:
        return [], {}
    expected["required"] = [not flag(s, "weak") for s in expected.itertuples()]
    expected["indirect"] = [flag(s, "indirect") for s in expected.itertuples()]
    found = extracted_statements(marts)
    names = speaker_names(gold)
    # Only some documents annotate reported (indirect) speech; elsewhere it is neither right
    # nor wrong.
    indirect_docs = set(expected.loc[expected["indirect"], "doc"])

    best: dict[int, object] = {}  # gold row -> the extracted statement that overlaps it most
    right = wrong = scare = 0
    false_statements = []
    for doc in sorted(annotated_docs(gold)):
        gold_here = list(expected[expected["doc"] == doc].itertuples())
        scare_here = gold.scare_quotes[gold.scare_quotes["doc"] == doc]["quote"].tolist() \
            if not gold.scare_quotes.empty else []
        for s in found[found["doc"] == doc].itertuples():
            hits = [g for g in gold_here if same_quote(s.quote, g.quote)]
            for g in hits:
                share = longest_shared_run(words(s.quote), words(g.quote))
                if g.Index not in best or share > best[g.Index][1]:
                    best[g.Index] = (s, share)
            if s.statement_type == "indirect" and doc not in indirect_docs:
                continue
            if hits:
                right += 1
                continue
            wrong += 1
            is_scare = any(overlaps(s.quote, q, min_length_ratio=SCARE_LENGTH_RATIO)
                           for q in scare_here)
            scare += is_scare
            false_statements.append({"doc": doc, "quote": s.quote, "scare_quote": is_scare})

    def recall(rows: pd.DataFrame) -> tuple[int, int]:
        return sum(i in best for i in rows.index), len(rows)

    required = expected[expected["required"]]
    direct = required[~required["indirect"]]
    indirect = required[required["indirect"]]
    matched = [i for i in required.index if i in best]
    speakers_ok = sum(speaker_is_right(best[i][0], expected.loc[i], names) for i in matched)
    details = {
        "missed_statements": [
            {"doc": expected.at[i, "doc"], "quote": expected.at[i, "quote"]}
            for i in required.index if i not in best
        ],
        "false_statements": false_statements,
        "wrong_speakers": [
            {"quote": expected.at[i, "quote"], "gold": expected.at[i, "speaker"],
             "speaker_name": best[i][0].speaker_name, "speaker_text": best[i][0].speaker_text}
            for i in matched if not speaker_is_right(best[i][0], expected.loc[i], names)
        ],
    }
    return [
        Score("statement_recall", "statement recall", *recall(required)),
        Score("direct_statement_recall", "  direct quotes", *recall(direct)),
        Score("indirect_statement_recall", "  indirect statements", *recall(indirect)),
        Score("statement_precision", "statement precision", right, right + wrong),
        Score("scare_quotes_as_statements", "scare quotes as statements", scare,
              note="count, ideal 0"),
        Score("speaker_accuracy", "speaker accuracy", speakers_ok, len(matched)),
    ], details


# --------------------------------------------------------------------------------- actors, places


def score_actors(gold: Gold, marts: Marts) -> tuple[list[Score], dict]:
    actors = gold.actors
    if actors.empty:
        return [], {}
    keys = {a.name: alias_keys(a.name, a.aliases) for a in actors.itertuples()}
    # A spelling two gold actors share ("Security Council") says nothing about duplicates.
    shared = {k for k, n in Counter(k for ks in keys.values() for k in ks).items() if n > 1}
    warehouse_keys = marts.actors["name"].map(name_key)
    core = [a for a in actors.itertuples()
            if not any(flag(a, f) for f in PERIPHERAL_ACTOR_FLAGS)]
    missed, duplicated = [], {}
    n_found = n_persons = 0
    for actor in core:
        rows = marts.actors[warehouse_keys.isin(keys[actor.name])]
        if rows.empty:
            missed.append(actor.name)
            continue
        n_found += 1
        if actor.type == "person":
            n_persons += 1
            distinct = marts.actors[warehouse_keys.isin(keys[actor.name] - shared)]
            if len(distinct) > 1:
                duplicated[actor.name] = sorted(distinct["name"].astype(str))
    return [
        Score("actor_recall", "actor recall", n_found, len(core),
              note="bylines, credits and links excluded"),
        Score("person_duplicates", "persons over >1 actor row", len(duplicated), n_persons),
    ], {"missed_actors": missed, "duplicated_persons": duplicated}


def choose_place_row(rows: pd.DataFrame, place: object) -> pd.Series:
    """Among warehouse places named like the gold place, the same type first, then the nearest."""
    def rank(row: pd.Series) -> tuple:
        km = distance_km(row["latitude"], row["longitude"], place.lat, place.lon)
        return (row["place_type"] != place.type, float("inf") if km is None else km)
    return min((row for _, row in rows.iterrows()), key=rank)


def score_places(gold: Gold, marts: Marts) -> tuple[list[Score], dict]:
    places = gold.places
    if places.empty:
        return [], {}
    warehouse_keys = marts.places["name"].map(name_key)
    missed, wrong_country, far = [], [], []
    n_found = n_country = n_country_ok = n_local = n_near = 0
    for place in places.itertuples():
        rows = marts.places[warehouse_keys.isin(alias_keys(place.name, place.aliases))]
        if rows.empty:
            missed.append(place.name)
            continue
        n_found += 1
        row = choose_place_row(rows, place)
        if not is_missing(place.country):
            n_country += 1
            if row["country_code"] == place.country:
                n_country_ok += 1
            else:
                wrong_country.append({"place": place.name, "country_code": row["country_code"],
                                      "gold": place.country})
        if place.type in LOCAL_PLACE_TYPES and not is_missing(place.lat):
            n_local += 1
            km = distance_km(row["latitude"], row["longitude"], place.lat, place.lon)
            if km is not None and km <= NEAR_KM:
                n_near += 1
            else:
                far.append({"place": place.name, "km": None if km is None else round(km, 1)})
    return [
        Score("place_recall", "place recall", n_found, len(places)),
        Score("place_country_accuracy", "place country accuracy", n_country_ok, n_country),
        Score("local_places_within_30km", f"cities/towns/districts ≤{NEAR_KM:g} km", n_near,
              n_local),
    ], {"missed_places": missed, "wrong_country": wrong_country, "far_places": far}


# ------------------------------------------------------------------------------------------- all


def score_gold(gold: Gold, marts: Marts) -> Section:
    section = Section("gold")
    docs = annotated_docs(gold)
    in_warehouse = docs & set(documents_with_gold_key(marts)["doc"])
    section.scores.append(Score("gold_documents_found", "gold documents in warehouse",
                                len(in_warehouse), len(docs)))
    for scorer in (score_attacks, score_statements, score_actors, score_places):
        scores, details = scorer(gold, marts)
        section.scores += scores
        section.details.update(details)
    if marts.missing:
        section.notes.append("warehouse lacks " + ", ".join(marts.missing))
    return section
