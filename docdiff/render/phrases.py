"""Reports of ``docdiff phrases``: shared phrases and formula wording of two statements.

:func:`phrase_report` runs the two engines (:func:`docdiff.phrases.align_phrases`
and :func:`docdiff.formulas.compare_formulas`) and gathers what they found
into a :class:`PhraseReport`; :func:`render_phrase_report` renders it as JSON
(``docdiff/phrases@1``), terminal text, GitHub Markdown or one self-contained
HTML page.  Rendering only reads the report, so it is deterministic and can
be tested on hand-built data.  Statement text is inert in every format: HTML
is built with lxml (text nodes only), Markdown escapes with
:func:`docdiff.render.markdown.escape`, text shows control characters as
``\\xNN``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources

from attrs import frozen
from lxml import html as lxml_html
from lxml.html import builder as E

from ..errors import OptionsError
from ..formulas import FormulaOccurrence, compare_formulas, find_formulas, formula_lexicon
from ..model import Document
from ..options import Options
from ..phrases import align_phrases
from ..result import FormulaUse, Op, PhrasePair, PhraseSide
from .htmlparts import NONE, Element, badge, clean, paragraphs, title_of
from .json import phrases_to_json
from .markdown import escape, inline_markdown
from .text import inline

__all__ = [
    "PHRASE_FORMATS",
    "PhraseReport",
    "phrase_report",
    "render_phrase_report",
    "render_phrases",
]

#: The formats :func:`render_phrases` accepts.
PHRASE_FORMATS = ("html", "json", "md", "text")

# C0 and C1 controls and DEL, except tab and newline: never passed to a terminal.
_CONTROLS = {
    code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if code not in (0x09, 0x0A)
}
_INDENT = "    "


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


def _name(formula_id: str) -> str:
    return _names().get(formula_id, formula_id)


def _direction(use: FormulaUse) -> str:
    """The direction in words: stronger/weaker/same, or which side alone has the formula."""
    if use.direction is not None:
        return use.direction
    return "only left" if use.left else "only right"


def _changed(use: FormulaUse) -> bool:
    return any(e.op is not Op.EQUAL for e in use.edits)


def _wordings(found: Sequence[FormulaOccurrence], formula_id: str) -> list[tuple[str, str]]:
    """``(labels, text)`` for each distinct wording of ``formula_id``, in source order."""
    labels: dict[str, list[str]] = {}
    for o in found:
        if o.id == formula_id:
            at = labels.setdefault(o.text, [])
            if o.label not in at:
                at.append(o.label)
    return [(", ".join(ls), text) for text, ls in labels.items()]


def _facts(document: Document) -> list[tuple[str, str]]:
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


def _title(report: PhraseReport) -> str:
    return f"Phrases: {_file_name(report.left, 'left')} ↔ {_file_name(report.right, 'right')}"


def _labels(sides: Sequence[PhraseSide]) -> str:
    """The sides' unit labels, each once, in order; a dash for none."""
    return ", ".join(dict.fromkeys(s.label for s in sides)) or NONE


def _heading(pair: PhrasePair) -> str:
    """``L 3 ↔ R 16``."""
    return f"L {pair.left.label} ↔ R {pair.right.label}"


# -- text ---------------------------------------------------------------------------------------


def _t(text: str) -> str:
    return text.translate(_CONTROLS)


def _indented(lines: Sequence[str]) -> list[str]:
    return [_INDENT + line if line.strip() else "" for line in lines]


def _text(report: PhraseReport) -> str:
    out = ["docdiff phrases"]
    for side, document in (("left", report.left), ("right", report.right)):
        facts = dict(_facts(document))
        details = [facts["Title"] or "(untitled)", facts["Date"], facts["Place"], facts["Parties"]]
        out.append(_t(f"{side + ':':7}{facts['File'] or '(no path)'}"))
        out.append(_t("       " + " · ".join(d for d in [*details, facts["Language"]] if d)))
    out += ["", f"Phrase pairs ({len(report.phrases)})"]
    if not report.phrases:
        out.append("  none")
    for pair in report.phrases:
        heading = f"[{_heading(pair)}] score {pair.score:.2f}"
        if pair.formula:
            heading += f" formula {pair.formula}"
        out += ["", _t(heading), *_indented(inline(pair.edits, color=False))]
    out += ["", f"Formulas ({len(report.formulas)})"]
    if not report.formulas:
        out.append("  none")
    for use in report.formulas:
        where = f"left {_labels(use.left)}; right {_labels(use.right)}"
        out.append(_t(f"  {use.id} ({_name(use.id)}): {_direction(use)} ({where})"))
        if _changed(use):
            out += _indented(inline(use.edits, color=False))
    return "\n".join(out) + "\n"


# -- Markdown -----------------------------------------------------------------------------------


def _md_cell(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n")).strip() or NONE


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return out + ["| " + " | ".join(row) + " |" for row in rows]


def _md_wording(found: Sequence[FormulaOccurrence], formula_id: str) -> str:
    items = [f"{escape(labels)}: {_md_cell(text)}" for labels, text in _wordings(found, formula_id)]
    return "<br>".join(items) or NONE


def _md_change(use: FormulaUse) -> str:
    if not _changed(use):
        return "same wording"
    return "<br>".join(line for line in inline_markdown(use.edits) if line)


def _markdown(report: PhraseReport) -> str:
    out = [f"# {escape(_title(report))}", ""]
    rows = [
        [name, _md_cell(a), _md_cell(b)]
        for (name, a), (_, b) in zip(_facts(report.left), _facts(report.right), strict=True)
    ]
    out += _md_table(["Field", "Left", "Right"], rows)
    out += ["", "## Formulas", ""]
    if report.formulas:
        rows = [
            [
                f"{escape(use.id)}<br>{escape(_name(use.id))}",
                _md_wording(report.left_found, use.id),
                _md_wording(report.right_found, use.id),
                _direction(use),
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
        out += [f"### {index}. {escape(_heading(pair))}", "", "*" + " · ".join(facts) + "*", ""]
        out += [*inline_markdown(pair.edits), ""]
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


# -- HTML ---------------------------------------------------------------------------------------


@functools.cache
def _css() -> str:
    return resources.files("docdiff.render").joinpath("report.css").read_text(encoding="utf-8")


def _html_facts(report: PhraseReport) -> Element:
    rows = []
    for (name, a), (_, b) in zip(_facts(report.left), _facts(report.right), strict=True):
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
        for labels, text in _wordings(found, formula_id)
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
        diff = paragraphs(use.edits, tuple(Op), lang_of) if _changed(use) else [E.P("same wording")]
        rows.append(
            E.TR(
                E.TH(E.CODE(clean(use.id)), E.BR(), clean(_name(use.id)), scope="row"),
                _html_wording(report.left_found, use.id, left_lang),
                _html_wording(report.right_found, use.id, right_lang),
                E.TD(badge(_direction(use), "flag")),
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


def _html(report: PhraseReport) -> str:
    title = _title(report)
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
        return _html(report)
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
