"""Shared unit-test fixtures. The spaCy pipeline takes seconds to build, so it is built once."""
from __future__ import annotations

import pytest
from spacy.language import Language

from extract.pipeline import build_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp()
