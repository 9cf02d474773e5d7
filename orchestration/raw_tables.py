"""The `raw` schema: DDL generated from the extraction row dataclasses, plus the landing tables.

Generating the DDL from `extract.rows` keeps one definition of each raw table: a field added to a
row class becomes a column here without a second edit.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime

from extract.rows import ActorMention, AttackMention, EntityMention, PlaceMention, Statement

# raw table name -> row class, for everything extraction produces
EXTRACTION_TABLES: dict[str, type] = {
    "entity_mentions": EntityMention,
    "place_mentions": PlaceMention,
    "actor_mentions": ActorMention,
    "attack_mentions": AttackMention,
    "statements": Statement,
}

LANDING_DDL = [
    """create table if not exists raw.documents (
        document_id varchar primary key,
        file_name varchar not null,
        title varchar,
        text varchar not null,
        source varchar,
        url varchar,
        published_at timestamp,
        char_count integer not null,
        content_sha256 varchar not null,
        ingested_at timestamp not null
    )""",
    """create table if not exists raw.rejects (
        file_name varchar not null,
        reason varchar not null,
        detail varchar,
        size_bytes bigint,
        content_sha256 varchar,
        rejected_at timestamp not null
    )""",
    """create table if not exists raw.extractions (
        document_id varchar primary key,
        extractor_version varchar not null,
        extracted_at timestamp not null
    )""",
]

_SQL_TYPES = {str: "varchar", int: "bigint", float: "double", bool: "boolean", date: "date",
              datetime: "timestamp"}


def sql_type(annotation: object) -> str:
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return sql_type(args[0])
    if typing.get_origin(annotation) is list:
        return sql_type(args[0]) + "[]"
    return _SQL_TYPES[annotation]


def table_ddl(table: str, row_class: type) -> str:
    hints = typing.get_type_hints(row_class)
    columns = ",\n    ".join(
        f"{f.name} {sql_type(hints[f.name])}" for f in dataclasses.fields(row_class)
    )
    return f"create table if not exists raw.{table} (\n    {columns}\n)"


def added_columns_ddl(table: str, row_class: type) -> list[str]:
    """A warehouse built by an older extractor gets the columns added since (null for old rows;
    the new extractor version re-extracts them)."""
    hints = typing.get_type_hints(row_class)
    return [
        f"alter table raw.{table} add column if not exists {f.name} {sql_type(hints[f.name])}"
        for f in dataclasses.fields(row_class)
    ]


def all_ddl() -> list[str]:
    ddl = ["create schema if not exists raw", *LANDING_DDL]
    for name, cls in EXTRACTION_TABLES.items():
        ddl += [table_ddl(name, cls), *added_columns_ddl(name, cls)]
    return ddl
