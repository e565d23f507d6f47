"""A small DOCX writer for tests: the XML Word writes, zipped, with the parts a test asks for.

``docx(body)`` wraps body XML (``p(...)`` paragraphs, ``table(...)``) with
``word/numbering.xml`` (decimal, lowerLetter, upperRoman, chineseCounting
lists), a footnotes part and the package boilerplate; ``extra`` adds or
replaces members (hostile tests).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
#: numId -> (format, label text) of level 0; level 1 is always lowerLetter "(%2)".
LISTS = {1: ("decimal", "%1."), 2: ("upperRoman", "%1."), 3: ("chineseCounting", "%1、"), 4: ("decimal", "%1.")}


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def p(*parts: str, num: int | None = None, level: int = 0, style: str | None = None) -> str:
    """A paragraph of runs (plain strings become runs; XML fragments starting with '<' pass)."""
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
    inner = "".join(x if x.startswith("<") else run(x) for x in parts)
    return f"<w:p>{'<w:pPr>' + props + '</w:pPr>' if props else ''}{inner}</w:p>"


def ins(text: str) -> str:
    return f'<w:ins w:id="90" w:author="A" w:date="2025-01-01T00:00:00Z">{run(text)}</w:ins>'


def delete(text: str) -> str:
    return (
        f'<w:del w:id="91" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">'
        f"{escape(text)}</w:delText></w:r></w:del>"
    )


def footnote_ref(n: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>'


def table(rows: Sequence[Sequence[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{p(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


def _numbering() -> str:
    abstract = "".join(
        f'<w:abstractNum w:abstractNumId="{n}"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        f'<w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>'
        for n, (fmt, text) in LISTS.items()
    )
    nums = "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="{n}"/></w:num>' for n in LISTS)
    # numId 5 restarts list 4 at 1 (a second numbered sequence of the same definition).
    nums += (
        '<w:num w:numId="5"><w:abstractNumId w:val="4"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NS}>{abstract}{nums}</w:numbering>'


def _footnotes(notes: Sequence[str]) -> str:
    body = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
        "</w:footnote>"
    )
    body += "".join(f'<w:footnote w:id="{n}">{p(text)}</w:footnote>' for n, text in enumerate(notes, start=1))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {NS}>{body}</w:footnotes>'


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#: Word's own default: 8 points after each paragraph, lines at 1.08.
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NS}><w:docDefaults><w:pPrDefault>'
    '<w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    "</w:styles>"
)


def _page_footer() -> str:
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><w:ftr {NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{field}</w:p></w:ftr>'


def docx(body: Sequence[str], *, notes: Sequence[str] = (), extra: dict[str, bytes] | None = None,
         document_xml: bytes | None = None, header: str | None = None, page_numbers: bool = False) -> bytes:  # fmt: skip
    """The bytes of a DOCX whose body is ``body`` (paragraph and table XML); ``header`` and
    ``page_numbers`` add a running head and a centred PAGE field in the footer."""
    section = ""
    rels = [("rIdS", "styles", "styles.xml"), ("rIdN", "numbering", "numbering.xml"), ("rIdF", "footnotes", "footnotes.xml")]
    parts: dict[str, bytes] = {}
    if header is not None:
        section += '<w:headerReference w:type="default" r:id="rIdH"/>'
        rels.append(("rIdH", "header", "header1.xml"))
        parts["word/header1.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {NS}>{p(header)}</w:hdr>'.encode()
    if page_numbers:
        section += '<w:footerReference w:type="default" r:id="rIdP"/>'
        rels.append(("rIdP", "footer", "footer1.xml"))
        parts["word/footer1.xml"] = _page_footer().encode()
    document = document_xml or (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>'
        f"{''.join(body)}<w:sectPr>{section}</w:sectPr></w:body></w:document>"
    ).encode()
    relationships = "".join(f'<Relationship Id="{i}" Type="{_REL}{kind}" Target="{target}"/>' for i, kind, target in rels)
    members = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/'
            'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
            'main+xml"/></Types>'
        ).encode(),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{_REL}officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ).encode(),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships">{relationships}</Relationships>'
        ).encode(),
        "word/document.xml": document,
        "word/styles.xml": STYLES.encode(),
        "word/numbering.xml": _numbering().encode(),
        "word/footnotes.xml": _footnotes(notes).encode(),
        **parts,
    }
    members.update(extra or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()
