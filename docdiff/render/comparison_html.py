"""One self-contained HTML page (or fragment) reporting a comparison.

Built with lxml's element builder, so statement text is always a text node
and escaping holds by construction.  The page makes no external request:
the CSS and the small navigation script (``report.css``, ``report.js``,
shipped beside this module) are inlined, fonts are the system's, every link
is a fragment link into the page.  Everything is readable without the
script, which only adds the filter and view switches; print shows it all.

Ids: ``pair-N`` for the N-th pair (1-based, in the right document's order),
``L-<label>`` / ``R-<label>`` for each unit's label, ``moved-from-N`` where a
moved pair's left unit stood in the left order.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

from lxml import html as lxml_html
from lxml.html import builder as E

from ..registry import register
from ..result import Change, ClausePair, Comparison, Op, PairKind
from .comparison_html_phrases import phrases_section
from .html_parts import (
    Element,
    IdMap,
    Ids,
    badge,
    clause_map_section,
    clean,
    edits_block,
    legend_section,
    metadata_section,
    paragraphs,
    summary_section,
)
from .words import pair_heading, title_of, unchanged

__all__ = ["render_html"]


@cache
def _asset(name: str) -> str:
    return resources.files("docdiff.render").joinpath(name).read_text(encoding="utf-8")


def _labels(labels: Sequence[str], id_of: IdMap) -> list[Element | str]:
    out: list[Element | str] = []
    for label in labels:
        if out:
            out.append(", ")
        span = E.SPAN(clean(label), E.CLASS("label"))
        placed = id_of.place(label)
        if placed is not None:
            span.set("id", placed)
        out.append(span)
    return out


def _moved_from(pairs: Sequence[ClausePair], left_order: dict[str, int]) -> dict[int, int]:
    """For each moved pair (0-based index), the index of the row after which it stood in the left order."""
    positions: dict[int, int] = {}
    for index, pair in enumerate(pairs):
        if not pair.moved or not pair.left:
            continue
        first = min(left_order.get(label, 0) for label in pair.left)
        before = -1
        for other_index, other in enumerate(pairs):
            if other.moved or not other.left:
                continue
            if max(left_order.get(label, 0) for label in other.left) < first:
                before = other_index
        positions[index] = before
    return positions


def _pair_body(index: int, pair: ClausePair, comparison: Comparison, ids: Ids) -> Element:
    kind_words = {PairKind.MATCH: [], PairKind.INSERT: ["inserted"], PairKind.DELETE: ["deleted"]}.get(
        pair.kind, [str(pair.kind)]
    )
    classes = ["pair", f"kind-{pair.kind}", str(pair.change), *(["moved"] if pair.moved else [])]
    minor = pair.kind is PairKind.MATCH and not pair.moved and pair.change is not Change.SUBSTANTIVE
    if minor:
        classes.append("minor")
    head = E.TH(E.H3(E.A(pair_heading(pair), href=f"#pair-{index}")), colspan="2", scope="colgroup")
    for word in kind_words:
        head.append(badge(word, "structure"))
    if pair.moved:
        head.append(badge("moved", "moved"))
    if pair.kind not in (PairKind.INSERT, PairKind.DELETE):  # their change is all of the text
        head.append(badge("unchanged" if pair.change is Change.NONE else str(pair.change), str(pair.change)))
    for flag in pair.flags:
        head.append(badge(str(flag), "flag", f"flag-{flag}"))
    if pair.kind not in (PairKind.INSERT, PairKind.DELETE):
        matched = f", matched by {pair.matched_by}" if pair.matched_by else ""
        head.append(E.SPAN(f"similarity {pair.similarity:.2f}{matched}", E.CLASS("score")))
    if pair.moved:
        head.append(E.A("↩ where it stood in the left document", href=f"#moved-from-{index}", CLASS="whence"))
    if pair.notes:
        head.append(E.UL(*(E.LI(clean(note)) for note in pair.notes), E.CLASS("notes")))
    left_lang, right_lang = comparison.left.language, comparison.right.language

    def side(labels: Sequence[str], id_of: IdMap, keep: Sequence[Op], lang: str, name: str) -> Element:
        if not labels:
            return E.TD(f"not in the {name} document", E.CLASS("side absent"))
        return E.TD(
            E.DIV(*_labels(labels, id_of)),
            E.DIV(*paragraphs(pair.edits, keep), E.CLASS("text"), lang=lang),
            E.CLASS(f"side {name}"),
        )

    if unchanged(pair) and left_lang == right_lang:
        # The same text on both sides: written once across both columns, which
        # halves the size of long, mostly unchanged reports.
        same = E.TD(
            E.DIV(
                *_labels(pair.left, ids.left),
                " = ",
                *_labels(pair.right, ids.right),
                E.SPAN(" identical in both documents", E.CLASS("caption")),
            ),
            E.DIV(*paragraphs(pair.edits, (Op.EQUAL,)), E.CLASS("text"), lang=left_lang),
            E.CLASS("side left right same"),
            colspan="2",
        )
        return E.TBODY(
            E.TR(head, E.CLASS("head")),
            E.TR(same, E.CLASS("sides")),
            E.CLASS(" ".join(classes)),
            id=f"pair-{index}",
        )
    rows = [
        E.TR(head, E.CLASS("head")),
        E.TR(
            side(pair.left, ids.left, (Op.EQUAL, Op.DELETE), left_lang, "left"),
            side(pair.right, ids.right, (Op.EQUAL, Op.INSERT), right_lang, "right"),
            E.CLASS("sides"),
        ),
    ]
    # Across languages every word differs: a redline would strike one text
    # through and underline its translation, so only the sides are shown.
    if pair.left and pair.right and pair.change is not Change.NONE and left_lang == right_lang:
        rows.append(
            E.TR(
                E.TD(
                    E.SPAN("Redline", E.CLASS("caption")),
                    E.DIV(*paragraphs(pair.edits, tuple(Op)), E.CLASS("text"), lang=right_lang),
                    E.CLASS("redline"),
                    colspan="2",
                ),
                E.CLASS("redline"),
            )
        )
    return E.TBODY(*rows, E.CLASS(" ".join(classes)), id=f"pair-{index}")


def _ghost(index: int, pair: ClausePair, arrow: str) -> Element:
    return E.TBODY(
        E.TR(
            E.TD(
                f"Left {', '.join(pair.left)} stood here in the left document; it moved to right "
                f"{', '.join(pair.right)}: ",
                E.A(f"go to it {arrow}", href=f"#pair-{index}"),
                colspan="2",
            ),
            E.CLASS("ghost"),
        ),
        E.CLASS("ghost"),
        id=f"moved-from-{index}",
    )


def _clauses(comparison: Comparison, ids: Ids) -> Element:
    controls = E.DIV(
        E.LABEL(E.INPUT(type="checkbox", id="filter-minor"), " Hide unchanged and formal-only pairs"),
        E.SPAN(
            "View: ",
            *(
                E.LABEL(
                    E.INPUT(type="radio", name="view", value=value, **({"checked": "checked"} if on else {})),
                    f" {name} ",
                )
                for value, name, on in (
                    ("both", "both", True),
                    ("side", "side by side", False),
                    ("redline", "redline", False),
                )
            ),
            E.CLASS("views"),
        ),
        E.SPAN(E.CLASS("count"), **{"aria-live": "polite"}),
        E.CLASS("controls"),
        hidden="hidden",
    )
    left_order = {u.label: i for i, u in enumerate(comparison.left.units)}
    moved_from = _moved_from(comparison.pairs, left_order)
    ghosts_after: dict[int, list[int]] = {}
    for pair_index, before in moved_from.items():
        ghosts_after.setdefault(before, []).append(pair_index)
    bodies = [_ghost(i + 1, comparison.pairs[i], "↓") for i in ghosts_after.get(-1, [])]
    for index, pair in enumerate(comparison.pairs):
        bodies.append(_pair_body(index + 1, pair, comparison, ids))
        for moved in ghosts_after.get(index, []):
            bodies.append(_ghost(moved + 1, comparison.pairs[moved], "↓" if moved > index else "↑"))
    left_name = comparison.left.path or "Left"
    right_name = comparison.right.path or "Right"
    head = E.THEAD(E.TR(E.TH(f"Left: {left_name}", scope="col"), E.TH(f"Right: {right_name}", scope="col")))
    return E.SECTION(E.H2("Clauses"), controls, E.TABLE(head, *bodies, E.CLASS("pairs")), id="clauses")


def _subtitle(comparison: Comparison) -> Element:
    left, right = comparison.left, comparison.right
    left_title = clean(title_of(left) or left.path or "left")
    right_title = clean(title_of(right) or right.path or "right")
    if left_title == right_title and left.language == right.language:
        return E.P(E.SPAN(left_title, lang=left.language), " (both documents)", E.CLASS("sub"))
    return E.P(
        E.SPAN(left_title, lang=left.language),
        " → ",
        E.SPAN(right_title, lang=right.language),
        E.CLASS("sub"),
    )


def _report(comparison: Comparison, title: str, *, script: bool) -> Element:
    ids = Ids(comparison)
    right = comparison.right
    sections = [
        ("documents", "Documents"),
        ("summary", "Summary"),
        ("map", "Clause map"),
        ("clauses", "Clauses"),
    ]
    extra = edits_block("Envelope", comparison.envelope, right.language)
    extra += edits_block("Closing", comparison.closing, right.language)
    phrases = phrases_section(comparison, ids)
    if extra:
        sections.append(("around", "Envelope and closing"))
    if phrases:
        sections.append(("phrases", "Phrases"))
    sections.append(("legend", "Legend"))
    header = E.HEADER(
        E.H1(clean(title)),
        _subtitle(comparison),
        E.NAV(
            *(E.A(name, href=f"#{key}") for key, name in sections),
            E.CLASS("toc"),
            **{"aria-label": "Sections"},
        ),
    )
    main = E.MAIN(
        E.SECTION(E.H2("Documents"), metadata_section(comparison), id="documents"),
        summary_section(comparison),
        clause_map_section(comparison, ids),
        _clauses(comparison, ids),
        *([E.SECTION(E.H2("Envelope and closing"), *extra, id="around")] if extra else []),
        *phrases,
        legend_section(),
    )
    cross = " cross-language" if comparison.left.language != right.language else ""
    root = E.DIV(E.STYLE(_asset("report.css")), header, main, E.CLASS("docdiff" + cross), lang="en")
    root.append(E.FOOTER("Generated by docdiff. Self-contained: no external resources."))
    if script:
        root.append(E.SCRIPT(_asset("report.js")))
    return root


# Elements between which whitespace means nothing: a newline after each keeps
# the page (and its golden file) diffable line by line without changing it.
_BLOCKS = frozenset(
    [
        "html",
        "head",
        "meta",
        "title",
        "style",
        "script",
        "body",
        "header",
        "nav",
        "main",
        "section",
        "footer",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "div",
        "p",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "svg",
    ]
)


def _break_lines(root: Element) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        parent = element.getparent()
        in_svg = parent is not None and parent.tag == "svg"
        if (element.tag in _BLOCKS or in_svg) and not element.tail and element.tag != "html":
            element.tail = "\n"


def _default_title(comparison: Comparison) -> str:
    names = []
    for document, side in ((comparison.left, "left"), (comparison.right, "right")):
        names.append(document.path.replace("\\", "/").rsplit("/", 1)[-1] if document.path else side)
    return f"Comparison: {names[0]} → {names[1]}"


@register(Comparison, "html")
def render_html(comparison: Comparison, *, title: str | None = None, fragment: bool = False) -> str:
    """Render ``comparison`` as one self-contained HTML page.

    ``title``: the page title and top heading (default: both documents'
    titles).  ``fragment``: return only the report's ``<div>`` (with its
    ``<style>``, without the script) for embedding, e.g. in a notebook.
    """
    title = title if title is not None else _default_title(comparison)
    if fragment:
        report = _report(comparison, title, script=False)
        _break_lines(report)
        report.tail = None
        return str(lxml_html.tostring(report, encoding="unicode")) + "\n"
    page = E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.META(name="viewport", content="width=device-width, initial-scale=1"),
            E.META(name="generator", content="docdiff"),
            E.TITLE(clean(title)),
        ),
        E.BODY(_report(comparison, title, script=True)),
        lang="en",
    )
    _break_lines(page)
    text = lxml_html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode")
    return str(text) + "\n"
