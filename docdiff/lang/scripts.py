"""Facts of scripts rather than of one language: character ranges and mark lists, each named once.

Where two modules used different lists for what reads as one fact, both are
kept here under two names: unifying them would change output (the
invisible characters a line may open with are fewer than those folded away
for comparison; a sentence may close with "〉", a heading test does not
skip it).
"""

from __future__ import annotations

__all__ = [
    "CJK_AND_PUNCTUATION",
    "CLOSERS_AFTER_LINE",
    "CLOSERS_AFTER_SENTENCE",
    "ENUMERATION_COMMA",
    "HAN_BASIC",
    "HAN_CLASS",
    "INVISIBLE_AT_LINE_START",
    "INVISIBLE_FOLDED",
]

HAN_CLASS = r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]"
"""A Han character: the CJK ideograph blocks (a token of its own, docdiff.text.tokens)."""

HAN_BASIC = "\u4e00-\u9fff"
"""The main CJK Unified Ideographs block, as a character class body (name parts, Chinese-text share)."""

CJK_AND_PUNCTUATION = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
"""Han characters with CJK and full-width punctuation, as a class body: no space is needed beside them."""

INVISIBLE_AT_LINE_START = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Characters that print nothing and scraped text scatters at line starts: zero-width spaces and
joiners, word joiner, byte order mark, soft hyphen (skipped before a numbering marker)."""

INVISIBLE_FOLDED = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u2061\u2062\u2063\u2064\u180e"
"""Characters that print nothing and are folded away for comparison: the line-start ones plus the
invisible operators and the Mongolian vowel separator."""

CLOSERS_AFTER_LINE = "\"'»”’)]}）」』》"
"""Closing quotes and brackets skipped when telling whether a line ends a sentence."""

CLOSERS_AFTER_SENTENCE = "\"'»”’)]}）」』》〉"
"""Closing quotes and brackets that belong to the sentence they follow ('."' ends after the quote)."""

ENUMERATION_COMMA = "、"
"""The ideographic enumeration comma, printed after a numeral that numbers an item ("一、")."""
