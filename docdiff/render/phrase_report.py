"""The phrase report: what ``docdiff phrases`` shows, and helpers its renderers share.

:func:`phrase_report` runs the two engines (:func:`docdiff.phrases.align_phrases`
and :func:`docdiff.phrases.formulas.compare_formulas`) and gathers what they found
into a :class:`PhraseReport`; :mod:`docdiff.render.phrases` (text, Markdown,
JSON) and :mod:`docdiff.render.phrases_html` render it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from attrs import frozen

from ..model import Document
from ..options import Options
from ..phrases.align import align_phrases
from ..phrases.formulas import FormulaOccurrence, compare_formulas, find_formulas, formula_lexicon
from ..result import FormulaUse, Op, PhrasePair, PhraseSide
from .htmlparts import NONE, title_of

__all__ = [
    "PhraseReport",
    "direction_label",
    "document_facts",
    "formula_name",
    "is_changed",
    "pair_heading",
    "phrase_report",
    "report_title",
    "unit_labels",
    "wordings_of",
]


@frozen(kw_only=True)
class PhraseReport:
    """Everything a phrase report shows.

    ``phrases`` and ``formulas`` are the engines' results for ``left`` and
    ``right``; ``left_found`` / ``right_found`` every formula occurrence of
    each document (the wordings the formulas table lists).
    """

    left: Document
    right: Document
    phrases: tuple[PhrasePair, ...] = ()
    formulas: tuple[FormulaUse, ...] = ()
    left_found: tuple[FormulaOccurrence, ...] = ()
    right_found: tuple[FormulaOccurrence, ...] = ()


def phrase_report(left: Document, right: Document, options: Options | None = None) -> PhraseReport:
    """Align the phrases and compare the formulas of ``left`` and ``right``."""
    return PhraseReport(
        left=left,
        right=right,
        phrases=align_phrases(left, right, options or Options()),
        formulas=compare_formulas(left, right),
        left_found=find_formulas(left),
        right_found=find_formulas(right),
    )


@functools.cache
def _names() -> dict[str, str]:
    return {f.id: f.name for f in formula_lexicon()}


def formula_name(formula_id: str) -> str:
    """The lexicon name of ``formula_id`` (the id itself for an unknown one)."""
    return _names().get(formula_id, formula_id)


def direction_label(use: FormulaUse) -> str:
    """The direction in words: stronger/weaker/same, or which side alone has the formula."""
    if use.direction is not None:
        return use.direction
    return "only left" if use.left else "only right"


def is_changed(use: FormulaUse) -> bool:
    """True when the formula's compared variants differ in wording."""
    return any(e.op is not Op.EQUAL for e in use.edits)


def wordings_of(found: Sequence[FormulaOccurrence], formula_id: str) -> list[tuple[str, str]]:
    """``(labels, text)`` for each distinct wording of ``formula_id``, in source order."""
    labels: dict[str, list[str]] = {}
    for o in found:
        if o.id == formula_id:
            at = labels.setdefault(o.text, [])
            if o.label not in at:
                at.append(o.label)
    return [(", ".join(ls), text) for text, ls in labels.items()]


def document_facts(document: Document) -> list[tuple[str, str]]:
    """``(field, value)`` rows describing ``document`` (empty values for unknown fields)."""
    meta = document.metadata
    return [
        ("File", document.path or ""),
        ("Title", title_of(document) or ""),
        ("Date", meta.date or ""),
        ("Place", meta.place or ""),
        ("Parties", ", ".join(meta.parties)),
        ("Language", meta.language),
    ]


def _file_name(document: Document, side: str) -> str:
    return document.path.replace("\\", "/").rsplit("/", 1)[-1] if document.path else side


def report_title(report: PhraseReport) -> str:
    """``Phrases: left.txt ↔ right.txt`` (the side names for documents without a path)."""
    return f"Phrases: {_file_name(report.left, 'left')} ↔ {_file_name(report.right, 'right')}"


def unit_labels(sides: Sequence[PhraseSide]) -> str:
    """The sides' unit labels, each once, in order; a dash for none."""
    return ", ".join(dict.fromkeys(s.label for s in sides)) or NONE


def pair_heading(pair: PhrasePair) -> str:
    """``L 3 ↔ R 16``."""
    return f"L {pair.left.label} ↔ R {pair.right.label}"
