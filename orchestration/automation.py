"""When the pipeline runs: on a schedule (a scheduled ETL) and when inbox files appear or change."""

import hashlib

import dagster as dg

from orchestration import settings

pipeline_job = dg.define_asset_job(
    "sitrep_pipeline",
    selection=dg.AssetSelection.all(),
    description="Inbox -> raw -> dbt (staging, intermediate, marts, tests) -> published warehouse.",
    executor_def=dg.in_process_executor,  # one process: ~2.4 s less per step than multiprocess
    tags={"sitrep/writes": "warehouse"},
)

# Hourly at minute 5; change the cron here (or turn it off in the UI) to suit your inbox.
hourly_schedule = dg.ScheduleDefinition(
    name="sitrep_hourly",
    job=pipeline_job,
    cron_schedule="5 * * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)


def inbox_fingerprint() -> str:
    """Changes when any inbox file is added, removed, renamed, resized or touched."""
    folder = settings.inbox_path()
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            stat = path.stat()
            digest.update(f"{path.relative_to(folder)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


@dg.sensor(job=pipeline_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def inbox_sensor(context: dg.SensorEvaluationContext):
    """Start a run when the inbox changes; the fingerprint is both cursor and run key."""
    fingerprint = inbox_fingerprint()
    if fingerprint == context.cursor:
        return dg.SkipReason(f"inbox unchanged ({fingerprint})")
    context.update_cursor(fingerprint)
    return dg.RunRequest(run_key=f"inbox-{fingerprint}")
