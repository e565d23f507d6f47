"""Bytes to text: byte-order marks, NUL patterns, strict UTF-8, declared charsets, then detection.

The order of evidence, strongest first:

1. a byte-order mark (UTF-32, UTF-8, UTF-16; the mark is stripped);
2. magic numbers of common binary formats (PNG, ZIP, PDF, ...): refused;
3. NUL bytes: UTF-32 without a mark when every fourth byte is NUL, UTF-16
   without a mark when the NULs fall on one parity (a Chinese text has
   few: only its newlines, digits and spaces), each only when the decoded
   text is plausible; otherwise a binary file: refused;
4. strict UTF-8 (any real UTF-8 file with non-ASCII letters passes, and a
   legacy-encoded text essentially never does);
5. a charset declared in the first 4 KB (``<meta charset>``,
   ``http-equiv="Content-Type"``, ``<?xml encoding?>``);
6. UTF-8 but for a few bytes (damage): refused, naming the byte offsets,
   never read as cp1252 mojibake;
7. the legacy code pages through charset-normalizer, each reading checked
   for its script (:mod:`docdiff.read.detect_encoding`); no plausible
   reading is a refusal.

Strict UTF-8 comes before a declaration, unlike in a browser: non-ASCII
text that is valid UTF-8 under a declared cp1251 or GBK is a page re-saved
by an editor that kept the old ``<meta>``, and honouring the declaration
would be silent mojibake.

Newlines are kept as decoded; the segmenter handles ``\\r\\n`` and ``\\r``.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError
from .detect_encoding import detect

__all__ = ["declared_charset", "decode", "decode_found"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE starts with the UTF-16 LE mark, so it is tried first.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"%PDF-", "a PDF document"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)

_SNIFF_BYTES = 4096

_SUPERSETS = {
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
}

_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.\-]+)[\"']")

# Scripts that plausible text (after a BOM-less UTF-16 guess) is made of.
_PLAUSIBLE_RANGES = (
    (0x0000, 0x024F),  # ASCII, Latin-1, Latin Extended
    (0x0370, 0x052F),  # Greek, Cyrillic
    (0x2000, 0x206F),  # general punctuation
    (0x3000, 0x30FF),  # CJK symbols and punctuation, Hiragana, Katakana
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xFF00, 0xFFEF),  # full-width forms
)


def _fail(name: str, why: str, fix: str) -> InputError:
    return InputError(f"{name}: {why}; {fix}")


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            # "MZ" and "BZh" are short; require a NUL or control byte nearby too
            # so a text that happens to start with "MZ" is not refused.
            if len(magic) < 4 and not any(b < 9 for b in data[:64]):
                continue
            return kind
    return None


def _is_plausible(text: str) -> bool:
    """True when ``text`` looks like human-written text (no controls, coherent scripts)."""
    if not text:
        return False
    sample = text[:20000]
    good = 0
    for char in sample:
        code = ord(char)
        if char in "\t\n\r\f" or (code >= 0x20 and not 0x7F <= code <= 0x9F):
            good += any(lo <= code <= hi for lo, hi in _PLAUSIBLE_RANGES)
    return good / len(sample) >= 0.9


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    if not sample:
        return 0.0
    bad = sum(
        1
        for c in sample
        if (ord(c) < 0x20 and c not in "\t\n\r\f\v") or 0x7F <= ord(c) <= 0x9F or c == "\ufffd"
    )
    return bad / len(sample)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return text if _is_plausible(text) else None


def _unicode_without_bom(data: bytes) -> tuple[str, str] | None:
    """Decode BOM-less UTF-32 or UTF-16 when the NUL bytes say so and the result reads as text."""
    head = data[:65536]
    if len(data) % 4 == 0 and len(head) >= 4:
        # Every code point is below U+110000, so one byte of each four is always NUL.
        for high, codec in ((3, "utf-32-le"), (0, "utf-32-be")):
            if head[high::4].count(0) == len(head) // 4:
                text = _strict(data, codec)
                if text is not None:
                    return text, codec
    if len(data) % 2:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    # ASCII-range characters (newlines, spaces, digits) put their NUL on the high
    # side, but a Chinese text has few of them and its U+xx00 ideographs put
    # NULs on the other side: the side with more NULs is tried first, and the
    # strict decoding and the plausibility check decide.
    order = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
    for codec in order:
        text = _strict(data, codec)
        if text is not None:
            return text, codec
    return None


def declared_charset(data: bytes) -> str | None:
    """Return the codec name an HTML/XML document declares in its first 4 KB, if known.

    ``<meta charset>``, ``<meta http-equiv="Content-Type" content="...;
    charset=...">`` and the XML declaration count.  As browsers do, a
    declared Latin-1 or ASCII means cp1252, GB2312 or GBK means GB18030,
    Big5 means Big5-HKSCS, Shift_JIS means cp932, and a declared UTF-16
    (impossible in bytes that spell it in ASCII) is ignored.
    """
    head = data[:_SNIFF_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").strip().lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith(("utf-16", "utf-32")):
        return None
    # As browsers do (the WHATWG Encoding Standard), a label names its superset.
    return _SUPERSETS.get(name, name)


def _legacy(data: bytes, name: str) -> tuple[str, str]:
    found = detect(data)
    if found is not None:
        return found
    raise _fail(
        name,
        "cannot tell the text encoding (not UTF-8, UTF-16/32, GB18030/GBK, Big5, Shift_JIS, "
        "a Russian code page or cp1252)",
        "convert the file to UTF-8 and try again",
    )


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def decode(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode the bytes of a statement to text, or raise :class:`InputError`.

    ``name`` (usually the path) goes into error messages.  The byte-order
    mark is removed; newlines are left as they are.  See the module
    docstring for the order in which the evidence is weighed.
    """
    return decode_found(data, name=name)[0]


def decode_found(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """:func:`decode`, and the codec it settled on (``"utf-8"``, ``"cp1251"``, ``"utf-16-le"`` ...)."""
    if not data.strip():
        what = "the file is empty" if not data else "the file holds only whitespace"
        raise _fail(name, what, "give a file that contains the statement text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise _fail(
                    name,
                    f"starts with a {codec.upper()} byte-order mark but byte {exc.start + len(bom)} "
                    f"is not valid {codec.upper()}",
                    "re-save the file as UTF-8",
                ) from None
            return _checked(_strip_bom(text), name), codec
    kind = _binary_kind(data)
    if kind is not None:
        raise _fail(
            name, f"this is {kind}, not a text or HTML file", "give the statement as text, HTML or XML"
        )
    if b"\x00" in data[:65536]:
        found = _unicode_without_bom(data)
        if found is not None:
            return _checked(_strip_bom(found[0]), name), found[1]
        raise _fail(
            name, "this looks like a binary file (it contains NUL bytes)", "give a text, HTML or XML file"
        )
    try:
        return _checked(_strip_bom(data.decode("utf-8")), name), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared is not None and declared != "utf-8":
        try:
            return _checked(data.decode(declared), name), declared
        except UnicodeDecodeError:
            pass  # the declaration is wrong; fall back to detection
    damage = _utf8_damage(data)
    if damage:
        more = f" (and {len(damage) - 1} more)" if len(damage) > 1 else ""
        raise _fail(
            name,
            f"not valid UTF-8 at byte {damage[0]}{more}, though the rest is UTF-8",
            "the file is damaged there: fix those bytes (or re-save the file as UTF-8) and try again",
        )
    text, codec = _legacy(data, name)
    return _checked(text, name), codec


# Bytes that no UTF-8 text holds and that a single-byte reading turns into
# letters no statement uses (cp1252 "þ", "ÿ"): a sign of damage, not of an
# 8-bit encoding, when they are the only non-ASCII bytes.
_DAMAGE_BYTES = frozenset(b"\xfe\xff")
_MAX_DAMAGE = 1000


def _utf8_damage(data: bytes) -> list[int]:
    """Byte offsets of invalid UTF-8 when the file is UTF-8 but for them, else ``[]``.

    Decoding such a file as cp1252 would be silent mojibake.  "UTF-8 but
    for a few bytes": at least as many valid multi-byte sequences as
    invalid spots, or only a few non-ASCII bytes, one of them ``FE``/``FF``.
    A cp1251 or KOI8-R text has invalid spots in nearly every word.
    """
    view = memoryview(data)
    bad: list[int] = []
    pos = 0
    while len(bad) < _MAX_DAMAGE:
        try:
            codecs.utf_8_decode(view[pos:], "strict", True)
            break
        except UnicodeDecodeError as exc:
            bad.append(pos + exc.start)
            pos += exc.end
    if not bad or len(bad) >= _MAX_DAMAGE:
        return []
    escaped = data.decode("utf-8", "surrogateescape")
    valid = sum(1 for c in escaped if ord(c) >= 0x80 and not 0xDC80 <= ord(c) <= 0xDCFF)
    if valid >= len(bad):
        return bad
    high = [b for b in data if b >= 0x80]
    if len(high) <= 3 and any(b in _DAMAGE_BYTES for b in high):
        return bad
    return []


def _checked(text: str, name: str) -> str:
    if _control_ratio(text) > 0.01:
        raise _fail(
            name,
            "this looks like a binary file (too many control characters)",
            "give a text, HTML or XML file",
        )
    if not text.strip():
        raise _fail(name, "the file holds only whitespace", "give a file that contains the statement text")
    return text
