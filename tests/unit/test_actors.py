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


def test_armed_forces_named_by_country(nlp):
    text = ("Ukraine's armed forces and the Armed Forces of the Republic of Belarus held drills with Polish troops. "
            "Later Ukraine troops and US forces left.")
    forces = {m.actor_key: m for m in find(nlp, text) if m.actor_type == "armed_force"}
    assert {m.surface for m in forces.values()} >= {"Ukraine troops", "US forces"}
    assert forces["armed_force:UA"].name == "Armed Forces of Ukraine"
    assert forces["armed_force:BY"].surface == "Armed Forces of the Republic of Belarus"
    assert forces["armed_force:PL"].name == "Armed Forces of Poland"


def test_ministry_with_its_country(nlp):
    found = find(nlp, "The Russian defence ministry said 30 drones were downed.")
    ministry = next(m for m in found if m.actor_type == "organization")
    assert ministry.surface == "Russian defence ministry"
    assert (ministry.name, ministry.country_code) == ("Russian Ministry of Defence", "RU")


def test_ministry_spellings_share_one_key(nlp):
    text = ("The Russian Ministry of Defence said drones were downed. Russia's defence ministry later "
            "added details, and the defence ministry published a video. Poland’s foreign ministry protested.")
    found = [m for m in find(nlp, text) if m.actor_type == "organization"]
    keys = [m.actor_key for m in found]
    assert keys == ["org:ru ministry of defence"] * 3 + ["org:pl ministry of foreign affairs"]
    assert found[-1].name == "Polish Ministry of Foreign Affairs"


def test_ministry_named_after_its_country_and_the_table_name(nlp):
    found = find(nlp, "A statement from the Ministry of Defense of Ukraine followed.")
    ministry = next(m for m in found if m.actor_type == "organization")
    assert (ministry.actor_key, ministry.name) == ("org:ua ministry of defence", "Ministry of Defence of Ukraine")


def test_bare_ministry_takes_the_country_of_the_person_it_titles(nlp):
    found = find(nlp, "Kyiv lied, foreign ministry spokeswoman Maria Zakharova said.")
    ministry = next(m for m in found if m.actor_type == "organization")
    assert (ministry.surface, ministry.actor_key) == ("foreign ministry", "org:ru ministry of foreign affairs")


def test_bare_ministry_without_a_country_in_reach_is_skipped(nlp):
    found = find(nlp, "The defence ministry published a video.")
    assert not [m for m in found if "ministry" in m.actor_key]


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


def test_a_community_names_a_group_and_its_plural_joins_it(nlp):
    text = ("Leaders of the Crimean Tatar community met in Kyiv. Thousands of Crimean Tatars were deported. "
            "Members of the Afrikaner community left.")
    groups = [m for m in find(nlp, text) if m.actor_type == "group"]
    assert [(m.surface, m.actor_key, m.name) for m in groups] == [
        ("Crimean Tatar community", "group:crimean tatar", "Crimean Tatars"),
        ("Crimean Tatars", "group:crimean tatar", "Crimean Tatars"),
        ("Afrikaner community", "group:afrikaner", "Afrikaners")]


def test_region_nations_are_a_group(nlp):
    found = find(nlp, "South Africa and other African nations refused to take sides.")
    groups = {(m.actor_key, m.name) for m in found if m.actor_type == "group"}
    assert ("group:african states", "African states") in groups


def test_party_adjective_names_the_party(nlp):
    found = find(nlp, "As a long-time Republican donor, he has known Trump for decades.")
    assert "org:republican party" in {m.actor_key for m in found}


def test_bare_surname_prefers_the_full_name_in_the_text_over_a_famous_namesake(nlp):
    found = persons(find(nlp, "Reporter Shane Harris wrote the story. Harris said sources confirmed it."))
    assert {m.actor_key for m in found} == {"person:shane harris"}


def test_a_describing_adjective_is_not_a_group(nlp):
    found = find(nlp, "Chechen fighters arrived with Western weapons.")
    assert not [m for m in found if m.actor_type == "group"]


def test_first_name_joins_only_a_full_name_written_before_it(nlp):
    text = ("The witness named Maria says there was a loud bang. Later, foreign ministry spokeswoman "
            "Maria Zakharova spoke. Maria Zakharova said Kyiv lied. Maria added nothing.")
    keys = [m.actor_key for m in persons(find(nlp, text))]
    assert keys[0] == "person:maria"
    assert keys[1:] == ["person:maria zakharova"] * 3


def test_first_name_joins_the_nearest_full_name_before_it(nlp):
    text = "Steve Rosenberg reported. Steve Witkoff flew to Moscow. Trump wrote: “Steve will be a voice for peace.”"
    keys = [m.actor_key for m in persons(find(nlp, text)) if m.surface == "Steve"]
    assert keys == ["person:steve witkoff"]


def test_surname_the_model_missed_joins_the_full_name(nlp):
    text = ("Norway’s Prime Minister Jonas Gahr Støre met Trump. Trump and Støre will hold a news conference. "
            "Støre says talks went well. Spokesperson Pavlo Petrov said the search ended, and Petrov adds more.")
    found = persons(find(nlp, text))
    keys = {m.surface: m.actor_key for m in found}
    assert keys["Støre"] == "person:jonas gahr støre"
    assert keys["Petrov"] == "person:pavlo petrov"
    assert sum(m.actor_key == "person:jonas gahr støre" for m in found) == 3


def test_name_cut_short_by_the_model_is_completed(nlp):
    text = ("Jonas Gahr Støre arrived on Monday. Norway’s Prime Minister Jonas Gahr Støre praises Trump. "
            "Jonas Gahr Støre left.")
    found = persons(find(nlp, text))
    assert {m.actor_key for m in found if "Jonas" in m.surface} == {"person:jonas gahr støre"}


def test_known_person_behind_a_title_word(nlp):
    found = persons(find(nlp, "He expected to travel for the funeral of Pope Francis in Vatican City."))
    assert [(m.actor_key, m.name) for m in found] == [("person:pope francis", "Pope Francis")]


def test_misspelt_first_name_of_a_known_person(nlp):
    found = persons(find(nlp, "Vladamir Putin and the country suffered enormous damage."))
    assert found[0].actor_key == "person:vladimir putin"


def test_honorific_and_surname_labelled_org_is_the_person(nlp):
    text = "President Maia Sandu spoke on Monday. Ms Sandu said the plan was backed by Moscow."
    assert {m.actor_key for m in persons(find(nlp, text))} == {"person:maia sandu"}


def test_name_before_an_age_is_a_person(nlp):
    found = persons(find(nlp, "Reporting from Kyiv. Lilya Yedamenko, 52, lives across from the building."))
    assert [m.surface for m in found] == ["Lilya Yedamenko"]


def test_entity_over_a_possessive_is_cut_in_two(nlp):
    found = find(nlp, "The allegations were floated by Liz Truss’s Foreign Office last week.")
    assert ("Liz Truss", "person") in {(m.surface, m.actor_type) for m in found}


def test_office_of_a_person_with_a_role(nlp):
    found = find(nlp, "President Volodymyr Zelensky rejected it, and an advisor in Volodymyr Zelensky’s office agreed.")
    offices = [m for m in found if m.actor_type == "organization"]
    assert [m.name for m in offices] == ["Office of the President of Ukraine"]


def test_organization_names_the_model_cuts_apart(nlp):
    text = ("Chubarov attends the United Nations Permanent Forum on Indigenous Issues. He sits on the board "
            "of the John F Kennedy Center for the Performing Arts and lectured at the University of Pretoria. "
            "Gen Igor Kirillov headed Russia’s Radiation, Chemical and Biological Protection troops. "
            "Soldiers of the 82nd Airborne Division arrived.")
    found = {m.name: m for m in find(nlp, text) if m.actor_type in ("organization", "armed_force")}
    assert {"United Nations Permanent Forum on Indigenous Issues", "John F Kennedy Center for the Performing Arts",
            "University of Pretoria", "82nd Airborne Division"} <= set(found)
    troops = found["Radiation, Chemical and Biological Protection Troops"]
    assert (troops.actor_type, troops.country_code) == ("armed_force", "RU")


def test_a_list_of_countries_is_not_an_organization(nlp):
    found = find(nlp, "Talks between Ukraine, Russia and the European Union resumed.")
    assert not [m for m in found if "," in m.name]


def test_an_organization_word_must_head_the_name(nlp):
    found = find(nlp, "By signing up you agree to the Terms of Service and Privacy Policy of the site.")
    assert not [m for m in found if "Policy" in m.name]  # (the model itself may call "Terms of Service" an ORG)


def test_site_and_body_of_an_organization(nlp):
    text = ("Drones targeted the Energiya plant in Lipetsk. Crimea was given to Ukraine by the so-called "
            "presidium of the Supreme Soviet.")
    names = {m.name for m in find(nlp, text) if m.actor_type == "organization"}
    assert {"Energiya plant", "Presidium of the Supreme Soviet"} <= names


def test_table_names_acronyms_as_news_writes_them(nlp):
    found = find(nlp, "Ukraine wants to join Nato, AFP reported.")
    assert {"NATO", "AFP"} <= {m.name for m in found}


def test_country_institution_named_as_news_writes_it(nlp):
    found = find(nlp, "The leaders agreed in a phone call, according to the German chancellery.")
    org = [m for m in found if m.actor_type == "organization"]
    assert [(m.surface, m.actor_key, m.name) for m in org] == [("German chancellery", "org:de chancellery", "German chancellery")]


def test_words_describing_an_organization_are_not_its_name(nlp):
    found = find(nlp, "China's official Xinhua news agency reported the visit.")
    assert "Xinhua" in {m.name for m in found if m.actor_type == "organization"}


def test_well_known_person_labelled_org_and_misspelt(nlp):
    text = ("The French president hoped that XI would speak to reason. XI can call Zelanski soon. "
            "Kyiv wants a Zelanski conversation from the XI.")
    found = persons(find(nlp, text))
    assert {m.actor_key for m in found} == {"person:xi jinping", "person:volodymyr zelensky"}


def test_organization_run_starts_where_the_entity_starts(nlp):
    found = find(nlp, "He placed allies in the National Electoral Council and wrote for the Kyiv Post.")
    names = {m.name for m in found if m.actor_type == "organization"}
    assert {"National Electoral Council", "Kyiv Post"} <= names


def test_a_name_does_not_end_in_a_nationality(nlp):
    found = find(nlp, "Destroyed Russian tanks lined the road near the village.")
    assert not persons(found)


def test_a_headline_in_capitals_is_not_an_organization(nlp):
    found = find(nlp, "INNER WORKINGS OF WAGNER MERCENARY GROUP REVEALED AMID CALL TO ADD IT TO TERROR LIST")
    assert not [m for m in found if len(m.name.split()) > 3]


def test_a_name_described_as_a_body_is_an_organization(nlp):
    found = find(nlp, "The head of the Crimean Tatar Mejlis, a body representing the indigenous people, spoke.")
    assert "Crimean Tatar Mejlis" in {m.name for m in found if m.actor_type == "organization"}


def test_a_person_described_by_a_group_is_not_an_organization(nlp):
    found = find(nlp, "They met Olena Marchuk Kovalenko, a member of the group, on Monday.")
    assert not [m for m in found if m.actor_type == "organization"]


def test_unlabelled_name_after_a_title_is_a_person(nlp):
    text = "In March, the Advisor of the President of Ukraine Mychajło Podolak informed reporters. Podolak added more."
    found = persons(find(nlp, text))
    assert [m.actor_key for m in found] == ["person:mychajło podolak"] * 2


def test_first_name_transliterations_are_one_person(nlp):
    one = persons(find(nlp, "Former president Petro Poroshenko visited the front on Monday."))
    other = persons(find(nlp, "Former president Pyotr Poroshenko visited the front on Monday."))
    assert one[0].actor_key == other[0].actor_key
    assert actors.fold_name("Oleksandr Syrskyi") == actors.fold_name("Alexander Syrsky")


def test_the_end_of_a_longer_name_is_that_person(nlp):
    text = ("US ambassador-at-large Beth Van Schaack visited Kyiv on Monday. Van Schaack said the "
            "evidence was clear. Linda Thomas-Greenfield spoke later. Thomas-Greenfield said the same.")
    keys = {m.surface: m.actor_key for m in persons(find(nlp, text))}
    assert keys["Van Schaack"] == keys["Beth Van Schaack"]
    assert keys["Thomas-Greenfield"] == keys["Linda Thomas-Greenfield"]
    names = {m.name for m in persons(find(nlp, text))}
    assert "Linda Thomas-Greenfield" in names


def test_a_first_name_after_the_full_name_and_a_professor_are_that_person(nlp):
    text = ("Leonid Pliats worked at the car wash. The soldiers shot him, and his boss said Leonid had "
            "done nothing wrong. Prof Tim Hayward gave a lecture. Prof Hayward later said it was fair.")
    keys = {m.surface: m.actor_key for m in find(nlp, text)}
    assert keys["Leonid"] == keys["Leonid Pliats"]
    assert keys["Prof Hayward"] == keys["Tim Hayward"]


def test_well_known_organizations_the_model_mislabels_are_actors(nlp):
    text = "The Islamic State claimed it, Roscosmos denied it, and the Vatican said Facebook removed it."
    names = {m.name for m in find(nlp, text) if m.actor_type == "organization"}
    assert {"Islamic State", "Roscosmos", "Holy See", "Facebook"} <= names


def test_an_initial_and_a_mislabelled_surname_join_the_full_name(nlp):
    text = ("Foreign Secretary David Cameron met ambassador Nigel Casey on Monday. "
            "N. Casey was told that D. Cameron's remarks stood. Later, Cameron’s aides said Casey had left.")
    keys = {m.surface: m.actor_key for m in persons(find(nlp, text))}
    assert keys["N. Casey"] == keys["Casey"] == keys["Nigel Casey"] == "person:nigel casey"
    assert keys["D. Cameron"] == keys["Cameron"] == "person:david cameron"
    assert not [m for m in find(nlp, text) if m.actor_type != "person" and "Cameron" in m.surface]


def test_an_organization_named_by_its_last_words_is_the_longer_one_in_the_document(nlp):
    text = "He had contributed to The New York Times for years, the Times said in a statement."
    keys = {m.surface: m.actor_key for m in find(nlp, text) if m.actor_type == "organization"}
    assert keys["Times"] == keys["New York Times"]
    alone = {m.surface: m.actor_key for m in find(nlp, "The Times said in a statement that he was loved.")}
    assert alone.get("Times") != keys["New York Times"]


def test_a_function_word_run_into_a_name_is_not_part_of_it(nlp):
    text = ("“We came back,” said Julia Fedosiuk, an attorney. She fled the day after Russia invaded.For Fedosiuk, "
            "37, leaving was a forced measure. Fedosiuk said many friends had returned.")
    assert {m.name for m in persons(find(nlp, text))} == {"Julia Fedosiuk"}


def test_a_name_after_first_lady_is_a_person_and_a_royal_keeps_the_title_in_the_name(nlp):
    found = find(nlp, "First Lady Olena Zelenska met Prince William on Monday.")
    by_name = {a.name: a for a in found}
    assert (by_name["Olena Zelenska"].actor_type, by_name["Olena Zelenska"].role) == ("person", "First Lady")
    assert by_name["Prince William"].actor_type == "person"  # royals are known by title and name
