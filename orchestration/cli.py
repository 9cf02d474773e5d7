"""`sitrep`: the command line behind `make run` and `make eval`."""
from __future__ import annotations

import argparse
import contextlib
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
        return run_command(args.inbox, args.warehouse, verbose=args.verbose)
    return print_summary(settings.warehouse_path())


# Lines of the captured run log shown when a quiet run fails.
FAILURE_TAIL_LINES = 40


def run_command(inbox: Path | None, warehouse: Path | None, verbose: bool = False) -> int:
    """Run once. Quiet by default: dbt's line per model and test goes to a log file beside the
    build database, and only its tail is shown when the run fails."""
    import dagster as dg

    from orchestration.runner import run_pipeline

    target_inbox = inbox.resolve() if inbox else settings.inbox_path()
    if not target_inbox.is_dir():
        print(f"sitrep: inbox folder not found: {target_inbox}", file=sys.stderr)
        return 2
    target_warehouse = warehouse.resolve() if warehouse else settings.warehouse_path()
    log_path = settings.build_path(target_warehouse).parent / "last_run.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    failure = None
    with open(log_path, "w", encoding="utf-8") as log, contextlib.ExitStack() as quiet:
        if not verbose:
            quiet.enter_context(contextlib.redirect_stdout(log))
            quiet.enter_context(contextlib.redirect_stderr(log))
        try:
            result = run_pipeline(inbox, warehouse, "DEBUG" if verbose else "WARNING")
            if not result.success:
                failure = "a step failed"
        except dg.DagsterError as error:
            failure = str(error)
    if failure:
        if not verbose:
            tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-FAILURE_TAIL_LINES:]
            print("\n".join(tail), file=sys.stderr)
        print(f"sitrep: the pipeline failed: {failure}", file=sys.stderr)
        print(f"sitrep: full log: {log_path}", file=sys.stderr)
        return 1
    if not verbose:
        print(f"sitrep: run log (dbt models and tests): {log_path}")
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
