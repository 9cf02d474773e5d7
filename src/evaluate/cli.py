"""`sitrep evaluate`: score the warehouse against the gold annotations and against ACLED.

Paths default to the project layout, relative to the working directory (`make eval` runs from the
project root): the warehouse in `warehouse/`, gold and ACLED data in `../shared/` beside the
checkout.
Data that is not there is reported and skipped, never an error.
"""
from __future__ import annotations

import argparse
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from evaluate import acled, gold
from evaluate.marts import load_marts
from evaluate.report import Section, format_table, to_json, write_json


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sitrep evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path,
                        default=Path(os.environ.get("SITREP_WAREHOUSE", "warehouse/sitrep.duckdb")),
                        help="warehouse built over the sample articles ($SITREP_WAREHOUSE)")
    parser.add_argument("--gold", type=Path, default=Path("../shared/gold/seeds"),
                        help="folder of gold JSONL annotations")
    parser.add_argument("--acled", type=Path, default=Path("../shared/eval/acled_dev.csv"),
                        help="ACLED events CSV with a notes column")
    parser.add_argument("--acled-limit", type=int, default=None, metavar="N",
                        help="score a fixed sample of N events (default: all)")
    parser.add_argument("--acled-warehouse", type=Path, default=None, metavar="PATH",
                        help="score this prebuilt ACLED warehouse instead of running the pipeline")
    parser.add_argument("--acled-workdir", type=Path, default=None, metavar="DIR",
                        help="build the ACLED inbox and warehouse here, and keep them")
    parser.add_argument("--skip-acled", action="store_true", help="gold scoring only")
    parser.add_argument("--json", type=Path, default=Path("warehouse/eval.json"), dest="json_out",
                        help="where to write the scores as JSON")
    return parser.parse_args(argv)


def evaluate_gold(args: argparse.Namespace) -> Section:
    annotations = gold.load_gold(args.gold)
    if annotations is None:
        return Section("gold", skipped=f"no gold annotations at {args.gold}")
    if not args.warehouse.is_file():
        return Section("gold", skipped=f"no warehouse at {args.warehouse} (run `make run` first)")
    return gold.score_gold(annotations, load_marts(args.warehouse))


def evaluate_acled(args: argparse.Namespace) -> Section:
    if args.skip_acled:
        return Section("acled", skipped="--skip-acled")
    events = acled.load_acled(args.acled)
    if events is None:
        return Section("acled", skipped=f"no ACLED file at {args.acled}")
    events = acled.sample_events(events, args.acled_limit)
    if args.acled_warehouse is not None:
        section = acled.score_acled(events, load_marts(args.acled_warehouse))
        section.notes.append(f"scored the prebuilt warehouse {args.acled_warehouse}")
        return section
    with tempfile.TemporaryDirectory(prefix="sitrep-acled-") as scratch:
        workdir = args.acled_workdir or Path(scratch)
        print(f"acled: running the pipeline over {len(events)} events (a few minutes)...",
              flush=True)
        try:
            warehouse, seconds = acled.build_warehouse(events, workdir)
        except ModuleNotFoundError as missing:
            if missing.name not in ("orchestration", "orchestration.runner"):
                raise
            return Section("acled", skipped="orchestration.runner.run_pipeline is not available")
        # The pipeline's own failure, whatever its kind: report it and keep the gold scores.
        except Exception as error:  # noqa: BLE001
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
            return Section("acled", skipped=f"the pipeline failed: {reason}", failed=True)
        section = acled.score_acled(events, load_marts(warehouse))
    section.notes.append(f"pipeline over {len(events)} events took {seconds:.0f} s")
    if args.acled_workdir:
        section.notes.append(f"inbox, warehouse and pipeline.log kept in {args.acled_workdir}")
    section.details["pipeline_seconds"] = round(seconds, 1)
    return section


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sections = [evaluate_gold(args), evaluate_acled(args)]
    print(format_table(sections))
    context = {
        "evaluated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "warehouse": str(args.warehouse),
        "gold_dir": str(args.gold),
        "acled_file": str(args.acled),
        "acled_limit": args.acled_limit,
    }
    write_json(args.json_out, to_json(sections, context))
    print(f"scores written to {args.json_out}")
    return 1 if any(section.failed for section in sections) else 0


if __name__ == "__main__":
    raise SystemExit(main())
