"""`sitrep`: the command line behind `make run` and `make eval`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from orchestration import settings

SUMMARY_TABLES = ["dim_documents", "fct_attacks", "fct_attack_mentions", "fct_casualties",
                  "fct_statements", "dim_actors", "dim_places"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sitrep", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the pipeline once over the inbox and publish the warehouse")
    run.add_argument("--inbox", type=Path, help="folder of articles (default: $SITREP_INBOX or seeds/)")
    run.add_argument("--warehouse", type=Path, help="published DuckDB file (default: $SITREP_WAREHOUSE)")
    run.add_argument("--verbose", action="store_true", help="log every step and dbt test")
    commands.add_parser("summary", help="print row counts of the published warehouse")
    commands.add_parser("evaluate", help="score the warehouse against gold and ACLED", add_help=False)
    args, rest = parser.parse_known_args(argv)

    if args.command == "evaluate":
        from evaluate.cli import main as evaluate_main

        return evaluate_main(rest)
    if rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.command == "run":
        return run_command(args.inbox, args.warehouse, "DEBUG" if args.verbose else "WARNING")
    return print_summary(settings.warehouse_path())


def run_command(inbox: Path | None, warehouse: Path | None, log_level: str) -> int:
    import dagster as dg

    from orchestration.runner import run_pipeline

    target_inbox = inbox.resolve() if inbox else settings.inbox_path()
    if not target_inbox.is_dir():
        print(f"sitrep: inbox folder not found: {target_inbox}", file=sys.stderr)
        return 2
    try:
        result = run_pipeline(inbox, warehouse, log_level)
    except dg.DagsterError as error:
        print(f"sitrep: the pipeline failed: {error}", file=sys.stderr)
        return 1
    if not result.success:
        print("sitrep: the pipeline failed; see the log above", file=sys.stderr)
        return 1
    return print_summary(settings.warehouse_path())


def print_summary(path: Path) -> int:
    if not path.exists():
        print(f"sitrep: no warehouse at {path}; run `make run` first", file=sys.stderr)
        return 2
    with duckdb.connect(str(path), read_only=True) as con:
        print(f"\nsitrep warehouse: {path}")
        for table in SUMMARY_TABLES:
            count = con.execute(f"select count(*) from marts.{table}").fetchone()[0]
            print(f"  {table:<22} {count:>7}")
        rejected = con.execute("select count(*) from raw.rejects").fetchone()[0]
        print(f"  {'rejected inputs':<22} {rejected:>7}  (see raw.rejects)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
