"""Attacks: one `AttackMention` per passage (sentence) that reports an attack.

A passage reports an attack when it holds an attack event ("shelled", "a drone strike", "clashes",
"a bomb went off") that is not political ("attacked the plan"), hypothetical ("could strike"),
war-wide ("since the full-scale invasion"), a pattern over time ("constant shelling", "every day and
night"), the campaign as a whole ("the Russian offensive was unprovoked"), a trial or a denial, or
when it gives a casualty count for a concrete event ("Three people were killed"). A capital or a
country that acts ("Moscow has targeted", "according to Moscow") is an actor, not the place. Per passage we read what it says: type and weapons, casualties
(killed / injured with their range and victim group), munitions launched and intercepted, the date
(`dates`), the most specific place (from `places.find_places`), and the attacker when the text
states it ("Russian missiles", "Russia launched", "by Ukrainian forces").

A passage with figures but no event of its own ("Ten people were injured.") continues the attack
just before it and inherits its type, place, date and attacker. Everything works on the parse
already made (sentences, token dependencies, entities) and plain regular expressions.
"""
from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from extract import dates, gazetteer, numbers
from extract.places import DATELINE_RE
from extract.rows import ActorMention, AttackMention, PlaceMention, stable_id

DATA_DIR = Path(__file__).parent / "data"

AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
REMOTE = "Remote explosive/landmine/IED"
CLASH = "Armed clash"
ATTACK = "Attack"
OTHER = "Other"

# How many passages back a figure-only passage may look for the attack it continues.
CONTINUATION_WINDOW = 2
# How many passages on a bare toll still counts the accident last told, when no attack came since.
ACCIDENT_WINDOW = 30
# An attack dated this long before publication is told in passing, not news.
HISTORICAL_AFTER = timedelta(days=14)
# An event dated this long before publication is history ("assassinated in 1968"), not news.
HISTORY_BEFORE_YEARS = 10
# Smaller is more specific; a place written as "north of X" or "from X" is less likely the target.
PLACE_RANK = {
    "landmark": 0, "district": 1, "village": 1, "town": 1, "city": 1, "other": 2, "water": 3,
    "region": 4, "country": 5,
}


# --- lexicon -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class WeaponRule:
    pattern: re.Pattern
    weapon: str
    attack_type: str | None


@dataclass(frozen=True)
class Lexicon:
    event: re.Pattern
    needs_support: re.Pattern
    support: re.Pattern
    void: re.Pattern
    war_wide: re.Pattern
    rate: re.Pattern
    habitual: re.Pattern
    official: re.Pattern
    vague: re.Pattern
    hypothetical_lemmas: frozenset[str]
    hypothetical_nouns: frozenset[str]
    modals: frozenset[str]
    weapons: tuple[WeaponRule, ...]


def _alternation(patterns: list[str]) -> str:
    return r"\b(?:" + "|".join(patterns) + r")\b"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads((DATA_DIR / "attack_lexicon.json").read_text(encoding="utf-8"))
    with (DATA_DIR / "attack_weapons.csv").open(encoding="utf-8", newline="") as handle:
        weapons = tuple(
            WeaponRule(re.compile(rf"\b(?:{row['pattern']})\b", re.IGNORECASE), row["weapon"], row["attack_type"] or None)
            for row in csv.DictReader(handle)
        )
    flags = re.IGNORECASE
    return Lexicon(
        event=re.compile(_alternation(raw["event_triggers"]), flags),
        needs_support=re.compile(r"(?:" + "|".join(raw["needs_support"]) + r")", flags),
        support=re.compile(_alternation(raw["support"]), flags),
        void=re.compile(_alternation(raw["void_phrases"]), flags),
        war_wide=re.compile(_alternation(raw["war_wide"]), flags),
        rate=re.compile(_alternation(raw["rate"]), flags),
        habitual=re.compile(_alternation(raw["habitual_phrases"]), flags),
        official=re.compile(_alternation(raw["official_cues"]), flags),
        vague=re.compile(_alternation(raw["vague_cues"]), flags),
        hypothetical_lemmas=frozenset(raw["hypothetical_lemmas"]),
        hypothetical_nouns=frozenset(raw["hypothetical_nouns"]),
        modals=frozenset(raw["modals"]),
        weapons=weapons,
    )


# --- casualties ----------------------------------------------------------------------------------

# "lives" only as the noun of a toll ("claimed 12 lives", "lives were lost"), never the verb
# ("a woman who lives nearby").
KILLED = (r"killed|killing|kills|kill|dead|died|dies|dying|deaths?|fatalit(?:y|ies)|perished|slain|"
          r"(?<=\d )lives|(?<=\w )lives(?= (?:were|have been|had been) lost)|lost (?:their|his|her) lives|bodies")
INJURED = r"injured|injuring|injures|wounded|wounding|hurt|hurting|injur(?:y|ies)|wounds|casualties"
# Military claims count the soldiers they "destroyed" or "wiped out": a toll only of troops
# ("destroyed up to 70 service members", "over 70 fighters have been destroyed"), never of things.
DESTROYED = r"wiped out|wiping out|eliminated|eliminating|destroyed|destroying|neutrali[sz]ed|liquidated"
DESTROYED_TROOPS_RE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:soldiers|servicemen|service ?members|fighters|militants|mercenaries|nationalists|"
    r"(?:military )?personnel|troops|marines|paratroopers|militiamen|combatants|invaders|occupiers)\b"
    r"(?!\s+(?:carriers?|vehicles?|trucks?|transports?|positions?|bases?|camps?|depots?|quarters|concentrations?))",
    re.IGNORECASE)
DESTROYED_RE = re.compile(rf"\b(?P<killed>{DESTROYED})\b", re.IGNORECASE)
HOSPITALIZED = r"hospitali[sz]ed|taken to (?:a |the )?hospitals?|in hospital"
MISSING = r"missing|unaccounted for"
CASUALTY_RE = re.compile(
    rf"\b(?:(?P<killed>{KILLED})|(?P<injured>{INJURED})|(?P<hospitalized>{HOSPITALIZED})|(?P<missing>{MISSING}))\b",
    re.IGNORECASE,
)
# Verb forms that take their count after them ("killing three", "the strike killed 12").
FORWARD_VERB_RE = re.compile(rf"kill(?:ing|ed|s)?|injur(?:ing|ed|es)|wound(?:ing|ed)|hurt|dead|{DESTROYED}", re.IGNORECASE)
FORWARD_GAP_RE = re.compile(r"^\s*(?:(?:a total of|another|some|an additional|the)\s+)?$", re.IGNORECASE)
NOUN_OF_GAP_RE = re.compile(
    r"^\s+(?:of|to|among|(?:were |was )?(?:coded|estimated|put|numbered|reported|stood|stand) (?:as|at)(?: an?)?(?: additional)?)\s+(?:(?:the|some|a total of)\s+)?$",
    re.IGNORECASE)
# "the death toll rose to 12", "toll of 10 dead", "revised down to eight".
TOLL_BEFORE_RE = re.compile(
    r"\b(?P<what>death toll|toll|number of (?:the )?(?:dead|deaths|killed|victims|fatalities)|"
    r"number of (?:the )?(?:injured|wounded|injuries))\b[^.;:]{0,60}?\b(?:to|at|of|reached|hit|now|is|was|stands at)\s+$",
    re.IGNORECASE,
)
REVISION_BEFORE_RE = re.compile(r"\b(?:ris(?:en|e|es)|rose|climbed|increased|grew|jumped|revised(?: \w+)?|raising|bringing)\s+(?:\w+\s+)?to\s+$", re.IGNORECASE)
SUBSET_BEFORE_RE = re.compile(
    r"(?:including|among them|among whom|incl\.)\s+"
    r"(?:(?!(?:were|was|are|is|have|has|had|been|killed|injured|wounded|died|where|when|which|who)\b)[\w-]+,?\s+){0,6}?$",
    re.IGNORECASE,
)
SUBSET_WORD_RE = re.compile(r"\b(?:including|among them|among whom)\b", re.IGNORECASE)
SUBSET_AFTER_RE = re.compile(
    r"^\s+(?:of|among)\s+(?:them|whom|those|the (?:dead|injured|wounded|victims|casualties))\b", re.IGNORECASE)
INCREMENT_AFTER_RE = re.compile(r"^\s+(?:more|additional|further)\b", re.IGNORECASE)
# "one woman was killed and two more injured": after a toll of the other kind, "more" means others, not an update
KILLED_AND_RE = re.compile(r"\b(?:killed|dead|died)\s*,?\s+(?:and|with|while)\s+(?:at least\s+)?$", re.IGNORECASE)
MORE_INJURED_RE = re.compile(r"^\s+more\s+(?:\w+\s+){0,2}?(?:were\s+|was\s+)?(?:injured|wounded|hurt)\b", re.IGNORECASE)


def _more_of_another_kind(text: str, q: numbers.Quantity) -> bool:
    return bool(KILLED_AND_RE.search(text[max(0, q.start - 40):q.start]) and MORE_INJURED_RE.match(text[q.end:q.end + 40]))
# "two journalists in eastern Ukraine was killed": a plural count is not the subject of a singular verb
SINGULAR_VERB_GAP_RE = re.compile(r"\b(?:was|is|has)\s+(?:been\s+)?$", re.IGNORECASE)
# "sentenced two Britons to death", "faces the death penalty": a sentence, not a death
DEATH_SENTENCE_RE = re.compile(r"\bsentenc\w*\s+(?:[\w-]+\s+){0,4}?to\s+$|\bdeath\s+(?:penalty|sentences?|row)\b", re.IGNORECASE)
GAP_BREAK_RE = re.compile(r"[;:()\[\]]|\b(?:but|while|whereas|after|before|since|when)\b", re.IGNORECASE)
# A count followed by one of these counts things, not people ("12 houses", "six drones").
THINGS_AFTER_RE = re.compile(
    r"^\s+(?:\w+\s+){0,2}?(?:houses?|homes?|buildings?|blocks?|apartments?|flats?|cars?|vehicles?|tanks?|drones?|"
    r"missiles?|rockets?|shells?|bombs?|uavs?|shaheds?|locations?|settlements?|villages?|towns?|cities|regions?|"
    r"districts?|objects?|facilit(?:y|ies)|targets?|times|attacks?|strikes?|mines?|aircraft|planes?|helicopters?|"
    r"ships?|vessels?|boats?|trucks?|trains?|wagons?|schools?|hospitals?|shops?|stores?|structures?|sites?|pieces?|doors?|windows?|"
    r"units?|positions?|artillery|munitions?|explosions?|blasts?|waves?|rounds?|projectiles?|points?|kilometres?|"
    r"hours?|days?|weeks?|months?|years?|occasions?|incidents?|episodes?|cases?|countries|nations|others? (?:buildings?|houses?)|"
    r"animals?|dogs?|cats?|horses?|cattle|cows?|pigs?|sheep|birds?|pets?|livestock)\b",
    re.IGNORECASE,
)
SINGLE_VICTIM_RE = re.compile(
    r"\b(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?P<who>child|boy|girl|baby|infant|teenager|woman|man|person|civilian|"
    r"resident|pensioner|soldier|serviceman|officer|journalist|volunteer|driver|worker|medic|rescuer|firefighter)\b",
    re.IGNORECASE,
)
ZERO_KILLED_RE = re.compile(
    r"\b(?:no (?:one|body|people) (?:was|were|has been|have been) (?:killed|dead)|nobody (?:was|has been) killed|"
    r"no (?:deaths|fatalities|casualties|victims|dead|one died)|no (?:injuries|injured) or (?:deaths|fatalities)|"
    r"without (?:casualties|victims|fatalities))\b",
    re.IGNORECASE,
)
ZERO_INJURED_RE = re.compile(
    r"\b(?:no (?:one|body|people) (?:was|were|has been|have been) (?:injured|hurt|wounded)|nobody (?:was|has been) (?:injured|hurt)|"
    r"no (?:injuries|casualties|victims|injured)|no (?:deaths|fatalities) or injuries|without (?:casualties|victims|injuries))\b",
    re.IGNORECASE,
)
CIVILIAN_RE = re.compile(
    r"\b(?:civilians?|children|child|kids?|boys?|girls?|wom[ae]n|residents?|pensioners?|elderly|teenagers?|"
    r"bab(?:y|ies)|infants?|famil(?:y|ies)|passengers?|journalists?|workers?|medics?|doctors?|nurses?|volunteers?|"
    r"rescuers?|firefighters?|inhabitants|locals?|villagers?|students?|employees?|citizens|non-combatants)\b",
    re.IGNORECASE,
)
MILITARY_RE = re.compile(
    r"\b(?:soldiers?|servicem[ae]n|servicewom[ae]n|service ?members?|troops|militants?|fighters?|(?:military )?personnel|"
    r"officers?|marines?|paratroopers?|commanders?|generals?|militiam[ae]n|combatants?|conscripts?|mercenar(?:y|ies)|"
    r"sailors?|pilots?|invaders|occupiers|military|servicepeople|crew)\b",
    re.IGNORECASE,
)


@dataclass
class Count:
    quantity: numbers.Quantity
    kind: str  # killed, injured, hospitalized, missing
    revision: bool = False  # the figure a toll was updated to
    victim_group: str = "unknown"


@dataclass
class Casualties:
    counts: list[Count] = field(default_factory=list)
    zero_killed: bool = False
    zero_injured: bool = False

    def of(self, kind: str) -> list[Count]:
        return [c for c in self.counts if c.kind == kind]


def find_casualties(text: str) -> Casualties:
    """The killed / injured / hospitalized / missing counts one passage states."""
    candidates = [q for q in _count_candidates(text) if not _subset_quantity(text, q)]
    used: set[int] = set()
    counts: list[Count] = []
    for index, quantity in enumerate(candidates):
        toll = TOLL_BEFORE_RE.search(text[max(0, quantity.start - 90):quantity.start])
        if toll:
            kind = "injured" if re.search(r"injur|wound", toll.group("what"), re.IGNORECASE) else "killed"
            counts.append(Count(quantity, kind, revision=True, victim_group=_victims(text, quantity.start, quantity.end + 40)))
            used.add(index)
    keywords = sorted([*(k for k in CASUALTY_RE.finditer(text) if not _a_death_sentence(text, k)),
                       *DESTROYED_RE.finditer(text)], key=lambda k: k.start())
    for keyword in keywords:
        kind = keyword.lastgroup
        found = _count_for(text, keyword, candidates, used, keywords)
        if found is None:
            continue
        index, span_start, span_end = found
        quantity = candidates[index]
        if re.fullmatch(DESTROYED, keyword.group(0), re.IGNORECASE) \
                and not DESTROYED_TROOPS_RE.match(text, quantity.end):
            continue
        used.add(index)
        before = text[max(0, quantity.start - 40):quantity.start]
        counts.append(Count(
            quantity, kind,
            revision=bool(REVISION_BEFORE_RE.search(before)),
            victim_group=_victims(text, span_start, span_end),
        ))
    counts = [c for c in counts if not _is_subset(text, c)]
    return Casualties(
        counts=counts,
        zero_killed=bool(ZERO_KILLED_RE.search(text)),
        zero_injured=bool(ZERO_INJURED_RE.search(text)),
    )


PERSON_NOUNS = frozenset(["general", "officer", "commander", "soldier", "serviceman", "man", "woman", "child", "boy", "girl", "baby", "pilot", "journalist", "prisoner", "resident", "civilian", "blogger", "scientist", "policeman", "policewoman", "driver", "volunteer", "deputy", "mayor", "priest", "teacher", "doctor", "nurse", "medic", "photographer", "activist", "official", "colonel", "major", "lieutenant", "head", "chief", "leader", "victim", "person", "citizen", "student", "pensioner", "grandmother", "grandfather", "mother", "father", "son", "daughter", "wife", "husband", "teenager", "worker", "employee", "farmer", "rescuer", "firefighter", "guard", "commander-in-chief", "lieutenant-general", "major-general", "kid", "infant", "correspondent", "reporter", "cameraman", "politician", "national", "fighter", "mercenary", "veteran", "contractor", "engineer", "paramedic", "businessman", "businesswoman", "tourist", "refugee", "passenger", "pedestrian", "villager", "prosecutor", "judge", "lawyer", "governor", "collaborator"])


def _a_death_sentence(text: str, keyword: re.Match) -> bool:
    if not keyword.group(0).lower().startswith("death"):
        return False
    return bool(DEATH_SENTENCE_RE.search(text[max(0, keyword.start() - 50):keyword.start()])
                or DEATH_SENTENCE_RE.match(text, keyword.start()))


def single_victim(sentence: Span, start: int, end: int) -> bool:
    return named_victims(sentence, start, end) > 0


def named_victims(sentence: Span, start: int, end: int) -> int:
    """How many named or singular persons are the subject of died / was killed / was shot dead: "a
    prosecutor and his deputy died" is two."""
    for token in sentence:
        if not (start <= token.idx < end):
            continue
        word = token.lower_
        if word in ("died", "dies", "killed", "assassinated", "slain", "murdered") or (word == "dead" and token.head.lower_ == "shot"):
            verb = token.head if word == "dead" else token
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if word == "killed" and not any(c.dep_ == "nsubjpass" for c in verb.children):
                continue  # active "killed" names its victims after it
            for subject in subjects:
                if _a_person(subject):
                    return 1 + sum(1 for conj in subject.conjuncts if conj.i > subject.i and _a_person(conj))
    return 0


def _a_person(word: Token) -> bool:
    return word.tag_ not in ("NNS", "NNPS") and (
        word.ent_type_ == "PERSON" or word.lower_ in PERSON_NOUNS or word.lower_ in ("he", "she"))


def summarize(counts: list[Count]) -> tuple[int | None, int | None, int | None, str | None, bool]:
    """best, low, high, victim group, and whether the best is only approximate ("dozens"), over one
    kind's counts (the revised figure wins)."""
    if not counts:
        return None, None, None, None, False
    revised = [c for c in counts if c.revision]
    chosen = revised[-1] if revised else max(counts, key=lambda c: c.quantity.value)
    best = chosen.quantity.value
    low = min(c.quantity.low if c.quantity.low is not None else c.quantity.value for c in counts)
    high = max(c.quantity.high if c.quantity.high is not None else c.quantity.value for c in counts)
    groups = {c.victim_group for c in counts}
    group = groups.pop() if len(groups) == 1 else "unknown"
    return best, min(low, best), max(high, best), group, chosen.quantity.approximate


NO_ONE_BEFORE_RE = re.compile(r"\b(?:no|not) $", re.IGNORECASE)
# "an American man, 24, killed while fighting": an age set off by commas after a word is no count
AGE_BEFORE_RE = re.compile(r"[A-Za-z]\w*,\s*$")
AGE_AFTER_RE = re.compile(r"\s*,")


def _is_age(text: str, quantity: numbers.Quantity) -> bool:
    return quantity.text.isdigit() and quantity.value <= 120 and bool(AGE_AFTER_RE.match(text, quantity.end)) \
        and bool(AGE_BEFORE_RE.search(text[max(0, quantity.start - 30):quantity.start]))


def _count_candidates(text: str) -> list[numbers.Quantity]:
    found = [
        q for q in numbers.find_quantities(text)
        if not THINGS_AFTER_RE.match(text[q.end:q.end + 60])
        and not (INCREMENT_AFTER_RE.match(text[q.end:q.end + 20]) and not _more_of_another_kind(text, q))
        and not NO_ONE_BEFORE_RE.search(text[max(0, q.start - 5):q.start])  # "no one was hurt" counts nobody
        and not _is_age(text, q)
    ]
    for match in SINGLE_VICTIM_RE.finditer(text):
        if not any(q.start <= match.start() < q.end for q in found):
            found.append(numbers.Quantity(1, 1, 1, match.group(0), match.start(), match.end()))
    return sorted(found, key=lambda q: q.start)


def _count_for(text, keyword, candidates, used, keywords) -> tuple[int, int, int] | None:
    """The candidate count a casualty keyword belongs to: (index, victim-span start, end)."""
    word = keyword.group(0).lower()
    is_verb = bool(FORWARD_VERB_RE.fullmatch(word)) or word.endswith("ing")
    after = [i for i, q in enumerate(candidates) if q.start >= keyword.end()]
    before = [i for i, q in enumerate(candidates) if q.end <= keyword.start()]

    def forward() -> tuple[int, int, int] | None:
        if not after:
            return None
        index = after[0]
        quantity = candidates[index]
        gap = text[keyword.end():quantity.start]
        if index in used:
            return None
        if (is_verb and FORWARD_GAP_RE.match(gap)) or NOUN_OF_GAP_RE.match(gap):
            return index, quantity.start, min(len(text), quantity.end + 40)
        return None

    def backward() -> tuple[int, int, int] | None:
        if not before:
            return None
        index = before[-1]
        quantity = candidates[index]
        gap = text[quantity.end:keyword.start()]
        max_words = 14 if SUBSET_WORD_RE.search(gap) else 8  # "three people including a child ... were killed"
        if index in used or len(gap.split()) > max_words or GAP_BREAK_RE.search(gap):
            return None
        if quantity.value > 1 and SINGULAR_VERB_GAP_RE.search(gap):
            return None
        if any(quantity.end <= k.start() < keyword.start() for k in keywords):
            return None  # another casualty word sits between
        if numbers.is_aggregate(text[max(0, quantity.start - 20):keyword.end()]):
            return None
        return index, quantity.start, keyword.end()

    if word.endswith("ing") and word not in ("dying",):
        return forward()
    return backward() or forward()


def _is_subset(text: str, count: Count) -> bool:
    # "44 of them taken to hospital" is the hospitalized figure itself, not a part of a toll
    return count.kind != "hospitalized" and bool(SUBSET_AFTER_RE.match(text[count.quantity.end:count.quantity.end + 30]))


def _subset_quantity(text: str, quantity: numbers.Quantity) -> bool:
    """'three people including a child': the child is part of the three, not another victim."""
    return bool(SUBSET_BEFORE_RE.search(text[max(0, quantity.start - 60):quantity.start]))


def _victims(text: str, start: int, end: int) -> str:
    window = text[start:end]
    if MILITARY_RE.search(window):
        return "military"
    if CIVILIAN_RE.search(window):
        return "civilian"
    return "unknown"


# --- munitions -----------------------------------------------------------------------------------

MUNITION_RE = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?P<what>(?:cruise |ballistic |guided |air-launched )?missiles?|(?:attack |strike |shahed |kamikaze )?drones?|uavs?|shaheds?|gerans?)\b",
    re.IGNORECASE,
)
INTERCEPT_RE = re.compile(r"\b(?:shot down|intercept\w*|down(?:ed)?|destroy\w*|neutrali[sz]\w*|suppress\w*|repel\w*|jammed|lost)\b", re.IGNORECASE)
PART_OF_RE = re.compile(rf"\b(?P<part>{numbers.NUMBER})\s+(?:out\s+)?of\s+(?:the\s+)?(?P<whole>{numbers.NUMBER})\b", re.IGNORECASE)


@dataclass
class Munitions:
    missiles_launched: int | None = None
    missiles_intercepted: int | None = None
    drones_launched: int | None = None
    drones_intercepted: int | None = None


def find_munitions(text: str) -> Munitions:
    """Launched / intercepted missiles and drones: "71 out of 123 drones", "shot down six of seven missiles"."""
    found = Munitions()
    consumed: list[tuple[int, int]] = []
    for match in PART_OF_RE.finditer(text):
        what = MUNITION_RE.match(text[match.end():match.end() + 60])
        part, whole = numbers.parse_number(match.group("part")), numbers.parse_number(match.group("whole"))
        if not what or part is None or whole is None or part > whole:
            continue
        prefix = "missiles" if "missile" in what.group("what").lower() else "drones"
        _set_once(found, f"{prefix}_intercepted", part)
        _set_once(found, f"{prefix}_launched", whole)
        consumed.append((match.start(), match.end() + what.end()))
    for quantity in numbers.find_quantities(text):
        if any(start <= quantity.start < end for start, end in consumed):
            continue
        what = MUNITION_RE.match(text[quantity.end:quantity.end + 60])
        if not what:
            continue
        prefix = "missiles" if "missile" in what.group("what").lower() else "drones"
        before = text[max(0, quantity.start - 40):quantity.start]
        after = text[quantity.end + what.end():quantity.end + what.end() + 40]
        intercepted = (
            INTERCEPT_RE.search(before)
            or re.match(r"^\s*(?:were|had been|have been|was)\s+(?:\w+\s+)?" + INTERCEPT_RE.pattern, after, re.IGNORECASE)
            or shares_intercept_verb(text[:quantity.start])
        )
        _set_once(found, f"{prefix}_{'intercepted' if intercepted else 'launched'}", quantity.value)
    return found


def shares_intercept_verb(before: str) -> bool:
    """"intercepted six of seven missiles and 71 drones": a count coordinated after an intercept
    verb in the same clause is intercepted too, unless a launch verb comes in between."""
    verbs = list(INTERCEPT_RE.finditer(before))
    if not verbs:
        return False
    between = before[verbs[-1].end():]
    return not re.search(r"[;:]|\b(?:launched|fired|sent|used)\b|\bbut\b|\bwhile\b", between, re.IGNORECASE)


def _set_once(found: Munitions, name: str, value: int) -> None:
    if getattr(found, name) is None:
        setattr(found, name, value)


# --- weapons, type, attacker, source ------------------------------------------------------------

CLASH_RE = re.compile(r"\b(?:destroyed (?:a |the |two |three |several )?(?:\w+ )?(?:columns?|convoys?)|break through|broke through|surrounded|besieged|clash(?:ed|es)?|fighting(?! for (?:his|her|their) li(?:fe|ves))|fought|battles?|firefights?|exchanged fire|exchanges? of fire|skirmish\w*|"
                      r"ambush\w*|repel\w*|repulsed|counter-?attack\w*|counter-?offensive|offensive|advanc\w+|stormed|storming|"
                      r"encircl\w+|regained|recaptured|captured|took control|retreat\w*|ground assault|sabotage group|"
                      r"reconnaissance group|combat)\b", re.IGNORECASE)
SHOOTING_AT_PEOPLE_RE = re.compile(r"\b(?:shot|executed|murdered|opened fire on|fired at|tortured|abducted|beaten)\b(?:\s+\w+){0,3}\s+(?:civilians?|people|residents?|(?:a |the )?(?:man|woman|child|family|cars?|car|bus|evacuation))", re.IGNORECASE)
AIR_CONTEXT_RE = re.compile(r"\b(?:dropped|aviation|aircraft|air-?strikes?|warplanes?|jets?|bombers?|from the air|aerial)\b", re.IGNORECASE)
PLANTED_BOMB_RE = re.compile(r"\b(?:bomb|device|explosives?)\b[^.]{0,60}\b(?:hidden|planted|placed|went off|detonated|rigged|exploded)\b|\b(?:planted|hidden|placed)\b[^.]{0,30}\bbomb", re.IGNORECASE)

DEMONYMS = {
    "russian": "RU", "russia": "RU", "russia's": "RU", "russians": "RU", "moscow": "RU", "kremlin": "RU", "moscow's": "RU",
    "ukrainian": "UA", "ukraine": "UA", "ukraine's": "UA", "ukrainians": "UA", "kyiv's": "UA",
    "belarusian": "BY", "belarus": "BY",
}
_DEMONYM = r"(?P<who>" + "|".join(re.escape(k) for k in sorted(DEMONYMS, key=len, reverse=True)) + r")"
_FORCE = r"(?:(?:armed |military |air |occupying |occupation |special )?forces?|troops|army|military|navy|air force|aviation|invaders|occupiers|soldiers|units?|artillery|gunners|drones?|missiles?|rockets?|jets?|warplanes?|bombers?)"
_ATTACK_NOUN = r"(?:(?:\w+ ){0,2}?(?:strikes?|attacks?|shelling|bombardment|bombing|missiles?|drones?|rockets?|air ?strikes?|airstrikes?|offensive|assault|shells?|fire|artillery|aggression|barrage|raids?))"
# "used" with a named object before "to"/"as" ("Russian jets have used Saki to strike") is the base they use
_ATTACK_VERB = (r"(?:launched|fired|struck|attacked|shelled|hit|bombed|targeted|pounded|bombarded|unleashed|carried out|"
                r"stormed|sent|used(?!\s+(?:the\s+)?(?:[A-Z][\w-]+\s+){1,3}(?:(?:air ?)?base\s+|airfield\s+)?(?:to|as)\b))")
ATTACKER_PATTERNS = [
    # "by Russian forces", "by Russia"
    re.compile(rf"\bby\s+(?:the\s+)?{_DEMONYM}(?:\s+{_FORCE})?\b", re.IGNORECASE),
    # "Russia launched", "Ukrainian forces shelled", "Ukraine's military successfully struck"
    re.compile(rf"\b{_DEMONYM}\s+(?:{_FORCE}\s+)?(?:(?:has|have|had|also|reportedly|then|again|successfully|overnight|earlier|later|yesterday|today|once|\w+ly)\s+){{0,2}}{_ATTACK_VERB}\b", re.IGNORECASE),
    # "Ukrainian-fired long-range missiles"
    re.compile(rf"\b{_DEMONYM}-(?:fired|launched)\b", re.IGNORECASE),
    # "Russian missiles struck", "a Russian drone attack", "Russian strikes on"
    re.compile(rf"\b{_DEMONYM}\s+{_ATTACK_NOUN}\b(?!\s+(?:production|factory|factories|plant|plants|manufactur\w*|stock\w*|arsenal|supplies|programme|program|industry|makers?))", re.IGNORECASE),
]
CONTROLLED_BEFORE_RE = re.compile(r"\b(?:controlled|occupied|held|captured|seized|taken|retaken|recaptured|liberated|"
                                  r"run|governed|annexed|installed|appointed|backed|supported|surrounded|encircled)\s+$",
                                  re.IGNORECASE)
TARGET_BEFORE_RE = re.compile(r"\b(?:on|against|at|toward|towards|into|of|in|from|over)\s+(?:the\s+)?$", re.IGNORECASE)


TARGET_OF_AIR_DEFENCE_RE = re.compile(r"\b(?:shot|shoot|shooting)\s+down\s+(?:[\w-]+\s+){0,5}$|\b(?:downed|intercepted|destroyed)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
FIRED_AT_PEOPLE_RE = re.compile(r"\b(?:fired|opened fire|shot)\s+(?:[\w-]+\s+){0,3}?(?:at|on|upon)\s+(?:[\w-]+\s+){0,3}?(?:civilians?|people|residents?|cars?|vehicles?|bus(?:es)?|column of civilians|evacuat\w+|family|families|man|woman|child(?:ren)?|volunteers?|journalists?)\b", re.IGNORECASE)
FIRED_AT_POSITIONS_RE = re.compile(r"\b(?:fired|opened fire)\s+(?:(?:with\s+)?unspecified weapons\s+)?(?:at|on)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:positions?|checkpoints?|forces|troops|soldiers)\b", re.IGNORECASE)
INTERCEPTION_RE = re.compile(r"\b(?:shot down|downed|intercepted)\b", re.IGNORECASE)


def find_weapons(text: str) -> list[str]:
    """Weapons the passage names, most specific first-seen order, without a generic duplicate."""
    found: list[tuple[int, str]] = []
    for rule in lexicon().weapons:
        for match in rule.pattern.finditer(text):
            if rule.weapon in ("air strike", "drone", "missile", "cruise missile", "ballistic missile") and TARGET_OF_AIR_DEFENCE_RE.search(text[max(0, match.start() - 60):match.start()]):
                continue  # "shot down a Russian warplane": the aircraft is the target, not the weapon
            found.append((match.start(), rule.weapon))
    weapons: list[str] = []
    for _, weapon in sorted(found):
        if weapon not in weapons:
            weapons.append(weapon)
    if "missile" in weapons and ("ballistic missile" in weapons or "cruise missile" in weapons):
        # "ballistic missiles" also matches plain "missiles"; keep plain only if named on its own
        specific = sum(1 for r in lexicon().weapons if r.weapon in ("ballistic missile", "cruise missile") for _ in r.pattern.finditer(text))
        plain = len(re.findall(r"\bmissiles?\b", text, re.IGNORECASE))
        if plain <= specific:
            weapons.remove("missile")
    if "car bomb" in weapons and "bomb" in weapons and len(re.findall(r"\bbombs?\b", text, re.IGNORECASE)) <= len(re.findall(r"\bcar bombs?\b", text, re.IGNORECASE)):
        weapons.remove("bomb")
    return weapons


def classify(text: str, weapons: list[str]) -> str:
    """ACLED sub-event type for one passage."""
    if any(w in weapons for w in ("car bomb", "ied", "mine")) or ("bomb" in weapons and PLANTED_BOMB_RE.search(text)):
        return REMOTE
    clash = CLASH_RE.search(text)
    air = "drone" in weapons or "air strike" in weapons or ("bomb" in weapons and AIR_CONTEXT_RE.search(text))
    shelling = any(w in weapons for w in ("missile", "ballistic missile", "cruise missile", "artillery", "rocket"))
    if FIRED_AT_PEOPLE_RE.search(text) and not (air or shelling):
        return ATTACK
    if (clash or FIRED_AT_POSITIONS_RE.search(text)) and not (air or shelling):
        return CLASH
    if air and shelling:
        first_air = min(_first_position(text, w) for w in weapons if w in ("drone", "air strike", "bomb"))
        first_shell = min(_first_position(text, w) for w in weapons if w in ("missile", "ballistic missile", "cruise missile", "artillery", "rocket"))
        return AIR if first_air <= first_shell else SHELLING
    if air:
        return AIR
    if shelling:
        return SHELLING
    if clash:
        return CLASH
    if "bomb" in weapons and re.search(r"\bbombardments?\b", text, re.IGNORECASE):
        return SHELLING  # "Russian bombardment of a residential area"
    if "bomb" in weapons and re.search(r"\bbomb(?:ed|ing|ings)\b", text, re.IGNORECASE):
        return AIR  # "Russia bombed a kindergarten", "the bombing of the theatre": from the air
    if "bomb" in weapons:
        return REMOTE
    if "shooting" in weapons or SHOOTING_AT_PEOPLE_RE.search(text):
        # gunfire at soldiers is fighting ("killed by sniper fire"); at civilians, an attack on them
        return CLASH if MILITARY_RE.search(text) and not CIVILIAN_RE.search(text) else ATTACK
    if re.search(r"\b(?:explosions?|blasts?|explod\w+|detonat\w+|blew up|blown up|blowing up|sabotage)\b", text, re.IGNORECASE):
        # "the explosions ... survived the strike": a strike that exploded, not a planted charge
        return SHELLING if re.search(r"\b(?:strikes?|struck|shelled|shelling)\b", text, re.IGNORECASE) else REMOTE
    if INTERCEPTION_RE.search(text) or re.search(r"\b(?:fired|firing(?! squads?)|shelled|strikes?|struck)\b", text, re.IGNORECASE):
        return SHELLING  # air defence fire and unspecified strikes are coded as shelling/missile attacks
    if re.search(r"\b(?:killed|shot|murdered|executed|kidnapp\w+|abduct\w+|tortur\w+)\b", text, re.IGNORECASE) and CIVILIAN_RE.search(text):
        return ATTACK
    if re.search(r"\b(?:shot|gunned down|assassinat\w+|bullets?)\b", text, re.IGNORECASE) and not MILITARY_RE.search(text):
        return ATTACK  # "a judge was shot in an assassination attempt": an attack on a person
    return OTHER


def _first_position(text: str, weapon: str) -> int:
    positions = [m.start() for r in lexicon().weapons if r.weapon == weapon for m in r.pattern.finditer(text)]
    return min(positions) if positions else len(text)


def find_attacker(text: str, start: int, actors: list[ActorMention]) -> tuple[str | None, str | None]:
    """(attacker_key, attacker_text) when the passage states who attacked."""
    for pattern in ATTACKER_PATTERNS:
        for match in pattern.finditer(text):
            if TARGET_BEFORE_RE.search(text[max(0, match.start() - 12):match.start()]) and not match.group(0).lower().startswith("by"):
                continue  # "attacks on Russian positions": the demonym names the target
            if CONTROLLED_BEFORE_RE.search(text[max(0, match.start() - 30):match.start()]):
                continue  # "a city controlled by Russian forces": who holds the place, not who struck it
            who = match.group("who")
            code = _actor_country(start + match.start("who"), start + match.end("who"), actors) or DEMONYMS[who.lower()]
            return country_key(code), match.group(0)
    return None, None


def _actor_country(char_start: int, char_end: int, actors: list[ActorMention]) -> str | None:
    for actor in actors:
        inside = actor.char_start <= char_start and char_end <= actor.char_end
        if inside and actor.country_code and actor.actor_type in ("country", "armed_force"):
            return actor.country_code
    return None


def country_key(code: str) -> str:
    try:  # the actors module owns the key format; fall back to it when it is not importable
        from extract import actors as actors_module
        return actors_module.country_key(code)
    except (ImportError, AttributeError):
        return f"country:{code}"


def source_kind(text: str) -> str | None:
    if lexicon().official.search(text):
        return "official"
    if lexicon().vague.search(text):
        return "vague"
    return None


# --- deciding whether a passage reports an attack ----------------------------------------------

@dataclass
class Passage:
    text: str
    start: int
    end: int
    sentence: Span


def passages(doc: Doc) -> Iterator[Passage]:
    """Sentences, split at line breaks (a title or list item never runs into the next line),
    without leading list markers."""
    for sentence in doc.sents:
        for line in re.finditer(r"[^\n]+", sentence.text):
            text = line.group(0)
            lead = re.match(r"^\s*(?:\d{1,3}\.\s+|[•·*\-–]\s+)?", text).end()
            trail = len(text.rstrip())
            if trail - lead < 3:
                continue
            start = sentence.start_char + line.start() + lead
            yield Passage(text[lead:trail], start, sentence.start_char + line.start() + trail, sentence)


def event_triggers(passage: Passage, casualties: Casualties, places_in: list[PlaceMention]) -> list[re.Match]:
    """Attack events the passage states as fact (not political, hypothetical or quoted)."""
    lex = lexicon()
    text = passage.text
    voids = [m.span() for m in lex.void.finditer(text)]
    has_support_base = bool(casualties.counts) or any(p.place_type not in ("country",) for p in places_in)
    found = []
    for match in lex.event.finditer(text):
        if any(s <= match.start() < e or s < match.end() <= e for s, e in voids):
            continue
        if _scare_quoted(text, match):
            continue
        if lex.needs_support.fullmatch(match.group(0)):
            support = [m for m in lex.support.finditer(text) if not (match.start() <= m.start() < match.end())]
            if not support and not has_support_base:
                continue
        if _hypothetical(passage, match) or _not_an_event(passage, match, places_in):
            continue
        found.append(match)
    return found


# Words whose dependency child makes a trigger something other than a reported event.
PERSONAL_POSSESSIVES = frozenset({"his", "her", "my", "your"})
INDEFINITE_TARGETS = frozenset({"anyone", "anybody", "anything", "nobody", "nothing"})
NEGATIONS = frozenset({"no", "not", "n't", "never", "without"})
# Nouns that make a modifying trigger an event of their own ("an offensive operation").
EVENT_HEADS = frozenset({"operation", "operations", "action", "actions", "activity", "activities", "fire"})
NON_FACTUAL = frozenset({"staged", "fake", "faked", "false", "alleged", "possible", "possibly", "potential", "unexploded",
                         "planned", "hypothetical", "imaginary", "simulated", "mock", "future", "feared", "impending",
                         "imminent", "looming", "anticipated", "expected", "prospective", "supposed", "purported"})
# Modifiers that make an attack word a pattern over time, not one event ("constant shelling",
# "repeatedly accused Kyiv of attacks", "under daily bombardment").
HABITUAL = frozenset({"constant", "constantly", "relentless", "relentlessly", "continuous", "continuously",
                      "continual", "incessant", "daily", "nightly", "regular", "regularly", "repeated",
                      "repeatedly", "frequent", "frequently", "ongoing", "persistent", "countless", "systematic",
                      "systematically", "widespread", "continuing", "routine", "routinely", "endless",
                      "ceaseless", "sporadic", "periodic", "periodically", "often", "usually", "always",
                      "sometimes", "occasionally", "typically", "generally", "normally", "indiscriminate",
                      "indiscriminately", "consistently", "increasingly", "protracted", "prolonged", "drawn-out",
                      "lengthy", "increasing", "growing", "mounting"})
# "bombardment in the war's first months", "during the early weeks": a period, not a day
PERIOD_AFTER_RE = re.compile(r"^[^.;]{0,40}?\b(?:in|during|over|throughout) (?:the )?(?:war[’']s |invasion[’']s |conflict[’']s )?"
                             r"(?:first|early|opening|initial|past|last|recent) (?:few |several )?(?:days|weeks|months|years|stages?|phases?)\b",
                             re.IGNORECASE)
EARLY_IN_THE_WAR_RE = re.compile(r"^[^.;]{0,40}?\bearly (?:on|in the (?:war|invasion|conflict|fighting))\b", re.IGNORECASE)
PERIOD_BEFORE_RE = re.compile(r"\b(?:during|over|throughout|in) the (?:first|past|last|early|initial|opening) "
                              r"(?:few |several |[\w-]+ )?(?:months|years)\b", re.IGNORECASE)
DURATION_BEFORE_RE = re.compile(r"\b(?:\w+-(?:day|week|month|year)s?(?:-long)?|(?:days|weeks|months|years)-long)"
                                r",?\s+$|\b(?:days|weeks|months|years) of (?:[\w-]+ ){0,2}$", re.IGNORECASE)
SERIES_NOUNS = frozenset({"series", "pattern", "string", "spate", "succession", "campaign", "waves", "lines"})
MEASURE_NOUNS = frozenset({"amount", "level", "levels", "degree", "intensity", "scale", "use", "duration", "vigor",
                           "vigour", "pace", "course"})
ONSET_FRAMES = frozenset({"when", "since", "already", "until", "before", "after", "once"})
STARTING_VERBS = frozenset({"begin", "begins", "began", "begun", "start", "starts", "started", "commence",
                            "commenced"})
CONTINUING_VERBS = frozenset({"continue", "continues", "continued", "continuing", "keep", "keeps", "kept",
                              "keeping"})
INTENSIFYING_VERBS = frozenset({"intensify", "intensifies", "intensified", "intensifying", "escalate", "escalates",
                                "escalated", "escalating", "step", "steps", "stepped", "stepping", "ramp", "ramps",
                                "ramped", "ramping"})
UNDERWAY_AFTER_RE = re.compile(r"[^.;,]{0,40}?\b(?:is|are) (?:now |still |already |well )?(?:underway|under way|ongoing|"
                               r"in full swing)\b", re.IGNORECASE)
NO_END_IN_SIGHT_RE = re.compile(r"(?:shows?|showed|showing) (?:no|little) signs? of (?:ending|abating|stopping|"
                                r"easing|slowing|letting up)", re.IGNORECASE)
# Verbs of legal process: "sentenced for killing a civilian" tells of a trial, not the attack.
LEGAL_LEMMAS = frozenset({"sentence", "convict", "jail", "imprison", "charge", "try", "prosecute", "indict",
                          "punish", "arrest", "detain", "guilty", "trial", "award", "decorate", "honour", "honor",
                          "sentenced", "convicted", "jailed", "imprisoned", "charged", "tried", "prosecuted",
                          "indicted", "punished", "arrested", "detained", "awarded", "decorated", "honoured"})
TIME_UNITS = frozenset({"hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"})
# "captured"/"seized" report fighting only when what was taken is ground.
TERRITORIAL_TRIGGER_RE = re.compile(r"^(?:captured|seized)$", re.IGNORECASE)
TERRAIN_RE = re.compile(
    r"\b(?:villages?|towns?|city|cities|settlements?|positions?|territor(?:y|ies)|bridgeheads?|heights|trench\w*|"
    r"strongholds?|airports?|airfields?|outskirts|district|region|oblast|hamlet|bases?)\b", re.IGNORECASE)


# "The hope has since died", "the deal is dead": things that die only in a figure of speech
FIGURATIVE_MORTALS = frozenset({"hope", "hopes", "dream", "dreams", "deal", "idea", "plan", "plans", "talks", "ceasefire",
                                "truce", "agreement", "initiative", "momentum", "interest", "conversation", "proposal",
                                "bill", "project", "process", "chance", "chances", "optimism", "trust", "faith", "spirit",
                                "enthusiasm", "dialogue", "negotiations", "diplomacy", "economy", "market", "romance",
                                "friendship", "relationship", "tradition", "dialog", "accord", "treaty"})
DEATH_VERBS = frozenset({"die", "died", "dies", "dying", "dead"})
AS_BEFORE_RE = re.compile(r"\b(?:as|while) (?:[\w'’-]+ ){0,4}$", re.IGNORECASE)
GOES_ON_AFTER_RE = re.compile(r"[^,.;]{0,40}?\b(?:continues|continue|goes on|go on|grinds on|rages on|drags on)\b", re.IGNORECASE)
AMID_BEFORE_RE = re.compile(r"\bamid(?:st)? (?:[\w'’-]+ ){0,4}(?:counter-?\s*)?$", re.IGNORECASE)


# "most buildings damaged or destroyed": the state of a place, not one strike
SHARE_WORDS = frozenset({"most", "many", "all", "much", "some", "countless", "numerous", "several", "half"})


def _damage_as_a_state(token: Token) -> bool:
    verb = _list_head(token)
    return token.lower_ in DAMAGE_VERBS and verb.dep_ in ("acl", "amod") and any(
        child.lower_ in SHARE_WORDS and child.dep_ in ("amod", "det") for child in verb.head.children)


def _figurative_death(token: Token) -> bool:
    verb = token.head if token.lower_ == "dead" and token.dep_ == "acomp" else token
    return token.lower_ in DEATH_VERBS and any(
        child.dep_ == "nsubj" and child.lower_ in FIGURATIVE_MORTALS for child in verb.children)


def _in_a_definition(token: Token) -> bool:
    """"a nuclear weapon is a device that uses fission to produce a massive explosion": what a thing is."""
    def indefinite(word: Token) -> bool:
        return any(child.dep_ == "det" and child.lower_ in ("a", "an") for child in word.children)
    return any(node.lower_ in ("is", "are") and any(c.dep_ == "nsubj" and (indefinite(c) or c.tag_ == "NNS") for c in node.children)
               and any(c.dep_ == "attr" and indefinite(c) and token in c.subtree for c in node.children)
               for node in token.ancestors)


COMMEMORATED_BEFORE_RE = re.compile(
    r"\b(?:(?:paid|pay|pays|paying)\s+(?:\w+\s+)?(?:respects|tribute|homage)\s+to|in (?:memory|honou?r) of|"
    r"commemorat\w*|mourn\w*|remember\w*|honou?r(?:ed|s|ing)?|memorial (?:to|for)|grave of|graves of)\s+"
    r"(?:all\s+)?(?:those|the (?:\w+\s+)?(?:people|civilians|victims|dead|soldiers|children))\s+(?:who\s+(?:had\s+|have\s+)?)?(?:were\s+)?$",
    re.IGNORECASE)


def _not_an_event(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    """The trigger word is there, but not as a reported attack: an adjective ("technologically
    advanced"), negated ("no fighting", "fired no missiles"), a time baseline ("since an
    offensive"), a person's verbal attack ("his Oval Office attack"), or a capture of something
    other than ground ("captured images")."""
    token = _token_at(passage, match.start())
    words = match.group(0).lower().split()
    if any(word in NEGATIONS for word in words):
        return True
    if len(words) > 1 and any(word in HABITUAL for word in words):
        return True  # "has come under repeated shelling": a pattern the phrase itself names
    if token is None:
        return False
    modifier = _list_head(token) if token.dep_ == "conj" and token.head.dep_ == "amod" else token
    if len(words) == 1 and modifier.dep_ in ("amod", "compound") and modifier.head.pos_ in ("NOUN", "PROPN") \
            and not lexicon().event.fullmatch(modifier.head.text) and modifier.head.lower_ not in EVENT_HEADS:
        return True  # "a technologically advanced approach", "attack drones", "sick and wounded comrades"
    if token.dep_ == "attr" and not any(child.dep_ == "expl" for child in token.head.children):
        return True  # "Ukraine is an early skirmish": a label, not a report ("there was a clash" is one)
    if any(child.dep_ in ("amod", "advmod") and child.lower_ in NON_FACTUAL
           for node in {token, _list_head(token)} for child in node.subtree if child.i < node.i):
        return True  # "a staged attack", "a possible strike", "a possible chemical attack or a terrorist attack"
    if any(child.dep_ == "det" and child.lower_ in ("any", "every") for child in token.children):
        return True  # "ahead of any attack": no attack in particular
    if any(child.dep_ == "amod" and child.tag_ == "VBG" and _is_one_of(child, lexicon().hypothetical_lemmas)
           for child in token.children):
        return True  # "no agreement forbidding attack on Crimea"
    if any(child.dep_ == "dobj" and child.lower_ in INDEFINITE_TARGETS for child in token.children):
        return True  # "is not going to attack anyone"
    if any(child.lower_ in NEGATIONS and child.dep_ in ("det", "neg") for child in token.children):
        return True
    if token.dep_ == "attr" and any(child.dep_ == "neg" for child in token.head.children):
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "since":
        return True
    if _figurative_death(token) or _damage_as_a_state(token):
        return True
    at, end = match.start(), match.end()  # the match is already in passage coordinates
    if passage.text[:at].endswith(("such as ", "like ")) and token.tag_ in ("NN", "NNS", "VBG"):
        return True  # "any military activity – such as shelling – near a nuclear plant": an example of a kind
    if AS_BEFORE_RE.search(passage.text[max(0, at - 40):at]) and GOES_ON_AFTER_RE.match(passage.text, end):
        return True  # "visited the front on Sunday as Russia's assault on Donbas continues": the campaign, going on
    if (match.group(0).lower() in CAMPAIGN_WORDS or token.lower_ in CAMPAIGN_WORDS) \
            and AMID_BEFORE_RE.search(passage.text[max(0, at - 60):at]):
        return True  # "a civilian pullout amid a mounting Ukrainian counter-offensive": the campaign as backdrop
    if _evidence_of_a_kind(token) or _no_trace_of(token) or _in_a_definition(token):
        return True
    if COMMEMORATED_BEFORE_RE.search(passage.text[max(0, at - 80):at]):
        return True  # "paid her respects to those who died in Bucha": a visit to the dead, not the killing
    if FRONT_WIDE_RE.search(_clause_text(token)) and not _local_place_in_clause(token, places_in):
        return True  # "forces clashed on Tuesday along the eastern front line", "offensive actions in several directions"
    if _named_battle(token) and not _local_place_in_clause(token, places_in):
        return True  # "Zelensky said the battle for the Donbas had begun", on whatever day: a region's campaign
    if _war_is_the_killer(token) or DIED_IN_THE_WAR_RE.match(passage.text, match.start()):
        return True  # "two weeks after Putin launched a war that has killed hundreds", on Thursday
    if token.dep_ in ("acl", "amod") and any(child.dep_ == "det" and child.lower_ in NEGATIONS
                                             for child in token.head.children):
        return True  # "there are no shells exploding in Moscow"
    if token.dep_ == "pobj" and token.head.lower_ == "into" and token.head.head.lower_ in TIME_UNITS:
        return True  # "a month into the fighting": a time frame
    if _habitual(token) or _under_legal_process(token) or _denied(token) or _takes_part(token, places_in):
        return True
    if _targeted_by_measures(token) or _abducted_en_masse(passage, token):
        return True  # "targeted with sanctions"; "the abduction of children into Russia" is a deportation
    if lexicon().needs_support.fullmatch(match.group(0)) and any(
        child.dep_ == "poss" and child.lower_ in PERSONAL_POSSESSIVES for child in token.children
    ) and not lexicon().support.search(passage.text):
        return True
    shells = _list_head(token)  # "munitions like drones, missiles and shells": the list says what they are
    if token.lower_ == "shells" and token.tag_ == "NNS" and shells.dep_ not in ("nsubj", "nsubjpass") \
            and not (shells.dep_ == "pobj" and shells.head.lower_ in ("by", "with", "under")) \
            and not (shells.dep_ == "dobj" and _is_one_of(shells.head, FIRING_VERBS)):
        return True  # "pallets of 155 mm shells bound for Ukraine": ammunition, not shelling ("shells hit" is)
    if token.lower_ == "executed" and any(child.dep_ in ("dobj", "nsubjpass") for child in token.children) \
            and not _patient_is_people(token):
        return True  # "leaders who planned or executed these acts": carried out, not put to death
    if HARM_WORD_RE.match(token.text) and _nobody_is_the_subject(token):
        return True  # "no civilians are believed to have been killed"
    if token.lower_ == "fighting" and token.dep_ == "acl" and (
            token.head.tag_ in ("NNS", "NNPS") or token.head.lower_ in UNIT_NOUNS or _is_person_noun(token.head)):
        return True  # "heroes fighting the regime", "men fighting in the east": who they are, not one battle
    if _circumstance_with(token) or _bare_backdrop(token, places_in):
        return True  # "with sirens blaring and shelling starting, she drove west", "amid the fighting": the scene
    if token.lower_.startswith("kill") and any(child.dep_ == "dobj" and child.lower_ in REFLEXIVES
                                               and not any(c.dep_ == "conj" for c in child.children)
                                               for child in token.children):
        return True  # "denied he killed himself": a suicide, not an attack ("killed himself and ten others" is one)
    if token.lower_.startswith("intercept") and any(
            child.dep_ in ("nsubjpass", "dobj") and child.lower_ in CREWED_AIRCRAFT for child in token.children):
        return True  # "fighter jets were intercepted over the Baltic": escorted away, not shot at
    if _animals_are_the_patient(token):
        return True  # "Russians even killed dozens of dogs", "pet dogs who were shot to death"
    if _an_undertaking_is_the_patient(token):
        return True  # "the Minsk agreements, which were killed by Berlin and Paris": ended, not attacked
    if TARGETING_VERB_RE.match(token.text) and any(child.dep_ == "dobj" and child.lower_ in REFLEXIVES | {"itself"}
                                                   for child in token.children):
        return True  # "the Russians were shelling themselves to discredit Kiev": a claimed false flag
    if token.lower_.startswith("attack") and token.pos_ == "VERB" and any(
            child.dep_ == "dobj" and child.lower_ in ("her", "him", "me", "you") for child in token.children) \
            and not find_weapons(passage.text) and not any(child.lower_ == "with" for child in token.children):
        return True  # "and he attacked her": words, with no weapon told
    if token.dep_ in ("dobj", "pobj") and _is_one_of(token.head, STANCE_VERBS):
        return True  # "while ignoring shelling of the facility", "tolerating attacks": a stance on a practice
    if _told_as_a_practice(token):
        return True  # "the shelling of the plant is part of Putin's ploy": a way of waging war, not one attack
    if token.lower_ in ("surrounded", "encircled") and any(
            agent.dep_ == "agent" and any(obj.dep_ == "pobj" and not obj.ent_type_ and obj.lower_ not in ENCIRCLING_FORCES
                                          for obj in agent.children) for agent in token.children):
        return True  # "a freediver surrounded by plastic waste": not troops closing a ring
    if token.lower_ in ("hit", "struck", "hurt", "battered", "pummelled", "pummeled") and any(
            agent.dep_ == "agent" and any(obj.dep_ == "pobj" and obj.lower_ in ABSTRACT_AGENTS for obj in agent.children)
            for agent in token.children):
        return True  # "the economy has been hit hard by sanctions", "strip clubs are hit by Putin's war"
    if token.lower_ in ("hit", "struck") and any(
            child.dep_ == "nsubj" and (child.lower_ in ABSTRACT_AGENTS or child.lower_.startswith("covid"))
            for child in token.children):
        return True  # "the theatre opened just before Covid-19 hit", "when the pandemic struck"
    if _figurative_target(token) or any(child.dep_ == "amod" and child.lower_ in FIGURATIVE_KINDS for child in token.children):
        return True  # "an attack on gun control", "attacks on democracy", "the economic hit"
    if TERRITORIAL_TRIGGER_RE.match(match.group(0)):
        if token.dep_ == "acl" and not TERRAIN_RE.fullmatch(token.head.text):
            return True  # "soldiers captured in Mariupol were transferred", "items seized in a raid": not the fighting
        if _patient_is_people(token):
            return True  # "two Britons, who were captured fighting alongside"
        if any(prep.lower_ == "in" and any(re.fullmatch(r"(?:19|20)\d\d", obj.text) for obj in prep.children)
               for prep in token.children):
            return True  # "the peninsula it seized in 2014": a year's seizure told as background
        return not (TERRAIN_RE.search(passage.text) or any(p.place_type not in ("country",) for p in places_in))
    return False


CREWED_AIRCRAFT = frozenset({"jet", "jets", "plane", "planes", "aircraft", "bomber", "bombers", "fighter", "fighters",
                             "warplane", "warplanes", "airliner"})
# "a French force fighting insurgents": what a body of troops is for
UNIT_NOUNS = frozenset({"force", "army", "unit", "battalion", "brigade", "regiment", "contingent", "mission", "militia",
                        "group", "division", "corps", "legion", "detachment", "company"})


# What only words, laws and ideas can be attacked on: "an attack on gun control", "attacks on democracy".
ABSTRACT_TARGETS = frozenset({"control", "rights", "right", "freedom", "freedoms", "democracy", "values", "sovereignty",
                              "policy", "policies", "law", "laws", "speech", "press", "truth", "religion", "faith",
                              "culture", "identity", "language", "history", "science", "liberty", "liberties",
                              "constitution", "character", "reputation", "credibility", "integrity", "legacy",
                              "institutions", "elections", "election", "norms", "principles", "dignity"})


FIGURATIVE_KINDS = frozenset({"economic", "financial", "political", "reputational", "diplomatic", "psychological",
                             "rhetorical", "legal", "fiscal", "electoral", "propaganda"})


# What a verb can only figuratively explode or shoot down: "exploded the myth", "shot down the idea".
FIGURATIVE_OBJECTS = frozenset({"myth", "myths", "notion", "notions", "idea", "ideas", "narrative", "theory", "theories",
                                "argument", "arguments", "illusion", "illusions"})
# Bodies a politician attacks only in words: "Trump continually attacked NATO and the European Union".
POLITICAL_TARGETS = frozenset({"nato", "eu", "union", "un", "nations", "alliance", "west", "media", "press", "critics",
                               "opponents", "rivals", "congress", "parliament", "administration", "establishment",
                               "sanctions", "decision", "plan", "proposal", "remarks", "comments", "statement"})


ANIMAL_NOUNS = frozenset({"dog", "dogs", "cat", "cats", "animal", "animals", "pet", "pets", "livestock", "cattle", "cow",
                          "cows", "horse", "horses", "pig", "pigs", "sheep", "bird", "birds", "dolphin", "dolphins", "fish"})
ENCIRCLING_FORCES = frozenset({"forces", "troops", "army", "soldiers", "units", "enemy", "fighters", "tanks", "militants",
                               "separatists", "invaders", "occupiers", "russians", "ukrainians"})


STANCE_VERBS = frozenset({"ignore", "tolerate", "condone", "justify", "excuse", "downplay", "whitewash", "glorify",
                          "applaud", "cheer", "celebrate", "encourage", "incite"})
COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "remains", "remain"})
PRACTICE_NOUNS = frozenset({"part", "tactic", "tactics", "strategy", "ploy", "hallmark", "pattern", "policy",
                            "example", "feature", "method", "tool", "weapon"})
# What hits an economy or a trade, not a town
ABSTRACT_AGENTS = frozenset({"sanctions", "war", "crisis", "inflation", "recession", "prices", "costs", "shortages",
                             "downturn", "pandemic", "covid", "measures", "restrictions", "ban", "bans", "embargo",
                             "tariffs", "cuts", "slump", "mobilisation", "mobilization", "exodus", "uncertainty"})


def _told_as_a_practice(token: Token) -> bool:
    node = token
    for _ in range(3):  # the parser may hang the subject under a clause ("adding the shelling ... is part of")
        if node.dep_ not in ("nsubj", "csubj", "ccomp") or node.head is node:
            return False
        node = node.head
        if node.lower_ in COPULAS:
            return any(child.dep_ == "attr" and child.lower_ in PRACTICE_NOUNS for child in node.children)
    return False


def _animals_are_the_patient(token: Token) -> bool:
    """Who was killed or shot is animals: "killed dozens of dogs", "dogs who were shot"."""
    if not token.lower_.startswith(("kill", "shot", "shoot")):
        return False
    patients = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("relcl", "acl"):
        patients.append(token.head)
    patients += [obj for patient in list(patients) for prep in patient.children if prep.lower_ == "of"
                 for obj in prep.children if obj.dep_ == "pobj"]
    return any(patient.lower_ in ANIMAL_NOUNS for patient in patients) and not any(
        patient.lower_ not in ANIMAL_NOUNS and patient.pos_ in ("NOUN", "PROPN") and not any(
            prep.lower_ == "of" for prep in patient.children) for patient in patients)


# What can be "killed" without anyone dying: a deal, a plan, hopes
UNDERTAKING_NOUNS = frozenset({"deal", "deals", "agreement", "agreements", "accord", "accords", "treaty", "talks",
                               "negotiations", "plan", "plans", "bill", "project", "initiative", "proposal", "hopes",
                               "hope", "idea", "process", "ceasefire", "truce", "pipeline", "business", "economy"})


def _an_undertaking_is_the_patient(token: Token) -> bool:
    if not token.lower_.startswith("kill"):
        return False
    patients = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("relcl", "acl"):
        patients.append(token.head)
    patients = [p for p in patients if p.lower_ not in ("which", "that", "who")]  # the relative's antecedent stands in
    patients += [conj for patient in list(patients) for conj in patient.conjuncts]
    return bool(patients) and all(patient.lower_ in UNDERTAKING_NOUNS for patient in patients)


# What a government targets people with when it is not attacking them
MEASURE_WORDS = frozenset({"sanctions", "sanction", "measures", "restrictions", "bans", "ban", "penalties", "freezes",
                           "tariffs", "embargo", "embargoes", "legislation", "law", "laws", "campaign", "propaganda",
                           "criticism", "investigation", "probe"})
DEPORTATION_RE = re.compile(r"\b(?:into|to|across) (?:the )?(?:territory of )?Russia\b|\bdeport\w*|\b(?:taken|transferred|"
                            r"relocated|moved|removed|sent) to\b[^.;]{0,60}\b(?:Russia|oblasts? of Russia|camps?)\b")


def _abducted_en_masse(passage: Passage, token: Token) -> bool:
    """Deportations ("the abduction of children into Russia") and who people are ("messages from
    children who had been abducted"), not one abduction."""
    if not token.lower_.startswith("abduct"):
        return False
    verb = _list_head(token)
    return bool(DEPORTATION_RE.search(passage.text)) or (verb.dep_ in ("relcl", "acl") and verb.head.tag_ == "NNS")


def _targeted_by_measures(token: Token) -> bool:
    """"colonels who have been targeted with sanctions", "those targeted by sanctions include"."""
    if token.lower_ != "targeted":
        return False
    objects = [obj for prep in token.children if prep.dep_ in ("prep", "agent") and prep.lower_ in ("with", "by")
               for obj in prep.children if obj.dep_ == "pobj"]
    return bool(objects) and all(obj.lower_ in MEASURE_WORDS for obj in objects)


def _figurative_target(token: Token) -> bool:
    if token.pos_ == "VERB":
        objects = [obj for obj in token.children if obj.dep_ == "dobj"]
        if objects and token.lower_.startswith("attack") and all(obj.lower_ in POLITICAL_TARGETS for obj in objects):
            return True
        return bool(objects) and all(obj.lower_ in FIGURATIVE_OBJECTS for obj in objects)
    if token.pos_ != "NOUN":
        return False
    targets = [obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("on", "against")
               for obj in prep.children if obj.dep_ == "pobj"]
    return bool(targets) and all(obj.lower_ in ABSTRACT_TARGETS for obj in targets)


def _nobody_is_the_subject(token: Token) -> bool:
    holders = [token, token.head] if token.dep_ == "xcomp" else [token]
    subjects = [child for node in holders for child in node.children if child.dep_ in ("nsubj", "nsubjpass")]
    return any(subject.lower_ in ("nobody", "none") or any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)
               for subject in subjects)


def _circumstance_with(token: Token) -> bool:
    """An absolute "with" phrase sets a scene: "with sirens blaring and shelling starting",
    "with artillery fire continuing" (a noun with a participle), not "hit with shelling"."""
    path = [token, *list(token.ancestors)[:3]]
    end = next((k for k, node in enumerate(path) if node.dep_ == "pobj" and node.head.lower_ == "with"), None)
    if end is None:
        return False
    path = path[:end + 1]
    return any(node.tag_ == "VBG" for node in path) or any(
        child.tag_ == "VBG" and child.dep_ in ("acl", "xcomp", "amod") and child.i > node.i
        for node in path for child in node.children)


REFLEXIVES = frozenset({"himself", "herself", "themselves", "myself", "yourself", "oneself"})
# Nouns a bare fighting word is only the backdrop of: "a safe distance from the fighting".
DISTANCE_WORDS = frozenset({"distance", "away", "far", "safety", "refuge"})
# "amid increased shelling": how hard, not whose or where, leaves the fighting a backdrop
INTENSITY_WORDS = frozenset({"heavy", "heavier", "increased", "increasing", "intense", "intensified", "intensifying",
                             "fierce", "renewed", "growing", "continued", "escalating", "mounting", "sporadic",
                             "more", "further", "new", "fresh", "occasional", "persistent", "ferocious", "bitter",
                             "extensive", "massive", "constant"})


def _bare_backdrop(token: Token, places_in: list[PlaceMention]) -> bool:
    """"Amid the fighting, officials traded claims", "risks grew amid shelling", "a safe distance from
    the battle", "amid increased shelling", "has not advanced despite extensive shelling": fighting with no town of its own and no modifier but its
    intensity is the scene, not an event told ("amid heavy shelling of Kharkiv" or "amid Russian
    strikes" names some)."""
    if token.dep_ not in ("pobj", "pcomp") or token.tag_ not in ("NN", "VBG"):
        return False
    backdrop = token.head.lower_ in ("amid", "amidst", "despite") \
        or token.head.lower_ == "from" and token.head.head.lower_ in DISTANCE_WORDS
    own_places = _places_within(places_in, token.left_edge.idx, token.right_edge.idx + len(token.right_edge))
    told = any(child.dep_ in ("compound", "poss", "nummod", "nmod", "acl", "relcl")
               or child.dep_ == "amod" and child.lower_ not in INTENSITY_WORDS
               or child.dep_ == "prep" and child.lower_ in ("of", "in", "on", "at", "near", "around", "against", "by")
               or child.dep_ == "det" and child.lower_ in ("this", "that") for child in token.children)
    return backdrop and not own_places and not told


def _is_person_noun(token: Token) -> bool:
    word = token.lower_
    return word in PERSON_NOUNS or word.rstrip("s") in PERSON_NOUNS or word in FIGHTER_NOUNS \
        or bool(MILITARY_RE.fullmatch(word)) or bool(CIVILIAN_RE.fullmatch(word))


FRONT_WIDE_RE = re.compile(r"\balong (?:the |its |their )?(?:entire |whole |\w+ )?front(?:[- ]?lines?)?\b|"
                           r"\bon all fronts\b|\bacross the (?:entire |whole |\w+ )?front(?:[- ]?lines?)?\b|"
                           r"\bon the front[- ]?lines?\b|\bfront[- ]?line (?:fighting|battles|clashes|combat)\b|"
                           r"\b(?:in|on) (?:several|various|different|many|all|multiple|a number of) (?:directions|fronts|axes)\b|"
                           r"\b(?:the|its) (?:whole|entire) (?:[\w-]+ ){0,2}(?:region|oblast|province|front)\b|"  # "the whole free Luhansk region"
                           # "in Russian-occupied parts of southern and eastern Ukraine": several regions' toll
                           r"\bparts of (?:the )?(?:north|south|east|west)\w*(?:[- ]\w+)? and (?:north|south|east|west)\w*(?:[- ]\w+)? ukraine\b",
                           re.IGNORECASE)
FIRING_VERBS = frozenset({"fire", "launch", "drop", "lob", "rain"})  # "fired shells at a school" is shelling
EVIDENCE_NOUNS = frozenset({"evidence", "proof", "proofs", "allegations", "accusations", "reports", "claims"})


TRACE_NOUNS = frozenset({"mention", "evidence", "sign", "signs", "proof", "indication", "indications", "trace",
                         "word", "information", "record", "confirmation"})


def _no_trace_of(token: Token) -> bool:
    """"made no mention of a missile attack", "no evidence of Kyiv's role in the bombing": said not to be
    known, not told."""
    return any(node.lower_ in TRACE_NOUNS and any(c.dep_ == "det" and c.lower_ == "no" for c in node.children)
               for node in list(token.ancestors)[:5])


def _evidence_of_a_kind(token: Token) -> bool:
    """"evidence of Ukrainian shelling of the plant", "reports of attacks on civilians": proof of a
    practice, unless one strike is named ("evidence of the strike on Kramatorsk") or "the" or a number
    points to particular ones ("evidence of the three strikes")."""
    listed = _list_head(token)
    holder = listed.head if listed.dep_ == "acl" else listed  # "reports of Ukraine shelling the prison"
    of_evidence = holder.dep_ in ("pobj", "pcomp") and holder.head.lower_ == "of" and holder.head.head.lower_ in EVIDENCE_NOUNS
    if not (of_evidence or listed.dep_ == "acl" and holder.lower_ in EVIDENCE_NOUNS):
        return False
    singular_noun = token.tag_ == "NN" and token.lower_ not in ("shelling", "bombing", "bombardment", "fighting")
    return not singular_noun and not any(
        c.dep_ == "nummod" or c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in token.children)


FRONT_WIDE_EQUIPMENT_TALLY = 100


def _tallies_equipment(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    """"has destroyed well over 1,000 Russian tanks": a count of destroyed things no single strike
    reaches, with neither a town nor a day to pin it (a convoy of 200 destroyed on 27 February is one);
    or what the fighting cost a side."""
    verb = _token_at(passage, match.start())
    if verb is not None and verb.dep_ == "nsubj" and verb.head.lower_ in ("cost", "costs"):
        return True  # "the fighting cost Kyiv 12 warplanes and 200 tanks": a tally of losses
    if verb is None or verb.lower_ != "destroyed":
        return False
    counts = [numbers.parse_number(c.text) for obj in verb.children if obj.dep_ in ("dobj", "nsubjpass")
              for c in obj.children if c.dep_ == "nummod"]
    return any(n is not None and n >= FRONT_WIDE_EQUIPMENT_TALLY for n in counts) \
        and not _local_place_in_clause(verb, places_in)


MANY_TIMES_WORDS = frozenset({"several", "many", "numerous", "multiple", "countless"})


def _many_times(verb: Token) -> bool:
    return any(child.dep_ == "npadvmod" and child.lower_ == "times"
               and any(word.lower_ in MANY_TIMES_WORDS for word in child.children) for child in verb.children)


TACTIC_NOUNS = frozenset({"tactic", "tactics", "practice", "strategy", "method", "methods", "policy", "policies"})


def _a_tactic(token: Token) -> bool:
    """What a side does as a rule ("the tactic of shelling"), unless a past day is told ("used the tactic on Monday")."""
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "of" and token.head.head.lower_ in TACTIC_NOUNS:
        return not any(word.ent_type_ == "DATE" for word in token.head.head.head.subtree)
    return token.dep_ in ("xcomp", "advcl") and token.head.lower_ in ("use", "uses", "using") and any(
        child.dep_ == "dobj" and child.lower_ in TACTIC_NOUNS for child in token.head.children)


PARTITIVES = frozenset({"some", "many", "most", "several", "all", "others", "half"})


def _victims_found(token: Token) -> bool:
    """"Some of the people [in the graves] had been killed by shelling": told of the dead found, not of an attack."""
    token = _list_head(token)
    verb = token.head.head if token.dep_ in ("pobj", "pcomp") and token.head.dep_ == "agent" else token
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) \
        and any(c.dep_ == "nsubjpass" and c.lower_ in PARTITIVES for c in verb.children)


DAY_WORDS = frozenset({"overnight", "today", "tonight", "yesterday"})


def _a_list_destroyed_so_far(verb: Token) -> bool:
    """"its missiles have also destroyed large supply trains, bridges, roads": kinds of things over a campaign."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ == "NNS"
               and not any(d.dep_ in ("det", "nummod", "poss") for d in c.children)]
    return any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children) \
        and any(any(conj.tag_ == "NNS" for conj in obj.conjuncts) for obj in objects) \
        and not any(word.ent_type_ in ("DATE", "TIME") or word.lower_ in DAY_WORDS for word in verb.subtree)


def _only_so_far(verb: Token) -> bool:
    so_far = any(child.lower_ == "until" and any(c.lower_ == "now" for c in child.children)
                 or child.lower_ in ("so", "thus") and any(c.lower_ == "far" for c in child.children)
                 or child.lower_ == "far" and any(c.lower_ in ("so", "thus") for c in child.children)
                 for child in verb.children)
    return so_far and any(word.lower_ == "only" for word in verb.subtree) \
        and not any(word.ent_type_ == "DATE" for word in verb.subtree)  # "so far only shelled the outskirts on Monday"


def _habitual(token: Token) -> bool:
    """A pattern, not one event: "constant shelling", "has repeatedly accused Kyiv of attacks", "Russia
    only strikes military targets", "when bombs strike the city", "a series of attacks", "Russia has
    been striking deep inside Ukraine" (present perfect progressive: a campaign going on)."""
    if token.i > 0 and token.doc[token.i - 1].lower_ in HABITUAL:
        return True  # the parse does not always attach the modifier to the word it precedes
    first = _list_head(token)
    before = token.doc[first.i - 1] if first.i > 0 else None
    if before is not None and (first is not token and before.lower_ in HABITUAL or before.lower_ == "continued" and not any(
            child.dep_ in ("nsubj", "nsubjpass") for child in before.children)):
        # "constant shelling and fighting": the modifier covers the list; "where continued shelling
        # has raised fears" (not "forces continued shelling Bucha", a day's attack)
        return True
    nouns = [obj for child in token.children if child.dep_ == "agent" for obj in child.children]
    nouns += [token] if token.pos_ == "NOUN" else []
    if any(word.lower_ in HABITUAL for noun in nouns for word in noun.subtree if word.i < noun.i):
        return True  # "targeted by regular artillery and drone attacks"
    if token.tag_ == "NNS" and any(child.dep_ == "nummod" for child in token.children) and any(
            child.dep_ == "prep" and child.lower_ == "since" for node in list(token.ancestors)[:3] for child in node.children):
        return True  # "accused Kiev of carrying out 12 attacks on the plant since mid-July": a tally
    if token.tag_ in ("VBZ", "VBP") and any(child.lower_ == "only" for child in token.children):
        return True  # "Russia only strikes military targets": what it does, not what it did
    if _a_tactic(token):
        return True  # "using the tactic of double-taps to hit rescuers", "tactics of shelling residential areas"
    if _victims_found(token) or _a_list_destroyed_so_far(token):
        return True  # "some of the people had been killed by shelling", "its missiles have destroyed trains, bridges, roads"
    if _only_so_far(token):
        return True  # "until now, the Russians fired these rockets only at the most important targets": a record
    clause_verb = next((node for node in [token, *token.ancestors] if node.pos_ in ("VERB", "AUX")), token.head)
    if any(child.dep_ in ("advmod", "mark") and child.lower_ in ("when", "whenever") for child in clause_verb.children) and (
            clause_verb.tag_ in ("VBZ", "VBP")
            or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") for c in clause_verb.children)):
        return True  # "when bombs strike the city", "when the city has been shelled": whenever it happens
    listed = _list_head(token)  # "of weaponry and shelling"
    if listed.dep_ == "pobj" and listed.head.lower_ == "of" and listed.head.head.lower_ in SERIES_NOUNS \
            or token.dep_ == "conj" and token.head.lower_ in SERIES_NOUNS:  # the parse's "waves of missile and drone attacks"
        return True  # "a series of attacks on sites in the region", "waves of missile and drone attacks", "the front lines of the battles"
    if token.pos_ == "VERB" and any(child.dep_ == "dobj" and child.lower_ in SERIES_NOUNS for child in token.children):
        return True  # "defenders had repelled waves of Russian attacks"
    if any(node.dep_ == "relcl" and node.head.tag_ == "NNS" and any(c.lower_ == "where" for c in node.children)
           and not any(c.dep_ in ("det", "nummod", "poss") for c in node.head.children) for node in [token, *token.ancestors]):
        return True  # "even in places where forces have found themselves encircled": wherever it happens
    if listed.dep_ in ("pobj", "pcomp") and listed.head.lower_ == "of" and listed.head.head.lower_ in MEASURE_NOUNS:
        return True  # "has seen the least amount of fighting", "condemns the use of shelling": not one event
    if any(DURATION_BEFORE_RE.search(token.doc.text[max(0, node.idx - 30):node.idx]) for node in (token, listed)):
        return True  # "a six-week assault", "weeks of bombardment and street fighting": a campaign over time
    after = token.doc.text[token.idx + len(token):token.idx + len(token) + 90]
    if token.pos_ in ("NOUN", "VERB") and (PERIOD_AFTER_RE.match(after) or EARLY_IN_THE_WAR_RE.match(after)):
        return True  # "bombardment in the war's first months", "targeted in the early days of the invasion": a period
    if PERIOD_BEFORE_RE.search(token.doc.text[token.sent.start_char:token.idx].rsplit(";", 1)[-1]):
        return True  # "during the first two months of 2022, authorities reported increased shelling"
    if any(child.dep_ == "agent" and any(obj.lower_ in TIME_UNITS for obj in child.children) for child in token.children):
        return True  # "destroyed by weeks of shelling"
    clause = [token, *list(token.ancestors)[:3]]
    if any(_many_times(node) and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in node.children) for node in clause):
        return True  # "several times Ukraine has used rockets to hit targets in Kursk": a tally over time
    if any(child.lower_ in HABITUAL and child.dep_ in ("amod", "advmod", "npadvmod")
           for node in clause for child in node.children):
        return True
    verb = token if token.pos_ == "VERB" else None
    if verb is None or verb.tag_ != "VBG":
        return False
    auxes = [child.lower_ for child in verb.children if child.dep_ == "aux"]
    return "been" in auxes and any(word in ("has", "have", "'ve", "’ve") for word in auxes)


def _list_head(token: Token) -> Token:
    """The first item of the coordination a word is in: what the list as a whole hangs from."""
    return next(node for node in [token, *token.ancestors] if node.dep_ != "conj")


GROUP_NOUNS = frozenset({"men", "women", "people", "britons", "americans"})


def _patient_is_people(verb: Token) -> bool:
    patients = [child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")]
    if not patients and verb.dep_ == "ccomp" and any(child.dep_ == "auxpass" for child in verb.children):
        # the parse's "claim [Aiden Aslin] ... has been captured": the passive's subject went to the verb above
        patients = [child for child in verb.head.children if child.dep_ == "dobj"]
    if not patients and any(child.dep_ == "auxpass" for child in verb.children):
        # "men are being held after being captured while defending Mariupol": the passive's
        # patient is the subject of a verb above
        patients = next(([child for child in node.children if child.dep_ in ("nsubj", "nsubjpass")]
                         for node in list(verb.ancestors)[:3]
                         if any(child.dep_ in ("nsubj", "nsubjpass") for child in node.children)), [])
    if verb.dep_ == "relcl" and any(child.lower_ in ("who", "whom") for child in verb.children):
        return True
    return any(
        patient.ent_type_ in ("PERSON", "NORP") or patient.lemma_.lower() in PERSON_NOUNS
        or patient.lower_.rstrip("s") in PERSON_NOUNS or patient.lower_ in ("he", "she", "they", "them", "him", "her")
        or patient.lower_ in GROUP_NOUNS | {"family", "pair", "couple", "duo", "trio"}
        or any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom") for w in c.children) for c in patient.children)
        for patient in patients
    )


FIGHTER_NOUNS = GROUP_NOUNS | {"nationals", "citizens", "foreigners", "volunteers", "fighters", "mercenaries",
                               "recruits", "conscripts"}


OBSERVING_VERBS = frozenset({"monitor", "track", "follow", "observe", "watch", "study", "analyse", "analyze", "cover"})


def _takes_part(token: Token, places_in: list[PlaceMention]) -> bool:
    """"volunteers fighting alongside Ukrainian troops", "fighting for Ukraine", "captured while
    fighting in Mariupol": who fights where, not a battle that happened ("fighting for the city"
    or "for Bakhmut" is one)."""
    if token.lower_ not in ("fighting", "fought", "fight", "fights"):
        return False
    # the parse may hang "fighting" on a noun further back than the one right before it
    nouns_before = {token.head.lower_} | ({token.doc[token.i - 1].lower_} if token.i > 0 else set())
    if token.dep_ == "acl" and any(noun in FIGHTER_NOUNS or noun.rstrip("s") in PERSON_NOUNS for noun in nouns_before):
        return True  # "fifty French nationals fighting for Kiev", "a group of volunteers fighting back"
    if any(child.dep_ == "nsubj" and (child.lower_ in FIGHTER_NOUNS or child.ent_type_ == "NORP" and child.tag_ in ("NNS", "NNPS"))
           for child in token.children):
        return True  # "with as many as 3,000 Britons fighting for Kiev": who fights, not a battle
    if any(child.dep_ == "advmod" and child.lower_ == "still" for child in token.children) \
            and not _local_place_in_clause(token, places_in):
        return True  # "Ukraine said it was still fighting in the area": holding on, not a battle on a day
    if token.dep_ == "dobj" and _is_one_of(token.head, OBSERVING_VERBS) and token.head.tag_ in ("VBZ", "VBP", "VBG"):
        return True  # "the group, which closely monitors the fighting": the war as a subject of study
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "alongside":
            return True
        if child.dep_ == "prep" and child.lower_ == "for":
            start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            ground = TERRAIN_RE.search(token.doc.text[start:end]) or any(
                start <= p.char_start < end and p.place_type != "country" for p in places_in)
            return not ground
    head = token.head.head if token.head.pos_ == "ADP" else token.head  # "captured during fighting"
    return token.dep_ in ("advcl", "pcomp", "xcomp", "pobj", "acl") and _lemma(head) in (
        "capture", "captured", "detain", "detained", "take", "taken", "die", "died", "kill", "killed")


def _under_legal_process(token: Token) -> bool:
    """"sentenced to life for killing a civilian", "charged with murder", "convicted of being mercenaries for
    fighting": the attack is the case."""
    node = token
    for _ in range(3):
        head = node.head
        if head is node:
            return False
        if node.dep_ in ("pobj", "pcomp") and head.lower_ in ("for", "with", "of") and _is_one_of(head.head, LEGAL_LEMMAS):
            return True
        node = head
    return False


def _told_in_a_trial(passage: Passage) -> bool:
    tokens = (_token_at(passage, m.start()) for m in CASUALTY_RE.finditer(passage.text))
    return any(token is not None and _under_legal_process(token) for token in tokens)


DENYING_WORDS = frozenset({"deny", "denied", "denies", "dismiss", "dismissed", "refute", "refuted"})


def _denied(token: Token) -> bool:
    """"denied the reports of a Ukrainian offensive", "did not report any airstrikes"."""
    node = token
    if token.dep_ == "ccomp" and _lemma(token.head) in DENYING_WORDS and any(
            child.dep_ == "dobj" and child.tag_ == "NNS" and not any(c.dep_ in ("det", "nummod", "poss") for c in child.children)
            for child in token.children):
        return True  # "Moscow has denied its troops have targeted civilians": a practice denied
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "dobj":
        node = node.head.head  # "the reports of X"
    if node.dep_ not in ("dobj", "nsubjpass"):
        return False
    verb = node.head
    return _lemma(verb) in DENYING_WORDS \
        or any(child.dep_ == "neg" for child in verb.children)


# Words for a whole campaign or the war itself ("Kiev insists the Russian offensive was
# unprovoked", "help Ukraine repel Russian aggression"): not one attack unless a day or a toll
# pins them down.
LOCAL_PLACE_TYPES = frozenset({"city", "town", "village", "district", "landmark"})
CAMPAIGN_WORDS = frozenset({"offensive", "offensives", "counteroffensive", "counter-offensive", "aggression",
                            "invasion", "campaign", "war", "advances", "onslaught"})


NOMINAL_DEPS = frozenset({"pobj", "nsubj", "nsubjpass", "dobj", "compound", "attr"})  # "of tank shelling"
HEADLINE_END_RE = re.compile(r"[.!?…\"”’']\s*$")  # a sentence ends so; a headline does not


RESPONSIBILITY_WORDS = frozenset({"responsible", "accountable", "culpable", "guilty", "blame", "blamed"})


def _told_as_ongoing(passage: Passage, match: re.Match) -> bool:
    """The trigger's clause is in the present ("Russia is mostly using cruise missiles", "forces are
    shelling the plant", "the bombardment continues"): what goes on, not one attack. Only a passage
    with neither a day nor a toll gets here. A headline's present tells news ("Blasts rock Crimea"),
    strikes named after "after" or "amid" came before the present they explain, and "the shelling"
    is one the reader knows of."""
    if not HEADLINE_END_RE.search(passage.text):
        return False
    token = _token_at(passage, match.start())
    if token is None or token.dep_ == "pobj" and token.head.lower_ in ("after", "following", "amid", "in"):
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lower_ in RESPONSIBILITY_WORDS:
        return False  # "Russia is responsible for a rocket attack on the station": who did one, not what goes on
    nominal = token.pos_ == "NOUN" or token.tag_ == "VBG" and token.dep_ in NOMINAL_DEPS
    if nominal and any(child.dep_ in ("det", "poss") and child.lower_ not in ("a", "an")
                                    for child in token.children):
        return False  # "the Ukrainian shelling is fraught with consequences": one known attack, described
    clause = next((node for node in [token, *token.ancestors] if node.pos_ in ("VERB", "AUX")
                   and not (node.tag_ == "VBG" and node.dep_ in NOMINAL_DEPS)), None)
    if clause is None or clause.tag_ == "VBD":
        return False
    auxes = [child for child in clause.children if child.dep_ in ("aux", "auxpass")]
    if any(aux.tag_ in ("VBD", "MD") or aux.lower_ in ("has", "have") for aux in auxes):
        return False  # past, perfect ("has launched" is fresh news) or modal (see `_hypothetical`)
    return clause.tag_ in ("VBZ", "VBP") or any(aux.lower_ in ("is", "are", "am", "'re", "’re", "'m", "’m")
                                                for aux in auxes)  # "they're completely destroyed"


# No single attack of this war killed or wounded this many: a figure this large is a war's toll
# ("Twenty-seven million Soviet citizens died", "tens of thousands killed").
WAR_SIZED_TOLL = 10_000
VAGUE_WAR_SIZED_TOLL = 1_000
LOWER_BOUND_RE = re.compile(numbers.LOWER_BOUND, re.IGNORECASE)
# "attacks on Kharkiv had killed hundreds of civilians": a count of many attacks (a figure is one's)
HUNDREDS_RE = re.compile(r"\bhundreds\b", re.IGNORECASE)


def _tells_harm(match: re.Match) -> bool:
    """The trigger only says someone was killed or hurt ("killed", "died", "wounded"), not how."""
    return bool(HARM_WORD_RE.match(match.group(0)) or DEATH_WORD_RE.match(match.group(0)))


def _harm_only_possible(passage: Passage) -> bool:
    harms = [m for m in lexicon().event.finditer(passage.text) if _tells_harm(m)]
    return bool(harms) and all(_hypothetical(passage, m) for m in harms)


def _tallies_attacks(passage: Passage) -> bool:
    """"the WHO recorded 445 attacks on hospitals", "the 248 attacks documented by the WHO": a
    monitor's count of many attacks (and of their toll), not one."""
    for token in passage.sentence:
        if token.lower_ not in GENERIC_PLURALS:
            continue
        counted = any(child.dep_ == "nummod" and (numbers.parse_number(child.text) or 0) >= MANY_ATTACKS
                      for child in token.children)
        # the parser may hang "documented by" on the noun after ("attacks on the system documented by")
        recorded = _is_one_of(token.head, TALLY_VERBS) or any(
            word.tag_ == "VBN" and word.dep_ in ("acl", "relcl") and _is_one_of(word, TALLY_VERBS)
            for word in token.doc[token.i + 1:min(token.i + 8, token.sent.end)])
        if counted and recorded:
            return True
    return False


TALLY_VERBS = frozenset({"record", "document", "register", "count", "verify", "log", "tally", "confirm", "report"})
MANY_ATTACKS = 10


def _aggregate_toll(text: str) -> bool:
    """"tens of thousands of people had likely been killed in Mariupol": a magnitude no count takes
    (see `numbers.is_aggregate`), told of the dead or wounded, is a war's toll too."""
    lowered = text.lower()
    for word in numbers.AGGREGATE_WORDS:
        at = lowered.find(word)
        if at >= 0 and CASUALTY_RE.search(text[at + len(word):at + len(word) + 60]):
            return True
    return False


def _war_sized(casualties: Casualties) -> bool:
    """Also "thousands killed", "over 5,000 civilians", "hundreds killed": no figure that vague and
    that large is one attack's toll."""
    return any(count.quantity.value >= WAR_SIZED_TOLL
               or (count.quantity.approximate or LOWER_BOUND_RE.match(count.quantity.text))
               and count.quantity.value >= VAGUE_WAR_SIZED_TOLL
               or HUNDREDS_RE.search(count.quantity.text)
               for count in casualties.counts)


def _war_sized_figure(text: str) -> bool:
    return any(int(found.group("n").replace(",", "")) >= WAR_SIZED_TOLL for found in WAR_SIZED_FIGURE_RE.finditer(text))


# A side's tally of enemy troops killed along the whole front in a day ("killed 640 Russian military
# personnel on Wednesday"): no one attack kills that many soldiers without a place being named.
FRONT_WIDE_MILITARY_TOLL = 100
# Nor does one kill a thousand people of any kind ("Russia gave a total of 1,351 dead") without one.
FRONT_WIDE_TOLL = 1_000


FIRST_BELIEVED_RE = re.compile(r"\b(?:initially|originally|at first|first|wrongly|mistakenly|falsely)\s+"
                               r"(?:been\s+)?(?:believed|thought|feared|assumed|presumed)\b", re.IGNORECASE)
# "Over 400 children have been injured and 153 children died": a running count of the war's harm
RUNNING_TOLL = 100
RUNNING_TOLL_RE = re.compile(rf"\b(?:have|has)\s+(?:now\s+|already\s+)?(?:been\s+)?(?:{KILLED}|{INJURED})\b", re.IGNORECASE)


# "Kyiv claims to have killed 12 generals", "seven senior commanders have been killed": a war's tally of
# its commanders, told with no day or town
COMMANDERS_TOLL_RE = re.compile(
    r"\b(?:to have|have|has)\s+(?:now\s+|already\s+)?killed\s+(?:at least |more than |over |some |as many as )?[\w,-]+\s+"
    r"(?:(?:senior|top|high-ranking|russian|ukrainian)\s+)*(?:generals|commanders|colonels|officers)\b|"
    r"\b(?:generals|commanders|colonels)\s+(?:have|has)\s+(?:now\s+|already\s+)?been\s+killed\b", re.IGNORECASE)


def _a_commanders_toll(text: str) -> bool:
    return bool(COMMANDERS_TOLL_RE.search(text))


def _a_running_toll(text: str, casualties: Casualties, places_in: list[PlaceMention]) -> bool:
    return bool(RUNNING_TOLL_RE.search(text)) and any(c.quantity.value >= RUNNING_TOLL for c in casualties.counts) \
        and all(place.place_type == "country" for place in places_in)


def _front_wide_loss_tally(casualties: Casualties, places_in: list[PlaceMention]) -> bool:
    return any(count.kind == "killed" and (count.victim_group == "military" and count.quantity.value >= FRONT_WIDE_MILITARY_TOLL
                                           or count.quantity.value >= FRONT_WIDE_TOLL) for count in casualties.counts) \
        and all(place.place_type == "country" for place in places_in)


def _counts_munitions(text: str) -> bool:
    found = find_munitions(text)
    return any(value is not None for value in vars(found).values())


def _begins(passage: Passage, match: re.Match) -> bool:
    """"when the shelling began", "shelling had already started in the area", "a battle has begun":
    the onset of a campaign as a time frame, unless a day pins it down ("but shelling started, so we ran" tells
    what happened)."""
    token = _token_at(passage, match.start())
    token = _list_head(token) if token is not None else None  # "when the bombing and shelling started"
    if token is None or token.dep_ != "nsubj" or _lemma(token.head) not in STARTING_VERBS:
        return False
    return any(child.lower_ in ONSET_FRAMES and child.dep_ in ("advmod", "mark")
               or child.dep_ == "aux" and child.lower_ in ("had", "has", "have")  # "a battle has begun"
               or child.dep_ == "xcomp"  # "a battle has begun to recapture the region": a campaign's aim
               for child in token.head.children)


DAMAGE_VERBS = frozenset({"destroyed", "damaged", "ruined", "flattened", "razed"})
REACTION_VERBS = frozenset({"spark", "raise", "prompt", "fuel", "trigger", "provoke", "draw", "cause"})
REACTION_NOUNS = frozenset({"alarm", "concern", "concerns", "fear", "fears", "worry", "worries", "outrage", "anger",
                            "condemnation", "criticism", "panic"})
MAKING_VERBS = frozenset({"make", "makes", "made", "making", "render", "renders", "rendered", "rendering"})


ENDURING_VERBS = frozenset({"endure", "suffer", "withstand", "experience", "weather", "see", "seen", "survive"})


def _perfect(verb: Token) -> bool:
    """"has damaged", "have endured": the verb takes the perfect's auxiliary."""
    return any(child.dep_ == "aux" and child.lower_ in ("has", "have") for child in verb.children)


MASS_FIGHTING_WORDS = frozenset({"shelling", "fighting", "bombardment", "bombing", "fire", "gunfire", "combat"})


def _bare_fighting_so_far(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    """"Shelling around the plant has damaged the facility", "fighting has forced thousands to flee":
    fighting with no article, number or owner, as the subject of a perfect, with no day and no town,
    is the state of things so far, not one attack."""
    token = _token_at(passage, match.start())
    if token is None or token.lower_ not in MASS_FIGHTING_WORDS or token.dep_ not in ("nsubj", "csubj"):
        return False
    if any(child.dep_ in ("det", "poss", "nummod") for child in token.children):
        return False
    return _perfect(token.head) and not _local_place_in_clause(token, places_in)


def _counted_since(passage: Passage, match: re.Match) -> bool:
    """"Since the drones first appeared, Ukraine says it has shot down 223", "have shelled the town
    40 times since Monday": a perfect counted from a start is a running tally, not one attack."""
    token = _token_at(passage, match.start())
    verb = next((node for node in [token, *token.ancestors] if node.pos_ in ("VERB", "AUX")), None) if token else None
    if verb is None or not _perfect(verb):
        return False
    holders = [verb, verb.head] if verb.dep_ == "ccomp" else [verb]
    return any(child.lower_ == "since" and child.dep_ == "prep"
               or child.dep_ == "advcl" and any(mark.dep_ == "mark" and mark.lower_ == "since" for mark in child.children)
               for node in holders for child in node.children)


VISITING_VERBS = frozenset({"visit", "visits", "visited", "visiting", "tour", "tours", "toured", "touring", "taken",
                            "shown", "inspected", "inspecting"})


def _a_site_visited(passage: Passage, match: re.Match) -> bool:
    """"He was taken to an apartment block that was heavily damaged in a Russian bombardment", "visited a
    bridge where Russian forces bombed civilians": the attack is the past of a site a visitor is shown."""
    token = _token_at(passage, match.start())
    if token is None:
        return False
    clause = next((node for node in [token, *list(token.ancestors)[:3]] if node.dep_ == "relcl"), None)
    return clause is not None and any(node.lower_ in VISITING_VERBS for node in list(clause.head.ancestors)[:4])


def _damaged_as_seen(passage: Passage, match: re.Match) -> bool:
    """"A man walks in a street damaged by shelling in Mariupol": with no day and no toll, the state
    of a place seen (a caption), not an attack told."""
    token = _token_at(passage, match.start())
    if token is None:
        return False
    damage = next((node for node in (token, token.head, token.head.head) if node.lower_ in DAMAGE_VERBS), None)
    if damage is None or damage.dep_ != "acl":
        return False
    causes = [word for agent in damage.children if agent.dep_ == "agent" for word in agent.children]
    return bool(causes) and all(not any(c.dep_ in ("det", "nummod", "poss") for c in cause.children) for cause in causes)


def _ongoing_since(passage: Passage, match: re.Match) -> bool:
    """"Kharkiv has been the focus of intense shelling since the February invasion": a state that
    has lasted since a baseline, not one attack."""
    token = _token_at(passage, match.start())
    if token is None:
        return False
    nodes = [token, *list(token.ancestors)[:4]]
    perfect = any(child.dep_ in ("aux", "auxpass") and child.lower_ in ("has", "have") for node in nodes for child in node.children)
    since = [child for node in nodes for child in node.children if child.dep_ == "prep" and child.lower_ == "since"]
    # "have shelled Kharkiv since Monday morning" is that day's bombardment, going on
    return perfect and any(not RECENT_BASELINE_RE.search(" ".join(w.text for w in prep.subtree)) for prep in since)


RECENT_BASELINE_RE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|night|evening|"
                                r"dawn|midnight|yesterday|today|hours?|overnight|noon|\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.))\b",
                                re.IGNORECASE)


def _told_as_a_record(passage: Passage, match: re.Match) -> bool:
    """The present perfect with no day, as a record rather than news: damage so far ("2,229 buildings
    have been destroyed in the region") or what someone is known for ("troops who have repelled the
    Russians")."""
    token = _token_at(passage, match.start())
    if token is not None and token.dep_ == "dobj" and _is_one_of(token.head, ENDURING_VERBS) and _perfect(token.head):
        return True  # "Kharkiv, another city that has endured intense bombardment": what a place has been through
    if token is None or token.pos_ != "VERB":
        return False
    verb = _list_head(token)  # "have defended X, but repelled Y"
    perfect = _perfect(token) or _perfect(verb)
    passive = any(c.dep_ == "auxpass" and c.lower_ == "been" for c in token.children)
    return perfect and ((passive and token.lower_ in DAMAGE_VERBS) or verb.dep_ == "relcl")


def _as_a_cause(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    """"Because of the shelling, it was too dangerous to bury her", "heavy shelling made the route
    unsafe": the attacks, as the reason for a hardship, are not a report of one (a day, a toll or a
    town would make it one)."""
    token = _token_at(passage, match.start())
    subject = token is not None and (token.dep_ in ("nsubj", "csubj") or token.dep_ == "advcl" and token.tag_ == "VBG"
                                     and token.i == token.sent.start)  # the parse may take "Shelling ..." for a clause
    if subject and _is_one_of(token.head, REACTION_VERBS) \
            and not any(child.dep_ in ("det", "poss", "nummod") for child in token.children) \
            and any(child.dep_ == "dobj" and child.lower_ in REACTION_NOUNS for child in token.head.children) \
            and _only_countries_in_clause(token, places_in):
        return True  # "shelling around it has sparked global alarm": a reaction to attacks in general
    if token is not None and token.dep_ == "nsubj" and _lemma(token.head) in MAKING_VERBS and any(
            child.dep_ in ("ccomp", "oprd", "acomp", "xcomp") and child.pos_ == "ADJ" for child in token.head.children):
        return not _local_place_in_clause(token, places_in)
    if token is None or token.dep_ != "pobj":
        return False
    prep = token.head  # "because of" comes out as "of" under "because" or "shelling" straight under "because"
    because = prep if prep.lower_ == "because" else prep.head if prep.lower_ == "of" else None
    fronted = because is not None and because.lower_ == "because" and (
        because.i == because.sent.start or all(t.is_punct or t.pos_ == "CCONJ" for t in because.doc[because.sent.start:because.i]))
    return fronted and not _local_place_in_clause(token, places_in)


TAKE_OVER_RE = re.compile(r"^(?:captured|seized|occupied|(?:gained|took|seized) control)$", re.IGNORECASE)


def _take_over_as_a_time_frame(passage: Passage, match: re.Match) -> bool:
    """"people began to disappear when Russian troops took control of Kherson", "after Russia seized
    more areas": a take-over told to date something else, not a battle reported."""
    token = _token_at(passage, match.start())
    if token is None or not TAKE_OVER_RE.match(match.group(0)):
        return False
    return any(child.dep_ in ("mark", "advmod") and child.lower_ in ONSET_FRAMES | {"as"} for child in token.children)


def _continues(passage: Passage, match: re.Match) -> bool:
    """"Russia continued to strike targets across the country", "forces stepped up their offensive",
    "the fighting shows no signs of ending": a campaign going on, unless a day pins it down ("On 17
    March, forces continued shelling Bucha" is that day's shelling)."""
    token = _token_at(passage, match.start())
    if token is None:
        return False
    if token.dep_ == "nsubj" and NO_END_IN_SIGHT_RE.match(token.doc.text, token.head.idx):
        return True
    if UNDERWAY_AFTER_RE.match(token.doc.text, token.idx + len(token)):
        return True  # "a counter-attack by Kyiv in the south is underway"
    if any(node.tag_ in ("VBZ", "VBP") and _lemma(node) in CONTINUING_VERBS for node in token.ancestors):
        return True  # "Russia continues to pound Severodonetsk with rockets and air strikes"
    return token.dep_ in ("xcomp", "dobj", "pcomp", "nsubj") \
        and _lemma(token.head) in CONTINUING_VERBS | INTENSIFYING_VERBS  # "as the bombardment continues"


# Attacks in general ("Russia's attacks on civilians", "defence against drone attacks"), unless a
# number, "after"/"amid" or a town in the clause makes them particular ones.
GENERIC_PLURALS = frozenset({"attacks", "strikes", "airstrikes", "bombings", "raids", "assaults", "shellings",
                             "bombardments"})


def _generic_plural(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    token = _token_at(passage, match.start())
    if token is None or token.lower_ not in GENERIC_PLURALS:
        return False
    if token.dep_ == "pobj" and token.head.lower_ in ("after", "following", "amid"):
        return False  # "supplies are low after Russian strikes": strikes that happened
    if any(child.dep_ == "nummod" for child in token.children):
        return False  # "three missile strikes hit three rigs"
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ in EXPOSED_WORDS:
        return True  # "with Lviv subject to missile attacks": what a town lives under, not one attack
    text = token.doc.text
    named_as_examples = [p for p in places_in if EXAMPLES_BEFORE_RE.search(text[max(0, p.char_start - 40):p.char_start])]
    return not _local_place_in_clause(token, [p for p in places_in if p not in named_as_examples])


EXPOSED_WORDS = frozenset({"subject", "subjected", "exposed", "prone", "vulnerable"})
# "attacks on its port cities, including Odesa": a town given as an example of a general pattern.
EXAMPLES_BEFORE_RE = re.compile(r"\b(?:including|such as|like|notably|especially)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$",
                                re.IGNORECASE)


TARGETING_VERB_RE = re.compile(r"^(?:shell|bomb|bombard|attack|strik|struck|target|raid)", re.IGNORECASE)


def _generic_targets(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    """"Russia was shelling Ukrainian towns", "accused of bombing civilian shelters": a kind of target,
    with no number and no place, is what a side does, not one attack."""
    token = _token_at(passage, match.start())
    if token is None or token.pos_ != "VERB" or not TARGETING_VERB_RE.match(token.text):
        return False  # what "launched" or "fired" takes is the weapon, not the target
    targets = [child for child in token.children if child.dep_ in ("dobj", "nsubjpass")]
    generic = bool(targets) and not _patient_is_people(token) and all(
        target.tag_ == "NNS" and not any(c.dep_ in ("nummod", "poss") or c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS
                                         for c in target.children)
        for target in targets)
    return generic and _only_countries_in_clause(token, places_in)


ACCUSING_VERBS = frozenset({"accuse", "blame", "suspect", "charge"})


SERVICE_VERBS = frozenset({"defending", "fighting", "protecting", "serving", "holding", "resisting", "liberating"})
ON_A_FRONT_RE = re.compile(r"\b(?:on|along|at|in) the (?:[\w-]+ ){1,2}(?:front|direction|axis)\b", re.IGNORECASE)
# Words for a campaign, not one blast: "76 explosions recorded in the north-east" is a report.
FRONT_CAMPAIGN_WORDS = frozenset({"assault", "offensive", "counteroffensive", "counter-offensive", "onslaught", "push",
                                  "advance", "fighting", "battle", "battles"})
COMPASS_AREA_RE = re.compile(r"\b(?:in|across|throughout) the (?:country[’']s )?(?:north|south|east|west)(?:-?(?:east|west))?\b"
                             r"(?! of)", re.IGNORECASE)


SETTLEMENTS_AFTER_RE = re.compile(r"\s+(?:of\s+)?(?:[\w-]+\s+)?(?P<what>settlements|villages|towns|cities|communities|"
                                  r"localities|hromadas|municipalities|regions|oblasts|provinces)\b", re.IGNORECASE)
MANY_SETTLEMENTS = 5
SEVERAL_SETTLEMENTS_RE = re.compile(r"\b(?:several|numerous|multiple|dozens of|scores of|a number of)\s+(?:[\w-]+\s+)?"
                                    r"(?:settlements|villages|towns|cities|communities|localities)\b", re.IGNORECASE)
MANY_REGIONS = 2
SEVERAL_OF_WHICH_BEFORE_RE = re.compile(r"\b(?:settlements|villages|towns|cities|communities|localities),?\s+"
                                        r"(?:several|many|some|most|all|dozens|scores|a number) of which\b[^,.;]*$",
                                        re.IGNORECASE)


def _tallies_settlements(passage: Passage, match: re.Match) -> bool:
    """"Ukraine shelled 18 settlements in the region", "airstrikes hit more than 35 villages in seven
    regions": a day's summary across a front, not one attack."""
    token = _token_at(passage, match.start())
    if token is None:
        return False
    clause = _clause_text(token)
    if SEVERAL_SETTLEMENTS_RE.search(_own_clause_text(token)):
        return True  # "struck several towns and villages in Donetsk province over 24 hours"
    if SEVERAL_OF_WHICH_BEFORE_RE.search(token.doc.text[token.sent.start_char:token.idx]):
        return True  # "towns and villages, several of which Russian forces seized"
    for quantity in numbers.find_quantities(clause):
        after = SETTLEMENTS_AFTER_RE.match(clause, quantity.end)
        if after and quantity.value is not None:
            regions = after.group("what").lower() in ("regions", "oblasts", "provinces")
            if quantity.value >= (MANY_REGIONS if regions else MANY_SETTLEMENTS):
                return True
    return False


def _died_in_service(passage: Passage, match: re.Match) -> bool:
    """"the bodies of fighters killed defending Mariupol": how they died, with no day or toll, is the
    whole defence, not one attack."""
    token = _token_at(passage, match.start())
    return token is not None and DEATH_WORD_RE.match(token.text) is not None and any(
        child.dep_ in ("advcl", "xcomp") and child.lower_ in SERVICE_VERBS for child in token.children)


def _on_a_front(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    """"the main attack is on the Kharkiv front", "fighting in the Bakhmut direction", "losses in
    Russia's assault in the east", with no day or toll (and no town, for the east; and a campaign word,
    not "76 explosions recorded in the north-east"): a front's campaign."""
    token = _token_at(passage, match.start())
    if token is None:
        return False
    clause = _clause_text(token)
    in_a_compass_area = token.lower_ in FRONT_CAMPAIGN_WORDS and bool(COMPASS_AREA_RE.search(clause))
    return bool(ON_A_FRONT_RE.search(clause)) or in_a_compass_area and not _local_place_in_clause(token, places_in)


def _accused_of_a_practice(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    """"Ukraine has accused Russia of using the plant as a base and shelling it": with no day, no
    toll and no town, what one side says the other does."""
    token = _token_at(passage, match.start())
    perfect = token is not None and token.tag_ == "VBN" and any(c.lower_ == "having" for c in token.children)
    if token is None or not (token.tag_ == "VBG" or perfect):  # "of shelling", "of having struck"
        return False
    listed = _list_head(token)
    return listed.dep_ == "pcomp" and listed.head.lower_ == "of" and _is_one_of(listed.head.head, ACCUSING_VERBS) \
        and not _local_place_in_clause(token, places_in)


def _on_a_country(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    """"since Russia launched its attack on Ukraine", "Russia attacked the neighbouring state": an attack
    on a whole country is the invasion, unless a town named with it makes it one strike ("an attack on
    Kharkiv in Ukraine")."""
    token = _token_at(passage, match.end() - 1)  # the noun of "launched its attack"
    if token is not None and token.pos_ == "VERB":
        return _attacks_a_country(token, places_in)
    if token is None or token.pos_ != "NOUN" or any(
            child.dep_ in ("compound", "amod") and (find_weapons(child.text) or child.lower_ in ("air", "aerial"))
            for child in token.children):
        return False  # "a missile attack on Ukraine" is a wave of strikes
    countries = {p.char_start for p in places_in if p.place_type == "country"}
    on_country = any(child.dep_ == "prep" and child.lower_ in ("on", "against")
                     and any(obj.dep_ == "pobj" and (obj.idx in countries or obj.lower_ in COUNTRY_NOUNS)
                             for obj in child.children)
                     for child in token.children)  # "the biggest attack on a European country since 1945"
    own = [t for child in token.children if child.dep_ not in ("conj", "cc") for t in child.subtree] + [token]
    last = max(own, key=lambda t: t.i)  # the noun's own phrase, not the "and sanctions against Moscow" after it
    end = last.idx + len(last)
    if not on_country:
        # the parse can hang the country on a later noun ("attack on Ukraine and Western sanctions"):
        # read "on <country>" straight after the noun, with nothing local in the phrase
        after = token.idx + len(token)
        on = ON_A_COUNTRY_AFTER_RE.match(token.doc.text, after)
        country = next((p for p in places_in if on and p.place_type == "country" and p.char_start == on.end()), None)
        on_country = country is not None and not _possessive_at(token.doc.text, country.char_end)
        end = country.char_end if on_country else end
    named_with_it = _places_within(places_in, token.left_edge.idx, end)
    return on_country and not any(p.place_type in LOCAL_PLACE_TYPES for p in named_with_it)


ON_A_COUNTRY_AFTER_RE = re.compile(r"\s+(?:on|against)\s+(?:the\s+)?", re.IGNORECASE)


COUNTRY_NOUNS = frozenset({"country", "countries", "nation", "nations", "state", "neighbour", "neighbor"})
INVADING_VERBS = frozenset({"attack", "invade", "surround"})


def _attacks_a_country(verb: Token, places_in: list[PlaceMention]) -> bool:
    """"Russia attacked the neighbouring state in late February", "has surrounded its neighbour with
    100,000 troops": the invasion, unless weapons or a town make it one strike ("attacked Ukraine
    with drones overnight")."""
    if not _is_one_of(verb, INVADING_VERBS):
        return False
    countries = {p.char_start for p in places_in if p.place_type == "country"}
    on_country = any(obj.dep_ == "dobj" and (obj.idx in countries or obj.lower_ in COUNTRY_NOUNS) for obj in verb.children)
    return on_country and not find_weapons(_clause_text(verb)) and not _local_place_in_clause(verb, places_in)


def _owned_generic_plural(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    """"as Putin ups his attacks on civilians" on a day that dates something else: attacks someone
    owns, in general, with no number and no town, are a campaign whatever the sentence's date."""
    token = _token_at(passage, match.start())
    return token is not None and any(child.dep_ == "poss" for child in token.children) \
        and _generic_plural(passage, match, places_in)


def _local_place_in_clause(token: Token, places_in: list[PlaceMention]) -> bool:
    return _names_a_town(token.doc.text, _places_in_clause(token, places_in))


def _names_a_town(text: str, places: list[PlaceMention]) -> bool:
    """A place below a region, not named as the one acting ("Moscow's recognition")."""
    return any(p.place_type in LOCAL_PLACE_TYPES and not _possessive_at(text, p.char_end) for p in places)


def _only_countries_in_clause(token: Token, places_in: list[PlaceMention]) -> bool:
    return all(p.place_type == "country" for p in _places_in_clause(token, places_in))


def _places_in_clause(token: Token, places_in: list[PlaceMention]) -> list[PlaceMention]:
    """The places inside the clause of the word's nearest verb."""
    return _places_within(places_in, *_clause_span(token))


def _clause_span(token: Token) -> tuple[int, int]:
    """Character span of the clause of the word's nearest verb."""
    clause = next((node for node in [token, *token.ancestors] if node.pos_ in ("VERB", "AUX")), token)
    return clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)


def _possessive_at(text: str, end: int) -> bool:
    """"the Kremlin's offensive": a place named as the one acting, not where it happens."""
    return text[end:end + 2] in ("'s", "’s")


def _under_attack(passage: Passage, match: re.Match) -> bool:
    """"when Irpin was under attack", "has come under renewed attack": a state, not one attack
    ("the city came under attack" tells one)."""
    token = _token_at(passage, match.start())
    if token is None or token.dep_ != "pobj" or token.head.lower_ != "under":
        return False
    verb = token.head.head
    return not (verb.pos_ == "VERB" and verb.tag_ == "VBD" and _lemma(verb) != "be")


LULL_RE = re.compile(
    r"\b(?:when|whenever|until|till|once|if|before)\s+(?:the\s+)?(?:[\w-]+\s+)?(?P<attack>[\w-]+(?:\s+raids?)?)\s+"
    r"(?:stops|stop|pauses|ends|ceases|subsides|eases|calms down|dies down|let?s up)\b", re.IGNORECASE)


def _waited_out(passage: Passage, match: re.Match) -> bool:
    """"able to work only when the shelling stops", "until the bombing ends": any shelling, waited
    out, not one attack."""
    return any(lull.start("attack") <= match.start() < lull.end("attack") for lull in LULL_RE.finditer(passage.text))


def _a_persons_attack(passage: Passage, match: re.Match) -> bool:
    """"Cameron's hostile attack contradicts ...": a person's attack is words (or a whole war,
    "Putin's attack on Ukraine"), not one strike."""
    token = _token_at(passage, match.start())
    return token is not None and _lemma(token) in ("attack", "assault") and any(
        child.dep_ == "poss" and child.ent_type_ == "PERSON" for child in token.children)


# "198 civilians had been killed so far": a running total, unless a town pins it to one attack.
CUMULATIVE_TOLL_RE = re.compile(
    rf"\b(?:{KILLED}|{INJURED})\b(?: [\w-]+){{0,3}} (?:so far|to date)\b|"
    rf"\b(?:have|has|had) already (?:been )?(?:{KILLED}|{INJURED})\b", re.IGNORECASE)


# "700 people were killed in a short border war", "160 fighters killed during the battle for Mariupol",
# "bodies of civilians killed during the occupation":
# the war's or a campaign's toll. One person "killed in the conflict" is still one death.
KILLED_IN_A_WAR_RE = re.compile(
    r"\b(?:killed|died|dead|perished) (?:by [\w'’-]+ )?(?:in|during|as a result of|because of|due to) (?:an? |the |this )?"
    r"(?:[\w'’-]+ ){0,5}?(?:war|conflict|invasion|occupation)\b|"
    r"\b(?:killed|died|dead|perished) (?:in|during) the (?:battle|siege|defen[cs]e) (?:for|of)\b",
    re.IGNORECASE)


def _killed_in_a_war(text: str, casualties: Casualties) -> bool:
    return bool(KILLED_IN_A_WAR_RE.search(text)) and any(c.quantity.value > 1 for c in casualties.counts)


def _a_war_death_told(text: str, places_in: list[PlaceMention]) -> bool:
    """"the Foreign Office announced that a UK national had been killed in the conflict": a death
    in the war with no town to it tells no attack, whatever day it was announced."""
    return bool(KILLED_IN_A_WAR_RE.search(text)) and not any(p.place_type in LOCAL_PLACE_TYPES for p in places_in)


DIED_IN_THE_WAR_RE = re.compile(r"(?:killed|died|dead|perished|fallen) (?:in (?:the|this) war\b|(?:in|by|during|as a result of) "
                                r"(?:the )?(?:[\w-]+ ){0,2}?(?:hostilities|military (?:actions?|operations?|activit(?:y|ies))))",
                                re.IGNORECASE)
WAR_NOUNS = frozenset({"war", "wars", "conflict", "invasion", "aggression"})
KILLING_WORDS = frozenset({"killed", "kill", "kills", "killing", "claimed", "claims", "claim"})


def _killed_by_a_war(sentence: Span) -> bool:
    return any(_war_is_the_killer(token) for token in sentence)


def _war_is_the_killer(token: Token) -> bool:
    """"a brutal war that has killed hundreds of civilians", "the conflict has claimed thousands of
    lives": the war as the killer is its toll, not one attack's."""
    if token.lower_ not in KILLING_WORDS or token.pos_ != "VERB":
        return False
    killers = [child for child in token.children if child.dep_ == "nsubj"]
    killers += [obj for child in token.children if child.dep_ == "agent" for obj in child.children]
    if token.dep_ == "relcl":
        killers.append(token.head)
    return any(killer.lower_ in WAR_NOUNS for killer in killers)


def _cumulative_toll(text: str, places_in: list[PlaceMention]) -> bool:
    return bool(CUMULATIVE_TOLL_RE.search(text)) and not any(p.place_type in LOCAL_PLACE_TYPES for p in places_in)


# "The blasts on Tuesday come one week after at least one person was killed in similar explosions":
# what follows is the toll of the earlier event
EARLIER_EVENT_AFTER_RE = re.compile(
    r"(?:,|\b(?:comes?|came|coming|follows?|followed))\s+(?:just\s+|only\s+|barely\s+)?"
    r"(?:a|an|one|two|three|four|five|six|several|a few|a couple of|\d+)\s+(?:days?|weeks?|months?)\s+after\b", re.IGNORECASE)


def _this_events_casualties(text: str, casualties: Casualties) -> Casualties:
    """A toll told before "two days after ..." is this event's, and the one after it the earlier event's."""
    earlier = EARLIER_EVENT_AFTER_RE.search(text)
    before = [c for c in casualties.counts if earlier and c.quantity.start < earlier.start()]
    if not before:
        return casualties
    return Casualties(before, casualties.zero_killed, casualties.zero_injured)


def _only_an_earlier_events_toll(text: str, casualties: Casualties) -> bool:
    """"The blasts on Tuesday come a week after one person was killed": the toll is of the earlier event,
    whose day is not Tuesday."""
    earlier = EARLIER_EVENT_AFTER_RE.search(text)
    return bool(earlier and casualties.counts and all(c.quantity.start >= earlier.start() for c in casualties.counts))


# A link to another story ("Related: Mariupol survivors on ..."), not this article's report.
LINK_LINE_RE = re.compile(r"(?:Related|READ MORE|Read more|See also|WATCH|Watch)\s*:|Other Topics of Interest\b", re.IGNORECASE)


NAMED_FOR_GAP_RE = re.compile(r"\s*(?:counter-?\s*)?", re.IGNORECASE)


def _named_for_a_place(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    return any(NAMED_FOR_GAP_RE.fullmatch(passage.text[p.char_end - passage.start:match.start()])
               for p in places_in if p.char_end - passage.start <= match.start())


FOCUSING_VERBS = frozenset({"concentrate", "focus", "refocus", "shift", "redirect", "redeploy", "switch"})


def _superlative(token: Token) -> bool:
    """"the fiercest fighting", "the most important battles", "where the battles were the heaviest"."""
    return token.tag_ == "JJS" or any(child.tag_ == "JJS" or child.dep_ == "amod" and any(
        grand.tag_ == "RBS" for grand in child.children) for child in token.children)


def _names_a_campaign(passage: Passage, match: re.Match, places_in: list[PlaceMention]) -> bool:
    """The trigger names the campaign, and no town in its clause pins it down ("launched an
    offensive near Izium" is a battle there)."""
    token = _token_at(passage, match.start())
    if token is None:
        return False
    objects = [child for child in token.children if child.dep_ == "dobj"]
    battle_for = _battle_for(token)
    if token.lower_ in COMBAT_WORDS and (_superlative(token) or token.dep_ == "nsubj" and any(
            child.dep_ in ("acomp", "attr") and _superlative(child) for child in token.head.children)):
        return True  # "the longest and bloodiest battle of the war", "the fiercest fighting": a campaign, wherever it is
    if _named_battle(token):
        return True  # "victory in the battle for Kyiv": the named battle, weeks long
    if any(child.dep_ == "amod" and child.lower_ in ("unprovoked", "full-scale") for child in token.children):
        return True  # "an unprovoked attack that has shocked the world": the invasion
    if token.dep_ == "nsubj" and _is_one_of(token.head, FAILING_VERBS):
        return True  # "the attack on Kyiv failed": the offensive, as a whole
    if token.dep_ == "dobj" and _is_one_of(token.head, FOCUSING_VERBS):
        return True  # "forces have concentrated their assault on the city": where a campaign bears down
    if match.group(0).lower() in CAMPAIGN_WORDS and _named_for_a_place(passage, match, places_in):
        return True  # "bullish over the Kherson offensive", "its Kharkiv counter-offensive": a campaign named for a place
    if token.lower_ in COMBAT_WORDS and COMBAT_PERIOD_RE.search(_clause_text(token)):
        return True  # "there has been intensive fighting in the area this week": the week's fighting
    campaign = battle_for or token.lower_ in CAMPAIGN_WORDS or match.group(0).lower() in CAMPAIGN_WORDS \
        or (bool(objects) and all(child.lower_ in CAMPAIGN_WORDS for child in objects)) \
        or (token.lower_ in COMBAT_WORDS and _region_in_clause(token, places_in))
    capitals = capital_keys()
    return campaign and not _names_a_town(token.doc.text, [
        p for p in _places_in_clause(token, places_in)
        if not (_named_as_origin_or_time(token, p)
                or _stands_for_an_actor(_token_at_char(token.sent, p.char_start), p, capitals))])  # "with Kyiv barring journalists"


# "an offensive to seize the Donbas after withdrawing from areas around Kyiv": a place the campaign
# came from, or one in a clause that only dates it, is not where the campaign is.
# "an offensive from Belgorod towards Kharkiv" still goes towards Kharkiv.
ORIGIN_OR_TIME_PREPS = frozenset({"from", "after", "before", "since", "following"})
DIRECTION_PREPS = frozenset({"towards", "toward", "on", "against", "into", "near", "at", "in"})


def _named_as_origin_or_time(trigger: Token, place: PlaceMention) -> bool:
    token = _token_at_char(trigger.sent, place.char_start)
    for node in token.ancestors if token is not None else ():
        if node.dep_ == "prep" and node.lower_ in DIRECTION_PREPS:
            return False
        if node.dep_ == "prep" and node.lower_ in ORIGIN_OR_TIME_PREPS:
            return node.lower_ != "from" or node.head.pos_ == "VERB"  # "footage from Kharkiv" shows Kharkiv
    return False


def _battle_for(token: Token) -> bool:
    """"the battle for the Donbas", "won the battle of Kharkiv"."""
    return token.lower_ in ("battle", "fight", "fighting", "struggle") and any(
        child.dep_ == "prep" and (child.lower_ in ("for", "over") or child.lower_ == "of" and token.lower_ == "battle")
        for child in token.children)


def _named_battle(token: Token) -> bool:
    return _battle_for(token) and any(child.dep_ == "det" and child.lower_ == "the" for child in token.children)


# Fighting over a whole region ("the fighting in Donbass was hell", "an assault to seize the eastern
# Donbas region") is the campaign there; a town makes it one battle.
COMBAT_WORDS = frozenset({"fighting", "fight", "fights", "battle", "battles", "assault", "assaults", "clashes",
                          "combat", "hostilities"})
FRONT_COMBAT_WORDS = COMBAT_WORDS | {"clashed", "fought"}  # "clashed along the eastern front line"


FAILING_VERBS = frozenset({"fail", "stall", "collapse", "falter", "fizzle"})
COMBAT_PERIOD_RE = re.compile(r"\bthis (?:week|month|year)\b|\bin recent (?:days|weeks|months)\b|"
                              r"\bfor (?:days|weeks|months)\b", re.IGNORECASE)


def _clause_text(token: Token) -> str:
    start, end = _clause_span(token)
    return token.doc.text[start:end]


def _own_clause_text(token: Token) -> str:
    """The clause of the word's nearest verb without the clauses hanging on it that do not hold the
    word ("captured the city, as missiles hit several cities" -> "captured the city,")."""
    clause = next((node for node in [token, *token.ancestors] if node.pos_ in ("VERB", "AUX")), token)
    held = {token.i, *(node.i for node in token.ancestors)}
    left_out = {t.i for child in clause.children if child.dep_ in ("advcl", "ccomp", "conj", "parataxis")
                and child.i not in held for t in child.subtree}
    return " ".join(t.text for t in clause.subtree if t.i not in left_out)


def _region_in_clause(token: Token, places_in: list[PlaceMention]) -> bool:
    return any(p.place_type == "region" for p in _places_in_clause(token, places_in))


SHORT_QUOTE_RE = re.compile(r"[\"“‘](?P<inside>[^\"“”‘’\n]{1,60})[\"”’]")
SHORT_QUOTE_WORDS = 5
# A whole quoted noun phrase is the source's own account of the event ("“a high-precision strike” was
# conducted on ..."); a bare term is a label held up for comment.
QUOTED_NOUN_PHRASE_RE = re.compile(r"(?:a|an|the)\s", re.IGNORECASE)


def _scare_quoted(text: str, match: re.Match) -> bool:
    """The trigger sits in a short quoted term ("unpredictable aggression", "assassination of the
    state"): words held up for comment, not a report."""
    return any(
        quote.start("inside") <= match.start() and match.end() <= quote.end("inside")
        and len(quote.group("inside").split()) <= SHORT_QUOTE_WORDS
        and not quote.group("inside").rstrip().endswith((",", ".", "!", "?"))  # a short statement: "Kyiv was hit."
        and not QUOTED_NOUN_PHRASE_RE.match(quote.group("inside"))
        for quote in SHORT_QUOTE_RE.finditer(text)
    )


TIME_MARKS = frozenset({"when", "while", "as", "after", "before", "because", "since", "until"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
CONDITION_BEFORE_RE = re.compile(r"\b(?:as long as|in the event of|in case of|in case)\b[^.;:]*$", re.IGNORECASE)


PROTECTING_VERBS = frozenset({"defend", "protect", "shield", "guard", "safeguard", "insulate", "secure"})
UNCERTAIN_PREDICATES = frozenset({"possible", "likely", "unlikely", "probable", "imminent", "inevitable", "expected",
                                  "feared", "looming"})
EXPOSURE_ADJECTIVES = frozenset({"vulnerable", "susceptible", "exposed", "prone"})


def _hypothetical(passage: Passage, match: re.Match) -> bool:
    """A threat, plan, condition or modal around the trigger ("could strike", "threatened to attack")."""
    lex = lexicon()
    token = _token_at(passage, match.start())
    if token is None:
        return False
    if _what_a_thing_is_for(token) or token.dep_ == "dobj" and _what_a_thing_is_for(token.head):
        return True  # "weapons to strike Russia", "enough forces to repel Russian attacks": what a thing is for
    if token.pos_ == "VERB" and any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children) \
            and any(child.dep_ == "mark" and child.lower_ == "for" for child in token.children):
        return True  # "legitimate for Russian forces to be striking targets": judged, not told
    if token.dep_ in ("nsubj", "nsubjpass", "csubj") and any(child.dep_ == "acomp" and child.lower_ in UNCERTAIN_PREDICATES
                                                   for child in token.head.children):
        return True  # "an attack was possible", "a strike is likely"
    node: Token = token
    for _ in range(6):
        if any(child.dep_ == "mark" and child.lower_ in CONDITION_MARKS for child in node.children):
            return True
        if node.dep_ == "xcomp" and node.head.lower_ in ("going", "gon"):  # spaCy splits "gonna" into "gon" "na"
            return True  # "Moscow is not going to attack anyone": a plan, or its denial
        if node.pos_ in ("VERB", "AUX"):
            if any(child.dep_ == "aux" and child.lower_ in lex.modals for child in node.children):
                return True
            if node is not token and _is_one_of(node, lex.hypothetical_lemmas):
                return True
            if any(child.dep_ == "nsubj" and (child.lower_ in lex.hypothetical_nouns or any(
                    of.lower_ == "of" and any(obj.lower_ in lex.hypothetical_nouns for obj in of.children)
                    for of in child.children)) for child in node.children):
                # "the scenario of an invasion related to the attack on Kiev is less likely", "one of
                # the scenarios is a quick attack on Kiev"
                return True
            if node.dep_ in ("relcl", "acl") and node.head.lower_ in lex.hypothetical_nouns:
                return True  # "a likelihood that forces have bombarded the plant": the clause is what might be
            # clauses that inherit their mood from the verb above ("a coup that would involve
            # saboteurs attacking state institutions")
            if node.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "pcomp", "conj", "prep") or node.head is node:
                break
            if node.dep_ == "conj" and any(child.dep_ == "mark" and child.lower_ in CONDITION_MARKS
                                           for child in node.head.children):
                return True  # "if they get injured or their guide gets killed": the condition covers both
            if node.dep_ == "conj" and node.tag_ not in ("VB", "VBG"):
                break  # "warned of retaliation and struck Kyiv": a tensed verb of its own; "from continuing and striking" shares its mood
            if node.tag_ not in ("VB", "VBG") and any(child.dep_ in ("mark", "advmod") and child.lower_ in TIME_MARKS
                                                      for child in node.children):
                break  # "preparing an assault when they came under fire": the clause tells what happened
                # ("could damage the plant while blaming the attack on Kyiv" shares the mood)
            if node.dep_ == "ccomp" and node.tag_ in ("VBD", "VBZ", "VBP"):
                break  # "Kyiv warned that supplies are low after Russian strikes": a tensed clause states a fact
        elif node is not token and node.lower_ in lex.hypothetical_nouns:
            return True
        if node.head is node:
            break
        node = node.head
    # "as long as our allies are not attacked", "in the event of an attack"
    if CONDITION_BEFORE_RE.search(passage.text[max(0, match.start() - 80):match.start()]):
        return True
    # "warned of a massive attack", "the threat of strikes"
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ in EXPOSURE_ADJECTIVES:
        return True  # "servers vulnerable to aerial attack": what could happen
    if token.dep_ == "pobj" and head.lower_ in ("from", "against") and _is_one_of(head.head, PROTECTING_VERBS):
        return True  # "the only way to defend Europe from a Soviet attack": what is guarded against
    if token.dep_ == "pobj" and head.lower_ in ("of", "about", "against", "for") and _is_one_of(head.head, lex.hypothetical_lemmas | lex.hypothetical_nouns):
        return True
    return bool(token.dep_ in ("dobj", "nsubjpass") and _is_one_of(head, lex.hypothetical_lemmas))


def _what_a_thing_is_for(verb: Token) -> bool:
    """An infinitive that modifies a noun ("weapons to strike"): a purpose, not an act."""
    return verb.tag_ == "VB" and verb.dep_ in ("acl", "relcl") and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def _is_one_of(token: Token, lemmas: frozenset[str]) -> bool:
    """Lemma membership that also works when the pipeline runs without a lemmatizer
    ("threatened" -> "threaten"): the word must be the lemma plus an inflection."""
    word = token.lemma_.lower() if token.lemma_ else token.lower_
    if word in lemmas:
        return True
    stem = re.sub(r"(?:ed|ing|s|es|d)$", "", word)
    return stem in lemmas or stem + "e" in lemmas \
        or stem[:-1] in lemmas and len(stem) > 3 and stem[-1] == stem[-2]  # "preparing", "planned"


def _token_at(passage: Passage, offset_in_passage: int) -> Token | None:
    return _token_at_char(passage.sentence, passage.start + offset_in_passage)


# --- places and dates ----------------------------------------------------------------------------

# Each dependency edge between a place and the attack words costs this much specificity rank:
# "strikes on Kyiv" beats "meeting in Pretoria ... following strikes on Kyiv", while a city a few
# edges away still beats the country it belongs to ("Ukraine's city of Kharkiv came under attack").
EDGE_COST = 0.75
FAR_EDGES = 8
# A place that is the subject of these verbs, or what they act on, speaks or is spoken to: it is an
# actor ("Moscow said", "condemned Moscow for the strikes"), not where the attack happened.
ACTOR_VERBS = frozenset({
    "say", "said", "says", "condemn", "react", "respond", "accuse", "blame", "claim", "deny", "announce",
    "warn", "urge", "call", "demand", "criticize", "criticise", "welcome", "insist", "reject", "confirm",
    "state", "add", "tell", "vow", "threaten", "promise", "agree", "support", "sanction", "praise", "thank",
    "meet", "host", "visit", "ask", "decide", "want", "hope", "believe", "think",
    "annex", "occupy", "control", "install", "appoint", "dismiss",  # "a region annexed by Moscow": the state that holds it
})


def _an_actor_verb(verb: Token) -> bool:
    return _is_one_of(verb, ACTOR_VERBS)  # "blamed", "condemned", "accusing"


# Nouns a place's government owns when the place name is their possessor ("Moscow's way").
ACTION_NOUNS = frozenset({
    "way", "failure", "forces", "troops", "army", "military", "war", "invasion", "offensive", "campaign",
    "aggression", "hold", "strategy", "decision", "claim", "claims", "response", "attempt", "plan", "plans",
    "attacks", "attack", "strikes", "strike", "missiles", "drones", "shelling", "bombardment", "actions",
    "refusal", "demands", "goal", "goals", "aims", "ambitions", "intentions", "tactics", "retaliation",
    "role", "involvement", "responsibility", "guilt", "denial", "accusations", "version", "account",
    "counter", "counteroffensive", "counter-offensive", "assault", "onslaught",  # "Kyiv's ongoing counter-attack"
    "ability", "capacity", "capability", "capabilities", "efforts", "effort", "supply", "supplies",  # "cut Moscow's ability to supply"
    "might", "objections", "objection", "protests", "warnings", "threats", "position", "stance", "policy", "interests",
    "allies", "friends", "enemies", "opponents", "objectives", "pressure", "support", "backing", "orders",
})
GOVERNMENT_NOUNS = frozenset({"regime", "government", "authorities", "administration", "leadership", "officials"})
# "Russia's defence ministry", "Kyiv's commandos": the state's bodies and people, named after it
STATE_BODY_NOUNS = GOVERNMENT_NOUNS | frozenset({
    "ministry", "president", "leader", "leaders", "embassy", "parliament", "ambassador", "envoy", "spokesman",
    "spokeswoman", "spokesperson", "navy", "commandos", "soldiers", "units", "saboteurs", "servicemen",
    "militaries", "intelligence", "diplomats", "minister", "prosecutors", "representatives", "fleet", "warships",
    "ships", "vessels"})


@lru_cache(maxsize=1)
def capital_keys() -> frozenset[str]:
    return frozenset(place.key for place in gazetteer.index().capitals.values())


# "a holiday house used for refugees, primarily from Mariupol": where people fled from, not where the blast was
DISPLACED_FROM_RE = re.compile(r"\b(?:refugees|evacuees|displaced(?: people| persons)?)\b[^.;]{0,25}?\bfrom\s+"
                               r"(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)
# "soldiers headed for the Donbas were destroyed": where the victims were going
DESTINATION_BEFORE_RE = re.compile(r"\b(?:headed|heading|bound|en route|on (?:its|their|his|her) way) "
                                   r"(?:for|to|towards?)\s+(?:the\s+)?$", re.IGNORECASE)
# "near the border with Poland": the country across the border, not where the attack was
ACROSS_A_BORDER_BEFORE_RE = re.compile(r"\b(?:borders? with|bordering)\s+(?:the\s+)?$", re.IGNORECASE)
ELSEWHERE_PENALTY = 5.0  # a dateline or someone's home town: used only when no other place is named
# A town this far from the attack only tells the reader where it is; a nearer one is where ACLED codes it.
FAR_REFERENCE_KM = 50
DISTANCE_BEFORE_RE = re.compile(r"(?P<n>\d[\d,.]*)\s*(?P<unit>km|kilomet(?:er|re)s?|miles?|mi)\s+(?:\(\s*[\d,.]+\s*\w+\s*\)\s+)?"
                                r"(?:(?:north|south|east|west)(?:-?(?:north|south|east|west))?(?:ern)?\s+of|from|away from)"
                                r"\s+(?:the\s+)?(?:\w+\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)


def _far_reference(before: str) -> bool:
    """"about 180 miles west of Kyiv", "600 km from Moscow": a distance from the place, not at it."""
    found = DISTANCE_BEFORE_RE.search(before)
    if not found:
        return False
    km = float(found.group("n").replace(",", "")) * (1.609 if found.group("unit").lower().startswith("mi") else 1)
    return km >= FAR_REFERENCE_KM


def best_place(text: str, start: int, places_in: list[PlaceMention], anchors: list[Token] | None = None) -> PlaceMention | None:
    """The most specific place near the attack words in the parse; one written as a direction
    ("north of X") or origin ("from X") ranks lower, one acting as a speaker is left out."""
    anchors = anchors or []
    capitals = capital_keys()
    candidates = [p for p in places_in if not (anchors and _stands_for_an_actor(
        _token_at_char(anchors[0].sent, p.char_start), p, capitals))
        and not DISPLACED_FROM_RE.search(text[max(0, p.char_start - start - 50):p.char_start - start])
        and not DESTINATION_BEFORE_RE.search(text[max(0, p.char_start - start - 30):p.char_start - start])
        and not (p.place_type == "country"
                 and ACROSS_A_BORDER_BEFORE_RE.search(text[max(0, p.char_start - start - 20):p.char_start - start]))
        and not (anchors and _in_an_earlier_event(_token_at_char(anchors[0].sent, p.char_start), anchors))
        and not _a_world_region(p)]

    dateline = DATELINE_RE.match(text)  # "PHILADELPHIA (CBS) --": where the report was filed

    def score(place: PlaceMention) -> tuple[float, int]:
        before = text[max(0, place.char_start - start - 25):place.char_start - start].lower()
        penalty = 0.5 if re.search(r"(?:of|from|near|outside)\s+(?:the\s+)?(?:(?:city|capital|port|town)\s+(?:of\s+)?)?$", before) and re.search(r"\b(?:north|south|east|west|\w+-\w+ern|\w+ern|from|km|kilomet\w+|miles)\b", before) \
            and not NAMING_APPOSITION_RE.search(before) else 0.0
        if penalty and any(other.place_type in LOCAL_PLACE_TYPES and other.place_key != place.place_key
                           for other in candidates):
            # "Irpin, a town west of the capital, where ...", "Just north of Kherson, Russia fired
            # missiles into Mykolaiv": the town a direction starts from only locates the other one
            penalty = ELSEWHERE_PENALTY
        if re.search(r"\bfrom\s+(?:the\s+)?$", before):
            penalty = 0.5
        if _far_reference(text[max(0, place.char_start - start - 40):place.char_start - start]):
            penalty = ELSEWHERE_PENALTY  # "targets in the Khmelnytskyi region, about 180 miles west of Kyiv"
        token = _token_at_char(anchors[0].sent, place.char_start) if anchors else None
        if token is not None and token.head.lower_ == "from" and token.head.head.pos_ in ("PROPN", "NUM"):
            penalty = ELSEWHERE_PENALTY  # "Trevor Kjeldal, 40, from Brisbane": where someone is from
        if dateline and place.char_start - start == dateline.start(1):
            penalty = ELSEWHERE_PENALTY
        if re.search(r"\belsewhere in (?:the )?$", before):
            penalty = ELSEWHERE_PENALTY  # "Elsewhere in Ukraine, one person was killed ... in the Mykolaiv region"
        if token is not None and _describes_another_place(token, place, candidates):
            penalty = ELSEWHERE_PENALTY  # "in Donetsk province, which together with Lugansk makes up the Donbas"
        edges = _edges_to(token, anchors) if anchors else 0
        return PLACE_RANK.get(place.place_type, 2) + penalty + EDGE_COST * edges, place.char_start
    return min(candidates, key=score) if candidates else None


def _describes_another_place(token: Token, place: PlaceMention, candidates: list[PlaceMention]) -> bool:
    """The place is named in a relative clause ("which ...") about another place of the passage."""
    clause = next((node for node in token.ancestors if node.dep_ == "relcl"), None)
    if clause is None or not any(child.lower_ in ("which", "that", "where") for child in clause.children):
        return False
    head = clause.head
    return any(other.place_key != place.place_key and other.char_start <= head.idx < other.char_end
               for other in candidates)


def _a_world_region(place: PlaceMention) -> bool:
    """"holding Europe hostage", "the Middle East": no attack is coded to a continent."""
    return place.place_key.startswith("gaz:world-")


def _in_an_earlier_event(token: Token | None, anchors: list[Token]) -> bool:
    """"killing civilians after a blast on the Crimean Bridge", "strikes in retaliation for the attack on
    the bridge": the place of the event that came before, when the attack words are outside that phrase."""
    if token is None:
        return False
    for ancestor in token.ancestors:
        cause = ancestor.lower_ in ("after", "following") or (
            ancestor.lower_ in ("for", "to") and ancestor.head.lower_ in ("retaliation", "revenge", "response", "reprisal"))
        if not cause or ancestor.dep_ not in ("prep", "mark"):
            continue
        outside = [anchor for anchor in anchors if not (anchor.i == ancestor.i or ancestor in anchor.ancestors)]
        if any(OUTCOME_WORD_RE.match(word.text) for word in ancestor.subtree):
            return False  # "comes a week after a bombardment of Ukraine that killed 19": the toll is the phrase's
        # "three killed after a strike on Kramatorsk": the harm is of the strike the phrase tells
        return any(not OUTCOME_WORD_RE.match(anchor.text) for anchor in outside)
    return False


OUTCOME_WORD_RE = re.compile(r"^(?:kill|die|dead|death|wound|injur|hurt|destroy|damag)", re.IGNORECASE)


# "the northern Ukrainian city of Chernihiv": the words before name the place itself, not a bearing from it
NAMING_APPOSITION_RE = re.compile(r"\b\w+ern (?:[\w-]+ )?(?:city|capital|port|town|village) of\s+$")


def _token_at_char(sentence: Span, char: int) -> Token | None:
    for token in sentence:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.lower_).lower()


STANCE_WORDS = frozenset({"disappointed", "concerned", "outraged", "angered", "alarmed", "worried", "ready",
                          "determined", "willing", "unwilling", "satisfied", "dissatisfied", "furious", "shocked",
                          "committed", "opposed", "responsible", "culpable", "guilty"})


def _acts_as_actor(token: Token | None, government: bool = False) -> bool:
    """"Moscow said", "condemned Moscow", "the Moscow-appointed governor"; and, of a country or a
    capital (a seat of government), "Moscow has targeted power plants", "Moscow's failure": the
    place name stands for an actor."""
    if token is None:
        return False
    if government and token.dep_ == "compound" and token.head.lower_ in GOVERNMENT_NOUNS:
        return True  # "the Kyiv regime", "the Moscow authorities"
    if government and token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.lower_ in GOVERNMENT_NOUNS:
        return True  # "the government in Kiev accused Russia of the attack"
    if government and token.dep_ in ("compound", "amod", "nmod") and (_is_person_noun(token.head)
                                                                       or token.head.lower_ in FORCE_NOUNS):
        return True  # "a U.S. citizen killed in Ukraine", "UK special forces": a nationality, not where he died
    while token.dep_ in ("compound", "flat", "conj") and token.head is not token:
        token = token.head
    head = token.head
    if token.dep_ in ("nsubj", "dobj") and _an_actor_verb(head) and (government or not _is_one_of(head, HOSTING_VERBS)):
        return True  # "Moscow said", "visited Moscow"; a town visited is still a place
    if token.dep_ == "pobj" and head.dep_ == "agent" and _an_actor_verb(head.head):
        return True  # "a claim rejected by Kiev", "the strike was condemned by Kiev"
    if token.dep_ == "pobj" and head.lower_ in ("on", "to") and _is_one_of(head.head, BLAMING_VERBS):
        return True  # "Moscow blamed the blast on Kyiv", "an attack attributed to Kyiv": the side blamed
    hyphenated = token.i + 1 < len(token.doc) and token.nbor(1).text == "-"
    if token.dep_ == "npadvmod" and head.tag_ == "VBN" and hyphenated:
        return True
    if (token.dep_ in ("poss", "nsubj") and head.tag_ == "JJS") or (token.dep_ == "poss" and any(
            child.tag_ == "JJS" for child in head.children)):
        return True  # "Europe's largest nuclear plant", "the plant, Europe's largest": somewhere in Europe
    if not government:
        return False
    following = token.doc[token.i + 1:token.i + 3]
    if token.dep_ != "pobj" and any(word.dep_ == "nsubj" and word.lower_ in ("that", "which", "who") and word.head.pos_ == "VERB"
           and word.head.lower_ not in COPULAS for word in following):
        return True  # "it was in fact Russia that shelled the facility", "Moscow, which launched the war"
    if token.dep_ == "dobj" and any(child.dep_ == "xcomp" for child in head.children):
        return True  # "the offensive had prompted Kiev to leave behind its strategy": the government made to act
    if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True  # "according to Moscow, the attack killed 47"
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].text in ("–", "—", "-") and (
            token.i + 1 == len(doc) or doc[token.i + 1].is_punct or doc[token.i + 1].is_space):
        return True  # a headline's source: "Mercenaries shot allied troops – Moscow"
    if token.dep_ in ("nsubj", "nsubjpass") and (head.lower_ in STANCE_WORDS or any(
            child.dep_ == "acomp" and child.lower_ in STANCE_WORDS for child in head.children)):
        return True  # "Kiev was disappointed with remarks on the assassination", "claiming Kyiv was responsible"
    if token.dep_ == "nsubj" and head.pos_ == "VERB":
        # a capital that acts on something is its government ("Kyiv came under fire" acts on nothing;
        # "Moscow sought to blame Kyiv" acts, and so does "Kyiv stopped short of claiming responsibility")
        return any(child.dep_ in ("dobj", "ccomp", "xcomp") for child in head.children) or any(
            prep.dep_ == "prep" and prep.lower_ == "of" and any(grand.dep_ == "pcomp" and grand.tag_ == "VBG"
                                                                for grand in prep.children)
            for child in head.children if child is not token for prep in [child, *child.children])
    if token.dep_ == "pobj" and head.lower_ in ("with", "between", "against") and head.head.lower_ in DEALINGS_NOUNS:
        return True  # "any agreements with Moscow", "sanctions against Moscow": the government dealt with
    return token.dep_ == "poss" and (head.lower_ in ACTION_NOUNS or head.lower_ in STATE_BODY_NOUNS)


FORCE_NOUNS = frozenset({"forces", "army", "navy", "military", "units", "brigade", "brigades", "battalion",
                         "battalions", "regiment", "regiments", "contingent"})
BLAMING_VERBS = frozenset({"blame", "attribute", "pin"})
HOSTING_VERBS = frozenset({"meet", "host", "visit"})
# What one has with a government, not in a city.
DEALINGS_NOUNS = frozenset({"agreement", "agreements", "talks", "dialogue", "negotiations", "relations", "ties",
                            "deal", "deals", "contacts", "cooperation", "sanctions", "treaty", "accord", "peace"})


def _edges_to(token: Token | None, anchors: list[Token]) -> int:
    """Dependency edges from `token` to the nearest anchor (capped)."""
    if token is None:
        return FAR_EDGES
    path = {t.i: depth for depth, t in enumerate([token, *token.ancestors])}
    best = FAR_EDGES
    for anchor in anchors:
        for depth, node in enumerate([anchor, *anchor.ancestors]):
            if node.i in path:
                best = min(best, depth + path[node.i])
                break
    return best


def _dates_the_report(passage: Passage, offset: int) -> bool:
    """The date hangs on a speech verb or a report in the parse ("said on Saturday", "according to
    an update on Wednesday"), not on the event."""
    node = _token_at(passage, offset)
    for _ in range(4):
        if node is None or node.head is node:
            return False
        node = node.head
        if not passage.start <= node.idx < passage.end:
            return False  # the parse ran into the title line above ("Report ..."): not this passage's verb
        if node.pos_ == "NOUN" and node.lower_ in REPORT_NOUNS:
            return True
        if node.pos_ in ("VERB", "AUX"):
            verb = _lemma(node)
            return verb in SPEECH_VERBS or re.sub(r"(?:ed|s|d)$", "", verb) in SPEECH_VERBS
    return False


@dataclass
class DateRead:
    value: date | None
    text: str | None
    historical: bool
    precision: str = "day"  # day, month or year
    long_past: bool = False  # more than HISTORY_BEFORE_YEARS before publication


# "since 8 July last year" is the baseline of a comparison, not the day of the attack.
BASELINE_BEFORE_RE = re.compile(r"\b(?:since|until|till|as of)\s+(?:the\s+)?$", re.IGNORECASE)
# The passage dates its event against another event, whose day it does not say.
RELATIVE_TO_EVENT_RE = re.compile(
    r"\b(?:(?:a few|several|some|a couple of|a|an|one|two|three|four|five|\d+) (?:days?|weeks?|months?|years?) "
    r"(?:before|after|earlier|later)|(?:before|after|earlier than) that|"
    r"the (?:day|week|month|year) (?:before|after) (?:that|the))\b",
    re.IGNORECASE,
)


# "killed by rocket fire earlier in the day": the day the story is telling, not the publication day
SAME_DAY_AS_TOLD_RE = re.compile(r"(?:earlier|later) in the day", re.IGNORECASE)


REPORT_NOUNS = frozenset({"update", "report", "statement", "briefing", "announcement", "address", "interview",
                          "speech", "post"})
SPEECH_VERBS = frozenset({"say", "said", "says", "tell", "told", "announce", "report", "confirm", "add", "write",
                          "wrote", "state", "claim", "warn", "post", "declare", "note", "update", "estimate",
                          "estimated", "recall", "cite", "cited", "quote", "quoted", "mention", "recount"})


def read_date(text: str, published: date | None, passage: Passage | None = None) -> DateRead | None:
    """The passage's own date, or None when it names none. A date that belongs to the report
    ("the minister said on Saturday that ...") or is a baseline ("since 8 July") is not the
    attack's."""
    found = [m for m in dates.find_dates(text, published)
             if not BASELINE_BEFORE_RE.search(text[max(0, m.start - 8):m.start])
             and not SAME_DAY_AS_TOLD_RE.fullmatch(m.text)
             and not (passage and _dates_the_report(passage, m.start))]
    if not found:
        return None
    day = next((m for m in found if m.precision == "day"), None)
    if day:
        historical = bool(published and day.value < published - HISTORICAL_AFTER)
        # "Tonight reminds me of the bombing of Hiroshima in August 1945": the passage tells of history
        long_past = any(_long_past(m.value, published) for m in found)
        return DateRead(day.value, day.text, historical, long_past=long_past)
    coarse = found[0]
    historical = bool(published and (coarse.value.year, coarse.value.month if coarse.precision == "month" else 12) < (published.year, published.month) and coarse.value < published - HISTORICAL_AFTER)
    return DateRead(None, coarse.text, historical, coarse.precision, _long_past(coarse.value, published))


def _long_past(value: date, published: date | None) -> bool:
    return bool(published and value.year < published.year - HISTORY_BEFORE_YEARS)


ANNIVERSARY_RE = re.compile(r"\bmark(?:s|ed|ing)? (?:\w+ ){0,3}(?:days|weeks|months|years?) since\b|\banniversary of\b",
                            re.IGNORECASE)
# "In World War II, the secret police destroyed this dam": history ("the worst since World War II" is not)
WORLD_WAR_RE = re.compile(r"\b(?:in|during) (?:the )?(?:World War (?:II|Two|2|I|One|1)|(?:Second|First) World War|WWII|WW2|"
                          r"Great Patriotic War)\b", re.IGNORECASE)
YEAR_BEFORE_RE = re.compile(r"\b(?P<year>(?:19|20)\d\d)\s+(?:[\w-]+\s+)?$")


def _done_by_an_aircraft(passage: Passage, match: re.Match) -> bool:
    """"the Su-34 bomber which destroyed an apartment block", "when the aircraft hit the yard"."""
    token = _token_at(passage, match.start())
    if token is None:
        return False
    agents = [child for child in token.children if child.dep_ in ("nsubj", "agent")]
    if token.dep_ == "relcl":
        agents.append(token.head)
    doc = token.doc
    # the antecedent of "which" is the noun before it, wherever the parser hangs the clause
    agents += [doc[agent.i - 1] for agent in agents if agent.lower_ in ("which", "that") and agent.i > 0]
    agents += [grand for agent in agents if agent.dep_ == "agent" for grand in agent.children]
    return any(AIRCRAFT_NOUN_RE.match(agent.text) for agent in agents)


def _named_by_an_old_year(text: str, match: re.Match, published: date | None) -> bool:
    year = YEAR_BEFORE_RE.search(text[max(0, match.start() - 30):match.start()])
    return bool(year) and _long_past(date(int(year["year"]), 1, 1), published)


# --- the extractor -------------------------------------------------------------------------------

ACCIDENT_RE = re.compile(r"\b(?:crash(?:ed|es)?|plummet\w*|training (?:flight|mission|sortie)|accident\w*|"
                         r"short[- ]circuit\w*|pyrotechnic\w*|gas (?:leak|explosion|cylinder)s?|household gas|"
                         r"electrical (?:fault|failure)s?|faulty wiring|safety (?:rules|regulations|violations?)|negligence|"
                         r"collid\w+|collision|drown\w*|derail\w*|heart attack|flare gun|blaze|inferno|start(?:ed|ing)? a fire|"
                         r"crowd (?:surge|crush)|crush|stampede|earthquake|landslide|avalanche|wildfires?|forest fires?|"
                         r"hurricane|typhoon|heatwave|drought)\b",
                         re.IGNORECASE)
GUIDANCE_RE = re.compile(r"\b(?:what|how) to (?:do|act|behave|react|respond|survive|shelter)\b|"
                         r"\bin (?:the )?(?:case|event) of (?:an? |any )", re.IGNORECASE)
DEATH_WORD_RE = re.compile(r"(?:killed|killing|died|dead)\b", re.IGNORECASE)
EXPLOSION_WORD_RE = re.compile(r"(?:explo\w+|blasts?|burst|detonat\w+)\b", re.IGNORECASE)
# A manned aircraft that blew up or fell by itself: an accident unless something hit it.
AIRCRAFT_MISHAP_RE = re.compile(r"\b(?:(?:war)?planes?|jets?|bombers?|aircraft|airliners?|helicopters?)\b[^.;,]{0,40}?\b"
                                r"(?:explode[sd]|blew up|blows up|plummet(?:ed|s)|crash(?:ed|es)|c[oa]me?s? down|went down|goes down|fell|falls|"
                                r"caught fire|catches fire|plunge[sd] into|plough(?:ed|s) into|plow(?:ed|s) into|slam(?:med|s) into|"
                                r"smash(?:ed|es) into)\b", re.IGNORECASE)
AIRCRAFT_NOUN_RE = re.compile(r"^(?:(?:war)?planes?|jets?|(?:fighter-)?bombers?|aircraft|airliners?|helicopters?|su-\d+)$",
                              re.IGNORECASE)
HARM_WORD_RE = re.compile(r"^(?:killed|died|wounded|injured|hurt)$", re.IGNORECASE)


def _harmed_in_a_dropped_attack(passage: Passage, match: re.Match, kept: list[re.Match]) -> bool:
    """"Children were killed and wounded in indiscriminate attacks": with no toll and no day, the
    deaths are as general as the attacks they happened in."""
    token = _token_at(passage, match.start())
    if token is None or not HARM_WORD_RE.match(token.text) or single_victim(passage.sentence, passage.start, passage.end):
        return False  # "a Russian general was killed in fighting in the Donbas": one death, one event
    kept_at = {passage.start + m.start() for m in kept}
    head = _list_head(token)
    harms = [head, *(child for child in head.children if child.dep_ == "conj")]  # "killed and wounded in"
    causes = [obj for harm in harms for prep in harm.children if prep.dep_ == "prep" and prep.lower_ in ("in", "by")
              for obj in prep.children if obj.dep_ == "pobj" and lexicon().event.fullmatch(obj.text)]
    return bool(causes) and not any(cause.idx in kept_at for cause in causes)
BODIES_FOUND_RE = re.compile(r"\b(?:found|discovered|recovered|exhumed|unearthed)\b[^.;]{0,40}?\bbodies\b|"
                             r"\bbodies\b[^.;]{0,40}?\b(?:found|discovered|exhumed|unearthed)\b", re.IGNORECASE)
# "killed over a hundred fighters in a series of strikes": the toll of many attacks.
SERIES_TOLL_RE = re.compile(rf"\b(?:{KILLED}|{INJURED})\b[^.;]{{0,60}}?\bin (?:a|the) (?:\w+ )?(?:series|spate|string|wave|"
                            rf"succession) of\b", re.IGNORECASE)
# "a series of Russian attacks over the weekend killed 11 civilians": the series as the killer
SERIES_KILLER_RE = re.compile(rf"\b(?:a|the) (?:\w+ )?(?:series|spate|string|succession) of (?:[\w-]+ ){{0,3}}?"
                              rf"(?:attacks|strikes|airstrikes|bombings|shellings|explosions|blasts)\b[^.;]{{0,60}}?"
                              rf"\b(?:{KILLED}|{INJURED})\b", re.IGNORECASE)
# "sustained up to 80,000 deaths and injuries": a figure no attack reaches, even when not read as a toll
WAR_SIZED_FIGURE_RE = re.compile(r"\b(?P<n>\d{1,3}(?:,\d{3})+|\d{5,})\s+(?:[\w-]+\s+){0,2}?"
                                 r"(?:deaths|casualties|dead|killed|wounded|injuries|losses)\b", re.IGNORECASE)
# Bodies handed over in a swap ("each side receiving 160 bodies") were counted at the exchange, not an attack.
BODY_EXCHANGE_RE = re.compile(r"\b(?:swaps?|exchanges?|exchanged|repatriat\w+|handover|hand(?:ed|ing|s)? over|returned|receiv\w+)\b"
                              r"[^.;]{0,60}?\bbodies\b|\bbodies\b[^.;]{0,60}?\b(?:swaps?|exchanges?|exchanged|"
                              r"repatriat\w+|handed over|returned)\b", re.IGNORECASE)
# The full-scale invasion's first day, told later without a toll, is the invasion as a time frame.
INVASION_DAY = date(2022, 2, 24)
# Remembering the dead, not reporting how they died.
MEMORIAL_RE = re.compile(r"\b(?:(?:moment|minute)(?:[’']s)? (?:of )?silence|la(?:id|y|ying|ys) (?:flowers|wreaths?|a wreath)|"
                         r"commemorat\w+|pa(?:id|y|ying|ys) (?:tribute|homage|respects)|in memory of|"
                         r"at the graves? of|to honou?r the (?:[\d,]+ )?(?:dead|victims|fallen|children|people|soldiers|those))\b",
                         re.IGNORECASE)
QUESTION_END_RE = re.compile(r"\?[\"”’']*\s*$")
# A death from age or illness: "died when she was 13", "died of cancer".
NATURAL_DEATH_RE = re.compile(
    r"\b(?:died|dies|death)\b[^.;]{0,40}?\b(?:when (?:she|he) was (?:\d+|a (?:baby|child|toddler|girl|boy))|"
    r"at (?:the )?age of|aged \d+|of (?:cancer|an? illness|illness|an? disease|disease|natural causes|covid(?:-19)?|"
    r"old age|a stroke|pneumonia|complications)|(?:of|from) (?:hanging|suicide|an? overdose|heart failure|a heart attack)|"
    r"in (?:an? |the )?(?:[\w-]+ ){0,2}(?:penal colony|prison|jail|custody|detention))",
    re.IGNORECASE)
# Fired "into the sea" or "into a buffer zone": a show of force or a test, with no target hit.
INTO_THE_SEA_RE = re.compile(r"\binto (?:the |a )?(?:sea|ocean|waters?|(?:military )?buffer zone)\b", re.IGNORECASE)
# An aircraft that crashed after being hit is an attack, not an accident.
SHOT_DOWN_OR_HIT_RE = re.compile(r"\b(?:shot down|downed|strikes?|struck|missiles?|bombs?|bombing|hit by|(?:was|were) hit|fired)\b", re.IGNORECASE)
EXERCISE_RE = re.compile(r"\b(?:(?:military|nuclear|naval|joint) )?(?:exercises?|drills?|war ?games|manoeuvres|maneuvers)\b|"
                         r"\btest[- ]?(?:fir\w+|launch\w*)|\bmissile tests?\b|\b(?:was|were|been|first|successfully) tested\b|"
                         r"\bpractice (?:launch\w*|targets?|runs?)\b", re.IGNORECASE)
# A toll given per unit of time ("100 soldiers are being killed every day", "dying at a rate of 500 a
# week", "150 troops a day were being killed"): the rate words are close to the casualty word, in the
# same clause; before it, only with a passive ("a day after a strike killed five" is one attack).
RATE_TOLL_RE = re.compile(
    rf"\b(?:{KILLED}|{INJURED}|losses)\b[^.;,]{{0,40}}?\b(?:a|per|each|every) (?:day|week|month|year)\b|"
    r"\b(?:losing|lose|lost) (?:up to |as many as |between |around |about |some )?\d[\d,]*(?: (?:to|and) \d[\d,]*)? "
    r"(?:soldiers|troops|men|people|servicemen|fighters) (?:a|per|each|every) (?:day|week|month)\b|"  # "losing 60 to 100 soldiers per day"
    rf"\b(?:{KILLED}|{INJURED}|losses)\b[^.;,]{{0,25}}?\b(?:daily|weekly|monthly)\b|"
    rf"\bon (?:some|many|most|bad|good) days\b[^.;]{{0,40}}?\b(?:{KILLED}|{INJURED}|losses)\b|"  # "losing, on some days, 200 killed"
    rf"\b(?:a|per|each|every) (?:day|week|month)\b[^.;,]{{0,25}}?\b(?:are|were|is|was) (?:being )?(?:{KILLED}|{INJURED})\b",
    re.IGNORECASE,
)

def find_attacks(
    doc: Doc,
    document_id: str,
    published_at: date | None,
    places: list[PlaceMention],
    actors: list[ActorMention],
) -> list[AttackMention]:
    lex = lexicon()
    mentions: list[AttackMention] = []
    last_attack: tuple[int, AttackMention] | None = None  # (passage index, mention)
    last_accident: int | None = None  # passage index of the last accident told
    previous_places: list[PlaceMention] = []
    previous_span: tuple[int, int] | None = None  # the last passage, for places named just before
    for index, passage in enumerate(passages(doc)):
        text = passage.text
        # Cheap screen first: most passages name neither an attack nor a casualty.
        if not (lex.event.search(text) or CASUALTY_RE.search(text)) or LINK_LINE_RE.match(text):
            # every passage since the last attack passage, so "Material damage was reported."
            # does not hide the town named just before it
            previous_span = (previous_span[0] if previous_span else passage.start, passage.end)
            continue
        if previous_span is not None:
            previous_places = _where_things_are(doc, _places_within(places, *previous_span)) or previous_places
            previous_span = None
        places_in = [p for p in _places_within(places, passage.start, passage.end) if not _named_in_comparison(doc.text, p)]
        casualties = _this_events_casualties(text, find_casualties(text))
        recent = last_attack if last_attack and index - last_attack[0] <= CONTINUATION_WINDOW else None
        war_wide = bool(lex.war_wide.search(text)) or _war_sized(casualties) or _aggregate_toll(text) \
            or _tallies_attacks(passage) \
            or _killed_in_a_war(text, casualties) \
            or bool(SERIES_TOLL_RE.search(text) or SERIES_KILLER_RE.search(text)) or _war_sized_figure(text) \
            or _killed_by_a_war(passage.sentence) \
            or (not recent and _cumulative_toll(text, places_in))  # "six bodies identified so far" continues one
        rate = bool(lex.rate.search(text)) and bool(RATE_TOLL_RE.search(text))
        if rate or war_wide or BODY_EXCHANGE_RE.search(text):
            casualties = Casualties()  # rates, war totals and bodies handed over are not one attack's toll
        triggers = event_triggers(passage, casualties, places_in)
        if casualties.counts and _harm_only_possible(passage):
            casualties = Casualties()  # "from 50 to 100 people could be killed here": a fear, not a toll
        date_read = read_date(text, published_at, passage)
        if _only_an_earlier_events_toll(text, casualties):
            date_read = None
        if rate and not (date_read and date_read.value):
            triggers = []  # "100 soldiers are being killed every day"
        dated = bool(date_read and date_read.value)
        if dated and ANNIVERSARY_RE.search(text) and not _names_a_town(doc.text, places_in):
            dated = False  # "Friday marks 100 days since Russia invaded": the day dates the anniversary
        if war_wide and not dated:
            triggers = []
        if (not recent and (_front_wide_loss_tally(casualties, places_in)  # "the bodies of 200 soldiers" goes on
                            or not dated and _a_running_toll(text, casualties, places_in))) \
                or (not dated and _a_commanders_toll(text)) or _a_war_death_told(text, places_in):
            triggers, casualties = [], Casualties()
        if (FRONT_WIDE_RE.search(text) and not _names_a_town(doc.text, places_in)) \
                or (triggers and all(_tallies_settlements(passage, m) for m in triggers)):
            # "shelling along the front line killed two over the past day", "shelled 18 settlements": a tally
            triggers, casualties = [], Casualties()
        has_figures = any(c.kind in ("killed", "injured") for c in casualties.counts)
        if not has_figures and not (date_read and date_read.value):
            screened = triggers
            triggers = [m for m in triggers if not (_names_a_campaign(passage, m, places_in) or _continues(passage, m)
                                                    or _begins(passage, m) or _as_a_cause(passage, m, places_in)
                                                    or _told_as_a_record(passage, m) or _bare_fighting_so_far(passage, m, places_in)
                                                    or _take_over_as_a_time_frame(passage, m) or _counted_since(passage, m)
                                                    or _ongoing_since(passage, m) or _damaged_as_seen(passage, m)
                                                    or _tallies_equipment(passage, m, places_in))]
            if not _counts_munitions(text):
                triggers = [m for m in triggers if not _told_as_ongoing(passage, m)]
            triggers = [m for m in triggers if not (_generic_plural(passage, m, places_in) or _under_attack(passage, m)
                                                    or _generic_targets(passage, m, places_in)
                                                    or _accused_of_a_practice(passage, m, places_in)
                                                    or _died_in_service(passage, m) or _on_a_front(passage, m, places_in)
                                                    or _a_persons_attack(passage, m) or _waited_out(passage, m))]
            if lex.habitual.search(text) or GUIDANCE_RE.search(text) or FIRST_BELIEVED_RE.search(text):
                # "every day and night, rockets are fired": a pattern, not one attack; "what to do in an
                # attack": advice for any; "it was initially believed all were killed": a report withdrawn
                triggers = []
            triggers = [m for m in triggers if not _harmed_in_a_dropped_attack(passage, m, triggers)]
            if len(triggers) < len(screened) and _refers_back(passage, triggers):
                located = _where_things_are(doc, places_in)  # "Kiev has denied ...": the government, not a place
                if not any(_local_place_in_clause(_token_at(passage, m.start()), located) for m in triggers):
                    triggers = []  # "has come under drone attacks, with Russia blaming Kiev for the strikes": the same ones
        if not has_figures and date_read and date_read.value == INVASION_DAY and date_read.historical:
            triggers = []  # "she was in Kyiv on 24 February when Russia launched its attack": the invasion
        told_as_history = bool((date_read and date_read.long_past) or WORLD_WAR_RE.search(text)
                               or (triggers and all(_named_by_an_old_year(text, m, published_at) for m in triggers)))
        if told_as_history:
            # "was assassinated in 1968", "the 1986 explosion at Chernobyl": history
            triggers, casualties, has_figures = [], Casualties(), False
        if (MEMORIAL_RE.search(text) or BODIES_FOUND_RE.search(text)) and not recent and not find_weapons(text) \
                and all(DEATH_WORD_RE.match(m.group(0)) for m in triggers):
            # "a memorial to the 243 children killed", "troops found 152 bodies": the dead counted, no attack told
            triggers, casualties, has_figures = [], Casualties(), False
        if not has_figures and (MEMORIAL_RE.search(text) or QUESTION_END_RE.search(text)):
            # "laying flowers at a grave of the siege's dead": remembrance, on whatever day;
            # "does Putin see being encircled by Nato as a threat?": asked, not told
            triggers = []
        if not has_figures:
            triggers = [m for m in triggers if not (_on_a_country(passage, m, places_in)
                                                    or _owned_generic_plural(passage, m, places_in))]
        if not has_figures and (EXERCISE_RE.search(text) or INTO_THE_SEA_RE.search(text)):
            triggers = []  # "bombers launched cruise missiles at practice targets": a drill; "fired into the sea": a show
        if date_read and date_read.historical and not has_figures and all(
            lex.needs_support.fullmatch(m.group(0)) for m in triggers
        ) and not (date_read.precision == "month" and _names_a_town(doc.text, places_in)):
            # a past "offensive" or "seized" told as background is not an attack report; "stormed
            # Vuhledar in late January" tells one
            triggers = []
        if (ACCIDENT_RE.search(text) or NATURAL_DEATH_RE.search(text) or AIRCRAFT_MISHAP_RE.search(text)) \
                and set(find_weapons(text)) <= {"air strike"} and not SHOT_DOWN_OR_HIT_RE.search(lex.void.sub(" ", text)):
            # "crew members were killed when a transport aircraft crashed", "killed in a crowd surge",
            # "a bomber exploded near a block of flats, killing 15"
            triggers = [m for m in triggers if not (lex.needs_support.fullmatch(m.group(0)) or DEATH_WORD_RE.match(m.group(0))
                                                    or EXPLOSION_WORD_RE.match(m.group(0)))]
            has_figures = has_figures and bool(triggers)
            if not triggers:
                last_accident = index
        if has_figures and not triggers and _told_in_a_trial(passage):
            has_figures = False  # "sentenced to life for killing a civilian"
        if last_attack and triggers and not has_figures and date_read is None and _refers_back(passage, triggers) \
                and _only_backdrop_places(doc, passage, triggers, places_in):
            # "Ukraine has denied any involvement with the bombing", "the speaker of the parliament in
            # Crimea blamed Ukraine for the bombing, but Moscow didn't apportion blame": the attack just
            # told, not one in the places around it
            recent, places_in = recent or last_attack, []
        if last_accident is not None and index - last_accident <= ACCIDENT_WINDOW \
                and (last_attack is None or last_attack[0] < last_accident) \
                and all(HARM_WORD_RE.match(m.group(0)) or EXPLOSION_WORD_RE.match(m.group(0))
                        or _done_by_an_aircraft(passage, m) for m in triggers) \
                and set(find_weapons(text)) <= {"air strike"}:
            # "Police said 15 people were killed": in the fire just told; "the bomber which destroyed
            # an apartment block", "ammunition on board exploded": the crash just told
            triggers, has_figures = [], False
        if triggers or (has_figures and (recent or _violent_death(text))):
            # only read when the passage names no place and no recent attack lends one
            facility = None if places_in or (recent and recent[1].place_key) \
                else _facility_told_before(doc.text, passage, places)
            mention = _build_mention(document_id, passage, published_at, places_in, previous_places, actors,
                                     casualties, date_read, triggers, recent[1] if recent else None, facility)
            mention = _explosions_of_an_attack_told(mention, mentions, places_in)
            mentions.append(mention)
            last_attack = (index, mention)
        if not told_as_history:  # "reminds me of the bombing of Hiroshima in 1945": not where the next one is
            previous_places = _where_things_are(doc, places_in) or previous_places
    return mentions


# "a disaster that would rival the Chernobyl one", "worse than Fukushima": a place a thing is likened to
COMPARISON_BEFORE_RE = re.compile(r"\b(?:rival(?:s|led|ling)?|than|another|repeat of|reminiscent of|similar to|comparable to|"
                                  r"reminds? (?:me|us|one) of|remind(?:ed|ing) (?:me|us|one|him|her|them) of|analog(?:y|ies) (?:of|with))"
                                  r"\s+(?:the\s+|a\s+)?(?:\d{4}\s+)?$", re.IGNORECASE)


def _named_in_comparison(text: str, place: PlaceMention) -> bool:
    return bool(COMPARISON_BEFORE_RE.search(text[max(0, place.char_start - 40):place.char_start]))


# "the maternity hospital", "the plant", "the mall": a facility the article has already placed
DEFINITE_FACILITY_RE = re.compile(
    r"\bthe\s+(?P<mods>(?:[a-z-]+\s+){0,2}?)(?P<head>hospital|plant|station|mall|shopping cent(?:re|er)|theat(?:re|er)|"
    r"school|kindergarten|base|airport|airfield|bridge|depot|refinery|factory|market|port|dam|prison|"
    r"church|cathedral|museum|university|hotel)\b")
FACILITY_REACH = 200  # characters; wider than PLACED_AFTER_RE / PLACED_BEFORE_RE or a place name can span
PLACED_AFTER_RE = re.compile(r"^[^.;]{0,25}?\b(?:in|at|near|outside|of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$")
PLACED_BEFORE_RE = re.compile(r"(?:[’']s)?\s+(?:(?!(?:said|says|and|or|but|the|an?|that|this|to|of|in|on|at|by|with|from|"
                              r"for|is|was|were|are|has|have|had|will|would|its|their)\b|[a-z]+ed\b)[a-z-]+\s+){0,3}")


def _facility_told_before(text: str, passage: Passage, places: list[PlaceMention]) -> PlaceMention | None:
    """Where the article placed the facility a passage names only as "the ..." ("escaping a bombed
    maternity hospital in Mariupol", then "the scene at the maternity hospital after it was
    bombed"): the place next to its latest earlier mention, else None."""
    match = DEFINITE_FACILITY_RE.search(passage.text)
    if match is None:
        return None
    phrase = re.compile(rf"\b{re.escape(match.group('mods'))}{re.escape(match.group('head'))}\b", re.IGNORECASE)
    earlier = [p for p in places if p.char_end <= passage.start and p.place_type not in ("country", "water")]
    for told in reversed(list(phrase.finditer(text, 0, passage.start))):
        # the patterns below reach a few words either side: farther places never qualify
        near = [p for p in earlier if abs(p.char_start - told.start()) <= FACILITY_REACH]
        for place in sorted(near, key=lambda p: abs(p.char_start - told.start())):
            if place.char_start <= told.start() < place.char_end:
                return place  # the facility is a gazetteer place itself ("the Zaporizhzhia nuclear plant")
            if told.end() <= place.char_start and PLACED_AFTER_RE.match(text[told.end():place.char_start]):
                return place
            if place.char_end <= told.start() and PLACED_BEFORE_RE.fullmatch(text[place.char_end:told.start()]):
                return place
    return None


def _where_things_are(doc: Doc, places_in: list[PlaceMention]) -> list[PlaceMention]:
    """The places a passage locates things in, for the next passages to fall back on: not one that
    acts ("orders which came from Kiev" is the government)."""
    capitals = capital_keys()
    spans = ((place, doc.char_span(place.char_start, place.char_end, alignment_mode="expand")) for place in places_in)
    return [place for place, span in spans if span is None or not _stands_for_an_actor(span.root, place, capitals)]


def _stands_for_an_actor(token: Token | None, place: PlaceMention, capitals: frozenset[str]) -> bool:
    """`_acts_as_actor` for a place mention: a country or a capital can stand for its government."""
    return _acts_as_actor(token, government=place.place_type == "country" or place.place_key in capitals)


DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def _explosions_of_an_attack_told(mention: AttackMention, earlier: list[AttackMention],
                                  places_in: list[PlaceMention]) -> AttackMention:
    """"the explosions that rocked Odesa", sentences after "a Saturday strike on Odesa": explosions
    with no device named, in a town where the document already told an attack, are that attack's
    (explosions with no town of their own, "76 explosions recorded in the north-east", are not)."""
    if mention.attack_type != REMOTE or mention.weapons or mention.place_key not in {p.place_key for p in places_in}:
        return mention
    told = next((m.attack_type for m in reversed(earlier) if m.place_key == mention.place_key
                 and m.attack_type != REMOTE), None)
    return replace(mention, attack_type=told) if told else mention


def _refers_back(passage: Passage, triggers: list[re.Match]) -> bool:
    """"The explosion also damaged a market": every attack word is a definite noun, the attack just
    told, not a new one."""
    tokens = [_token_at(passage, m.start()) for m in triggers]
    return bool(tokens) and all(
        t is not None and (t.pos_ == "NOUN" or t.tag_ == "VBG")  # "the bombing" is often tagged a gerund
        and any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in t.children)
        for t in tokens)


def _only_backdrop_places(doc: Doc, passage: Passage, triggers: list[re.Match], places_in: list[PlaceMention]) -> bool:
    """No place of the passage can be where a definite "the bombing" happened: none in the attack
    word's own phrase, and no town except one standing for an actor ("Moscow didn't apportion blame")."""
    if any(_in_the_phrase_of(place, passage, triggers) for place in places_in):
        return False
    actors_only = {place.mention_id for place in places_in} - {place.mention_id for place in _where_things_are(doc, places_in)}
    return all(place.place_type not in LOCAL_PLACE_TYPES or place.mention_id in actors_only for place in places_in)


def _in_the_phrase_of(place: PlaceMention, passage: Passage, triggers: list[re.Match]) -> bool:
    """The place is inside an attack word's own phrase ("the strike on the port of Odesa")."""
    for match in triggers:
        token = _token_at(passage, match.start())
        if token is not None and token.left_edge.idx <= place.char_start < token.right_edge.idx + len(token.right_edge):
            return True
    return False


def _counted(passage: Passage, triggers: list[re.Match]) -> bool:
    tokens = (_token_at(passage, m.start()) for m in triggers)
    return any(t is not None and any(c.dep_ == "nummod" for c in t.children) for t in tokens)


def _places_within(places: list[PlaceMention], start: int, end: int) -> list[PlaceMention]:
    return [p for p in places if start <= p.char_start and p.char_end <= end]


def _present_tense(sentence: Span) -> bool:
    """The main clause is in the present or present perfect ("is the second attack", "has been
    killed"): the passage is news again, not the past event told just before it."""
    root = sentence.root
    if any(child.dep_ == "csubj" and child.tag_ == "VBD" for child in root.children):
        return False  # "The shelling blew a hole ... and the interiors are visible": the parse hung the past clause below
    return root.tag_ in ("VBZ", "VBP") or any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in ("VBZ", "VBP") for child in root.children
    )


def _violent_death(text: str) -> bool:
    """A figure-only passage stands alone when it says people were killed or wounded in something."""
    return bool(re.search(r"\b(?:killed|killing|wounded|wounding|injured|injuring|hurt|hurting|dead|died|death toll|toll)\b", text, re.IGNORECASE))


# Words whose patient is the victim: "X was killed", "killed X", "the assassination of X", "X died".
VICTIM_VERB_RE = re.compile(
    r"^(?:kill(?:ed|ing)?|assassinat(?:ed|ion|e)|murder(?:ed)?|shot|shoot(?:ing)?|targeted|attacked|wounded|injured|"
    r"kidnapp(?:ed|ing)|abduct(?:ed|ion)|executed|execution|killing|slain|died|dies|perished|death|murder|blown)$",
    re.IGNORECASE,
)
INTRANSITIVE_DEATH_RE = re.compile(r"^(?:died|dies|perished)$", re.IGNORECASE)
# Name parts and apposition lead from a name to the noun that holds its role in the clause.
NAME_LINKS = frozenset({"compound", "flat", "appos", "conj"})


def find_target(passage: Passage, actors: list[ActorMention]) -> ActorMention | None:
    """The named person the attack was aimed at, read from the parse: the patient of a killing
    word ("General X was killed", "killed one of its generals, X", "the assassination of X", "X
    died as a bomb went off"), never its agent ("by X") or a bystander ("as the envoy meets X")."""
    people = [a for a in actors if a.actor_type == "person"
              and passage.start <= a.char_start and a.char_end <= passage.end]
    for actor in people:
        token = _token_at_char(passage.sentence, actor.char_end - 1)
        if token is not None and _is_victim(token):
            return actor
    return _victim_by_surname(passage, actors)


def _victim_by_surname(passage: Passage, actors: list[ActorMention]) -> ActorMention | None:
    """"Darya Dugina ..." then "Dugina was killed": the surname alone, which the model often
    leaves untagged, names the person the document named in full before (if only one had it)."""
    earlier: dict[str, set[str]] = {}
    named: dict[str, ActorMention] = {}
    for actor in actors:
        words = actor.surface.split()
        if actor.actor_type == "person" and len(words) >= 2 and actor.char_end <= passage.start:
            earlier.setdefault(words[-1], set()).add(actor.actor_key)
            named[words[-1]] = actor
    for token in passage.sentence:
        if not passage.start <= token.idx < passage.end or token.pos_ != "PROPN" or len(earlier.get(token.text, ())) != 1:
            continue
        if _is_victim(token):
            return replace(named[token.text], surface=token.text, char_start=token.idx,
                           char_end=token.idx + len(token.text))
    return None


def _is_victim(token: Token) -> bool:
    node = token
    for _ in range(6):
        head = node.head
        if node.dep_ in ("nsubjpass", "dobj") and VICTIM_VERB_RE.match(head.text):
            return True
        if node.dep_ == "poss" and head.pos_ == "NOUN" and VICTIM_VERB_RE.match(head.text):
            return True  # "Dugina's assassination"
        if any(clause.dep_ == "relcl" and VICTIM_VERB_RE.match(clause.text)
               and any(child.dep_ == "nsubjpass" for child in clause.children) for clause in node.children):
            return True  # "the poor girl (Darya Dugina) who was blown up by a bomb"
        if node.dep_ == "nsubj" and (INTRANSITIVE_DEATH_RE.match(head.text) or _copula_victim(head)):
            return True
        if node.dep_ in ("nsubj", "nsubjpass") and _named_the_victim(head):
            return True  # "X has been confirmed as the victim of the explosion", "X was the target of the attack"
        if node.dep_ == "pobj" and head.lower_ == "of":
            holder = head.head
            if VICTIM_VERB_RE.match(holder.text) and holder.pos_ == "NOUN":
                return True
            node = holder  # "one of Russia's generals, X": go on from "one"
            continue
        if node.dep_ in NAME_LINKS and head is not node:
            node = head
            continue
        return False
    return False


def _named_the_victim(verb: Token) -> bool:
    """"confirmed as the victim of the explosion", "was the target of the car bomb"."""
    roles = [c for c in verb.children if c.dep_ == "attr"]
    roles += [obj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
              for obj in prep.children if obj.dep_ == "pobj"]
    return any(role.lower_ in ("victim", "target") and any(c.dep_ == "prep" and c.lower_ == "of" for c in role.children)
               for role in roles)


def _copula_victim(verb: Token) -> bool:
    """"X is the latest commander believed to have been targeted": the victim word qualifies the
    attribute of a copula whose subject is the person."""
    if _lemma(verb) not in ("be", "is", "was"):
        return False
    for attribute in (c for c in verb.children if c.dep_ == "attr"):
        if any(VICTIM_VERB_RE.match(t.text) and t.pos_ == "VERB" for t in attribute.subtree):
            return True
    return False


def _anchor_tokens(passage: Passage, triggers: list[re.Match]) -> list[Token]:
    """The tokens of the attack words, or of the casualty words when the passage only counts."""
    matches = triggers or list(CASUALTY_RE.finditer(passage.text))
    tokens = (_token_at(passage, m.start()) for m in matches)
    return [t for t in tokens if t is not None]


def _build_mention(document_id, passage, published_at, places_in, previous_places, actors, casualties,
                   date_read, triggers, recent: AttackMention | None,
                   facility: PlaceMention | None = None) -> AttackMention:
    text = passage.text
    has_event = bool(triggers)
    weapons = find_weapons(text)
    continues = recent is not None and not has_event
    attack_type = classify(text, weapons)
    anchors = _anchor_tokens(passage, triggers)
    place = best_place(text, passage.start, places_in, anchors)
    refers_back = recent is not None and (place is None or place.place_type == "water" and recent.place_key is not None) \
        and _refers_back(passage, triggers)
    if refers_back:
        place = None  # "the strike sent a vessel to the bottom of the Black Sea": the strike just told, where it was told
    harm_only = bool(triggers) and all(_tells_harm(m) for m in triggers)
    if continues or refers_back or (recent is not None and (attack_type == OTHER or harm_only) and not weapons) \
            or (recent is not None and attack_type == REMOTE and not weapons and not places_in
                and not _counted(passage, triggers)):  # "It caused an explosion", not "76 explosions in the region"
        attack_type = recent.attack_type if recent else attack_type
    attacker_key, attacker_text = find_attacker(text, passage.start, actors)
    if attacker_key is None and continues:
        attacker_key = recent.attacker_key
    place_key, place_text = (place.place_key, place.surface) if place else (None, None)
    # A place carried over from earlier passages is not in the attacker's own country: "Putin spoke at
    # the forum in Vladivostok. Russian forces fired rockets into towns in several districts"
    previous_places = [p for p in previous_places if not (attacker_key and p.country_code
                                                          and country_key(p.country_code) == attacker_key)
                       and not _a_world_region(p)]
    if place is None:
        if recent is not None and recent.place_key:
            place_key, place_text = recent.place_key, recent.place_text
        elif facility is not None:
            place_key, place_text = facility.place_key, None
        elif previous_places:
            # the most specific, then the nearest: "went around Donetsk ... Eight were killed by these mines"
            fallback = min(previous_places, key=lambda p: (PLACE_RANK.get(p.place_type, 2), -p.char_start))
            place_key, place_text = fallback.place_key, None

    if date_read and date_read.value:
        event_date, date_text, historical = date_read.value, date_read.text, date_read.historical
    elif date_read:  # month or year only
        event_date, date_text, historical = None, date_read.text, date_read.historical
    elif not casualties.counts and triggers and all(_a_site_visited(passage, m) for m in triggers):
        event_date, date_text, historical = None, None, True  # "was taken to an apartment block that was damaged in a bombardment"
    elif RELATIVE_TO_EVENT_RE.search(text):
        # "... come a week after one person was killed": the phrase is kept as the date told, so the
        # earlier event does not take the day its document tells for the place ("two days later, an
        # explosion struck" does)
        earlier = EARLIER_EVENT_AFTER_RE.search(text)
        event_date, date_text, historical = None, earlier and earlier.group(0).lstrip(", "), bool(recent and recent.is_historical)
    elif recent is not None and not (recent.is_historical and has_event and _present_tense(passage.sentence)):
        event_date, date_text, historical = recent.event_date, None, recent.is_historical
    else:
        event_date, date_text, historical = published_at, None, False


    killed, killed_low, killed_high, killed_group, killed_approx = summarize(casualties.of("killed"))
    victims = named_victims(passage.sentence, passage.start, passage.end) if killed is None else 0
    if victims:
        killed, killed_low, killed_high, killed_group = victims, victims, victims, "unknown"
    injured, injured_low, injured_high, injured_group, injured_approx = summarize(casualties.of("injured"))
    if killed is None and casualties.zero_killed:
        killed = killed_low = killed_high = 0
    if injured is None and casualties.zero_injured:
        injured = injured_low = injured_high = 0
    munitions = find_munitions(text)
    target = find_target(passage, actors)
    return AttackMention(
        mention_id=stable_id(document_id, "attack", passage.start, passage.end),
        document_id=document_id,
        sentence=text,
        char_start=passage.start,
        char_end=passage.end,
        attack_type=attack_type,
        weapons=weapons,
        event_date=event_date,
        date_text=date_text,
        place_key=place_key,
        place_text=place_text,
        attacker_key=attacker_key,
        attacker_text=attacker_text,
        killed=killed,
        killed_low=killed_low,
        killed_high=killed_high,
        injured=injured,
        injured_low=injured_low,
        injured_high=injured_high,
        killed_victim_group=killed_group,
        injured_victim_group=injured_group,
        killed_approximate=killed_approx,
        injured_approximate=injured_approx,
        missiles_launched=munitions.missiles_launched,
        missiles_intercepted=munitions.missiles_intercepted,
        drones_launched=munitions.drones_launched,
        drones_intercepted=munitions.drones_intercepted,
        is_historical=historical,
        source_kind=source_kind(text),
        target_key=target.actor_key if target else None,
        target_text=target.surface if target else None,
    )
