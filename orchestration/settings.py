"""Where sitrep reads and writes. Read from the environment when called, never at import time."""
from __future__ import annotations

import os
from pathlib import Path

# The one place that knows the checkout layout: orchestration/ sits at the project root.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"

DEFAULT_INBOX = "seeds"
DEFAULT_WAREHOUSE = "warehouse/sitrep.duckdb"


def inbox_path() -> Path:
    """`SITREP_INBOX`, relative paths taken from the project root."""
    return _absolute(os.environ.get("SITREP_INBOX") or DEFAULT_INBOX)


def warehouse_path() -> Path:
    """`SITREP_WAREHOUSE`: the published, read-only-for-everyone-else DuckDB file."""
    return _absolute(os.environ.get("SITREP_WAREHOUSE") or DEFAULT_WAREHOUSE)


def build_path(published: Path) -> Path:
    """The working database the pipeline writes; same file name, so dbt's views resolve after publish.

    `dbt_project/profiles.yml` derives the same path from `SITREP_WAREHOUSE`.
    """
    return published.parent / ".build" / published.name


def _absolute(value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (PROJECT_ROOT / path).resolve()
