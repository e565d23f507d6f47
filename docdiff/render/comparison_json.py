"""Comparison JSON (``docdiff/comparison@1``) and phrase JSON (``docdiff/phrases@1``).

Both formats are described by JSON Schemas shipped in ``docdiff/schemas``
(:func:`docdiff.render.jsonout.schema` loads them, also re-exported here).
Output is deterministic: keys in a fixed order, floats rounded to four
places, non-ASCII text written as is, two-space indentation and a final
newline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from ..model import Document
from ..options import Options
from ..registry import register
from ..result import (
    ClausePair,
    Comparison,
    Divergence,
    Edit,
    FieldDifference,
    FormulaUse,
    PhrasePair,
    PhraseSide,
    SentencePair,
    Summary,
)
from .document_json import signatory_to_dict
from .jsonout import COMPARISON_SCHEMA, PHRASES_SCHEMA, dump, schema

__all__ = [
    "comparison_to_dict",
    "document_summary",
    "edits_to_list",
    "phrases_to_dict",
    "phrases_to_json",
    "render_json",
    "schema",
]

#: Decimal places kept in every score: enough to rank, few enough to stay stable across platforms.
PRECISION = 4


def _score(value: float) -> float:
    return round(float(value), PRECISION)


def edits_to_list(edits: Sequence[Edit]) -> list[list[str]]:
    """Edits as ``[op, text]`` pairs, the form every docdiff JSON uses."""
    return [[str(e.op), e.text] for e in edits]


def document_summary(document: Document) -> dict[str, Any]:
    """What comparison JSON says about one side: its path, metadata and unit labels."""
    meta = document.metadata
    title = meta.title
    if title is None and document.title is not None:
        title = document.title.text
    return {
        "path": document.path,
        "format": document.format,
        "title": title,
        "kind": meta.kind,
        "date": meta.date,
        "place": meta.place,
        "parties": list(meta.parties),
        "signatories": [signatory_to_dict(s) for s in meta.signatories],
        "language": meta.language,
        "units": [u.label for u in document.units],
    }


def _pair(pair: ClausePair) -> dict[str, Any]:
    return {
        "kind": str(pair.kind),
        "left": list(pair.left),
        "right": list(pair.right),
        "moved": pair.moved,
        "change": str(pair.change),
        "flags": [str(f) for f in pair.flags],
        "similarity": _score(pair.similarity),
        "matched_by": None if pair.matched_by is None else str(pair.matched_by),
        "edits": edits_to_list(pair.edits),
        "notes": list(pair.notes),
        "evidence": [
            {"kind": str(e.kind), "value": e.value, "weight": _score(e.weight)} for e in pair.evidence
        ],
        "left_sentences": [list(span) for span in pair.left_sentences],
        "right_sentences": [list(span) for span in pair.right_sentences],
        "sentences": [_sentence_pair(s) for s in pair.sentences],
        "divergences": [_divergence(d) for d in pair.divergences],
    }


def _sentence_pair(pair: SentencePair) -> dict[str, Any]:
    return {
        "left": list(pair.left),
        "right": list(pair.right),
        "similarity": _score(pair.similarity),
        "edits": edits_to_list(pair.edits),
    }


def _divergence(divergence: Divergence) -> dict[str, Any]:
    return {
        "type": str(divergence.type),
        "left": divergence.left,
        "right": divergence.right,
        "left_start": divergence.left_start,
        "left_end": divergence.left_end,
        "right_start": divergence.right_start,
        "right_end": divergence.right_end,
        "note": divergence.note,
    }


def _side(side: PhraseSide, *, text: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"label": side.label, "start": side.start, "end": side.end}
    if text:
        out["text"] = side.text
    return out


def _phrase(phrase: PhrasePair) -> dict[str, Any]:
    return {
        "left": _side(phrase.left),
        "right": _side(phrase.right),
        "score": _score(phrase.score),
        "formula": phrase.formula,
        "edits": edits_to_list(phrase.edits),
    }


def _formula(use: FormulaUse) -> dict[str, Any]:
    return {
        "id": use.id,
        "left": [_side(s) for s in use.left],
        "right": [_side(s) for s in use.right],
        "edits": edits_to_list(use.edits),
        "direction": use.direction,
    }


def _value(value: str | tuple[str, ...] | None) -> str | list[str] | None:
    return list(value) if isinstance(value, tuple) else value


def _difference(difference: FieldDifference) -> dict[str, Any]:
    return {"field": difference.field, "left": _value(difference.left), "right": _value(difference.right)}


def _summary(summary: Summary) -> dict[str, Any]:
    return {
        "by_kind": dict(summary.by_kind),
        "by_change": dict(summary.by_change),
        "similarity": _score(summary.similarity),
        "moved": summary.moved,
        "flags": dict(summary.flags),
        "metadata": [_difference(d) for d in summary.metadata],
        "notes": list(summary.notes),
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The ``docdiff/comparison@1`` document as plain dicts and lists, keys in output order."""
    options = comparison.options
    return {
        "schema": COMPARISON_SCHEMA,
        "left": document_summary(comparison.left),
        "right": document_summary(comparison.right),
        "pairs": [_pair(p) for p in comparison.pairs],
        "phrases": [_phrase(p) for p in comparison.phrases],
        "formulas": [_formula(f) for f in comparison.formulas],
        "envelope": edits_to_list(comparison.envelope),
        "closing": edits_to_list(comparison.closing),
        "summary": _summary(comparison.summary),
        "options": options_to_dict(options),
    }


def _setting(value: object) -> object:
    if attrs.has(type(value)):
        return {f.name: _setting(getattr(value, f.name)) for f in attrs.fields(type(value))}  # type: ignore[arg-type]
    if isinstance(value, float):
        return _score(value)
    return value


def options_to_dict(options: Options) -> dict[str, Any]:
    """Every comparison setting of ``options``, tuning records included, in field order.

    A result can be reproduced from itself: nothing that decides it is left out.
    """
    return {f.name: _setting(getattr(options, f.name)) for f in attrs.fields(Options)}


@register(Comparison, "json")
def render_json(comparison: Comparison) -> str:
    """Render ``comparison`` as ``docdiff/comparison@1`` JSON text."""
    return dump(comparison_to_dict(comparison))


def phrases_to_dict(
    left: Document, right: Document, phrases: Sequence[PhrasePair], formulas: Sequence[FormulaUse]
) -> dict[str, Any]:
    """The ``docdiff/phrases@1`` document as plain dicts and lists."""
    return {
        "schema": PHRASES_SCHEMA,
        "left": {"path": left.path, "language": left.language},
        "right": {"path": right.path, "language": right.language},
        "pairs": [_phrase(p) for p in phrases],
        "formulas": [
            {
                "id": f.id,
                "left": [_side(s, text=False) for s in f.left],
                "right": [_side(s, text=False) for s in f.right],
                "direction": f.direction,
            }
            for f in formulas
        ],
    }


def phrases_to_json(
    left: Document, right: Document, phrases: Sequence[PhrasePair], formulas: Sequence[FormulaUse]
) -> str:
    """Render phrase alignments of two documents as ``docdiff/phrases@1`` JSON text."""
    return dump(phrases_to_dict(left, right, phrases, formulas))
