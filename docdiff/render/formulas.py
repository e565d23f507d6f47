"""The report of ``docdiff formulas``: which lexicon formulas each statement uses, in which wording.

:func:`formula_table` finds every formula occurrence
(:func:`docdiff.phrases.formulas.find_formulas`) in each document and groups them by
formula, in lexicon order; :func:`render_formula_table` renders the result as
terminal text or as ``docdiff/formulas@1`` JSON (schema
``docdiff/schemas/formulas-1.json``).  Documents are referred to by their
index in the order given, so the output is deterministic for a given input
order (the CLI sorts the files of a folder).  Grouping wordings into
variants across a corpus is :mod:`docdiff.corpus`'s job, not this module's.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from attrs import frozen

from ..errors import OptionsError
from ..model import Document
from ..phrases.formulas import FormulaOccurrence, find_formulas, formula_lexicon
from .text import escape_controls

__all__ = [
    "FORMULAS_SCHEMA",
    "FORMULA_FORMATS",
    "WIDTH",
    "FormulaRow",
    "FormulaUseAt",
    "formula_table",
    "formula_table_to_dict",
    "render_formula_table",
    "shorten",
]

#: Schema identifier written into the JSON output.
FORMULAS_SCHEMA = "docdiff/formulas@1"
#: The formats :func:`render_formula_table` accepts.
FORMULA_FORMATS = ("json", "text")
#: Longest wording shown per document line of the text report, in characters.
WIDTH = 160


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


def formula_table(documents: Sequence[Document]) -> tuple[FormulaRow, ...]:
    """The formulas that ``documents`` use, in lexicon order; unused formulas are left out."""
    by_id: dict[str, list[FormulaUseAt]] = {}
    for index, document in enumerate(documents):
        for occurrence in find_formulas(document):
            by_id.setdefault(occurrence.id, []).append(FormulaUseAt(index, occurrence))
    return tuple(FormulaRow(f.id, f.name, tuple(by_id[f.id])) for f in formula_lexicon() if f.id in by_id)


def _title(document: Document) -> str | None:
    if document.metadata.title:
        return document.metadata.title
    return document.title.text if document.title is not None else None


def formula_table_to_dict(documents: Sequence[Document]) -> dict[str, Any]:
    """The ``docdiff/formulas@1`` document as plain dicts and lists, keys in output order."""
    return {
        "schema": FORMULAS_SCHEMA,
        "documents": [
            {
                "path": d.path,
                "title": _title(d),
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
            for row in formula_table(documents)
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
    return document.path or _title(document) or f"document {index + 1}"


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


def _text(documents: Sequence[Document]) -> str:
    rows = formula_table(documents)
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


def render_formula_table(documents: Sequence[Document], fmt: str) -> str:
    """Render the formulas ``documents`` use as ``text`` or ``json`` (``docdiff/formulas@1``).

    Text: one block per formula (id, name, how many statements use it), one
    line per statement with each distinct wording after its unit labels,
    shortened to about :data:`WIDTH` characters.  JSON: every occurrence
    with its offsets, deterministic (fixed key order, two-space indentation,
    a final newline).  Raises :class:`~docdiff.errors.OptionsError` for an
    unknown format.
    """
    if fmt == "json":
        data = formula_table_to_dict(documents)
        return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if fmt == "text":
        return _text(documents)
    known = ", ".join(FORMULA_FORMATS)
    raise OptionsError(f"unknown formula report format {fmt!r}; choose one of: {known}")
