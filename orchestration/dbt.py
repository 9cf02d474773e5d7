"""dbt models as Dagster assets; dbt tests arrive as asset checks."""

import os

import dagster as dg
from dagster_dbt import DbtCliResource, dbt_assets

from orchestration import settings
from orchestration.assets import WAREHOUSE_POOL
from orchestration.project import dbt_executable, sitrep_dbt_project
from orchestration.warehouse import WarehouseResource, writer_lock

sitrep_dbt_project.prepare_if_dev()


@dbt_assets(manifest=sitrep_dbt_project.manifest_path, project=sitrep_dbt_project, pool=WAREHOUSE_POOL)
def sitrep_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """staging -> intermediate -> marts, built and tested with `dbt build`."""
    # profiles.yml reads SITREP_WAREHOUSE; give dbt the absolute path this run resolved.
    os.environ["SITREP_WAREHOUSE"] = str(warehouse.published_path)
    with writer_lock(warehouse.build_path):
        yield from dbt.cli(["build"], context=context).stream()


def dbt_resource() -> DbtCliResource:
    return DbtCliResource(
        project_dir=sitrep_dbt_project,
        profiles_dir=str(settings.DBT_PROJECT_DIR),
        dbt_executable=dbt_executable(),
    )
