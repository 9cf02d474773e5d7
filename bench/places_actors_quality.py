"""Quality of place and actor extraction against hand annotations and ACLED-coded events.

Gold (`places.jsonl`, `actors.jsonl` beside the four sample articles' annotations):
- place recall: (place, document) pairs where some mention's surface is a gold alias or its
  canonical name is the gold name; country accuracy and distance to the gold coordinates of those.
- actor recall, and persons split across keys (one real person with several `actor_key`s).
ACLED (`acled_dev.csv`, each `notes` text read as a tiny article): how often the coded location is
named, and how often the most specific place found lies within 30 km of the coded coordinates.

    PYTHONPATH=src python bench/places_actors_quality.py [-v] [--acled-sample 400]

Data stays where it is (`SITREP_GOLD`, `SITREP_ACLED` override the defaults); nothing is copied.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
from pathlib import Path

from extract import actors, places
from extract.gazetteer import fold
from extract.pipeline import build_nlp

DEFAULT_GOLD = "/work/shared/gold/seeds"
DEFAULT_SEEDS = "seeds"
DEFAULT_ACLED = "/work/shared/eval/acled_dev.csv"
NEAR_KM = 30
SETTLEMENTS = {"city", "town", "village", "district"}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def norm(text: str) -> str:
    return fold(text.replace("’", "'"))


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def matches(mention, gold: dict) -> bool:
    aliases = {norm(a) for a in gold["aliases"]} | {norm(gold["name"])}
    return norm(mention.surface) in aliases or norm(mention.name) == norm(gold["name"])


def gold_report(nlp, gold_dir: Path, seeds_dir: Path, verbose: bool) -> None:
    extracted = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        code = path.name[:3]
        extracted[code] = (places.find_places(doc, code), actors.find_actors(doc, code))

    found = total = right_country = with_country = near = with_coords = 0
    for gold in read_jsonl(gold_dir / "places.jsonl"):
        for code in gold["docs"]:
            total += 1
            hits = [m for m in extracted[code][0] if matches(m, gold)]
            if not hits:
                if verbose:
                    print(f"  missed place {gold['name']!r} in {code}")
                continue
            found += 1
            best = max(hits, key=lambda m: norm(m.name) == norm(gold["name"]))
            if gold["country"] or best.country_code:
                with_country += 1
                right_country += best.country_code == gold["country"]
            if gold["type"] in SETTLEMENTS and gold["lat"] is not None:
                with_coords += 1
                near += best.latitude is not None and km(
                    gold["lat"], gold["lon"], best.latitude, best.longitude) <= NEAR_KM
    print(f"places: recall {found}/{total} = {found / total:.3f}; country {right_country}/{with_country}; "
          f"settlements within {NEAR_KM} km {near}/{with_coords} = {near / max(with_coords, 1):.3f}")

    gold_actors = read_jsonl(gold_dir / "actors.jsonl")
    found = total = split = 0
    for gold in gold_actors:
        keys = set()
        for code in gold["docs"]:
            total += 1
            hits = [m for m in extracted[code][1] if matches(m, gold)]
            found += bool(hits)
            keys |= {m.actor_key for m in hits if m.actor_type == "person"}
            if not hits and verbose:
                print(f"  missed actor {gold['name']!r} ({gold['type']}) in {code}")
        if gold["type"] == "person" and len(keys) > 1:
            split += 1
            print(f"  split person {gold['name']!r}: {sorted(keys)}")
    print(f"actors: recall {found}/{total} = {found / total:.3f}; persons split across keys: {split}")


def acled_report(nlp, acled_path: Path, sample: int, verbose: bool) -> None:
    with open(acled_path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows = random.Random(1).sample(rows, min(sample, len(rows)))
    named = near = 0
    for row, doc in zip(rows, nlp.pipe((r["notes"] for r in rows), batch_size=64)):
        found = places.find_places(doc, "acled")
        location = norm(row["location"].split(" - ")[0])
        named += any(norm(m.surface) == location or norm(m.name) == location for m in found)
        best = places.most_specific(found, 0, len(doc.text))
        close = best is not None and best.latitude is not None and km(
            float(row["latitude"]), float(row["longitude"]), best.latitude, best.longitude) <= NEAR_KM
        near += close
        if verbose and not close:
            print(f"  ACLED {row['location']!r}: most specific found {best.name if best else None!r}")
    n = len(rows)
    print(f"ACLED notes ({n}): location named {named / n:.3f}; most specific place within {NEAR_KM} km {near / n:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses")
    parser.add_argument("--acled-sample", type=int, default=400, help="ACLED notes to read (0: skip)")
    args = parser.parse_args()
    nlp = build_nlp()
    gold_report(nlp, Path(os.environ.get("SITREP_GOLD", DEFAULT_GOLD)), Path(DEFAULT_SEEDS), args.verbose)
    acled = Path(os.environ.get("SITREP_ACLED", DEFAULT_ACLED))
    if args.acled_sample and acled.exists():
        acled_report(nlp, acled, args.acled_sample, args.verbose)


if __name__ == "__main__":
    main()
