"""Well-known signers of 2020-2026 statements, found by name in ru, en and zh text.

The gazetteer is ``lexicon/leaders.json`` (documented there and in
``docs/metadata.md``).  Russian names are matched with their case endings
("Си Цзиньпина", "Алиевым") and reported in the nominative, so a signer named
in a genitive phrase ("по приглашению Председателя ... Си Цзиньпина") still
reads "Си Цзиньпин"; English and Chinese names are matched as printed.
"""

from __future__ import annotations

import functools
import re

from attrs import frozen

from ..lang import languages, lexicon, pack

__all__ = ["Leader", "LeaderMention", "find_leaders", "leaders"]


@frozen
class Leader:
    """One entry of the gazetteer: an id, the ISO code of the party, years in office."""

    id: str
    party: str
    start_year: int
    end_year: int | None
    names: tuple[tuple[str, tuple[str, ...]], ...]  # (language, forms longest first)


@frozen
class LeaderMention:
    """A leader's name in a text: offsets, the name as printed (nominative) and the leader."""

    start: int
    end: int
    name: str
    leader: Leader


def leaders() -> tuple[Leader, ...]:
    """The gazetteer, in file order, with the names of every known pack (shipped or added at run time)."""
    return _leaders(languages())


@functools.cache
def _leaders(codes: tuple[str, ...]) -> tuple[Leader, ...]:
    raw = lexicon("leaders")
    return tuple(
        Leader(
            id=item["id"],
            party=item["party"],
            start_year=item["from"],
            end_year=item["to"],
            names=tuple((lang, tuple(item.get(lang, ()))) for lang in codes),
        )
        for item in raw["leaders"]
    )


# Endings of names in the oblique cases (pack "name_endings"), each in a group
# e<n> that _nominative cuts off.
_ENDING = r"(?P<e{n}>{endings})?"


# Tokens of a name form: runs of letters (with inner hyphens/apostrophes), dots,
# spaces, commas, and a hyphen between initials ("К.-Ж.К.Токаев").
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*|\.|,|-|\s+")
# Any of the hyphens a name may be printed with: "Касым-Жомарт", "Касым‑Жомарт".
_HYPHEN = "[-‐‑]"


def _literals(form: str, language: str) -> tuple[str, ...]:
    """Substrings every match of the form's pattern contains: its words' hyphen-free parts."""
    if not pack(language).spaced:
        return (form,)
    return tuple(
        part
        for token in _TOKEN_RE.findall(form)
        if not (token.isspace() or token in ".,-")
        for part in re.split(_HYPHEN, token)
        if part
    )


def _form_pattern(form: str, language: str) -> str:
    found = pack(language)
    if not found.spaced:
        # "穆罕默德·本·扎耶德" is printed with further name parts: "·阿勒纳哈扬".
        # Honorifics after the name ("殿下", "阁下") are not part of it (pack "name_tail").
        return re.escape(form) + found.name_tail
    parts: list[str] = []
    for n, token in enumerate(_TOKEN_RE.findall(form)):
        if token.isspace():
            parts.append(r"\s+")
        elif token == ".":
            parts.append(r"\.\s*")
        elif token == ",":
            parts.append(r",?")
        elif token == "-":
            parts.append(_HYPHEN + r"\s*")
        else:
            parts.append(_HYPHEN.join(re.escape(part) for part in re.split(_HYPHEN, token)))
            if (
                found.name_endings
                and len(token) > 1
                and token[-1].lower() not in found.name_endings_after_not
            ):
                parts.append(_ENDING.format(n=n, endings=found.name_endings))
    # A ", Jr." or "Jr." both print the same person; "Biden," before "Jr." is optional.
    pattern = "".join(parts).replace(r"\s+Jr", r"\s*,?\s*Jr")
    return pattern


def _patterns(language: str) -> tuple[tuple[re.Pattern[str], Leader, tuple[str, ...]], ...]:
    return _compiled(language, languages())


@functools.cache
def _compiled(
    language: str, codes: tuple[str, ...]
) -> tuple[tuple[re.Pattern[str], Leader, tuple[str, ...]], ...]:
    found: list[tuple[str, Leader]] = []
    for leader in _leaders(codes):
        for lang, forms in leader.names:
            if lang == language:
                found.extend((form, leader) for form in forms if form)
    # Longest forms first, so "Joseph R. Biden, Jr." wins over "Biden".
    found.sort(key=lambda item: -len(item[0]))
    spaced = pack(language).spaced
    edge_before = r"(?<![\w.-])" if spaced else ""
    edge_after = r"(?![\w-])" if spaced else ""
    return tuple(
        (
            re.compile(edge_before + _form_pattern(form, language) + edge_after),
            leader,
            _literals(form, language),
        )
        for form, leader in found
    )


@functools.cache
def _words(language: str, codes: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word for _, _, literals in _compiled(language, codes) for word in literals)


def _nominative(match: re.Match[str]) -> str:
    """The matched name with Russian case endings cut off."""
    text = match.group(0)
    cuts = sorted(
        (match.start(g) - match.start(), match.end(g) - match.start())
        for g, value in match.groupdict().items()
        if value and g.startswith("e")
    )
    for start, end in reversed(cuts):
        text = text[:start] + text[end:]
    return text.rstrip(" ,")


def find_leaders(text: str, language: str) -> tuple[LeaderMention, ...]:
    """Every gazetteer name in ``text`` in order, longest match first, never overlapping.

    ``language`` picks the name forms (those of its pack); other languages
    use the fallback pack's (English) forms, which most Latin-script texts print.
    """
    language = pack(language).code
    taken: list[LeaderMention] = []
    # A pattern whose words are not all in the text cannot match: one substring
    # test per distinct word spares most of the hundreds of pattern scans.
    present = {word for word in _words(language, languages()) if word in text}
    for pattern, leader, literals in _patterns(language):
        if not present.issuperset(literals):
            continue
        for match in pattern.finditer(text):
            if any(match.start() < m.end and m.start < match.end() for m in taken):
                continue
            taken.append(LeaderMention(match.start(), match.end(), _nominative(match), leader))
    return tuple(sorted(taken, key=lambda m: m.start))
