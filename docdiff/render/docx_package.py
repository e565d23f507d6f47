"""The parts of a minimal WordprocessingML package, and the zip that holds them.

A DOCX file is an Open Packaging Conventions zip (ECMA-376 part 2): a
content-types list, relationships, and the parts.  This module writes the
fixed parts (styles, settings with revision tracking on, core properties)
and packs them with the document body, deterministically: entries sorted
by name, every timestamp 1980-01-01 (the zip epoch), fixed permissions and
compression, so the same comparison gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping

from lxml import etree

__all__ = ["W", "package", "qname", "xml_bytes"]

#: The WordprocessingML main namespace.
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
_CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"

# The zip epoch: a fixed timestamp for every entry, never the clock.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def _default(namespace: str) -> dict[str, str]:
    # The package parts put their one namespace unprefixed, as Office does; lxml's
    # stubs type nsmap keys as str, but None is how lxml spells the default namespace.
    return {None: namespace}  # type: ignore[dict-item]


def qname(local: str) -> str:
    """``w:local`` in Clark notation, for lxml."""
    return f"{{{W}}}{local}"


def xml_bytes(root: etree._Element) -> bytes:
    """``root`` serialized as a standalone UTF-8 XML part."""
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _content_types() -> bytes:
    root = etree.Element(f"{{{_TYPES}}}Types", nsmap=_default(_TYPES))
    for extension, kind in (
        ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
        ("xml", "application/xml"),
    ):
        etree.SubElement(root, f"{{{_TYPES}}}Default", Extension=extension, ContentType=kind)
    overrides = (
        ("/word/document.xml", f"{_WML}.document.main+xml"),
        ("/word/styles.xml", f"{_WML}.styles+xml"),
        ("/word/settings.xml", f"{_WML}.settings+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    )
    for part, kind in overrides:
        etree.SubElement(root, f"{{{_TYPES}}}Override", PartName=part, ContentType=kind)
    return xml_bytes(root)


def _relationships(targets: tuple[tuple[str, str], ...]) -> bytes:
    root = etree.Element(f"{{{_REL}}}Relationships", nsmap=_default(_REL))
    for number, (kind, target) in enumerate(targets, start=1):
        etree.SubElement(root, f"{{{_REL}}}Relationship", Id=f"rId{number}", Type=kind, Target=target)
    return xml_bytes(root)


def _style(root: etree._Element, kind: str, style_id: str, name: str, **props: str) -> etree._Element:
    style = etree.SubElement(root, qname("style"), {qname("type"): kind, qname("styleId"): style_id})
    etree.SubElement(style, qname("name"), {qname("val"): name})
    if "based" in props:
        etree.SubElement(style, qname("basedOn"), {qname("val"): props["based"]})
    if kind == "paragraph":
        ppr = etree.SubElement(style, qname("pPr"))
        if "outline" in props:
            etree.SubElement(ppr, qname("keepNext"))
        after = props.get("after", "120")
        etree.SubElement(
            ppr, qname("spacing"), {qname("before"): props.get("before", "0"), qname("after"): after}
        )
        if "outline" in props:
            etree.SubElement(ppr, qname("outlineLvl"), {qname("val"): props["outline"]})
        rpr = etree.SubElement(style, qname("rPr"))
        if "bold" in props:
            etree.SubElement(rpr, qname("b"))
        if "size" in props:
            etree.SubElement(rpr, qname("sz"), {qname("val"): props["size"]})
    return style


def _styles() -> bytes:
    root = etree.Element(qname("styles"), nsmap={"w": W})
    defaults = etree.SubElement(root, qname("docDefaults"))
    rpr = etree.SubElement(etree.SubElement(defaults, qname("rPrDefault")), qname("rPr"))
    etree.SubElement(rpr, qname("sz"), {qname("val"): "22"})
    normal = _style(root, "paragraph", "Normal", "Normal")
    normal.set(qname("default"), "1")
    _style(root, "paragraph", "Title", "Title", based="Normal", bold="1", size="36", after="240")
    _style(
        root,
        "paragraph",
        "Heading1",
        "heading 1",
        based="Normal",
        bold="1",
        size="28",
        before="240",
        outline="0",
    )
    _style(
        root,
        "paragraph",
        "Heading2",
        "heading 2",
        based="Normal",
        bold="1",
        size="24",
        before="200",
        outline="1",
    )
    # A unit's own paragraphs: what accepting or rejecting the changes turns into a statement.
    _style(root, "paragraph", "UnitText", "Unit Text", based="Normal", after="0")
    # The news wrapper and the closing, tracked too, kept apart from the units.
    _style(root, "paragraph", "WrapperText", "Wrapper Text", based="Normal", after="0")
    table = _style(root, "table", "TableGrid", "Table Grid")
    tpr = etree.SubElement(table, qname("tblPr"))
    borders = etree.SubElement(tpr, qname("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(
            borders,
            qname(side),
            {qname("val"): "single", qname("sz"): "4", qname("space"): "0", qname("color"): "auto"},
        )
    return xml_bytes(root)


def _settings() -> bytes:
    root = etree.Element(qname("settings"), nsmap={"w": W})
    # Edits made by whoever opens the redline are tracked too.
    etree.SubElement(root, qname("trackRevisions"))
    return xml_bytes(root)


def _core(title: str, author: str, date: str | None) -> bytes:
    root = etree.Element(
        f"{{{_CORE}}}coreProperties", nsmap={"cp": _CORE, "dc": _DC, "dcterms": _DCTERMS, "xsi": _XSI}
    )
    etree.SubElement(root, f"{{{_DC}}}title").text = title
    etree.SubElement(root, f"{{{_DC}}}creator").text = author
    # No clock: the dates are the caller's ``date`` or absent.
    if date is not None:
        for name in ("created", "modified"):
            element = etree.SubElement(root, f"{{{_DCTERMS}}}{name}")
            element.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
            element.text = date
    return xml_bytes(root)


def package(document: bytes, *, title: str, author: str, date: str | None) -> bytes:
    """The DOCX file: ``document`` (word/document.xml) with the fixed parts, zipped deterministically."""
    parts: Mapping[str, bytes] = {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _relationships(
            (
                (f"{_OFFICE_REL}/officeDocument", "word/document.xml"),
                (
                    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                    "docProps/core.xml",
                ),
            )
        ),
        "docProps/core.xml": _core(title, author, date),
        "word/_rels/document.xml.rels": _relationships(
            (
                (f"{_OFFICE_REL}/styles", "styles.xml"),
                (f"{_OFFICE_REL}/settings", "settings.xml"),
            )
        ),
        "word/document.xml": document,
        "word/settings.xml": _settings(),
        "word/styles.xml": _styles(),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, parts[name])
    return buffer.getvalue()
