"""Reports of ``docdiff phrases``: shared phrases and formula wording of two statements.

:func:`docdiff.phrases.report.phrase_report` gathers what the engines found
into a :class:`~docdiff.result.PhraseReport`; this module registers its
renderers as JSON (``docdiff/phrases@1``), terminal text and GitHub
Markdown (:mod:`docdiff.render.phrases_html` the self-contained HTML page),
reached with ``render(report, fmt)``.  Rendering only reads the report, so
it is deterministic and can be tested on hand-built data.  Statement text
is inert in every format: HTML is built with lxml (text nodes only),
Markdown escapes with :func:`docdiff.render.comparison_md.escape`, text
shows control characters as ``\\xNN``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..registry import register
from ..result import FormulaOccurrence, FormulaUse, PhraseReport
from .comparison_json import phrases_to_json
from .comparison_md import escape, inline_markdown
from .comparison_text import inline
from .words import (
    NONE,
    direction_label,
    document_facts,
    escape_controls,
    formula_name,
    is_changed,
    phrase_heading,
    report_title,
    unit_list,
    wordings_of,
)

__all__ = ["phrase_report_json", "phrase_report_markdown", "phrase_report_text"]

_INDENT = "    "


# -- text ---------------------------------------------------------------------------------------


def _t(text: str) -> str:
    return escape_controls(text)


def _indented(lines: Sequence[str]) -> list[str]:
    return [_INDENT + line if line.strip() else "" for line in lines]


@register(PhraseReport, "text")
def phrase_report_text(report: PhraseReport) -> str:
    """``report`` for a terminal: both documents, then the phrase pairs, then the formulas."""
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
        heading = f"[{phrase_heading(pair)}] score {pair.score:.2f}"
        if pair.formula:
            heading += f" formula {pair.formula}"
        out += ["", _t(heading), *_indented(inline(pair.edits, color=False))]
    out += ["", f"Formulas ({len(report.formulas)})"]
    if not report.formulas:
        out.append("  none")
    for use in report.formulas:
        where = f"left {unit_list(use.left)}; right {unit_list(use.right)}"
        out.append(_t(f"  {use.id} ({formula_name(report, use.id)}): {direction_label(use)} ({where})"))
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


@register(PhraseReport, "md")
def phrase_report_markdown(report: PhraseReport) -> str:
    """``report`` as GitHub Markdown: a facts table, a formulas table, then each shared phrase."""
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
                f"{escape(use.id)}<br>{escape(formula_name(report, use.id))}",
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
        out += [f"### {index}. {escape(phrase_heading(pair))}", "", "*" + " · ".join(facts) + "*", ""]
        out += [*inline_markdown(pair.edits), ""]
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


# -- JSON ---------------------------------------------------------------------------------------


@register(PhraseReport, "json")
def phrase_report_json(report: PhraseReport) -> str:
    """``report`` as ``docdiff/phrases@1`` JSON (the phrases and formula uses, with both documents)."""
    return phrases_to_json(report.left, report.right, report.phrases, report.formulas)
