"""DOCX input: paragraphs, printed list labels, tables, footnotes apart, tracked changes accepted.

The package is opened by :mod:`.zipsafe` (limits on members, sizes and
ratios; XML without entities, DTD or network) and ``word/document.xml`` is
walked with lxml directly: no python-docx, which reads neither list labels
nor footnotes and would be a second XML stack to harden.  What is read:

* every paragraph of the body, in order, with Word's automatic numbering
  rendered as the printed label (:mod:`.numbering`);
* tables flattened: each cell's paragraphs in row order;
* footnotes and endnotes kept apart, as ``Source.notes``: the reference
  mark is left out of the text, so clause texts are what the clause says;
* tracked changes **accepted**: insertions and moves in are read,
  deletions and moves out are not, i.e. the final text; a warning in
  ``Source.warnings`` says how many changes were accepted;
* text boxes once (the ``mc:Choice`` of an alternate content, not its
  fallback), content controls and hyperlinks as their text;
* external relationships (linked templates, images, sub-documents) are
  never fetched: relationships are not read at all.
"""

from __future__ import annotations

from lxml import etree

from ..errors import InputError
from ..model import Note
from .numbering import Numbering, W
from .source import Source
from .zipsafe import Package

__all__ = ["read_docx"]

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}delText", f"{W}instrText", f"{W}pPr", f"{W}rPr", f"{_MC}Fallback"}
_CHANGES = (f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo")
_NOTE_KINDS = (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote"))


def _text(element: etree._Element) -> str:
    """The visible text of a paragraph (or run container), final version of tracked changes."""
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == f"{W}t":
                out.append(child.text or "")
            elif tag == f"{W}tab":
                out.append(" ")
            elif tag in (f"{W}br", f"{W}cr"):
                out.append("\n")
            elif tag == f"{W}noBreakHyphen":
                out.append("\u2011")
            elif tag == f"{W}softHyphen":
                continue  # invisible but at a line end
            elif tag == f"{W}sym":
                out.append(_symbol(child))
            elif tag == f"{W}txbxContent":
                continue  # text boxes are read as paragraphs of their own
            else:
                walk(child)

    walk(element)
    return "".join(out)


def _symbol(sym: etree._Element) -> str:
    code = sym.get(f"{W}char", "")
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    # Symbol-font characters sit in the private use area (F0xx): not text.
    return "" if 0xE000 <= value <= 0xF8FF else chr(value)


def _paragraphs(body: etree._Element) -> list[etree._Element]:
    """Every paragraph in reading order: body, table cells, content controls, text boxes."""
    found: list[etree._Element] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED or tag == f"{W}sectPr":
                continue
            if tag == f"{W}p":
                found.append(child)
                # A text box anchored in the paragraph follows it.
                for box in child.iter(f"{W}txbxContent"):
                    if not any(a.tag == f"{_MC}Fallback" for a in box.iterancestors()):
                        walk(box)
            else:
                walk(child)

    walk(body)
    return found


def _notes(package: Package) -> tuple[Note, ...]:
    notes: list[Note] = []
    for member, kind in _NOTE_KINDS:
        if not package.has(member):
            continue
        for note in package.xml(member).iter(f"{W}{kind}"):
            if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            text = "\n".join(t for p in note.iter(f"{W}p") if (t := _text(p).strip()))
            if text:
                prefix = "" if kind == "footnote" else "e"
                notes.append(
                    Note(f"{prefix}{len([n for n in notes if n.label.startswith(prefix)]) + 1}", text)
                )
    return tuple(notes)


def _title(package: Package) -> str | None:
    if not package.has("docProps/core.xml"):
        return None
    title = package.xml("docProps/core.xml").find(f"{_DC}title")
    text = (title.text or "").strip() if title is not None else ""
    return text or None


def read_docx(data: bytes, *, path: str | None = None) -> Source:
    """Read a Word document (DOCX) into a :class:`Source`: see the module docstring for what is read.

    Raises :class:`~docdiff.errors.InputError` for an archive that is not
    a Word document, damaged or encrypted, and
    :class:`~docdiff.errors.UnsafeInputError` for a zip bomb or XML with a
    DOCTYPE (XXE, entity expansion).
    """
    name = path if path is not None else "<docx>"
    package = Package(data, name)
    if not package.has("word/document.xml"):
        what = "an OpenDocument file" if package.has("content.xml") else "a ZIP archive"
        raise InputError(f"{name}: is {what}, not a Word document (no word/document.xml); save it as DOCX")
    document = package.xml("word/document.xml")
    body = document.find(f"{W}body")
    if body is None:
        raise InputError(f"{name}: word/document.xml has no body; the file may be damaged")
    styles = package.xml("word/styles.xml") if package.has("word/styles.xml") else None
    numbering = Numbering(
        package.xml("word/numbering.xml") if package.has("word/numbering.xml") else None, styles
    )
    paragraphs: list[str] = []
    for paragraph in _paragraphs(body):
        text = _text(paragraph).strip()
        numbered = numbering.of_paragraph(paragraph)
        # An empty numbered paragraph still advances its list, as Word counts it.
        label = numbering.label(*numbered) if numbered is not None else ""
        if text:
            paragraphs.append(label + text)
    changes = sum(1 for tag in _CHANGES for _ in body.iter(tag))
    warnings: tuple[str, ...] = ()
    if changes:
        warnings = (
            f"{name}: {changes} tracked change(s) accepted: insertions kept, deletions dropped "
            "(the text read is the final version)",
        )
    if not paragraphs:
        raise InputError(f"{name}: the Word document has no text; check the file")
    return Source(
        text="\n\n".join(paragraphs),
        format="docx",
        path=path,
        title=_title(package),
        notes=_notes(package),
        warnings=warnings,
    )
