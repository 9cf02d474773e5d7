"""Throughput of the whole extraction (`extract_documents`) over real articles.

Reads up to N articles from the benchmark corpus (never copied into the project), runs the full
pipeline once to warm up, then times it and prints words/s and docs/s, plus what was extracted.

    PYTHONPATH=src python bench/extract_speed.py            # 500 articles
    PYTHONPATH=src python bench/extract_speed.py -n 2000 --corpus /path/to/corpus

The corpus folder holds `ukraine_media/*.csv` (Date,URL,Title,Text) and/or `gdelt_articles/*.txt`;
`SITREP_BENCH_CORPUS` overrides the default location.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from extract.pipeline import DocumentInput, build_nlp, extract_documents

DEFAULT_CORPUS = "/work/shared/corpus"
csv.field_size_limit(sys.maxsize)


def corpus_articles(folder: Path) -> Iterator[DocumentInput]:
    """Every article in the corpus folder as a pipeline input (title line, blank line, body)."""
    for path in sorted(folder.glob("ukraine_media/*.csv")):
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                body = (row.get("Text") or "").strip()
                if body:
                    yield DocumentInput(f"{path.stem}#{number}", f"{(row.get('Title') or '').strip()}\n\n{body}",
                                        _parse_date(row.get("Date")))
    for path in sorted(folder.glob("gdelt_articles/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace").strip()
        if text:
            title, _, body = text.partition("\n")
            yield DocumentInput(path.stem, f"{title.strip()}\n\n{body.strip()}", None)


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%m/%d/%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(value.strip()[:19], fmt).date()
        except ValueError:
            continue
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=500)
    parser.add_argument("--corpus", default=os.environ.get("SITREP_BENCH_CORPUS", DEFAULT_CORPUS))
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0, help="which random sample of the corpus")
    args = parser.parse_args()

    articles = list(corpus_articles(Path(args.corpus)))
    if not articles:
        sys.exit(f"no articles under {args.corpus}")
    random.Random(args.seed).shuffle(articles)
    sample = articles[:args.articles]
    words = sum(len(a.text.split()) for a in sample)

    started = time.perf_counter()
    nlp = build_nlp()
    load_seconds = time.perf_counter() - started
    list(extract_documents(sample[:20], nlp, batch_size=args.batch_size))  # warm-up

    started = time.perf_counter()
    counts = {"attacks": 0, "statements": 0, "places": 0, "actors": 0}
    for extraction in extract_documents(sample, nlp, batch_size=args.batch_size):
        for name in counts:
            counts[name] += len(getattr(extraction, name))
    seconds = time.perf_counter() - started

    print(f"articles={len(sample)} words={words} model_load_s={load_seconds:.1f} extract_s={seconds:.1f}")
    print(f"docs/s={len(sample) / seconds:.2f} words/s={words / seconds:,.0f}")
    print("extracted " + " ".join(f"{name}={value}" for name, value in counts.items()))


if __name__ == "__main__":
    main()
