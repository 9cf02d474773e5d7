"""A fingerprint of the extractor: when code, data files or model change, documents are re-extracted."""
from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

import spacy.util

from extract.pipeline import model_name

PACKAGE_DIR = Path(__file__).resolve().parent


def extractor_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".jsonl", ".json", ".csv", ".txt"}:
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    name = model_name()
    digest.update(name.encode())
    digest.update(_model_version(name).encode())
    return digest.hexdigest()[:12]


def _model_version(name: str) -> str:
    try:
        return metadata.version(name.replace("_", "-"))
    except metadata.PackageNotFoundError:
        return spacy.util.get_package_version(name) or "unknown"
