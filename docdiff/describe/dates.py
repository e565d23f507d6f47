"""Dates printed in statements, in Russian, English and Chinese, as ISO 8601.

:func:`find_dates` lists every date expression of a text with its offsets and
how much of it is printed (day, month, year); :func:`parse_date` gives the
first full one as ``YYYY-MM-DD``.  A range ("13 – 14 марта 2025 г.",
"July 21-23, 2019", "2019年7月21日至23日", "с 22 по 24 апреля 2025 года")
yields its *last* day: a visit's statement is usually signed at its end, and
the test corpus bears that out.  Numeric dates are read day first
("05.04.2025") or year first ("2025-04-05", "2025/4/5"), a slashed
"05/04/2025" month first in English (see :func:`find_dates`).  A day and
month with no year ("23 апреля" in a news lead) is reported with
``year=None`` so the caller can borrow the year from elsewhere in the
document.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterator, Mapping

from attrs import frozen

from ..lang import LanguagePack, languages, pack, packs

__all__ = ["DateMatch", "find_dates", "parse_date"]


@frozen
class DateMatch:
    """One date expression: offsets into the searched text and its parts (``None`` when absent)."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None

    @property
    def precision(self) -> int:
        """3 for a full date, 2 for month and year, 1 for a year alone, 0 with no year."""
        if self.year is None:
            return 0
        if self.month is None:
            return 1
        return 3 if self.day is not None else 2

    def iso(self, year: int | None = None) -> str | None:
        """ISO form, borrowing ``year`` when none is printed; ``None`` when still yearless."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        if self.month is None:
            return f"{y:04d}"
        if self.day is None:
            return f"{y:04d}-{self.month:02d}"
        return f"{y:04d}-{self.month:02d}-{self.day:02d}"


_DASH = r"\s*[-‐‑‒–—―−]\s*"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# What a match needs is a list of alternatives, each a tuple of substrings one
# of which it prints: a text without them is not searched (a pattern search
# costs far more than a substring test).
_YEAR_NEEDS: tuple[str, ...] = ("19", "20")

# How a rule reads its month group: by a language's month names, or as a number.
_MonthReading = Mapping[str, int] | str
_Rule = tuple[re.Pattern[str], _MonthReading, tuple[tuple[str, ...], ...]]

# Each rule: (pattern, how to read the month, what a match needs).  Named
# groups: day1 (a range's first day, ignored), day, month, month2 (a range's
# second month), year.  The rules of each language pack come first (see
# docdiff/lang/<code>/pack.json, "date_rules"), then these, in this order; a
# later rule never takes text an earlier one matched.
_NUMERIC_RULES: tuple[_Rule, ...] = (
    # "23.04.2025", "23.04.2025 г."
    (
        re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.{_YEAR}(?![\d.]\d)"),
        "num",
        ((".",), _YEAR_NEEDS),
    ),
    # "2025-04-23"
    (
        re.compile(rf"(?<![\d-]){_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"),
        "num",
        (("-",), _YEAR_NEEDS),
    ),
    # "2025/04/23", "2025.4.23": year first, as East Asian texts print it
    (
        re.compile(
            rf"(?<![\d./\-]){_YEAR}(?P<sep>[./])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d|[./\-]\d)"
        ),
        "num",
        ((".", "/"), _YEAR_NEEDS),
    ),
    # "05/04/2025", "12/25/2024": day or month first, see _slashed
    (
        re.compile(rf"(?<![\d./\-])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/{_YEAR}(?!\d|[./\-]\d)"),
        "slash",
        (("/",), _YEAR_NEEDS),
    ),
)


def _bare_year_rule(codes: tuple[str, ...]) -> tuple[_Rule, ...]:
    """ "2025 год", "2025 г." (a bare year, Russian) and "2025年": the packs' "year_words"."""
    found = [p for p in map(pack, codes) if p.year_words]
    if not found:
        return ()
    words = "|".join((rf"\s*(?:{p.year_words})(?!\w)" if p.spaced else rf"\s*{p.year_words}") for p in found)
    cues = tuple(p.year_cue for p in found)
    return ((re.compile(rf"(?<![\d.\-]){_YEAR}(?:{words})"), "num", (cues, _YEAR_NEEDS)),)


def _pack_rules(language: LanguagePack) -> Iterator[_Rule]:
    """The date rules of one pack, its month forms spliced into each pattern."""
    forms = (*language.months, *language.month_variants)
    names = {form.lower(): number for number, form in enumerate(language.months, 1)}
    names.update((form.lower(), number) for form, number in language.month_variants.items())
    alternation = "|".join(forms)
    for rule in language.date_rules:
        needs = [*rule.needs]
        if rule.needs_year:
            needs.append(_YEAR_NEEDS)
        if rule.needs_month:
            needs.insert(0, language.month_cues)
        pattern = re.compile(
            rule.pattern.replace("{months}", alternation), re.IGNORECASE if rule.ignorecase else 0
        )
        yield pattern, (names if rule.months == "names" else "num"), tuple(needs)


@functools.cache
def _rules(codes: tuple[str, ...]) -> tuple[_Rule, ...]:
    """Every rule, for the packs ``codes`` (the argument keys the cache when a pack is added)."""
    return (
        *(rule for code in codes for rule in _pack_rules(pack(code))),
        *_NUMERIC_RULES,
        *_bare_year_rule(codes),
    )


def _month(kind: _MonthReading, text: str) -> int:
    if isinstance(kind, str):
        return int(text)
    return kind[text.lower().rstrip(".")]


def _slashed(first: int, second: int, language: str | None) -> tuple[int, int] | None:
    """(month, day) of "first/second/year": a part above 12 is the day; else English reads month first.

    The United States prints "04/05/2025" for 5 April, Russia and most of the
    world "05/04/2025"; when both parts could be a month only the language
    tells, so English is read month first and every other language day first.
    """
    if first > 12 and second > 12:
        return None
    if first > 12:
        return second, first
    if second > 12:
        return first, second
    if language is not None and any(language.startswith(p.code) and p.slash_month_first for p in packs()):
        return first, second
    return second, first


def _build(match: re.Match[str], kind: _MonthReading, language: str | None = None) -> DateMatch | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    month: int | None
    day: int | None
    if kind == "slash":
        parts = _slashed(int(groups["first"]), int(groups["second"]), language)
        if parts is None:
            return None
        month, day = parts
    else:
        month_text = groups.get("month2") or groups.get("month")
        month = _month(kind, month_text) if month_text else None
        day = int(groups["day"]) if groups.get("day") else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        # Without a year, check against a leap year so "29 февраля" passes.
        limit = calendar.monthrange(year or 2024, month or 1)[1]
        if not 1 <= day <= limit:
            return None
    if year is None and day is None:
        return None  # "7月" alone is a month, not a date
    return DateMatch(match.start(), match.end(), year, month, day)


_DIGIT_RE = re.compile(r"\d")


def _matches(text: str, language: str | None) -> Iterator[DateMatch]:
    taken: list[tuple[int, int]] = []
    found: list[DateMatch] = []
    if _DIGIT_RE.search(text) is None:
        return  # every rule needs a digit
    for pattern, kind, needs in _rules(languages()):
        if not all(any(part in text for part in alternatives) for alternatives in needs):
            continue
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            date = _build(match, kind, language)
            if date is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(date)
    yield from sorted(found, key=lambda d: d.start)


def find_dates(text: str, language: str | None = None) -> tuple[DateMatch, ...]:
    """Every date expression in ``text``, in order, ranges reduced to their last day.

    The patterns for every language are tried, since statements quote each
    other's dates (a Russian text may print "23.04.2025").  ``language``
    decides only a slashed "05/04/2025", where both parts could be the month:
    English ("en", "en-US") reads it month first (May 4), any other language
    or ``None`` day first (5 April).  A part above 12 is the day whatever the
    language; a date that cannot exist ("31/02/2025") is none.  Dotted dates
    ("05.04.2025") are always day first, as no one prints them month first.
    """
    return tuple(_matches(text, language))


def parse_date(text: str, language: str) -> str | None:
    """The first full date in ``text`` as ISO ``YYYY-MM-DD``.

    When no full date is printed, the first month and year (``YYYY-MM``) or,
    failing that, the first year marked as one ("2025 год", "2025年",
    ``YYYY``); ``None`` when there is none.  A range gives its last day.
    """
    dates = find_dates(text, language)
    for precision in (3, 2, 1):
        for date in dates:
            if date.precision == precision:
                return date.iso()
    return None
