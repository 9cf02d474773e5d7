"""The whole pipeline, for real, on a temporary inbox and warehouse."""
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from orchestration.runner import run_pipeline
from orchestration.settings import PROJECT_ROOT

from .conftest import marts_snapshot, write_inbox

MARTS = ["dim_documents", "document_texts", "dim_places", "dim_actors", "fct_attacks",
         "fct_attack_mentions", "fct_casualties", "fct_statements"]


def test_pipeline_builds_every_mart_and_every_check_passes(inbox, warehouse):
    result = run_pipeline(inbox, warehouse)
    assert result.success
    checks = result.get_asset_check_evaluations()
    assert len(checks) > 50, "dbt tests and raw checks should arrive as asset checks"
    failed = [c.asset_check_key.name for c in checks if not c.passed]
    assert failed == []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in MARTS:
            assert con.execute(f"select count(*) from marts.{table}").fetchone()[0] > 0, table
        assert con.execute("select count(*) from marts.dim_documents").fetchone()[0] == 2
        (reason,) = con.execute("select reason from raw.rejects where file_name = 'broken.txt'").fetchone()
        assert reason == "binary"


def test_every_evidence_offset_reproduces_its_text(built):
    with duckdb.connect(str(built), read_only=True) as con:
        for table, column in [("fct_attack_mentions", "sentence"), ("fct_statements", "quote")]:
            rows = con.execute(
                f"select t.char_start, t.char_end, t.{column}, d.text from marts.{table} t "
                f"join marts.document_texts d using (document_id)"
            ).fetchall()
            assert rows, table
            for start, end, evidence, text in rows:
                assert text[start:end] == evidence


def test_running_twice_changes_nothing(built, inbox):
    before = marts_snapshot(built)
    assert run_pipeline(inbox, built).success
    assert marts_snapshot(built) == before


def test_adding_an_article_only_adds_what_it_says(built, inbox):
    before = marts_snapshot(built)
    write_inbox(inbox, {"three.txt": "Quiet day\n\nNo attacks were reported anywhere on Sunday.\n"})
    assert run_pipeline(inbox, built).success
    after = marts_snapshot(built)
    assert len(after["dim_documents"]) == len(before["dim_documents"]) + 1
    for table in ["fct_attacks", "fct_attack_mentions", "fct_statements", "fct_casualties"]:
        assert set(before[table]) <= set(after[table]), table


def test_a_changed_file_replaces_its_previous_version(built, inbox):
    path = inbox / "two.txt"
    path.write_text(path.read_text() + "Officials later said the wounded were all civilians.\n")
    assert run_pipeline(inbox, built).success
    with duckdb.connect(str(built), read_only=True) as con:
        titles = con.execute(
            "select count(*) from marts.dim_documents where file_name = 'two.txt'").fetchone()[0]
        versions = con.execute("select count(*) from raw.documents where file_name = 'two.txt'").fetchone()[0]
    assert (titles, versions) == (1, 2)


def test_a_reader_holding_the_warehouse_never_fails_a_run(built, inbox):
    reader = duckdb.connect(str(built), read_only=True)  # a BI tool with the file open
    before = reader.execute("select count(*) from marts.dim_documents").fetchone()[0]
    write_inbox(inbox, {"four.txt": "Another report\n\nA missile hit a bridge near Odesa on Friday.\n"})
    assert run_pipeline(inbox, built).success
    # the open reader still sees a complete warehouse: the one it opened
    assert reader.execute("select count(*) from marts.dim_documents").fetchone()[0] == before
    assert reader.execute("select count(*) from marts.fct_attack_mentions").fetchone()[0] > 0
    reader.close()
    with duckdb.connect(str(built), read_only=True) as fresh:
        assert fresh.execute("select count(*) from marts.dim_documents").fetchone()[0] == before + 1


def test_published_warehouse_opens_in_duckdb_1_4(built):
    duckdb14 = PROJECT_ROOT / ".venv" / "duckdb14"
    assert duckdb14.is_dir(), "make setup installs DuckDB 1.4 into .venv/duckdb14 for this test"
    script = (
        "import duckdb, sys\n"
        "assert duckdb.__version__.startswith('1.4'), duckdb.__version__\n"
        "con = duckdb.connect(sys.argv[1], read_only=True)\n"
        "print(con.execute('select count(*) from marts.fct_attacks').fetchone()[0])\n"
        "print(con.execute('select count(*) from marts.dim_documents').fetchone()[0])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(duckdb14)}
    out = subprocess.run([sys.executable, "-c", script, str(built)], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    attacks, documents = map(int, out.stdout.split())
    assert attacks > 0 and documents == 2


def test_a_missing_inbox_is_a_clear_error(tmp_path):
    from orchestration.cli import main

    assert main(["run", "--inbox", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
