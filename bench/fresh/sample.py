"""Fresh corpus samples for blind checks: war articles from ukraine_media that are not in the holdout.

`draw` writes N articles (title line, blank line, text) and a manifest into OUT/inbox; `show` lists
the attack rows a pipeline run over them published, with their passages, for labelling by hand.
The articles stay outside the repository (they are third-party text).

    python bench/fresh/sample.py draw /tmp/u7 --seed 7777 -n 20
    .venv/bin/sitrep run --inbox /tmp/u7/inbox --warehouse /tmp/u7/wh.duckdb
    python bench/fresh/sample.py show /tmp/u7/wh.duckdb

Pass earlier sets' folders with --exclude to keep a new draw disjoint from them. (The sets u1-u7 of
the 2026-12-03 notes came from a scratch version of this rule over the same pool, so the same seed
here draws other articles.) `--pool gdelt` draws from the GDELT files instead (2022-2024, other
outlets), leaving out every file the holdout's rule could pick; bench/fresh/sets.md lists the sets drawn.
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
# The holdout's own rule (bench/holdout/select_articles.py), so its articles are left out.
WAR = re.compile(r"\b(killed|shelling|missile|drone strike|airstrike|shelled)\b", re.IGNORECASE)
HOLDOUT_SEED = 20261201
HOLDOUT_OUTLETS = ["bbc", "guardian", "AssociatedPress", "Reuters", "CNN", "RT", "NBC", "CBS", "ABC", "Mirror"]
csv.field_size_limit(sys.maxsize)


def war_articles(corpus: Path) -> dict[str, list[dict]]:
    by_outlet: dict[str, list[dict]] = {}
    for path in sorted((corpus / "ukraine_media").glob("*.csv")):
        if path.name == "NYT.csv":
            continue  # abstracts only
        with open(path, encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                words = len(row["Text"].split())
                if 250 <= words <= 1200 and row["Date"] >= "2022-02-24" and WAR.search(row["Text"]):
                    by_outlet.setdefault(path.stem, []).append(row)
    return by_outlet


def gdelt_war_articles(corpus: Path) -> dict[str, list[dict]]:
    """GDELT files as rows; the URL is the file's stem. Every 23rd file from the 11th is the holdout's."""
    rows = []
    for k, path in enumerate(sorted((corpus / "gdelt_articles").glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        day = path.stem[:8]  # GDELT file names start with the publication time
        if k % 23 != 11 and 250 <= len(text.split()) <= 1500 and WAR.search(text):
            rows.append({"URL": path.stem, "Title": "", "Text": text, "Date": f"{day[:4]}-{day[4:6]}-{day[6:8]}"})
    return {"gdelt": rows}


def draw(out: Path, seed: int, n: int, exclude: list[Path], corpus: Path = CORPUS, pool_name: str = "media") -> None:
    if pool_name == "gdelt":
        by_outlet, taken = gdelt_war_articles(corpus), set()
    else:
        by_outlet = war_articles(corpus)
        rng = random.Random(HOLDOUT_SEED)
        taken = {rng.choice(by_outlet[outlet])["URL"] for outlet in HOLDOUT_OUTLETS}
    for folder in exclude:
        with open(folder / "inbox" / "manifest.csv", encoding="utf-8") as handle:
            taken |= {row["url"] for row in csv.DictReader(handle)}
    pool = [(outlet, row) for outlet, rows in by_outlet.items() for row in rows if row["URL"] not in taken]
    inbox = out / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    manifest = []
    for i, (outlet, row) in enumerate(random.Random(seed).sample(pool, n)):
        name = f"{out.name}_{i:02d}_{outlet.lower()}.txt"
        title = row["Title"].strip()
        (inbox / name).write_text((title + "\n\n" if title else "") + row["Text"].strip() + "\n", encoding="utf-8")
        manifest.append((name, row["Date"][:10], outlet, row["URL"]))
    with open(inbox / "manifest.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file_name", "published_at", "source", "url"])
        writer.writerows(manifest)
    print(f"{n} of {len(pool)} unseen war articles in {inbox}")


def show(warehouse: Path) -> None:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    rows = con.sql("""
        select d.file_name, a.attack_id, a.event_date, p.name, a.attack_type, a.killed, a.injured, a.is_historical, m.sentence
        from marts.fct_attacks a
        join marts.fct_attack_mentions m using (attack_id)
        join marts.dim_documents d on d.document_id = m.document_id
        left join marts.dim_places p using (place_id)
        order by d.file_name, a.attack_id, m.char_start
    """).fetchall()
    last, count = None, 0
    for file_name, attack_id, day, place, kind, killed, injured, historical, sentence in rows:
        if (file_name, attack_id) != last:
            count += 1
            past = " | historical" if historical else ""
            print(f"\n[{count}] {file_name} | {day} | {place} | {kind} | killed={killed} injured={injured}{past}")
            last = (file_name, attack_id)
        print("    -", " ".join(sentence.split())[:300])
    print(f"\nattack rows: {count}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw")
    drawing.add_argument("out", type=Path)
    drawing.add_argument("--seed", type=int, required=True)
    drawing.add_argument("-n", type=int, default=25)
    drawing.add_argument("--exclude", type=Path, nargs="*", default=[])
    drawing.add_argument("--pool", choices=["media", "gdelt"], default="media")
    showing = commands.add_parser("show")
    showing.add_argument("warehouse", type=Path)
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.out, args.seed, args.n, args.exclude, pool_name=args.pool)
    else:
        show(args.warehouse)


if __name__ == "__main__":
    main()
