"""Word's automatic numbering (``word/numbering.xml``) rendered as the labels Word prints.

A numbered paragraph names a list (``w:numId``) and a level (``w:ilvl``),
directly or through its style; the list points at an abstract definition
whose levels give the number format (``decimal``, ``lowerLetter``,
``upperRoman``, ``chineseCounting`` ...), the label text (``"%1."``,
``"%1.%2"``, ``"（%1）"``), the start value and what a level follows.
Counters run per abstract list, as in Word, unless a list restarts with a
``w:startOverride``; a level restarts when a higher level advances.
"""

from __future__ import annotations

from attrs import frozen
from lxml import etree

__all__ = ["Numbering", "format_number"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_HAN_DIGITS = "〇一二三四五六七八九"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_RUSSIAN = "абвгдежзиклмнопрстуфхцчшщэюя"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int, alphabet: str) -> str:
    # Word repeats the letter past the alphabet: a ... z, aa ... zz.
    return alphabet[(n - 1) % len(alphabet)] * ((n - 1) // len(alphabet) + 1)


def _chinese(n: int) -> str:
    if n < 10:
        return _HAN_DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _HAN_DIGITS[tens]) + "十" + (_HAN_DIGITS[ones] if ones else "")
    return "".join(_HAN_DIGITS[int(d)] for d in str(n))


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (unknown formats as decimal)."""
    if n < 1 and fmt not in ("decimal", "decimalZero"):
        return str(n)
    match fmt:
        case "lowerLetter":
            return _letters(n, "abcdefghijklmnopqrstuvwxyz")
        case "upperLetter":
            return _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        case "lowerRoman":
            return _roman(n)
        case "upperRoman":
            return _roman(n).upper()
        case "chineseCounting" | "chineseCountingThousand" | "japaneseCounting" | "taiwaneseCounting":
            return _chinese(n)
        case "ideographTraditional":
            return _STEMS[(n - 1) % len(_STEMS)]
        case "ideographDigital" | "taiwaneseDigital":
            return "".join(_HAN_DIGITS[int(d)] for d in str(n))
        case "russianLower":
            return _letters(n, _RUSSIAN)
        case "russianUpper":
            return _letters(n, _RUSSIAN.upper())
        case "decimalZero":
            return f"{n:02d}"
        case "decimalFullWidth" | "decimalFullWidth2":
            return "".join(chr(0xFF10 + int(d)) for d in str(n))
        case "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if 1 <= n <= 20:
            return chr(0x2460 + n - 1)
        case "none":
            return ""
    return str(n)


@frozen
class _Level:
    fmt: str
    text: str
    start: int
    suffix: str


def _val(element: etree._Element | None, default: str | None = None) -> str | None:
    if element is None:
        return default
    value = element.get(f"{W}val")
    return value if value is not None else default


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Numbering:
    """The lists of one document; :meth:`label` advances a list and returns the printed label."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        self._counters: dict[str, list[int | None]] = {}
        if numbering is not None:
            for abstract in numbering.iter(f"{W}abstractNum"):
                levels = {}
                for lvl in abstract.iter(f"{W}lvl"):
                    levels[_int(lvl.get(f"{W}ilvl"), 0)] = _Level(
                        _val(lvl.find(f"{W}numFmt"), "decimal") or "decimal",
                        _val(lvl.find(f"{W}lvlText"), "") or "",
                        _int(_val(lvl.find(f"{W}start")), 1),
                        _val(lvl.find(f"{W}suff"), "tab") or "tab",
                    )
                self._abstract[abstract.get(f"{W}abstractNumId", "")] = levels
            for num in numbering.iter(f"{W}num"):
                starts = {
                    _int(o.get(f"{W}ilvl"), 0): _int(_val(o.find(f"{W}startOverride")), 1)
                    for o in num.iter(f"{W}lvlOverride")
                    if o.find(f"{W}startOverride") is not None
                }
                self._nums[num.get(f"{W}numId", "")] = (_val(num.find(f"{W}abstractNumId"), "") or "", starts)
        if styles is not None:
            for style in styles.iter(f"{W}style"):
                num_pr = style.find(f"{W}pPr/{W}numPr")
                based = _val(style.find(f"{W}basedOn"))
                num_id = _val(num_pr.find(f"{W}numId")) if num_pr is not None else None
                ilvl = _val(num_pr.find(f"{W}ilvl")) if num_pr is not None else None
                self._styles[style.get(f"{W}styleId", "")] = (num_id, ilvl, based)

    def of_paragraph(self, paragraph: etree._Element) -> tuple[str, int] | None:
        """The ``(numId, level)`` a paragraph is numbered with, directly or by its style; ``None``."""
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        num_id = _val(num_pr.find(f"{W}numId")) if num_pr is not None else None
        ilvl = _val(num_pr.find(f"{W}ilvl")) if num_pr is not None else None
        style = _val(paragraph.find(f"{W}pPr/{W}pStyle"))
        seen: set[str] = set()
        while style is not None and style not in seen and (num_id is None or ilvl is None):
            seen.add(style)
            style_num, style_lvl, based = self._styles.get(style, (None, None, None))
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_lvl
            style = based
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return None
        return num_id, min(max(_int(ilvl, 0), 0), 8)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance list ``num_id`` at level ``ilvl`` and return the label as printed, with its suffix."""
        abstract_id, overrides = self._nums[num_id]
        levels = self._abstract.get(abstract_id, {})
        key = num_id if overrides else abstract_id
        counters = self._counters.setdefault(key, [None] * 9)
        level = levels.get(ilvl, _Level("decimal", f"%{ilvl + 1}.", 1, "tab"))
        start = overrides.get(ilvl, level.start)
        current = counters[ilvl]
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level.fmt == "bullet":
            return "• "
        text = level.text
        for n in range(9, 0, -1):
            if f"%{n}" in text:
                lvl = levels.get(n - 1, level)
                value = counters[n - 1]
                value = value if value is not None else overrides.get(n - 1, lvl.start)
                text = text.replace(f"%{n}", format_number(value, lvl.fmt))
        if not text:
            return ""
        if level.suffix == "nothing" or text[-1] in "、）」．":
            return text
        return text + " "
