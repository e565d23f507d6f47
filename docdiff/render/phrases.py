"""Reports of ``docdiff phrases``: shared phrases and formula wording of two statements.

:func:`phrase_report` runs the two engines (:func:`docdiff.phrases.align_phrases`
and :func:`docdiff.phrases.formulas.compare_formulas`) and gathers what they found
into a :class:`PhraseReport`; :func:`render_phrase_report` renders it as JSON
(``docdiff/phrases@1``), terminal text, GitHub Markdown or one self-contained
HTML page.  Rendering only reads the report, so it is deterministic and can
be tested on hand-built data.  Statement text is inert in every format: HTML
is built with lxml (text nodes only), Markdown escapes with
:func:`docdiff.render.markdown.escape`, text shows control characters as
``\\xNN``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import OptionsError
from ..model import Document
from ..options import Options
from ..phrases.formulas import FormulaOccurrence
from ..result import FormulaUse
from .htmlparts import NONE
from .json import phrases_to_json
from .markdown import escape, inline_markdown
from .phrase_report import (
    PhraseReport,
    direction_label,
    document_facts,
    formula_name,
    is_changed,
    pair_heading,
    phrase_report,
    report_title,
    unit_labels,
    wordings_of,
)
from .phrases_html import html_phrase_report
from .text import escape_controls, inline

__all__ = [
    "PHRASE_FORMATS",
    "PhraseReport",
    "phrase_report",
    "render_phrase_report",
    "render_phrases",
]

#: The formats :func:`render_phrases` accepts.
PHRASE_FORMATS = ("html", "json", "md", "text")

_INDENT = "    "


# -- text ---------------------------------------------------------------------------------------


def _t(text: str) -> str:
    return escape_controls(text)


def _indented(lines: Sequence[str]) -> list[str]:
    return [_INDENT + line if line.strip() else "" for line in lines]


def _text(report: PhraseReport) -> str:
    out = ["docdiff phrases"]
    for side, document in (("left", report.left), ("right", report.right)):
        facts = dict(document_facts(document))
        details = [facts["Title"] or "(untitled)", facts["Date"], facts["Place"], facts["Parties"]]
        out.append(_t(f"{side + ':':7}{facts['File'] or '(no path)'}"))
        out.append(_t("       " + " · ".join(d for d in [*details, facts["Language"]] if d)))
    out += ["", f"Phrase pairs ({len(report.phrases)})"]
    if not report.phrases:
        out.append("  none")
    for pair in report.phrases:
        heading = f"[{pair_heading(pair)}] score {pair.score:.2f}"
        if pair.formula:
            heading += f" formula {pair.formula}"
        out += ["", _t(heading), *_indented(inline(pair.edits, color=False))]
    out += ["", f"Formulas ({len(report.formulas)})"]
    if not report.formulas:
        out.append("  none")
    for use in report.formulas:
        where = f"left {unit_labels(use.left)}; right {unit_labels(use.right)}"
        out.append(_t(f"  {use.id} ({formula_name(use.id)}): {direction_label(use)} ({where})"))
        if is_changed(use):
            out += _indented(inline(use.edits, color=False))
    return "\n".join(out) + "\n"


# -- Markdown -----------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n")).strip() or NONE


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return out + ["| " + " | ".join(row) + " |" for row in rows]


def _md_wording(found: Sequence[FormulaOccurrence], formula_id: str) -> str:
    items = [f"{escape(labels)}: {_md_cell(text)}" for labels, text in wordings_of(found, formula_id)]
    return "<br>".join(items) or NONE


def _md_change(use: FormulaUse) -> str:
    if not is_changed(use):
        return "same wording"
    return "<br>".join(line for line in inline_markdown(use.edits) if line)


def _markdown(report: PhraseReport) -> str:
    out = [f"# {escape(report_title(report))}", ""]
    rows = [
        [name, _md_cell(a), _md_cell(b)]
        for (name, a), (_, b) in zip(document_facts(report.left), document_facts(report.right), strict=True)
    ]
    out += _md_table(["Field", "Left", "Right"], rows)
    out += ["", "## Formulas", ""]
    if report.formulas:
        rows = [
            [
                f"{escape(use.id)}<br>{escape(formula_name(use.id))}",
                _md_wording(report.left_found, use.id),
                _md_wording(report.right_found, use.id),
                direction_label(use),
                _md_change(use),
            ]
            for use in report.formulas
        ]
        out += _md_table(["Formula", "Left wording", "Right wording", "Direction", "Change"], rows)
    else:
        out.append("No lexicon formula in either statement.")
    out += ["", "## Shared phrases", ""]
    if not report.phrases:
        out += ["No shared phrase.", ""]
    for index, pair in enumerate(report.phrases, 1):
        facts = [f"score {pair.score:.2f}"] + ([f"formula {escape(pair.formula)}"] if pair.formula else [])
        out += [f"### {index}. {escape(pair_heading(pair))}", "", "*" + " · ".join(facts) + "*", ""]
        out += [*inline_markdown(pair.edits), ""]
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


# -- entry points -------------------------------------------------------------------------------


def render_phrase_report(report: PhraseReport, fmt: str) -> str:
    """Render ``report`` as ``json``, ``text``, ``md`` or ``html`` (see :data:`PHRASE_FORMATS`)."""
    if fmt == "json":
        return phrases_to_json(report.left, report.right, report.phrases, report.formulas)
    if fmt == "text":
        return _text(report)
    if fmt == "md":
        return _markdown(report)
    if fmt == "html":
        return html_phrase_report(report)
    raise _unknown(fmt)


def _unknown(fmt: str) -> OptionsError:
    known = ", ".join(PHRASE_FORMATS)
    return OptionsError(f"unknown phrase report format {fmt!r}; choose one of: {known}")


def render_phrases(left: Document, right: Document, fmt: str, options: Options) -> str:
    """Align the phrases of ``left`` and ``right``, compare their formulas, render as ``fmt``.

    ``fmt`` is ``json`` (``docdiff/phrases@1``), ``text``, ``md`` or
    ``html``; ``options.min_phrase_words`` and ``options.phrase_min_score``
    select the phrases.  Raises :class:`~docdiff.errors.OptionsError` for an
    unknown format, before any work is done.
    """
    if fmt not in PHRASE_FORMATS:
        raise _unknown(fmt)
    return render_phrase_report(phrase_report(left, right, options), fmt)
