"""Thin Python assets: land the inbox in `raw`, run extraction into `raw`. The work is in
`extract` (pure Python) and `warehouse` (DuckDB); these functions only read, call and bulk-write."""

import dataclasses
from datetime import UTC, datetime

import dagster as dg
import pandas as pd

from extract import pipeline, reading
from extract.version import extractor_version
from orchestration import settings
from orchestration.raw_tables import EXTRACTION_TABLES
from orchestration.warehouse import WarehouseResource, insert_rows

WAREHOUSE_POOL = "sitrep_warehouse"  # one writer at a time (limit set in dagster.yaml)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", "documents"], description="One row per distinct article (content hash)."),
        dg.AssetSpec(["raw", "rejects"], description="Inbox files or rows that are not articles, with why."),
    ],
    group_name="raw",
    pool=WAREHOUSE_POOL,
)
def inbox_documents(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """Read every file in `SITREP_INBOX`; add articles not seen before; record rejections."""
    inbox = settings.inbox_path()
    contents = reading.read_inbox(inbox)
    now = datetime.now(UTC).replace(tzinfo=None)
    documents = documents_frame(contents.articles, now)
    rejects = pd.DataFrame(
        [dataclasses.asdict(r) | {"rejected_at": now} for r in contents.rejections], dtype=object
    )
    with warehouse.writer() as con:
        con.register("candidates", documents if not documents.empty else empty_documents())
        new_documents = con.execute(
            "select * from candidates where document_id not in (select document_id from raw.documents)"
        ).df()
        con.unregister("candidates")
        added = insert_rows(con, "raw.documents", new_documents)
        new_rejects = rejects
        if not rejects.empty:
            con.register("candidates", rejects)
            new_rejects = con.execute(
                "select * from candidates c where not exists (select 1 from raw.rejects r "
                "where r.file_name = c.file_name and r.content_sha256 is not distinct from c.content_sha256)"
            ).df()
            con.unregister("candidates")
        rejected = insert_rows(con, "raw.rejects", new_rejects)
        total = con.execute("select count(*) from raw.documents").fetchone()[0]
    for rejection in contents.rejections:
        context.log.warning(f"rejected {rejection.file_name}: {rejection.reason} ({rejection.detail})")
    yield dg.MaterializeResult(
        asset_key=["raw", "documents"],
        metadata={"inbox": str(inbox), "articles_read": len(contents.articles),
                  "documents_added": added, "documents_total": total},
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "rejects"],
        metadata={"rejected_this_run": len(contents.rejections), "new_rejects": rejected},
    )


def documents_frame(articles: list[reading.Article], now: datetime) -> pd.DataFrame:
    """One row per document id: the same text seen in two files is one document (first file wins)."""
    unique: dict[str, reading.Article] = {}
    for article in articles:
        unique.setdefault(article.document_id, article)
    return pd.DataFrame(
        [
            {
                "document_id": a.document_id, "file_name": a.file_name, "title": a.title,
                "text": a.text, "source": a.source, "url": a.url, "published_at": a.published_at,
                "char_count": a.char_count, "content_sha256": a.content_sha256, "ingested_at": now,
            }
            for a in unique.values()
        ],
        dtype=object,
    )


def empty_documents() -> pd.DataFrame:
    return pd.DataFrame({"document_id": pd.Series([], dtype="string")})


@dg.multi_asset(
    specs=[
        dg.AssetSpec(["raw", table], deps=[["raw", "documents"]],
                     description=f"Extraction output: {cls.__doc__.splitlines()[0]}")
        for table, cls in EXTRACTION_TABLES.items()
    ],
    group_name="raw",
    pool=WAREHOUSE_POOL,
)
def extractions(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """Extract from documents not yet processed by this extractor version (incremental, idempotent)."""
    version = extractor_version()
    with warehouse.writer() as con:
        pending = con.execute(
            "select d.document_id, d.text, cast(d.published_at as date) as published_on "
            "from raw.documents d left join raw.extractions e using (document_id) "
            "where e.extractor_version is distinct from ? order by d.document_id",
            [version],
        ).fetchall()
    inputs = [pipeline.DocumentInput(*row) for row in pending]
    context.log.info(f"extracting {len(inputs)} documents with extractor {version}")
    rows: dict[str, list] = {table: [] for table in EXTRACTION_TABLES}
    if inputs:
        nlp = pipeline.build_nlp()
        for result in pipeline.extract_documents(inputs, nlp):
            rows["entity_mentions"] += result.entities
            rows["place_mentions"] += result.places
            rows["actor_mentions"] += result.actors
            rows["attack_mentions"] += result.attacks
            rows["statements"] += result.statements
    now = datetime.now(UTC).replace(tzinfo=None)
    with warehouse.writer() as con:
        con.execute("begin transaction")
        ids = pd.DataFrame({"document_id": [i.document_id for i in inputs]}, dtype=object)
        con.register("pending_ids", ids if inputs else empty_documents())
        for table in EXTRACTION_TABLES:
            con.execute(f"delete from raw.{table} where document_id in (select document_id from pending_ids)")
            insert_rows(con, f"raw.{table}",
                        pd.DataFrame([dataclasses.asdict(r) for r in rows[table]], dtype=object))
        con.execute("delete from raw.extractions where document_id in (select document_id from pending_ids)")
        con.execute(
            "insert into raw.extractions select document_id, ?, ? from pending_ids", [version, now]
        )
        con.unregister("pending_ids")
        con.execute("commit")
        totals = {t: con.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in EXTRACTION_TABLES}
    for table in EXTRACTION_TABLES:
        yield dg.MaterializeResult(
            asset_key=["raw", table],
            metadata={"rows_added": len(rows[table]), "rows_total": totals[table],
                      "documents_extracted": len(inputs), "extractor_version": version},
        )
