"""Read the `marts` tables the evaluation needs from a warehouse file, as DataFrames.

Only the contract's columns are read, so extra columns never break the evaluation; a missing table
becomes an empty frame (and is reported) so the other metrics still run.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

# Table -> the contract columns the scoring reads.
COLUMNS: dict[str, list[str]] = {
    "dim_documents": ["document_id", "file_name", "title", "published_at"],
    "dim_places": ["place_id", "name", "place_type", "country_code", "latitude", "longitude"],
    "dim_actors": ["actor_id", "name", "actor_type", "country_code"],
    "fct_attacks": [
        "attack_id", "event_date", "place_id", "attacker_actor_id", "attack_type",
        "killed", "injured", "n_documents", "n_mentions",
    ],
    "fct_attack_mentions": [
        "mention_id", "attack_id", "document_id", "sentence", "char_start", "char_end",
        "killed_reported", "injured_reported",
    ],
    "fct_statements": [
        "statement_id", "document_id", "speaker_actor_id", "speaker_text", "quote",
        "statement_type", "char_start", "char_end",
    ],
}


@dataclass
class Marts:
    documents: pd.DataFrame
    places: pd.DataFrame
    actors: pd.DataFrame
    attacks: pd.DataFrame
    mentions: pd.DataFrame
    statements: pd.DataFrame
    missing: list[str] = field(default_factory=list)  # tables (or columns) the warehouse lacks


def load_marts(path: Path) -> Marts:
    """The marts of the warehouse at `path`, opened read-only (never blocks a running pipeline)."""
    frames: dict[str, pd.DataFrame] = {}
    missing: list[str] = []
    with duckdb.connect(str(path), read_only=True) as con:
        present = {
            (table, column)
            for table, column in con.execute(
                "select table_name, column_name from information_schema.columns "
                "where table_schema = 'marts'"
            ).fetchall()
        }
        for table, columns in COLUMNS.items():
            wanted = [c for c in columns if (table, c) in present]
            missing += [f"marts.{table}.{c}" for c in columns if (table, c) not in present]
            if wanted:
                # Identifiers cannot be parameters; these come from COLUMNS above, never from input.
                select = ", ".join(f'"{c}"' for c in wanted)
                frame = con.execute(f'select {select} from marts."{table}"').df()
            else:
                frame = pd.DataFrame()
            frames[table] = ids_as_objects(frame.reindex(columns=columns))
    return Marts(
        documents=frames["dim_documents"],
        places=frames["dim_places"],
        actors=frames["dim_actors"],
        attacks=frames["fct_attacks"],
        mentions=frames["fct_attack_mentions"],
        statements=frames["fct_statements"],
        missing=missing,
    )



def ids_as_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """Key columns as plain objects, so joins work even when a table is empty or lacks a column."""
    keys = [c for c in frame.columns if c.endswith("_id")]
    return frame.astype({c: object for c in keys})
