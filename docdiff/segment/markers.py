"""Printed numbering and bullets at the start of a chunk, and heading-like lines.

:func:`find_marker` recognises, at the very start of a text, the numbering
styles joint statements use: ``1.`` ``1 .`` ``1)`` ``1-`` ``(1)`` ``3.1``
``IV.`` ``一、`` ``（一）`` ``(a)`` ``a)`` ``A.``, Markdown ``**1.**``, article
headings (``Статья 1``, ``Article 1``, ``§ 1``, ``第一条``) and bullets
(``——``, ``•``, ``-``, ``*``, ``●`` ...).  Dates, headings and invisible
characters are recognised here too, so every stage shares one definition.  Values are turned
into numbers so the caller can check that a sequence is plausible.
"""

from __future__ import annotations

import enum
import functools
import re

import attrs
from attrs import frozen

from ..lang import languages, pack
from ..lang.scripts import CLOSERS_AFTER_LINE, ENUMERATION_COMMA, HAN_BASIC, INVISIBLE_AT_LINE_START

_HAN_FIRST, _HAN_LAST = HAN_BASIC[0], HAN_BASIC[-1]

__all__ = [
    "INVISIBLE",
    "Kind",
    "Marker",
    "ends_sentence",
    "find_marker",
    "is_dateline",
    "is_heading_like",
    "is_title_heading",
    "starts_block",
    "visible",
    "word_count",
]


class Kind(enum.StrEnum):
    """The numbering style of a marker."""

    ARTICLE = "article"
    ARABIC = "arabic"
    DECIMAL = "decimal"
    PAREN = "paren"
    ROMAN = "roman"
    ZH = "zh"
    ZH_PAREN = "zh_paren"
    LETTER = "letter"
    UPPER = "upper"
    BULLET = "bullet"


@frozen
class Marker:
    """A marker found at the start of a text.

    ``label`` is the number as printed without dot or brackets ("1", "IV",
    "3.1", "一", "a"); ``value`` its numeric value (a tuple for decimals);
    ``end`` the offset of the end of the printed number (dot and brackets
    included) and ``content`` the offset where the text after it starts.
    """

    kind: Kind
    label: str
    value: tuple[int, ...]
    end: int
    content: int


_ROMAN_RE = re.compile(r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")

_DECIMAL_RE = re.compile(r"(\d{1,4}(?:\.\d{1,4})+)\.?(?=\s)")
# Up to 9999 clauses, but a year (1900-2099) heading a line is no clause number.
_NUMBER = r"(?!(?:19|20)\d\d(?!\d))\d{1,4}"
_ARABIC_RE = re.compile(rf"({_NUMBER})(?:[ \t\u00a0]?\.(?![\d.])|\)|-(?=\s))(?=\s|[^\W\d_])")
_PAREN_RE = re.compile(rf"[(（]({_NUMBER})[)）]")
_ROMAN_START_RE = re.compile(r"([IVXL]{1,7})[.)](?=\s)")
_UPPER_RE = re.compile(r"([A-Z])\.(?=\s+[A-Z])")
_BULLET_RE = re.compile(r"(?:——|—|–|-|•|·|\*|▪|●)(?=\s|[^\W\d_])")
_SPACE_RE = re.compile(r"[\s:：.\-–—]*")
_GAP_RE = re.compile(r"\s*")
# Characters that print nothing: zero-width spaces and joiners, word joiner,
# byte order mark, soft hyphen.  Scraped text scatters them at line starts.
INVISIBLE = INVISIBLE_AT_LINE_START
_LEAD_RE = re.compile(rf"[\s{INVISIBLE}]*")
# Markdown emphasis around a number ("**1.** text") and heading hashes ("## Heading").
_EMPHASIS_RE = re.compile(r"(?:\*\*|__)(?=\S)")
_EMPHASIS_END_RE = re.compile(r"(?:\*\*|__)")
_HASHES_RE = re.compile(r"#{1,6}[ \t]+")


@frozen
class _Numerals:
    """The packs' own numerals (pack "numerals", "numeral_multipliers") and the markers printed with them."""

    digits: dict[str, int]
    multipliers: dict[str, int]
    chars: str
    enumerated: re.Pattern[str]  # "一、" (Kind.ZH)
    bracketed: re.Pattern[str]  # "（一）" (Kind.ZH_PAREN)


@functools.cache
def _numerals(codes: tuple[str, ...]) -> _Numerals:
    digits: dict[str, int] = {}
    multipliers: dict[str, int] = {}
    for code in codes:
        digits.update(pack(code).numerals)
        multipliers.update(pack(code).numeral_multipliers)
    chars = "".join(digits) + "".join(multipliers)
    # An empty class is no regex: "(?!)" matches nowhere.
    number = f"[{re.escape(chars)}]{{1,3}}" if chars else "(?!)"
    enumerated = re.compile(rf"({number}){ENUMERATION_COMMA}")
    bracketed = re.compile(rf"[(（]({number})[)）]")
    return _Numerals(digits, multipliers, chars, enumerated, bracketed)


@functools.cache
def _patterns(codes: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The article, letter and date patterns over the packs ``codes`` (the argument keys the cache).

    Each pack gives its words and letters (docdiff/lang/<code>/pack.json:
    "article_words", "article_frames", "letters", "dotted_letters", "months",
    "dateline_dates").  An article's number is the first group that matched.
    """
    found = [pack(code) for code in codes]
    words = "".join(word + "|" for p in found for word in p.article_words)
    number = rf"([{re.escape(_numerals(codes).chars)}\d]{{1,4}})"
    frames = "".join("|" + frame.replace("{number}", number) for p in found for frame in p.article_frames)
    article = re.compile(
        rf"(?:{words}§)[ \t\u00a0]*(?<=[ \t\u00a0§])(\d{{1,3}}|[IVXL]{{1,7}})(?!\w|\.\d)\.?" + frames
    )
    letters = "".join(p.letters for p in found)
    dotted = "".join(p.dotted_letters for p in found)
    # An empty class is no regex: "(?!)" matches nowhere.
    letters, dotted = (f"[{chars}]" if chars else "(?!)" for chars in (letters, dotted))
    letter = re.compile(rf"\(({letters})\)|({letters})\)(?=\s)|({dotted})\.(?=\s)")
    dates = [d.replace("{months}", "|".join(p.months)) for p in found for d in p.dateline_dates]
    date = re.compile(
        "|".join(dates) + r"|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b",
        re.IGNORECASE,
    )
    return article, letter, date


# Sentence-final punctuation; a line ending with none of these may be a heading.
_FINAL = ".!?;:。！？；：…,，"
_CLOSERS = CLOSERS_AFTER_LINE


def _numeral_value(text: str, numerals: _Numerals) -> int:
    """Value of a numeral in the packs' digits up to 999 ("十二" = 12, "二十" = 20, "一〇" = 10)."""
    digits, multipliers = numerals.digits, numerals.multipliers
    if all(c in digits for c in text):
        return int("".join(str(digits[c]) for c in text))
    total, current = 0, 0
    for char in text:
        if char in multipliers:
            total += (current or 1) * multipliers[char]
            current = 0
        else:
            current = digits.get(char, 0)
    return total + current


def _roman_value(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, char in enumerate(text):
        value = values[char]
        if i + 1 < len(text) and values[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _number(text: str, numerals: _Numerals) -> int:
    if text.isdigit():
        return int(text)
    if _ROMAN_RE.fullmatch(text):
        return _roman_value(text)
    return _numeral_value(text, numerals)


def _marker(kind: Kind, label: str, value: tuple[int, ...], text: str, end: int) -> Marker:
    gap = _SPACE_RE.match(text, end) if kind is Kind.ARTICLE else _GAP_RE.match(text, end)
    content = gap.end() if gap else end
    return Marker(kind, label, value, end, content)


def _unemphasised(text: str, pos: int) -> tuple[str, int]:
    """``text`` with Markdown emphasis around a leading number blanked out, and the emphasis end.

    "**1.** The Sides" reads as "  1.   The Sides" (same length, so offsets
    hold); the returned end (0 when there is no emphasis) lets the printed
    marker include the closing "**".
    """
    opening = _EMPHASIS_RE.match(text, pos)
    if opening is None:
        return text, 0
    closing = _EMPHASIS_END_RE.search(text, opening.end(), opening.end() + 16)
    if closing is None:
        return text, 0
    a, b = closing.span()
    blanked = text[:pos] + "  " + text[opening.end() : a] + " " * (b - a) + text[b:]
    return blanked, b


def find_marker(text: str) -> Marker | None:
    """The marker at the very start of ``text`` (leading whitespace allowed), or ``None``.

    Invisible characters before the marker are skipped, and Markdown emphasis
    around it ("**1.**") is part of the printed marker.
    """
    lead = _LEAD_RE.match(text)
    pos = lead.end() if lead else 0
    blanked, emphasis_end = _unemphasised(text, pos)
    if emphasis_end:
        pos = len(blanked) - len(blanked[pos:].lstrip())
    marker = _find_marker(blanked, pos)
    if marker is not None and emphasis_end and marker.end <= emphasis_end:
        marker = attrs.evolve(marker, end=emphasis_end)
    return marker


def _find_marker(text: str, pos: int) -> Marker | None:
    codes = languages()
    article_re, letter_re, _ = _patterns(codes)
    numerals = _numerals(codes)
    if (m := article_re.match(text, pos)) is not None:
        label = next(group for group in m.groups() if group is not None)
        line = text[m.end() :].split("\n", 1)[0].strip()
        # "Article 5 of the Treaty ..." is prose: a heading after the number
        # follows a separator or starts with a capital.
        prose = bool(line) and not (text[m.end()] in ".:-–—" or line[0].isupper() or line[0] in "-–—:")
        if not prose and (m.group(1) is None or label.isdigit() or _ROMAN_RE.fullmatch(label)):
            return _marker(Kind.ARTICLE, label, (_number(label, numerals),), text, m.end())
    if (m := _DECIMAL_RE.match(text, pos)) is not None:
        label = m.group(1)
        return _marker(Kind.DECIMAL, label, tuple(int(p) for p in label.split(".")), text, m.end())
    if (m := _ARABIC_RE.match(text, pos)) is not None:
        return _marker(Kind.ARABIC, m.group(1), (int(m.group(1)),), text, m.end())
    if (m := _PAREN_RE.match(text, pos)) is not None:
        return _marker(Kind.PAREN, m.group(1), (int(m.group(1)),), text, m.end())
    if (m := _ROMAN_START_RE.match(text, pos)) is not None and _ROMAN_RE.fullmatch(m.group(1)):
        return _marker(Kind.ROMAN, m.group(1), (_roman_value(m.group(1)),), text, m.end())
    if (m := numerals.enumerated.match(text, pos)) is not None:
        return _marker(Kind.ZH, m.group(1), (_numeral_value(m.group(1), numerals),), text, m.end())
    if (m := numerals.bracketed.match(text, pos)) is not None:
        return _marker(Kind.ZH_PAREN, m.group(1), (_numeral_value(m.group(1), numerals),), text, m.end())
    if (m := letter_re.match(text, pos)) is not None:
        label = m.group(1) or m.group(2) or m.group(3)
        return _marker(Kind.LETTER, label, (ord(label),), text, m.end())
    if (m := _UPPER_RE.match(text, pos)) is not None:
        return _marker(Kind.UPPER, m.group(1), (ord(m.group(1)) - ord("A") + 1,), text, m.end())
    if (m := _BULLET_RE.match(text, pos)) is not None:
        return _marker(Kind.BULLET, "", (), text, m.end())
    return None


def starts_block(line: str) -> bool:
    """True when a line opens a new chunk even without a blank line before it."""
    marker = find_marker(line)
    return marker is not None and marker.kind is not Kind.BULLET and marker.kind is not Kind.UPPER


def _is_cjk(text: str) -> bool:
    return sum(1 for c in text if _HAN_FIRST <= c <= _HAN_LAST) * 2 > len(text)


def word_count(text: str) -> int:
    """Words in ``text``; for Chinese, characters divided by 2.5 (a rough word length)."""
    if _is_cjk(text):
        return int(len(text) / 2.5) + 1
    return len(text.split())


def visible(text: str) -> str:
    """``text`` without surrounding whitespace and invisible characters."""
    return text.strip().strip(INVISIBLE).strip()


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence punctuation (closing quotes skipped)."""
    stripped = visible(text).rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _FINAL


def is_heading_like(text: str, max_words: int = 12) -> bool:
    """A short single line with no final punctuation: a title, section heading or name."""
    stripped = visible(text)
    if not stripped or "\n" in stripped or "\r" in stripped:
        return False
    return not ends_sentence(stripped) and word_count(stripped) <= max_words


# Title case: every word capitalised but the packs' "minor_words".  Possessives
# are among them because headings print them either way ("Strengthening our Alliance").
@functools.cache
def _minor_words(codes: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(pack(code).minor_words for code in codes))


_WORD_PUNCT = "\"'“”‘’«»()[]{}:,;.!?—–-"
_LATIN_RE = re.compile(r"[A-Za-z]")
_NON_LATIN_RE = re.compile(r"[\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff]")
# A title-cased heading may run longer than a plain one; past this it is prose.
TITLE_HEADING_MAX_WORDS = 24


def is_title_heading(text: str, max_words: int = TITLE_HEADING_MAX_WORDS) -> bool:
    """A single Latin-script line in title case without final punctuation: a long section heading.

    "People-to-People Exchange: Creating Diverse and Inclusive Networks that
    Support a Free and Open Region" runs past the word limit of
    :func:`is_heading_like`, but a sentence is not printed with every word
    capitalised.  At most one word in ten outside the small words ("of",
    "the", "and" ...) may be in lower case; a line with a semicolon or ending
    in a small word ("...; and") is a clause of a list, not a heading.
    """
    stripped = visible(text)
    if not stripped or "\n" in stripped or "\r" in stripped or ends_sentence(stripped) or ";" in stripped:
        return False
    if _LATIN_RE.search(stripped) is None or _NON_LATIN_RE.search(stripped) is not None:
        return False
    minor = _minor_words(languages())
    words = [w.strip(_WORD_PUNCT) for w in stripped.split()]
    words = [w for w in words if w]
    if not words or len(words) > max_words or not words[0][0].isupper() or words[-1].lower() in minor:
        return False
    content = [w for w in words if w[0].isalpha() and w.lower() not in minor]
    lower = sum(1 for w in content if not w[0].isupper())
    return len(content) >= 3 and lower * 10 <= len(content)


def is_dateline(text: str) -> bool:
    """True for a short chunk that is a date, possibly with a place."""
    stripped = text.strip()
    if "\n" in stripped or "\r" in stripped or word_count(stripped) > 10 or len(stripped) > 80:
        return False
    match = _patterns(languages())[2].search(stripped)
    if match is None:
        return False
    rest = (stripped[: match.start()] + stripped[match.end() :]).strip(" \t,.;:，。于在年()（）")
    return word_count(rest) <= 5 and not stripped.endswith((":", "："))
