"""The whole pipeline, for real, on a temporary inbox and warehouse.

The tests of this module run in order on one inbox: a first run, a second identical run, a run with
an article added while a reader holds the warehouse, and a run after a file changed.
"""
import os
import subprocess
import sys

import duckdb

from orchestration.runner import run_pipeline
from orchestration.settings import PROJECT_ROOT

from .conftest import marts_snapshot, write_inbox

MARTS = ["dim_documents", "document_texts", "dim_places", "dim_actors", "fct_attacks",
         "fct_attack_mentions", "fct_casualties", "fct_statements"]


def test_pipeline_builds_every_mart_and_every_check_passes(first_run, warehouse):
    assert first_run.success
    checks = first_run.get_asset_check_evaluations()
    assert len(checks) > 50, "dbt tests and raw checks should arrive as asset checks"
    failed = [c.asset_check_key.name for c in checks if not c.passed]
    assert failed == []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in MARTS:
            assert con.execute(f"select count(*) from marts.{table}").fetchone()[0] > 0, table
        assert con.execute("select count(*) from marts.dim_documents").fetchone()[0] == 2
        (reason,) = con.execute("select reason from raw.rejects where file_name = 'broken.txt'").fetchone()
        assert reason == "binary"


def test_every_evidence_offset_reproduces_its_text(first_run, warehouse):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table, column in [("fct_attack_mentions", "sentence"), ("fct_statements", "quote")]:
            rows = con.execute(
                f"select t.char_start, t.char_end, t.{column}, d.text from marts.{table} t "
                f"join marts.document_texts d using (document_id)"
            ).fetchall()
            assert rows, table
            for start, end, evidence, text in rows:
                assert text[start:end] == evidence


def test_published_warehouse_opens_in_duckdb_1_4(first_run, warehouse):
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
    out = subprocess.run([sys.executable, "-c", script, str(warehouse)], env=env, capture_output=True, check=False,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    attacks, documents = map(int, out.stdout.split())
    assert attacks > 0 and documents == 2


def test_running_twice_changes_nothing(first_run, inbox, warehouse):
    before = marts_snapshot(warehouse)
    assert run_pipeline(inbox, warehouse).success
    assert marts_snapshot(warehouse) == before


def test_a_reader_holding_the_warehouse_never_fails_a_run_and_adding_only_adds(first_run, inbox, warehouse):
    before = marts_snapshot(warehouse)
    reader = duckdb.connect(str(warehouse), read_only=True)  # a BI tool with the file open
    write_inbox(inbox, {"three.txt": "Bridge hit\n\nA Russian missile hit a bridge near Odesa on Friday, "
                                     "killing one driver, police said.\n"})
    assert run_pipeline(inbox, warehouse).success
    # the open reader still sees the complete warehouse it opened
    assert reader.execute("select count(*) from marts.dim_documents").fetchone()[0] == 2
    assert reader.execute("select count(*) from marts.fct_attack_mentions").fetchone()[0] > 0
    reader.close()
    after = marts_snapshot(warehouse)
    assert len(after["dim_documents"]) == 3
    for table in ["fct_attack_mentions", "fct_statements"]:
        assert set(before[table]) <= set(after[table]), table
    assert len(after["fct_attack_mentions"]) > len(before["fct_attack_mentions"])


def test_a_changed_file_replaces_its_previous_version(first_run, inbox, warehouse):
    path = inbox / "two.txt"
    path.write_text(path.read_text() + "Officials later said the wounded were all civilians.\n")
    assert run_pipeline(inbox, warehouse).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        current = con.execute("select count(*) from marts.dim_documents where file_name = 'two.txt'").fetchone()[0]
        versions = con.execute("select count(*) from raw.documents where file_name = 'two.txt'").fetchone()[0]
    assert (current, versions) == (1, 2)


def test_a_missing_inbox_is_a_clear_error(tmp_path, capsys):
    from orchestration.cli import main

    assert main(["run", "--inbox", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert "inbox folder not found" in capsys.readouterr().err


def test_a_failed_blocking_check_stops_the_run_before_publishing(first_run, inbox, warehouse):
    import dagster as dg

    from orchestration.settings import build_path

    before = marts_snapshot(warehouse)
    published_inode = warehouse.stat().st_ino
    build = build_path(warehouse)
    with duckdb.connect(str(build)) as con:  # corrupt the landing: a length that does not match
        con.execute("update raw.documents set char_count = char_count + 1 where file_name = 'one.txt'")
    try:
        succeeded = run_pipeline(inbox, warehouse).success
    except dg.DagsterError:
        succeeded = False
    finally:
        with duckdb.connect(str(build)) as con:
            con.execute("update raw.documents set char_count = length(text)")
    assert not succeeded
    assert warehouse.stat().st_ino == published_inode, "nothing may be published after a failed check"
    assert marts_snapshot(warehouse) == before
