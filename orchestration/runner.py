"""Run the whole pipeline once, in this process, outside the web UI (used by `make run` and tests)."""
from __future__ import annotations

import os
from pathlib import Path

import dagster as dg

from orchestration.project import prepare_manifest


def run_pipeline(
    inbox: Path | None = None, warehouse: Path | None = None, log_level: str = "INFO"
) -> dg.ExecuteInProcessResult:
    """Materialize every asset over `inbox` and publish to `warehouse` (defaults: the env vars).

    Run history goes to `DAGSTER_HOME` when it is set, so `make ui` shows command-line runs too.
    Raises `dagster.DagsterError` subclasses when a step or a blocking check fails.
    """
    if inbox is not None:
        os.environ["SITREP_INBOX"] = str(Path(inbox).resolve())
    if warehouse is not None:
        os.environ["SITREP_WAREHOUSE"] = str(Path(warehouse).resolve())
    prepare_manifest()
    from orchestration.definitions import defs  # needs the manifest prepared above

    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    job = defs.resolve_job_def("sitrep_pipeline")
    run_config = {"loggers": {"console": {"config": {"log_level": log_level}}}}
    return job.execute_in_process(instance=instance, run_config=run_config)
