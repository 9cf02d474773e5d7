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


KYIV_ATTACKS = """
    select a.*, act.name as attacker
    from marts.fct_attacks as a
    join marts.dim_places as p using (place_id)
    left join marts.dim_places as parent on parent.place_id = p.parent_place_id
    left join marts.dim_actors as act on act.actor_id = a.attacker_actor_id
    where 'Kyiv' in (p.name, parent.name) and a.event_date = ?
"""


def test_the_strike_two_articles_report_is_one_attack_with_merged_figures(seeds_warehouse):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        rows = con.execute(KYIV_ATTACKS, ["2025-02-12"]).df()
    assert len(rows) == 1
    strike = rows.iloc[0]
    assert (strike.n_documents, strike.killed, strike.injured) == (2, 1, 4)
    assert (strike.missiles_launched, strike.missiles_intercepted) == (7, 6)
    assert (strike.drones_launched, strike.drones_intercepted) == (123, 71)
    assert strike.attacker == "Russia"


def test_the_live_blog_strike_keeps_its_latest_toll_and_range(seeds_warehouse):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        rows = con.execute(KYIV_ATTACKS, ["2025-04-24"]).df()
    assert len(rows) == 1
    strike = rows.iloc[0]
    assert (strike.killed, strike.killed_low, strike.killed_high, strike.injured) == (12, 8, 12, 90)


def test_one_row_for_zelensky_and_for_kyiv(seeds_warehouse):
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        zelensky = con.execute("select count(*) from marts.dim_actors where name ilike '%zelensk%'").fetchone()[0]
        kyiv = con.execute("select count(*) from marts.dim_places where name = 'Kyiv'").fetchone()[0]
    assert (zelensky, kyiv) == (1, 1)
