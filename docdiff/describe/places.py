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

from ..lang.lexicons import lexicon

__all__ = ["Place", "find_place", "place_name"]


@frozen
class Place:
    """A city of the gazetteer in its base forms."""

    en: str
    ru: str
    zh: str
    ru_forms: tuple[str, ...]

    def name(self, language: str) -> str:
        """The base form in ``language`` (English for languages without one)."""
        return {"ru": self.ru, "zh": self.zh}.get(language, self.en)


@functools.cache
def _places() -> tuple[Place, ...]:
    raw = lexicon("places")
    return tuple(
        Place(item["en"], item["ru"], item["zh"], tuple(item.get("ru_forms", ()))) for item in raw["places"]
    )


@functools.cache
def _index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for place in _places():
        for form in (place.en, place.ru, place.zh, *place.ru_forms):
            index.setdefault(form.casefold(), place)
    return index


def place_name(printed: str, language: str) -> str | None:
    """The gazetteer's base form of a printed place name ("Москве" -> "Москва"); ``None`` if unknown."""
    place = _index().get(printed.strip().casefold())
    return place.name(language) if place else None


_RU_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)*"
_RU_NAME = rf"(?P<name>{_RU_WORD}(?:\s+{_RU_WORD})?)"
_EN_NAME = r"(?P<name>[A-Z][\w'’.]*(?:\s+[A-Z][\w'’]*)*)"

# Explicit signing formulas: the place after them is trusted even when unknown.
_STRONG: dict[str, tuple[re.Pattern[str], ...]] = {
    "ru": (
        re.compile(
            r"(?:Совершено|Подписано|Составлено|заключен[аоы]?|подписан[аоы]?|принят[аоы]?)\s+"
            r"(?:\S+\s+){0,3}?в\s+(?:г\.\s*|городе\s+)" + _RU_NAME
        ),
        re.compile(r"(?:Совершено|Подписано|Составлено)\s+в\s+" + _RU_NAME),
    ),
    "en": (re.compile(r"(?:Done|Signed|Issued|Adopted)\s+(?:at|in)\s+" + _EN_NAME),),
    "zh": (re.compile(r"(?:于|在)(?P<name>[\u4e00-\u9fff]{2,8}?)(?:签署|签订|发表|$)", re.MULTILINE),),
}
# Weak cues: "в Пекине подписано", "met in Washington": gazetteer names only.
_WEAK: dict[str, tuple[re.Pattern[str], ...]] = {
    "ru": (re.compile(r"(?<!\w)(?:в|во)\s+(?:г\.\s*|городе\s+)?" + _RU_NAME),),
    "en": (re.compile(r"(?<!\w)(?:in|at|to)\s+" + _EN_NAME),),
    "zh": (re.compile(r"(?:于|在|访问)(?P<name>[\u4e00-\u9fff]{2,8})"),),
}


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
    if language == "zh":
        for length in range(len(name) - 1, 1, -1):
            known = place_name(name[:length], language)
            if known is not None:
                return known
    if not strong:
        return None
    if language == "ru":
        first = words[0]
        # Masculine city names take "-е" in the locative (Ашхабаде, Гааге is the exception).
        return first[:-1] if first.endswith("е") and len(first) > 4 else first
    return name.rstrip(".,")


def _dateline_place(text: str, language: str) -> str | None:
    """A dateline such as "Москва, 13 марта 2025 года" or "Jeddah, Saudi Arabia"."""
    from .dates import find_dates  # local: keeps this module importable on its own

    for date in reversed(find_dates(text, language)):
        text = text[: date.start] + " " + text[date.end :]
    text = re.sub(r"^\s*(?:г\.|город)\s*", "", text.strip(" \n,.;:"))
    first = re.split(r"[,\n;]|\s{2,}", text.strip(" ,"))[0].strip(" .")
    if not first:
        return None
    known = place_name(first, language)
    if known is not None:
        return known
    if language == "zh":
        for place in _places():
            if place.zh in text:
                return place.zh
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
    language = language if language in ("ru", "zh") else "en"
    if dateline:
        found = _dateline_place(text, language)
        if found is not None:
            return found
    for strong, table in ((True, _STRONG), (False, _WEAK)):
        for pattern in table[language]:
            for match in pattern.finditer(text):
                found = _base_form(match.group("name"), language, strong)
                if found is not None:
                    return found
    return None
