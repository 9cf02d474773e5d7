"""Read an inbox folder into articles, and explain every file that cannot be one.

Formats (see the warehouse contract): `.txt`/`.md` (first non-empty line is the title), `.html`/`.htm`
(article text extracted from the markup), and `.jsonl`/`.csv` collections (one article per row). An
optional `manifest.csv` adds `published_at`, `source` and `url` per file. Nothing here raises on bad
input: a file or row that cannot be read becomes a `Rejection` with its reason.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd
from bs4 import BeautifulSoup
from charset_normalizer import from_bytes

MANIFEST_NAME = "manifest.csv"
TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
COLLECTION_SUFFIXES = {".jsonl", ".csv"}
# Files above this are rejected unread: a news article is kilobytes, a collection a few megabytes.
MAX_FILE_BYTES = 50 * 1024 * 1024
# One article above this many characters is almost surely not an article (a dump, a log, a book).
MAX_ARTICLE_CHARS = 1_000_000
# Share of characters that may be control or replacement characters before text counts as binary.
MAX_JUNK_SHARE = 0.01


@dataclass(frozen=True)
class Article:
    document_id: str
    file_name: str
    title: str
    text: str  # title line included; every offset in the warehouse indexes this string
    source: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    content_sha256: str = ""

    @property
    def char_count(self) -> int:
        return len(self.text)


@dataclass(frozen=True)
class Rejection:
    file_name: str
    reason: str  # short machine-friendly reason, e.g. "empty", "binary", "too_large"
    detail: str
    size_bytes: int
    content_sha256: str


@dataclass
class InboxContents:
    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


@dataclass(frozen=True)
class ManifestEntry:
    published_at: datetime | None
    source: str | None
    url: str | None


class Unreadable(Exception):
    """Raised inside this module for input that cannot be an article; becomes a Rejection."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def read_inbox(folder: Path) -> InboxContents:
    """Every article in `folder` (recursively, hidden files skipped), and every rejection."""
    contents = InboxContents()
    manifest = read_manifest(folder / MANIFEST_NAME)
    for path in inbox_files(folder):
        name = path.relative_to(folder).as_posix()
        data = path.read_bytes() if path.stat().st_size <= MAX_FILE_BYTES else None
        digest = hashlib.sha256(data).hexdigest() if data is not None else ""
        try:
            if data is None:
                raise Unreadable("too_large", f"file is larger than {MAX_FILE_BYTES} bytes")
            for item in read_file(name, path.suffix.lower(), data, manifest.get(name)):
                if isinstance(item, Rejection):
                    contents.rejections.append(item)
                else:
                    contents.articles.append(item)
        except Unreadable as problem:
            size = path.stat().st_size
            contents.rejections.append(Rejection(name, problem.reason, problem.detail, size, digest))
    return contents


def inbox_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise FileNotFoundError(f"inbox folder not found: {folder}")
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.name != MANIFEST_NAME
    )


def read_file(
    name: str, suffix: str, data: bytes, meta: ManifestEntry | None
) -> Iterator[Article | Rejection]:
    if suffix in TEXT_SUFFIXES:
        title, body = split_title(decode(data))
        yield make_article(name, title, body, meta)
    elif suffix in HTML_SUFFIXES:
        title, body = html_to_text(decode(data))
        yield make_article(name, title, body, meta)
    elif suffix == ".jsonl":
        yield from collection_articles(name, data, jsonl_rows(decode(data)), meta)
    elif suffix == ".csv":
        yield from collection_articles(name, data, csv_rows(decode(data)), meta)
    else:
        raise Unreadable("unsupported_type", f"'{suffix or 'no extension'}' is not an article format")


def decode(data: bytes) -> str:
    """Bytes to normalized text: UTF-8 first, else the detected encoding; binary is refused."""
    if not data.strip():
        raise Unreadable("empty", "file is empty")
    if b"\x00" in data[:8192]:
        raise Unreadable("binary", "file contains NUL bytes (binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise Unreadable("undecodable", "no text encoding fits these bytes") from None
        text = str(best)
    text = normalize_text(text)
    junk = sum(1 for ch in text if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\n\t"))
    if junk > MAX_JUNK_SHARE * len(text):
        raise Unreadable("binary", f"{junk} control or replacement characters: not text")
    return text


def normalize_text(text: str) -> str:
    """One newline convention and composed Unicode, so the same article always hashes the same."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def split_title(text: str) -> tuple[str, str]:
    lines = text.strip("\n").split("\n")
    title = lines[0].strip()
    body = "\n".join(lines[1:]).strip("\n")
    return title, body


def html_to_text(markup: str) -> tuple[str, str]:
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "nav", "header", "footer", "aside", "form", "noscript"]):
        tag.decompose()
    heading = soup.find("h1")
    title = (heading.get_text(" ", strip=True) if heading else "") or (
        soup.title.get_text(" ", strip=True) if soup.title else ""
    )
    if heading:
        heading.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = [el.get_text(" ", strip=True) for el in root.find_all(["p", "li", "h2", "h3", "blockquote"])]
    body = "\n".join(b for b in blocks if b) or root.get_text("\n", strip=True)
    return title, normalize_text(body)


def jsonl_rows(text: str) -> Iterator[dict | Unreadable]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            yield Unreadable("bad_row", f"line {number}: invalid JSON ({error.msg})")
            continue
        yield row if isinstance(row, dict) else Unreadable("bad_row", f"line {number}: not an object")


def csv_rows(text: str) -> Iterator[dict | Unreadable]:
    try:
        yield from csv.DictReader(io.StringIO(text))
    except csv.Error as error:
        yield Unreadable("bad_row", f"CSV parse error: {error}")


def collection_articles(
    name: str, data: bytes, rows: Iterator[dict | Unreadable], meta: ManifestEntry | None
) -> Iterator[Article | Rejection]:
    digest = hashlib.sha256(data).hexdigest()
    seen_text_column = False
    for index, row in enumerate(rows, start=1):
        row_name = f"{name}#{index}"
        if isinstance(row, Unreadable):
            yield Rejection(row_name, row.reason, row.detail, 0, digest)
            continue
        fields = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        if "text" not in fields:
            raise Unreadable("no_text_column", "collection rows need a 'text' field")
        seen_text_column = True
        row_name = f"{name}#{clean(fields.get('id')) or index}"
        row_meta = ManifestEntry(
            published_at=parse_timestamp(fields.get("published_at") or fields.get("date"))
            or (meta.published_at if meta else None),
            source=clean(fields.get("source")) or (meta.source if meta else None),
            url=clean(fields.get("url")) or (meta.url if meta else None),
        )
        try:
            title = normalize_text(clean(fields.get("title")) or "")
            body = normalize_text(str(fields.get("text") or "")).strip("\n")
            if not title and body:
                title, body = split_title(body)
            yield make_article(row_name, title, body, row_meta)
        except Unreadable as problem:
            yield Rejection(row_name, problem.reason, problem.detail, 0, digest)
    if not seen_text_column:
        raise Unreadable("empty", "collection has no rows")


def make_article(name: str, title: str, body: str, meta: ManifestEntry | None) -> Article:
    title, body = title.strip(), body.strip("\n")
    if not body.strip() and not title:
        raise Unreadable("empty", "no title and no text")
    if not body.strip():
        raise Unreadable("no_body", "a title but no article text")
    text = f"{title}\n\n{body}" if title else body
    if len(text) > MAX_ARTICLE_CHARS:
        raise Unreadable("too_large", f"{len(text)} characters; the limit is {MAX_ARTICLE_CHARS}")
    return Article(
        document_id=document_id_for(text),
        file_name=name,
        title=title,
        text=text,
        source=meta.source if meta else None,
        url=meta.url if meta else None,
        published_at=meta.published_at if meta else None,
        content_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def document_id_for(text: str) -> str:
    """Content hash of the text with whitespace collapsed: the same article is one document."""
    canonical = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """`file_name -> ManifestEntry`; a missing manifest is fine, a broken one is ignored row by row."""
    if not path.is_file():
        return {}
    rows = csv_rows(decode(path.read_bytes()))
    entries = {}
    for row in rows:
        if isinstance(row, Unreadable):
            continue
        fields = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
        file_name = clean(fields.get("file_name"))
        if file_name:
            entries[file_name] = ManifestEntry(
                published_at=parse_timestamp(fields.get("published_at")),
                source=clean(fields.get("source")),
                url=clean(fields.get("url")),
            )
    return entries


def parse_timestamp(value: object) -> datetime | None:
    text = clean(value)
    if not text:
        return None
    stamp = pd.to_datetime(text, errors="coerce", utc=True, format="mixed")
    if pd.isna(stamp):
        return None
    return stamp.tz_convert(None).to_pydatetime()


def clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
