"""Party canonicalization: names of states in ru, en and zh -> ISO 3166-1 alpha-2 codes.

:func:`find_parties` reads a text with the patterns of :mod:`docdiff.describe.gazetteer`
(compiled from ``lexicon/parties.json``, described in ``docs/parties.md``) and
decides what each match stands for: a geographic name that only contains a
party name ("South China Sea") yields nothing; a one-character Chinese side
shared by several states ("阿方") takes the candidate named most often in the
same text, or is dropped; a bare name ("Korea") may stand for the other state
it can mean.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Final

import attrs

from ..lang import FALLBACK
from .gazetteer import LANGUAGES, Alternative, combined_matches, gazetteer, matches

__all__ = ["FORMS", "PartyMention", "canonical_party", "find_parties", "party_name"]

FORMS: Final = ("name", "adjective", "side")
"""The values :attr:`PartyMention.form` may take."""


def _known_form(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in FORMS:
        raise ValueError(f"unknown party form {value!r}; expected one of {FORMS}")


def _not_before_start(instance: PartyMention, attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        raise ValueError(f"mention end {value} is before its start {instance.start}")


@attrs.frozen
class PartyMention:
    """One mention of a party in a text, with code-point offsets into that text."""

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field(validator=_not_before_start)
    code: str
    """ISO 3166-1 alpha-2 code, or "EU"."""
    form: str = attrs.field(validator=_known_form)
    """"name", "adjective" or "side" ("the Chinese side", "китайская сторона", "中方")."""
    text: str
    """The matched text: ``text[start:end]`` of the text searched."""


def _split(found: list[tuple[int, int, Alternative]]) -> list[tuple[int, int, Alternative]]:
    """Combined forms replaced by their one-character pieces."""
    out: list[tuple[int, int, Alternative]] = []
    for start, end, alternative in found:
        if alternative.pieces:
            out.extend((start + i, start + i + 1, piece) for i, piece in enumerate(alternative.pieces))
        else:
            out.append((start, end, alternative))
    return out


def _needs_context(alternative: Alternative) -> bool:
    """Whether the names elsewhere in the text decide what the alternative stands for."""
    return alternative.otherwise is not None or (alternative.code is None and bool(alternative.candidates))


def _languages(language: str | None) -> tuple[str, ...]:
    return (language,) if language in LANGUAGES else LANGUAGES


def _leftmost_longest(found: list[tuple[int, int, Alternative]]) -> list[tuple[int, int, Alternative]]:
    """Merge the matches of several languages as one expression would: leftmost, then longest."""
    kept: list[tuple[int, int, Alternative]] = []
    for start, end, alternative in sorted(found, key=lambda item: (item[0], -item[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, alternative))
    return kept


def _resolve(candidates: tuple[str, ...], named: Counter[str]) -> str | None:
    """The candidate named most often in the text; None when none is named or on a tie."""
    counts = sorted(((named[code], code) for code in candidates if named[code]), reverse=True)
    if not counts or (len(counts) > 1 and counts[0][0] == counts[1][0]):
        return None
    return counts[0][1]


# --- public API --------------------------------------------------------------------------


def _scan(
    text: str, languages: tuple[str, ...], stop: int | None, combined: bool
) -> list[tuple[int, int, Alternative]]:
    # One expression per language, not one for all: each compiles once and is reused,
    # and three small tries scan faster than their union.
    found = [match for lang in languages for match in matches(text, lang, stop)]
    # Pairs of one-character short forms ("中美") exist where the lexicon lists them.
    pairing = [lang for lang in languages if lang in gazetteer().get("combined", {})] if combined else []
    if pairing:
        for lang in pairing:
            found.extend(combined_matches(text, stop, lang))
        return _split(_leftmost_longest(found))
    return _leftmost_longest(found) if len(languages) > 1 else found


def find_parties(
    text: str, language: str | None = None, *, end: int | None = None, combined: bool = False
) -> tuple[PartyMention, ...]:
    """All non-overlapping party mentions in ``text``, in order; longest match wins.

    ``language`` is one the gazetteer has names for: "ru", "en", "zh"; None (or
    another value) tries them all.
    An ambiguous Chinese side form ("阿方") takes the code of the candidate party
    named most often elsewhere in the text, and is dropped when none is named or
    two are named equally often.  A bare name listed as such ("Korea") stands
    for the other party it may mean ("DPRK") when the text names that one and
    names its own party by no other name.  With ``combined``, a Chinese pair of
    short forms before a word such as 关系 or 两国 ("中美关系", "中阿两国") is
    two mentions, one per character, the second resolved like "阿方".  With
    ``end``, only the mentions that end by that offset, as the whole text
    yields them (the text after ``end`` is read only where a short form needs
    the names around it).
    """
    languages = _languages(language)
    # Matches come in order, so none starting at ``end`` or later ends by it,
    # nor changes which earlier ones are kept; only the names that decide a
    # short or bare form need the rest, and then the whole text is read.
    found = _scan(text, languages, end, combined)
    if end is not None and any(_needs_context(alternative) for _, _, alternative in found):
        found = _scan(text, languages, None, combined)
    named = Counter(alternative.code for _, _, alternative in found if alternative.code is not None)
    by_name = {a.code for _, _, a in found if a.form == "name" and a.code is not None and a.otherwise is None}
    mentions: list[PartyMention] = []
    for first, last, alternative in found:
        if end is not None and last > end:
            continue
        code = alternative.code
        if code is None:
            # A geographic name (no candidates) or an ambiguous side.
            code = _resolve(alternative.candidates, named)
            if code is None:
                continue
        elif alternative.otherwise is not None and alternative.otherwise in named and code not in by_name:
            code = alternative.otherwise  # "Korea" in a text on the DPRK that names no Republic of Korea
        mentions.append(PartyMention(first, last, code, alternative.form, text[first:last]))
    return tuple(mentions)


def canonical_party(name: str) -> str | None:
    """Map one name in any form, inflection or language to its code, or None.

    "Азербайджанской Республики", "the Azerbaijani side", "China's" and "阿塞拜疆"
    all map to a code; the whole of ``name`` (less surrounding whitespace, a
    leading "the" and a possessive "'s") must be one mention.
    """
    candidate = name.strip()
    variants = [candidate]
    without_the = re.sub(r"^the\s+", "", candidate, flags=re.IGNORECASE)
    variants.append(without_the)
    variants.append(re.sub(r"['’]s?$", "", without_the))
    for variant in variants:
        mentions = find_parties(variant)
        if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(variant) > 0:
            return mentions[0].code
    return None


@cache
def _short_names() -> dict[str, dict[str, str]]:
    return {
        entry["code"]: {lang: entry[lang]["short"] for lang in LANGUAGES if entry.get(lang, {}).get("short")}
        for entry in gazetteer()["parties"]
    }


def party_name(code: str, language: str = FALLBACK) -> str:
    """Short display name of ``code`` in ``language``: falls back to English, then to the code."""
    names = _short_names().get(code.upper(), {})
    return names.get(language) or names.get(FALLBACK) or code
