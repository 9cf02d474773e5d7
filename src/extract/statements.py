"""Statements: quoted (direct) and reported (indirect) speech, and who made each one.

Layers, each a small function below:
1. `find_quote_spans`: every span between quote marks, per paragraph (one text line, bullets included).
   Curly and straight double quotes; single quotes only outside double ones (so a quote inside a quote
   is not a second statement). An opening mark never closed ends at the paragraph end (minus a trailing
   ", he adds."); a closing mark never opened starts at the paragraph start: both are how a quote that
   runs over several paragraphs is printed.
2. `find_attribution`: the reporting cue ("says", "told", "according to") nearest the quote within its
   sentence, and that cue's grammatical subject as the speaker.
3. `is_statement_quote`: 4+ words, not a Title Case name, not a verbless term with no cue. Shorter
   quoted spans are scare quotes ("a large bang"), not statements.
4. `find_indirect`: reporting verbs whose that-clause or object carries a statement ("said that ...",
   "confirmed the death of ..."), "according to X" and "as stated by X", and nouns like "X's demand for".
5. `resolve_speakers`: in document order, a pronoun ("he says") takes the nearest plausible named
   speaker before it, a bare title ("the PM", "Kyiv's mayor") the nearest person named with that title,
   and a quote with no cue at all continues the speaker of the statement just before it.

Decision: a split quote (“A,” he said. “B.”) is two rows with one speaker, as the gold annotation has it.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from extract.rows import ActorMention, Statement, stable_id

DATA_DIR = Path(__file__).parent / "data"
MIN_QUOTE_WORDS = 4  # "a large bang", "not happy": quoted words, not statements
MIN_INDIRECT_WORDS = 2
# How far back (in paragraphs) a cue-less quote may continue the previous speaker.
CONTEXT_PARAGRAPHS = 2
# How far back (in characters) a pronoun looks for its named speaker.
PRONOUN_WINDOW = 1500

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
LIST_MARKER = re.compile(r"\s*(?:\d{1,3}[.)]|[•*·▪–-])?\s*")
WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
SENTENCE_END = re.compile(r"[.!?](?=[\s”\"’]|$)")
PERSONAL_PRONOUNS = {"he": "person", "she": "person", "they": "group", "i": "person", "we": "group"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
SMALL_WORDS = {"of", "the", "for", "and", "in", "on", "to", "a", "an", "at", "by", "with", "de", "von", "der"}
FIRST_PERSON = {"i", "we", "our", "my", "us", "me", "i’m", "i'm", "we’re", "we're", "ours"}


# ---------------------------------------------------------------------------------------------
# Lexicons


@dataclass(frozen=True)
class Cue:
    lemma: str
    part: str  # verb, noun
    indirect: str  # clause, object, none


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, Cue]:
    """Every inflected form of every reporting word -> its cue."""
    forms: dict[str, Cue] = {}
    for row in read_data_csv("statement_cues.csv"):
        cue = Cue(row["lemma"], row["part"], row["indirect"])
        words = {cue.lemma, *row["irregular_forms"].split()}
        if cue.part == "verb":
            words |= regular_inflections(cue.lemma)
        else:
            words.add(cue.lemma + "s")
        for word in words:
            forms.setdefault((word, cue.part), cue)  # first row wins
    return {f"{word}|{part}": cue for (word, part), cue in forms.items()}


@lru_cache(maxsize=1)
def speaker_nouns() -> dict[str, str]:
    nouns = {}
    for row in read_data_csv("statement_speaker_nouns.csv"):
        nouns[row["word"]] = row["kind"]
    return nouns


def read_data_csv(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def regular_inflections(lemma: str) -> set[str]:
    if lemma.endswith("e"):
        stem_ed, stem_ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        stem_ed, stem_ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        stem_ed, stem_ing = lemma + "ed", lemma + "ing"
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else (
        lemma[:-1] + "ies" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else lemma + "s"
    )
    return {lemma, stem_ed, stem_ing, third}


def cue_of(token: Token) -> Cue | None:
    """The reporting cue this token is, if any (verbs by tag, since the lemmatizer is not run)."""
    word = token.text.lower()
    if token.tag_.startswith("VB") or token.pos_ == "VERB":
        return cue_forms().get(f"{word}|verb")
    if token.pos_ in ("NOUN", "PROPN"):
        return cue_forms().get(f"{word}|noun")
    return None


def speaker_noun_kind(token: Token) -> str | None:
    word = token.text.lower().strip("’'")
    nouns = speaker_nouns()
    if word in nouns:
        return nouns[word]
    if word.endswith("s") and word[:-1] in nouns:
        return nouns[word[:-1]]
    return None


# ---------------------------------------------------------------------------------------------
# 1. Quote spans


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # the quoted words, marks excluded
    end: int
    open_mark: int | None  # offset of the opening mark, None when the quote has none
    close_mark: int | None
    para_index: int
    marks: str  # double, single


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    content_start: int  # after a list marker ("  12. ", "• ")


def paragraphs_of(text: str) -> list[Paragraph]:
    found, offset = [], 0
    for index, line in enumerate(text.split("\n")):
        marker = LIST_MARKER.match(line)
        found.append(Paragraph(index, offset, offset + len(line), offset + (marker.end() if marker else 0)))
        offset += len(line) + 1
    return found


def find_quote_spans(text: str) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    for para in paragraphs_of(text):
        doubles = double_quotes_in(text, para)
        spans.extend(doubles)
        spans.extend(single_quotes_in(text, para, doubles))
    return sorted(spans, key=lambda q: q.start)


def double_quotes_in(text: str, para: Paragraph) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    open_at: int | None = None
    for i in range(para.start, para.end):
        ch = text[i]
        if ch == '"':
            ch = "“" if is_opening_position(text, i, para) and open_at is None else "”"
        if ch in OPEN_DOUBLE:
            if open_at is not None:  # a new quote opens before the last one closed: end it here
                add_quote(found, text, open_at + 1, i, open_at, None, para, "double")
            open_at = i
        elif ch in CLOSE_DOUBLE:
            if open_at is not None:
                add_quote(found, text, open_at + 1, i, open_at, i, para, "double")
                open_at = None
            elif not found:  # continued from an earlier paragraph: starts at this paragraph's start
                add_quote(found, text, para.content_start, i, None, i, para, "double")
    if open_at is not None:  # never closed: runs to the paragraph end, minus a trailing attribution
        end = cut_trailing_attribution(text, open_at + 1, para.end)
        add_quote(found, text, open_at + 1, end, open_at, None, para, "double")
    return found


def is_opening_position(text: str, i: int, para: Paragraph) -> bool:
    before = text[i - 1] if i > para.start else " "
    after = text[i + 1] if i + 1 < para.end else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def single_quotes_in(text: str, para: Paragraph, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """‘...’ (or '...') outside double quotes; an apostrophe ("doesn’t", "Kyiv’s") never closes one."""
    found: list[QuoteSpan] = []
    covered = [(q.open_mark if q.open_mark is not None else q.start, (q.close_mark or q.end) + 1) for q in doubles]
    open_at: int | None = None
    for i in range(para.start, para.end):
        if any(lo <= i < hi for lo, hi in covered):
            open_at = None
            continue
        ch = text[i]
        if ch not in "‘’'":
            continue
        before = text[i - 1] if i > para.start else " "
        after = text[i + 1] if i + 1 < para.end else " "
        if open_at is None:
            if ch in "‘'" and (before.isspace() or before in "([—–-:") and after.isalnum():
                open_at = i
        elif ch in "’'" and not after.isalnum() and not before.isspace():
            add_quote(found, text, open_at + 1, i, open_at, i, para, "single")
            open_at = None
    return found


def add_quote(found, text, start, end, open_mark, close_mark, para, marks) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        found.append(QuoteSpan(start, end, open_mark, close_mark, para.index, marks))


TRAILING_ATTRIBUTION = re.compile(
    r",\s+(?:he|she|they|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})\s+(?:\w+\s+)?(\w+)\b[^“”\"]*$"
)


def cut_trailing_attribution(text: str, start: int, end: int) -> int:
    """“And I think so, he adds.  -> the quote is “And I think so," (the comma stays, as gold has it)."""
    match = TRAILING_ATTRIBUTION.search(text, start, end)
    if match and cue_forms().get(f"{match.group(1).lower()}|verb"):
        return match.start() + 1
    return end


def word_count(text: str) -> int:
    return len(WORD.findall(text))


# ---------------------------------------------------------------------------------------------
# 2. Attribution: cue and speaker phrase


@dataclass
class Attribution:
    cue: Token | None
    speaker: Token | None  # head token of the speaker phrase
    speaker_start: int | None = None
    speaker_end: int | None = None


def find_attribution(doc: Doc, quote: QuoteSpan, quotes: list[QuoteSpan], para: Paragraph) -> Attribution:
    """The reporting cue nearest the quote within its sentence, before or after it, and its subject."""
    text = doc.text
    left_mark = quote.open_mark if quote.open_mark is not None else quote.start
    right_mark = (quote.close_mark + 1) if quote.close_mark is not None else quote.end
    same_para = [q for q in quotes if q.para_index == quote.para_index and q is not quote]
    left = max([para.start] + [(q.close_mark or q.end) + 1 for q in same_para if q.end <= left_mark])
    right = min([para.end] + [q.open_mark if q.open_mark is not None else q.start
                              for q in same_para if q.start >= right_mark])
    last_end = None
    for match in SENTENCE_END.finditer(text, left, left_mark):
        last_end = match.end()
    if last_end is not None:
        left = last_end
    first_end = SENTENCE_END.search(text, right_mark, right)
    if first_end:
        right = first_end.end()
    before = cue_tokens_in(doc, left, left_mark)
    after = cue_tokens_in(doc, right_mark, right)
    candidates = [(left_mark - t.idx, t) for t in before] + [(t.idx - right_mark, t) for t in after]
    caption = caption_speaker(doc, right_mark, right)
    if not candidates:
        if caption is not None:
            return Attribution(None, caption)
        return Attribution(None, None)
    _, cue = min(candidates, key=lambda pair: pair[0])
    return Attribution(cue, subject_of(cue))


def cue_tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    found = [t for t in span if cue_of(t) is not None]
    found += [t for t in span if is_according(t)]
    return found


def is_according(token: Token) -> bool:
    return token.text.lower() == "according" and token.i + 1 < len(token.doc) and token.nbor(1).text.lower() == "to"


def caption_speaker(doc: Doc, start: int, end: int) -> Token | None:
    """A headline-style attribution: “My hands are shaking”: Kyiv resident reacts."""
    rest = doc.text[start:end]
    stripped = rest.lstrip()
    if not stripped.startswith(":"):
        return None
    span = doc.char_span(start + rest.index(":") + 1, end, alignment_mode="contract")
    if span is None:
        return None
    for token in span:
        if token.dep_ in ("nsubj", "nsubjpass") or token.dep_ == "ROOT" and token.pos_ in ("NOUN", "PROPN"):
            return token
    return None


def subject_of(cue: Token, depth: int = 0) -> Token | None:
    """Who performs the reporting act: the subject, the "by" agent, the "according to" object, or
    (for "..., saying", "and adds") the subject of the verb it hangs from."""
    if is_according(cue):
        to = cue.nbor(1)
        objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in cue.children if c.dep_ == "pobj"]
        return objects[0] if objects else None
    for child in cue.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if cue.pos_ in ("NOUN", "PROPN"):
        owners = [c for c in cue.children if c.dep_ == "poss"]
        return owners[0] if owners else None
    for child in cue.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.text.lower() in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
                return cue.head
            return child
    if depth < 3 and cue.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "dep") and cue.head is not cue:
        return subject_of(cue.head, depth + 1)
    if cue.dep_ == "relcl" and cue.head is not cue:
        return cue.head
    return None


def speaker_phrase(doc: Doc, head: Token) -> tuple[int, int]:
    """Character bounds of the speaker phrase as written: the head with its modifiers and any
    apposition or "of"-phrase ("the head of X's fund, Kirill Dmitriev"), without relative clauses."""
    if head.pos_ == "PRON":
        return head.idx, head.idx + len(head.text)
    first, last = head.i, head.i
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "case") and child.dep_ != "relcl":
            first = min(first, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "appos", "prep", "case", "nummod", "poss", "amod"):
            last = max(last, child.right_edge.i)
    for ent in doc.ents:
        if ent.start <= head.i < ent.end:
            first, last = min(first, ent.start), max(last, ent.end - 1)
    while first < last and doc[first].is_punct:
        first += 1
    while last > first and (doc[last].is_punct or doc[last].dep_ in ("cc", "case")) and doc[last].text not in ".":
        last -= 1
    return doc[first].idx, doc[last].idx + len(doc[last].text)


# ---------------------------------------------------------------------------------------------
# 3. Which quotes are statements


def is_statement_quote(doc: Doc, quote: QuoteSpan, attribution: Attribution) -> bool:
    text = doc.text[quote.start:quote.end]
    words = WORD.findall(text)
    if len(words) < MIN_QUOTE_WORDS:
        return False
    if is_title_case_name(words, text):
        return False
    if attribution.cue is None and attribution.speaker is None and not has_verb(doc, quote):
        return False  # "coalition of the willing": a term, not speech
    return True


def is_title_case_name(words: list[str], text: str) -> bool:
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    if not content or re.search(r"[.!?,;:]", text):
        return False
    return all(w[0].isupper() for w in content) and not all(w.isupper() for w in content)


def has_verb(doc: Doc, quote: QuoteSpan) -> bool:
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


# ---------------------------------------------------------------------------------------------
# 4. Indirect statements


@dataclass
class Candidate:
    start: int
    end: int
    statement_type: str
    cue: Token | None
    speaker: Token | None
    how: str  # explicit, pronoun, title, context, none
    para_index: int
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_name: str | None = None
    speaker_key: str | None = None
    speaker_is_person: bool = False


def find_indirect(doc: Doc, quotes: list[QuoteSpan]) -> list[tuple[int, int, Token, Token]]:
    """(start, end, cue, speaker head) for each reported statement outside quote marks."""
    found = []
    quoted = [(q.open_mark if q.open_mark is not None else q.start, (q.close_mark or q.end) + 1) for q in quotes]

    def inside_quote(token: Token) -> bool:
        return any(lo <= token.idx < hi for lo, hi in quoted)

    for token in doc:
        if inside_quote(token):
            continue
        if is_according(token):
            result = according_to_statement(doc, token)
        else:
            cue = cue_of(token)
            if cue is None or cue.indirect == "none":
                continue
            if is_as_reported_by(token) and cue_of(token.head) is not None:
                continue  # "X reported Y, as stated by Z": Z becomes the speaker of X's statement
            result = reported_statement(doc, token, cue)
        if result is None:
            continue
        start, end, speaker = result
        if speaker is None or not is_plausible_speaker(doc, speaker):
            continue
        if word_count(doc.text[start:end]) < MIN_INDIRECT_WORDS:
            continue
        found.append((start, end, token, speaker))
    return found


def reported_statement(doc: Doc, token: Token, cue: Cue) -> tuple[int, int, Token | None] | None:
    if cue.part == "noun":
        complement = noun_complement(token)
    else:
        complement = verb_complement(token, cue)
    if complement is None:
        return None
    first, last = complement
    start, end = trim_span(doc, first, last)
    if start is None:
        return None
    speaker = subject_of(token)
    as_by = [c for c in token.children if c.dep_ == "advcl" and is_as_reported_by(c)]
    if as_by:
        speaker = subject_of(as_by[0]) or speaker
    if is_as_reported_by(token):  # "Kyiv was attacked, as confirmed by the mayor": the whole clause
        clause = token.head
        start, end = trim_span(doc, clause.left_edge.i, token.left_edge.i - 1)
        if start is None:
            return None
    return start, end, speaker


def verb_complement(token: Token, cue: Cue) -> tuple[int, int] | None:
    children = list(token.children)
    clauses = [c for c in children if c.dep_ == "ccomp" and c.i > token.i]
    if clauses:
        clause = clauses[0]
        first = clause.left_edge.i
        if token.doc[first].dep_ == "mark" and token.doc[first].text.lower() in ("that", "whether", "if"):
            first += 1
        return first, clause.right_edge.i
    if cue.indirect != "object":
        return None
    objects = [c for c in children if c.dep_ in ("dobj", "xcomp", "prep", "pcomp") and c.i > token.i]
    objects = [c for c in objects if not (c.dep_ == "prep" and c.text.lower() in ("on", "in", "during", "after", "via", "through", "since", "with"))]
    if not objects:
        return None
    first = objects[0].left_edge.i
    if objects[0].dep_ == "prep" and objects[0].text.lower() in ("for", "at"):
        first = objects[0].i + 1  # "calls for X", "hinted at X": the statement is X
    last = max(c.right_edge.i for c in objects if c.dep_ in ("dobj", "xcomp", "pcomp") or c is objects[0])
    return first, last


def noun_complement(token: Token) -> tuple[int, int] | None:
    """"Trump's demand for X", "Zelensky's indication that X"."""
    if not any(c.dep_ == "poss" for c in token.children):
        return None
    for child in token.rights:
        if child.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.text.lower() == "that" for g in child.children):
            return child.left_edge.i + 1, child.right_edge.i
        if child.dep_ == "prep" and child.text.lower() == "for":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0].left_edge.i, objects[0].right_edge.i
    return None


def according_to_statement(doc: Doc, token: Token) -> tuple[int, int, Token | None] | None:
    """"X, according to Y" or "According to Y, X": the statement is the rest of the sentence."""
    sentence = token.sent
    phrase_first = token.i
    phrase_last = max(token.right_edge.i, token.nbor(1).right_edge.i)
    if phrase_first > sentence.start and doc[phrase_first - 1].text == ",":
        phrase_first -= 1
    if phrase_first == sentence.start:
        start, end = trim_span(doc, phrase_last + 1, sentence.end - 1)
    else:
        start, end = trim_span(doc, sentence.start, phrase_first - 1)
    if start is None:
        return None
    return start, end, subject_of(token)


def is_as_reported_by(token: Token) -> bool:
    """"..., as stated by the governor": a passive cue introduced by "as" with a "by" agent."""
    has_as = any(c.text.lower() == "as" and c.dep_ in ("mark", "advmod") for c in token.children)
    has_agent = any(c.dep_ == "agent" for c in token.children)
    return has_as and has_agent


def trim_span(doc: Doc, first: int, last: int) -> tuple[int | None, int | None]:
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space) and doc[last].text not in ")]":
        last -= 1
    if last < first:
        return None, None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def is_plausible_speaker(doc: Doc, head: Token) -> bool:
    """A person, organization, country, a speaker pronoun, or a noun like "ministry" or "mayor"."""
    if head.text.lower() in PERSONAL_PRONOUNS:
        return True
    if head.pos_ == "PRON":
        return False
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if speaker_noun_kind(head) is not None and speaker_noun_kind(head) != "document":
        return True
    return head.pos_ == "PROPN"


# ---------------------------------------------------------------------------------------------
# 5. Speaker resolution


@dataclass(frozen=True)
class Named:
    position: int
    name: str
    key: str | None
    is_person: bool


def named_in(doc: Doc, start: int, end: int, head: Token | None, actors: list[ActorMention]) -> Named | None:
    """The named actor inside a speaker phrase: the person at the head or in apposition first."""
    inside = [a for a in actors if a.char_start >= start and a.char_end <= end]
    persons = [a for a in inside if a.actor_type == "person"]
    if head is not None:
        at_head = [a for a in inside if a.char_start <= head.idx < a.char_end]
        if at_head and (at_head[0].actor_type == "person" or not persons):
            best = at_head[0]
            return Named(best.char_start, best.name, best.actor_key, best.actor_type == "person")
    if persons:
        best = persons[-1]
        return Named(best.char_start, best.name, best.actor_key, True)
    ents = [e for e in doc.ents if e.start_char >= start and e.end_char <= end and e.label_ in ("PERSON", "ORG", "GPE", "NORP")]
    people = [e for e in ents if e.label_ == "PERSON"]
    if head is not None:
        at_head = [e for e in ents if e.start <= head.i < e.end]
        if at_head and (at_head[0].label_ == "PERSON" or not people):
            return Named(at_head[0].start_char, at_head[0].text, None, at_head[0].label_ == "PERSON")
    if people:
        return Named(people[-1].start_char, people[-1].text, None, True)
    if inside:
        best = inside[-1]
        return Named(best.char_start, best.name, best.actor_key, False)
    if ents and head is not None and head.pos_ == "PROPN":
        return Named(ents[-1].start_char, ents[-1].text, None, False)
    return None


def key_for(start: int, end: int, actors: list[ActorMention]) -> str | None:
    for actor in actors:
        if actor.char_start < end and start < actor.char_end:
            return actor.actor_key
    return None


def resolve_speakers(doc: Doc, candidates: list[Candidate], actors: list[ActorMention], paras: list[Paragraph]) -> None:
    """In document order: explicit names first, then pronouns, titles and cue-less quotes from context."""
    people = subject_people(doc, actors)
    previous: Candidate | None = None
    for cand in sorted(candidates, key=lambda c: c.start):
        if cand.speaker is not None:
            resolve_one(doc, cand, actors, people, candidates)
        elif previous is not None and cand.para_index - previous.para_index <= CONTEXT_PARAGRAPHS and previous.speaker_name:
            cand.how = "context"
            cand.speaker_name, cand.speaker_key = previous.speaker_name, previous.speaker_key
            cand.speaker_is_person = previous.speaker_is_person
        if cand.speaker_name:
            previous = cand


def resolve_one(doc, cand: Candidate, actors, people: list[Named], candidates: list[Candidate]) -> None:
    head = cand.speaker
    start, end = speaker_phrase(doc, head)
    cand.speaker_start, cand.speaker_end = start, end
    named = named_in(doc, start, end, head, actors)
    word = head.text.lower()
    if word in PERSONAL_PRONOUNS and head.pos_ == "PRON":
        cand.how = "pronoun"
        antecedent = pronoun_antecedent(start, word, people, candidates)
        if antecedent is not None:
            cand.speaker_name, cand.speaker_key, cand.speaker_is_person = antecedent
        return
    if named is not None:
        cand.how = "explicit"
        cand.speaker_name, cand.speaker_is_person = named.name, named.is_person
        cand.speaker_key = named.key or key_for(start, end, actors)
        return
    kind = speaker_noun_kind(head)
    cand.speaker_key = key_for(start, end, actors)
    cand.speaker_name = strip_determiner(doc.text[start:end])
    if kind == "title":
        cand.how = "title"
        titled = titled_person(doc, head, start, end, people)
        if titled is not None:
            cand.speaker_name, cand.speaker_key, cand.speaker_is_person = titled.name, titled.key, True
            return
    cand.how = "explicit"
    cand.speaker_is_person = kind in ("title", "person")


def strip_determiner(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)


def pronoun_antecedent(position: int, pronoun: str, people: list[Named], candidates: list[Candidate]):
    """The nearest plausible named speaker before the pronoun: a speaker of an earlier statement or a
    person named as the subject of a sentence. "they" also takes organizations and unnamed groups."""
    wants_person = PERSONAL_PRONOUNS[pronoun] == "person"
    options: list[tuple[int, str, str | None, bool]] = []
    for cand in candidates:
        if cand.speaker_name and cand.speaker_start is not None and cand.speaker_start < position and cand.how != "pronoun":
            options.append((cand.speaker_start, cand.speaker_name, cand.speaker_key, cand.speaker_is_person))
        elif cand.speaker_name and cand.speaker_start is not None and cand.speaker_start < position:
            options.append((cand.speaker_start - 1, cand.speaker_name, cand.speaker_key, cand.speaker_is_person))
    for person in people:
        if person.position < position:
            options.append((person.position, person.name, person.key, True))
    options = [o for o in options if position - o[0] <= PRONOUN_WINDOW]
    if wants_person:
        options = [o for o in options if o[3]]
    if not options:
        return None
    _, name, key, is_person = max(options, key=lambda o: o[0])
    return name, key, is_person


def subject_people(doc: Doc, actors: list[ActorMention]) -> list[Named]:
    """People named as the subject of a verb (outside quotes these are the likely antecedents)."""
    found = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if ent.root.dep_ in ("nsubj", "nsubjpass") or (ent.root.dep_ == "appos" and ent.root.head.dep_ in ("nsubj", "nsubjpass")):
            key = key_for(ent.start_char, ent.end_char, actors)
            name = next((a.name for a in actors if a.char_start <= ent.start_char < a.char_end), ent.text)
            found.append(Named(ent.start_char, name, key, True))
    return found


TITLE_SYNONYMS = {"pm": "prime minister", "premier": "prime minister"}


def titled_person(doc: Doc, head: Token, start: int, end: int, people: list[Named]) -> Named | None:
    """"the PM" -> the nearest person introduced with that title ("UK Prime Minister Keir Starmer"),
    preferring one before the mention; a qualifier ("Kyiv's mayor", "the US president") must match too."""
    title = TITLE_SYNONYMS.get(head.text.lower(), head.text.lower())
    qualifiers = [qualifier_stem(t.text) for t in doc.char_span(start, end, alignment_mode="expand") or []
                  if t.i != head.i and (t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP"))]
    before, after = None, None
    for ent in doc.ents:
        if ent.label_ != "PERSON" or start <= ent.start_char < end:
            continue
        context = doc[max(ent.sent.start, ent.start - 8):ent.start].text.lower() + " " + appositive_context(ent)
        context = context.replace("’s", " ").replace("'s", " ")
        if title not in context:
            continue
        if qualifiers and not all(any(qualifier_stem(w) == q for w in context.split()) for q in qualifiers):
            continue
        named = Named(ent.start_char, ent.text, None, True)
        if ent.start_char < start:
            before = named
        elif after is None:
            after = named
    return before or after


def appositive_context(ent: Span) -> str:
    root = ent.root
    if root.dep_ == "appos":
        return root.head.subtree.__next__().doc[root.head.left_edge.i:root.head.i + 1].text.lower()
    appos = [c for c in root.children if c.dep_ == "appos"]
    return " ".join(ent.doc[c.left_edge.i:c.right_edge.i + 1].text.lower() for c in appos)


def qualifier_stem(word: str) -> str:
    word = word.lower().replace("’s", "").replace("'s", "").strip(".’'")
    aliases = {"u.s": "us", "american": "us", "america": "us", "united": "us", "british": "uk", "britain": "uk"}
    word = aliases.get(word, word)
    return word[:4] if len(word) > 4 else word


# ---------------------------------------------------------------------------------------------
# Entry point


def find_statements(doc: Doc, document_id: str, published_at, actors: list[ActorMention]) -> list[Statement]:
    text = doc.text
    paras = paragraphs_of(text)
    quotes = find_quote_spans(text)
    candidates: list[Candidate] = []
    for quote in quotes:
        attribution = find_attribution(doc, quote, quotes, paras[quote.para_index])
        if not is_statement_quote(doc, quote, attribution):
            continue
        candidates.append(Candidate(quote.start, quote.end, "direct", attribution.cue, attribution.speaker,
                                    "none", quote.para_index))
    direct_spans = [(c.start, c.end) for c in candidates]
    for start, end, cue, speaker in find_indirect(doc, quotes):
        if any(s < end and start < e for s, e in direct_spans):
            continue
        if unmarked_first_person(text[start:end]):
            kind = "direct"
        else:
            kind = "indirect"
        candidates.append(Candidate(start, end, kind, cue, speaker, "none", paragraph_index(paras, start)))
    candidates = drop_nested(candidates)
    resolve_speakers(doc, candidates, actors, paras)
    published = published_at.date() if isinstance(published_at, datetime) else published_at
    return [to_row(doc, document_id, cand, published) for cand in sorted(candidates, key=lambda c: c.start)]


def unmarked_first_person(text: str) -> bool:
    """Direct speech printed without marks ("We are fighting for our independence, Zelensky adds")."""
    return any(w.lower() in FIRST_PERSON for w in WORD.findall(text))


def paragraph_index(paras: list[Paragraph], offset: int) -> int:
    for para in paras:
        if para.start <= offset <= para.end:
            return para.index
    return paras[-1].index


def drop_nested(candidates: list[Candidate]) -> list[Candidate]:
    """Two reported statements over the same words: keep the longer one."""
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if any(k.start <= cand.start and cand.end <= k.end and k.statement_type == cand.statement_type == "indirect"
               for k in kept):
            continue
        kept.append(cand)
    return kept


def to_row(doc: Doc, document_id: str, cand: Candidate, published: date | None) -> Statement:
    speaker_text = doc.text[cand.speaker_start:cand.speaker_end] if cand.speaker_start is not None else None
    return Statement(
        statement_id=stable_id(document_id, "statement", cand.start, cand.end),
        document_id=document_id,
        quote=doc.text[cand.start:cand.end],
        char_start=cand.start,
        char_end=cand.end,
        statement_type=cand.statement_type,
        speaker_text=speaker_text,
        speaker_char_start=cand.speaker_start if speaker_text else None,
        speaker_char_end=cand.speaker_end if speaker_text else None,
        speaker_key=cand.speaker_key,
        cue=cue_text(cand.cue),
        statement_date=statement_date(doc, cand, published),
        speaker_name=cand.speaker_name,
        attribution=cand.how,
    )


def cue_text(cue: Token | None) -> str | None:
    if cue is None:
        return None
    if is_according(cue):
        return "according to"
    return cue.text.lower()


def statement_date(doc: Doc, cand: Candidate, published: date | None) -> date | None:
    """The day the attribution names ("told reporters on Wednesday"), else the publication day."""
    if cand.cue is None:
        return published
    sentence = cand.cue.sent
    outside = doc.text[sentence.start_char:cand.start] + " " + doc.text[cand.end:sentence.end_char]
    try:
        from extract.dates import resolve_date
    except ImportError:  # dates not available: the publication day is the best we know
        return published
    return resolve_date(outside, published) or published
