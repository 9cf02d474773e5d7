"""Actor mentions: one key per person across spellings, titles as roles, countries and armed forces."""
from __future__ import annotations

import csv
from pathlib import Path

from extract import actors


def find(nlp, text):
    doc = nlp(text)
    found = actors.find_actors(doc, "doc-1")
    for mention in found:
        assert doc.text[mention.char_start:mention.char_end] == mention.surface
    return found


def persons(mentions):
    return [m for m in mentions if m.actor_type == "person"]


def test_spellings_and_titles_of_one_person_share_one_key(nlp):
    text = ("President Volodymyr Zelenskyy met troops. Later Zelensky said talks would go on. "
            "Ukrainian President Zelenskiy also thanked medics.")
    found = persons(find(nlp, text))
    assert len(found) == 3
    assert {m.actor_key for m in found} == {"person:volodymyr zelensky"}
    assert {m.name for m in found} == {"Volodymyr Zelensky"}
    assert all(m.country_code == "UA" for m in found)


def test_surname_attaches_to_the_full_name_in_the_document(nlp):
    text = "Latvian Foreign Minister Janis Ozolins spoke on Monday. Ozolins said more aid was needed."
    found = persons(find(nlp, text))
    assert {m.actor_key for m in found} == {"person:janis ozolins"}
    first = found[0]
    assert first.surface == "Janis Ozolins"  # the title is not part of the name
    assert first.role == "Foreign Minister of Latvia"
    assert first.country_code == "LV"


def test_role_and_country_from_a_possessive_country(nlp):
    found = persons(find(nlp, "Russia’s foreign minister Sergei Lavrov rejected the plan."))
    assert found[0].actor_key == "person:sergei lavrov"
    assert found[0].role == "Foreign Minister of Russia"
    assert found[0].country_code == "RU"


def test_role_from_a_place_before_the_title(nlp):
    found = persons(find(nlp, "Poltava regional governor Oksana Hrytsai reported two wounded."))
    assert found[0].role == "Governor of Poltava region"
    assert found[0].country_code == "UA"


def test_misspelled_surname_in_the_same_document_is_merged(nlp):
    text = ("Mayor Taras Bondarchuk visited. Taras Bondarchuk spoke. "
            "Residents thanked Taras Bondarchuk. A typo named him Taras Bondarcuk.")
    keys = {m.actor_key for m in persons(find(nlp, text))}
    assert keys == {"person:taras bondarchuk"}


def test_country_words_become_country_actors(nlp):
    found = find(nlp, "Russian drones hit the port, and Poland scrambled jets.")
    keys = {m.actor_key for m in found}
    assert {actors.country_key("RU"), actors.country_key("PL")} <= keys
    assert actors.country_key("ru") == "country:RU"


def test_armed_forces(nlp):
    found = find(nlp, "Russian forces advanced while Ukraine’s air force shot down drones.")
    forces = {m.actor_key: m for m in found if m.actor_type == "armed_force"}
    assert set(forces) == {"armed_force:RU", "armed_force:UA:air-force"}
    assert forces["armed_force:RU"].surface == "Russian forces"
    assert forces["armed_force:UA:air-force"].name == "Ukrainian Air Force"


def test_ministry_with_its_country(nlp):
    found = find(nlp, "The Russian defence ministry said 30 drones were downed.")
    ministry = next(m for m in found if m.actor_type == "organization")
    assert ministry.surface == "Russian defence ministry"
    assert (ministry.name, ministry.country_code) == ("Ministry of Defence of Russia", "RU")


def test_capital_named_as_a_government_is_its_country(nlp):
    found = find(nlp, "Moscow denied the claim.")
    assert actors.country_key("RU") in {m.actor_key for m in found}


def test_fold_name_joins_transliterations():
    assert actors.fold_name("Zelenskyy") == actors.fold_name("Zelenskiy") == actors.fold_name("Zelensky")
    assert actors.fold_name("Sergey") == actors.fold_name("Sergei")
    assert actors.fold_name("Vitalii") == actors.fold_name("Vitaliy") == actors.fold_name("Vitali")
    assert actors.fold_name("Oleksandr") != actors.fold_name("Olena")


def test_countries_seed_names_every_country_once():
    seed = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds" / "countries.csv"
    with open(seed, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    names = {r["country_code"]: r["name"] for r in rows}
    assert len(names) == len(rows) > 240
    assert (names["RU"], names["US"], names["GB"], names["UA"]) == (
        "Russia", "United States", "United Kingdom", "Ukraine")


def test_institution_named_as_an_actor(nlp):
    found = find(nlp, "The Kremlin rejected the plan. Talks were later held in the Kremlin.")
    kremlin = [m for m in found if m.actor_key == "org:kremlin"]
    assert len(kremlin) == 1 and kremlin[0].char_start < 15
    assert kremlin[0].country_code == "RU"


def test_administration_named_after_its_leader(nlp):
    found = find(nlp, "Officials in the Biden administration declined to comment.")
    org = [m for m in found if m.actor_type == "organization"]
    assert [m.surface for m in org] == ["Biden administration"]
    assert org[0].country_code == "US"
    assert any(m.actor_key == "person:joe biden" for m in found)  # the person is still named


def test_groups(nlp):
    found = find(nlp, "The West imposed sanctions, and Crimean Tatars protested.")
    groups = {m.actor_key for m in found if m.actor_type == "group"}
    assert "group:western countries" in groups


def test_bare_surname_prefers_the_full_name_in_the_text_over_a_famous_namesake(nlp):
    found = persons(find(nlp, "Reporter Shane Harris wrote the story. Harris said sources confirmed it."))
    assert {m.actor_key for m in found} == {"person:shane harris"}


def test_a_describing_adjective_is_not_a_group(nlp):
    found = find(nlp, "Chechen fighters arrived with Western weapons.")
    assert not [m for m in found if m.actor_type == "group"]
