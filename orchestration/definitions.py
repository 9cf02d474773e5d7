"""The sitrep Dagster code location: assets, checks, schedule, sensor and resources."""
import dagster as dg

from orchestration.assets import extractions, inbox_documents
from orchestration.automation import hourly_schedule, inbox_sensor, pipeline_job
from orchestration.checks import raw_documents_are_sound, raw_evidence_offsets_reproduce_text
from orchestration.dbt import dbt_resource, sitrep_dbt_models
from orchestration.publish import published_warehouse
from orchestration.warehouse import WarehouseResource

defs = dg.Definitions(
    assets=[inbox_documents, extractions, sitrep_dbt_models, published_warehouse],
    asset_checks=[raw_documents_are_sound, raw_evidence_offsets_reproduce_text],
    jobs=[pipeline_job],
    schedules=[hourly_schedule],
    sensors=[inbox_sensor],
    resources={"warehouse": WarehouseResource(), "dbt": dbt_resource()},
)
