"""Score the pipeline against ACLED-coded events: each coder's `notes` is a tiny article.

The notes go into a temporary inbox as one CSV collection (the contract's `id,title,text,
published_at` format), the real pipeline builds a temporary warehouse from it, and each event's
first-reported attack is compared with the coded fields.
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd

from evaluate.marts import Marts
from evaluate.matching import distance_km, is_missing, name_key
from evaluate.report import Score, Section

VIOLENT_EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
# The contract's attack_type vocabulary (ACLED sub-event types); other sub-events cannot match.
ATTACK_TYPES = (
    "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
    "Armed clash", "Attack", "Other",
)
PLACE_KM = 15.0
COLLECTION_NAME = "acled.csv"
PIPELINE_ENV = ("SITREP_INBOX", "SITREP_WAREHOUSE")


def load_acled(path: Path) -> pd.DataFrame | None:
    if not path.is_file():
        return None
    return pd.read_csv(path, dtype={"event_id_cnty": str, "notes": str}, keep_default_na=False)


def sample_events(events: pd.DataFrame, limit: int | None) -> pd.DataFrame:
    """`limit` events picked by a hash of their id: the same sample every run, all dates mixed."""
    if limit is None or limit >= len(events):
        return events
    order = events["event_id_cnty"].map(lambda i: hashlib.sha256(i.encode()).hexdigest())
    return events.loc[order.sort_values().index[:limit]].sort_index()


def write_inbox(events: pd.DataFrame, folder: Path) -> Path:
    """One CSV collection; the id in the title keeps two events with equal notes two documents."""
    folder.mkdir(parents=True, exist_ok=True)
    collection = pd.DataFrame({
        "id": events["event_id_cnty"],
        "title": "Report " + events["event_id_cnty"],
        "text": events["notes"],
        "published_at": events["event_date"],
    })
    path = folder / COLLECTION_NAME
    collection.to_csv(path, index=False)
    return path


def build_warehouse(events: pd.DataFrame, workdir: Path) -> tuple[Path, float]:
    """Run the real pipeline over the events' notes; the warehouse path and the seconds it took."""
    from orchestration.runner import run_pipeline  # the lead's entry point; imported only when used

    inbox, warehouse = workdir / "inbox", workdir / "acled.duckdb"
    write_inbox(events, inbox)
    saved = {name: os.environ.get(name) for name in PIPELINE_ENV}
    started = time.perf_counter()
    log = workdir / "pipeline.log"
    try:
        with output_to(log):
            run_pipeline(inbox, warehouse)
    except Exception:
        tail = "".join(log.read_text(errors="replace").splitlines(True)[-40:])
        print(f"the pipeline failed; the end of {log}:\n{tail}", file=sys.stderr)
        raise
    finally:  # the runner points these at the temporary inbox and warehouse; put them back
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return warehouse, time.perf_counter() - started


@contextmanager
def output_to(path: Path) -> Iterator[None]:
    """Send all output to a file: Python's (Dagster's log) and the process's (dbt, subprocesses)."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with path.open("a", buffering=1, errors="replace") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            with redirect_stdout(log), redirect_stderr(log):
                yield
        finally:
            for fd, copy in zip((1, 2), saved, strict=True):
                os.dup2(copy, fd)
                os.close(copy)


def first_attacks(marts: Marts) -> pd.DataFrame:
    """Per ACLED event id, the attack its notes report first (the coded event leads the notes)."""
    docs = marts.documents[["document_id", "file_name"]].copy()
    docs["event_id"] = docs["file_name"].astype(str).str.rsplit("#", n=1).str[-1]
    places = marts.places[["place_id", "name", "latitude", "longitude"]].rename(
        columns={"name": "place_name"}
    )
    mentions = (
        marts.mentions[["attack_id", "document_id", "char_start"]]
        .merge(docs[["document_id", "event_id"]], on="document_id")
        .sort_values(["event_id", "char_start"])
    )
    n_attacks = mentions.groupby("event_id")["attack_id"].nunique().rename("n_attacks")
    first = mentions.drop_duplicates("event_id")[["event_id", "attack_id"]]
    attacks = marts.attacks[["attack_id", "event_date", "place_id", "attack_type", "killed"]]
    return (
        first.merge(attacks, on="attack_id", how="left")
        .merge(places, on="place_id", how="left")
        .merge(n_attacks, left_on="event_id", right_index=True)
        .set_index("event_id")
    )


def place_is_right(attack: pd.Series, event: pd.Series) -> bool:
    if name_key(attack["place_name"]) == name_key(event["location"]) != "":
        return True
    km = distance_km(attack["latitude"], attack["longitude"], event["latitude"], event["longitude"])
    return km is not None and km <= PLACE_KM


def fatalities(value: object) -> int:
    """ACLED codes "unknown" as 0, so an unreported figure counts as 0 too."""
    return 0 if is_missing(value) or value == "" else int(value)


def score_acled(events: pd.DataFrame, marts: Marts) -> Section:
    attacks = first_attacks(marts)
    violent = events[events["event_type"].isin(VIOLENT_EVENT_TYPES)]
    calm = events[~events["event_type"].isin(VIOLENT_EVENT_TYPES)]
    detected = violent[violent["event_id_cnty"].isin(attacks.index)]
    alarms = calm[calm["event_id_cnty"].isin(attacks.index)]
    typed = detected[detected["sub_event_type"].isin(ATTACK_TYPES)]

    place_ok = fatal_ok = type_ok = date_ok = deadly_ok = 0
    deadly = detected[detected["fatalities"].map(fatalities) > 0]
    misses: dict[str, list[str]] = {"place": [], "fatalities": [], "attack_type": [], "date": []}
    type_pairs: Counter = Counter()
    for _, event in detected.iterrows():
        attack = attacks.loc[event["event_id_cnty"]]
        event_id = event["event_id_cnty"]
        checks = {
            "place": place_is_right(attack, event),
            "fatalities": fatalities(attack["killed"]) == fatalities(event["fatalities"]),
            "date": not is_missing(attack["event_date"])
            and pd.Timestamp(attack["event_date"]).date().isoformat() == event["event_date"],
        }
        if event["sub_event_type"] in ATTACK_TYPES:
            checks["attack_type"] = attack["attack_type"] == event["sub_event_type"]
            type_pairs[f"{event['sub_event_type']} -> {attack['attack_type']}"] += 1
        for name, ok in checks.items():
            if not ok:
                misses[name].append(event_id)
        place_ok += checks["place"]
        fatal_ok += checks["fatalities"]
        deadly_ok += checks["fatalities"] and fatalities(event["fatalities"]) > 0
        date_ok += checks["date"]
        type_ok += checks.get("attack_type", False)

    n = len(detected)
    found = attacks.loc[detected["event_id_cnty"]]
    shared = found["attack_id"].map(attacks["attack_id"].value_counts()) > 1
    section = Section("acled")
    section.scores = [
        Score("violent_detected", "violent events detected", n, len(violent)),
        Score("non_violent_with_attack", "non-violent events with an attack", len(alarms),
              len(calm), note="false alarms (protests, strategic developments)"),
        Score("place_correct", "place correct", place_ok, n,
              note=f"name = location, or ≤{PLACE_KM:g} km"),
        Score("fatalities_exact", "fatalities exact", fatal_ok, n, note="null counted as 0"),
        Score("fatalities_exact_when_deadly", "  where ACLED codes deaths", deadly_ok,
              len(deadly), note="most events code 0; this is the harder part"),
        Score("attack_type_correct", "attack_type = sub_event_type", type_ok, len(typed),
              note="sub-event types in the contract vocabulary"),
        Score("event_date_correct", "event_date correct", date_ok, n),
        Score("attacks_per_detected_event", "attack rows per detected event",
              int(found["n_attacks"].sum()), n, percent=False, note="one coded event each"),
        Score("attack_row_shared", "events sharing their attack row", int(shared.sum()), n,
              note="merged with another coded event"),
    ]
    section.notes.append("place, fatalities, type and date are over detected violent events, "
                         "read from the attack each event's notes report first")
    section.details = {
        "undetected": sorted(set(violent["event_id_cnty"]) - set(detected["event_id_cnty"])),
        "false_alarms": sorted(alarms["event_id_cnty"]),
        "wrong": misses,
        "attack_type_pairs": dict(type_pairs.most_common()),
    }
    return section
