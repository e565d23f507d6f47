"""Where a statement was signed, in the base form of the document's language.

Russian prints the place in the locative ("в Пекине подписано", "Совершено
в г. Москве"); :func:`find_place` returns the nominative ("Пекин",
"Москва") from the gazetteer ``lexicon/places.json``, and for a city it does
not know, after an explicit signing formula, drops the locative "-е" of a
masculine name ("в Гааге" is the one kind it gets wrong, so such cities
belong in the gazetteer).  English and Chinese print the base form already.
"""

from __future__ import annotations

import functools
import re

from attrs import frozen

from ..lang import FALLBACK, languages, lexicon, pack
from .dates import find_dates

__all__ = ["Place", "find_place", "place_name"]


@frozen
class Place:
    """A city of the gazetteer in its base forms."""

    names: tuple[tuple[str, str], ...]
    """(language code, base form), in lexicon order."""
    forms: tuple[str, ...]
    """Inflected forms it is also printed in ("Пекине")."""

    def name(self, language: str) -> str:
        """The base form in ``language`` (the fallback pack's language for languages without one)."""
        names = dict(self.names)
        return names.get(language) or names[FALLBACK]


@functools.cache
def _places() -> tuple[Place, ...]:
    raw = lexicon("places")
    return tuple(
        Place(tuple((k, v) for k, v in item.items() if k != "ru_forms"), tuple(item.get("ru_forms", ())))
        for item in raw["places"]
    )


@functools.cache
def _index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for place in _places():
        for form in (*(name for _, name in place.names), *place.forms):
            index.setdefault(form.casefold(), place)
    return index


def place_name(printed: str, language: str) -> str | None:
    """The gazetteer's base form of a printed place name ("Москве" -> "Москва"); ``None`` if unknown."""
    place = _index().get(printed.strip().casefold())
    return place.name(language) if place else None


@functools.cache
def _cues(language: str) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """The strong cues (explicit signing formulas: the place after them is trusted even when
    unknown) and the weak ones ("в Пекине подписано", "met in Washington": gazetteer names only)."""
    found = pack(language)

    def compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p.replace("{name}", found.place_name)) for p in patterns)

    return compiled(found.place_strong), compiled(found.place_weak)


@functools.cache
def _city_prefix(codes: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(p.city_prefix for p in map(pack, codes) if p.city_prefix)
    return re.compile(rf"^\s*(?:{words})\s*")


def _base_form(name: str, language: str, strong: bool) -> str | None:
    name = name.rstrip(".,")  # "in Washington." ends a sentence, not a name
    known = place_name(name, language)
    if known is not None:
        return known
    # Try shorter prefixes: "Пекине подписано" was not matched, but "New Delhi on" may be.
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        known = place_name(" ".join(words[:size]), language)
        if known is not None:
            return known
    found = pack(language)
    if not found.spaced:
        for length in range(len(name) - 1, 1, -1):
            known = place_name(name[:length], language)
            if known is not None:
                return known
    if not strong:
        return None
    if found.locative_ending:
        first = words[0]
        # Masculine city names take "-е" in the locative (Ашхабаде, Гааге is the exception).
        ending = found.locative_ending
        return first[: -len(ending)] if first.endswith(ending) and len(first) > 4 else first
    return name.rstrip(".,")


def _dateline_place(text: str, language: str) -> str | None:
    """A dateline such as "Москва, 13 марта 2025 года" or "Jeddah, Saudi Arabia"."""
    for date in reversed(find_dates(text, language)):
        text = text[: date.start] + " " + text[date.end :]
    text = _city_prefix(languages()).sub("", text.strip(" \n,.;:"))
    first = re.split(r"[,\n;]|\s{2,}", text.strip(" ,"))[0].strip(" .")
    if not first:
        return None
    known = place_name(first, language)
    if known is not None:
        return known
    if not pack(language).spaced:
        for place in _places():
            if place.name(language) in text:
                return place.name(language)
        return None
    if re.fullmatch(r"(?:[A-ZА-ЯЁ][\w'’.-]*\s?){1,3}", first):
        return first
    return None


def find_place(text: str, language: str, *, dateline: bool = False) -> str | None:
    """The signing place named in ``text`` in its base form, or ``None``.

    With ``dateline`` set the whole text is a dateline and its first
    non-date component is the place; otherwise a signing formula ("Done at
    X", "Совершено в г. X", "2019年7月23日于北京") names any place, and a
    bare "в X" / "in X" names a place only when the gazetteer knows it.
    """
    language = pack(language).code
    if dateline:
        found = _dateline_place(text, language)
        if found is not None:
            return found
    for strong, patterns in zip((True, False), _cues(language), strict=True):
        for pattern in patterns:
            for match in pattern.finditer(text):
                found = _base_form(match.group("name"), language, strong)
                if found is not None:
                    return found
    return None
