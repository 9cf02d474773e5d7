"""Fixtures that run the real pipeline (real spaCy model, real dbt, real DuckDB) on temporary paths."""
from pathlib import Path

import duckdb
import pytest

from orchestration.runner import run_pipeline
from orchestration.settings import PROJECT_ROOT

ARTICLE_ONE = """Drone strike hits Testford power station

Russian drones struck a power station in Kharkiv overnight into Tuesday, killing two workers and
injuring five others, the regional governor said.
"We will rebuild it," the governor told reporters. "They will not break us."
"""

ARTICLE_TWO = """Talks stall as shelling continues

Ukraine's foreign minister said on Monday that talks with Russia had stalled.
Russian artillery shelled the city of Kherson on Monday, wounding three civilians, officials said.
"""


def write_inbox(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    folder = write_inbox(tmp_path_factory.mktemp("inbox"), {"one.txt": ARTICLE_ONE, "two.txt": ARTICLE_TWO})
    (folder / "manifest.csv").write_text(
        "file_name,published_at,source,url\none.txt,2024-06-04,Test Wire,\ntwo.txt,2024-06-03,,\n"
    )
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    return folder


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("wh") / "sitrep.duckdb"


@pytest.fixture(scope="module")
def first_run(inbox, warehouse):
    """One real run shared by the tests of a module (each run costs tens of seconds)."""
    return run_pipeline(inbox, warehouse)


@pytest.fixture(scope="session")
def seeds_warehouse(tmp_path_factory) -> Path:
    """The sample articles (the default inbox) built once for the whole session."""
    path = tmp_path_factory.mktemp("seeds") / "sitrep.duckdb"
    assert run_pipeline(PROJECT_ROOT / "seeds", path).success
    return path


def marts_snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every marts table, rows sorted, without load timestamps (those differ run to run by design)."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
        ).fetchall()]
        snapshot = {}
        for table in tables:
            frame = con.execute(f"select * from marts.{table}").df()
            frame = frame.drop(columns=[c for c in frame.columns if c == "ingested_at"])
            snapshot[table] = sorted(map(repr, frame.itertuples(index=False)))
        return snapshot
