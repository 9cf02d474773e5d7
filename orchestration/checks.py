"""Blocking checks on the raw landing: bad raw data stops the run before dbt builds on it."""

import dagster as dg

from orchestration.warehouse import WarehouseResource


@dg.asset_check(asset=dg.AssetKey(["raw", "documents"]), blocking=True)
def raw_documents_are_sound(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    """Every landed document has an id, a non-empty text, and a char_count equal to its length."""
    with warehouse.reader() as con:
        bad = con.execute(
            "select count(*) from raw.documents where document_id is null or text is null "
            "or length(trim(text)) = 0 or char_count != length(text)"
        ).fetchone()[0]
        total = con.execute("select count(*) from raw.documents").fetchone()[0]
    return dg.AssetCheckResult(passed=bad == 0, metadata={"bad_documents": bad, "documents": total})


@dg.asset_check(asset=dg.AssetKey(["raw", "attack_mentions"]), blocking=True)
def raw_evidence_offsets_reproduce_text(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    """Every extracted span (attacks, statements, places, actors) reproduces its verbatim text."""
    spans = [("attack_mentions", "sentence"), ("statements", "quote"),
             ("place_mentions", "surface"), ("actor_mentions", "surface")]
    failures = {}
    with warehouse.reader() as con:
        for table, column in spans:
            failures[table] = con.execute(
                f"select count(*) from raw.{table} as t join raw.documents as d using (document_id) "
                f"where substring(d.text, t.char_start + 1, t.char_end - t.char_start) "
                f"is distinct from t.{column}"
            ).fetchone()[0]
    return dg.AssetCheckResult(passed=sum(failures.values()) == 0, metadata=failures)
