"""A held-out set: 20 corpus articles annotated by hand in the seeds' gold format, never tuned on.

The articles are publishers' texts, so neither they nor any sentence of them is in the repository:
`gold_refs/` holds the annotations with every quoted span (evidence, trap sentence, quote) replaced
by its character offsets in the article and a hash of its text. `build` picks the articles out of
the corpus again (`select_articles.py`, a fixed rule) and writes the inbox and the full gold.

    python bench/holdout/holdout.py build /tmp/holdout            # needs ../shared/corpus
    SITREP_INBOX=/tmp/holdout/inbox SITREP_WAREHOUSE=/tmp/holdout/wh/sitrep.duckdb .venv/bin/sitrep run
    .venv/bin/sitrep evaluate --warehouse /tmp/holdout/wh/sitrep.duckdb --gold /tmp/holdout/gold --skip-acled

`encode GOLD INBOX` turns hand-made gold into `gold_refs/` (what the annotators' files became).
"""
from __future__ import annotations

import hashlib
import json
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).parent
CORPUS = HERE.parents[1] / ".." / "shared" / "corpus"
REFS = HERE / "gold_refs"
FILES = ("attacks", "traps", "statements", "scare_quotes", "actors", "places")
# Fields that copy the article's words; everything else (names, types, figures) is ours.
SPAN_FIELDS = {"attacks": ["evidence"], "traps": ["sentence"], "statements": ["quote"], "scare_quotes": ["quote"]}
DROPPED = ("note",)  # free-text notes may quote the article


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def encode(gold: Path, inbox: Path, refs: Path = REFS) -> None:
    """Hand-made gold -> `refs`, every quoted span replaced by its offsets and hash."""
    _convert(gold, refs, inbox, _ref, drop=DROPPED)


def build(out: Path) -> None:
    if not CORPUS.is_dir():
        sys.exit(f"holdout: no corpus at {CORPUS.resolve()}; nothing to build")
    inbox = out / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    runpy.run_path(str(HERE / "select_articles.py"), run_name="__main__",
                   init_globals={"OUT": inbox, "CORPUS": CORPUS})
    materialize(REFS, inbox, out / "gold")
    print(f"holdout: {len(list(inbox.glob('*.txt')))} articles in {inbox}, gold in {out / 'gold'}")


def materialize(refs: Path, inbox: Path, gold: Path) -> None:
    """The gold files with every span read back from the articles."""
    _convert(refs, gold, inbox, _span)


def _convert(source: Path, target: Path, inbox: Path, convert, drop: tuple[str, ...] = ()) -> None:
    """Every gold file from `source` to `target`, each span field passed through `convert(text, value)`."""
    target.mkdir(parents=True, exist_ok=True)
    articles: dict[str, str] = {}
    for name in FILES:
        rows = _read(source / f"{name}.jsonl")
        for row in rows:
            for key in drop:
                row.pop(key, None)
            for key in SPAN_FIELDS.get(name, []):
                text = _article(row, inbox, articles)
                value = row[key]
                row[key] = [convert(text, v) for v in value] if isinstance(value, list) else convert(text, value)
        _write(target / f"{name}.jsonl", rows)


def _article(row: dict, inbox: Path, cache: dict[str, str]) -> str:
    """The article a row annotates: its `file`, or the file whose name starts with its `doc`."""
    name = row.get("file") or min(inbox.glob(f"{row['doc']}_*")).name
    if name not in cache:
        cache[name] = (inbox / name).read_text(encoding="utf-8")
    return cache[name]


def _ref(text: str, span: str) -> dict:
    start = text.index(span)
    return {"at": start, "len": len(span), "sha1": digest(span)}


def _read(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _span(text: str, ref: dict) -> str:
    span = text[ref["at"]:ref["at"] + ref["len"]]
    if digest(span) != ref["sha1"]:
        raise ValueError(f"holdout: the corpus changed: span at {ref['at']} no longer matches its annotation")
    return span


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "build":
        build(Path(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "encode":
        encode(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)
