"""The results: plain frozen data, the whole contract between the engines
(:mod:`docdiff.align`, :mod:`docdiff.phrases`) and every renderer
(:mod:`docdiff.render`).  The corpus's results are in :mod:`docdiff.corpus.types`.

Nothing here computes; renderers are functions of these values.  The
``to_*`` methods of :class:`Comparison` only ask the render registry
(:mod:`docdiff.registry`), which the renderers fill.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from attrs import field, frozen

from .. import registry
from ..model import Document
from ..options import Options

__all__ = [
    "Change",
    "ClausePair",
    "Comparison",
    "Divergence",
    "DivergenceType",
    "Edit",
    "Evidence",
    "EvidenceKind",
    "FieldDifference",
    "Flag",
    "FormulaUse",
    "MatchedBy",
    "Op",
    "PairKind",
    "PhrasePair",
    "PhraseSide",
    "SentencePair",
    "Summary",
]


class Op(enum.StrEnum):
    """What an inline edit does."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@frozen
class Edit:
    """One piece of an inline diff.

    Joined in order, the ``equal`` and ``delete`` pieces give the left text
    exactly, the ``equal`` and ``insert`` pieces the right text.
    """

    op: Op
    text: str


class PairKind(enum.StrEnum):
    """How units of the two documents correspond."""

    MATCH = "match"  # one left unit, one right unit
    SPLIT = "split"  # one left unit became several right units
    MERGE = "merge"  # several left units became one right unit
    INSERT = "insert"  # a right unit with no left counterpart
    DELETE = "delete"  # a left unit with no right counterpart
    # Units of re-drafted statements that share specific evidence (concepts,
    # rare terms, figures, names, phrases) without being one text revised;
    # a unit may relate to several.  Never a move of a revision.
    RELATED = "related"


class Change(enum.StrEnum):
    """How much a pair's text changed."""

    NONE = "none"  # identical text
    FORMAL = "formal"  # typography only: quotes, dashes, spaces, ё/е, letter case
    SUBSTANTIVE = "substantive"  # anything else


class MatchedBy(enum.StrEnum):
    """Why two units were paired."""

    EXACT = "exact"
    NORMALIZED = "normalized"
    SIMILARITY = "similarity"
    SPLIT = "split"
    MERGE = "merge"
    STRUCTURE = "structure"  # documents in different languages: labels and figures, not words
    EVIDENCE = "evidence"  # shared specific evidence, listed in ClausePair.evidence


class Flag(enum.StrEnum):
    """Finer kinds of substantive change."""

    INFLECTION = "inflection"  # every changed word pair shares a stem
    MODALITY = "modality"  # the commitment type or its intensity changed
    ACTOR = "actor"  # the acting party changed
    NUMBER = "number"  # a figure or a date changed


class EvidenceKind(enum.StrEnum):
    """What two units share that made them a pair (:attr:`ClausePair.evidence`)."""

    CONCEPT = "concept"  # a lexicon concept id (docdiff.describe.concepts)
    TERM = "term"  # a word (stem) rare in the two documents
    NAME = "name"  # a proper name or acronym written the same on both sides
    FIGURE = "figure"  # a number or a date
    PHRASE = "phrase"  # a wording the phrase engine found on both sides
    FORMULA = "formula"  # a stock formula of the lexicon
    LABEL = "label"  # the same clause number (one signal among others across languages)
    LENGTH = "length"  # comparable lengths (translations: Gale-Church)


@frozen
class Evidence:
    """One piece of shared evidence: its ``kind``, the shared ``value`` and its ``weight`` in the score."""

    kind: EvidenceKind
    value: str
    weight: float


class DivergenceType(enum.StrEnum):
    """How the two sides of a pair differ in substance (:attr:`ClausePair.divergences`)."""

    NUMBER = "number"  # a figure or a date on one side only, or changed
    ENTITY = "entity"  # an organisation, programme, place or party named on one side only
    ACTOR = "actor"  # who acts changed ("the Sides" -> one side)
    COMMITMENT = "commitment"  # the commitment type changed (support -> note)
    INTENSITY = "intensity"  # the same commitment, stronger or weaker (firmly supports -> supports)
    FORMULA = "formula"  # a stock formula on one side only, or reworded
    MISSING = "missing"  # a sentence with no counterpart on the other side


@frozen(kw_only=True)
class Divergence:
    """One typed difference between the two sides of a pair.

    ``left`` and ``right`` are the text pieces that differ
    (``left == left_document.source[left_start:left_end]``), ``None`` on the
    side where the thing is absent (with its spans ``None`` too); ``note``
    says it in words ("commitment: support -> note").
    """

    type: DivergenceType
    left: str | None
    right: str | None
    left_start: int | None = None
    left_end: int | None = None
    right_start: int | None = None
    right_end: int | None = None
    note: str = ""


def _edits(value: Iterable[Edit]) -> tuple[Edit, ...]:
    return tuple(value)


def _indices(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(int(v) for v in value)


@frozen(kw_only=True)
class SentencePair:
    """Sentences of the two sides of a rewritten pair that correspond (1:1, 1:2, 2:1) or stand alone.

    ``left`` and ``right`` are indices into the pair's sentences on each side
    (the sentences of its units, in order: :attr:`ClausePair.left_sentences`);
    ``edits`` is a word diff only when the sentences are close enough for one
    to help (``similarity`` at or above the documented threshold), else empty:
    two different sentences are shown side by side, never redlined.
    """

    left: tuple[int, ...] = field(converter=_indices)
    right: tuple[int, ...] = field(converter=_indices)
    similarity: float = 0.0
    edits: tuple[Edit, ...] = field(default=(), converter=_edits)


def _labels(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _flags(value: Iterable[Flag]) -> tuple[Flag, ...]:
    return tuple(value)


def _counts(value: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple(value)


def _evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(value)


def _divergences(value: Iterable[Divergence]) -> tuple[Divergence, ...]:
    return tuple(value)


def _sentence_pairs(value: Iterable[SentencePair]) -> tuple[SentencePair, ...]:
    return tuple(value)


def _spans(value: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple((int(a), int(b)) for a, b in value)


def _pairs(value: Iterable[ClausePair]) -> tuple[ClausePair, ...]:
    return tuple(value)


def _phrase_pairs(value: Iterable[PhrasePair]) -> tuple[PhrasePair, ...]:
    return tuple(value)


def _sides(value: Iterable[PhraseSide]) -> tuple[PhraseSide, ...]:
    return tuple(value)


def _uses(value: Iterable[FormulaUse]) -> tuple[FormulaUse, ...]:
    return tuple(value)


def _differences(value: Iterable[FieldDifference]) -> tuple[FieldDifference, ...]:
    return tuple(value)


@frozen(kw_only=True)
class ClausePair:
    """One row of the alignment.

    ``left`` and ``right`` hold unit labels as in ``docdiff parse`` (empty
    for an insertion or a deletion); ``similarity`` is the score the pair was
    chosen on (1.0 for exact matches, 0.0 for insertions and deletions);
    ``notes`` say in words what the flags mean here ("commitment: intend ->
    agree").

    For re-drafted text (``related`` pairs, and matches too far apart for a
    word redline to help) ``edits`` hold the two sides whole (one delete, one
    insert) and the reading is in ``sentences``: the sentence alignment,
    with word edits only inside close sentence pairs.  ``left_sentences`` and
    ``right_sentences`` are the source spans of the sentences those indices
    refer to.  ``evidence`` lists what a pair shares (for ``related`` pairs,
    what it was chosen on); ``divergences`` the typed differences of its two
    sides.
    """

    kind: PairKind
    left: tuple[str, ...] = field(converter=_labels)
    right: tuple[str, ...] = field(converter=_labels)
    moved: bool = False
    change: Change = Change.SUBSTANTIVE
    flags: tuple[Flag, ...] = field(default=(), converter=_flags)
    similarity: float = 0.0
    matched_by: MatchedBy | None = None
    edits: tuple[Edit, ...] = field(default=(), converter=_edits)
    notes: tuple[str, ...] = field(default=(), converter=_labels)
    evidence: tuple[Evidence, ...] = field(default=(), converter=_evidence)
    sentences: tuple[SentencePair, ...] = field(default=(), converter=_sentence_pairs)
    left_sentences: tuple[tuple[int, int], ...] = field(default=(), converter=_spans)
    right_sentences: tuple[tuple[int, int], ...] = field(default=(), converter=_spans)
    divergences: tuple[Divergence, ...] = field(default=(), converter=_divergences)

    @property
    def left_text(self) -> str:
        """The left side's text, rebuilt from the edits."""
        return "".join(e.text for e in self.edits if e.op is not Op.INSERT)

    @property
    def right_text(self) -> str:
        """The right side's text, rebuilt from the edits."""
        return "".join(e.text for e in self.edits if e.op is not Op.DELETE)


@frozen
class PhraseSide:
    """One side of a phrase pair: the unit it lies in and its source span."""

    label: str
    start: int
    end: int
    text: str


@frozen(kw_only=True)
class PhrasePair:
    """A phrase found in both documents, exactly or reworded."""

    left: PhraseSide
    right: PhraseSide
    score: float
    formula: str | None = None
    edits: tuple[Edit, ...] = field(default=(), converter=_edits)


@frozen(kw_only=True)
class FormulaUse:
    """Where one lexicon formula occurs in the two documents."""

    id: str
    left: tuple[PhraseSide, ...] = field(default=(), converter=_sides)
    right: tuple[PhraseSide, ...] = field(default=(), converter=_sides)
    edits: tuple[Edit, ...] = field(default=(), converter=_edits)
    direction: str | None = None  # "stronger", "weaker", "same" or None


@frozen
class FieldDifference:
    """A metadata field whose values differ between the two documents."""

    field: str
    left: str | tuple[str, ...] | None
    right: str | tuple[str, ...] | None


@frozen(kw_only=True)
class Summary:
    """Counts and overall figures of a comparison."""

    by_kind: tuple[tuple[str, int], ...] = field(converter=_counts)
    by_change: tuple[tuple[str, int], ...] = field(converter=_counts)
    similarity: float
    metadata: tuple[FieldDifference, ...] = field(default=(), converter=_differences)
    moved: int = 0
    flags: tuple[tuple[str, int], ...] = field(default=(), converter=_counts)
    #: Caveats about the comparison as a whole, in words (e.g. documents in two languages).
    notes: tuple[str, ...] = field(default=(), converter=_labels)


@frozen(kw_only=True)
class Comparison:
    """Everything :func:`docdiff.compare` found, in the right document's order.

    Deleted units stand where they stood in the left document.  The
    envelope and the closing are compared on their own (``envelope`` and
    ``closing`` edits) and never aligned with clauses.
    """

    left: Document
    right: Document
    pairs: tuple[ClausePair, ...] = field(converter=_pairs)
    summary: Summary
    phrases: tuple[PhrasePair, ...] = field(default=(), converter=_phrase_pairs)
    formulas: tuple[FormulaUse, ...] = field(default=(), converter=_uses)
    envelope: tuple[Edit, ...] = field(default=(), converter=_edits)
    closing: tuple[Edit, ...] = field(default=(), converter=_edits)
    options: Options = field(factory=Options)

    @property
    def substantive(self) -> bool:
        """True when any pair differs in substance (what ``--check`` tests)."""
        return any(p.change is Change.SUBSTANTIVE for p in self.pairs)

    def to_json(self, **options: object) -> str:
        """Render as ``docdiff/comparison@1`` JSON."""
        return registry.render(self, "json", **options)

    def to_html(self, **options: object) -> str:
        """Render as one self-contained HTML page."""
        return registry.render(self, "html", **options)

    def to_markdown(self, **options: object) -> str:
        """Render as GitHub-flavoured Markdown."""
        return registry.render(self, "md", **options)

    def _repr_html_(self) -> str:
        return registry.render(self, "html", fragment=True)
