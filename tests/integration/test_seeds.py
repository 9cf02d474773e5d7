"""The sample articles in seeds/ (the default inbox) through the real pipeline."""
import duckdb


def test_every_mart_has_rows_on_the_sample_articles(seeds_warehouse):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        counts = {t: con.execute(f"select count(*) from marts.{t}").fetchone()[0] for t in (
            "dim_documents", "document_texts", "dim_places", "dim_actors", "fct_attacks",
            "fct_attack_mentions", "fct_casualties", "fct_statements")}
    assert counts["dim_documents"] == 4
    assert all(n > 0 for n in counts.values()), counts


def test_manifest_dates_and_sources_reach_the_documents(seeds_warehouse):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        rows = dict(con.execute(
            "select file_name, strftime(published_at, '%Y-%m-%d') || '|' || coalesce(source, '') "
            "from marts.dim_documents").fetchall())
    assert rows["003_249bef095af5083e.txt"] == "2025-04-25|BBC News"
    assert rows["000_cd305699fe84539f.txt"] == "2025-02-12|"
