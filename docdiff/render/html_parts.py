"""Building blocks of the HTML report: document facts, summary, clause map, legend.

The phrases and formulas section is in :mod:`docdiff.render.comparison_html_phrases`.

Every function returns lxml elements built with :mod:`lxml.html.builder`;
statement text only ever becomes text nodes.  :mod:`docdiff.render.comparison_html`
assembles them into the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from lxml import etree
from lxml.html import builder as E

from ..model import Document
from ..result import Change, ClausePair, Comparison, Edit, Op, PairKind
from .words import NONE, describe_pair, pair_heading, title_of, unchanged

__all__ = [
    "Element",
    "IdMap",
    "Ids",
    "badge",
    "clause_map_section",
    "clean",
    "edits_block",
    "legend_section",
    "metadata_section",
    "paragraphs",
    "summary_section",
]

Element = Any  # lxml.html.HtmlElement; the builder's stubs are loose
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # not allowed in HTML text
_SPACE = re.compile(r"\s")
_LIST_OPEN = 60  # changed-pair lists longer than this are folded


def clean(text: str) -> str:
    """``text`` with the control characters HTML forbids replaced by U+FFFD."""
    return _CONTROLS.sub("\ufffd", text)


class IdMap(dict[str, str]):
    """Label -> id, remembering which ids a page has already given an element.

    A unit related to several others appears in several pairs; its id goes
    to the first of them only, so that ids stay unique and links land there.
    """

    def __init__(self) -> None:
        super().__init__()
        self.placed: set[str] = set()

    def place(self, label: str) -> str | None:
        """The id for ``label``'s element, or None when the page already has it (or there is none)."""
        found = self.get(label)
        if found is None or found in self.placed:
            return None
        self.placed.add(found)
        return found


class Ids:
    """Unique, whitespace-free ids for every unit label of both documents."""

    def __init__(self, comparison: Comparison) -> None:
        self.left = self._assign("L", comparison.left)
        self.right = self._assign("R", comparison.right)

    @staticmethod
    def _assign(prefix: str, document: Document) -> IdMap:
        ids = IdMap()
        taken: set[str] = set()
        for unit in document.units:
            base = f"{prefix}-" + _SPACE.sub("_", clean(unit.label))
            candidate, n = base, 1
            while candidate in taken:
                n += 1
                candidate = f"{base}~{n}"
            taken.add(candidate)
            ids.setdefault(unit.label, candidate)
        return ids


def paragraphs(
    edits: Sequence[Edit], keep: Sequence[Op], lang_of: dict[Op, str] | None = None
) -> list[Element]:
    """``<p>`` elements for the edits whose op is in ``keep``; changes wrapped per paragraph."""
    paragraphs: list[list[Element | str]] = [[]]
    for edit in edits:
        if edit.op not in keep:
            continue
        for p_index, paragraph in enumerate(clean(edit.text).split("\n\n")):
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


def badge(text: str, *classes: str) -> Element:
    """A labelled badge: the text says what the colour shows."""
    return E.SPAN(text, E.CLASS(" ".join(("badge", *classes))))


def metadata_section(comparison: Comparison) -> Element:
    """Both documents' facts side by side, differing rows marked in words and colour."""

    def facts(document: Document) -> list[tuple[str, str]]:
        meta = document.metadata
        signed = "; ".join(", ".join(v for v in (s.name, s.role, s.party) if v) for s in meta.signatories)
        return [
            ("Title", title_of(document) or ""),
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
            head.append(badge("differs", "differs"))
        rows.append(
            E.TR(
                head,
                E.TD(clean(a) or NONE, lang=left.language),
                E.TD(clean(b) or NONE, lang=right.language),
                E.CLASS("differs") if differs else {},
            )
        )
    head = E.THEAD(E.TR(E.TH("Field", scope="col"), E.TH("Left", scope="col"), E.TH("Right", scope="col")))
    return E.TABLE(head, E.TBODY(*rows), E.CLASS("meta"))


def _counts(caption: str, items: Iterable[tuple[str, int]]) -> Element:
    rows = [E.TR(E.TD(name), E.TD(str(count), E.CLASS("n"))) for name, count in items if count]
    head = E.THEAD(E.TR(E.TH(caption, scope="col"), E.TH("Pairs", scope="col")))
    return E.TABLE(head, E.TBODY(*rows), E.CLASS("counts"))


def _runs(changed: Sequence[tuple[int, ClausePair]]) -> list[list[tuple[int, ClausePair]]]:
    """Changed pairs in order; three or more insertions (or deletions) in a row make one run."""
    groups: list[list[tuple[int, ClausePair]]] = []
    for index, pair in changed:
        previous = groups[-1][-1] if groups else None
        if (
            previous is not None
            and pair.kind in (PairKind.INSERT, PairKind.DELETE)
            and previous[1].kind is pair.kind
            and previous[0] + 1 == index
        ):
            groups[-1].append((index, pair))
        else:
            groups.append([(index, pair)])
    return [part for group in groups for part in ([group] if len(group) >= 3 else [[x] for x in group])]


def summary_section(comparison: Comparison) -> Element:
    """Key figures, counts by kind, change and flag, and links to every changed pair."""
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
    items = []
    for run in _runs(changed):
        (i, pair), (last, last_pair) = run[0], run[-1]
        if len(run) > 1:
            word = "inserted" if pair.kind is PairKind.INSERT else "deleted"
            items.append(
                E.LI(
                    E.A(pair_heading(pair), href=f"#pair-{i}"),
                    " … ",
                    E.A(pair_heading(last_pair), href=f"#pair-{last}"),
                    f": {len(run)} clauses {word} in a row",
                )
            )
            continue
        item = E.LI(E.A(pair_heading(pair), href=f"#pair-{i}"), " ", describe_pair(pair))
        if pair.notes:
            item.append(E.SPAN(" — " + "; ".join(clean(n) for n in pair.notes), E.CLASS("why")))
        items.append(item)
    listing = E.UL(*items, E.CLASS("changed")) if items else E.P("No clause changed.")
    if len(items) > _LIST_OPEN:
        # A long list would push the clause map and the clauses pages down.
        listing = E.DETAILS(E.SUMMARY(f"Show all {len(items)} changed pairs"), listing)
    notes = list(summary.notes)
    left, right = comparison.left.language, comparison.right.language
    if left != right and not notes:
        notes.append(
            f"The documents are in two languages ({left}, {right}): clauses are paired by their place "
            "and shown side by side, without a redline; word changes and similarity do not measure "
            "a difference in meaning."
        )
    caveats = [E.UL(*(E.LI(clean(n)) for n in notes), E.CLASS("caveats"), role="note")] if notes else []
    return E.SECTION(
        E.H2("Summary"),
        *caveats,
        figures,
        E.DIV(*tables, E.CLASS("tables")),
        E.H3("Changed clause pairs"),
        listing,
        id="summary",
    )


def clause_map_section(comparison: Comparison, ids: Ids) -> Element:
    """An SVG of lines from left labels to right labels, and the same as a table."""
    left_units = [u.label for u in comparison.left.units]
    right_units = [u.label for u in comparison.right.units]
    step, top, width = 20, 36, 300
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
            text.text = clean(label)
    rows = []
    for index, pair in enumerate(comparison.pairs, 1):
        rows.append(
            E.TR(
                E.TD(E.A(str(index), href=f"#pair-{index}")),
                E.TD(", ".join(pair.left) or NONE),
                E.TD(", ".join(pair.right) or NONE),
                E.TD(describe_pair(pair)),
            )
        )
    head = E.THEAD(E.TR(*(E.TH(h, scope="col") for h in ("#", "Left", "Right", "What changed"))))
    table = E.TABLE(head, E.TBODY(*rows), E.CLASS("list"))
    return E.SECTION(E.H2("Clause map"), E.DIV(svg, table, E.CLASS("map")), id="map")


def edits_block(title: str, edits: Sequence[Edit], lang: str) -> list[Element]:
    """A heading and the redline of ``edits``, or nothing when they change nothing."""
    if not any(e.op is not Op.EQUAL for e in edits):
        return []
    return [E.H3(title), E.DIV(*paragraphs(edits, tuple(Op)), E.CLASS("text"), lang=lang)]


def legend_section() -> Element:
    """What each style, badge and map line means."""
    entries = [
        (E.DEL("deleted text"), "in the left document only: struck through, red"),
        (E.INS("inserted text"), "in the right document only: underlined, green"),
        (badge("substantive", "substantive"), "wording changed"),
        (badge("formal", "formal"), "typography only: quotes, dashes, spaces, ё/е, letter case"),
        (badge("moved", "moved"), "the clause left its place in the order; a link leads to where it stood"),
        (badge("split", "structure"), "one left clause became several right clauses (merge: the reverse)"),
        (badge("modality", "flag"), "the commitment or its intensity changed (e.g. ready to → agreed to)"),
        (badge("actor", "flag"), "the acting party changed"),
        (badge("number", "flag"), "a figure or a date changed"),
        (badge("inflection", "flag"), "only word endings changed"),
        ("Clause map lines", "grey: paired; orange: substantive change; dashed purple: moved"),
    ]
    items = [x for sample, meaning in entries for x in (E.DT(sample), E.DD(meaning))]
    return E.SECTION(E.H2("Legend"), E.DL(*items, E.CLASS("legend")), id="legend")
