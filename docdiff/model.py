"""The clause model: frozen, validated value objects describing one statement.

Every piece of structure carries a :class:`Span`, code-point offsets into
``Document.source`` (the decoded text, byte-order mark removed, newlines as in
the file), so nothing the reader saw is lost and every result can point back
at the text it came from.  Serialization lives elsewhere (``docdiff.render.document_json``).
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable, Iterator
from typing import Protocol

import attrs
from attrs import field, frozen

__all__ = [
    "Annotator",
    "Block",
    "Clause",
    "Document",
    "Metadata",
    "Note",
    "Paragraph",
    "Part",
    "Sentence",
    "SentenceReader",
    "Signatory",
    "Span",
]


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


@frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of code points in a document's source."""

    start: int = field(validator=_non_negative)
    end: int = field()

    @end.validator
    def _end_after_start(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"span end {value} is before its start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, source: str) -> str:
        """Return the text this span covers in ``source``."""
        return source[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end


def _tuple_of_str(value: str | Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


def _sorted_codes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(value)))


def _sentences(value: Iterable[Sentence]) -> tuple[Sentence, ...]:
    return tuple(value)


def _paragraphs(value: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(value)


def _clauses(value: Iterable[Clause]) -> tuple[Clause, ...]:
    return tuple(value)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


def _signatories(value: Iterable[Signatory]) -> tuple[Signatory, ...]:
    return tuple(value)


@frozen
class Block:
    """A stretch of source text with no inner structure (envelope, title, closing line)."""

    span: Span
    text: str


class Annotator(Protocol):
    """Finds ``(actor, commitment, intensity, concepts)`` for one sentence's text.

    The describe stage (:func:`docdiff.describe.describe`) gives every
    sentence one, so that the annotation is worked out on first read
    (:mod:`docdiff.describe.annotate` costs half a parse, and a comparison
    reads only the sentences of changed clauses).
    """

    def __call__(self, text: str) -> tuple[tuple[str, ...], str | None, str | None, tuple[str, ...]]:
        """The sorted actor codes, the commitment category, the intensity and the concept ids of ``text``."""
        ...


class SentenceReader(Protocol):
    """Splits a paragraph into sentences: ``(text, start) -> sentences`` with source offsets.

    The describe stage gives every paragraph one, so that sentences are split on
    first read.
    """

    def __call__(self, text: str, start: int) -> tuple[Sentence, ...]:
        """The sentences of ``text``, a paragraph that starts at ``start`` in the source."""
        ...


# A value that is worked out on first read is stored in the frozen object
# then, once: the object still reads as immutable (the value depends only on
# what it was built from), and equality and repr use the values.  Hashing
# uses only what the object was built from (equal objects still hash alike),
# so that putting a Document in a set or an lru_cache reads no sentence.
_settle = object.__setattr__


@frozen(eq=False, repr=False)
class Sentence:
    """One sentence, with what :mod:`docdiff.describe.annotate` found in it.

    ``actor`` holds the ISO codes of the acting parties, sorted (both parties
    when "the Sides" act); ``commitment`` is a lexicon category such as
    ``"support"`` or ``"agree"``; ``intensity`` is ``"strong"`` when a
    modifier such as "firmly" or "твердо" sharpens it; ``concepts`` are the
    sorted ids of the language-neutral concepts the sentence names
    (:func:`docdiff.describe.concepts.find_concepts`: subject fields,
    organisations, initiatives, places).  Built with an ``annotator`` (as the
    describe stage does), the four are found on first read instead of being
    given.
    """

    span: Span
    text: str
    _actor: tuple[str, ...] = field(default=(), converter=_tuple_of_str, alias="actor")
    _commitment: str | None = field(default=None, alias="commitment")
    _intensity: str | None = field(default=None, alias="intensity")
    _concepts: tuple[str, ...] = field(default=(), converter=_tuple_of_str, alias="concepts", kw_only=True)
    _annotator: Annotator | None = field(default=None, alias="annotator", kw_only=True)

    def _annotated(self) -> None:
        annotator = self._annotator
        if annotator is not None:
            actor, commitment, intensity, concepts = annotator(self.text)
            _settle(self, "_actor", _tuple_of_str(actor))
            _settle(self, "_commitment", commitment)
            _settle(self, "_intensity", intensity)
            _settle(self, "_concepts", _tuple_of_str(concepts))
            _settle(self, "_annotator", None)

    @property
    def actor(self) -> tuple[str, ...]:
        """Sorted ISO codes of the acting parties; () when none is found."""
        self._annotated()
        return self._actor

    @property
    def commitment(self) -> str | None:
        """The commitment category (:func:`docdiff.describe.annotate.commitment_categories`), or None."""
        self._annotated()
        return self._commitment

    @property
    def intensity(self) -> str | None:
        """ "strong" when an intensifier sharpens the commitment, else None."""
        self._annotated()
        return self._intensity

    @property
    def concepts(self) -> tuple[str, ...]:
        """Sorted ids of the lexicon concepts the sentence names; () when none (or not annotated)."""
        self._annotated()
        return self._concepts

    def _key(self) -> tuple[object, ...]:
        return (self.span, self.text, self.actor, self.commitment, self.intensity, self.concepts)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Sentence)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.span, self.text))

    def __repr__(self) -> str:
        return (
            f"Sentence(span={self.span!r}, text={self.text!r}, actor={self.actor!r}, "
            f"commitment={self.commitment!r}, intensity={self.intensity!r}, concepts={self.concepts!r})"
        )


@frozen(eq=False, repr=False)
class Paragraph:
    """A paragraph of a clause; ``label`` is a sub-item's number as printed ("a", "2").

    Built with a ``reader`` (as the describe stage does), ``sentences`` are split
    on first read instead of being given.
    """

    span: Span
    text: str
    _sentences: tuple[Sentence, ...] = field(default=(), converter=_sentences, alias="sentences")
    label: str | None = None
    _reader: SentenceReader | None = field(default=None, alias="reader", kw_only=True)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The paragraph's sentences, in order."""
        reader = self._reader
        if reader is not None:
            _settle(self, "_sentences", tuple(reader(self.text, self.span.start)))
            _settle(self, "_reader", None)
        return self._sentences

    def _key(self) -> tuple[object, ...]:
        return (self.span, self.text, self.sentences, self.label)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Paragraph)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.span, self.text, self.label))

    def __repr__(self) -> str:
        return (
            f"Paragraph(span={self.span!r}, text={self.text!r}, sentences={self.sentences!r}, "
            f"label={self.label!r})"
        )


class Part(enum.StrEnum):
    """Where a unit of comparison sits in the statement."""

    PREAMBLE = "preamble"
    BODY = "body"


@frozen
class Clause:
    """A unit of the statement: a numbered clause, or a preamble paragraph.

    ``label`` is the number as printed without its trailing dot ("1", "IV",
    "3.1", "一"), prefixed by the section where numbering restarts under
    section headings ("II.3"); preamble paragraphs are labelled
    ``preamble.N`` and unnumbered operative paragraphs ``para.N``.  ``ordinal``
    counts units of the same part from 1.  ``span`` covers the printed number,
    the heading and every paragraph; the paragraphs themselves exclude the
    number, so renumbering alone changes no clause text.
    """

    label: str
    ordinal: int = field(validator=_non_negative)
    span: Span
    paragraphs: tuple[Paragraph, ...] = field(converter=_paragraphs)
    part: Part = Part.BODY
    heading: str | None = None
    section: str | None = None
    number: Block | None = None

    @paragraphs.validator
    def _has_paragraphs(
        self, attribute: attrs.Attribute[tuple[Paragraph, ...]], value: tuple[Paragraph, ...]
    ) -> None:
        if not value:
            raise ValueError(f"clause {self.label!r} has no paragraphs")

    #: The clause's paragraphs joined by a blank line (source text, not
    #: normalized); joined once, when the clause is built.
    text: str = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _settle(self, "text", "\n\n".join(p.text for p in self.paragraphs))

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence of the clause, in order."""
        return tuple(s for p in self.paragraphs for s in p.sentences)


@frozen
class Signatory:
    """A person who signed, in the form printed, with their party's ISO code."""

    name: str
    role: str | None = None
    party: str | None = None


@frozen
class Metadata:
    """What the statement says about itself.

    ``date`` is ISO 8601 (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when only
    that much is printed); ``parties`` are ISO 3166-1 alpha-2 codes ("EU" for
    the European Union), sorted; ``language`` is ISO 639-1.
    """

    language: str
    title: str | None = None
    kind: str | None = None
    date: str | None = None
    place: str | None = None
    parties: tuple[str, ...] = field(default=(), converter=_sorted_codes)
    signatories: tuple[Signatory, ...] = field(default=(), converter=_signatories)


@frozen
class Note:
    """A footnote or endnote, kept out of the statement text: its printed ``label`` and its ``text``."""

    label: str
    text: str


@frozen
class Document:
    """A parsed statement: its source text and the structure found in it.

    The parts, in source order, are the ``envelope`` (news text around the
    statement, possibly both before and after it), the ``title`` and
    ``dateline`` of the statement itself, the ``preamble`` paragraphs, the
    numbered ``clauses`` and the ``closing`` (signature block, "Done at ...").
    Their spans never overlap; together they cover every non-whitespace
    character of ``source``.  ``encoding`` is the codec the file was decoded
    with (``None`` for text given decoded).  A paged input (PDF) has
    ``pages``: the offset in ``source`` where each page starts, page 1 first
    (:meth:`page_at`); ``notes`` are footnotes kept apart from the text
    (DOCX); ``warnings`` say what reading may have lost or changed (markup
    extraction that kept much less than the input, tracked changes accepted).
    """

    source: str
    metadata: Metadata
    clauses: tuple[Clause, ...] = field(converter=_clauses)
    preamble: tuple[Clause, ...] = field(default=(), converter=_clauses)
    envelope: tuple[Block, ...] = field(default=(), converter=_blocks)
    title: Block | None = None
    dateline: Block | None = None
    closing: tuple[Block, ...] = field(default=(), converter=_blocks)
    path: str | None = None
    format: str = "text"
    # How the file was read, not what it says: two readings of one text are equal.
    encoding: str | None = field(default=None, eq=False)
    warnings: tuple[str, ...] = field(default=(), converter=_tuple_of_str, eq=False)
    pages: tuple[int, ...] = ()
    notes: tuple[Note, ...] = ()

    def __attrs_post_init__(self) -> None:
        _settle(self, "units", self.preamble + self.clauses)
        limit = len(self.source)
        previous = 0
        for role, span in self.parts():
            if span.end > limit:
                raise ValueError(f"{role} span {span.start}-{span.end} ends past the source ({limit})")
        for role, span in sorted(self.parts(), key=lambda p: p[1]):
            if span.start < previous:
                raise ValueError(f"{role} span {span.start}-{span.end} overlaps the part before it")
            previous = span.end

    #: The units of comparison: preamble paragraphs, then clauses (built once).
    units: tuple[Clause, ...] = field(init=False, eq=False, repr=False)

    @property
    def language(self) -> str:
        """The statement's language (ISO 639-1), from the metadata."""
        return self.metadata.language

    def page_at(self, offset: int) -> int | None:
        """The page (from 1) that the character at ``offset`` was printed on; ``None`` without pages."""
        return bisect.bisect_right(self.pages, offset) or 1 if self.pages else None

    def unit(self, label: str) -> Clause:
        """Return the unit labelled ``label``; ``KeyError`` when there is none."""
        for unit in self.units:
            if unit.label == label:
                return unit
        raise KeyError(label)

    def parts(self) -> Iterator[tuple[str, Span]]:
        """Yield ``(role, span)`` for every top-level part, in source order."""
        found: list[tuple[str, Span]] = [("envelope", b.span) for b in self.envelope]
        if self.title is not None:
            found.append(("title", self.title.span))
        if self.dateline is not None:
            found.append(("dateline", self.dateline.span))
        found += [("preamble", c.span) for c in self.preamble]
        found += [("clause", c.span) for c in self.clauses]
        found += [("closing", b.span) for b in self.closing]
        found.sort(key=lambda p: (p[1].start, p[1].end))
        yield from found
