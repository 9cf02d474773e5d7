"""The dbt project as Dagster sees it. Kept apart from the assets so the manifest can be prepared
(`dbt parse`) before anything that needs it is imported."""
import os
import shutil
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from orchestration import settings

sitrep_dbt_project = DbtProject(project_dir=settings.DBT_PROJECT_DIR)


def dbt_executable() -> str:
    """`dbt` from PATH, else the one installed beside this Python (the project's .venv)."""
    return shutil.which("dbt") or str(Path(sys.executable).parent / "dbt")


def prepare_manifest() -> None:
    """Write target/manifest.json with `dbt parse` (`dagster dev` does this by itself)."""
    if not shutil.which("dbt"):
        # dagster-dbt's preparer looks for `dbt` on PATH only
        os.environ["PATH"] = str(Path(dbt_executable()).parent) + os.pathsep + os.environ["PATH"]
    sitrep_dbt_project.preparer.prepare(sitrep_dbt_project)
