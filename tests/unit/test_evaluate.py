"""The evaluation harness: scoring functions on tiny hand-made warehouses and gold folders."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from evaluate import acled, cli, gold
from evaluate.marts import load_marts
from evaluate.matching import distance_km, is_missing, name_key, overlaps

# The contract's marts tables (the columns scoring reads, plus a few it must ignore).
MARTS_DDL = {
    "dim_documents": "document_id varchar, file_name varchar, title varchar, source varchar, "
                     "url varchar, published_at timestamp, char_count integer",
    "dim_places": "place_id varchar, name varchar, place_type varchar, country_code varchar, "
                  "admin1 varchar, latitude double, longitude double, geonames_id bigint",
    "dim_actors": "actor_id varchar, name varchar, actor_type varchar, country_code varchar, "
                  "role varchar",
    "fct_attacks": "attack_id varchar, event_date date, place_id varchar, "
                   "attacker_actor_id varchar, attack_type varchar, weapons varchar[], "
                   "killed integer, injured integer, n_documents integer, n_mentions integer",
    "fct_attack_mentions": "mention_id varchar, attack_id varchar, document_id varchar, "
                           "sentence varchar, char_start integer, char_end integer, "
                           "killed_reported integer, injured_reported integer",
    "fct_statements": "statement_id varchar, document_id varchar, speaker_actor_id varchar, "
                      "speaker_text varchar, quote varchar, statement_type varchar, cue varchar, "
                      "char_start integer, char_end integer, statement_date date",
}


def build_warehouse(path: Path, **rows: list[dict]) -> Path:
    """A DuckDB file with every marts table; `rows` fills some (table name -> list of dicts)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        for table, columns in MARTS_DDL.items():
            con.execute(f"create table marts.{table} ({columns})")
            if rows.get(table):
                frame = pd.DataFrame(rows[table])  # noqa: F841 (read by the SQL below)
                con.execute(f"insert into marts.{table} by name select * from frame")
    return path


# An invented two-article sample: 100 reports a strike on Veresk, 101 repeats it.
EVIDENCE = "Drones struck the river town of Veresk before dawn on Monday, killing two residents."
REPEAT = "Officials said two people died when drones hit Veresk on Monday."
OLD_EVENT = "Back in 2019 a depot near Veresk burned after an explosion."
TRAP = "thousands of volunteers have died over the years"
QUOTE = "We will rebuild every single house that was destroyed last night"
INDIRECT = "the town would receive emergency generators within a week"
SCARE = "heroic defenders"


def write_gold(folder: Path) -> Path:
    records = {
        "attacks": [
            {"file": "100_veresk.txt", "event": "veresk-1", "place": "Veresk",
             "place_aliases": ["Veresk"], "date": "2024-03-04", "killed": 2, "injured": None,
             "evidence": [EVIDENCE], "required": True},
            {"file": "101_update.txt", "event": "veresk-1", "place": "Veresk",
             "place_aliases": ["Veresk"], "date": "2024-03-04", "killed": 2, "injured": None,
             "evidence": [REPEAT], "required": True},
            {"file": "100_veresk.txt", "event": "depot-2019", "place": "Veresk",
             "place_aliases": ["Veresk"], "date": None, "killed": None, "injured": None,
             "evidence": [OLD_EVENT], "required": False},
        ],
        "traps": [{"file": "100_veresk.txt", "sentence": TRAP, "why": "war-wide total"}],
        "statements": [
            {"doc": "100", "quote": QUOTE, "speaker": "Olena Marchuk",
             "speaker_mention": "Marchuk", "indirect": False},
            {"doc": "100", "quote": INDIRECT, "speaker": "Olena Marchuk",
             "speaker_mention": "the mayor", "indirect": True},
        ],
        "scare_quotes": [{"doc": "100", "quote": SCARE, "kind": "scare"}],
        "actors": [
            {"name": "Olena Marchuk", "aliases": ["Olena Marchuk", "Marchuk", "Mayor Marchuk"],
             "type": "person", "country": "UA", "byline_only": False},
            {"name": "Petro Hlib", "aliases": ["Petro Hlib"], "type": "person", "country": "GB",
             "byline_only": True},
        ],
        "places": [
            {"name": "Veresk", "aliases": ["Veresk"], "type": "town", "country": "UA",
             "lat": 50.0, "lon": 30.0},
            {"name": "Saint Olaf Bay", "aliases": ["St Olaf Bay"], "type": "water",
             "country": None, "lat": None, "lon": None},
        ],
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in records.items():
        (folder / f"{name}.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return folder


def perfect_rows() -> dict[str, list[dict]]:
    """What an ideal pipeline would publish for the invented sample."""
    return {
        "dim_documents": [
            {"document_id": "d100", "file_name": "100_veresk.txt", "title": "Strike"},
            {"document_id": "d101", "file_name": "101_update.txt", "title": "Update"},
        ],
        "dim_places": [
            {"place_id": "p1", "name": "Veresk", "place_type": "town", "country_code": "UA",
             "latitude": 50.05, "longitude": 30.05},
            {"place_id": "p2", "name": "St. Olaf Bay", "place_type": "water"},
        ],
        "dim_actors": [{"actor_id": "a1", "name": "Olena Marchuk", "actor_type": "person"}],
        "fct_attacks": [
            {"attack_id": "k1", "event_date": "2024-03-04", "place_id": "p1",
             "attack_type": "Air/drone strike", "killed": 2, "injured": None},
            {"attack_id": "k2", "event_date": None, "place_id": "p1", "attack_type": "Other"},
        ],
        "fct_attack_mentions": [
            {"mention_id": "m1", "attack_id": "k1", "document_id": "d100", "sentence": EVIDENCE,
             "char_start": 10},
            {"mention_id": "m2", "attack_id": "k1", "document_id": "d101", "sentence": REPEAT,
             "char_start": 10},
            # The required:false event, extracted: neither right nor wrong.
            {"mention_id": "m3", "attack_id": "k2", "document_id": "d100", "sentence": OLD_EVENT,
             "char_start": 200},
        ],
        "fct_statements": [
            {"statement_id": "s1", "document_id": "d100", "speaker_actor_id": "a1",
             "speaker_text": "she", "quote": QUOTE + ",", "statement_type": "direct"},
            {"statement_id": "s2", "document_id": "d100", "speaker_actor_id": None,
             "speaker_text": "Mayor Marchuk", "quote": INDIRECT, "statement_type": "indirect"},
        ],
    }


def scores_of(section) -> dict[str, float | None]:
    return {s.key: s.value for s in section.scores}


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    return write_gold(tmp_path / "gold")


def score(tmp_path: Path, gold_dir: Path, rows: dict[str, list[dict]]) -> dict:
    warehouse = build_warehouse(tmp_path / "w.duckdb", **rows)
    return scores_of(gold.score_gold(gold.load_gold(gold_dir), load_marts(warehouse)))


# ------------------------------------------------------------------------------------- matching


def test_overlap_ignores_quote_marks_case_and_sentence_splits():
    assert overlaps("Ukraine’s capital was hit.", "UKRAINE'S CAPITAL WAS HIT")
    assert overlaps("The first half of a long sentence", "The first half of a long sentence, "
                    "and then the second half of it")
    assert not overlaps("Drones hit the port at night.", "Talks resumed in the capital.")


def test_overlap_length_ratio_rejects_a_fragment_of_a_long_quote():
    long_quote = "we will hold the line and we will not give up a single metre of our land today"
    assert overlaps("hold the line", long_quote)
    assert not overlaps("hold the line", long_quote, min_length_ratio=0.25)


def test_name_key_and_distance_and_missing_values():
    assert name_key("Saint-Petersburg") == name_key("St Petersburg")
    assert name_key("the Kremlin") == name_key("Kremlin")
    assert name_key("António Guterres") == name_key("Antonio Guterres")
    assert name_key("Kyiv") != name_key("Kiev")  # another spelling is not folded away
    assert distance_km(50.45, 30.52, 49.99, 36.23) == pytest.approx(410, abs=10)  # Kyiv-Kharkiv
    assert distance_km(50.0, None, 50.0, 30.0) is None
    assert all(is_missing(v) for v in (None, float("nan"), pd.NA, pd.NaT))
    assert not any(is_missing(v) for v in (0, "", "x"))


# ----------------------------------------------------------------------------------------- gold


def test_gold_names_a_document_by_its_prefix_or_its_stem():
    assert gold.doc_key("000_cd30.txt") == "000"
    assert gold.doc_key("inbox/c005.txt") == "c005"  # no prefix: the name without its extension


def test_perfect_warehouse_scores_full_marks(tmp_path, gold_dir):
    got = score(tmp_path, gold_dir, perfect_rows())
    for key in ("gold_documents_found", "attack_recall", "attack_precision", "killed_exact",
                "injured_exact", "statement_recall", "direct_statement_recall",
                "indirect_statement_recall", "statement_precision", "speaker_accuracy",
                "actor_recall", "place_recall", "local_places_within_30km"):
        assert got[key] == 1.0, key
    assert got["rows_per_event"] == 1.0
    assert got["events_split"] == 0.0
    assert got["trap_mentions"] == 0
    assert got["scare_quotes_as_statements"] == 0
    assert got["person_duplicates"] == 0.0


def test_empty_warehouse_scores_zero_and_never_fails(tmp_path, gold_dir):
    got = score(tmp_path, gold_dir, {"dim_documents": perfect_rows()["dim_documents"]})
    assert got["attack_recall"] == 0.0
    assert got["statement_recall"] == 0.0
    assert got["actor_recall"] == 0.0 and got["place_recall"] == 0.0
    assert got["attack_precision"] is None  # nothing extracted: no precision to speak of


def test_a_missed_event_and_a_trap_attack_lower_recall_and_precision(tmp_path, gold_dir):
    rows = perfect_rows()
    rows["fct_attack_mentions"].pop(1)  # m2
    rows["fct_attacks"].append({"attack_id": "k3", "attack_type": "Other"})
    rows["fct_attack_mentions"].append(
        {"mention_id": "m9", "attack_id": "k3", "document_id": "d100",
         "sentence": f"Since the invasion, {TRAP}, the ministry said.", "char_start": 300})
    got = score(tmp_path, gold_dir, rows)
    assert got["attack_recall"] == 0.5  # 101 lost its mention
    assert got["attack_precision"] == 0.5  # k1 right in 100, k3 wrong, k2 neutral
    assert got["trap_mentions"] == 1


def test_a_passage_holding_two_traps_counts_once_and_a_near_miss_not_at_all(tmp_path, gold_dir):
    (gold_dir / "traps.jsonl").write_text("\n".join(json.dumps(
        {"file": "100_veresk.txt", "sentence": trap}) for trap in (TRAP, "nobody counts the dead")))
    rows = perfect_rows()
    rows["fct_attacks"].append({"attack_id": "k3", "attack_type": "Other"})
    rows["fct_attack_mentions"] += [
        {"mention_id": "m9", "attack_id": "k3", "document_id": "d100",
         "sentence": f"Nobody counts the dead; {TRAP}.", "char_start": 300},
        {"mention_id": "m10", "attack_id": "k3", "document_id": "d100",
         "sentence": "Thousands of people fled over the border.", "char_start": 400},
    ]
    assert score(tmp_path, gold_dir, rows)["trap_mentions"] == 1


def test_a_row_holding_an_event_its_file_reports_is_right_whatever_the_sentence(
    tmp_path, gold_dir
):
    rows = perfect_rows()
    rows["fct_attacks"][0]["event_date"] = None  # no place+date match in 101 either
    rows["fct_attack_mentions"][1]["sentence"] = "Rescue work continued through the afternoon."
    got = score(tmp_path, gold_dir, rows)
    assert got["attack_recall"] == 0.5  # 101's evidence was not extracted...
    assert got["attack_precision"] == 1.0  # ...but k1, found in 100, is the event 101 reports


def test_the_same_event_in_two_rows_counts_two_rows_per_event(tmp_path, gold_dir):
    rows = perfect_rows()
    rows["fct_attacks"].append({"attack_id": "k1b", "event_date": "2024-03-04", "place_id": "p1",
                                "attack_type": "Air/drone strike", "killed": 2})
    rows["fct_attack_mentions"][1]["attack_id"] = "k1b"
    got = score(tmp_path, gold_dir, rows)
    assert got["attack_recall"] == 1.0
    assert got["rows_per_event"] == 2.0
    assert got["events_split"] == 1.0


def test_place_and_date_match_an_event_without_its_evidence_sentence(tmp_path, gold_dir):
    rows = perfect_rows()
    rows["fct_attack_mentions"][1]["sentence"] = "Rescue work continued through the afternoon."
    assert score(tmp_path, gold_dir, rows)["attack_recall"] == 1.0
    rows["fct_attacks"][0]["event_date"] = "2024-03-05"  # now neither sentence nor date agree
    assert score(tmp_path / "again", gold_dir, rows)["attack_recall"] == 0.5


def test_wrong_casualty_figures_are_not_exact(tmp_path, gold_dir):
    rows = perfect_rows()
    rows["fct_attacks"][0].update(killed=3, injured=5)
    got = score(tmp_path, gold_dir, rows)
    assert got["killed_exact"] == 0.0
    assert got["injured_exact"] == 0.0  # gold says not reported; 5 is not "not reported"


def test_scare_quote_and_wrong_speaker_are_penalised(tmp_path, gold_dir):
    rows = perfect_rows()
    rows["dim_actors"].append({"actor_id": "a2", "name": "Ivan Sydor", "actor_type": "person"})
    rows["fct_statements"][0].update(speaker_actor_id="a2", speaker_text="Sydor")
    rows["fct_statements"].append({"statement_id": "s3", "document_id": "d100", "quote": SCARE,
                                   "statement_type": "direct"})
    got = score(tmp_path, gold_dir, rows)
    assert got["statement_recall"] == 1.0
    assert got["statement_precision"] == pytest.approx(2 / 3)
    assert got["scare_quotes_as_statements"] == 1
    assert got["speaker_accuracy"] == 0.5  # the indirect one is still right via "Mayor Marchuk"


def test_indirect_statements_count_only_where_gold_annotates_them(tmp_path, gold_dir):
    rows = perfect_rows()
    rows["fct_statements"].append(
        {"statement_id": "s4", "document_id": "d101", "quote": "repairs would take a month",
         "statement_type": "indirect"})
    assert score(tmp_path, gold_dir, rows)["statement_precision"] == 1.0
    rows["fct_statements"][-1]["statement_type"] = "direct"
    assert score(tmp_path / "again", gold_dir, rows)["statement_precision"] == pytest.approx(2 / 3)


def test_actor_duplicates_and_places_far_away_or_in_the_wrong_country(tmp_path, gold_dir):
    rows = perfect_rows()
    rows["dim_actors"].append({"actor_id": "a3", "name": "Mayor Marchuk", "actor_type": "person"})
    rows["dim_places"][0].update(latitude=51.0, country_code="RU")  # ~110 km north
    got = score(tmp_path, gold_dir, rows)
    assert got["person_duplicates"] == 1.0
    assert got["actor_recall"] == 1.0  # the byline-only journalist is not expected
    assert got["local_places_within_30km"] == 0.0
    assert got["place_country_accuracy"] == 0.0


def test_place_rows_of_the_same_type_are_preferred(tmp_path, gold_dir):
    rows = perfect_rows()
    rows["dim_places"].insert(0, {"place_id": "p0", "name": "Veresk", "place_type": "region",
                                  "country_code": "UA", "latitude": 48.0, "longitude": 33.0})
    assert score(tmp_path, gold_dir, rows)["local_places_within_30km"] == 1.0


# ---------------------------------------------------------------------------------------- acled

ACLED_EVENTS = pd.DataFrame([
    {"event_id_cnty": "E1", "event_date": "2022-03-01", "event_type": "Battles",
     "sub_event_type": "Armed clash", "location": "Veresk", "latitude": 50.0, "longitude": 30.0,
     "fatalities": 3, "notes": "On 1 March 2022, troops clashed near Veresk; 3 were killed."},
    {"event_id_cnty": "E2", "event_date": "2022-03-02", "event_type": "Explosions/Remote violence",
     "sub_event_type": "Shelling/artillery/missile attack", "location": "Dolyna",
     "latitude": 48.0, "longitude": 35.0, "fatalities": 0, "notes": "Shelling hit Dolyna."},
    {"event_id_cnty": "E3", "event_date": "2022-03-03", "event_type": "Violence against civilians",
     "sub_event_type": "Abduction/forced disappearance", "location": "Hai", "latitude": 47.0,
     "longitude": 36.0, "fatalities": 0, "notes": "A local official was abducted in Hai."},
    {"event_id_cnty": "E4", "event_date": "2022-03-04", "event_type": "Protests",
     "sub_event_type": "Peaceful protest", "location": "Lviv", "latitude": 49.8,
     "longitude": 24.0, "fatalities": 0, "notes": "People rallied in Lviv against the war."},
])


def acled_rows() -> dict[str, list[dict]]:
    """E1 right on every field; E2 a nearby village, an unreported toll, the wrong type and date;
    E3 missed; the protest E4 wrongly turned into an attack."""
    return {
        "dim_documents": [{"document_id": f"d{i}", "file_name": f"acled.csv#E{i}"}
                          for i in (1, 2, 4)],
        "dim_places": [
            {"place_id": "v", "name": "Veresk", "latitude": 52.0, "longitude": 32.0},
            {"place_id": "n", "name": "Near Dolyna", "latitude": 48.05, "longitude": 35.05},
        ],
        "fct_attacks": [
            {"attack_id": "a1", "event_date": "2022-03-01", "place_id": "v",
             "attack_type": "Armed clash", "killed": 3},
            {"attack_id": "a1b", "event_date": "2022-03-01", "attack_type": "Attack", "killed": 9},
            {"attack_id": "a2", "event_date": "2022-03-01", "place_id": "n",
             "attack_type": "Air/drone strike", "killed": None},
            {"attack_id": "a4", "attack_type": "Other"},
        ],
        "fct_attack_mentions": [
            {"mention_id": "m1b", "attack_id": "a1b", "document_id": "d1", "char_start": 40},
            {"mention_id": "m1", "attack_id": "a1", "document_id": "d1", "char_start": 5},
            {"mention_id": "m2", "attack_id": "a2", "document_id": "d2", "char_start": 0},
            {"mention_id": "m4", "attack_id": "a4", "document_id": "d4", "char_start": 0},
        ],
    }


def test_acled_scores_the_first_reported_attack_of_each_event(tmp_path):
    warehouse = build_warehouse(tmp_path / "acled.duckdb", **acled_rows())
    section = acled.score_acled(ACLED_EVENTS, load_marts(warehouse))
    got = scores_of(section)
    assert got["violent_detected"] == pytest.approx(2 / 3)
    assert got["non_violent_with_attack"] == 1.0
    assert got["place_correct"] == 1.0  # E1 by name (though far), E2 within 15 km
    assert got["fatalities_exact"] == 1.0  # E1 3 = 3 (not the later 9), E2 null counts as 0
    assert got["fatalities_exact_when_deadly"] == 1.0  # E1 only
    assert got["attack_type_correct"] == 0.5
    assert got["event_date_correct"] == 0.5
    assert got["attacks_per_detected_event"] == 1.5  # E1's notes gave two attack rows
    assert got["attack_row_shared"] == 0.0
    assert section.details["undetected"] == ["E3"]
    assert section.details["wrong"]["date"] == ["E2"]


def test_acled_counts_two_events_merged_into_one_attack_row(tmp_path):
    rows = acled_rows()
    rows["fct_attack_mentions"][2]["attack_id"] = "a1"  # E2's notes now point at E1's attack
    warehouse = build_warehouse(tmp_path / "acled.duckdb", **rows)
    got = scores_of(acled.score_acled(ACLED_EVENTS, load_marts(warehouse)))
    assert got["attack_row_shared"] == 1.0


def test_acled_place_and_fatalities_wrong(tmp_path):
    rows = acled_rows()
    rows["dim_places"][1].update(latitude=48.5)  # ~55 km away, different name
    rows["fct_attacks"][0]["killed"] = None  # E1 coded 3 deaths; none extracted
    warehouse = build_warehouse(tmp_path / "acled.duckdb", **rows)
    got = scores_of(acled.score_acled(ACLED_EVENTS, load_marts(warehouse)))
    assert got["place_correct"] == 0.5
    assert got["fatalities_exact"] == 0.5
    assert got["fatalities_exact_when_deadly"] == 0.0


def test_acled_sample_is_deterministic_and_the_inbox_reads_back(tmp_path):
    from extract.reading import read_inbox

    events = pd.concat([ACLED_EVENTS] * 5, ignore_index=True)
    events["event_id_cnty"] = [f"X{i}" for i in range(len(events))]
    first = acled.sample_events(events, 7)
    assert len(first) == 7
    again = acled.sample_events(events, 7)
    assert first["event_id_cnty"].tolist() == again["event_id_cnty"].tolist()
    assert acled.sample_events(events, None) is events

    acled.write_inbox(first, tmp_path / "inbox")
    articles = read_inbox(tmp_path / "inbox").articles
    assert sorted(a.file_name.split("#")[1] for a in articles) == sorted(first["event_id_cnty"])
    # Two events with the same notes stay two documents.
    assert len({a.document_id for a in articles}) == 7
    article = next(a for a in articles if a.file_name.endswith("#X0"))
    assert article.published_at.date().isoformat() == "2022-03-01"
    assert "troops clashed near Veresk" in article.text


# ------------------------------------------------------------------------------------------ cli


def fake_runner(built: list[Path]):
    """Stands in for `orchestration.runner`: one attack per inbox row, no place, no figures."""
    import types

    def run_pipeline(inbox: Path, warehouse: Path) -> None:
        print("dbt: 149 of 149 PASS")  # pipeline chatter belongs in the log, not the report
        notes = pd.read_csv(inbox / acled.COLLECTION_NAME)
        build_warehouse(
            warehouse,
            dim_documents=[{"document_id": i, "file_name": f"acled.csv#{i}"} for i in notes["id"]],
            fct_attacks=[{"attack_id": f"a{i}", "attack_type": "Armed clash"} for i in notes["id"]],
            fct_attack_mentions=[{"mention_id": f"m{i}", "attack_id": f"a{i}", "document_id": i,
                                  "char_start": 0} for i in notes["id"]],
        )
        os.environ["SITREP_WAREHOUSE"] = str(warehouse)  # the real runner does this too
        built.append(warehouse)

    return types.SimpleNamespace(run_pipeline=run_pipeline)


def test_cli_runs_the_pipeline_on_an_acled_sample_and_restores_the_environment(
    tmp_path, monkeypatch, capsys
):
    built: list[Path] = []
    monkeypatch.setitem(sys.modules, "orchestration.runner", fake_runner(built))
    monkeypatch.setenv("SITREP_WAREHOUSE", "mine.duckdb")
    ACLED_EVENTS.to_csv(tmp_path / "acled.csv", index=False)
    out = tmp_path / "eval.json"
    code = cli.main(["--gold", str(tmp_path / "no"), "--acled", str(tmp_path / "acled.csv"),
                     "--acled-limit", "3", "--acled-workdir", str(tmp_path / "work"),
                     "--json", str(out)])
    assert code == 0
    assert built == [tmp_path / "work" / "acled.duckdb"]
    assert os.environ["SITREP_WAREHOUSE"] == "mine.duckdb"
    scores = json.loads(out.read_text())["acled"]["scores"]
    assert scores["violent_detected"]["total"] + scores["non_violent_with_attack"]["total"] == 3
    assert scores["fatalities_exact"]["value"] is not None
    assert "149 of 149" in (tmp_path / "work" / "pipeline.log").read_text()
    assert "149 of 149" not in capsys.readouterr().out


def test_cli_skips_missing_data_and_still_writes_json(tmp_path, capsys):
    out = tmp_path / "eval.json"
    code = cli.main(["--warehouse", str(tmp_path / "none.duckdb"), "--gold", str(tmp_path / "no"),
                     "--acled", str(tmp_path / "no.csv"), "--json", str(out)])
    assert code == 0
    payload = json.loads(out.read_text())
    assert "no gold annotations" in payload["gold"]["skipped"]
    assert "no ACLED file" in payload["acled"]["skipped"]
    assert "skipped" in capsys.readouterr().out


def test_cli_scores_gold_and_a_prebuilt_acled_warehouse(tmp_path, gold_dir, capsys):
    warehouse = build_warehouse(tmp_path / "w.duckdb", **perfect_rows())
    acled_warehouse = build_warehouse(tmp_path / "a.duckdb", **acled_rows())
    ACLED_EVENTS.to_csv(tmp_path / "acled.csv", index=False)
    out = tmp_path / "eval.json"
    code = cli.main(["--warehouse", str(warehouse), "--gold", str(gold_dir),
                     "--acled", str(tmp_path / "acled.csv"),
                     "--acled-warehouse", str(acled_warehouse), "--json", str(out)])
    assert code == 0
    payload = json.loads(out.read_text())
    assert payload["gold"]["scores"]["attack_recall"]["value"] == 1.0
    assert payload["acled"]["scores"]["violent_detected"]["hits"] == 2
    table = capsys.readouterr().out
    assert "attack recall" in table and "violent events detected" in table


def test_cli_reports_a_failing_pipeline_and_keeps_the_gold_scores(
    tmp_path, gold_dir, monkeypatch, capsys
):
    import types

    def run_pipeline(inbox: Path, warehouse: Path) -> None:
        print("dbt: 1 of 2 FAIL assert_something")
        raise RuntimeError("The dbt CLI process failed\nwith details")

    monkeypatch.setitem(sys.modules, "orchestration.runner",
                        types.SimpleNamespace(run_pipeline=run_pipeline))
    ACLED_EVENTS.to_csv(tmp_path / "acled.csv", index=False)
    warehouse = build_warehouse(tmp_path / "w.duckdb", **perfect_rows())
    out = tmp_path / "eval.json"
    code = cli.main(["--warehouse", str(warehouse), "--gold", str(gold_dir),
                     "--acled", str(tmp_path / "acled.csv"), "--json", str(out)])
    assert code == 1
    payload = json.loads(out.read_text())
    assert payload["acled"]["failed"] is True
    assert payload["acled"]["skipped"] == "the pipeline failed: The dbt CLI process failed"
    assert payload["gold"]["scores"]["attack_recall"]["value"] == 1.0
    assert "1 of 2 FAIL" in capsys.readouterr().err  # the log's end is shown
