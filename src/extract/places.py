"""Place mentions: every GPE/LOC/FAC span resolved to one canonical gazetteer place.

Resolution is by name, ranked with what the document itself says: the countries it is about
(Donetsk in a Ukraine story is the Ukrainian city), the regions it names (a village in "Kharkiv
region"), and the cue words around the name ("the Kharkiv region", "the town of X",
"the Donetsk, Luhansk and Kherson regions", "Kyiv's Podilskyi district").
"""
from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from extract.gazetteer import (
    DETAILED_COUNTRIES,
    DISTRICT_WORDS,
    REGION_WORDS,
    Place,
    PlaceIndex,
    demonyms,
    fold,
    index,
    role_words,
    spelling_skeleton,
    stoplist,
    transliteration_key,
    us_state_abbreviations,
)
from extract.rows import PlaceMention, stable_id

PLACE_LABELS = {"GPE", "LOC", "FAC"}
SETTLEMENT_TYPES = {"city", "town", "village"}
SETTLEMENT_CUES = {"city": "city", "town": "town", "village": "village", "settlement": "village", "hamlet": "village"}
LEADING_WORDS = {"the", "The"}
# Most specific first: used to pick the place an event happened at.
SPECIFICITY = {"landmark": 0, "district": 1, "village": 2, "town": 2, "city": 3, "region": 4, "water": 5,
               "country": 6, "other": 7}
# Ukraine-war reporting: unless the text says otherwise, a bare name is most likely Ukrainian or Russian.
DEFAULT_FOCUS = {"UA": 2.0, "RU": 1.0}


@dataclass
class DocContext:
    """What the document is about, for ranking ambiguous names."""
    country_focus: Counter = field(default_factory=Counter)
    admin1_mentioned: set = field(default_factory=set)  # (country, admin1 code)
    cities_mentioned: set = field(default_factory=set)  # place keys
    region_hint: tuple | None = None  # (country, admin1) of the region named right after this town
    names_in_text: set = field(default_factory=set)  # keys of every place a place entity's name could mean
    surnames: set = field(default_factory=set)  # last names of the people the document names in full


    def country_bonus(self, code: str | None) -> float:
        total = sum(self.country_focus.values())
        share = self.country_focus[code] / total if total and code else 0.0
        return 2.0 * share + DEFAULT_FOCUS.get(code or "", 0.0) * (0.5 if total else 1.0)

    def about_the_war(self) -> bool:
        return not self.country_focus or any(self.country_focus[c] for c in DETAILED_COUNTRIES)


def find_places(doc: Doc, document_id: str) -> list[PlaceMention]:
    idx = index()
    context = _document_context(doc, idx)
    plural_region_ents = _ents_in_plural_region_lists(doc)
    towns = _towns_before_regions(doc, idx)
    region_starts = {region_start for _, region_start, _ in towns.values()}
    capitals = _capital_phrases(doc, idx) + _party_tag_states(doc, idx) \
        + _settlements_of_a_country(doc, idx)  # places read before the entities
    mentions = [_mention(document_id, span, place, place.place_type, idx) for span, place in capitals]
    for ent, town in _spans_to_read(doc, towns):
        if town is None and ent.label_ not in PLACE_LABELS and not _after_a_settlement_cue(ent):
            continue
        if any(span.start <= ent.start < span.end for span, _ in capitals):
            continue  # "Ukraine" in "Ukraine's capital" names Kyiv
        span = _trim(ent)
        if span is None:
            continue
        if looks_like_part_of_a_name(span, ent.ent_id_) or _institution_not_as_a_building(span, ent.ent_id_, idx) \
                or _part_of_another_name(span) or _names_a_media_outlet(span) or _names_an_allegiance(span):
            continue
        as_region = ent.start in plural_region_ents or ent.start in region_starts
        context.region_hint = town[2] if town else None
        place, span = _resolve(span, idx, context, as_region=as_region)
        if place is None:
            place = _unlisted_settlement(span, idx, context)
        if place is None or (ent.label_ not in PLACE_LABELS and place.country_code not in DETAILED_COUNTRIES):
            continue
        if town is None and len(span) == 1 and span.text in context.surnames and place.country_code not in DETAILED_COUNTRIES:
            continue  # "Timothy Griffin ... Griffin's family": the man told of, not a town abroad
        if place.place_type in SETTLEMENT_TYPES:
            context.cities_mentioned.add(place.key)
        mentions.append(_mention(document_id, span, place, _cued_type(span, place), idx))
    mentions += [_mention(document_id, span, place, place.place_type, idx) for span, place in _bare_capitals(doc, idx, mentions)]
    return sorted(mentions, key=lambda m: m.char_start)


def _bare_capitals(doc: Doc, idx: PlaceIndex, mentions: list[PlaceMention]) -> list[tuple[Span, Place]]:
    """"hit by missiles in the capital", no country named: the capital of the country most of the
    document's places are in, when that country has at least twice the mentions of the next."""
    ranked = Counter(m.country_code for m in mentions if m.country_code).most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return []
    capital = idx.capitals.get(ranked[0][0])
    if capital is None:
        return []
    return [(doc[token.i:token.i + 1], capital) for token in doc
            if token.lower_ == "capital" and token.pos_ in ("NOUN", "PROPN") and token.i > 0
            and doc[token.i - 1].lower_ == "the" and not _a_name_follows(doc, token.i + 1)
            and not (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of")]


PARTY_TAG_RE = re.compile(r"\((?:R|D|I)-(?P<state>[A-Z][A-Za-z.]{1,5})[),]")


def _party_tag_states(doc: Doc, idx: PlaceIndex) -> list[tuple[Span, Place]]:
    """"Rep. Liz Cheney (R-Wyo.)": the tag names the lawmaker's state."""
    found = []
    for match in PARTY_TAG_RE.finditer(doc.text):
        state = us_state_abbreviations().get(match.group("state"))
        places = [p for p in idx.by_name.get(fold(state), []) if p.country_code == "US" and p.place_type == "region"] \
            if state else []
        span = doc.char_span(*match.span("state"), alignment_mode="contract")
        if places and span is not None and len(span) > 0:
            found.append((span, places[0]))
    return found


def _unlisted_settlement(span: Span, idx: PlaceIndex, context: DocContext) -> Place | None:
    """A settlement the gazetteer lacks, named with its region ("near Zoryane, Donetsk", "the village
    of Buzova, Kyiv"): kept under its own name in that region, without coordinates (none are known)."""
    region = idx.region_by_admin1.get(context.region_hint) if context.region_hint else None
    text = _strip_possessive(span.text)
    if region is None or not _NAME_RE.fullmatch(text) or text in stoplist() or fold(text) in idx.regions_by_stem:
        return None  # a region's own name is a list of regions, not a village
    return Place(
        key=f"unlisted:{region.country_code.lower()}-{region.admin1_code}-{fold(text).replace(' ', '-')}",
        name=text, place_type="village", country_code=region.country_code, admin1_code=region.admin1_code,
        latitude=None, longitude=None, geonames_id=None, parent_key=region.key,
    )


# Capitalized words, hyphenated parts and numbered settlements ("Zolote-5", "Mykhailivka-Rubezhivka").
_NAME_RE = re.compile(r"[A-Z][a-z’'ʼ]+(?:(?:[- ]| imeni )(?:[A-Z][a-z’'ʼ]+|\d+))*")


UNIT_WORDS = {"battalion", "Battalion", "regiment", "Regiment", "brigade", "Brigade", "Fleet", "fleet", "Flotilla", "flotilla"}
# "Azov fighters", "Azov soldiers": the unit's people, named after it, not the town
UNIT_PEOPLE_WORDS = {"fighters", "militants", "members", "member", "commander", "commanders", "servicemen", "soldiers"}
# "the Minsk agreements", "the Geneva Conventions": a text named after a place, not the place
TEXT_WORDS = {"agreement", "agreements", "accord", "accords", "protocol", "protocols", "format", "convention",
              "conventions", "memorandum", "treaty", "process", "deal", "initiative", "grain"}  # "the Black Sea grain deal"
QUOTES = {"'", "‘", "’", '"', "“", "”"}


MEDIA_NOUNS = frozenset({"outlet", "agency", "newspaper", "paper", "channel", "site", "website", "broadcaster",
                         "network", "daily", "magazine", "tabloid", "portal", "station"})


def _names_a_media_outlet(span: Span) -> bool:
    """"Russian news outlet Baza reported": the outlet's name, not a town called Baza."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in MEDIA_NOUNS


ALLEGIANCE_PARTICIPLES = frozenset({"installed", "backed", "appointed", "controlled", "led", "based", "allied",
                                    "aligned", "supported", "friendly", "leaning", "sponsored", "funded", "imposed"})


def _names_an_allegiance(span: Span) -> bool:
    """"Moscow-installed authorities", "Kyiv-based analysts": the city qualifies who someone is, not where."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in ALLEGIANCE_PARTICIPLES


def _part_of_another_name(span: Span) -> bool:
    """Part of another name: "the Donetsk People's Militia", "the Azov battalion", "Azov fighters", the
    ship 'Saratov', "the Minsk agreements"."""
    doc = span.doc
    after = doc[span.end].text if span.end < len(doc) else ""
    if after == "People" and span.end + 1 < len(doc) and doc[span.end + 1].text in {"'s", "’s"}:
        return True
    quoted = span.start > 0 and doc[span.start - 1].text in QUOTES and after in QUOTES
    return after in UNIT_WORDS or after.lower() in TEXT_WORDS or after in UNIT_PEOPLE_WORDS or quoted


def _capital_phrases(doc: Doc, idx: PlaceIndex) -> list[tuple[Span, Place]]:
    """"Ukraine's capital", "the Russian capital", "the capital of Belarus": the country's capital city.
    Not when the city's own name follows ("the Russian capital, Moscow"): that name is the mention."""
    names = demonyms()
    ents_by_end = {ent.end: ent for ent in doc.ents}
    found = []
    for token in doc:
        if token.lower_ != "capital" or token.i == 0:
            continue
        country, start, end = None, None, token.i + 1
        previous = ents_by_end.get(token.i - 1)
        norp = ents_by_end.get(token.i)
        if doc[token.i - 1].text in {"'s", "’s"} and previous is not None and previous.label_ in PLACE_LABELS:
            country, start = _country_code(previous.text, idx), previous.start  # "Ukraine's capital"
        elif norp is not None and norp.label_ == "NORP" and norp.start > 0 and doc[norp.start - 1].lower_ == "the":
            country, start = names.get(norp.text), norp.start  # "the Ukrainian capital"
        elif doc[token.i - 1].lower_ == "the" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
            after = next((e for e in doc.ents if e.start == token.i + 2 and e.label_ in PLACE_LABELS), None)
            if after is not None:  # "the capital of Ukraine"
                country, start, end = _country_code(after.text, idx), token.i, after.end
        capital = idx.capitals.get(country or "")
        if capital is None or start is None or _a_name_follows(doc, end):
            continue
        found.append((doc[start:end], capital))
    return found


SETTLEMENT_NOUNS = frozenset({"village", "town", "city", "settlement", "hamlet"})


def _settlements_of_a_country(doc: Doc, idx: PlaceIndex) -> list[tuple[Span, Place]]:
    """"a missile strike in a Polish village", "shelling of a Russian border town": no name, but the
    country; not when the name follows ("the Ukrainian city of Kharkiv", "the Russian town Shebekino")."""
    names = demonyms()
    found = []
    for ent in doc.ents:
        if ent.label_ != "NORP" or ent.start == 0 or doc[ent.start - 1].lower_ not in ("a", "an", "the"):
            continue
        noun = ent.end + (ent.end < len(doc) and doc[ent.end].lower_ in ("border", "frontline", "front-line", "port"))
        if noun >= len(doc) or doc[noun].lower_ not in SETTLEMENT_NOUNS or _a_name_follows(doc, noun + 1) \
                or (noun + 1 < len(doc) and doc[noun + 1].lower_ == "of"):
            continue
        code = names.get(ent.text)
        country = idx.country(code) if code else None
        if country is not None:
            found.append((doc[ent.start:noun + 1], country))
    return found


def _country_code(text: str, idx: PlaceIndex) -> str | None:
    for place in idx.by_name.get(fold(_strip_possessive(text)), []):
        if place.place_type == "country":
            return place.country_code
    return None


def _a_name_follows(doc: Doc, i: int) -> bool:
    """"the Russian capital, Moscow", "the Ukrainian capital Kyiv", "the Ukrainian capital city of Kyiv";
    also "Russian capital markets" (money, not a city)."""
    while i < len(doc) and doc[i].lower_ in {",", "city", "of"}:
        i += 1
    return i < len(doc) and (doc[i].ent_type_ in PLACE_LABELS or doc[i].pos_ == "NOUN")


def looks_like_part_of_a_name(span: Span, ruler_id: str) -> str | None:
    """A gazetteer town right after or before a bare capitalized word is most likely part of a
    person's name ("Vitaliy Shevchenko", "Serhii Marchenko"): "surname", "first name" or None."""
    if not ruler_id.startswith("geonames:"):
        return None
    place = index().by_key.get(ruler_id)
    if place is None or place.place_type not in SETTLEMENT_TYPES or place.population >= 500_000:
        return None
    doc = span.doc
    if span.start > 0 and bare_proper_noun(doc[span.start - 1]):
        return "surname"
    if span.end < len(doc) and bare_proper_noun(doc[span.end]) and not doc[span.end].is_sent_start:
        return "first name"
    return None


def bare_proper_noun(token) -> bool:
    """A capitalized name word that spaCy left alone or took for a person."""
    titles, honorifics = role_words()
    return token.is_alpha and token.is_title and token.ent_type_ in {"", "PERSON"} and token.pos_ == "PROPN" \
        and token.text not in REGION_WORDS + DISTRICT_WORDS and token.lower_ not in titles | honorifics


LOCATIVE_PREPOSITIONS = {"in", "at", "inside", "outside", "near", "into", "from", "to", "toward", "towards",
                         "on", "around", "behind", "within"}


def is_locative(span: Span) -> bool:
    """"in the Kremlin", "at the White House": the building, not the institution."""
    before = span.start - 1
    if before >= 0 and span.doc[before].lower_ == "the":
        before -= 1
    return before >= 0 and span.doc[before].lower_ in LOCATIVE_PREPOSITIONS


def _institution_not_as_a_building(span: Span, ruler_id: str, idx: PlaceIndex) -> bool:
    """"The Kremlin said" names the Russian presidency (an actor), not a place."""
    return ruler_id in idx.institutions and not is_locative(span)


def most_specific(mentions: list[PlaceMention], char_start: int, char_end: int) -> PlaceMention | None:
    """The most specific place mentioned inside [char_start, char_end): a district beats its city,
    a city its region, a region its country; among equals the first one named."""
    inside = [m for m in mentions if char_start <= m.char_start and m.char_end <= char_end]
    if not inside:
        return None
    return min(inside, key=lambda m: (SPECIFICITY.get(m.place_type, 7), m.char_start))


def _document_context(doc: Doc, idx: PlaceIndex) -> DocContext:
    context = DocContext()
    names = demonyms()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].is_title:
            context.surnames.add(ent[-1].text)
        if ent.label_ == "NORP" and ent.text in names:
            # "Russian forces shelled X": a nationality names the attacker more often than where X is.
            context.country_focus[names[ent.text]] += 0.3
        elif ent.label_ in PLACE_LABELS:
            for place in idx.by_name.get(fold(_strip_possessive(ent.text)), []):
                context.names_in_text.add(place.key)
                if place.place_type == "country":
                    context.country_focus[place.country_code] += 1
                elif place.place_type == "region" and place.admin1_code:
                    context.admin1_mentioned.add((place.country_code, place.admin1_code))
            stem_regions = idx.regions_by_stem.get(fold(_region_stem(ent.text) or ""), [])
            for place in stem_regions:
                context.admin1_mentioned.add((place.country_code, place.admin1_code))
    return context


def _after_a_settlement_cue(ent: Span) -> bool:
    """"the village of X", "near X": a place, whatever label the model gave X."""
    doc = ent.doc
    if ent.start >= 1 and doc[ent.start - 1].lower_ in {"near", "outside"}:
        return True
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in SETTLEMENT_CUES


def _trim(ent: Span) -> Span | None:
    """Drop a leading "the", a trailing possessive and settlement word: "the Kharkiv region" -> "Kharkiv region";
    stop at a line break (the small model runs entities across lines)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    for i in range(start, end):
        if doc[i].is_space:
            end = i
            break
    while start < end and doc[start].text in LEADING_WORDS:
        start += 1
    while end > start and doc[end - 1].text in {"’s", "'s", "’", "'"}:
        end -= 1
    if end - start > 1 and doc[end - 1].text in SETTLEMENT_CUES:
        end -= 1  # "Buzova village": the name is the place
    if start >= end:
        return None
    return doc[start:end]


def _strip_possessive(text: str) -> str:
    for suffix in ("’s", "'s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _region_stem(text: str) -> str | None:
    words = text.split()
    if len(words) >= 2 and words[-1] in REGION_WORDS:
        return " ".join(words[:-1])
    return None


def _resolve(span: Span, idx: PlaceIndex, context: DocContext, as_region: bool) -> tuple[Place | None, Span]:
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].is_title and not doc[span.start - 1].is_sent_start:
        wider = doc[span.start - 1: span.end]
        if idx.by_name.get(fold(_strip_possessive(wider.text))):
            span = wider  # "New Delhi": the model left the first word of the name outside
    text = _strip_possessive(span.text)
    # "Kharkiv" + "region" where the region word was left outside the entity.
    if span.end < len(doc) and doc[span.end].text in REGION_WORDS and _region_stem(text) is None:
        region = _region_for_stem(text, idx, context)
        if region is not None:
            return region, doc[span.start: span.end + 1]
    stem = _region_stem(text)
    if stem is not None or as_region:
        region = _region_for_stem(stem or text, idx, context)
        if region is not None:
            return region, span
    district = _district(text, span, idx, context)
    if district is not None:
        return district, span
    # Districts were weighed just above; a district of another city is not this place.
    candidates = [p for p in idx.by_name.get(fold(text), []) if p.place_type != "district"]
    looks_like_a_name = all(w[:1].isupper() for w in text.split())
    if context.region_hint and looks_like_a_name:
        return _in_hinted_region(text, candidates, idx, context), span
    if not candidates and context.about_the_war() and looks_like_a_name:
        candidates = _closest_spellings(text, _other_spellings(text, idx), context)
    if not candidates:
        return None, span
    return max(candidates, key=lambda p: _score(p, context)), span


def _in_hinted_region(text: str, candidates: list[Place], idx: PlaceIndex, context: DocContext) -> Place | None:
    """"near Pervomaisk, Luhansk": the namesake in that region, by exact then looser spelling. A small
    namesake elsewhere is not it (the gazetteer lacks many villages): None, and the caller keeps the
    name in the region. A city or a curated place keeps its meaning ("Kherson, Zaporizhzhia and Luhansk")."""
    inside = [p for p in candidates if _admin1_within(p, context.region_hint)]
    if not inside:
        loose = _other_spellings(text, idx, lambda p: _admin1_within(p, context.region_hint))
        inside = _closest_spellings(text, loose, context)
    if inside:
        return max(inside, key=lambda p: _score(p, context))
    known = [p for p in candidates if p.place_type not in {"town", "village"}]  # cities: regional centres too
    return max(known, key=lambda p: _score(p, context)) if known else None


# A city with special status lies inside the region around it: Kyiv in Kyiv Oblast, Sevastopol in Crimea.
ENCLOSING_ADMIN1 = {("UA", "12"): ("UA", "13"), ("UA", "20"): ("UA", "11")}


def _admin1_within(place: Place, region: tuple) -> bool:
    own = (place.country_code, place.admin1_code)
    return own == region or ENCLOSING_ADMIN1.get(own) == region


def _other_spellings(text: str, idx: PlaceIndex, keep=lambda place: True) -> list[Place]:
    """Places spelled in another romanization ("Popilnya" / "Popilnia"), else with the same consonants."""
    tight = [p for p in idx.by_transliteration.get(transliteration_key(text), []) if keep(p)]
    words = _word_count(text)  # "Natalya Vovk" has Natalivka's consonants, but two words: a person
    return tight or [p for p in idx.by_skeleton.get(spelling_skeleton(text), []) if keep(p) and _word_count(p.name) == words]


def _word_count(name: str) -> int:
    return len(re.split(r"[\s-]+", name.strip()))


def _closest_spellings(text: str, candidates: list[Place], context: DocContext) -> list[Place]:
    """Among places whose consonants match, those spelled most like the text ("Pervomaisk" is
    "Pervomaysk", not "Pervomayske"), in the regions the text names when any are."""
    named = [p for p in candidates if (p.country_code, p.admin1_code) in context.admin1_mentioned]
    candidates = named or candidates
    if not candidates:
        return []
    key = transliteration_key(text)
    # Pervomaisk, Pervomaiske and Pervomaiskyi are three names: the -sk ending must agree.
    candidates = [p for p in candidates if _SK_ENDING.findall(transliteration_key(p.name)) == _SK_ENDING.findall(key)]
    if not candidates:
        return []
    best = max(_similarity(key, transliteration_key(p.name)) for p in candidates)
    return [p for p in candidates if _similarity(key, transliteration_key(p.name)) == best]


_SK_ENDING = re.compile(r"sk([eia]?)\b")


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _region_for_stem(stem: str, idx: PlaceIndex, context: DocContext) -> Place | None:
    curated = idx.regions_by_stem.get(fold(stem), [])
    if curated:
        return max(curated, key=lambda p: context.country_bonus(p.country_code))
    named = [p for p in idx.by_name.get(fold(stem), []) if p.place_type == "region"]
    if named:  # "Chechnya region", "Donbas region"
        return max(named, key=lambda p: _score(p, context))
    # Any other first-level region: named after its main town, placed at that town.
    towns = [p for p in idx.by_name.get(fold(stem), []) if p.place_type in SETTLEMENT_TYPES]
    if not towns:
        return None
    town = max(towns, key=lambda p: _score(p, context))
    if town.admin1_code is None:
        return None
    return Place(
        key=f"gaz:{town.country_code.lower()}-admin1-{town.admin1_code}", name=f"{stem} region",
        place_type="region", country_code=town.country_code, admin1_code=town.admin1_code,
        latitude=town.latitude, longitude=town.longitude, geonames_id=None,
        parent_key=idx.country_key(town.country_code),
    )


def _district(text: str, span: Span, idx: PlaceIndex, context: DocContext) -> Place | None:
    words = text.split()
    if len(words) >= 2 and words[-1] in DISTRICT_WORDS:
        text = " ".join(words[:-1])
    districts = [p for p in idx.by_name.get(fold(text), []) if p.place_type == "district"]
    if not districts:
        return None
    # The city named just before ("Kharkiv's Kyivskyi district") or anywhere earlier wins, then one named later.
    named = [p for p in districts if p.parent_key in context.cities_mentioned | context.names_in_text]
    if not named and any(idx.by_key[k].place_type == "city" for k in context.names_in_text if k in idx.by_key):
        return None  # "Donetsk - Kyivskyi": a district of a city the gazetteer does not divide
    return max(named or districts,
               key=lambda p: (p.parent_key in context.cities_mentioned, p.parent_key == "geonames:703448"))


def _score(place: Place, context: DocContext) -> float:
    score = context.country_bonus(place.country_code)
    score += math.log10(place.population + 10) if place.population else 0.0
    if place.key.startswith("gaz:") or place.place_type == "country":
        score += 10.0  # a curated entry or a country name means what it was added for
    if place.place_type in SETTLEMENT_TYPES:
        score += 0.5  # "New York" is the city more often than the state
    if place.is_capital:
        score += 1.5  # "Washington": capitals are named far more often than their namesakes
    if context.region_hint and (place.country_code, place.admin1_code) == context.region_hint:
        score += 3.0  # "Zolochiv, Kharkiv": the Zolochiv in Kharkiv Oblast
    if place.country_code in DETAILED_COUNTRIES and (place.country_code, place.admin1_code) in context.admin1_mentioned:
        score += 1.0  # a village in the region the text names
    if place.place_type == "city" and place.parent_key and place.parent_key.startswith("gaz:"):
        score += 1.0  # a regional centre is the usual meaning of its name
    return score


def _cued_type(span: Span, place: Place) -> str:
    """"the town of Pavlohrad": the text's own word for a settlement beats a population guess."""
    if place.place_type not in SETTLEMENT_TYPES or span.start < 2:
        return place.place_type
    doc = span.doc
    if doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in SETTLEMENT_CUES:
        return SETTLEMENT_CUES[doc[span.start - 2].lower_]
    return place.place_type


def _ents_in_plural_region_lists(doc: Doc) -> set[int]:
    """Entity starts inside "the Donetsk, Luhansk, Zaporizhzhia and Kherson regions"."""
    starts: set[int] = set()
    place_ents = [ent for ent in doc.ents if ent.label_ in PLACE_LABELS]
    ents_by_end = {ent.end: ent for ent in place_ents}
    for token in doc:
        if token.lower_ not in {"regions", "oblasts", "provinces"}:
            continue
        end = token.i + 1 if token.i + 1 in ents_by_end else token.i  # "Kherson regions" may be one entity
        while end in ents_by_end:
            ent = ents_by_end[end]
            starts.add(ent.start)
            before = ent.start - 1
            if before < 0 or doc[before].text not in {",", "and", "&"}:
                break
            end = before
            if doc[before].text == "and" and before > 0 and doc[before - 1].text == ",":
                end = before - 1
    return starts


def _towns_before_regions(doc: Doc, idx: PlaceIndex) -> dict[int, tuple[Span, int, tuple]]:
    """"near Horlivka, Donetsk", "shelled Marinka, Donetsk oblast": a region's name right after a name and
    a comma names that place's region, whatever label the model gave the name (or none). A list of
    towns ("Kyiv, Kharkiv and Odesa") does not. Returns town start -> (town span, region start,
    (country, admin1)); the span is labelled with the model's label for the name ("" when none)."""
    towns = {}
    for region in doc.ents:
        if region.label_ not in PLACE_LABELS:
            continue
        stems = idx.regions_by_stem.get(fold(_region_stem(region.text) or region.text), [])
        comma = region.start - 1
        # "Robotyne (Zaporizhia)": the region in brackets after the name, as coders write it
        bracketed = comma >= 1 and doc[comma].text == "(" and region.end < len(doc) and doc[region.end].text == ")"
        if not stems or comma < 1 or not (bracketed or doc[comma].text == "," and not _in_a_list(doc, region.end, 1)):
            continue
        end = comma - 1 if doc[comma - 1].lower_ in SETTLEMENT_CUES else comma  # "Buzova village, Kyiv"
        town = _name_ending_at(doc, end)
        if town is None or _in_a_list(doc, town.start - 1, -1):
            continue
        if town.label_ not in PLACE_LABELS and not (bracketed or _ends_a_place_phrase(doc, region.end)):
            continue  # "Ihor Terekhov, Kharkiv mayor": a person and their title
        if town.label_ == "PERSON" and len(town) > 1 and not _after_a_place_word(town):
            continue  # "said Ihor Terekhov, Kharkiv"
        hint = (stems[0].country_code, stems[0].admin1_code)
        known = next((e for e in doc.ents if e.end == end and town.start < e.start), None)
        if known is not None and _known_in(known.text, hint, idx) and not _known_in(town.text, hint, idx):
            town = known  # "BM-21 Grad Toretsk, Donetsk": the town the region knows, not "Grad Toretsk"
        towns[town.start] = (town, region.start, hint)
    return towns


def _known_in(text: str, region: tuple, idx: PlaceIndex) -> bool:
    return any(_admin1_within(p, region) for p in idx.by_name.get(fold(text), []))


# Entity labels that are never a town's name (the model also tags unknown village names NORP).
NOT_A_NAME = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def _name_ending_at(doc: Doc, end: int) -> Span | None:
    """The capitalized name that ends at token `end` ("Nyzhnye Lozove", "Zolote-5",
    "Mykhailivka-Rubezhivka", "Shakhta imeni Gagarina"), labelled like the entity it ends, if any."""
    start, label = end, ""
    while start > 0 and end - start < 6:
        token = doc[start - 1]
        joined = token.text == "-" or token.is_digit
        word = _NAME_RE.fullmatch(token.text) and not token.is_stop or (token.text == "imeni" and start < end)
        if token.ent_type_ in NOT_A_NAME or (token.ent_type_ == "NORP" and token.text in demonyms()) \
                or not (joined or word):
            break
        if joined and (start < 2 or doc[start - 2].whitespace_ or token.whitespace_):
            break  # only "Zolote-5", not "Kyiv - Podilskyi"
        if token.ent_iob_ == "I" and start >= 2 and not (doc[start - 2].is_alpha or doc[start - 2].text == "-") \
                and not joined:
            break  # the end of another entity: "fired BM-27 Smerch Yavkine"
        start -= 1
        label = label or token.ent_type_
        if token.is_sent_start:
            break
    if start == end or doc[start].text in {"-", "imeni"} or not _NAME_RE.fullmatch(doc[start:end].text):
        return None
    return Span(doc, start, end, label=label)


# The pipeline has no lemmatizer: the forms themselves.
REPORTING_VERBS = {"said", "says", "told", "tells", "added", "adds", "wrote", "writes", "reported", "reports",
                   "noted", "notes", "claimed", "claims", "stated", "states", "announced", "announces"}


def _after_a_place_word(span: Span) -> bool:
    """"near Staryi Karavan", "shelled Velyka Kostromka": what precedes a place, not a person
    ("said Ihor Terekhov")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ in LOCATIVE_PREPOSITIONS | {"of"} or (before.pos_ == "VERB" and before.lower_ not in REPORTING_VERBS)


def _ends_a_place_phrase(doc: Doc, i: int) -> bool:
    """After "<town>, <region>": the sentence goes on as after a place (".", ",", "region", "as", "with"),
    not as after a person's title ("Kharkiv mayor", "Kharkiv's governor")."""
    if i >= len(doc):
        return True
    token = doc[i]
    return token.is_punct or token.text in REGION_WORDS or token.pos_ in {"ADP", "SCONJ", "CCONJ"}


def _spans_to_read(doc: Doc, towns: dict[int, tuple[Span, int, tuple]]) -> list[tuple[Span, tuple | None]]:
    """Every entity, with the towns found before a region name in place of the entities they cover."""
    covered = {i for town, _, _ in towns.values() for i in range(town.start, town.end)}
    spans = [(ent, None) for ent in doc.ents if not covered & set(range(ent.start, ent.end))]
    spans += [(town[0], town) for town in towns.values()]
    covered |= {i for ent in doc.ents for i in range(ent.start, ent.end)}
    spans += [(line, None) for line in _datelines(doc) if not covered & set(range(line.start, line.end))]
    return sorted(spans, key=lambda item: item[0].start)


# "ODESA, Ukraine —", "KRAMATORSK (Reuters) -": an agency dateline opens a paragraph with the town in
# capitals, which the NER (trained on mixed case) often misses.
DATELINE_RE = re.compile(r"(?m)^[ \t]*([A-Z][A-Z’'.\-]+(?: [A-Z][A-Z’'.\-]+){0,2})(?=,\s|\s+\(|\s+[—–-]\s)")


def _datelines(doc: Doc) -> list[Span]:
    found = []
    for match in DATELINE_RE.finditer(doc.text):
        span = doc.char_span(*match.span(1), label="GPE")
        if span is not None and len(match.group(1)) >= 3:
            found.append(span)
    return found


def _in_a_list(doc: Doc, i: int, step: int) -> bool:
    """Whether token i is a list separator with another place beyond it, looking `step`-wards
    ("Kyiv, Kharkiv and Odesa")."""
    if i < 0 or i >= len(doc) or doc[i].text not in {",", "and", "or", "&"}:
        return False
    j = i + step
    while 0 <= j < len(doc) and doc[j].text in {",", "and", "or", "the"}:
        j += step
    return 0 <= j < len(doc) and doc[j].ent_type_ in PLACE_LABELS


def _mention(document_id: str, span: Span, place: Place, place_type: str, idx: PlaceIndex) -> PlaceMention:
    admin1 = place.name if place.place_type == "region" and place.country_code else \
        idx.admin1_name(place.country_code, place.admin1_code)
    return PlaceMention(
        mention_id=stable_id(document_id, "place", span.start_char, span.end_char),
        document_id=document_id,
        surface=span.text,
        char_start=span.start_char,
        char_end=span.end_char,
        place_key=place.key,
        name=place.name,
        place_type=place_type,
        country_code=place.country_code,
        admin1=admin1,
        latitude=place.latitude,
        longitude=place.longitude,
        geonames_id=place.geonames_id,
        parent_key=place.parent_key,
    )
