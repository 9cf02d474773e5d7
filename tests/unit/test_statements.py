"""Statements: direct and reported speech, speakers, cues. Every text here is written for the test."""
from __future__ import annotations

from datetime import date

import pytest

from extract import statements
from extract.rows import ActorMention

PUBLISHED = date(2025, 3, 14)  # a Friday


@pytest.fixture(scope="session")
def statement_nlp(nlp):
    """The shared project pipeline (gazetteer entity ruler included), from conftest."""
    return nlp


def person(text: str, name: str, key: str, occurrence: int = 0) -> ActorMention:
    """A hand-made actor mention of `name` in `text` (the n-th occurrence)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return ActorMention("m", "d", name, start, start + len(name), key, name, "person", None, None)


def run(nlp, text: str, actors=(), published=PUBLISHED):
    rows = statements.find_statements(nlp(text), "d", published, list(actors))
    for row in rows:  # every row carries its evidence
        assert text[row.char_start:row.char_end] == row.quote
        if row.speaker_text is not None:
            assert text[row.speaker_char_start:row.speaker_char_end] == row.speaker_text
    return rows


def direct(rows):
    return [r for r in rows if r.statement_type == "direct"]


# --- quote marks -------------------------------------------------------------------------------


def test_curly_quote_after_attribution(statement_nlp):
    text = "Title\n\n“We will rebuild every school in the district,” Olena Marchuk said on Tuesday."
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["We will rebuild every school in the district,"]
    assert rows[0].cue == "said"
    assert rows[0].speaker_name == "Olena Marchuk"
    assert rows[0].statement_date == date(2025, 3, 11)  # the Tuesday before publication


def test_straight_quotes_after_colon(statement_nlp):
    text = 'Title\n\nThe governor Ivan Sydorenko says: "The shelling went on for most of the night."'
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["The shelling went on for most of the night."]
    assert rows[0].cue == "says"
    assert "Sydorenko" in rows[0].speaker_name


def test_multi_sentence_quote_is_one_row(statement_nlp):
    text = "Title\n\n“The bridge is closed. Nobody can cross it until the engineers arrive,” Mykola Tkach told reporters."
    rows = direct(run(statement_nlp, text))
    assert len(rows) == 1
    assert rows[0].quote.startswith("The bridge is closed. Nobody")
    assert rows[0].cue == "told"


def test_split_quote_is_two_rows_with_one_speaker(statement_nlp):
    text = ("Title\n\n“The convoy reached the village before dawn,” Andrii Koval said. "
            "“Everyone inside the shelter was safe and unhurt.”")
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["The convoy reached the village before dawn,",
                                       "Everyone inside the shelter was safe and unhurt."]
    assert rows[0].speaker_name == rows[1].speaker_name == "Andrii Koval"
    assert rows[1].attribution == "context"


def test_unclosed_quote_ends_at_paragraph_end_and_next_paragraph_continues(statement_nlp):
    text = ("Title\n\nThe volunteer Iryna Savchuk says: “We drove the last families out at noon.\n"
            "“By evening the road was under fire again and we had to stop.”\nOther news follows here.")
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["We drove the last families out at noon.",
                                       "By evening the road was under fire again and we had to stop."]
    assert rows[1].speaker_name == rows[0].speaker_name


def test_closing_mark_only_starts_at_paragraph_start(statement_nlp):
    text = ("Title\n\n  1. The spokesman Taras Hnatiuk listed the demands:\n"
            "  2. First, the ceasefire must hold for a month. Second, prisoners must be exchanged.”\n")
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == [
        "First, the ceasefire must hold for a month. Second, prisoners must be exchanged."]
    assert "Hnatiuk" in (rows[0].speaker_name or "")


def test_trailing_attribution_is_cut_from_an_unclosed_quote(statement_nlp):
    text = "Title\n\nOksana Bilyk spoke first.\n“And I think the talks will resume next month, she adds."
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["And I think the talks will resume next month,"]


def test_quotes_in_bullet_lists(statement_nlp):
    text = ("Title\n\nKey lines:\n"
            "  • “Every village on the river has lost its power supply,” Petro Lysenko says\n"
            "  • The minister says “repairs will take at least three more weeks”\n")
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["Every village on the river has lost its power supply,",
                                       "repairs will take at least three more weeks"]
    assert all(r.cue == "says" for r in rows)


def test_quote_inside_quote_is_not_a_second_statement(statement_nlp):
    text = ("Title\n\n“They keep calling it ‘a purely defensive measure for everyone’ but it is not,” "
            "Halyna Moroz said.")
    rows = direct(run(statement_nlp, text))
    assert len(rows) == 1
    assert rows[0].quote.startswith("They keep calling it ‘a purely")


# --- what is not a statement --------------------------------------------------------------------


def test_scare_quotes_names_and_terms_are_not_statements(statement_nlp):
    text = ("Title\n\nThe mayor said the strike was a “clear provocation”. "
            "Loans come from the new “Shield for Eastern Cities” fund. "
            "Officials discussed the “coalition of the able” at length.")
    assert direct(run(statement_nlp, text)) == []


def test_apostrophes_do_not_open_single_quotes(statement_nlp):
    text = "Title\n\nKyiv’s residents don’t leave; the city’s metro stations were full again overnight."
    assert direct(run(statement_nlp, text)) == []


def test_single_quoted_statement_with_cue(statement_nlp):
    text = "Title\n\nThe general said the army was ‘ready to hold every position along the river’."
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["ready to hold every position along the river"]


# --- speakers -----------------------------------------------------------------------------------


def test_pronoun_resolves_to_the_named_speaker_before_it(statement_nlp):
    text = ("Title\n\nNadia Petrenko runs a shelter near the station. "
            "“We have taken in forty families since Sunday,” she said.")
    actors = [person(text, "Nadia Petrenko", "person:nadia petrenko")]
    rows = direct(run(statement_nlp, text, actors))
    assert rows[0].speaker_text == "she"
    assert rows[0].speaker_name == "Nadia Petrenko"
    assert rows[0].speaker_key == "person:nadia petrenko"
    assert rows[0].attribution == "pronoun"


def test_pronoun_prefers_the_subject_over_a_name_in_passing(statement_nlp):
    text = ("Title\n\nReporter Maria Lytvyn told us more about Colonel Pavlo Dudnyk. "
            "“He was respected by everyone in the brigade,” she says.")
    rows = direct(run(statement_nlp, text))
    assert rows[0].speaker_name == "Maria Lytvyn"


def test_bare_title_resolves_to_the_person_named_with_it(statement_nlp):
    text = ("Title\n\nDefence Minister Roman Hrytsenko visited the front on Monday. "
            "The minister said: “Our units are holding the line near the city.”")
    actors = [person(text, "Roman Hrytsenko", "person:roman hrytsenko")]
    rows = direct(run(statement_nlp, text, actors))
    assert rows[0].speaker_text == "The minister"
    assert rows[0].speaker_name == "Roman Hrytsenko"
    assert rows[0].attribution == "title"


@pytest.mark.parametrize("title, who", [("the Ukrainian leader", "Roman Hrytsenko"), ("the Russian leader", None)])
def test_a_leader_is_the_president_of_that_country(statement_nlp, title, who):
    text = ("Title\n\nUkrainian President Roman Hrytsenko visited the front on Monday. "
            f"“Our units are holding the line near the city,” {title} said.")
    rows = direct(run(statement_nlp, text))
    assert rows[0].speaker_name == (who or title.removeprefix("the "))


def test_indefinite_title_is_not_resolved_to_a_named_person(statement_nlp):
    text = ("Title\n\nSpokesperson Ilona Shevchuk spoke yesterday. "
            "A spokesperson for the railway said “all trains are running late this morning”.")
    rows = direct(run(statement_nlp, text))
    assert rows[0].speaker_name != "Ilona Shevchuk"


def test_speaker_key_comes_from_the_actor_mention(statement_nlp):
    text = "Title\n\n“The talks have produced nothing new at all,” Viktor Holub said."
    actors = [person(text, "Viktor Holub", "person:viktor holub")]
    rows = direct(run(statement_nlp, text, actors))
    assert rows[0].speaker_key == "person:viktor holub"


# --- indirect statements ------------------------------------------------------------------------


def test_said_that_clause_is_an_indirect_statement(statement_nlp):
    text = "Title\n\nThe defence ministry said that the drones were shot down over the sea."
    rows = run(statement_nlp, text)
    assert [(r.statement_type, r.quote) for r in rows] == [("indirect", "the drones were shot down over the sea")]
    assert rows[0].speaker_text == "The defence ministry"


def test_according_to(statement_nlp):
    text = "Title\n\nFive people were injured in the blast, according to the regional governor."
    rows = run(statement_nlp, text)
    assert [r.quote for r in rows] == ["Five people were injured in the blast"]
    assert rows[0].cue == "according to"
    assert rows[0].speaker_text == "the regional governor"


@pytest.mark.parametrize("sentence, quote, speaker", [
    ("But, according to the governor, the strike destroyed three houses.",
     "the strike destroyed three houses", "the governor"),
    ("Sirens sounded at dawn. As the governor noted, the strike destroyed three houses.",
     "the strike destroyed three houses", "the governor"),
    ("The strike destroyed three houses, as the governor noted on Telegram.",
     "The strike destroyed three houses", "the governor"),
])
def test_an_as_or_according_to_clause_attributes_the_clause_beside_it(statement_nlp, sentence, quote, speaker):
    rows = run(statement_nlp, "Title\n\n" + sentence)
    assert [(r.quote, r.speaker_text) for r in rows] == [(quote, speaker)]


def test_the_politician_is_the_person_just_named(statement_nlp):
    text = ("Title\n\nRussian Foreign Minister Sergei Lavrov gave an interview on Monday. "
            "The politician said that Russia did not start the war.")
    rows = run(statement_nlp, text)
    assert [(r.speaker_text, r.speaker_name) for r in rows] == [("The politician", "Sergei Lavrov")]


def test_an_as_clause_with_its_own_complement_tells_when_not_who_said(statement_nlp):
    text = "Title\n\nThe mayor toured the damaged school as she called on donors to rebuild it quickly."
    assert [r.quote for r in run(statement_nlp, text) if r.quote.startswith("The mayor toured")] == []


def test_confirmed_object_is_an_indirect_statement(statement_nlp):
    text = "Title\n\nThe police confirmed the death of two men in the village."
    rows = run(statement_nlp, text)
    assert rows and rows[0].quote.startswith("the death of two men")
    assert rows[0].cue == "confirmed"


@pytest.mark.parametrize("sentence, quote", [
    ("The envoy pointed out that banning oil imports is harder for some countries.",
     "banning oil imports is harder for some countries"),
    ("The mayor recalled that one boy lost his hand after touching a shell.",
     "one boy lost his hand after touching a shell"),
    ("Captain Kravchuk estimates that his unit shoots down most of the missiles.",
     "his unit shoots down most of the missiles"),
    ("The minister responded that he remained wary of more aid.", "he remained wary of more aid"),
    ("The director called for an immediate halt in military action near the plant.",
     "an immediate halt in military action near the plant"),
    ("Several nations accused the government of genocide against the minority.",
     "the government of genocide against the minority"),
    ("The mayor reminded residents that the town had waited for the aid package for months.",
     "the town had waited for the aid package for months"),
    ("The mayor repeated last week that she does not exclude new evacuations.",
     "she does not exclude new evacuations"),
    ("The scholar explained that several treaties had recognised the border.",
     "several treaties had recognised the border"),
    ("A representative of the ministry revealed that two depots had burned down.",
     "two depots had burned down"),
    ("The deputy minister blamed the alliance for the war in the region.", "the alliance for the war in the region"),
    ("The official also warned another risk of escalation could come from activist hackers.",
     "another risk of escalation could come from activist hackers"),
])
def test_more_reporting_verbs_carry_indirect_statements(statement_nlp, sentence, quote):
    rows = run(statement_nlp, "Title\n\n" + sentence)
    assert [(r.statement_type, r.quote) for r in rows] == [("indirect", quote)]


@pytest.mark.parametrize("sentence, quote, speaker", [
    ("More importantly, the minister said, there is a great desire to help rebuild the town.",
     "there is a great desire to help rebuild the town", "the minister"),
    ("The plan, the governor said, had failed completely in the east.",
     "The plan, the governor said, had failed completely in the east", "the governor"),
    ("Last week, the department warned in a bulletin obtained by reporters that extremists could pose a threat.",
     "extremists could pose a threat", "the department"),
    ("The body has warned that the war was worsening a global food crisis.",
     "the war was worsening a global food crisis", "The body"),
    ("Another evacuee, who did not give a name, said she had been unable to reach the buses.",
     "she had been unable to reach the buses", "Another evacuee"),
    ("The gap is narrowing, according to recent data from the agency.", "The gap is narrowing",
     "recent data from the agency"),
])
def test_parenthetical_cues_late_clauses_and_more_speaker_nouns(statement_nlp, sentence, quote, speaker):
    rows = run(statement_nlp, "Title\n\n" + sentence)
    assert [(r.statement_type, r.quote, r.speaker_text) for r in rows] == [("indirect", quote, speaker)]


@pytest.mark.parametrize("sentence", [
    "Wang's statement gave no indication whether he said what Beijing might do next week.",
    "Beijing called off dialogue with Washington on climate change and other issues.",
])
def test_a_saying_in_question_or_a_verb_with_another_particle_is_no_statement(statement_nlp, sentence):
    assert run(statement_nlp, "Title\n\n" + sentence) == []


def test_a_clause_set_off_by_commas_that_is_no_reporting_verb_is_no_statement(statement_nlp):
    assert run(statement_nlp, "Title\n\nThe city, which was shelled, is quiet now and the market has reopened.") == []


def test_the_whole_reported_clause_is_the_statement(statement_nlp):
    # the parse hangs the clause's later conjuncts on "said"; they still belong to what was said
    text = ("Title\n\nThe prisoner said he was taunted, denied medical care and given little food. "
            "The tweet said the hospital had been controlled by the army, and no patients were there.")
    assert [r.quote for r in run(statement_nlp, text)] == [
        "he was taunted, denied medical care and given little food",
        "the hospital had been controlled by the army, and no patients were there"]


def test_media_posts_and_it_are_speakers(statement_nlp):
    text = ("Title\n\nThe Foreign Office issued new advice on Monday. It added that the risk to life was "
            "high. Ukrainian media reported earlier that the victims included two doctors.")
    rows = run(statement_nlp, text)
    assert [(r.speaker_text, r.quote) for r in rows] == [
        ("It", "the risk to life was high"), ("Ukrainian media", "the victims included two doctors")]


def test_reported_clause_with_a_quote_gives_only_the_quote(statement_nlp):
    text = "Title\n\nThe envoy said the plan was “the only way to stop the fighting this year”."
    rows = run(statement_nlp, text)
    assert [(r.statement_type, r.quote) for r in rows] == [
        ("direct", "the only way to stop the fighting this year")]


def test_unmarked_first_person_speech_is_direct(statement_nlp):
    text = "Title\n\nSerhii Boiko met the governor. We will never give up our land, Serhii Boiko adds."
    rows = [r for r in run(statement_nlp, text) if r.quote.startswith("We will")]
    assert rows and rows[0].statement_type == "direct"
    assert rows[0].quote == "We will never give up our land"


def test_no_statements_in_plain_reporting(statement_nlp):
    text = "Title\n\nThree missiles hit a warehouse in the port overnight. Firefighters worked until dawn."
    assert run(statement_nlp, text) == []


def test_publication_date_is_the_default_statement_date(statement_nlp):
    text = "Title\n\n“The water supply is back in most districts now,” Iryna Tkachenko says."
    rows = run(statement_nlp, text)
    assert rows[0].statement_date == PUBLISHED


# --- dash-style speech ----------------------------------------------------------------------------


def test_dash_quote_with_closing_attribution(statement_nlp):
    text = "Title\n\n- We will hold the bridge until the very end - says Ihor Marchenko, the local commander."
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["We will hold the bridge until the very end"]
    assert rows[0].cue == "says"
    assert rows[0].speaker_name == "Ihor Marchenko"


def test_dash_quote_after_a_sentence_end_and_a_second_one(statement_nlp):
    text = ("Title\n\nThe shelling resumed at dawn.- Nobody in the village slept that night - recalls Olha Kravets."
            "- The children were hiding in the cellar for hours - she adds.")
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["Nobody in the village slept that night",
                                       "The children were hiding in the cellar for hours"]
    assert [r.speaker_name for r in rows] == ["Olha Kravets", "Olha Kravets"]


def test_dash_quote_closed_by_a_stray_quote_mark(statement_nlp):
    text = "Title\n\nThe talks ended late.- The result is better than we expected, ”said Marta Vovk."
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["The result is better than we expected,"]
    assert rows[0].speaker_name == "Marta Vovk"


def test_unmarked_paragraph_attributed_by_the_next_dash_line(statement_nlp):
    text = ("Title\n\nThe council met on Friday.\n\nOur support for the city will not end this year\n\n"
            "- wrote the head of the regional council.\n\nOther news.")
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["Our support for the city will not end this year"]
    assert rows[0].speaker_text == "the head of the regional council"


def test_subheading_between_dashes_is_not_a_statement(statement_nlp):
    text = "Title\n\n– Grain deliveries to start again this week –\n\nShips left the port on Monday."
    assert direct(run(statement_nlp, text)) == []


def test_inverted_attribution_after_the_quote(statement_nlp):
    text = "Title\n\n- I think the convoy will arrive by Sunday - adds the director of the aid centre."
    rows = direct(run(statement_nlp, text))
    assert rows[0].speaker_text == "the director of the aid centre"


# --- quote marks and sentence limits --------------------------------------------------------------


def test_straight_quote_glued_to_a_sentence_end_opens_a_quote(statement_nlp):
    text = 'Title\n\nThe minister spoke to Taras Bulba."The roads are open again for all trucks" he said.'
    rows = direct(run(statement_nlp, text))
    assert [r.quote for r in rows] == ["The roads are open again for all trucks"]


def test_a_quote_ending_in_a_full_stop_ends_its_sentence(statement_nlp):
    text = ('Title\n\nLev Hrab said the dispute is "a matter in which the city is not involved at all." '
            "He added that the mayor Ivan Dub would decide.")
    rows = direct(run(statement_nlp, text))
    assert rows[0].cue == "said"
    assert rows[0].speaker_text == "Lev Hrab"


# --- who performs the reporting act -----------------------------------------------------------


def test_any_noun_subject_of_a_direct_quote_cue_is_the_speaker(statement_nlp):
    text = "Title\n\n“We started this march because of injustice,” the warlord said in the recording."
    rows = direct(run(statement_nlp, text))
    assert rows[0].speaker_text == "the warlord"


def test_a_subject_on_another_line_is_not_the_speaker(statement_nlp):
    text = ("Title\n\nCLICK HERE TO GET THE APP\n\nMiller said the dispute is an internal affair "
            "“in which the United States is not involved at all”. He added more later.")
    rows = direct(run(statement_nlp, text))
    assert rows[0].speaker_text == "Miller"


def test_participle_after_a_reported_clause_reports_with_the_outer_verb(statement_nlp):
    text = ("Title\n\nKallas said that training soldiers on their territory would not be escalatory, "
            "adding that “their propaganda does not need any excuse”.")
    rows = direct(run(statement_nlp, text))
    assert rows[0].speaker_text == "Kallas"


def test_belief_yields_to_the_reporting_verb_above_it(statement_nlp):
    text = ("Title\n\nOksana Ruda spoke first. Petro Lis has repeatedly said she believes the city "
            "“holds all the cards in these talks”.")
    rows = direct(run(statement_nlp, text))
    assert rows[0].cue == "said"
    assert "Petro Lis" in rows[0].speaker_text


def test_a_date_is_never_a_speaker(statement_nlp):
    text = ("Title\n\n“Both armies must take real steps toward peace,” the two leaders agreed on Wednesday, "
            "according to 2,000 pages.")
    rows = direct(run(statement_nlp, text))
    assert rows[0].speaker_text != "Wednesday"


def test_conjoined_cue_in_the_reporting_tense_reports_with_it(statement_nlp):
    text = ("Title\n\nAndrii Melnyk spoke first. He says the visiting minister has always “expressed a wish” to come "
            "and adds that this visit “reflects our shared commitment to both nations”.")
    actors = [person(text, "Andrii Melnyk", "person:andrii melnyk")]
    rows = direct(run(statement_nlp, text, actors))
    assert rows[-1].quote == "reflects our shared commitment to both nations"
    assert rows[-1].speaker_text == "He"
    assert rows[-1].speaker_key == "person:andrii melnyk"


def test_cue_after_an_infinitive_tagged_as_noun(statement_nlp):
    text = ("Title\n\nThe Foreign Minister went on to state that “relations will be cut if the army crosses "
            "the border”.")
    rows = direct(run(statement_nlp, text))
    assert rows[0].cue == "state"
    assert rows[0].speaker_text == "The Foreign Minister"


def test_inverted_partitive_speaker(statement_nlp):
    text = "Title\n\n- The meeting was long and very difficult - emphasized one of the EU officials.He left."
    rows = direct(run(statement_nlp, text))
    assert rows[0].speaker_text == "one of the EU officials"


# --- names, pronouns and context -----------------------------------------------------------------


def test_bare_surname_takes_the_key_of_the_full_name(statement_nlp):
    text = ("Title\n\nOlena Shuliak arrived in the city on Monday. "
            "Later Shuliak said “the bridge will reopen next week for all cars”.")
    actors = [person(text, "Olena Shuliak", "person:olena shuliak")]
    rows = direct(run(statement_nlp, text, actors))
    assert rows[0].speaker_key == "person:olena shuliak"
    assert rows[0].speaker_name == "Olena Shuliak"


def test_a_name_the_ner_calls_an_organization_is_still_a_pronoun_antecedent():
    people = statements.known_people([ActorMention("m", "d", "Donald Trump", 0, 12, "person:donald trump",
                                                   "Donald Trump", "person", None, None)])
    mention = statements.Mention(40, 40, "Trump", None, False, True)
    known = statements.as_known_person(mention, people)
    assert (known.name, known.key, known.is_person) == ("Donald Trump", "person:donald trump", True)
    first_name = statements.Mention(40, 40, "Donald", None, True, True)
    assert statements.as_known_person(first_name, people).key is None  # a first name is not folded


def test_a_shared_surname_is_not_resolved():
    actors = [ActorMention("m", "d", name, 0, 5, "person:" + name.lower(), name, "person", None, None)
              for name in ("Vitali Klitschko", "Wladimir Klitschko")]
    assert "klitschko" not in statements.known_people(actors)


def test_pull_quote_takes_the_speaker_of_the_statement_repeating_it(statement_nlp):
    text = ('Title\n\n"Talks with the neighbours are difficult"\n\nThe adviser spoke on Friday.\n\n'
            "- Talks with the neighbours are difficult. Nobody wants to move first - admitted Mykola Podil.")
    rows = direct(run(statement_nlp, text))
    assert rows[0].quote == "Talks with the neighbours are difficult"
    assert rows[0].speaker_text == rows[1].speaker_text == "Mykola Podil"
    assert rows[0].attribution == "context"


def test_context_skips_blank_lines_and_keeps_the_speaker_text(statement_nlp):
    text = ("Title\n\n“The shelter is full of families tonight,” said Anna Riaba.\n\n"
            "More people arrive every hour.\n\n“We need blankets and water for everyone here.”")
    rows = direct(run(statement_nlp, text))
    assert rows[1].attribution == "context"
    assert rows[1].speaker_name == "Anna Riaba"
    assert rows[1].speaker_text == "Anna Riaba"


def test_a_quote_owned_through_a_reporting_noun_is_not_continued(statement_nlp):
    text = ("Title\n\nAccording to the aid official, more trucks arrived overnight.\n\n"
            "The official cast doubt on Russia’s assertions that “it was pulling its troops back”.\n\n"
            "“They got a lot of attention for that claim. But we now know it was false.”")
    rows = direct(run(statement_nlp, text))
    assert rows[-1].attribution == "context"
    assert rows[-1].speaker_text == "the aid official"


def test_relative_pronoun_is_never_the_speaker(statement_nlp):
    text = ("Title\n\nBut according to the senior official, who asked to remain anonymous, thousands more "
            "troops have arrived in the area.")
    assert all(r.speaker_text != "who" for r in run(statement_nlp, text))


def test_relative_pronoun_after_a_clause_is_its_subject(statement_nlp):
    text = 'Title\n\nThe Chechen leader Ramzan Kadyrov also spoke, who stated that "for us there is only victory now".'
    rows = direct(run(statement_nlp, text))
    assert rows[0].speaker_text != "who"
    assert "Kadyrov" in (rows[0].speaker_name or "")


def test_a_dash_before_a_relative_clause_does_not_close_a_dash_quote(statement_nlp):
    text = ("Title\n\n- If there were a threat - which threatens us all - our allies would fight with us "
            "- notes Marek Lis, an MP.")
    rows = direct(run(statement_nlp, text))
    assert len(rows) == 1
    assert rows[0].quote.endswith("our allies would fight with us")
    assert rows[0].speaker_name == "Marek Lis"


def test_dash_quote_after_a_closing_quote_mark(statement_nlp):
    text = ('Title\n\nHe added that "talks at a high level are planned."- We expect no attack during the talks '
            "- said the ambassador.")
    rows = direct(run(statement_nlp, text))
    assert rows[-1].quote == "We expect no attack during the talks"
    assert rows[-1].speaker_text == "the ambassador"


def test_a_heading_word_is_no_pronoun_antecedent(statement_nlp):
    text = ("Title\n\nLoss of a pressure tool\n\nLeon Wansleben, an expert on central banks, listed other reasons. "
            "He stated that “the promise of a free flow of capital would be broken”. A loss is a loss.")
    rows = direct(run(statement_nlp, text))
    assert rows[0].speaker_name == "Leon Wansleben"


def test_speaker_phrase_stops_at_a_glued_sentence_end_but_not_at_an_abbreviation(statement_nlp):
    text = ("Title\n\nWho wants the war?The politician added that it was “an attack on the state itself”. "
            "“The threats are direct and serious,” a U.S. spy report says.")
    rows = direct(run(statement_nlp, text))
    assert [r.speaker_text for r in rows] == ["The politician", "a U.S. spy report"]


def test_quote_list_overlap_matches_a_plain_scan():
    text = 'A "one two three" b “four five” c ‘six seven’ d.'
    quotes = statements.find_quote_spans(text)
    plain = list(quotes)
    for start in range(len(text)):
        for end in range(start + 1, min(len(text), start + 6) + 1):
            expected = any(start < q.end and q.start < end for q in plain)
            assert quotes.overlaps(start, end) == expected


def test_a_headline_entity_run_into_the_name_is_not_the_speaker(statement_nlp):
    text = ("Title\n\nOther Topics of Interest Latvia’s PM: Army Drills in Ukraine Won't Trigger War With Russia "
            "Kallas said that drills would not be escalatory, adding that “their propaganda needs no excuse”.")
    doc = statement_nlp(text)
    rows = statements.find_statements(doc, "d", PUBLISHED, [])
    assert any(e.label_ not in statements.NAME_ENTS and "Kallas" in e.text for e in doc.ents)  # the trap is set
    assert [r.speaker_text for r in rows if r.statement_type == "direct"] == ["Kallas"]


def test_a_quote_without_a_reporting_word_belongs_to_its_clause_subject(statement_nlp):
    text = ("Title\n\nThe agency released its annual report that “focuses on the most direct and serious "
            "threats”. Mayor Ivan Bilyk refuses to comment, preferring to wait “to see if we have a deal”.")
    rows = direct(run(statement_nlp, text))
    assert [r.speaker_text for r in rows] == ["The agency", "Mayor Ivan Bilyk"]


def test_a_clause_subject_does_not_make_a_term_a_statement(statement_nlp):
    text = "Title\n\nThe ministers discussed the “coalition of the able and willing” for an hour."
    assert direct(run(statement_nlp, text)) == []


def test_someone_called_he_is_not_a_later_she(statement_nlp):
    text = ("Title\n\nIryna Kos met Oleh Hrab in Kyiv. Oleh Hrab said that “the talks went well for both sides”. "
            "“We will meet again very soon,” he added. Later she said “the meeting was the best one this year”.")
    actors = [person(text, "Iryna Kos", "person:iryna kos"), person(text, "Oleh Hrab", "person:oleh hrab"),
              person(text, "Oleh Hrab", "person:oleh hrab", occurrence=1)]
    rows = direct(run(statement_nlp, text, actors))
    assert [(r.speaker_text, r.speaker_name) for r in rows[1:]] == [("he", "Oleh Hrab"), ("she", "Iryna Kos")]


def test_a_gendered_title_tells_he_from_she(statement_nlp):
    text = ("Title\n\nOlha Lys arrived first. “The talks went well for everyone,” said spokesman Petro Dub. "
            "Later she said “the next round will be held in the spring”.")
    actors = [person(text, "Olha Lys", "person:olha lys"), person(text, "Petro Dub", "person:petro dub")]
    rows = direct(run(statement_nlp, text, actors))
    assert rows[-1].speaker_name == "Olha Lys"
