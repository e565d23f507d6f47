"""Facts about a segmented statement: metadata, parties, leaders, signatories, annotation.

:func:`describe` is the stage's one verb: it takes the structure that
:func:`docdiff.segment.segment` found and adds what the statement says
about itself (:mod:`.metadata`) and, per paragraph, its sentences and their
annotation, both worked out when first read (:mod:`.deferred`).
"""

from __future__ import annotations

import attrs

from ..model import Clause, Document, Paragraph
from .deferred import ParagraphSentences, SentenceAnnotation
from .metadata import extract_metadata

__all__ = ["describe"]


def _with_sentences(clause: Clause, reader: ParagraphSentences) -> Clause:
    paragraphs = tuple(Paragraph(p.span, p.text, label=p.label, reader=reader) for p in clause.paragraphs)
    return attrs.evolve(clause, paragraphs=paragraphs)


def describe(document: Document, *, annotate: bool = True, title: str | None = None) -> Document:
    """The segmented ``document`` with its metadata, sentences and (unless not ``annotate``) annotation.

    The language is the one segmentation settled on.  ``title`` (a page or
    markup title, see :attr:`docdiff.read.source.Source.title`) fills in the
    statement title when the text itself has none.  With ``annotate``
    false, sentences carry no actor, commitment or intensity (a lighter
    parse, for indexing many statements, where only the words matter).
    """
    language = document.metadata.language
    metadata = extract_metadata(
        document.source,
        language=language,
        envelope=document.envelope,
        title=document.title,
        dateline=document.dateline,
        preamble=document.preamble,
        clauses=document.clauses,
        closing=document.closing,
    )
    annotator = SentenceAnnotation(language, metadata.parties) if annotate else None
    reader = ParagraphSentences(language, annotator)
    if metadata.title is None and title:
        metadata = attrs.evolve(metadata, title=title)
    return attrs.evolve(
        document,
        metadata=metadata,
        clauses=tuple(_with_sentences(c, reader) for c in document.clauses),
        preamble=tuple(_with_sentences(c, reader) for c in document.preamble),
    )
