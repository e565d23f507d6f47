"""A comparison as a Word document with real tracked changes (format ``docx``).

The redline is the right document written as the left one revised: every
word edit is a ``w:ins`` or ``w:del`` revision, so Word or LibreOffice can
accept all changes (giving the right statement's units) or reject all
(giving the left's).  A summary table and the unit labels come first and
are not tracked: they describe the comparison, they are not its text.

Choices, explained in ``docs/reports.md``:

* a **move** is a deletion at the unit's place in the left document plus an
  insertion at its place in the right, not a ``w:moveFrom``/``w:moveTo``
  pair: move ranges are read inconsistently by office software, and
  deletion plus insertion keeps both promises above exactly;
* a paragraph break inside a unit is a paragraph mark, tracked like text,
  so an inserted or deleted break merges or splits paragraphs on accept;
* ``author`` names every revision (default ``docdiff``); ``date`` (an ISO
  date or UTC time) is written only when given: no clock, same bytes;
* characters XML cannot hold (C0 controls but tab and newline, U+FFFE,
  U+FFFF, lone surrogates) are written as visible ``\\xNN`` escapes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from lxml import etree

from ..errors import OptionsError
from ..registry import register
from ..result import ClausePair, Comparison, Edit, Op, PairKind
from .docx_package import W, package, qname, xml_bytes
from .words import describe_pair, pair_heading, title_of, unchanged

__all__ = ["render_docx", "xml_safe"]

_INVALID = re.compile("[\x00-\x08\x0b-\x1f\ufffe\uffff\ud800-\udfff]")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold as a visible ``\\xNN`` (or ``\\uNNNN``) escape."""

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _INVALID.sub(escape, text)


class _Body:
    """The document body being written, and the revision ids handed out in order."""

    def __init__(self, author: str, date: str | None) -> None:
        self.root = etree.Element(qname("document"), nsmap={"w": W})
        self.body = etree.SubElement(self.root, qname("body"))
        self._mark = {qname("author"): author, **({qname("date"): date} if date else {})}
        self._next = 0

    def revision(self, parent: etree._Element, kind: str) -> etree._Element:
        """A ``w:ins`` or ``w:del`` under ``parent`` with the next id, the author and the date."""
        self._next += 1
        return etree.SubElement(parent, qname(kind), {qname("id"): str(self._next), **self._mark})

    def paragraph(self, style: str, text: str = "") -> etree._Element:
        """An untracked paragraph of ``style`` holding ``text``."""
        p = etree.SubElement(self.body, qname("p"))
        etree.SubElement(etree.SubElement(p, qname("pPr")), qname("pStyle"), {qname("val"): style})
        if text:
            _run(p, text, deleted=False)
        return p


def _run(parent: etree._Element, text: str, *, deleted: bool) -> None:
    """A run of ``text`` (tabs as ``w:tab``) under ``parent``; deleted text is ``w:delText``."""
    run = etree.SubElement(parent, qname("r"))
    for i, piece in enumerate(xml_safe(text).split("\t")):
        if i:
            etree.SubElement(run, qname("tab"))
        if piece:
            t = etree.SubElement(run, qname("delText" if deleted else "t"))
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _redline(doc: _Body, edits: Sequence[Edit], last_mark: Op, style: str = "UnitText") -> None:
    """``edits`` as paragraphs of ``style``: each newline a paragraph mark tracked with its edit's op."""
    p = doc.paragraph(style)
    for edit in edits:
        for i, piece in enumerate(edit.text.split("\n")):
            if i:
                _mark(doc, p, edit.op)
                p = doc.paragraph(style)
            if not piece:
                continue
            if edit.op is Op.EQUAL:
                _run(p, piece, deleted=False)
            else:
                wrapper = doc.revision(p, "ins" if edit.op is Op.INSERT else "del")
                _run(wrapper, piece, deleted=edit.op is Op.DELETE)
    _mark(doc, p, last_mark)


def _mark(doc: _Body, p: etree._Element, op: Op) -> None:
    """Track the paragraph mark of ``p`` as inserted or deleted (nothing for an unchanged mark)."""
    if op is not Op.EQUAL:
        ppr = p.find(qname("pPr"))
        assert ppr is not None
        doc.revision(etree.SubElement(ppr, qname("rPr")), "ins" if op is Op.INSERT else "del")


def _cell(row: etree._Element, text: str, *, bold: bool = False) -> None:
    cell = etree.SubElement(row, qname("tc"))
    p = etree.SubElement(cell, qname("p"))
    run = etree.SubElement(p, qname("r"))
    if bold:
        etree.SubElement(etree.SubElement(run, qname("rPr")), qname("b"))
    etree.SubElement(run, qname("t")).text = xml_safe(text)


def _summary_rows(comparison: Comparison) -> list[tuple[str, str]]:
    summary = comparison.summary
    by_kind = dict(summary.by_kind)
    rows = [("pairs", str(len(comparison.pairs)))]
    rows += [(name, str(by_kind.get(name, 0))) for name in ("match", "split", "merge", "insert", "delete")]
    rows.append(("moved", str(summary.moved)))
    rows += [(f"change: {name}", str(count)) for name, count in summary.by_change]
    rows += [(f"flag: {name}", str(count)) for name, count in summary.flags]
    rows.append(("similarity", f"{summary.similarity:.2f}"))
    rows += [(f"metadata: {d.field}", _value(d.left) + " → " + _value(d.right)) for d in summary.metadata]
    rows += [("note", note) for note in summary.notes]
    return rows


def _value(value: str | tuple[str, ...] | None) -> str:
    return (", ".join(value) if isinstance(value, tuple) else value) or "—"


def _summary(doc: _Body, comparison: Comparison) -> None:
    table = etree.SubElement(doc.body, qname("tbl"))
    tpr = etree.SubElement(table, qname("tblPr"))
    etree.SubElement(tpr, qname("tblStyle"), {qname("val"): "TableGrid"})
    etree.SubElement(tpr, qname("tblW"), {qname("w"): "0", qname("type"): "auto"})
    grid = etree.SubElement(table, qname("tblGrid"))
    for width in ("4000", "4000"):
        etree.SubElement(grid, qname("gridCol"), {qname("w"): width})
    for i, (name, value) in enumerate([("", "count"), *_summary_rows(comparison)]):
        row = etree.SubElement(table, qname("tr"))
        _cell(row, name, bold=i == 0)
        _cell(row, value, bold=i == 0)


def _revision_pairs(comparison: Comparison) -> list[ClausePair]:
    """The pairs with every unit written once: related pairs read as the deletion and insertion they explain.

    A Word redline rebuilds both documents (accept all: the right; reject
    all: the left), so a unit related to several others cannot stand in each
    of its relations; the relations stay in the JSON, text and Markdown reports.
    """
    covered_left = {label for p in comparison.pairs if p.kind is not PairKind.RELATED for label in p.left}
    covered_right = {label for p in comparison.pairs if p.kind is not PairKind.RELATED for label in p.right}
    texts_left = {u.label: u.text for u in comparison.left.units}
    texts_right = {u.label: u.text for u in comparison.right.units}
    out: list[ClausePair] = []
    for pair in comparison.pairs:
        if pair.kind is not PairKind.RELATED:
            out.append(pair)
            continue
        for label in pair.right:
            if label not in covered_right:
                covered_right.add(label)
                out.append(
                    ClausePair(
                        kind=PairKind.INSERT,
                        left=(),
                        right=(label,),
                        edits=[Edit(Op.INSERT, texts_right[label])],
                    )
                )
        for label in pair.left:
            if label not in covered_left:
                covered_left.add(label)
                deletion = ClausePair(
                    kind=PairKind.DELETE, left=(label,), right=(), edits=[Edit(Op.DELETE, texts_left[label])]
                )
                out.append(attrs.evolve(deletion, moved=True))
    return out


def _order(comparison: Comparison) -> list[tuple[ClausePair, str]]:
    """The pairs to write, in the right document's order, each with its role.

    A moved pair appears twice: as ``"from"`` (its left text deleted) where
    its first left unit stood among the pairs not moved, and as ``"to"`` (its
    right text inserted) at its own place.  Every other pair is ``"whole"``.
    So rejecting all changes leaves the left units in the left's order.
    """
    at = {unit.label: i for i, unit in reversed(list(enumerate(comparison.left.units)))}

    def left_index(pair: ClausePair) -> int:
        return min((at.get(label, len(at)) for label in pair.left), default=len(at))

    pairs = _revision_pairs(comparison)
    moved = sorted((p for p in pairs if p.moved and p.left), key=left_index)
    out: list[tuple[ClausePair, str]] = []
    for pair in pairs:
        if pair.left and not pair.moved:
            while moved and left_index(moved[0]) < left_index(pair):
                out.append((moved.pop(0), "from"))
        if pair.moved and pair.kind is PairKind.DELETE:
            continue  # a deletion explained by a relation: written where it stood, with the "from"s
        out.append((pair, "to" if pair.moved and pair.left else "whole"))
    out += [(pair, "from") for pair in moved]
    return out


def _unit(doc: _Body, pair: ClausePair, role: str) -> None:
    heading = pair_heading(pair)
    if role == "from":
        # A deletion that a relation explains is written where it stood; a moved pair says so.
        moved = pair.kind is not PairKind.DELETE
        doc.paragraph("Heading2", f"{heading} (moved away from here)" if moved else f"{heading} (deleted)")
        _redline(doc, [Edit(Op.DELETE, pair.left_text)], Op.DELETE)
        return
    label = ", ".join(pair.right) if pair.left == pair.right else heading
    doc.paragraph("Heading2", label if unchanged(pair) else f"{label} ({describe_pair(pair)})")
    if role == "to":
        _redline(doc, [Edit(Op.INSERT, pair.right_text)], Op.INSERT)
    elif pair.kind is PairKind.INSERT:
        _redline(doc, pair.edits, Op.INSERT)
    elif pair.kind is PairKind.DELETE:
        _redline(doc, pair.edits, Op.DELETE)
    else:
        _redline(doc, pair.edits, Op.EQUAL)


def _check_date(date: str | None) -> str | None:
    if date is None:
        return None
    if not _DATE.fullmatch(date):
        raise OptionsError(f"docx date {date!r} is not YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ; give one of those")
    return date if "T" in date else f"{date}T00:00:00Z"


def _side(comparison: Comparison, side: str) -> str:
    document = comparison.left if side == "left" else comparison.right
    path = (document.path or "").replace("\\", "/").rsplit("/", 1)[-1]
    return path or title_of(document) or side


@register(Comparison, "docx", binary=True)
def render_docx(comparison: Comparison, *, author: str = "docdiff", date: str | None = None) -> bytes:
    """The comparison as a DOCX redline: a summary table, then every unit with tracked changes.

    ``author`` names the revisions; ``date`` (``YYYY-MM-DD`` or
    ``YYYY-MM-DDTHH:MM:SSZ``) dates them and the package, and is omitted by
    default, so the same comparison always gives the same bytes.
    """
    stamp = _check_date(date)
    if not author.strip():
        raise OptionsError("docx author is empty; give a name, or leave the default 'docdiff'")
    doc = _Body(xml_safe(author), stamp)
    title = f"docdiff comparison: {_side(comparison, 'left')} → {_side(comparison, 'right')}"
    doc.paragraph("Title", title)
    doc.paragraph("Heading1", "Summary")
    _summary(doc, comparison)
    if any(e.op is not Op.EQUAL for e in comparison.envelope):
        doc.paragraph("Heading1", "News wrapper")
        _redline(doc, comparison.envelope, Op.EQUAL, "WrapperText")
    doc.paragraph("Heading1", "Units")
    for pair, role in _order(comparison):
        _unit(doc, pair, role)
    if any(e.op is not Op.EQUAL for e in comparison.closing):
        doc.paragraph("Heading1", "Closing")
        _redline(doc, comparison.closing, Op.EQUAL, "WrapperText")
    section = etree.SubElement(doc.body, qname("sectPr"))
    etree.SubElement(section, qname("pgSz"), {qname("w"): "11906", qname("h"): "16838"})
    margin = {qname(side): "1134" for side in ("top", "right", "bottom", "left")}
    etree.SubElement(section, qname("pgMar"), margin)
    return package(xml_bytes(doc.root), title=xml_safe(title), author=xml_safe(author), date=stamp)
