"""The last step: publish the build database as the warehouse readers open."""

import dagster as dg

from orchestration.assets import WAREHOUSE_POOL
from orchestration.dbt import sitrep_dbt_models
from orchestration.warehouse import WarehouseResource


@dg.asset(key=["warehouse", "published"], deps=[sitrep_dbt_models], group_name="publish", pool=WAREHOUSE_POOL)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Atomically replace `SITREP_WAREHOUSE` with the freshly built, tested warehouse (DuckDB 1.4 readable)."""
    counts = warehouse.publish()
    context.log.info(f"published {warehouse.published_path}: {counts}")
    return dg.MaterializeResult(
        metadata={"path": str(warehouse.published_path), **{f"rows_{t}": n for t, n in counts.items()}}
    )
