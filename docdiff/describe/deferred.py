"""Sentences and their annotation, worked out when first read.

The describe stage (:func:`docdiff.describe.describe`) hands every
paragraph a :class:`ParagraphSentences` and every sentence a
:class:`SentenceAnnotation` (see :class:`docdiff.model.Paragraph` and
:class:`docdiff.model.Sentence`): splitting and annotating cost two
thirds of a parse, and a comparison reads the sentences of changed clauses
only.  What they give is the same as doing the work at parse time: both are
pure functions of the text, the language and the document's parties.  Both
are frozen and module level, so a document still pickles.
"""

from __future__ import annotations

import attrs

from ..model import Sentence, Span
from ..segment.analysis import dehyphenated, unwrapped
from ..segment.sentences import split_sentences
from .annotate import annotate
from .concepts import find_concepts

__all__ = ["ParagraphSentences", "SentenceAnnotation"]


@attrs.frozen
class SentenceAnnotation:
    """Annotates one sentence of a document in ``language`` whose parties are ``parties``."""

    language: str
    parties: tuple[str, ...]

    def __call__(self, text: str) -> tuple[tuple[str, ...], str | None, str | None, tuple[str, ...]]:
        """``(actor, commitment, intensity, concepts)`` of ``text``; a hyphen across lines is read whole."""
        whole = dehyphenated(text)
        found = annotate(whole, self.language, self.parties)
        return found.actor, found.commitment, found.intensity, find_concepts(whole, self.language)


@attrs.frozen
class ParagraphSentences:
    """Splits a paragraph of a document in ``language`` into sentences, annotated by ``annotator``."""

    language: str
    annotator: SentenceAnnotation | None

    def __call__(self, text: str, start: int) -> tuple[Sentence, ...]:
        """The sentences of paragraph ``text`` starting at ``start``, with source offsets.

        Wrapped lines are read as one line; the spans stay on the source.
        """
        return tuple(
            Sentence(Span(begin, end), text[begin - start : end - start], annotator=self.annotator)
            for begin, end in split_sentences(unwrapped(text), self.language, start)
        )
