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

import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from lxml import etree
from lxml import html as lxml_html
from lxml.html import builder as E

from ..model import Document
from ..result import Change, ClausePair, Comparison, Edit, Op, PairKind, PhraseSide
from . import register
from .text import describe_pair, pair_heading, unchanged

__all__ = ["render_html"]

Element = Any  # lxml.html.HtmlElement; the builder's stubs are loose
_NONE = "—"
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # not allowed in HTML text
_SPACE = re.compile(r"\s")


@cache
def _asset(name: str) -> str:
    return resources.files("docdiff.render").joinpath(name).read_text(encoding="utf-8")


def _clean(text: str) -> str:
    return _CONTROLS.sub("\ufffd", text)


class _Ids:
    """Unique, whitespace-free ids for every unit label of both documents."""

    def __init__(self, comparison: Comparison) -> None:
        self.left = self._assign("L", comparison.left)
        self.right = self._assign("R", comparison.right)

    @staticmethod
    def _assign(prefix: str, document: Document) -> dict[str, str]:
        ids: dict[str, str] = {}
        taken: set[str] = set()
        for unit in document.units:
            base = f"{prefix}-" + _SPACE.sub("_", _clean(unit.label))
            candidate, n = base, 1
            while candidate in taken:
                n += 1
                candidate = f"{base}~{n}"
            taken.add(candidate)
            ids.setdefault(unit.label, candidate)
        return ids


def _paragraphs(
    edits: Sequence[Edit], keep: Sequence[Op], lang_of: dict[Op, str] | None = None
) -> list[Element]:
    """``<p>`` elements for the edits whose op is in ``keep``; changes wrapped per paragraph."""
    paragraphs: list[list[Element | str]] = [[]]
    for edit in edits:
        if edit.op not in keep:
            continue
        for p_index, paragraph in enumerate(_clean(edit.text).split("\n\n")):
            if p_index:
                paragraphs.append([])
            for l_index, line in enumerate(paragraph.split("\n")):
                if l_index:
                    paragraphs[-1].append(E.BR())
                if not line:
                    continue
                if edit.op is Op.EQUAL:
                    paragraphs[-1].append(line)
                else:
                    tag = E.DEL if edit.op is Op.DELETE else E.INS
                    element = tag(line)
                    if lang_of and edit.op in lang_of:
                        element.set("lang", lang_of[edit.op])
                    paragraphs[-1].append(element)
    return [E.P(*items) for items in paragraphs if any(not isinstance(i, str) or i.strip() for i in items)]


def _badge(text: str, *classes: str) -> Element:
    return E.SPAN(text, E.CLASS(" ".join(("badge", *classes))))


def _title_of(document: Document) -> str | None:
    meta = document.metadata
    return meta.title or (document.title.text if document.title is not None else None)


def _metadata(comparison: Comparison) -> Element:
    def facts(document: Document) -> list[tuple[str, str]]:
        meta = document.metadata
        signed = "; ".join(", ".join(v for v in (s.name, s.role, s.party) if v) for s in meta.signatories)
        return [
            ("Title", _title_of(document) or ""),
            ("Kind", meta.kind or ""),
            ("Date", meta.date or ""),
            ("Place", meta.place or ""),
            ("Parties", ", ".join(meta.parties)),
            ("Signatories", signed),
            ("Language", meta.language),
            ("File", document.path or ""),
        ]

    left, right = comparison.left, comparison.right
    rows = []
    for (name, a), (_, b) in zip(facts(left), facts(right), strict=True):
        differs = name != "File" and a != b
        head = E.TH(name, scope="row")
        if differs:
            head.append(_badge("differs", "differs"))
        rows.append(
            E.TR(
                head,
                E.TD(_clean(a) or _NONE, lang=left.language),
                E.TD(_clean(b) or _NONE, lang=right.language),
                E.CLASS("differs") if differs else {},
            )
        )
    head = E.THEAD(E.TR(E.TH("Field", scope="col"), E.TH("Left", scope="col"), E.TH("Right", scope="col")))
    return E.TABLE(head, E.TBODY(*rows), E.CLASS("meta"))


def _counts(caption: str, items: Iterable[tuple[str, int]]) -> Element:
    rows = [E.TR(E.TD(name), E.TD(str(count), E.CLASS("n"))) for name, count in items]
    head = E.THEAD(E.TR(E.TH(caption, scope="col"), E.TH("Pairs", scope="col")))
    return E.TABLE(head, E.TBODY(*rows), E.CLASS("counts"))


def _summary(comparison: Comparison) -> Element:
    summary = comparison.summary
    changed = [(i, p) for i, p in enumerate(comparison.pairs, 1) if not unchanged(p)]
    substantive = sum(p.change is Change.SUBSTANTIVE for p in comparison.pairs)
    figures = E.DL(
        *(
            E.DIV(E.DT(name), E.DD(value))
            for name, value in (
                ("Overall similarity", f"{summary.similarity:.0%}"),
                ("Clause pairs", str(len(comparison.pairs))),
                ("Substantive changes", str(substantive)),
                ("Moved", str(summary.moved)),
            )
        ),
        E.CLASS("figures"),
    )
    flags = [(name, count) for name, count in summary.flags if count]
    tables = [_counts("Kind", summary.by_kind), _counts("Change", summary.by_change)]
    if flags:
        tables.append(_counts("Flag", flags))
    items = [
        E.LI(E.A(pair_heading(p), href=f"#pair-{i}"), " ", describe_pair(p), lang="en") for i, p in changed
    ]
    listing = E.OL(*items, E.CLASS("changed")) if items else E.P("No clause changed.")
    return E.SECTION(
        E.H2("Summary"),
        figures,
        E.DIV(*tables, E.CLASS("tables")),
        E.H3("Changed clause pairs"),
        listing,
        id="summary",
    )


def _clause_map(comparison: Comparison, ids: _Ids) -> Element:
    """An SVG of lines from left labels to right labels, and the same as a table."""
    left_units = [u.label for u in comparison.left.units]
    right_units = [u.label for u in comparison.right.units]
    step, top, width = 20, 24, 300
    height = top + step * max(len(left_units), len(right_units), 1)
    y_left = {label: top + step * i for i, label in enumerate(left_units)}
    y_right = {label: top + step * i for i, label in enumerate(right_units)}
    svg = etree.Element("svg", width=str(width), height=str(height), viewBox=f"0 0 {width} {height}")
    svg.set("role", "img")
    svg.set("aria-labelledby", "map-title")
    title = etree.SubElement(svg, "title", id="map-title")
    title.text = "Clause map: which left unit became which right unit"
    for name, x in (("left", 60), ("right", width - 60)):
        head = etree.SubElement(svg, "text", x=str(x), y="12", attrib={"text-anchor": "middle"})
        head.text = name
    for pair in comparison.pairs:
        classes = "moved" if pair.moved else ("changed" if pair.change is Change.SUBSTANTIVE else "")
        for a in pair.left:
            for b in pair.right:
                if a in y_left and b in y_right:
                    line = etree.SubElement(svg, "line", x1="84", x2=str(width - 84))
                    line.set("y1", str(y_left[a] - 4))
                    line.set("y2", str(y_right[b] - 4))
                    if classes:
                        line.set("class", classes)
    paired_left = {a for p in comparison.pairs for a in p.left if p.right}
    paired_right = {b for p in comparison.pairs for b in p.right if p.left}
    for labels, ys, x, anchor, paired, id_of, state in (
        (left_units, y_left, 78, "end", paired_left, ids.left, "gone"),
        (right_units, y_right, width - 78, "start", paired_right, ids.right, "new"),
    ):
        for label in labels:
            link = etree.SubElement(svg, "a", href="#" + id_of[label])
            if label not in paired:
                link.set("class", state)
            text = etree.SubElement(link, "text", x=str(x), y=str(ys[label]), attrib={"text-anchor": anchor})
            text.text = _clean(label)
    rows = []
    for index, pair in enumerate(comparison.pairs, 1):
        rows.append(
            E.TR(
                E.TD(E.A(str(index), href=f"#pair-{index}")),
                E.TD(", ".join(pair.left) or _NONE),
                E.TD(", ".join(pair.right) or _NONE),
                E.TD(describe_pair(pair)),
            )
        )
    head = E.THEAD(E.TR(*(E.TH(h, scope="col") for h in ("#", "Left", "Right", "What changed"))))
    table = E.TABLE(head, E.TBODY(*rows), E.CLASS("list"))
    return E.SECTION(E.H2("Clause map"), E.DIV(svg, table, E.CLASS("map")), id="map")


def _labels(labels: Sequence[str], id_of: dict[str, str]) -> list[Element | str]:
    out: list[Element | str] = []
    for label in labels:
        if out:
            out.append(", ")
        span = E.SPAN(_clean(label), E.CLASS("label"))
        if label in id_of:
            span.set("id", id_of[label])
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


def _pair_body(index: int, pair: ClausePair, comparison: Comparison, ids: _Ids) -> Element:
    kind_words = {PairKind.MATCH: [], PairKind.INSERT: ["inserted"], PairKind.DELETE: ["deleted"]}.get(
        pair.kind, [str(pair.kind)]
    )
    classes = ["pair", f"kind-{pair.kind}", str(pair.change), *(["moved"] if pair.moved else [])]
    minor = pair.kind is PairKind.MATCH and not pair.moved and pair.change is not Change.SUBSTANTIVE
    if minor:
        classes.append("minor")
    head = E.TH(E.H3(E.A(pair_heading(pair), href=f"#pair-{index}")), colspan="2", scope="colgroup")
    for word in kind_words:
        head.append(_badge(word, "structure"))
    if pair.moved:
        head.append(_badge("moved", "moved"))
    if pair.kind not in (PairKind.INSERT, PairKind.DELETE):  # their change is all of the text
        head.append(_badge("unchanged" if pair.change is Change.NONE else str(pair.change), str(pair.change)))
    for flag in pair.flags:
        head.append(_badge(str(flag), "flag", f"flag-{flag}"))
    if pair.kind not in (PairKind.INSERT, PairKind.DELETE):
        matched = f", matched by {pair.matched_by}" if pair.matched_by else ""
        head.append(E.SPAN(f"similarity {pair.similarity:.2f}{matched}", E.CLASS("score")))
    if pair.moved:
        head.append(E.A("↩ where it stood in the left document", href=f"#moved-from-{index}", CLASS="whence"))
    if pair.notes:
        head.append(E.UL(*(E.LI(_clean(note)) for note in pair.notes), E.CLASS("notes")))
    left_lang, right_lang = comparison.left.language, comparison.right.language

    def side(
        labels: Sequence[str], id_of: dict[str, str], keep: Sequence[Op], lang: str, name: str
    ) -> Element:
        if not labels:
            return E.TD(f"not in the {name} document", E.CLASS("side absent"))
        return E.TD(
            E.DIV(*_labels(labels, id_of)),
            E.DIV(*_paragraphs(pair.edits, keep), E.CLASS("text"), lang=lang),
            E.CLASS(f"side {name}"),
        )

    rows = [
        E.TR(head, E.CLASS("head")),
        E.TR(
            side(pair.left, ids.left, (Op.EQUAL, Op.DELETE), left_lang, "left"),
            side(pair.right, ids.right, (Op.EQUAL, Op.INSERT), right_lang, "right"),
            E.CLASS("sides"),
        ),
    ]
    if pair.left and pair.right and pair.change is not Change.NONE:
        lang_of = {Op.DELETE: left_lang} if left_lang != right_lang else None
        rows.append(
            E.TR(
                E.TD(
                    E.SPAN("Redline", E.CLASS("caption")),
                    E.DIV(*_paragraphs(pair.edits, tuple(Op), lang_of), E.CLASS("text"), lang=right_lang),
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


def _clauses(comparison: Comparison, ids: _Ids) -> Element:
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


def _edits_block(title: str, edits: Sequence[Edit], lang: str) -> list[Element]:
    if not any(e.op is not Op.EQUAL for e in edits):
        return []
    return [E.H3(title), E.DIV(*_paragraphs(edits, tuple(Op)), E.CLASS("text"), lang=lang)]


def _side_links(sides: Sequence[PhraseSide], id_of: dict[str, str]) -> list[Element | str]:
    out: list[Element | str] = []
    for side in sides:
        if out:
            out.append(", ")
        out.append(
            E.A(_clean(side.label), href="#" + id_of[side.label]) if side.label in id_of else side.label
        )
    return out or [_NONE]


def _phrases(comparison: Comparison, ids: _Ids) -> list[Element]:
    out: list[Element] = []
    lang = comparison.right.language
    if comparison.phrases:
        rows = [
            E.TR(
                E.TD(*_side_links([p.left], ids.left)),
                E.TD(*_side_links([p.right], ids.right)),
                E.TD(f"{p.score:.2f}"),
                E.TD(_clean(p.formula or "")),
                E.TD(
                    *(_paragraphs(p.edits, tuple(Op)) or [E.P(_clean(p.right.text))]),
                    E.CLASS("phrase"),
                    lang=lang,
                ),
            )
            for p in comparison.phrases
        ]
        head = E.THEAD(E.TR(*(E.TH(h, scope="col") for h in ("Left", "Right", "Score", "Formula", "Phrase"))))
        out += [E.H3("Shared phrases"), E.TABLE(head, E.TBODY(*rows), E.CLASS("list"))]
    if comparison.formulas:
        rows = [
            E.TR(
                E.TD(_clean(f.id)),
                E.TD(*_side_links(f.left, ids.left)),
                E.TD(*_side_links(f.right, ids.right)),
                E.TD(f.direction or _NONE),
            )
            for f in comparison.formulas
        ]
        head = E.THEAD(E.TR(*(E.TH(h, scope="col") for h in ("Formula", "Left", "Right", "Direction"))))
        out += [E.H3("Formulas"), E.TABLE(head, E.TBODY(*rows), E.CLASS("list"))]
    return [E.SECTION(E.H2("Phrases"), *out, id="phrases")] if out else []


def _legend() -> Element:
    entries = [
        (E.DEL("deleted text"), "in the left document only: struck through, red"),
        (E.INS("inserted text"), "in the right document only: underlined, green"),
        (_badge("substantive", "substantive"), "wording changed"),
        (_badge("formal", "formal"), "typography only: quotes, dashes, spaces, ё/е, letter case"),
        (_badge("moved", "moved"), "the clause left its place in the order; a link leads to where it stood"),
        (_badge("split", "structure"), "one left clause became several right clauses (merge: the reverse)"),
        (_badge("modality", "flag"), "the commitment or its intensity changed (e.g. ready to → agreed to)"),
        (_badge("actor", "flag"), "the acting party changed"),
        (_badge("number", "flag"), "a figure or a date changed"),
        (_badge("inflection", "flag"), "only word endings changed"),
        ("Clause map lines", "grey: paired; orange: substantive change; dashed purple: moved"),
    ]
    items = [x for sample, meaning in entries for x in (E.DT(sample), E.DD(meaning))]
    return E.SECTION(E.H2("Legend"), E.DL(*items, E.CLASS("legend")), id="legend")


def _report(comparison: Comparison, title: str, *, script: bool) -> Element:
    ids = _Ids(comparison)
    left, right = comparison.left, comparison.right
    sections = [
        ("documents", "Documents"),
        ("summary", "Summary"),
        ("map", "Clause map"),
        ("clauses", "Clauses"),
    ]
    extra = _edits_block("Envelope", comparison.envelope, right.language)
    extra += _edits_block("Closing", comparison.closing, right.language)
    phrases = _phrases(comparison, ids)
    if extra:
        sections.append(("around", "Envelope and closing"))
    if phrases:
        sections.append(("phrases", "Phrases"))
    sections.append(("legend", "Legend"))
    header = E.HEADER(
        E.H1(_clean(title)),
        E.P(
            E.SPAN(_clean(_title_of(left) or left.path or "left"), lang=left.language),
            " → ",
            E.SPAN(_clean(_title_of(right) or right.path or "right"), lang=right.language),
            E.CLASS("sub"),
        ),
        E.NAV(
            *(E.A(name, href=f"#{key}") for key, name in sections),
            E.CLASS("toc"),
            **{"aria-label": "Sections"},
        ),
    )
    main = E.MAIN(
        E.SECTION(E.H2("Documents"), _metadata(comparison), id="documents"),
        _summary(comparison),
        _clause_map(comparison, ids),
        _clauses(comparison, ids),
        *([E.SECTION(E.H2("Envelope and closing"), *extra, id="around")] if extra else []),
        *phrases,
        _legend(),
    )
    root = E.DIV(E.STYLE(_asset("report.css")), header, main, E.CLASS("docdiff"), lang="en")
    root.append(E.FOOTER("Generated by docdiff. Self-contained: no external resources."))
    if script:
        root.append(E.SCRIPT(_asset("report.js")))
    return root


def _default_title(comparison: Comparison) -> str:
    names = []
    for document, side in ((comparison.left, "left"), (comparison.right, "right")):
        names.append(document.path.replace("\\", "/").rsplit("/", 1)[-1] if document.path else side)
    return f"Comparison: {names[0]} → {names[1]}"


@register("html")
def render_html(comparison: Comparison, *, title: str | None = None, fragment: bool = False) -> str:
    """Render ``comparison`` as one self-contained HTML page.

    ``title``: the page title and top heading (default: both documents'
    titles).  ``fragment``: return only the report's ``<div>`` (with its
    ``<style>``, without the script) for embedding, e.g. in a notebook.
    """
    title = title if title is not None else _default_title(comparison)
    if fragment:
        return str(lxml_html.tostring(_report(comparison, title, script=False), encoding="unicode")) + "\n"
    page = E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.META(name="viewport", content="width=device-width, initial-scale=1"),
            E.META(name="generator", content="docdiff"),
            E.TITLE(_clean(title)),
        ),
        E.BODY(_report(comparison, title, script=True)),
        lang="en",
    )
    text = lxml_html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode")
    return str(text) + "\n"
