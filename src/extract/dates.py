"""Dates in news text, absolute ("On 17 December 2024", "March 11") or relative to publication
("overnight into Saturday", "early hours of Wednesday", "yesterday", "last night", "on Monday").

`find_dates(text, published)` returns every date expression with its span and resolved value;
`resolve_date(text, published)` the first day-precise one. A weekday means the most recent such
day on or before publication, because news reports what already happened. Without `published`,
only absolute dates with a year resolve.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "August 6-8, 2016", "7-8 August": a span of days is dated by its first day, in the year that follows
_DAY_RANGE_END = r"(?:\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?)?"

# Ordered: the first pattern that claims a span wins, so longer expressions come first.
PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("day_month", re.compile(rf"\b{_DAY}{_DAY_RANGE_END}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR}|(?P<lastyear>\s+last\s+year))?\b",
                             re.IGNORECASE)),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}{_DAY_RANGE_END}(?!\d)(?!\s*(?:bn|m\b|people|%))(?:,?\s+{_YEAR}|"
                             rf"(?P<lastyear>\s+last\s+year))?\b", re.IGNORECASE)),
    ("overnight_into", re.compile(rf"\b(?:overnight|night)\s+(?:into|to)\s+{_WEEKDAY}\b", re.IGNORECASE)),
    ("weekday", re.compile(rf"\b(?P<last>last\s+)?{_WEEKDAY}(?:'s)?\b", re.IGNORECASE)),
    ("yesterday", re.compile(r"\b(?:yesterday|last\s+night|the\s+previous\s+(?:day|night)|the\s+day\s+before)\b", re.IGNORECASE)),
    ("days_ago", re.compile(r"\b(?P<n>two|three|four|five|six|\d)\s+days\s+ago\b", re.IGNORECASE)),
    # "several months ago", "two years ago": a month or a year, counted back from publication
    # ("nearly 80 years before", "decades earlier": long before the news, whatever it is counted from)
    ("units_ago", re.compile(r"\b(?:(?:nearly|almost|about|around|some|more than|over)\s+)?"
                             r"(?P<n>a few|several|a couple of|two|three|four|five|six|\d{1,2})\s+"
                             r"(?:(?P<unit>months|years)\s+ago|(?P<long>years|decades)\s+(?:ago|before|earlier))\b", re.IGNORECASE)),
    ("today", re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|overnight|earlier\s+in\s+the\s+day)\b", re.IGNORECASE)),
    ("month_year", re.compile(rf"\b{_MONTH}\s+(?:{_YEAR}|(?P<this>this\s+year)|(?P<lastyear>last\s+year))\b", re.IGNORECASE)),
    ("year", re.compile(rf"\b(?:in|since|of|from|during)\s+(?:the\s+)?{_YEAR}\b", re.IGNORECASE)),
    # a month with no day or year: the last such month up to publication ("in late February")
    ("month", re.compile(rf"\b(?:(?:in|during)\s+(?:(?:early|late|mid)[- ]?)?|(?:early|late|mid)[- ]){_MONTH}\b(?!\s*\d)",
                         re.IGNORECASE)),
    ("period", re.compile(r"\b(?:(?P<earlier>earlier) this|(?P<last>last)) (?P<unit>week|month|year)\b", re.IGNORECASE)),
]
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a few": 3, "several": 3, "a couple of": 2}


@dataclass(frozen=True)
class DateMatch:
    value: date
    text: str
    start: int
    end: int
    precision: str  # day, week, month, year
    relative: bool = False  # resolved against the publication date


def find_dates(text: str, published: date | None) -> list[DateMatch]:
    """Every date expression in `text` that resolves, left to right."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            resolved = _resolve(kind, match, published)
            if resolved is None:
                continue
            value, precision = resolved
            found.append(DateMatch(value, match.group(0), match.start(), match.end(), precision,
                                   relative=kind not in ("iso", "day_month", "month_day", "month_year", "year")
                                   or match.groupdict().get("year") is None))
            taken.append((match.start(), match.end()))
    return sorted(found, key=lambda m: m.start)


def resolve_date(text: str, published: date | None) -> date | None:
    """The first day-precise date `text` names, or None."""
    for match in find_dates(text, published):
        if match.precision == "day":
            return match.value
    return None


def most_recent_weekday(weekday: int, published: date, strictly_before: bool = False) -> date:
    """The latest date with that weekday on (or strictly before) `published`."""
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - timedelta(days=back)


def _resolve(kind: str, match: re.Match, published: date | None) -> tuple[date, str] | None:
    groups = match.groupdict()
    if kind == "iso":
        return _safe_date(int(groups["year"]), int(groups["month"]), int(groups["day"]), "day")
    if groups.get("month") and groups["month"] == "may":
        return None  # lower-case "may" is the verb
    if kind in ("day_month", "month_day"):
        month = MONTHS[groups["month"].lower().rstrip(".")]
        day = int(groups["day"])
        if groups.get("year"):
            return _safe_date(int(groups["year"]), month, day, "day")
        if published is None:
            return None
        if groups.get("lastyear"):
            return _safe_date(published.year - 1, month, day, "day")
        candidate = _safe_date(published.year, month, day, "day")
        # A day-month without a year that lies well after publication meant last year.
        if candidate and candidate[0] > published + timedelta(days=7):
            candidate = _safe_date(published.year - 1, month, day, "day")
        return candidate
    if kind == "month_year":
        month = MONTHS[groups["month"].lower().rstrip(".")]
        if groups.get("year"):
            return date(int(groups["year"]), month, 1), "month"
        if published is None:
            return None
        year = published.year - (1 if groups.get("lastyear") else 0)
        return date(year, month, 1), "month"
    if kind == "year":
        return date(int(groups["year"]), 1, 1), "year"
    if published is None:
        return None
    if kind == "month":
        month = MONTHS[groups["month"].lower().rstrip(".")]
        return date(published.year - (month > published.month), month, 1), "month"
    if kind == "period":
        back = 1 if groups.get("last") else 0
        if groups["unit"].lower() == "week":  # the week's Monday: a week, not a day
            return published - timedelta(days=published.weekday() + 7 * back), "week"
        if groups["unit"].lower() == "year":
            return date(published.year - back, 1, 1), "year"
        month = published.month - back
        return (date(published.year, month, 1) if month else date(published.year - 1, 12, 1)), "month"
    if kind in ("overnight_into", "weekday"):
        weekday = WEEKDAYS[groups["weekday"].lower()]
        return most_recent_weekday(weekday, published, strictly_before=bool(groups.get("last"))), "day"
    if kind == "yesterday":
        return published - timedelta(days=1), "day"
    if kind == "days_ago":
        n = groups["n"].lower()
        return published - timedelta(days=_SMALL.get(n) or int(n)), "day"
    if kind == "units_ago":
        n = groups["n"].lower()
        back = _SMALL.get(n) or int(n)
        if groups["long"]:
            back *= 10 if groups["long"].lower() == "decades" else 1
            return (date(max(1, published.year - back), 1, 1), "year") if back >= 2 else None
        if groups["unit"].lower() == "years":
            return date(published.year - back, 1, 1), "year"
        months = published.year * 12 + published.month - 1 - back
        return date(months // 12, months % 12 + 1, 1), "month"
    if kind == "today":
        return published, "day"
    return None


def _safe_date(year: int, month: int, day: int, precision: str) -> tuple[date, str] | None:
    try:
        return date(year, month, day), precision
    except ValueError:
        return None
