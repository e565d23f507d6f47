"""Bytes to text: byte-order marks, declared charsets, and a small Cyrillic scorer.

The order of evidence, strongest first:

1. a byte-order mark (UTF-32, UTF-8, UTF-16; the mark is stripped);
2. magic numbers of common binary formats (PNG, ZIP, PDF, ...): refused;
3. NUL bytes: UTF-16 without a mark when the NULs fall on one parity and
   the decoded text is plausible, otherwise a binary file: refused;
4. strict UTF-8 (any real UTF-8 file with non-ASCII letters passes, and a
   single-byte Russian text essentially never does);
5. a charset declared in the first 4 KB (``<meta charset>``,
   ``http-equiv="Content-Type"``, ``<?xml encoding?>``);
6. UTF-8 but for a few bytes (damage): refused, naming the byte offsets,
   never read as cp1252 mojibake;
7. cp1251 against KOI8-R, scored on Russian letter frequencies and case,
   then cp1252 for Western text.

Newlines are kept as decoded; the segmenter handles ``\\r\\n`` and ``\\r``.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata

from ..errors import InputError

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

_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.\-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.\-]+)[\"']")

# Relative frequencies (per 1000 letters) of the Russian lower-case letters in
# running text; the scorer rewards common letters, penalises rare ones.
_RU_FREQ = {
    "о": 110, "е": 85, "а": 80, "и": 74, "н": 67, "т": 63, "с": 55, "р": 47, "в": 45,
    "л": 44, "к": 35, "м": 32, "д": 30, "п": 28, "у": 26, "я": 20, "ы": 19, "ь": 17,
    "г": 17, "з": 16, "б": 16, "ч": 14, "й": 12, "х": 10, "ж": 9, "ш": 7, "ю": 6,
    "ц": 5, "щ": 4, "э": 3, "ф": 3, "ъ": 0.4, "ё": 0.4,
}  # fmt: skip
_RU_LOGP = {letter: math.log(max(freq, 0.2) / 1000) for letter, freq in _RU_FREQ.items()}

# Scripts that plausible text (after a BOM-less UTF-16 guess) is made of.
_PLAUSIBLE_RANGES = (
    (0x0000, 0x024F),  # ASCII, Latin-1, Latin Extended
    (0x0370, 0x052F),  # Greek, Cyrillic
    (0x2000, 0x206F),  # general punctuation
    (0x3000, 0x303F),  # CJK symbols and punctuation
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


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Decode BOM-less UTF-16 when the NUL bytes say so and the result reads as text."""
    if len(data) % 2:
        return None
    head = data[:65536]
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    for nuls, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        # ASCII-range characters (spaces, digits, Latin) put their NUL on one side.
        if nuls > 4 * other and nuls >= len(head) // 40:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _is_plausible(text):
                return text, codec
    return None


def declared_charset(data: bytes) -> str | None:
    """Return the codec name an HTML/XML document declares in its first 4 KB, if known.

    ``<meta charset>``, ``<meta http-equiv="Content-Type" content="...;
    charset=...">`` and the XML declaration count.  As browsers do, a
    declared Latin-1 or ASCII means cp1252 and a declared UTF-16 (impossible
    in bytes that spell it in ASCII) is ignored.
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
    if name in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    return name


def _russian_score(text: str) -> float:
    """Mean log-probability per Cyrillic letter, with penalties for case and symbols.

    Russian text is mostly lower case; KOI8-R read as cp1251 (and the
    reverse) swaps the case of almost every letter, and random bytes give
    box-drawing characters and symbols.  Higher is more Russian-like.
    """
    letters = 0
    lower = 0
    logp = 0.0
    odd = 0
    non_ascii = 0
    ascii_letters = 0
    for char in text[:100000]:
        if ord(char) < 0x80:
            ascii_letters += char.isalpha()
            continue
        non_ascii += 1
        if "\u0400" <= char <= "\u04ff":
            letters += 1
            low = char.lower()
            lower += char == low
            logp += _RU_LOGP.get(low, math.log(0.1 / 1000))
        elif not (char.isspace() or unicodedata.category(char).startswith(("P", "Z"))) and char != "№":
            odd += 1
    if letters == 0:
        return -math.inf
    letter_share = letters / non_ascii
    lower_share = lower / letters
    # Western text read as cp1251 gives a few Cyrillic letters among Latin words.
    if letter_share < 0.8 or lower_share < 0.5 or letters < 0.3 * (letters + ascii_letters):
        return -math.inf
    return logp / letters + 4 * lower_share - 20 * odd / non_ascii


def _western_ok(text: str) -> bool:
    """True when non-ASCII letters are sparse accents in Latin words (cp1252 text)."""
    letters = sum(1 for c in text[:100000] if c.isalpha())
    if letters == 0:
        return True
    foreign = sum(1 for c in text[:100000] if c.isalpha() and ord(c) >= 0x80)
    return foreign / letters < 0.3 and _control_ratio(text) == 0


def _single_byte(data: bytes, name: str) -> tuple[str, str]:
    best: tuple[float, str, str] | None = None
    for codec in ("cp1251", "koi8-r"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _russian_score(text)
        if score > -math.inf and (best is None or score > best[0]):
            best = (score, text, codec)
    if best is not None:
        return best[1], best[2]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _western_ok(text):
        return text, "cp1252"
    raise _fail(
        name,
        "cannot tell the text encoding (not UTF-8, UTF-16, cp1251, KOI8-R or cp1252)",
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
        found16 = _utf16_without_bom(data)
        if found16 is not None:
            return _checked(_strip_bom(found16[0]), name), found16[1]
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
    text, codec = _single_byte(data, name)
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
