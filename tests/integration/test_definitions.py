"""The Dagster code location: what `make ui` serves."""
import os

import dagster as dg

from orchestration.automation import inbox_sensor
from orchestration.definitions import defs


def test_definitions_load_with_assets_checks_schedule_and_sensor():
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {"raw/documents", "raw/rejects", "raw/attack_mentions", "raw/statements",
            "marts/fct_attacks", "marts/dim_places", "warehouse/published"} <= keys
    checks = {key.name for key in graph.asset_check_keys}
    assert "raw_documents_are_sound" in checks
    assert any(name.startswith("unique_") for name in checks), "dbt tests become asset checks"
    schedule = defs.resolve_schedule_def("sitrep_hourly")
    assert schedule.cron_schedule == "5 * * * *" and schedule.job_name == "sitrep_pipeline"
    assert defs.resolve_sensor_def("inbox_sensor").job_name == "sitrep_pipeline"


def test_dbt_sources_depend_on_the_python_raw_assets():
    graph = defs.resolve_asset_graph()
    parents = graph.get(dg.AssetKey(["staging", "stg_raw__attack_mentions"])).parent_keys
    assert dg.AssetKey(["raw", "attack_mentions"]) in parents


def test_sensor_requests_a_run_only_when_the_inbox_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_INBOX", str(tmp_path))
    (tmp_path / "a.txt").write_text("Title\n\nBody.")
    with dg.build_sensor_context() as context:
        first = inbox_sensor(context)
        assert isinstance(first, dg.RunRequest)
        assert isinstance(inbox_sensor(context), dg.SkipReason)
        (tmp_path / "b.txt").write_text("Another\n\nBody.")
        second = inbox_sensor(context)
        assert isinstance(second, dg.RunRequest) and second.run_key != first.run_key
        path = tmp_path / "a.txt"
        path.write_text("Title\n\nBody changed.")
        os.utime(path, ns=(1, 1))
        assert isinstance(inbox_sensor(context), dg.RunRequest)
