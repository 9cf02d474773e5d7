"""Session setup shared by all tests."""
import os


def pytest_configure(config):
    # Tests use throwaway Dagster instances, never the project's run history.
    os.environ.pop("DAGSTER_HOME", None)
    from orchestration.project import prepare_manifest

    prepare_manifest()  # the Dagster definitions read dbt's manifest at import
