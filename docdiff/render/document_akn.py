"""Write a :class:`~docdiff.model.Document` as Akoma Ntoso 3.0 XML.

The statement becomes ``<statement name="jointStatement">``: FRBR
identification in ``<meta>``, the title and dateline in ``<preface>``,
preamble paragraphs in ``<preamble>``, clauses as ``<paragraph>`` in
``<mainBody>`` (sub-items as ``<point>``, sections with restarting
numbering as ``<section>``), the closing in ``<conclusions>``.  Sentences
are ``<inline name="sentence">`` carrying their annotations.

What Akoma Ntoso has no place for (exact unit labels, the model's section
names, the news envelope, parties and kind) is kept in ``docdiff:``
attributes and a ``<proprietary source="#docdiff">`` block, so
:func:`docdiff.load` rebuilds the same clause model.  Built with
lxml.etree, so escaping holds by construction; indentation is added only
between structural elements, never inside text, so output is deterministic
and text is exact.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import quote

from lxml import etree

from ..akn_names import AKN_NS, DOCDIFF_NS, DOCDIFF_VERSION, LANGUAGE_639_2
from ..model import Block, Clause, Document, Paragraph, Sentence
from ..registry import register

__all__ = ["to_akn"]

_A = f"{{{AKN_NS}}}"
_D = f"{{{DOCDIFF_NS}}}"
# Characters XML 1.0 cannot carry; they are replaced (a documented loss).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ID_UNSAFE = re.compile(r"[^\w.\-]+")
# A section heading's printed number: Roman or Arabic, or one capital letter, with "." or ")";
# or numeral characters before the ideographic enumeration comma ("三、").  Told by character
# properties (upper case, a Unicode numeric value), not by one language's letters: a
# renderer reads no language pack.
_SECTION_NUM = re.compile(r"^\s*((?:[IVXLCDM]+|\d+|[^\W\d_])[.)]|[^\W\d_]{1,4}\u3001)\s*")


def _section_number(prefix: str) -> re.Match[str] | None:
    """The printed number at the start of a section heading, or ``None``."""
    match = _SECTION_NUM.match(prefix)
    if match is None:
        return None
    body = match.group(1)[:-1]
    if match.group(1).endswith("\u3001"):
        numeric = all(unicodedata.numeric(c, None) is not None for c in body)
        return match if numeric else None
    return match if body.isupper() or body.isdigit() else None


# Elements whose content is text: indentation must never go inside them.
_TEXTUAL = frozenset({"p", "num", "heading", "docTitle", "docDate", "person", "role", "inline"})


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, _A + tag)
    for key, value in attrs.items():
        element.set(key, _clean(value))
    if text is not None:
        element.text = _clean(text)
    return element


def _dd(element: etree._Element, key: str, value: str | None) -> None:
    if value is not None:
        element.set(_D + key, _clean(value))


class _Ids:
    """Unique eIds: a repeated label gets a ``-2``, ``-3`` suffix."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, wanted: str) -> str:
        base = _ID_UNSAFE.sub("-", wanted).strip("-") or "x"
        candidate, n = base, 1
        while candidate in self.seen:
            n += 1
            candidate = f"{base}-{n}"
        self.seen.add(candidate)
        return candidate


def _frbr_date(date: str | None) -> tuple[str, str]:
    """An xsd:date for FRBR plus the date's name: partial dates are padded."""
    if date is None:
        return "0001-01-01", "unknown"
    parts = date.split("-")
    if len(parts) == 3:
        return date, "signature"
    return "-".join([*parts, *["01"] * (3 - len(parts))]), "approximate"


def _identification(meta: etree._Element, document: Document) -> None:
    data = document.metadata
    country = "-".join(p.lower() for p in data.parties) or "xx"
    lang = LANGUAGE_639_2.get(data.language, "und")
    date, date_name = _frbr_date(data.date)
    work = f"/akn/{country}/statement/jointStatement/{date}"
    expression = f"{work}/{lang}@"
    authors = [f"#{p.lower()}" for p in data.parties] or ["#docdiff"]
    ident = _el(meta, "identification", source="#docdiff")
    levels = (
        ("FRBRWork", f"{work}/!main", work),
        ("FRBRExpression", f"{expression}/!main", expression),
        ("FRBRManifestation", f"{expression}/!main.xml", f"{expression}.akn"),
    )
    for level, this, uri in levels:
        frbr = _el(ident, level)
        _el(frbr, "FRBRthis", value=this)
        _el(frbr, "FRBRuri", value=uri)
        _el(frbr, "FRBRdate", date=date, name=date_name if level != "FRBRManifestation" else "generation")
        for author in authors if level != "FRBRManifestation" else ["#docdiff"]:
            _el(frbr, "FRBRauthor", href=author)
        if level == "FRBRWork":
            _el(frbr, "FRBRcountry", value=country)
        if level == "FRBRExpression":
            _el(frbr, "FRBRlanguage", language=lang)
    refs = _el(meta, "references", source="#docdiff")
    _el(refs, "TLCOrganization", eId="docdiff", href="/ontology/organization/docdiff", showAs="docdiff")
    for party in data.parties:
        _el(refs, "TLCLocation", eId=party.lower(), href=f"/ontology/location/{party.lower()}", showAs=party)
    if data.place:
        _el(
            refs,
            "TLCLocation",
            eId="place",
            href=f"/ontology/location/{quote(data.place)}",
            showAs=data.place,
        )


def _proprietary(meta: etree._Element, document: Document) -> None:
    data = document.metadata
    prop = _el(meta, "proprietary", source="#docdiff")
    root = etree.SubElement(prop, _D + "document", version=DOCDIFF_VERSION)
    info = etree.SubElement(root, _D + "metadata", language=data.language)
    for key in ("title", "kind", "date", "place"):
        value = getattr(data, key)
        if value is not None:
            info.set(key, _clean(value))
    for party in data.parties:
        etree.SubElement(info, _D + "party", code=party)
    for person in data.signatories:
        signatory = etree.SubElement(info, _D + "signatory", name=_clean(person.name))
        for key in ("role", "party"):
            value = getattr(person, key)
            if value is not None:
                signatory.set(key, _clean(value))
    statement_start = min(
        (span.start for role, span in document.parts() if role != "envelope"), default=len(document.source)
    )
    for block in document.envelope:
        where = "before" if block.span.start < statement_start else "after"
        envelope = etree.SubElement(root, _D + "envelope", position=where)
        envelope.text = _clean(block.text)


def _sentences_into(p: etree._Element, paragraph: Paragraph, source_start: int) -> None:
    """Fill ``p`` with the paragraph text, sentences wrapped in ``<inline name="sentence">``."""
    text = paragraph.text
    cursor = 0
    last: etree._Element | None = None

    def put(piece: str) -> None:
        if not piece:
            return
        if last is None:
            p.text = (p.text or "") + _clean(piece)
        else:
            last.tail = (last.tail or "") + _clean(piece)

    for sentence in paragraph.sentences:
        start = sentence.span.start - source_start
        end = sentence.span.end - source_start
        if start < cursor or end > len(text) or text[start:end] != sentence.text:
            continue  # a sentence outside its paragraph cannot be placed; its text stays in p
        put(text[cursor:start])
        last = _sentence(p, sentence)
        cursor = end
    put(text[cursor:])


def _sentence(p: etree._Element, sentence: Sentence) -> etree._Element:
    inline = _el(p, "inline", sentence.text, name="sentence")
    _dd(inline, "actor", " ".join(sentence.actor) or None)
    _dd(inline, "commitment", sentence.commitment)
    _dd(inline, "intensity", sentence.intensity)
    _dd(inline, "concepts", " ".join(sentence.concepts) or None)
    return inline


def _p(parent: etree._Element, paragraph: Paragraph, **attrs: str) -> etree._Element:
    p = _el(parent, "p", **attrs)
    _sentences_into(p, paragraph, paragraph.span.start)
    return p


def _gap(source: str, start: int, end: int) -> str:
    return source[start:end].strip() if 0 <= start <= end else ""


def _marker(source: str, start: int, end: int) -> str:
    """The printed sub-item marker before a paragraph: the last non-blank line of the gap."""
    lines = [line.strip() for line in _gap(source, start, end).splitlines()]
    return next((line for line in reversed(lines) if line), "")


def _clause(parent: etree._Element, clause: Clause, eid: str, ids: _Ids, source: str) -> None:
    element = _el(parent, "paragraph", eId=eid)
    _dd(element, "label", clause.label)
    if clause.number is not None:
        _el(element, "num", clause.number.text)
    if clause.heading is not None:
        _el(element, "heading", clause.heading)
    paragraphs = clause.paragraphs
    if all(p.label is None for p in paragraphs):
        content = _el(element, "content")
        for paragraph in paragraphs:
            _p(content, paragraph)
        return
    first_point = next(i for i, p in enumerate(paragraphs) if p.label is not None)
    last_point = max(i for i, p in enumerate(paragraphs) if p.label is not None)
    if first_point:
        intro = _el(element, "intro")
        for paragraph in paragraphs[:first_point]:
            _p(intro, paragraph)
    box: etree._Element | None = None
    if first_point:
        previous_end = paragraphs[first_point - 1].span.end
    else:
        previous_end = clause.number.span.end if clause.number is not None else clause.span.start
    for i in range(first_point, last_point + 1):
        paragraph = paragraphs[i]
        if paragraph.label is not None:
            point = _el(element, "point", eId=ids(f"{eid}__point_{paragraph.label}"))
            _dd(point, "label", paragraph.label)
            marker = _marker(source, previous_end, paragraph.span.start) or f"{paragraph.label})"
            _el(point, "num", marker)
            box = _el(point, "content")
        assert box is not None
        _p(box, paragraph)
        previous_end = paragraph.span.end
    if last_point + 1 < len(paragraphs):
        wrap = _el(element, "wrapUp")
        for paragraph in paragraphs[last_point + 1 :]:
            _p(wrap, paragraph)


def _clause_prefix(clause: Clause, source: str) -> str:
    """The printed text before a clause's own number/heading: its section headings."""
    first = clause.paragraphs[0]
    own = clause.number.span.start if clause.number is not None else first.span.start
    if clause.number is None and first.label is not None:
        # A sub-item marker ("1)", "(a)") opens the clause: it is not a heading.
        gap = source[clause.span.start : own]
        marker = _marker(source, clause.span.start, own)
        if marker:
            own = clause.span.start + gap.rfind(marker)
    return _gap(source, clause.span.start, own)


def _main_body(statement: etree._Element, document: Document, ids: _Ids) -> None:
    body = _el(statement, "mainBody")
    container = body
    section: str | None = None
    for clause in document.clauses:
        prefix = _clause_prefix(clause, document.source)
        if prefix or clause.section != section:
            # A new group: the clause prints section headings, or its section changes.
            section = clause.section
            if section is None and not prefix:
                container = body
            else:
                match = _section_number(prefix)
                number = match.group(1) if match else None
                heading = prefix[match.end() :] if match else prefix
                wanted = number.rstrip(".)、") if number else str(len(ids.seen) + 1)
                container = _el(body, "section", eId=ids(f"sec_{wanted}"))
                _dd(container, "section", section)
                if number:
                    _el(container, "num", number)
                if heading:
                    _el(container, "heading", heading)
        base = container.get("eId")
        own = clause.label.rsplit(".", 1)[-1] if container is not body else clause.label
        _clause(
            container, clause, ids(f"{base}__para_{own}" if base else f"para_{own}"), ids, document.source
        )


def _preface(statement: etree._Element, document: Document) -> None:
    title, dateline = document.title, document.dateline
    if title is None and dateline is None:
        return
    preface = _el(statement, "preface")
    if title is not None:
        p = _el(preface, "p", eId="preface__p_1", **{"class": "title"})
        _el(p, "docTitle", title.text)
    if dateline is not None:
        p = _el(preface, "p", eId="preface__p_2", **{"class": "dateline"})
        _dateline(p, dateline, document)


def _dateline(p: etree._Element, dateline: Block, document: Document) -> None:
    text, place, date = dateline.text, document.metadata.place, document.metadata.date
    at = text.find(place) if place else -1
    if place and at >= 0:
        p.text = _clean(text[:at]) or None
        location = _el(p, "location", place, refersTo="#place")
        rest = text[at + len(place) :]
        stripped = rest.lstrip(" ,.;:—-")
        lead = rest[: len(rest) - len(stripped)]
        if date and stripped:
            location.tail = _clean(lead) or None
            _el(p, "docDate", stripped, date=_frbr_date(date)[0])
        else:
            location.tail = _clean(rest) or None
    elif date:
        _el(p, "docDate", text, date=_frbr_date(date)[0])
    else:
        p.text = _clean(text)


def _conclusions(statement: etree._Element, document: Document) -> None:
    signatories = document.metadata.signatories
    if not document.closing and not signatories:
        return
    conclusions = _el(statement, "conclusions")
    for n, block in enumerate(document.closing, 1):
        _el(conclusions, "p", block.text, eId=f"conclusions__p_{n}", **{"class": "closing"})
    if signatories:
        box = _el(conclusions, "blockContainer", eId="conclusions__signatures", **{"class": "signatures"})
        for person in signatories:
            p = _el(box, "p")
            signature = _el(p, "signature")
            refers = {"refersTo": f"#{person.party.lower()}"} if person.party else {}
            _el(signature, "person", person.name, **refers)
            if person.role:
                _el(signature, "role", person.role)


def _indent(root: etree._Element) -> None:
    """Pretty-print by hand: whitespace only between structural elements."""
    stack: list[tuple[etree._Element, int]] = [(root, 0)]
    while stack:
        element, level = stack.pop()
        local = etree.QName(element).localname
        if local in _TEXTUAL or (element.tag.startswith(_D) and local == "envelope") or not len(element):
            continue
        if element.text and element.text.strip():
            continue  # mixed content: leave as written
        element.text = "\n" + "  " * (level + 1)
        children = list(element)
        for child in children:
            child.tail = "\n" + "  " * (level + 1)
            stack.append((child, level + 1))
        children[-1].tail = "\n" + "  " * level


@register(Document, "akn")
def to_akn(document: Document) -> str:
    """Return ``document`` as an Akoma Ntoso 3.0 XML string (UTF-8 declaration, indented)."""
    namespaces: Any = {None: AKN_NS, "docdiff": DOCDIFF_NS}  # lxml-stubs reject the None key
    root = etree.Element(_A + "akomaNtoso", nsmap=namespaces)
    statement = _el(root, "statement", name="jointStatement")
    meta = _el(statement, "meta")
    _identification(meta, document)
    _proprietary(meta, document)
    ids = _Ids()
    _preface(statement, document)
    if document.preamble:
        preamble = _el(statement, "preamble")
        for n, unit in enumerate(document.preamble, 1):
            if len(unit.paragraphs) == 1:
                p = _p(preamble, unit.paragraphs[0], eId=ids(f"preamble__p_{n}"))
                _dd(p, "label", unit.label)
            else:
                box = _el(preamble, "container", eId=ids(f"preamble__container_{n}"), name="unit")
                _dd(box, "label", unit.label)
                for paragraph in unit.paragraphs:
                    _p(box, paragraph)
    _main_body(statement, document, ids)
    _conclusions(statement, document)
    _indent(root)
    body = etree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'
