"""How extracted text is compared with gold text: normalized words, overlapping passages, distances.

Extraction and annotation rarely agree to the character (sentence splits, quote marks, trailing
punctuation, curly apostrophes), so two passages "overlap" when they share one long run of words.
"""
from __future__ import annotations

import math
import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

import pandas as pd

# Curly quotes and dashes become their plain forms before comparing.
_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_WORD = re.compile(r"\w+")


def words(text: object) -> tuple[str, ...]:
    """Lower-cased words without punctuation: the unit every text comparison works on."""
    return _words(text) if isinstance(text, str) else ()


@lru_cache(maxsize=65536)  # the same sentences and quotes are compared many times
def _words(text: str) -> tuple[str, ...]:
    plain = unicodedata.normalize("NFKC", text).translate(_PLAIN).casefold()
    return tuple(_WORD.findall(plain))


def normalize(text: object) -> str:
    return " ".join(words(text))


def name_key(name: object) -> str:
    """A name as compared across gold and warehouse: `St Petersburg` == `Saint-Petersburg`,
    `António Guterres` == `Antonio Guterres` (accents are spelling, not identity)."""
    key = re.sub(r"^the ", "", normalize(name))
    key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return re.sub(r"^saint ", "st ", key)


def longest_shared_run(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """Length, in words, of the longest run of words that `a` and `b` share."""
    if not a or not b or not set(a) & set(b):
        return 0
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


def overlaps(a: object, b: object, min_share: float = 0.5, min_length_ratio: float = 0.0) -> bool:
    """True when `a` and `b` share a run of words covering `min_share` of the shorter one.

    `min_length_ratio` also asks the shorter to be at least that share of the longer, so that a
    two-word fragment does not "match" a whole paragraph that happens to contain it.
    """
    wa, wb = words(a), words(b)
    shorter, longer = sorted((len(wa), len(wb)))
    if shorter == 0 or shorter < min_length_ratio * longer:
        return False
    return longest_shared_run(wa, wb) >= min_share * shorter


def distance_km(lat1: object, lon1: object, lat2: object, lon2: object) -> float | None:
    """Great-circle distance; None when any coordinate is missing."""
    values = [lat1, lon1, lat2, lon2]
    if any(is_missing(v) for v in values):
        return None
    la1, lo1, la2, lo2 = (math.radians(float(v)) for v in values)
    h = (math.sin((la2 - la1) / 2) ** 2
         + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def is_missing(value: object) -> bool:
    """None, NaN, pandas' NA and NaT all mean "not reported"."""
    return bool(pd.api.types.is_scalar(value) and pd.isna(value))
