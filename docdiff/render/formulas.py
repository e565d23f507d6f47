"""The report of ``docdiff formulas``: which lexicon formulas each statement uses, in which wording.

:func:`docdiff.phrases.report.formula_report` finds every formula
occurrence of each document and groups them by formula, in lexicon order,
into a :class:`~docdiff.result.FormulaReport`; this module renders it as
terminal text or as ``docdiff/formulas@1`` JSON (schema
``docdiff/schemas/formulas-1.json``).  Documents are referred to by their
index in the order given, so the output is deterministic for a given input
order (the CLI sorts the files of a folder).  Grouping wordings into
variants across a corpus is :mod:`docdiff.corpus`'s job, not this module's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Document
from ..registry import register
from ..result import FormulaReport, FormulaUseAt
from .jsonout import FORMULAS_SCHEMA, dump
from .words import escape_controls, title_of

__all__ = ["WIDTH", "formula_report_json", "formula_report_text", "formula_table_to_dict", "shorten"]

#: Longest wording shown per document line of the text report, in characters.
WIDTH = 160


def formula_table_to_dict(report: FormulaReport) -> dict[str, Any]:
    """The ``docdiff/formulas@1`` document as plain dicts and lists, keys in output order."""
    documents = report.documents
    return {
        "schema": FORMULAS_SCHEMA,
        "documents": [
            {
                "path": d.path,
                "title": title_of(d),
                "date": d.metadata.date,
                "parties": list(d.metadata.parties),
                "language": d.metadata.language,
            }
            for d in documents
        ],
        "formulas": [
            {
                "id": row.id,
                "name": row.name,
                "uses": [
                    {
                        "document": use.document,
                        "label": use.occurrence.label,
                        "start": use.occurrence.start,
                        "end": use.occurrence.end,
                        "text": use.occurrence.text,
                    }
                    for use in row.uses
                ],
            }
            for row in report.rows
        ],
    }


def _clean(text: str) -> str:
    # One line per use: tab and newline are escaped too.
    return escape_controls(text, keep_layout=False)


def shorten(text: str, width: int = WIDTH) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters with "…"."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _name(document: Document, index: int) -> str:
    return document.path or title_of(document) or f"document {index + 1}"


def _wording(uses: Sequence[FormulaUseAt], width: int = WIDTH) -> str:
    """Each distinct wording once, after its unit labels; whole wordings while they fit in ``width``."""
    labels: dict[str, list[str]] = {}
    for use in uses:
        at = labels.setdefault(" ".join(use.occurrence.text.split()), [])
        if use.occurrence.label not in at:
            at.append(use.occurrence.label)
    items = [f"[{', '.join(ls)}] {text}" for text, ls in labels.items()]
    kept: list[str] = []
    for item in items:
        if len("; ".join([*kept, item])) > width:
            break
        kept.append(item)
    if not kept:  # the first wording alone is too long: cut it
        kept = [shorten(items[0], width)]
    rest = len(items) - len(kept)
    return "; ".join(kept) + (f"; … (+{rest} more)" if rest else "")


@register(FormulaReport, "text")
def formula_report_text(report: FormulaReport) -> str:
    """The report for a terminal: one block per formula (id, name, how many statements use it).

    Then one line per statement with each distinct wording after its unit
    labels, shortened to about :data:`WIDTH` characters.
    """
    documents, rows = report.documents, report.rows
    names = [_clean(shorten(_name(d, i), 60)) for i, d in enumerate(documents)]
    width = max((len(n) for n in names), default=0)
    out = [f"docdiff formulas: {len(documents)} statement(s), {len(rows)} formula(s) found"]
    for row in rows:
        used_in = sorted({u.document for u in row.uses})
        out += ["", _clean(f"{row.id} — {row.name} ({len(used_in)} of {len(documents)})")]
        for index in used_in:
            wording = _wording([u for u in row.uses if u.document == index])
            out.append(f"  {names[index]:<{width}}  {_clean(wording)}")
    used = {u.document for r in rows for u in r.uses}
    unused = [name for i, name in enumerate(names) if i not in used]
    if unused:
        out += ["", "No lexicon formula in:", *(f"  {n}" for n in unused)]
    return "\n".join(out) + "\n"


@register(FormulaReport, "json")
def formula_report_json(report: FormulaReport) -> str:
    """``docdiff/formulas@1`` JSON: every occurrence with its offsets, keys in a fixed order."""
    return dump(formula_table_to_dict(report))
