"""The HTML page of ``docdiff phrases``: documents, formulas, shared phrases, legend.

Built with lxml from text nodes only, so statement text stays inert; block
elements end with a newline so the page diffs line by line.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources

from lxml import html as lxml_html
from lxml.html import builder as E

from ..registry import register
from ..result import FormulaOccurrence, Op, PhraseReport
from .html_parts import Element, badge, clean, paragraphs
from .words import (
    NONE,
    direction_label,
    document_facts,
    formula_name,
    is_changed,
    report_title,
    title_of,
    wordings_of,
)

__all__ = ["html_phrase_report"]


@functools.cache
def _css() -> str:
    return resources.files("docdiff.render").joinpath("report.css").read_text(encoding="utf-8")


def _html_facts(report: PhraseReport) -> Element:
    rows = []
    for (name, a), (_, b) in zip(document_facts(report.left), document_facts(report.right), strict=True):
        rows.append(
            E.TR(
                E.TH(name, scope="row"),
                E.TD(clean(a) or NONE, lang=report.left.language),
                E.TD(clean(b) or NONE, lang=report.right.language),
            )
        )
    head = E.THEAD(E.TR(*(E.TH(h, scope="col") for h in ("Field", "Left", "Right"))))
    return E.TABLE(head, E.TBODY(*rows), E.CLASS("meta"))


def _html_wording(found: Sequence[FormulaOccurrence], formula_id: str, lang: str) -> Element:
    items = [
        E.LI(E.SPAN(clean(labels), E.CLASS("label")), " ", E.SPAN(clean(text), lang=lang))
        for labels, text in wordings_of(found, formula_id)
    ]
    return E.TD(E.UL(*items, E.CLASS("wording")) if items else NONE)


def _formula_id(formula_id: str) -> str:
    return "formula-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in formula_id)


def _html_formulas(report: PhraseReport) -> Element:
    if not report.formulas:
        return E.SECTION(E.H2("Formulas"), E.P("No lexicon formula in either statement."), id="formulas")
    left_lang, right_lang = report.left.language, report.right.language
    lang_of = {Op.DELETE: left_lang} if left_lang != right_lang else None
    rows = []
    for use in report.formulas:
        diff = paragraphs(use.edits, tuple(Op), lang_of) if is_changed(use) else [E.P("same wording")]
        rows.append(
            E.TR(
                E.TH(E.CODE(clean(use.id)), E.BR(), clean(formula_name(report, use.id)), scope="row"),
                _html_wording(report.left_found, use.id, left_lang),
                _html_wording(report.right_found, use.id, right_lang),
                E.TD(badge(direction_label(use), "flag")),
                E.TD(*diff, E.CLASS("phrase"), lang=right_lang),
                id=_formula_id(use.id),
            )
        )
    columns = ("Formula", "Left wording", "Right wording", "Direction", "Word diff (left → right)")
    head = E.THEAD(E.TR(*(E.TH(h, scope="col") for h in columns)))
    return E.SECTION(E.H2("Formulas"), E.TABLE(head, E.TBODY(*rows), E.CLASS("list")), id="formulas")


def _html_phrases(report: PhraseReport) -> Element:
    if not report.phrases:
        return E.SECTION(E.H2("Shared phrases"), E.P("No shared phrase."), id="phrases")
    listed = {use.id for use in report.formulas}
    left_lang, right_lang = report.left.language, report.right.language
    lang_of = {Op.DELETE: left_lang} if left_lang != right_lang else None
    rows = []
    for index, pair in enumerate(report.phrases, 1):
        formula: list[Element | str] = []
        if pair.formula and pair.formula in listed:
            formula = [E.A(clean(pair.formula), href="#" + _formula_id(pair.formula))]
        elif pair.formula:
            formula = [clean(pair.formula)]
        rows.append(
            E.TR(
                E.TD(str(index)),
                E.TD(clean(pair.left.label)),
                E.TD(clean(pair.right.label)),
                E.TD(f"{pair.score:.2f}"),
                E.TD(*formula),
                E.TD(
                    *(paragraphs(pair.edits, tuple(Op), lang_of) or [E.P(clean(pair.right.text))]),
                    E.CLASS("phrase"),
                    lang=right_lang,
                ),
                id=f"phrase-{index}",
            )
        )
    columns = ("#", "Left", "Right", "Score", "Formula", "Phrase (left → right)")
    head = E.THEAD(E.TR(*(E.TH(h, scope="col") for h in columns)))
    return E.SECTION(E.H2("Shared phrases"), E.TABLE(head, E.TBODY(*rows), E.CLASS("list")), id="phrases")


def _html_legend() -> Element:
    entries = [
        (E.DEL("deleted text"), "in the left statement only: struck through, red"),
        (E.INS("inserted text"), "in the right statement only: underlined, green"),
        (badge("stronger", "flag"), "the right wording commits more (a higher level or more intensifiers)"),
        (badge("weaker", "flag"), "the right wording commits less"),
        (badge("same", "flag"), "the same commitment and intensity, whatever the wording"),
        (badge("only left", "flag"), "the formula occurs in one statement only (only right: the other)"),
        ("Score", "matched words over the longer side of the phrase, from 0 to 1"),
    ]
    items = [x for sample, meaning in entries for x in (E.DT(sample), E.DD(meaning))]
    return E.SECTION(E.H2("Legend"), E.DL(*items, E.CLASS("legend")), id="legend")


# Elements after which a newline changes nothing: it keeps the page diffable line by line.
_BLOCKS = frozenset(
    [
        *("html", "head", "meta", "title", "style", "body", "header", "nav", "main", "section", "footer"),
        *("table", "thead", "tbody", "tr", "th", "td", "div", "p", "ul", "li", "dl", "dt", "dd", "h1", "h2"),
    ]
)


@register(PhraseReport, "html")
def html_phrase_report(report: PhraseReport) -> str:
    """``report`` as one self-contained HTML page (styles inline, no scripts, no external resources)."""
    title = report_title(report)
    left, right = report.left, report.right
    sections = (("documents", "Documents"), ("formulas", "Formulas"), ("phrases", "Shared phrases"))
    header = E.HEADER(
        E.H1(clean(title)),
        E.P(
            E.SPAN(clean(title_of(left) or left.path or "left"), lang=left.language),
            " ↔ ",
            E.SPAN(clean(title_of(right) or right.path or "right"), lang=right.language),
            E.CLASS("sub"),
        ),
        E.NAV(
            *(E.A(name, href=f"#{key}") for key, name in (*sections, ("legend", "Legend"))),
            E.CLASS("toc"),
            **{"aria-label": "Sections"},
        ),
    )
    main = E.MAIN(
        E.SECTION(E.H2("Documents"), _html_facts(report), id="documents"),
        _html_formulas(report),
        _html_phrases(report),
        _html_legend(),
    )
    report_div = E.DIV(E.STYLE(_css()), header, main, E.CLASS("docdiff"), lang="en")
    report_div.append(E.FOOTER("Generated by docdiff. Self-contained: no external resources."))
    page = E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.META(name="viewport", content="width=device-width, initial-scale=1"),
            E.META(name="generator", content="docdiff"),
            E.TITLE(clean(title)),
        ),
        E.BODY(report_div),
        lang="en",
    )
    for element in page.iter():
        if element.tag in _BLOCKS and element.tag != "html" and not element.tail:
            element.tail = "\n"
    return str(lxml_html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode")) + "\n"
