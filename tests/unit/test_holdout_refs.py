"""The held-out gold keeps no article text: spans become offsets and come back exactly, or fail."""
import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "holdout" / "holdout.py"


@pytest.fixture(scope="module")
def holdout():
    spec = importlib.util.spec_from_file_location("holdout", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_spans_become_offsets_and_come_back(holdout, tmp_path):
    inbox, gold, refs, out = (tmp_path / n for n in ("inbox", "gold", "refs", "out"))
    inbox.mkdir()
    gold.mkdir()
    article = "Title\n\nA drone hit a depot in Sumy, the governor said. \"We will rebuild it all,\" he added.\n"
    (inbox / "h00_test.txt").write_text(article, encoding="utf-8")
    write(gold / "attacks.jsonl", [{"file": "h00_test.txt", "event": "e", "place": "Sumy",
                                    "evidence": ["A drone hit a depot in Sumy, the governor said."], "note": "x"}])
    write(gold / "statements.jsonl", [{"doc": "h00", "line": 3, "quote": "We will rebuild it all,", "speaker": "g"}])

    holdout.encode(gold, inbox, refs)
    stored = (refs / "attacks.jsonl").read_text() + (refs / "statements.jsonl").read_text()
    assert "drone" not in stored and "rebuild" not in stored and "note" not in stored

    holdout.materialize(refs, inbox, out)
    attack = json.loads((out / "attacks.jsonl").read_text())
    statement = json.loads((out / "statements.jsonl").read_text())
    assert attack["evidence"] == ["A drone hit a depot in Sumy, the governor said."]
    assert statement["quote"] == "We will rebuild it all,"

    (inbox / "h00_test.txt").write_text(article.replace("drone", "shell"), encoding="utf-8")
    with pytest.raises(ValueError, match="corpus changed"):
        holdout.materialize(refs, inbox, out)
