"""A small PDF writer for tests: text placed exactly where a test wants it, in any script.

The font is a Type0 font with Identity-H codes and a ToUnicode map and no
embedded glyphs: viewers draw nothing useful, but every text extractor reads
the characters and their boxes exactly (Latin and Cyrillic half an em wide,
Han a full em), so layouts (columns, running heads, hyphens, Chinese) are
built to the point.  ``typeset`` sets paragraphs on pages as a word
processor would; ``pdf`` writes runs, with hostile options for the limits.
"""

from __future__ import annotations

import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

WIDTH, HEIGHT = 595.0, 842.0


@dataclass(frozen=True)
class Run:
    """``text`` drawn from ``x`` with its top at ``top`` (points from the page top), ``size`` points."""

    x: float
    top: float
    text: str
    size: float = 11.0


def advance(ch: str) -> float:
    """A character's width in ems: 1 for wide (Han) characters, 1/4 for a space, 1/2 otherwise."""
    if unicodedata.east_asian_width(ch) in "WF":
        return 1.0
    return 0.25 if ch == " " else 0.5


def measure(text: str, size: float) -> float:
    return sum(advance(ch) for ch in text) * size


@dataclass
class Layout:
    """Where text goes: margins, font size, paragraph gap, indent; running head and page numbers."""

    size: float = 11.0
    left: float = 72.0
    right: float = 523.0
    top: float = 90.0
    bottom: float = 760.0
    leading: float = 1.25
    gap: float = 0.8  # extra space between paragraphs, in lines
    indent: float = 0.0
    header: str | None = None
    page_numbers: str | None = None  # e.g. "{n}" or "- {n} -"
    columns: int = 1
    gutter: float = 24.0
    full_width_first: int = 0  # paragraphs set across both columns before the columns start
    extra: list[list[Run]] = field(default_factory=list)


def _wrap(text: str, width: float, size: float, indent: float) -> list[str]:
    lines: list[str] = []
    line = ""
    tokens: list[str] = []
    word = ""
    for ch in text:
        if ch == " ":
            tokens.append(word)
            word = ""
        elif unicodedata.east_asian_width(ch) in "WF":
            if word:
                tokens.append(word)
            tokens.append(ch)
            word = ""
        else:
            word += ch
    tokens.append(word)
    previous_wide = False
    for token in tokens:
        if not token:
            continue
        wide = unicodedata.east_asian_width(token[0]) in "WF"
        joiner = "" if (not line or wide or previous_wide) else " "
        limit = width - (indent if not lines else 0)
        if line and measure(line + joiner + token, size) > limit:
            lines.append(line)
            line = token
        else:
            line += joiner + token
        previous_wide = unicodedata.east_asian_width(token[-1]) in "WF"
    if line:
        lines.append(line)
    return lines


def typeset(paragraphs: Sequence[str], layout: Layout | None = None) -> list[list[Run]]:
    """The runs of ``paragraphs`` set on as many pages as they need."""
    lay = layout or Layout()
    pitch = lay.size * lay.leading
    column_width = (lay.right - lay.left - (lay.columns - 1) * lay.gutter) / lay.columns
    pages: list[list[Run]] = [[]]
    column = 0
    y = lay.top
    band_top = lay.top

    def new_column() -> None:
        nonlocal column, y, band_top
        column += 1
        if column >= lay.columns:
            pages.append([])
            column = 0
            band_top = lay.top
        y = band_top

    for n, paragraph in enumerate(paragraphs):
        full = n < lay.full_width_first
        width = lay.right - lay.left if full else column_width
        x0 = lay.left if full else lay.left + column * (column_width + lay.gutter)
        wrapped = [w for part in paragraph.split("\n") for w in _wrap(part.strip(), width, lay.size, lay.indent)]
        for k, line in enumerate(wrapped):
            if y + lay.size > lay.bottom:
                new_column()
                x0 = lay.left if full else lay.left + column * (column_width + lay.gutter)
            x = x0 + (lay.indent if k == 0 else 0)
            pages[-1].append(Run(x, y, line, lay.size))
            y += pitch
        y += lay.gap * pitch
        if full:
            band_top = y
    for number, runs in enumerate(pages, start=1):
        if lay.header:
            runs.append(Run(lay.left, 40.0, lay.header, 9.0))
        if lay.page_numbers:
            label = lay.page_numbers.format(n=number)
            runs.append(Run((WIDTH - measure(label, 9.0)) / 2, 800.0, label, 9.0))
    return pages + lay.extra


def _hex(text: str, codes: dict[str, int]) -> str:
    return "".join(f"{codes.setdefault(ch, len(codes) + 1):04X}" for ch in text)


def pdf(
    pages: Sequence[Sequence[Run]],
    *,
    lang: str | None = None,
    encrypt: bool = False,
    image_only: bool = False,
    compress: bool = True,
    extra_stream: bytes | None = None,
    nesting: int = 0,
) -> bytes:
    """A PDF of ``pages``; ``encrypt`` adds a password-protected /Encrypt, ``image_only`` draws an
    image and no text, ``extra_stream`` adds a deflated stream of those bytes (a bomb), ``nesting``
    an array nested that deep under the catalog."""
    codes: dict[str, int] = {}
    contents: list[bytes] = []
    for runs in pages:
        ops = []
        if image_only:
            ops.append("q 400 0 0 600 90 100 cm /Im1 Do Q")
        for run in runs:
            baseline = HEIGHT - run.top - 0.8 * run.size
            ops.append(f"BT /F1 {run.size:g} Tf 1 0 0 1 {run.x:.2f} {baseline:.2f} Tm <{_hex(run.text, codes)}> Tj ET")
        contents.append("\n".join(ops).encode("ascii"))
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(data: bytes, head: str = "") -> bytes:
        if compress:
            data = zlib.compress(data)
            head += " /Filter /FlateDecode"
        return f"<< /Length {len(data)}{head} >>\nstream\n".encode() + data + b"\nendstream"

    catalog = add(b"")
    tree = add(b"")
    cmap_lines = "\n".join(f"<{code:04X}> <{ord(ch):04X}>" for ch, code in codes.items())
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(codes)} beginbfchar\n{cmap_lines}\nendbfchar\nendcmap\n"
        "CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    to_unicode = add(stream(cmap))
    widths = " ".join(f"{code} [{int(advance(ch) * 1000)}]" for ch, code in codes.items())
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /TestSans /Flags 4 /FontBBox [0 -200 1000 800] "
        b"/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"
    )
    cid = add(
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestSans /CIDSystemInfo << /Registry (Adobe) "
        f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 500 /W [{widths}] >>".encode()
    )
    font = add(
        f"<< /Type /Font /Subtype /Type0 /BaseFont /TestSans /Encoding /Identity-H "
        f"/DescendantFonts [{cid} 0 R] /ToUnicode {to_unicode} 0 R >>".encode()
    )
    image = add(stream(b"\x80" * 64, " /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8"))
    kids = []
    for data in contents:
        content = add(stream(data))
        kids.append(
            add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {WIDTH:g} {HEIGHT:g}] /Contents {content} 0 R "
                f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> >>".encode()
            )
        )
    objects[tree - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    extra = ""
    if extra_stream is not None:
        extra += f" /Bomb {add(stream(extra_stream))} 0 R"
    if nesting:
        extra += " /Deep " + "[" * nesting + "]" * nesting
    if lang:
        extra += f" /Lang ({lang})"
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R{extra} >>".encode()
    trailer_extra = ""
    if encrypt:
        enc = add(
            b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -44 "
            b"/O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>"
        )
        trailer_extra = f" /Encrypt {enc} 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>]"
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
