"""The results of the report commands: phrase reports, formula tables and the ledger of two statements.

Plain frozen data, as in :mod:`docdiff.result.comparison`; renderers only read them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from attrs import field, frozen

from .. import registry
from ..model import Document
from .comparison import FormulaUse, PhrasePair


def _phrase_pairs(value: Iterable[PhrasePair]) -> tuple[PhrasePair, ...]:
    return tuple(value)


def _uses(value: Iterable[FormulaUse]) -> tuple[FormulaUse, ...]:
    return tuple(value)


def _labels(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


__all__ = [
    "FormulaOccurrence",
    "FormulaReport",
    "FormulaRow",
    "FormulaUseAt",
    "Ledger",
    "LedgerRow",
    "LedgerSide",
    "PhraseReport",
    "Presence",
    "StrengthChange",
]


@frozen
class FormulaOccurrence:
    """One match of a formula: ``text == document.source[start:end]``.

    ``label`` is the unit label, or ``envelope``, ``title``, ``dateline`` or
    ``closing`` for a match outside the units.
    """

    id: str
    label: str
    start: int
    end: int
    text: str


def _occurrences(value: Iterable[FormulaOccurrence]) -> tuple[FormulaOccurrence, ...]:
    return tuple(value)


def _names(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(value)


@frozen(kw_only=True)
class PhraseReport:
    """Everything a phrase report (``docdiff phrases``) shows.

    ``phrases`` and ``formulas`` are the engines' results for ``left`` and
    ``right``; ``left_found`` / ``right_found`` every formula occurrence of
    each document (the wordings the formulas table lists); ``names`` the
    lexicon name of each formula id, ``(id, name)`` (an id missing here is
    shown as itself).
    """

    left: Document
    right: Document
    phrases: tuple[PhrasePair, ...] = field(default=(), converter=_phrase_pairs)
    formulas: tuple[FormulaUse, ...] = field(default=(), converter=_uses)
    left_found: tuple[FormulaOccurrence, ...] = field(default=(), converter=_occurrences)
    right_found: tuple[FormulaOccurrence, ...] = field(default=(), converter=_occurrences)
    names: tuple[tuple[str, str], ...] = field(default=(), converter=_names)


@frozen
class FormulaUseAt:
    """One occurrence of a formula in the ``document``-th statement (0-based)."""

    document: int
    occurrence: FormulaOccurrence


@frozen
class FormulaRow:
    """One lexicon formula and every occurrence of it, by document, then source order."""

    id: str
    name: str
    uses: tuple[FormulaUseAt, ...]


def _documents(value: Iterable[Document]) -> tuple[Document, ...]:
    return tuple(value)


def _rows(value: Iterable[FormulaRow]) -> tuple[FormulaRow, ...]:
    return tuple(value)


@frozen
class FormulaReport:
    """What ``docdiff formulas`` shows for statements given one by one.

    ``rows`` are the formulas the ``documents`` use, in lexicon order; a
    use refers to its statement by index in ``documents``.
    """

    documents: tuple[Document, ...] = field(converter=_documents)
    rows: tuple[FormulaRow, ...] = field(converter=_rows)


# -- The ledger of two statements (docdiff.relate.ledger) ---------------------


class Presence(enum.StrEnum):
    """On which side a ledger item stands."""

    LEFT = "left"  # the left statement only
    RIGHT = "right"  # the right statement only
    BOTH = "both"


class StrengthChange(enum.StrEnum):
    """How the strongest commitment about an item present on both sides compares, right against left."""

    STRONGER = "stronger"
    WEAKER = "weaker"
    SAME = "same"


@frozen
class LedgerSide:
    """What one statement says about one ledger item.

    ``labels`` are the units where the item stands, in document order;
    ``strength`` is the rank of the strongest commitment made about it on the
    commitment strength scale (``lexicon/commitments.json``, ``strength``;
    0: only mentioned), ``commitment`` and ``intensity`` those of that
    sentence (the first such sentence in document order), ``scale`` the name of
    its level ("support"); ``actor`` the party codes acting in the sentences
    that name the item, sorted; ``sentences`` how many sentences name it.
    """

    labels: tuple[str, ...] = field(converter=_labels)
    strength: int
    scale: str
    commitment: str | None
    intensity: str | None
    actor: tuple[str, ...] = field(converter=_labels)
    sentences: int
    text: str  # the sentence of the strongest commitment


@frozen
class LedgerRow:
    """One item of the ledger: a concept (``kind`` field, organisation, initiative, place) or a formula.

    ``id`` is the lexicon id ("org.sco", "one-china"); ``left`` and ``right``
    are ``None`` on the side where the item is absent; ``change`` is set only
    when it is present on both.
    """

    kind: str
    id: str
    name: str
    presence: Presence
    left: LedgerSide | None
    right: LedgerSide | None
    change: StrengthChange | None


def _ledger_rows(value: Iterable[LedgerRow]) -> tuple[LedgerRow, ...]:
    return tuple(value)


@frozen(kw_only=True)
class Ledger:
    """What each of two statements got that the other did not (:func:`docdiff.ledger`).

    Rows in a fixed order: right only, left only, both with a change of
    strength, both the same; inside each, by kind (field, organisation,
    initiative, place, formula), then id.  ``left_name`` and ``right_name``
    name the sides for the reader: the parties found on one side only, or the
    statements' dates when both have the same parties.
    """

    left: Document
    right: Document
    left_name: str
    right_name: str
    rows: tuple[LedgerRow, ...] = field(converter=_ledger_rows)

    def to_json(self, **options: object) -> str:
        """Render as ``docdiff/ledger@1`` JSON."""
        return registry.render(self, "json", **options)

    def to_markdown(self, **options: object) -> str:
        """Render as GitHub-flavoured Markdown."""
        return registry.render(self, "md", **options)
