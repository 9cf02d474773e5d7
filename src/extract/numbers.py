"""Counts written the way news writes them: "12", "1,200", "twenty-three", "at least 12", "dozens".

`find_quantities(text)` returns every count in a text with its span and what its qualifier says
about the range: "at least 12" is a lower bound, "up to 12" an upper bound. Numbers that measure
something other than a count of people or things (ages, calibres, distances, years, percentages)
are left out, because callers look for casualty and munition counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
# Vague plurals: the value is the smallest count the word can mean, flagged approximate.
# ("dozens" is at least 24, "a dozen" exactly 12; "several" is left to callers as too vague.)
VAGUE_COUNTS = {"a dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000}
# War-wide magnitudes; never a single attack's toll.
AGGREGATE_WORDS = ("tens of thousands", "hundreds of thousands", "millions")

LOWER_BOUND = r"at least|no fewer than|not less than|more than|over|upwards of|in excess of|a minimum of"
UPPER_BOUND = r"up to|as many as|at most|fewer than|less than|nearly|almost|under"
APPROXIMATE = r"about|around|approximately|some|roughly|an estimated|estimated|nearly|almost"

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_SCALE = "|".join(SCALES)
# One number: digits (with thousands separators or a decimal part) or spelled out.
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?:{_SCALE}))?"
    rf"|(?:{_WORD})(?:[\s-]+(?:{_WORD}))?(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?(?:{_WORD})(?:[\s-](?:{_WORD}))?)?)?"
)
_QUALIFIER = rf"{LOWER_BOUND}|{UPPER_BOUND}|{APPROXIMATE}"
_VAGUE = "|".join(re.escape(w) for w in sorted(VAGUE_COUNTS, key=len, reverse=True))
QUANTITY_RE = re.compile(
    rf"\b(?:(?P<qual>{_QUALIFIER})\s+)?(?:(?P<num>{NUMBER})|(?P<vague>{_VAGUE}))(?![\w,]*\d)\b",
    re.IGNORECASE,
)
# What follows a number that measures something other than a count.
_MEASURE_AFTER = re.compile(
    r"^(?:\s*-?\s*(?:years?[\s-]old|year|years|yo\b|mm|cm|km|kilomet|kms?\b|miles?|metres?|meters?|m\b|kg|"
    r"tonnes?|tons?|%|per ?cent|hours?|hrs?|minutes?|mins?|seconds?|days?|weeks?|months?|"
    r"decades?|centur|am\b|pm\b|a\.m|p\.m|[ap]\.?m\.?\b|gmt|utc|kyiv time|local time|st\b|nd\b|rd\b|th\b|"
    r"billion|bn\b|dollars|euros?|pounds|hryvnia|rubles?|roubles?|square|sq\b|hectares?|degrees?))",
    re.IGNORECASE,
)
_MONEY_BEFORE = re.compile(r"[$€£₴]\s*$|\bno\.\s*$|\bnumber\s*$", re.IGNORECASE)
_MONTHS = r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_MONTH_NEAR = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^\s*(?:{_MONTHS})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """One count in a text. `value` is the figure as written; `low`/`high` its range (None: open)."""
    value: int
    low: int | None
    high: int | None
    text: str
    start: int
    end: int
    approximate: bool = False


def parse_number(text: str) -> int | None:
    """'12' -> 12, '1,200' -> 1200, 'twenty-three' -> 23, 'two hundred and fifty' -> 250."""
    cleaned = text.strip().lower().replace(",", "")
    if not cleaned:
        return None
    if cleaned in VAGUE_COUNTS:
        return VAGUE_COUNTS[cleaned]
    words = re.split(r"[\s-]+", cleaned)
    if re.fullmatch(r"\d+(?:\.\d+)?", words[0]):
        value = float(words[0])
        for word in words[1:]:
            if word not in SCALES:
                return None
            value *= SCALES[word]
        return round(value)
    total, current = 0, 0
    for word in words:
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
    return total + current


def find_quantities(text: str) -> list[Quantity]:
    """Every count in `text`, left to right, without ages, calibres, years, times or money."""
    found: list[Quantity] = []
    for match in QUANTITY_RE.finditer(text):
        raw = match.group("num") or match.group("vague")
        if _is_measure(text, match, raw):
            continue
        value = parse_number(raw)
        if value is None:
            continue
        qualifier = (match.group("qual") or "").lower()
        approximate = bool(match.group("vague")) or bool(re.fullmatch(APPROXIMATE, qualifier))
        low, high = _bounds(value, qualifier, bool(match.group("vague")))
        found.append(Quantity(value, low, high, match.group(0), match.start(), match.end(), approximate))
    return found


def part_of_whole(text: str) -> tuple[int, int] | None:
    """'six out of seven' / '71 of 123' -> (6, 7) / (71, 123); None when the text holds no such pair."""
    match = re.search(rf"\b({NUMBER})\s+(?:out\s+)?of\s+(?:the\s+)?({NUMBER})\b", text, re.IGNORECASE)
    if not match:
        return None
    part, whole = parse_number(match.group(1)), parse_number(match.group(2))
    if part is None or whole is None or part > whole:
        return None
    return part, whole


def is_aggregate(text: str) -> bool:
    """True for war-wide magnitudes such as 'tens of thousands'."""
    lowered = text.lower()
    return any(word in lowered for word in AGGREGATE_WORDS)


def _bounds(value: int, qualifier: str, vague: bool) -> tuple[int | None, int | None]:
    if vague or re.fullmatch(LOWER_BOUND, qualifier):
        return value, None if vague else value
    if re.fullmatch(UPPER_BOUND, qualifier):
        return None if qualifier in ("up to", "as many as", "at most") else value, value
    return value, value


def _is_measure(text: str, match: re.Match, raw: str) -> bool:
    after = text[match.end():match.end() + 16]
    before = text[max(0, match.start() - 12):match.start()]
    if raw.lower() == "no":
        return True  # "no" only counts inside callers' own "no casualties" rules
    if _MEASURE_AFTER.match(after) or _MONEY_BEFORE.search(before):
        return True
    if after.startswith(("-", "–")) and re.match(r"^[-–]\s*\d", after):
        return True  # ranges and scores such as "2-1" are not counts of people
    digits = raw.replace(",", "")
    if digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100 and "," not in raw:
        return True  # a year
    if digits.isdigit() and (_MONTH_NEAR.search(before) or _MONTH_AFTER.match(after)):
        return True  # a day of a month
    if re.match(r"^\s*(?:st|nd|rd|th)\b", after):
        return True
    if digits.isdigit() and re.search(r"[A-Z][\w’'-]+,\s*$", before) and re.match(r"^\s*,", after):
        return True  # an age in apposition: "Lilya Petrenko, 52, lives nearby"
    if re.search(r"\b(?:aged|age|ages)\s+$", before, re.IGNORECASE):
        return True  # an age: "a survivor aged 91", "children under age 5"
    if re.search(r"\b[A-Z][A-Za-z]{0,3}[-–]?$", before) and match.group(0)[:1].isdigit():
        return True  # part of a name: "G-7 leaders", "Su-25", "MH17"
    # times, dates, versions
    return bool(re.search(r"[\d.:/]$", before) or re.match(r"^[:/.]\d", after))
