"""Statements: quoted (direct) and reported (indirect) speech, and who made each one.

Layers, each a small function below:
1. `find_quote_spans`: every span between quote marks, per paragraph (one text line, bullets included).
   Curly and straight double quotes; single quotes only outside double ones (so a quote inside a quote
   is not a second statement). An opening mark never closed ends at the paragraph end (minus a trailing
   ", he adds."); a closing mark never opened starts at the paragraph start: both are how a quote that
   runs over several paragraphs is printed. Dash-style speech ("- We hold the city - says X.", common
   in Polish and Ukrainian outlets' English) is a quote from the opening dash to the dash before its
   attribution.
2. `find_attribution`: the reporting cue ("says", "told", "according to") the quote hangs from, else the
   one nearest it within its sentence, and who performs it: the cue's subject (any noun for a direct
   quote: "the warlord said"), the phrase after a cue that follows its quote ("said the diplomat"), the
   speaker of the verb reporting the clause a participle hangs from ("X said Y, adding that ..."). A
   belief verb ("he believes") yields to a reporting verb above it. No cue at all: the subject of the
   clause the quote sits in.
3. `is_statement_quote`: 4+ words, not a Title Case name, not a verbless term with no cue. Shorter
   quoted spans are scare quotes ("a large bang"), not statements.
4. `find_indirect`: reporting verbs whose that-clause or object carries a statement ("said that ...",
   "confirmed the death of ..."), "according to X" and "as stated by X", and nouns like "X's demand for".
5. `resolve_speakers`: in document order, a pronoun ("he says") takes the nearest plausible named
   speaker before it (a subject or earlier speaker over a name in passing), a bare title ("the PM",
   "Kyiv's mayor") the nearest person named with that title, a bare surname the person named in full.
   A quote with no speaker takes the speaker of a statement repeating its words (a pull quote), else
   continues the speaker of the statement just before it.

Decision: a split quote (“A,” he said. “B.”) is two rows with one speaker, as the gold annotation has it.
"""
from __future__ import annotations

import csv
import itertools
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from extract.dates import resolve_date
from extract.gazetteer import demonyms
from extract.rows import ActorMention, Statement, stable_id

# `Doc.text` joins every token on each access; a live blog asks for it thousands of times.
if not Doc.has_extension("full_text"):
    Doc.set_extension("full_text", default=None)


def doc_text(doc: Doc) -> str:
    if doc._.full_text is None:
        doc._.full_text = doc.text
    return doc._.full_text


# `Doc.ents` builds every span on each access; speaker resolution asks per statement.
if not Doc.has_extension("ent_of_token"):
    Doc.set_extension("ent_of_token", default=None)


def doc_ents(doc: Doc) -> list[Span]:
    return list(ent_index(doc)[0])


def ent_at(token: Token) -> Span | None:
    """The entity the token is part of."""
    return ent_index(token.doc)[1].get(token.i)


def ent_index(doc: Doc) -> tuple[tuple[Span, ...], dict[int, Span]]:
    if doc._.ent_of_token is None:
        ents = tuple(doc.ents)
        doc._.ent_of_token = (ents, {i: ent for ent in ents for i in range(ent.start, ent.end)})
    return doc._.ent_of_token


DATA_DIR = Path(__file__).parent / "data"
MIN_QUOTE_WORDS = 4  # "a large bang", "not happy": quoted words, not statements
MIN_INDIRECT_WORDS = 3  # "when Russia": a clause fragment, not a statement
# How far back (in paragraphs) a cue-less quote may continue the previous speaker.
CONTEXT_PARAGRAPHS = 2
# How far back (in characters) a pronoun looks for its named speaker.
PRONOUN_WINDOW = 1500
# A subject this close before the latest sentence naming someone still beats a name in passing there.
RECENT_CHARS = 400

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
LIST_MARKER = re.compile(r"\s*(?:\d{1,3}[.)]|[•*·▪–-])?\s*")
WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")
SENTENCE_END = re.compile(r"(?<![\s.][A-Z])[.!?](?=[\s”\"’]|$)")  # not "U.S." nor "J."
LINK_WORDS = {"external"}  # web-page residue ("Ramaphosa, external said"): never a name
PERSONAL_PRONOUNS = {"he": "person", "she": "person", "they": "group", "i": "person", "we": "group",
                     "it": "organization"}  # "It added that": a ministry, a paper, an agency
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
SMALL_WORDS = {"of", "the", "for", "and", "in", "on", "to", "a", "an", "at", "by", "with", "de", "von", "der"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
# Entity types that never speak ("on Wednesday said", "according to 2,000 residents" is a count)
NOT_SPEAKER_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
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


# Particles that make a reporting verb another verb: "called off the talks", "called up reservists".
NON_CUE_PARTICLES = {"call": ("off", "up", "in", "back", "out")}


def cue_of(token: Token, loose: bool = False) -> Cue | None:
    """The reporting cue this token is, if any: verbs by their tag (the lemmatizer is not run). `loose`
    also takes a verb form the tagger called a noun ("Trump replies"), as long as no determiner shows
    it really is one."""
    word = token.text.lower()
    if token.tag_.startswith("VB") or token.pos_ == "VERB":
        cue = cue_forms().get(f"{word}|verb")
        if cue is not None and any(c.dep_ == "prt" and c.lower_ in NON_CUE_PARTICLES.get(cue.lemma, ()) for c in token.children):
            return None  # "called off talks" is no statement
        return cue
    if loose and token.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in ("det", "poss") for c in token.children):
        cue = cue_forms().get(f"{word}|verb")
        after_to = token.i > 0 and token.nbor(-1).dep_ == "aux" and token.nbor(-1).lower_ == "to"
        if cue is not None and (word != cue.lemma or after_to):  # "went on to state" tagged as a noun
            return cue
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
    if word.endswith("ies") and word[:-3] + "y" in nouns:
        return nouns[word[:-3] + "y"]  # "allies"
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
    paras = paragraphs_of(text)
    for para in paras:
        dashes = dash_quotes_in(text, para, paras)
        # a dash quote claims its words and closing mark: a stray mark inside it opens nothing
        claimed = [(q.open_mark, (q.close_mark if q.close_mark is not None else q.end) + 1) for q in dashes]
        doubles = [q for q in double_quotes_in(text, para)
                   if not any(lo < outer_bounds(q)[1] and outer_bounds(q)[0] < hi for lo, hi in claimed)]
        spans.extend(dashes)
        spans.extend(doubles)
        spans.extend(single_quotes_in(text, para, doubles + dashes))
    return QuoteList(sorted(spans, key=lambda q: q.start))


class QuoteList(list):
    """Quotes in order of start, with a prefix maximum of their ends: "does this token overlap a
    quote?" by bisection, asked for thousands of tokens in a live blog."""

    def __init__(self, quotes):
        super().__init__(quotes)
        self.starts = [q.start for q in self]
        self.max_ends = list(itertools.accumulate((q.end for q in self), max))

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end)  # quotes starting before `end`
        return k > 0 and self.max_ends[k - 1] > start


# Dash-style direct speech (Polish, Ukrainian, Russian outlets' English): "- We will hold the city -
# says the mayor." A dash opens a quote at a paragraph start or right after a sentence end; the quote
# ends at a dash (or stray closing mark) followed by the attribution, else at the next opening dash.
DASH_OPEN = re.compile(r"(?:^|(?<=\n)|(?<=[.!?…])|(?<=[.!?…][”\"])) *[-–—] +(?=[^\W\d_a-z])")  # a capital opens
DASH_CLOSE = re.compile(r",? +[-–—] +|,? *[”\"] *(?=[a-z])")
ATTRIBUTION_WORDS = 6  # "- the head of British diplomacy pointed out": the cue comes within a few words
ATTRIBUTION_ONLY = re.compile(r"\s*[-–—] *([a-z]+)\b")  # a paragraph "- wrote the head of the council."


def dash_quotes_in(text: str, para: Paragraph, paras: list[Paragraph]) -> list[QuoteSpan]:
    line = text[para.start:para.end]
    if re.fullmatch(r"\s*[-–—].*[-–—]\s*", line):
        return []  # "– Grain deliveries to start this week –": a subheading between dashes
    found: list[QuoteSpan] = []
    opens = list(DASH_OPEN.finditer(text, para.start, para.end))
    for n, opening in enumerate(opens):
        start = opening.end()
        limit = opens[n + 1].start() if n + 1 < len(opens) else para.end
        close = next((m for m in DASH_CLOSE.finditer(text, start, limit) if is_attribution(text, m.end(), limit)), None)
        end, mark = limit, None
        if close is not None:
            mark = close.start() + close.group().index(close.group().strip(" ,")[0])
            end = close.start() + (1 if text[close.start()] == "," else 0)  # "..., he adds": the comma is quoted
        add_quote(found, text, start, end, opening.end() - len(opening.group().lstrip(" ")), mark, para, "dash")
    if not found and not re.search(r"[“”\"«»]", line):
        found.extend(unmarked_before_attribution(text, para, paras))
    return found


def is_attribution(text: str, start: int, limit: int) -> bool:
    """A reporting verb within the first words after a closing dash, before any sentence end."""
    words = re.findall(r"[^\W\d_]+|[.!?;:)(–—-]", text[start:limit])[:ATTRIBUTION_WORDS]
    for word in words:
        if word in ".!?;:)(–—-" or word.lower() in RELATIVE_PRONOUNS:  # "- which threatens us -": not yet
            return False
        cue = cue_forms().get(f"{word.lower()}|verb")
        if cue is not None and word.lower() != cue.lemma:
            return True
    return False


def unmarked_before_attribution(text: str, para: Paragraph, paras: list[Paragraph]) -> list[QuoteSpan]:
    """A paragraph printed without marks, followed by one that is only its attribution
    ("Our values are not for sale" / "- wrote the head of the council.")."""
    following = next((p for p in paras[para.index + 1:] if text[p.start:p.end].strip()), None)
    if following is None or not text[para.start:para.end].strip():
        return []
    match = ATTRIBUTION_ONLY.match(text, following.start, following.end)
    if match is None or not is_attribution(text, match.start(1), following.end):
        return []
    found: list[QuoteSpan] = []
    end = para.end
    while end > para.content_start and text[end - 1] in " .":
        end -= 1
    add_quote(found, text, para.content_start, end, None, match.start(1) - 1, para, "dash")
    return found


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
    """After a space or bracket; or glued to a sentence end when no quote is open ('Putin."He said')."""
    before = text[i - 1] if i > para.start else " "
    after = text[i + 1] if i + 1 < para.end else " "
    return (before.isspace() or before in "([{—–-:.!?") and not after.isspace()


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
# 2. Attribution of a quote: cue and speaker


@dataclass
class Attribution:
    cue: Token | None
    speaker: Token | None  # head token of the speaker phrase
    speaker_span: tuple[int, int] | None = None  # set when the phrase is not a parse subtree (captions)
    weak: bool = False  # a clause's subject, no reporting word: it does not make a term a statement


def find_attribution(doc: Doc, quote: QuoteSpan, quotes: list[QuoteSpan], para: Paragraph) -> Attribution:
    """The reporting verb the quote hangs from in the parse; else the cue nearest the quote within its
    sentence (before or after it); else a headline-style "“...”: Kyiv resident reacts"."""
    left_mark, right_mark = outer_bounds(quote)
    left, right = sentence_bounds(doc_text(doc), quote, quotes, para)
    if quote.marks == "dash" and quote.close_mark is not None:
        return dash_attribution(doc, quote, quotes, right)
    for cue in governing_cues(doc, quote, left, right):
        speaker = subject_of(cue, quotes, loose=True) or adjacent_speaker(doc, cue, quotes, cue.idx >= right_mark)
        if speaker is not None:
            return Attribution(cue, speaker)
    nearby = [(left_mark - t.idx, t) for t in cue_tokens_in(doc, left, left_mark)]
    nearby += [(t.idx - right_mark, t) for t in cue_tokens_in(doc, right_mark, right)]
    fallback = None
    for _, cue in sorted(nearby, key=lambda pair: pair[0]):
        speaker = subject_of(cue, quotes, loose=True) or adjacent_speaker(doc, cue, quotes, cue.idx >= right_mark)
        if speaker is not None:
            return Attribution(cue, speaker)
        fallback = fallback or cue
    caption = caption_speaker(doc, right_mark, right)
    if caption is not None:
        return Attribution(None, caption[0], caption[1])
    if fallback is None and left_mark <= para.content_start:
        introducer = colon_introducer(doc, para, quotes)
        if introducer is not None:
            return Attribution(None, introducer)
    if fallback is None:
        return Attribution(None, clause_subject(doc, quote, quotes, left), weak=True)
    return Attribution(fallback, None)


def clause_subject(doc: Doc, quote: QuoteSpan, quotes: list[QuoteSpan], left: int) -> Token | None:
    """No reporting word at all: a quote inside a clause belongs to that clause's subject ("The agency
    released a report that “focuses on ...”", "X refuses, preferring to wait “to see if ...”")."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not doc_text(doc)[left:outer_bounds(quote)[0]].strip():
        return None
    ancestor = span.root
    for _ in range(6):
        if ancestor.head is ancestor or ancestor.head.idx < left:
            return None
        ancestor = ancestor.head
        if inside_any(ancestor, quotes):
            continue
        subject = next((c for c in ancestor.children if c.dep_ == "nsubj" and left <= c.idx < quote.start
                        and not inside_any(c, quotes) and same_line(c, ancestor)), None)
        if subject is not None:
            return subject if is_plausible_speaker(subject) and bare(subject) not in FIRST_PERSON else None
    return None


def dash_attribution(doc: Doc, quote: QuoteSpan, quotes: list[QuoteSpan], right: int) -> Attribution:
    """"- ... - says X." / "- ... - the expert points out.": the words after the closing dash are the
    attribution; the parse is not trusted beyond them (the tokenizer glues "Sarts.-" into one word)."""
    tokens = [t for t in cue_tokens_in(doc, quote.close_mark + 1, right) if cue_of(t, loose=True) is not None]
    if not tokens:
        return Attribution(None, None)
    cue = tokens[0]
    start = quote.close_mark + 1
    subjects = [c for c in cue.children if c.dep_ == "nsubj" and start <= c.idx < right and not inside_any(c, quotes)]
    before = [t for t in doc[cue.i - 3:cue.i] if t.idx >= start and t.pos_ in ("NOUN", "PROPN", "PRON")]
    subjects = [relative_antecedent(c) if c.lower_ in RELATIVE_PRONOUNS else c for c in subjects]
    speaker = (next((c for c in subjects if c is not None and (is_plausible_speaker(c) or is_loose_speaker(c))), None)
               or (before[-1] if before and (is_plausible_speaker(before[-1]) or is_loose_speaker(before[-1])) else None)
               or inverted_subject(doc, cue, quotes))
    return Attribution(cue, speaker)


def colon_introducer(doc: Doc, para: Paragraph, quotes) -> Token | None:
    """"The spokesman listed the demands:" + a quote opening the next paragraph: the subject of the
    sentence ending in the colon is the speaker."""
    before = doc_text(doc)[:para.start].rstrip()
    if not before.endswith(":"):
        return None
    last = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if last is None:
        return None
    root = last[0].sent.root
    verbs = [root] + [t for t in last[0].sent if t.pos_ == "VERB" and t is not root]
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "nsubj" and is_plausible_speaker(child) and not inside_any(child, quotes):
                return child
    return None


def outer_bounds(quote: QuoteSpan) -> tuple[int, int]:
    """The quote with its marks."""
    left = quote.open_mark if quote.open_mark is not None else quote.start
    right = quote.close_mark + 1 if quote.close_mark is not None else quote.end
    return left, right


def sentence_bounds(text: str, quote: QuoteSpan, quotes: list[QuoteSpan], para: Paragraph) -> tuple[int, int]:
    """From the end of the sentence (or quote) before this quote to the end of the sentence after it,
    never crossing another quote of the same paragraph."""
    left_mark, right_mark = outer_bounds(quote)
    others = [outer_bounds(q) for q in quotes if q.para_index == quote.para_index and q is not quote]
    left = max([para.start] + [hi for lo, hi in others if hi <= left_mark])
    para_end = text.find("\n", right_mark - 1)  # an attribution may be the next paragraph ("- wrote X")
    right = min([para_end if para_end >= 0 else len(text)] + [lo for lo, hi in others if lo >= right_mark])
    for match in SENTENCE_END.finditer(text, left, left_mark):
        left = match.end()
    if quote.marks == "dash":
        left = left_mark  # an opening dash starts a sentence
    first_end = SENTENCE_END.search(text, right_mark, right)
    if first_end:
        right = first_end.end()
    if text[quote.end - 1:quote.end] == "." and text[right_mark:right].lstrip()[:1].isupper():
        right = right_mark  # “... was false.” He added that ...: the quote ended its sentence
    return left, right


def governing_cues(doc: Doc, quote: QuoteSpan, left: int, right: int) -> list[Token]:
    """Reporting words above the quote in the parse ("X said Y told Z “...”" gives told, then said)."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    found, beliefs = [], []
    for token in span:
        if quote.start <= token.head.idx < quote.end:
            continue  # not a root of the quoted words
        ancestor = token.head
        for _ in range(6):
            if not left <= ancestor.idx < right:
                break
            cue = cue_of(ancestor, loose=True)
            if not quote.start <= ancestor.idx < quote.end and (cue or is_according(ancestor)):
                if cue is not None and cue.indirect == "belief":
                    beliefs.append(ancestor)  # "X said he believes “...”": the words are what X said
                else:
                    if ancestor not in found:
                        found.append(ancestor)
                    break
            if ancestor.head is ancestor:
                break
            ancestor = ancestor.head
    return found + [b for b in beliefs if b not in found]


def cue_tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    return [t for t in span if cue_of(t, loose=True) is not None or is_according(t)]


def is_according(token: Token) -> bool:
    return token.text.lower() == "according" and token.i + 1 < len(token.doc) and token.nbor(1).text.lower() == "to"


def caption_speaker(doc: Doc, start: int, end: int) -> tuple[Token, tuple[int, int]] | None:
    """A headline-style attribution: “My hands are shaking”: Kyiv resident reacts to attack."""
    rest = doc_text(doc)[start:end]
    if not rest.lstrip().startswith(":"):
        return None
    span = doc.char_span(start + rest.index(":") + 1, end, alignment_mode="contract")
    if span is None:
        return None
    run = []
    for token in span:
        if token.pos_ in ("DET", "ADJ", "NOUN", "PROPN") or token.tag_ == "POS":
            run.append(token)
        else:
            break
    if len(run) >= 2 and run[-1].text.islower() and run[-1].text.endswith("s"):
        run = run[:-1]  # "resident reacts": the last word is the verb
    if not run or not any(t.pos_ in ("NOUN", "PROPN") for t in run):
        return None
    return run[-1], (run[0].idx, run[-1].idx + len(run[-1].text))


def subject_of(cue: Token, quotes: list[QuoteSpan] = (), depth: int = 0, loose: bool = False) -> Token | None:
    """Who performs the reporting act: the subject, the "by" agent, the "according to" object, the
    owner of a reporting noun ("Trump's demand"), or for "..., saying" and "and adds" the subject of the
    verb it hangs from. Never a word inside a quote, nor one on another line (a parse run over a
    paragraph break). `loose` (a direct quote's cue) takes any noun subject: "“...,” the warlord said"."""
    def usable(token: Token) -> bool:
        return not inside_any(token, quotes) and is_plausible_speaker(token) and same_line(token, cue)

    if is_according(cue):
        to = cue.nbor(1)
        objects = [c for c in to.children if c.dep_ == "pobj"] + [c for c in cue.children if c.dep_ == "pobj"]
        return next((o for o in objects if usable(o)), None)
    for child in cue.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj" and usable(c)]
            if objects:
                return objects[0]
    if cue.pos_ in ("NOUN", "PROPN") and cue_of(cue) is not None and cue_of(cue).part == "noun":
        owners = [c for c in cue.children if c.dep_ == "poss" and usable(c)]
        return owners[0] if owners else None
    # "The spies’ spokesman said" can come out with two subjects: the nearest speaker wins
    subjects = sorted((c for c in cue.children if c.dep_ == "nsubj" and not inside_any(c, quotes) and same_line(c, cue)),
                      key=lambda c: abs(c.i - cue.i))
    for child in subjects:
        if child.text.lower() in RELATIVE_PRONOUNS:  # "the official, who added": the noun before "who"
            antecedent = cue.head if cue.dep_ == "relcl" else relative_antecedent(child)
            return antecedent if antecedent is not None and usable(antecedent) else None
        if is_plausible_speaker(child) or (loose and is_loose_speaker(child)):
            return child
    if subjects:
        return None
    if any(c.dep_ == "nsubj" and not same_line(c, cue) for c in cue.children):
        return adjacent_speaker(cue.doc, cue, quotes)  # the parse took a subject from the line above
    if depth < 3 and cue.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "dep", "ccomp") and cue.head is not cue:
        head = cue.head
        if cue.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            if not (head.dep_ in ("pobj", "dobj") and cue.nbor(-1).text == ","):
                return head if usable(head) else subject_of(head, quotes, depth + 1, loose)  # "a resident saying ..."
            head = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), head)  # "angry with Putin, saying"
        return subject_of(reporting_verb_over(head, cue), quotes, depth + 1, loose)
    if cue.dep_ == "relcl" and usable(cue.head):
        return cue.head
    return None


def relative_antecedent(pronoun: Token) -> Token | None:
    """The noun before "who" ("the official, who added"), or the subject of the verb before it
    ("Kadyrov also spoke, who stated")."""
    i = pronoun.i - 1
    while i >= pronoun.sent.start and pronoun.doc[i].is_punct:
        i -= 1
    token = pronoun.doc[i] if i >= pronoun.sent.start else None
    if token is not None and token.pos_ == "VERB":
        subject = next((c for c in token.children if c.dep_ == "nsubj" and same_line(c, token)), None)
        token = subject or adjacent_speaker(token.doc, token, ())
    return token if token is not None and token.pos_ in ("NOUN", "PROPN") else None


def reporting_verb_over(verb: Token, cue: Token) -> Token:
    """"X said [Y was not escalatory], adding that ...": a cue hanging from a reported clause reports
    along with the verb that reports the clause, not the clause's subject. A conjunct does so when
    its tense is the reporting verb's, not the clause's ("He says [Y has expressed ...] and adds")."""
    outer = verb.head
    if verb.dep_ != "ccomp" or outer is verb or cue_of(outer, loose=True) is None:
        return verb
    if cue.dep_ == "conj":
        return outer if cue.tag_ == outer.tag_ != verb.tag_ else verb
    return outer if cue_of(verb) is None else verb


def is_loose_speaker(token: Token) -> bool:
    return (token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in NOT_SPEAKER_ENTS
            and bare(token) not in LINK_WORDS)


def same_line(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in doc_text(a.doc)[lo:hi]


def adjacent_speaker(doc: Doc, cue: Token, quotes: list[QuoteSpan], inverted: bool = False) -> Token | None:
    """When the parse is off: a name or pronoun right before the cue ("Trump replies", "Miller recently
    said"), skipping a stray link word ("Ramaphosa, external said"); for a cue after its quote
    (`inverted`) also the phrase right after it ("said Trump", "- adds the director of the centre")."""
    for i in (cue.i - 1, cue.i - 2, cue.i - 3):
        if i < 0:
            break
        token = doc[i]
        if token.is_punct or token.pos_ == "ADV" or token.text.lower() in LINK_WORDS | {"also", "then", "later"}:
            continue
        named = token.pos_ in ("PROPN", "PRON") or token.ent_type_ or (token.is_title and token.pos_ == "NOUN")
        if token.lower_ in RELATIVE_PRONOUNS:
            return relative_antecedent(token)
        if not inside_any(token, quotes) and named and is_plausible_speaker(token):
            return token  # "Trump replies" tagged as a compound noun is still Trump
        break
    return inverted_subject(doc, cue, quotes) if inverted else None


def inverted_subject(doc: Doc, cue: Token, quotes: list[QuoteSpan]) -> Token | None:
    """"..., said the French diplomat": the noun phrase right after the cue, on its line."""
    i = cue.i + 1
    while i < len(doc) and (doc[i].pos_ in ("DET", "ADJ", "PART") or doc[i].tag_ == "POS" or doc[i].text == "up"):
        i += 1  # "the", "sums up the expert"
    if i >= len(doc) or inside_any(doc[i], quotes) or not same_line(doc[i], cue):
        return None
    token = doc[i]
    if token.lower_ == "one" and i + 1 < len(doc) and doc[i + 1].lower_ == "of":
        return token  # "emphasized one of the officials"
    while token.dep_ in ("compound", "amod") and token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head  # "the Reuters agency": the phrase's head
    if token.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return token if is_plausible_speaker(token) or is_loose_speaker(token) else None


GLUED_MARKS = "\"“”‘’'.,;:-–—"


def bare(token: Token) -> str:
    """The word without marks glued to it by the tokenizer ('"He' after 'side."He adds')."""
    return token.text.lower().strip(GLUED_MARKS)


def inside_any(token: Token, quotes) -> bool:
    """The token overlaps a quote ('"He' glued to its opening mark counts)."""
    end = token.idx + len(token.text)
    if isinstance(quotes, QuoteList):
        return quotes.overlaps(token.idx, end)
    return any(token.idx < q.end and q.start < end for q in quotes)


def speaker_phrase(doc: Doc, head: Token, cue: Token | None = None) -> tuple[int, int]:
    """Character bounds of the speaker phrase as written: the head with its modifiers, an apposition,
    an "of"-phrase or "named X" ("the head of X's fund, Kirill Dmitriev"), no relative clause, and
    never the cue itself ("- emphasized one of the officials")."""
    if head.pos_ == "PRON":
        return head.idx, head.idx + len(head.text)
    first, last = head.i, head.i
    for child in head.lefts:
        if child.dep_ not in ("punct", "cc", "case", "relcl", "advmod", "prep"):
            first = min(first, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "appos", "prep", "case", "nummod", "poss", "amod", "acl"):
            last = max(last, child.right_edge.i)
    if cue is not None and cue.i < head.i:
        first = max(first, cue.i + 1)
    elif cue is not None and cue.i > head.i:
        last = min(last, cue.i - 1)
    ent = ent_at(head)
    if ent is not None and ent.label_ in NAME_ENTS:  # not a WORK_OF_ART a headline ran into the name
        first, last = min(first, ent.start), max(last, ent.end - 1)
    # ", Kirill Dmitriev" right after the phrase: an apposition the parser missed
    if last + 2 < len(doc) and doc[last + 1].text == "," and doc[last + 2].ent_type_ == "PERSON":
        ent = ent_at(doc[last + 2])
        ent = ent if ent is not None and ent.start == last + 2 else None
        name_end = ent.start_char + len(clean_name(ent.text)) if ent is not None else 0
        if ent is not None and re.match(r"\s*(?:$|\n|[.;:!?])", doc_text(doc)[name_end:]):
            last = doc.char_span(ent.start_char, name_end, alignment_mode="expand").end - 1
    line_start = doc_text(doc).rfind("\n", 0, head.idx) + 1
    line_end = doc_text(doc).find("\n", head.idx)
    while first < head.i and doc[first].idx < line_start:
        first += 1
    while last > head.i and line_end >= 0 and doc[last].idx >= line_end:
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].text.lower() in LINK_WORDS):
        first += 1
    while last > first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ in ("cc", "case")):
        last -= 1
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    base = start
    for glued in re.finditer(r"(?<=[a-z]{2})[.!?](?=[A-Z])", doc_text(doc)[base:end]):  # "war?The politician", "officials.He"
        if base + glued.start() >= head.idx + len(head.text):
            end = base + glued.start()
            break
        if base + glued.end() <= head.idx:
            start = base + glued.end()
    while end - start > 1 and doc_text(doc)[end - 1] in GLUED_MARKS:
        end -= 1  # "Sarts.-": the tokenizer glued the sentence end and a dash to the name
    while end - start > 1 and doc_text(doc)[start] in GLUED_MARKS:
        start += 1
    return start, end


# ---------------------------------------------------------------------------------------------
# 3. Which quotes are statements


def is_statement_quote(doc: Doc, quote: QuoteSpan, attribution: Attribution) -> bool:
    text = doc_text(doc)[quote.start:quote.end]
    words = WORD.findall(text)
    if len(words) < MIN_QUOTE_WORDS:
        return False
    if is_title_case_name(words, text):
        return False
    # a verbless phrase nobody is said to have said ("coalition of the willing") is a term, not speech
    return (attribution.speaker is not None and not attribution.weak) or has_verb(doc, quote)


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
    para_index: int
    emit: bool = True  # False: a scare quote kept only so that the next quote can inherit its speaker
    how: str = "none"  # explicit, pronoun, title, context, none
    speaker_span: tuple[int, int] | None = None
    speaker_name: str | None = None
    speaker_key: str | None = None
    speaker_is_person: bool = False


def find_indirect(doc: Doc, quotes: list[QuoteSpan], paras: list[Paragraph]) -> list[tuple[int, int, Token, Token, bool]]:
    """(start, end, cue, speaker head, clause first) for each reported statement outside quote marks."""
    found = []
    for token in doc:
        if inside_any(token, quotes):
            continue
        trailing = clause_then_attribution(doc, token, quotes, paras)
        if trailing is not None:
            found.append((trailing[0], trailing[1], token, doc[trailing[2]], True))
            continue
        if is_according(token):
            result = according_to_statement(doc, token, quotes)
        elif is_as_reported_by(token):
            result = as_reported_statement(doc, token, quotes)
        else:
            cue = cue_of(token)
            if cue is None or cue.indirect in ("none", "belief") or in_question(token):
                continue
            result = reported_statement(doc, token, cue, quotes) or parenthetical_statement(doc, token, quotes)
        if result is None:
            continue
        start, end, speaker = result
        if speaker is None or word_count(doc_text(doc)[start:end]) < MIN_INDIRECT_WORDS:
            continue
        found.append((start, end, token, speaker, False))
    return found


def in_question(token: Token) -> bool:
    """"gave no indication whether he said what Beijing might do": whether anything was said is
    itself in question."""
    return any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children)


def clause_then_attribution(doc: Doc, token: Token, quotes, paras: list[Paragraph]) -> tuple[int, int, int] | None:
    """"Both leaders agreed the war should end, Ramaphosa says." -> (start, end, speaker index): the
    words before the comma are the statement. With no quote marks, a first-person one is direct speech."""
    cue = cue_of(token, loose=True)
    if cue is None or cue.part != "verb":
        return None
    before = token.i - 1
    while before >= 0 and doc[before].text.lower() in ("also", "then", "later", "further"):
        before -= 1
    if before < 1 or not (doc[before].pos_ in ("PRON", "PROPN") or doc[before].ent_type_ == "PERSON"):
        return None
    first = before
    while first - 1 >= 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].text != ",":
        first -= 1
    if (first < 1 or doc[first - 1].text != "," or not is_plausible_speaker(doc[before])
            or doc[before].lower_ in RELATIVE_PRONOUNS):  # "the official, who asked": not a clause + attribution
        return None
    para_end = doc_text(doc).find("\n", token.idx)
    sentence_end = SENTENCE_END.search(doc_text(doc), token.idx, para_end if para_end >= 0 else len(doc_text(doc)))
    rest = doc_text(doc)[token.idx:sentence_end.end() if sentence_end else para_end]
    if re.search(r"[“”\"]|\bthat\b", rest) or any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
        return None
    para = paras[paragraph_index(paras, token.idx)]
    start_token = doc.char_span(max(token.sent.start_char, para.content_start), doc[first - 1].idx,
                                alignment_mode="contract")
    if start_token is None or len(start_token) == 0:
        return None
    start, end = trim_span(doc, start_token.start, start_token.end - 1)
    if start is None or re.search(r"[“”\"]", doc_text(doc)[start:end]) or word_count(doc_text(doc)[start:end]) < MIN_QUOTE_WORDS:
        return None
    return start, end, before


def reported_statement(doc: Doc, token: Token, cue: Cue, quotes) -> tuple[int, int, Token | None] | None:
    complement = noun_complement(token) if cue.part == "noun" else verb_complement(token, cue)
    if complement is None:
        return None
    start, end = trim_span(doc, *complement, anchor=token.idx)
    if start is None:
        return None
    speaker = subject_of(token, quotes)
    for child in token.children:  # "X reported Y, as stated by Z": Z is the source
        if child.dep_ == "advcl" and is_as_reported_by(child):
            speaker = subject_of(child, quotes) or speaker
            end = min(end, trim_span(doc, complement[0], child.left_edge.i - 1)[1] or end)
    return start, end, speaker


def parenthetical_statement(doc: Doc, token: Token, quotes) -> tuple[int, int, Token | None] | None:
    """"More importantly, Fedosiuk said, there is a great desire to help": a reporting verb set off by
    commas inside the clause it reports. The statement is what follows it, or the whole sentence when
    the clause's subject comes before it ("The plan, he said, had failed")."""
    if token.dep_ != "parataxis" or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in token.children):
        return None
    left, right = token.left_edge.i, token.right_edge.i
    if doc[left].text != "," or doc[right].text != "," or left == right:
        return None
    sentence = token.sent
    if re.search(r"[“”\"]", sentence.text):
        return None  # quoted words around it are direct speech, attributed elsewhere
    clause = token.head
    subject_first = any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < left for c in clause.children)
    start, end = trim_span(doc, sentence.start if subject_first else right + 1, sentence.end - 1, anchor=token.idx)
    if start is None:
        return None
    return start, end, subject_of(token, quotes)


def as_reported_statement(doc: Doc, token: Token, quotes) -> tuple[int, int, Token | None] | None:
    """"Kyiv was attacked overnight, as confirmed by the mayor": the clause before "as" is the statement."""
    if cue_of(token) is None or cue_of(token.head) is not None:
        return None  # the reporting verb it hangs from carries the statement
    sentence = token.sent
    if token.left_edge.i == sentence.start or all(t.pos_ in ("CCONJ", "ADV", "PUNCT")
                                                  for t in doc[sentence.start:token.left_edge.i]):
        # "As the expert points out, X": the statement follows the as-clause
        start, end = trim_span(doc, token.right_edge.i + 1, sentence.end - 1, anchor=token.idx)
    else:
        start, end = trim_span(doc, sentence.start, token.left_edge.i - 1, anchor=token.idx)
    if start is None:
        return None
    return start, end, subject_of(token, quotes)


def verb_complement(token: Token, cue: Cue) -> tuple[int, int] | None:
    children = list(token.children)
    # a clause after the verb; one before it only when none follows ("X is ready, he says")
    clauses = [c for c in children if c.dep_ == "ccomp" and c.i > token.i] or [c for c in children if c.dep_ == "ccomp"]
    if clauses:
        clause = clauses[0]
        first = clause.left_edge.i
        if token.doc[first].dep_ == "mark" and token.doc[first].text.lower() in ("that", "whether", "if"):
            first += 1
        subjectless = not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children)
        objects = [c for c in children if c.dep_ == "dobj" and token.i < c.i < clause.i]
        if subjectless and objects and cue.indirect == "clause":
            first = objects[0].left_edge.i  # "warned another risk could come from hackers": the parse took the subject for an object
        last = max([clause.right_edge.i] + [c.right_edge.i for c in children if continues_clause(c, clause)])
        return first, last
    late = late_that_clause(token)
    if late is not None:
        return late
    if cue.indirect != "object":
        return None
    objects = [c for c in children if c.i > token.i and (
        c.dep_ in ("dobj", "xcomp", "pcomp") or (c.dep_ == "prep" and c.text.lower() in ("for", "at", "about")))]
    if not objects:
        return None
    first = objects[0].left_edge.i
    if objects[0].dep_ == "prep":
        first = objects[0].i + 1  # "calls for X", "hinted at X": the statement is X
    # "accused X of Y", "described X as Y", "blamed X for Y": what X is accused of, described as or
    # blamed for belongs to it
    objects += [c for c in children if c.dep_ == "prep" and c.lower_ in ("of", "as", "for") and c.i > objects[0].i]
    last = max(c.right_edge.i for c in objects)
    return first, last


def late_that_clause(token: Token) -> tuple[int, int] | None:
    """"warned in a bulletin obtained by ABC News that extremists could pose a threat": the parse hangs
    the that-clause on a noun in the verb's prepositional phrase; it is still what was warned."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in token.children):
        return None
    for prep in (c for c in token.children if c.dep_ == "prep" and c.i > token.i):
        for node in prep.subtree:
            marks = [c for c in node.children if c.dep_ == "mark" and c.lower_ == "that"]
            if node.dep_ in ("acl", "relcl") and marks and any(c.dep_.startswith("nsubj") for c in node.children):
                return marks[0].i + 1, node.right_edge.i
    return None


def continues_clause(child: Token, clause: Token) -> bool:
    """A conjunct the parse hung on the reporting verb that still belongs to the reported clause: one
    with a subject of its own ("said the hospital was controlled by troops, and no patients were
    there"), or a participle sharing the clause's passive ("said he was taunted, denied care and given ...")."""
    if child.dep_ not in ("conj", "ccomp") or child.i <= clause.i:
        return False  # the parse hangs later parts on the verb as conjuncts or as further complements
    if child.tag_ in ("VBN", "VBD") and not any(c.dep_.startswith("nsubj") for c in child.children) \
            and any(c.dep_ == "auxpass" for c in clause.children):
        return True
    return cue_of(child) is None and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)


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


def according_to_statement(doc: Doc, token: Token, quotes) -> tuple[int, int, Token | None] | None:
    """"X, according to Y" or "According to Y, X": the statement is the rest of the sentence."""
    sentence = token.sent
    phrase_first = token.i
    phrase_last = max(token.right_edge.i, token.nbor(1).right_edge.i)
    if phrase_first > sentence.start and doc[phrase_first - 1].text == ",":
        phrase_first -= 1
    line_start = doc_text(doc).rfind("\n", 0, token.idx) + 1
    lead_in = doc.char_span(max(line_start, sentence.start_char), doc[phrase_first].idx, alignment_mode="contract")
    if phrase_first == sentence.start or doc[phrase_first].idx <= line_start or not lead_in \
            or all(t.pos_ in ("CCONJ", "ADV", "PUNCT") for t in lead_in):  # "But, according to Y, X"
        start, end = trim_span(doc, phrase_last + 1, sentence.end - 1, anchor=token.idx)
    else:
        start, end = trim_span(doc, sentence.start, phrase_first - 1, anchor=token.idx)
    if start is None:
        return None
    return start, end, subject_of(token, quotes)


def is_as_reported_by(token: Token) -> bool:
    """"..., as stated by the governor", "As the expert points out, ...": a cue introduced by "as",
    with a "by" agent or a subject of its own."""
    cue = cue_of(token)
    if cue is None or cue.indirect in ("none", "belief"):
        return False
    has_as = any(c.text.lower() == "as" and c.dep_ in ("mark", "advmod") for c in token.children)
    has_source = any(c.dep_ == "agent" or c.dep_ == "nsubj" and c.i < token.i for c in token.children)
    # "as he called on the US to do more" says when, with a complement of its own; "as he said" points
    # to the clause beside it
    own_complement = any(c.dep_ in ("dobj", "ccomp", "xcomp", "dative") or c.dep_ == "prep" and cue.indirect == "object"
                         for c in token.children)
    return has_as and has_source and not own_complement


def trim_span(doc: Doc, first: int, last: int, anchor: int | None = None) -> tuple[int | None, int | None]:
    """Token range -> character bounds without edge punctuation, kept within one line (the line of
    `anchor`, else the last line): the parser sometimes runs a sentence over a line break."""
    if first > last:
        return None, None
    line_of = anchor if anchor is not None else doc[last].idx
    line_start = doc_text(doc).rfind("\n", 0, line_of) + 1
    line_end = doc_text(doc).find("\n", line_of)
    line_end = len(doc_text(doc)) if line_end < 0 else line_end
    while first <= last and doc[first].idx < line_start:
        first += 1
    while last >= first and doc[last].idx >= line_end:
        last -= 1
    while first <= last and (doc[first].is_punct or doc[first].is_space or doc[first].dep_ == "cc"):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space or doc[last].dep_ == "cc") and doc[last].text not in ")]":
        last -= 1
    if last < first:
        return None, None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def is_plausible_speaker(head: Token) -> bool:
    """A person, organization, country, a speaker pronoun, or a noun like "ministry" or "mayor"."""
    word = bare(head)
    if word in PERSONAL_PRONOUNS:
        return True
    if head.pos_ == "PRON" or word in RELATIVE_PRONOUNS or word in LINK_WORDS:
        return word in RELATIVE_PRONOUNS
    if head.ent_type_ in NOT_SPEAKER_ENTS:
        return False
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    kind = speaker_noun_kind(head)
    if kind is not None:
        return kind != "document" or not head.text.lower().endswith("s")
    if any(c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") for c in head.children):
        return True
    return head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.is_title and head.i > head.sent.start)


# ---------------------------------------------------------------------------------------------
# 5. Speaker resolution


@dataclass(frozen=True)
class Mention:
    """A named person (or, for "they", any named actor) seen in the text: a pronoun's possible antecedent."""
    position: int
    sentence: int  # start offset of its sentence
    name: str
    key: str | None
    is_person: bool
    is_subject: bool


def named_in(doc: Doc, start: int, end: int, head: Token, actors: list[ActorMention]) -> Mention | None:
    """The named actor a speaker phrase is about: the name at its head or in apposition to it
    ("Press Secretary Karoline Leavitt", "the head of the fund, Kirill Dmitriev"), not a name that
    only qualifies it ("an advisor in Zelensky's office", "the Russian defence ministry")."""
    head_actor = next((a for a in actors if a.char_start <= head.idx < a.char_end), None)
    head_ent = ent_at(head)
    if head_actor is not None:
        return Mention(head_actor.char_start, 0, clean_name(head_actor.name), head_actor.actor_key,
                       head_actor.actor_type == "person", True)
    if head_ent is not None and head_ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
        return Mention(head_ent.start_char, 0, clean_name(head_ent.text), None, head_ent.label_ == "PERSON", True)
    if speaker_noun_kind(head) is None and head.pos_ == "PROPN":
        return Mention(start, 0, strip_determiner(doc_text(doc)[start:end]), None, True, True)
    # a person in apposition, or named by an acl ("the witness named Maria"), or after the phrase
    tail = doc.char_span(head.idx + len(head.text), end, alignment_mode="expand")
    for token in tail or []:
        if token.dep_ in ("appos", "oprd", "dobj", "attr") or token.head.dep_ in ("appos", "acl") or token.i > head.i:
            person = next((a for a in actors if a.char_start <= token.idx < a.char_end and a.actor_type == "person"), None)
            if person is not None:
                return Mention(person.char_start, 0, clean_name(person.name), person.actor_key, True, True)
            ent = ent_at(token)
            ent = ent if ent is not None and ent.label_ == "PERSON" else None
            if ent is not None and (token.dep_ == "appos" or token.head.dep_ in ("appos", "acl") or
                                    token.head.text.lower() in ("named", "called") or doc[ent.start - 1].text == ","):
                return Mention(ent.start_char, 0, clean_name(ent.text), None, True, True)
    return None


def clean_name(text: str) -> str:
    """A name as far as its first line break (the NER sometimes runs a byline into the next line),
    without stray quote marks or list bullets around it."""
    return text.split("\n")[0].strip(" ,•.-\"'“”‘’>")


def key_for(start: int, end: int, actors: list[ActorMention]) -> str | None:
    for actor in actors:
        if actor.char_start < end and start < actor.char_end:
            return actor.actor_key
    return None


def known_people(actors: list[ActorMention]) -> dict[str, tuple[str, str]]:
    """Surname -> (full name, actor key) of each person the actor finder named in the document; a
    surname two people share is left out."""
    people: dict[str, tuple[str, str] | None] = {}
    for actor in actors:
        name = clean_name(actor.name)
        if actor.actor_type != "person" or len(name.split()) < 2:
            continue
        surname = name.split()[-1].lower()
        if people.get(surname, (name, actor.actor_key)) != (name, actor.actor_key):
            people[surname] = None
        elif surname not in people:
            people[surname] = (name, actor.actor_key)
    return {k: v for k, v in people.items() if v is not None}


def as_known_person(mention: Mention, people: dict[str, tuple[str, str]]) -> Mention:
    """A bare surname, or a name the NER called an organization ("Trump" as ORG), that a person named
    in full in this document carries is that person."""
    words = mention.name.split()
    if mention.key is not None or not words or not words[-1][:1].isupper():
        return mention
    known = people.get(words[-1].lower())
    if known is None or (len(words) > 1 and mention.name != known[0]):
        return mention
    return Mention(mention.position, mention.sentence, known[0], known[1], True, mention.is_subject)


def resolve_speakers(doc: Doc, candidates: list[Candidate], actors: list[ActorMention], quotes) -> None:
    """In document order: names as written, pronouns and titles from what came before. Then a quote
    with no cue takes the speaker of a statement repeating its words (a pull quote or subheading),
    else continues the speaker of the statement just before it."""
    people = known_people(actors)
    mentions = [as_known_person(m, people) for m in person_mentions(doc, actors, quotes)]
    genders: dict[str, str] = {}  # name -> "he" or "she", as the text has referred to them so far
    for cand in candidates:
        if cand.speaker is not None:
            resolve_one(doc, cand, actors, mentions, candidates, people, genders)
    sources = pull_quote_sources(doc, candidates)
    # paragraphs counted without the blank lines between them
    lines = doc_text(doc).split("\n")
    filled = list(itertools.accumulate(1 if line.strip() else 0 for line in lines))
    previous: Candidate | None = None
    for cand in candidates:
        if cand.speaker is None:
            source = sources.get(id(cand))
            if (source is None and previous is not None
                    and filled[cand.para_index] - filled[previous.para_index] <= CONTEXT_PARAGRAPHS):
                source = previous
            if source is not None:
                cand.how = "context"
                cand.speaker_name, cand.speaker_key = source.speaker_name, source.speaker_key
                cand.speaker_is_person, cand.speaker_span = source.speaker_is_person, source.speaker_span
        # a quote owned through a reporting noun ("Russia's assertion that “...”") is not continued
        if cand.speaker_name and not (cand.cue is not None and cand.cue.pos_ in ("NOUN", "PROPN")):
            previous = cand


PULL_QUOTE_RUN = 4  # shared words that make a cue-less quote a repeat of an attributed one


def pull_quote_sources(doc: Doc, candidates: list[Candidate]) -> dict[int, Candidate]:
    """Cue-less quote -> the attributed statement that repeats most of its words ("“Talks are hard”"
    as a subheading, then "- Talks are hard ... - admitted X."). Indexed by word runs: no pairwise scan."""
    def words(cand: Candidate) -> list[str]:
        return [w.lower() for w in WORD.findall(doc_text(doc)[cand.start:cand.end])]

    index: dict[tuple[str, ...], list[Candidate]] = {}
    for cand in candidates:
        if cand.speaker is not None and cand.speaker_name:
            found = words(cand)
            for i in range(len(found) - PULL_QUOTE_RUN + 1):
                index.setdefault(tuple(found[i:i + PULL_QUOTE_RUN]), []).append(cand)
    sources: dict[int, Candidate] = {}
    for cand in candidates:
        if cand.speaker is not None or not index:
            continue
        found = words(cand)
        shared: dict[int, int] = {}  # source -> shared runs
        by_id: dict[int, Candidate] = {}
        for i in range(len(found) - PULL_QUOTE_RUN + 1):
            for source in index.get(tuple(found[i:i + PULL_QUOTE_RUN]), []):
                if source is not cand:
                    shared[id(source)] = shared.get(id(source), 0) + 1
                    by_id[id(source)] = source
        runs = max(len(found) - PULL_QUOTE_RUN + 1, 1)
        best = max(shared, key=shared.get, default=None)
        if best is not None and shared[best] >= max(min(2, runs), runs / 4):  # five words in a row, or a quarter
            sources[id(cand)] = by_id[best]
    return sources


def resolve_one(doc: Doc, cand: Candidate, actors, mentions: list[Mention], candidates: list[Candidate],
                people: dict[str, tuple[str, str]], genders: dict[str, str]) -> None:
    head = cand.speaker
    start, end = cand.speaker_span or speaker_phrase(doc, head, cand.cue)
    cand.speaker_span = (start, end)
    if bare(head) in PERSONAL_PRONOUNS and head.pos_ == "PRON":
        cand.how = "pronoun"
        antecedent = pronoun_antecedent(head, mentions, candidates, genders)
        if antecedent is not None:
            cand.speaker_name, cand.speaker_key, cand.speaker_is_person = antecedent
            if bare(head) in ("he", "she"):
                genders.setdefault(antecedent[0], bare(head))
        return
    named = named_in(doc, start, end, head, actors)
    if named is None and head.is_title and head.pos_ == "NOUN" and speaker_noun_kind(head) is None:
        named = Mention(start, 0, clean_name(doc_text(doc)[start:end]), None, False, True)  # "Trump replies"
    if named is not None:
        named = as_known_person(named, people)
        gendered = {GENDERED_WORDS[w] for w in WORD.findall(doc_text(doc)[start:end].lower()) if w in GENDERED_WORDS}
        if len(gendered) == 1:  # "spokeswoman Maria Zakharova", "Mr Lammy"
            genders.setdefault(named.name, gendered.pop())
        cand.how = "explicit"
        cand.speaker_name, cand.speaker_is_person = named.name, named.is_person
        cand.speaker_key = named.key
        return
    kind = speaker_noun_kind(head)
    cand.speaker_key = key_for(head.idx, head.idx + len(head.text), actors)
    cand.speaker_name = strip_determiner(doc_text(doc)[start:end])
    cand.speaker_is_person = kind in ("title", "person")
    cand.how = "explicit"
    if kind == "title" and cand.speaker_key is None and is_definite(doc, start):
        titled = titled_person(doc, head, start, end, mentions, actors)
        if titled is not None:
            cand.how = "title"
            cand.speaker_name, cand.speaker_key = titled.name, titled.key
    elif bare(head) in ANAPHORIC_NOUNS and doc_text(doc)[start:end].lower() == "the " + bare(head):
        antecedent = pronoun_antecedent(head, mentions, [c for c in candidates if c is not cand], kind="person")
        if antecedent is not None:  # "The politician said": the person just named, as "he" would be
            cand.how = "pronoun"
            cand.speaker_name, cand.speaker_key, cand.speaker_is_person = antecedent


def is_definite(doc: Doc, start: int) -> bool:
    """"the PM", "Kyiv's mayor" point to someone known; "a spokesperson", "his spokeswoman" do not."""
    first = doc_text(doc)[start:].split(" ", 1)[0].lower()
    return first not in ("a", "an", "one", "another", "his", "her", "their", "its", "some")


def strip_determiner(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)


GENDERED_WORDS = {"spokeswoman": "she", "chairwoman": "she", "woman": "she", "lady": "she", "mrs": "she",
                  "ms": "she", "miss": "she", "spokesman": "he", "chairman": "he", "mr": "he"}


# "the politician", "the expert": a person named just before, referred to as by a pronoun. Not "the
# official" or "the diplomat", who are often left unnamed on purpose.
ANAPHORIC_NOUNS = frozenset({"politician", "scholar", "expert", "analyst", "economist", "scientist", "researcher",
                             "historian", "professor"})


def pronoun_antecedent(pronoun: Token, mentions: list[Mention], candidates: list[Candidate],
                       genders: dict[str, str] | None = None, kind: str | None = None):
    """The nearest plausible named speaker before the pronoun: the latest sentence naming one wins;
    within it, a subject or a speaker beats a name in passing ("Ivshina told us about Moskalik - she").
    Someone the text has called "he" is not a later "she", and the other way round."""
    position = pronoun.idx
    kind = kind or PERSONAL_PRONOUNS[bare(pronoun)]  # "he" wants a person, "it" a body, "they" either
    options = [m for m in mentions if m.position < position]
    for cand in candidates:
        if cand.speaker_name and cand.speaker_span and cand.speaker_span[0] < position and cand.cue is not None:
            sentence = sentence_start(cand.cue)
            options.append(Mention(cand.speaker_span[0], sentence, cand.speaker_name, cand.speaker_key,
                                   cand.speaker_is_person, True))
    options = [m for m in options if position - m.position <= PRONOUN_WINDOW
               and (kind == "group" or m.is_person == (kind == "person"))]
    if bare(pronoun) in ("he", "she") and genders:
        options = [m for m in options if genders.get(m.name, bare(pronoun)) == bare(pronoun)] or options
    if sentence_start(pronoun) in {m.sentence for m in options}:
        same = [m for m in options if m.sentence == sentence_start(pronoun)]
        if not any(m.is_subject for m in same):  # "Trump told Putin to stop; he said": not Putin
            options = [m for m in options if m.sentence != sentence_start(pronoun)] or same
    if not options:
        return None
    # the latest sentences naming someone (one close before the last too): there a subject or a
    # speaker beats a name in passing
    last_sentence = max(m.sentence for m in options)
    recent = [m for m in options if last_sentence - m.position <= RECENT_CHARS]
    pool = [m for m in recent if m.is_subject] or recent
    best = max(pool, key=lambda m: (m.sentence, m.position))
    return best.name, best.key, best.is_person


def sentence_start(token: Token) -> int:
    """Where the token's sentence starts, never before its line: the parser runs a heading into the
    paragraph under it, and the heading's first word is no subject of that paragraph."""
    return max(token.sent.start_char, doc_text(token.doc).rfind("\n", 0, token.idx) + 1)


def person_mentions(doc: Doc, actors: list[ActorMention], quotes) -> list[Mention]:
    """Named people outside quotes (and named organizations, for "they"), as pronoun antecedents:
    the actor finder's people first, then what the NER labelled, then proper-noun subjects nobody
    labelled. Left out: bylines (a name alone on its line) and possessives ("Zelensky's dismissals")."""
    found: list[Mention] = []
    covered: set[int] = set()
    # A one-word "name" that the text also writes in lower case is a common word the tagger took for a
    # name at a sentence start ("Loss", "Member"), or a pronoun with a mark glued on ('"He').
    common = set(re.findall(r"\b[a-z]+\b", doc_text(doc))) | PERSONAL_PRONOUNS.keys()

    def is_common_word(name: str) -> bool:
        return " " not in name and name.lower().strip(GLUED_MARKS) in common

    def add(span: Span, name: str, key: str | None, is_person: bool) -> None:
        root = span.root
        while root.dep_ in ("compound", "flat") and root.head.pos_ == "PROPN" and root.head is not root:
            root = root.head  # "Jonas Gahr" tagged, "Støre" not: the name's head is the subject
        covered.update(range(span.start, max(span.end, root.i + 1)))
        if root.dep_ == "poss" or is_byline(doc, span) or inside_any(span[0], quotes) or is_common_word(name):
            return
        found.append(Mention(span.start_char, sentence_start(root), name, key, is_person, is_subject(root)))

    for actor in actors:
        span = doc.char_span(actor.char_start, actor.char_end, alignment_mode="expand")
        if actor.actor_type == "person" and span is not None and span.start not in covered:
            add(span, clean_name(actor.name), actor.actor_key, True)
    for ent in doc_ents(doc):
        span = one_line(ent)
        if ent.label_ in ("PERSON", "ORG") and span is not None and not covered & set(range(span.start, span.end)):
            add(span, clean_name(span.text), None, ent.label_ == "PERSON")
    for token in doc:
        if (token.dep_ == "nsubj" and token.pos_ == "PROPN" and token.i not in covered and not token.ent_id_
                and token.ent_type_ not in ("ORG", "NORP", "GPE", "LOC", "FAC") and not inside_any(token, quotes)
                and token.text.lower() not in LINK_WORDS and not is_common_word(token.text)):
            first = token.left_edge.i if all(t.pos_ == "PROPN" for t in doc[token.left_edge.i:token.i]) else token.i
            name = clean_name(doc[first:token.i + 1].text)
            if name[:1].isalpha():
                found.append(Mention(doc[first].idx, sentence_start(token), name, None, True, True))
    return sorted(found, key=lambda m: m.position)


def one_line(span: Span) -> Span | None:
    """The part of an entity on its root's line ("Title\n\nNadia Petrenko" -> "Nadia Petrenko")."""
    doc = span.doc
    line_start = doc_text(doc).rfind("\n", 0, span.root.idx) + 1
    line_end = doc_text(doc).find("\n", span.root.idx)
    tokens = [t for t in span if t.idx >= line_start and (line_end < 0 or t.idx < line_end) and not t.is_space]
    return doc[tokens[0].i:tokens[-1].i + 1] if tokens else None


def is_subject(root: Token) -> bool:
    """The subject of its clause, in apposition to one, the antecedent of "who ..." or the first words
    of its sentence ("Trump starts by ...", however the tagger read "starts")."""
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    if any(c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.text.lower() == "who" for g in c.children)
           for c in root.children):
        return True
    sentence_words = [t for t in root.sent if not (t.is_space or t.is_punct or t.like_num)]
    return bool(sentence_words) and sentence_words[0].i == root.left_edge.i


def is_byline(doc: Doc, ent: Span) -> bool:
    """A name alone on its line: the reporter's byline, not someone in the story."""
    line_start = doc_text(doc).rfind("\n", 0, ent.start_char) + 1
    line_end = doc_text(doc).find("\n", ent.start_char)
    line = doc_text(doc)[line_start:line_end if line_end >= 0 else len(doc_text(doc))]
    return LIST_MARKER.sub("", line, count=1).strip() == clean_name(ent.text)


TITLE_SYNONYMS = {"pm": "prime minister", "premier": "prime minister"}
# "the Ukrainian leader" is its president or prime minister, named with that title
TITLES_LED_BY = {"leader": ("leader", "president", "prime minister", "premier", "chancellor")}


def titled_person(doc: Doc, head: Token, start: int, end: int, mentions: list[Mention],
                  actors: list[ActorMention]) -> Mention | None:
    """"the PM" -> a person the text introduces with that title ("UK Prime Minister Keir Starmer"),
    the one mentioned most recently before (else first after). A qualifier ("Kyiv's mayor", "the US
    president") must match the title's words or the person's country, unless only one person holds
    that title. Former office holders do not count."""
    title = TITLE_SYNONYMS.get(head.text.lower(), head.text.lower())
    phrase = doc.char_span(start, end, alignment_mode="expand") or []
    qualifiers = {qualifier_stem(t.text) for t in phrase
                  if t.i != head.i and (t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP"))
                  and t.text.lower() not in set(title.split()) | LINK_WORDS}
    countries = {a.country_code for a in actors
                 if start <= a.char_start < end and a.actor_type == "country" and a.country_code}
    countries |= {demonym_codes()[t.lower_] for t in phrase if t.lower_ in demonym_codes()}  # "the Russian leader"
    holders: dict[str, int] = {}  # surname -> how well the qualifiers match (words 2 each, country 1)
    held_as = re.compile(r"\b(?:" + "|".join(map(re.escape, TITLES_LED_BY.get(title, (title,)))) + r")\b")
    for surname, title_words, country in title_holders(doc, actors):
        if not held_as.search(title_words) or re.search(r"\b(?:former|late|ex)\b", title_words):
            continue
        if countries and country is not None and country not in countries:
            continue  # "the Russian leader" is not Ukraine's president
        score = 2 * len(qualifiers & {qualifier_stem(w) for w in title_words.split()})
        score += 1 if country is not None and country in countries else 0
        holders[surname] = max(holders.get(surname, 0), score)
    if qualifiers and holders:
        best = max(holders.values())
        places_only = all(t.ent_type_ in ("GPE", "NORP") for t in phrase if qualifier_stem(t.text) in qualifiers)
        if best == 0 and not (len(holders) == 1 and places_only):
            return None  # "the PM's spokesperson" is not whichever spokesperson the text names
        holders = {k: v for k, v in holders.items() if v == best}
    named = [m for m in mentions if m.is_person and m.name.split() and m.name.split()[-1] in holders]
    before = [m for m in named if m.position < start]
    if before:
        return max(before, key=lambda m: m.position)
    after = [m for m in named if m.position >= end]
    return min(after, key=lambda m: m.position) if after else None


@lru_cache(maxsize=1)
def demonym_codes() -> dict[str, str]:
    return {word.lower(): code for word, code in demonyms().items()}


def country_in_title(title_words: str) -> str | None:
    """"ukrainian president" -> UA."""
    return next((demonym_codes()[w] for w in title_words.split() if w in demonym_codes()), None)


if not Doc.has_extension("title_holders"):
    Doc.set_extension("title_holders", default=None)


def title_holders(doc: Doc, actors: list[ActorMention]) -> list[tuple[str, str, str | None]]:
    """(surname, title words, country) for each person introduced with a title: by the words right
    before the name ("Kyiv mayor Vitali Klitschko"), an apposition ("Starmer, the PM"), or the
    gazetteer's role. Computed once per document (and actor list)."""
    cached = doc._.title_holders
    if cached is None or cached[0] is not actors:
        doc._.title_holders = (actors, find_title_holders(doc, actors))
    return doc._.title_holders[1]


def find_title_holders(doc: Doc, actors: list[ActorMention]) -> list[tuple[str, str, str | None]]:
    found = []
    country_of = {clean_name(a.name).split()[-1]: a.country_code for a in actors if a.actor_type == "person" and a.name.split()}
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON" or not clean_name(ent.text):
            continue
        surname = clean_name(ent.text).split()[-1]
        words = title_words_of(ent)
        found.append((surname, words, country_of.get(surname) or country_in_title(words)))
    for actor in actors:
        if actor.actor_type == "person" and actor.role and actor.name.split():
            found.append((clean_name(actor.name).split()[-1], normalize_words(actor.role), actor.country_code))
    return found


def title_words_of(ent: Span) -> str:
    doc = ent.doc
    first = ent.start
    while first > ent.sent.start and (doc[first - 1].pos_ in ("PROPN", "NOUN", "ADJ") or doc[first - 1].tag_ == "POS"):
        first -= 1
    words = doc[first:ent.start].text
    root = ent.root
    if root.dep_ == "appos":
        words += " " + doc[root.head.left_edge.i:root.head.i + 1].text
    for child in root.children:
        if child.dep_ == "appos":
            words += " " + doc[child.left_edge.i:child.right_edge.i + 1].text
    return normalize_words(words)


def normalize_words(text: str) -> str:
    text = text.lower().replace("’s", " ").replace("'s", " ")
    return re.sub(r"[^\w\s-]", " ", text)


def qualifier_stem(word: str) -> str:
    word = word.lower().replace("’s", "").replace("'s", "").strip(".’'")
    aliases = {"u.s": "us", "american": "us", "america": "us", "united": "us", "british": "uk", "britain": "uk"}
    word = aliases.get(word, word)
    return word[:4] if len(word) > 4 else word


# ---------------------------------------------------------------------------------------------
# Entry point


def find_statements(doc: Doc, document_id: str, published_at, actors: list[ActorMention]) -> list[Statement]:
    text = doc_text(doc)
    paras = paragraphs_of(text)
    quotes = find_quote_spans(text)
    candidates: list[Candidate] = []
    for quote in quotes:
        attribution = find_attribution(doc, quote, quotes, paras[quote.para_index])
        candidates.append(Candidate(
            quote.start, quote.end, "direct", attribution.cue, attribution.speaker, quote.para_index,
            emit=is_statement_quote(doc, quote, attribution), speaker_span=attribution.speaker_span,
        ))
    direct_spans = [(c.start, c.end) for c in candidates if c.emit]
    reported = []
    for start, end, cue, speaker, clause_first in find_indirect(doc, quotes, paras):
        if any(s < end and start < e for s, e in direct_spans):
            continue  # the reported clause carries a quote: the quote is the statement
        kind = "direct" if clause_first and is_first_person(doc_text(doc)[start:end]) else "indirect"
        reported.append(Candidate(start, end, kind, cue, speaker, paragraph_index(paras, start)))
    candidates.extend(split_nested(doc, reported))
    candidates.sort(key=lambda c: c.start)
    resolve_speakers(doc, candidates, actors, quotes)
    published = published_at.date() if isinstance(published_at, datetime) else published_at
    return [to_row(doc, document_id, cand, published) for cand in candidates if cand.emit]


def is_first_person(text: str) -> bool:
    """"We are fighting for our independence": direct speech printed without quote marks."""
    return any(w == "I" or w in FIRST_PERSON or w.lower() in ("we", "our") for w in WORD.findall(text))


def paragraph_index(paras: list[Paragraph], offset: int) -> int:
    for para in paras:
        if para.start <= offset <= para.end:
            return para.index
    return paras[-1].index


def split_nested(doc: Doc, reported: list[Candidate]) -> list[Candidate]:
    """"X expressed his disappointment, stating that Y": a statement whose words contain another
    reporting verb's statement ends before that verb; the same words twice are kept once."""
    kept: list[Candidate] = []
    for cand in sorted(reported, key=lambda c: (c.start, -(c.end - c.start))):
        inner_cues = [o.cue for o in reported if o is not cand and cand.start <= o.cue.idx < cand.end
                      and o.start >= cand.start]
        if inner_cues:
            first = min(inner_cues, key=lambda t: t.i)
            head_end = trim_span(doc, doc.char_span(cand.start, cand.end, alignment_mode="expand").start, first.i - 1)[1]
            if head_end is None or word_count(doc_text(doc)[cand.start:head_end]) < MIN_INDIRECT_WORDS:
                continue
            cand.end = head_end
        if any(k.start == cand.start and k.end == cand.end for k in kept):
            continue
        kept.append(cand)
    return kept


def to_row(doc: Doc, document_id: str, cand: Candidate, published: date | None) -> Statement:
    span = cand.speaker_span
    return Statement(
        statement_id=stable_id(document_id, "statement", cand.start, cand.end),
        document_id=document_id,
        quote=doc_text(doc)[cand.start:cand.end],
        char_start=cand.start,
        char_end=cand.end,
        statement_type=cand.statement_type,
        speaker_text=doc_text(doc)[span[0]:span[1]] if span else None,
        speaker_char_start=span[0] if span else None,
        speaker_char_end=span[1] if span else None,
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
    outside = doc_text(doc)[sentence.start_char:cand.start] + " " + doc_text(doc)[cand.end:sentence.end_char]
    return resolve_date(outside, published) or published
