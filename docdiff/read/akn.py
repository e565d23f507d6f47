"""Akoma Ntoso input: hardened XML parsing and the clause model rebuilt from markup.

Parsing is hardened for untrusted input: DOCTYPE internal subsets and
entity declarations are refused before the parser runs (billion laughs,
quadratic blowup, XXE); the parser itself resolves no entities, loads no
DTD, uses no network and keeps libxml2's size limits (``huge_tree`` off);
nesting deeper than :data:`~docdiff.read.html.MAX_DEPTH` is refused.

Two kinds of document are read:

* those written by :func:`docdiff.render.document_akn.to_akn` (they carry a
  ``<proprietary source="#docdiff">`` block) are rebuilt exactly: same
  metadata, units, paragraphs, sentences and annotations.  The source text
  is rebuilt from the XML text (parts separated by blank lines), so offsets
  differ from the original's but every span points into the new source;
* any other Akoma Ntoso document is flattened to plain text (numbers,
  headings and paragraphs in document order, one block each), handed on
  with its FRBR language and ``docTitle`` as hints, and segmented like a
  text file.

Either way the result is a :class:`~docdiff.read.source.Source`; rebuilt
documents ride in ``Source.document``.
"""

from __future__ import annotations

import re

from lxml import etree

from ..akn_names import AKN_NS, DOCDIFF_NS, LANGUAGE_639_2
from ..errors import ParseError, UnsafeInputError
from ..model import Block, Clause, Document, Metadata, Paragraph, Part, Sentence, Signatory, Span
from .html import MAX_DEPTH, check_depth
from .sniff import unsafe_doctype
from .source import Source

__all__ = ["parse_xml", "read_akn"]

_LANGUAGE_639_1 = {v: k for k, v in LANGUAGE_639_2.items()}

_A = f"{{{AKN_NS}}}"
_D = f"{{{DOCDIFF_NS}}}"
_LABEL_PUNCT = re.compile(r"^[\s(（\[]+|[\s.)）\]、:：]+$")


def parse_xml(text: str, *, name: str = "<xml>") -> etree._Element:
    """Parse untrusted XML safely; raise :class:`UnsafeInputError` or :class:`ParseError`."""
    why = unsafe_doctype(text)
    if why is not None:
        raise UnsafeInputError(f"{name}: refused to parse this XML: {why}; remove the DOCTYPE")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",
    )
    try:
        root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser)
    except etree.XMLSyntaxError as exc:
        message = str(exc)
        if "Excessive depth" in message or "huge" in message.lower():
            raise UnsafeInputError(
                f"{name}: the XML nests too deeply or is too large to parse safely; refusing it"
            ) from None
        raise ParseError(
            f"{name}: not well-formed XML ({message}); fix the markup or pass plain text"
        ) from None
    if root is None:
        raise ParseError(f"{name}: the XML document is empty")
    check_depth(root, name=name, limit=MAX_DEPTH)
    for entity in root.iter(etree.Entity):
        # Only an external DTD could define it, and external DTDs are never loaded.
        raise UnsafeInputError(
            f"{name}: the XML refers to the undefined entity {entity.text}; "
            "docdiff never loads external DTDs: replace the entity with its text"
        )
    return root


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _text(element: etree._Element) -> str:
    return "".join(str(piece) for piece in element.itertext())


class _Source:
    """The rebuilt source text, appended piece by piece; ``add`` returns the piece's span."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0

    def add(self, text: str, separator: str = "") -> Span:
        if self.length and separator:
            self.pieces.append(separator)
            self.length += len(separator)
        start = self.length
        self.pieces.append(text)
        self.length += len(text)
        return Span(start, self.length)

    def block(self, text: str) -> Block:
        return Block(self.add(text, "\n\n"), text)

    @property
    def text(self) -> str:
        return "".join(self.pieces)


def _paragraph(out: _Source, p: etree._Element, separator: str, label: str | None = None) -> Paragraph:
    """Append a ``<p>`` to the source; sentence inlines become sentences."""
    text = _text(p)
    span = out.add(text, separator)
    sentences: list[Sentence] = []
    offset = span.start + len(p.text or "")
    for child in p:
        piece = _text(child)
        if _local(child) == "inline" and child.get("name") == "sentence":
            actor = (child.get(_D + "actor") or "").split()
            sentences.append(
                Sentence(
                    Span(offset, offset + len(piece)),
                    piece,
                    actor=tuple(actor),
                    commitment=child.get(_D + "commitment"),
                    intensity=child.get(_D + "intensity"),
                    concepts=tuple((child.get(_D + "concepts") or "").split()),
                )
            )
        offset += len(piece) + len(child.tail or "")
    return Paragraph(span, text, tuple(sentences), label=label)


def _label_of(num: str | None, fallback: str) -> str:
    if not num:
        return fallback
    return _LABEL_PUNCT.sub("", num) or fallback


def _clause(
    out: _Source, element: etree._Element, ordinal: int, section: str | None, prefix: str | None
) -> Clause:
    start = out.length + (2 if out.length else 0)
    if prefix:
        out.add(prefix, "\n\n")
    number: Block | None = None
    heading: str | None = None
    paragraphs: list[Paragraph] = []
    separator = "\n\n"
    for child in element:
        local = _local(child)
        if local == "num":
            text = _text(child)
            number = Block(out.add(text, separator), text)
            separator = " "
        elif local == "heading":
            heading = _text(child)
            out.add(heading, separator)
            separator = "\n"
        elif local in {"content", "intro", "wrapUp"}:
            for p in child:
                paragraphs.append(_paragraph(out, p, separator))
                separator = "\n\n"
        elif local == "point":
            label = child.get(_D + "label")
            marker = next((_text(c) for c in child if _local(c) == "num"), None)
            label = label or _label_of(marker, str(len(paragraphs) + 1))
            if marker:
                out.add(marker, separator)
                separator = " "
            for content in child:
                if _local(content) != "content":
                    continue
                for n, p in enumerate(content):
                    paragraphs.append(_paragraph(out, p, separator, label if n == 0 else None))
                    separator = "\n\n"
    if not paragraphs:
        raise ParseError(f"clause {element.get('eId')!r} has no paragraphs; the Akoma Ntoso is incomplete")
    label = element.get(_D + "label") or _label_of(number.text if number else None, f"para.{ordinal}")
    return Clause(
        label,
        ordinal,
        Span(start, out.length),
        tuple(paragraphs),
        heading=heading,
        section=section,
        number=number,
    )


def _metadata(info: etree._Element | None) -> Metadata:
    if info is None:
        return Metadata(language="und")
    signatories = [
        Signatory(s.get("name") or "", role=s.get("role"), party=s.get("party"))
        for s in info.iter(_D + "signatory")
    ]
    return Metadata(
        language=info.get("language") or "und",
        title=info.get("title"),
        kind=info.get("kind"),
        date=info.get("date"),
        place=info.get("place"),
        parties=tuple(p.get("code") or "" for p in info.iter(_D + "party")),
        signatories=tuple(signatories),
    )


def _rebuild(doc: etree._Element, mine: etree._Element, path: str | None) -> Document:
    """Rebuild a document written by :func:`docdiff.render.document_akn.to_akn`."""
    out = _Source()
    envelope = [(e.get("position"), e.text or "") for e in mine.iter(_D + "envelope")]
    head = [out.block(text) for where, text in envelope if where != "after"]
    title = dateline = None
    for p in doc.iterfind(f"{_A}preface/{_A}p"):
        if p.get("class") == "title":
            title = out.block(_text(p))
        elif p.get("class") == "dateline":
            dateline = out.block(_text(p))
    preamble: list[Clause] = []
    for n, unit in enumerate(doc.iterfind(f"{_A}preamble/*"), 1):
        start = out.length + (2 if out.length else 0)
        ps = [unit] if _local(unit) == "p" else list(unit.iterfind(f"{_A}p"))
        paragraphs = [_paragraph(out, p, "\n\n") for p in ps]
        label = unit.get(_D + "label") or f"preamble.{n}"
        preamble.append(Clause(label, n, Span(start, out.length), paragraphs, part=Part.PREAMBLE))
    clauses: list[Clause] = []
    for child in doc.iterfind(f"{_A}mainBody/*"):
        if _local(child) == "section":
            section = child.get(_D + "section")
            printed = [_text(c) for c in child if _local(c) in {"num", "heading"}]
            prefix = " ".join(printed) or None
            for unit in child.iterfind(f"{_A}paragraph"):
                clauses.append(_clause(out, unit, len(clauses) + 1, section, prefix))
                prefix = None
        elif _local(child) == "paragraph":
            clauses.append(_clause(out, child, len(clauses) + 1, None, None))
    closing = [out.block(_text(p)) for p in doc.iterfind(f"{_A}conclusions/{_A}p")]
    tail = [out.block(text) for where, text in envelope if where == "after"]
    return Document(
        source=out.text,
        metadata=_metadata(mine.find(_D + "metadata")),
        clauses=tuple(clauses),
        preamble=tuple(preamble),
        envelope=tuple(head + tail),
        title=title,
        dateline=dateline,
        closing=tuple(closing),
        path=path,
        format="akn",
    )


_HIER_TEXT = frozenset({"p", "heading", "subheading", "docTitle", "longTitle"})


def _flatten(doc: etree._Element) -> str:
    """Plain text of a foreign Akoma Ntoso document, one block per paragraph or heading."""
    for meta in doc.findall(f"{_A}meta"):
        doc.remove(meta)
    blocks: list[str] = []
    pending: str | None = None
    for element in doc.iter():
        local = _local(element)
        if local == "num" and not any(_local(a) == "p" for a in element.iterancestors()):
            pending = " ".join(_text(element).split())
            continue
        if local not in {"p", "heading", "subheading"}:
            continue
        if any(_local(a) in _HIER_TEXT for a in element.iterancestors()):
            continue
        text = _text(element).strip()
        if not text:
            continue
        blocks.append(f"{pending} {text}" if pending else text)
        pending = None
    return "\n\n".join(blocks) + "\n"


def read_akn(text: str, *, path: str | None = None) -> Source:
    """Read Akoma Ntoso XML into a :class:`Source` (see the module docstring)."""
    name = path or "<xml>"
    root = parse_xml(text, name=name)
    if _local(root) != "akomaNtoso":
        raise ParseError(
            f"{name}: the root element is <{_local(root) or root.tag}>, not <akomaNtoso>; "
            "give an Akoma Ntoso document, an HTML page or plain text"
        )
    doc = next((c for c in root if isinstance(c.tag, str)), None)
    if doc is None:
        raise ParseError(f"{name}: the Akoma Ntoso document is empty")
    mine = doc.find(f"{_A}meta/{_A}proprietary[@source='#docdiff']/{_D}document")
    if mine is not None:
        try:
            document = _rebuild(doc, mine, path)
        except (ValueError, TypeError) as exc:
            if isinstance(exc, ParseError):
                raise
            raise ParseError(
                f"{name}: inconsistent docdiff Akoma Ntoso ({exc}); regenerate the file"
            ) from None
        return Source(text=document.source, format="akn", path=path, document=document)
    flat = _flatten(doc)
    if not flat.strip():
        raise ParseError(f"{name}: found no text in this Akoma Ntoso document")
    title = root.find(f".//{_A}docTitle")
    return Source(
        text=flat,
        format="akn",
        path=path,
        title=(_text(title).strip() or None) if title is not None else None,
        language=_frbr_language(root),
    )


def _frbr_language(root: etree._Element) -> str | None:
    found = root.find(f".//{_A}FRBRExpression/{_A}FRBRlanguage")
    code = found.get("language") if found is not None else None
    return _LANGUAGE_639_1.get(code or "")
