"""The commitment lexicon compiled once per language.

``docs/annotation.md`` describes the lexicon: commitment categories with
their expressions in every language (``lexicon/commitments.json``), and each
language's intensifiers, collective subjects, coordinators and titles (its
pack, ``lang/<code>/pack.json``).  :mod:`docdiff.describe.annotate` finds commitments with what this module
compiles; :mod:`docdiff.describe.subjects` finds who acts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import attrs

from ..lang import has_pack, pack
from ..lang import lexicon as load_lexicon
from ..lang.scripts import HAN_BASIC

__all__ = [
    "CASE_PLAIN",
    "Compiled",
    "Pattern",
    "commitment_categories",
    "compiled_lexicon",
    "first_letter",
    "lexicon",
]


@attrs.frozen
class Pattern:
    """One commitment expression, compiled."""

    regex: re.Pattern[str]
    category: str
    order: int  # position of the category in the lexicon: the tie-break
    fixed: bool  # a set formula: its own adverb is not an intensifier


@attrs.frozen
class Compiled:
    """The lexicon for one language, compiled once."""

    patterns: tuple[Pattern, ...]
    any_pattern: re.Pattern[str]  # every pattern in one alternation: where to look first
    # The patterns that may match where a text has a given character
    # (lowercased unless Chinese; see _candidates), in lexicon order.
    by_first: dict[str, tuple[Pattern, ...]]
    unplain: tuple[Pattern, ...]  # those whose first letter is not plain to see
    intensifier: re.Pattern[str]
    window: int
    collective: re.Pattern[str]
    coordinator: re.Pattern[str]
    noun_guard: frozenset[str]
    title_before: re.Pattern[str]  # titles ending where a name starts: "Prime Minister |Modi"
    title_after: re.Pattern[str] | None  # Chinese titles after a name: "习近平|主席"
    title_gap: re.Pattern[
        str
    ]  # what may stand between a party and its leader: "Indian| Prime Minister |Modi"


@cache
def lexicon() -> dict[str, Any]:
    """The lexicon as read from ``lexicon/commitments.json`` (read once)."""
    return load_lexicon("commitments")


def commitment_categories() -> tuple[str, ...]:
    """The commitment category ids, in lexicon (priority) order."""
    return _categories()


@cache
def _categories() -> tuple[str, ...]:
    return tuple(str(category["id"]) for category in lexicon()["categories"])


def _bounded(pattern: str, language: str) -> str:
    # Chinese has no spaces, so a word boundary means nothing there.
    return rf"(?<!\w)(?:{pattern})(?!\w)" if pack(language).spaced else pattern


def _any_of(sources: Iterable[str], language: str) -> str:
    """The alternation of the bounded patterns, in order.

    The word-start test is shared: the regex engine tries it once per
    position instead of once per pattern (seven times faster on the
    commitment patterns), with the same matches.
    """
    if not pack(language).spaced:
        return "|".join(f"(?:{source})" for source in sources)
    return r"(?<!\w)(?:" + "|".join(rf"(?:{source})(?!\w)" for source in sources) + ")"


# Letters whose case-insensitive matches are just their upper and lower case
# (tests/test_annotate.py checks every pair); a pattern opening with one of
# them matches only where the text has that letter, in either case.
CASE_PLAIN = frozenset(
    "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
)


def first_letter(source: str, language: str) -> str | None:
    """The letter every match of ``source`` opens with (lowercase unless Chinese), when plain to see.

    That is a letter no quantifier makes optional, in a pattern with no
    alternation outside parentheses; otherwise None.
    """
    head = source[:1]
    if not head.isalpha() or source[1:2] in ("?", "*", "{"):
        return None
    if pack(language).cased:
        if head not in CASE_PLAIN:
            return None
        head = head.lower()
    depth, escaped, in_class = 0, False, False
    for ch in source:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return None
    return head


def _alternation(patterns: Iterable[str], language: str) -> str:
    # Longest first, so a regex alternation prefers "две страны" to "две".
    return _any_of(sorted(patterns, key=len, reverse=True), language)


@cache
def compiled_lexicon(language: str) -> Compiled | None:
    """The lexicon of ``language`` compiled; None for a language it has no entries for."""
    found = pack(language)
    if not has_pack(language) or not found.coordinators:
        return None
    data = lexicon()
    flags = re.IGNORECASE if found.cased else 0
    patterns = []
    sources = []
    firsts = []
    for order, category in enumerate(data["categories"]):
        for entry in category.get(language, ()):
            source, fixed = (entry, False) if isinstance(entry, str) else (entry["re"], bool(entry["fixed"]))
            regex = re.compile(_bounded(source, language), flags)
            patterns.append(Pattern(regex, category["id"], order, fixed))
            sources.append(source)
            firsts.append(first_letter(source, language))
    by_first = {
        letter: tuple(p for p, first in zip(patterns, firsts, strict=True) if first in (letter, None))
        for letter in {first for first in firsts if first is not None}
    }
    coordinators = "|".join(found.coordinators)
    return Compiled(
        patterns=tuple(patterns),
        any_pattern=re.compile(_any_of(sources, language), flags),
        by_first=by_first,
        unplain=tuple(p for p, first in zip(patterns, firsts, strict=True) if first is None),
        intensifier=re.compile(_alternation(found.commitment_intensifiers, language), flags),
        window=found.intensity_window,
        # Case matters in Russian: "Стороны" (the Parties) vs "стороны" (a side's).
        collective=re.compile(
            _alternation(found.collective_subjects, language),
            re.IGNORECASE if found.collective_ignorecase else 0,
        ),
        coordinator=re.compile(rf"\s*(?:(?:{coordinators})\s*)+(?:the\s+)?", flags),
        noun_guard=found.noun_guard,
        **_title_patterns(list(found.titles), language),
    )


def _title_patterns(titles: list[str], language: str) -> dict[str, Any]:
    """The title regexes of :class:`Compiled`: before a name, after it (Chinese), between two names."""
    found = pack(language)
    if not found.spaced:
        title = "|".join(sorted(titles, key=len, reverse=True))
        return {
            "title_before": re.compile(rf"(?:{title})+\Z"),
            "title_after": re.compile(rf"(?:{title})+"),
            # "阿塞拜疆共和国总统伊利哈姆·阿利耶夫": a given name before the gazetteer's form.
            "title_gap": re.compile(rf"(?:{title}|[{_HAN}]{{1,4}}·)*"),
        }
    title = _alternation(titles, language)
    # "President of the United States", "Mr. Narendra Modi, Prime Minister of India".
    link = found.title_link
    return {
        "title_before": re.compile(rf"(?:{title}{link}[\s,]*)+\Z", re.IGNORECASE),
        "title_after": None,
        # "... of the United States of America (U.S.)": the abbreviation in brackets joins too.
        "title_gap": re.compile(rf"(?:[\s,(]|{title}|(?<!\w)(?:of|the)(?!\w))*", re.IGNORECASE),
    }


_HAN = HAN_BASIC
