"""Every table and column of docs/warehouse-contract.md exists in the published warehouse with its type."""
import re

import duckdb

from orchestration.settings import PROJECT_ROOT

CONTRACT = PROJECT_ROOT / "docs" / "warehouse-contract.md"
# contract type word -> DuckDB types that honour it
COMPATIBLE = {
    "varchar": {"VARCHAR"}, "integer": {"INTEGER", "BIGINT"}, "bigint": {"BIGINT"},
    "double": {"DOUBLE"}, "date": {"DATE"}, "timestamp": {"TIMESTAMP"}, "varchar[]": {"VARCHAR[]"},
}


def contract_columns() -> dict[str, dict[str, str]]:
    """{table: {column: type word}} parsed from the contract's marts tables."""
    tables: dict[str, dict[str, str]] = {}
    current = None
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^`marts\.(\w+)`", line)
        if heading:
            current = tables.setdefault(heading.group(1), {})
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if current is None or len(cells) < 2 or cells[0] in ("column", "") or set(cells[0]) <= {"-"}:
            continue
        type_word = cells[1].split()[0]
        for column in cells[0].split(","):
            current[column.strip()] = type_word
    return tables


def test_contract_parses_into_all_marts():
    assert set(contract_columns()) == {"dim_documents", "document_texts", "dim_places", "dim_actors",
                                       "fct_attacks", "fct_attack_mentions", "fct_casualties", "fct_statements"}


def test_every_contract_column_exists_with_a_compatible_type(seeds_warehouse):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        actual = {(t, c): d for t, c, d in con.execute(
            "select table_name, column_name, data_type from information_schema.columns "
            "where table_schema = 'marts'").fetchall()}
    problems = []
    for table, columns in contract_columns().items():
        for column, type_word in columns.items():
            found = actual.get((table, column))
            if found is None:
                problems.append(f"missing {table}.{column}")
            elif found not in COMPATIBLE[type_word]:
                problems.append(f"{table}.{column} is {found}, contract says {type_word}")
    assert problems == []
