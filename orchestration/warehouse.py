"""The DuckDB warehouse: one working (build) database that the pipeline writes, and the published
file that readers open.

Readers (BI tools, the duckdb CLI) hold the published file; the pipeline never writes it in place.
It writes `.build/<name>`, then copies that into a fresh file readable by DuckDB 1.4 and renames it
over the published path. A reader that holds the old file keeps a complete old warehouse; the next
open sees the complete new one.
"""
from __future__ import annotations

import dataclasses
import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd

from orchestration import raw_tables, settings

# BI drivers bundle older DuckDB; files written in this format open in DuckDB 1.4 LTS and newer.
PUBLISHED_STORAGE_VERSION = "v1.4.0"
WRITER_LOCK_TIMEOUT_S = 30 * 60


class WarehouseResource(dg.ConfigurableResource):
    """Paths come from `SITREP_WAREHOUSE` unless set explicitly (tests set them)."""

    published: str | None = None

    @property
    def published_path(self) -> Path:
        return Path(self.published) if self.published else settings.warehouse_path()

    @property
    def build_path(self) -> Path:
        return settings.build_path(self.published_path)

    @contextmanager
    def writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the build database, held by one writer at a time across processes."""
        with writer_lock(self.build_path):
            con = duckdb.connect(str(self.build_path))
            try:
                for statement in raw_tables.all_ddl():
                    con.execute(statement)
                drop_outdated_extraction_tables(con)
                yield con
            finally:
                con.close()

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection to the build database, for checks that must not change it."""
        with writer_lock(self.build_path):
            con = duckdb.connect(str(self.build_path), read_only=True)
            try:
                yield con
            finally:
                con.close()

    def publish(self) -> dict:
        with writer_lock(self.build_path):
            return publish(self.build_path, self.published_path)


@contextmanager
def writer_lock(build: Path) -> Iterator[None]:
    """An advisory file lock beside the build database: a second run waits instead of crashing."""
    build.parent.mkdir(parents=True, exist_ok=True)
    with open(build.parent / (build.name + ".lock"), "w") as handle:
        deadline = time.monotonic() + WRITER_LOCK_TIMEOUT_S
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another sitrep run holds {build} for too long") from None
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def drop_outdated_extraction_tables(con: duckdb.DuckDBPyConnection) -> None:
    """When a row class gained or lost a field, rebuild its table and re-extract every document."""
    for table, row_class in raw_tables.EXTRACTION_TABLES.items():
        have = [
            row[0]
            for row in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'raw' and table_name = ? order by ordinal_position",
                [table],
            ).fetchall()
        ]
        want = [f.name for f in dataclasses.fields(row_class)]
        if have != want:
            con.execute(f"drop table if exists raw.{table}")
            con.execute(raw_tables.table_ddl(table, row_class))
            con.execute("delete from raw.extractions")


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Bulk insert by column name (never row by row)."""
    if frame.empty:
        return 0
    con.register("incoming_rows", frame)
    try:
        con.execute(f"insert into {table} by name select * from incoming_rows")
    finally:
        con.unregister("incoming_rows")
    return len(frame)


def publish(build: Path, published: Path) -> dict:
    """Copy the build database into a new 1.4-readable file and atomically rename it into place."""
    published.parent.mkdir(parents=True, exist_ok=True)
    staging = published.parent / f".{published.name}.publishing"
    staging.unlink(missing_ok=True)
    con = duckdb.connect()
    try:
        con.execute("attach ? as build_db (read_only)", [str(build)])
        con.execute(
            f"attach ? as published_db (storage_version '{PUBLISHED_STORAGE_VERSION}')",
            [str(staging)],
        )
        con.execute("copy from database build_db to published_db")
        counts = {
            table: con.execute(f"select count(*) from published_db.marts.{table}").fetchone()[0]
            for (table,) in con.execute(
                "select table_name from duckdb_tables() "
                "where database_name = 'published_db' and schema_name = 'marts' order by 1"
            ).fetchall()
        }
        con.execute("detach published_db")
        con.execute("detach build_db")
    finally:
        con.close()
    # rename(2) is atomic on one filesystem: readers see the old file or the new one, never a mix.
    os.replace(staging, published)
    return counts
