"""The reports of ``docdiff phrases`` and ``docdiff formulas``, gathered from the engines.

:func:`phrase_report` aligns the phrases (:func:`docdiff.phrases.align.align_phrases`)
and compares the formulas (:func:`docdiff.phrases.formulas.compare_formulas`)
of two statements; :func:`formula_report` finds every formula occurrence
(:func:`docdiff.phrases.search.find_formulas`) of each statement and groups
them by formula, in lexicon order.  Both return plain values of
:mod:`docdiff.result` that :mod:`docdiff.render` renders.  Grouping wordings
into variants across a corpus is :mod:`docdiff.corpus`'s job.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document
from ..options import Options
from ..result import FormulaReport, FormulaRow, FormulaUseAt, PhraseReport
from .align import align_phrases
from .formulas import compare_formulas
from .search import find_formulas, formula_lexicon

__all__ = ["formula_report", "formula_table", "phrase_report"]


def phrase_report(left: Document, right: Document, options: Options | None = None) -> PhraseReport:
    """Align the phrases and compare the formulas of ``left`` and ``right``."""
    options = options or Options()
    return PhraseReport(
        left=left,
        right=right,
        phrases=align_phrases(left, right, options),
        formulas=compare_formulas(left, right, options.phrase_tuning),
        left_found=find_formulas(left),
        right_found=find_formulas(right),
        names=[(f.id, f.name) for f in formula_lexicon()],
    )


def formula_table(documents: Sequence[Document]) -> tuple[FormulaRow, ...]:
    """The formulas that ``documents`` use, in lexicon order; unused formulas are left out."""
    by_id: dict[str, list[FormulaUseAt]] = {}
    for index, document in enumerate(documents):
        for occurrence in find_formulas(document):
            by_id.setdefault(occurrence.id, []).append(FormulaUseAt(index, occurrence))
    return tuple(FormulaRow(f.id, f.name, tuple(by_id[f.id])) for f in formula_lexicon() if f.id in by_id)


def formula_report(documents: Sequence[Document]) -> FormulaReport:
    """The formulas each of ``documents`` uses (see :func:`formula_table`), with the documents."""
    return FormulaReport(documents, formula_table(documents))
