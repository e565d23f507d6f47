"""Language-neutral concepts in a text: subject fields, organisations, initiatives, places.

The lexicon is ``lexicon/concepts.json`` (described in ``docs/concepts.md``):
one entry per concept, with an ``id``, a ``kind`` and its forms in every
language side by side, so that a sentence in Russian and its Chinese
counterpart carry the same ids.  Forms are matched on normalized, case-folded
text (as the formula lexicon is); ``exact`` forms (acronyms such as "AI",
"SCO", "UN", ordinary words when lower-cased) on normalized text without
case folding.  Each language has one compiled alternation per mode, so a
sentence is searched twice whatever the size of the lexicon.
"""

from __future__ import annotations

import functools
import re

from attrs import frozen

from ..lang import lexicon, pack
from ..text.normalize import normalize

__all__ = ["Concept", "concept_lexicon", "find_concepts"]


@frozen
class Concept:
    """One lexicon concept: ``id`` ("org.sco"), ``kind`` ("organisation") and forms by language."""

    id: str
    kind: str
    forms: tuple[tuple[str, tuple[str, ...]], ...]
    exact: tuple[tuple[str, tuple[str, ...]], ...] = ()


def _by_language(value: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        return ()
    return tuple(sorted((str(k), tuple(str(p) for p in v)) for k, v in value.items()))


@functools.cache
def concept_lexicon() -> tuple[Concept, ...]:
    """Every concept of ``lexicon/concepts.json``, in file order."""
    return tuple(
        Concept(str(c["id"]), str(c["kind"]), _by_language(c["forms"]), _by_language(c.get("exact")))
        for c in lexicon("concepts")["concepts"]
    )


def _wrap(pattern: str, spaced: bool) -> str:
    # Han script has no word boundaries; elsewhere a form must not match
    # inside a word ("ai" in "said", "sco" in "disco", "вто" in "второй").
    return rf"(?<!\w)(?:{pattern})(?!\w)" if spaced else f"(?:{pattern})"


def _alternation(language: str, exact: bool) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    spaced = pack(language).spaced
    groups: list[str] = []
    ids: list[str] = []
    for concept in concept_lexicon():
        forms = dict(concept.exact if exact else concept.forms).get(language, ())
        if forms:
            ids.append(concept.id)
            groups.append(f"(?P<c{len(ids) - 1}>" + "|".join(_wrap(f, spaced) for f in forms) + ")")
    if not groups:
        return None, ()
    return re.compile("|".join(groups)), tuple(ids)


@functools.cache
def _compiled(language: str) -> tuple[tuple[re.Pattern[str] | None, tuple[str, ...]], ...]:
    return (_alternation(language, exact=False), _alternation(language, exact=True))


def find_concepts(text: str, language: str) -> tuple[str, ...]:
    """The sorted, unique ids of the concepts named in ``text``, a text in ``language``.

    A language the lexicon has no forms for finds nothing.
    """
    found: set[str] = set()
    folded = normalize(text, casefold=True).text
    plain = normalize(text).text
    for (regex, ids), subject in zip(_compiled(language), (folded, plain), strict=True):
        if regex is None:
            continue
        position = 0
        while (match := regex.search(subject, position)) is not None:
            found.add(ids[int(str(match.lastgroup)[1:])])
            # Step one character on, not past the match, so a longer form
            # never hides a shorter concept inside it ("UN Security Council").
            position = match.start() + 1
    return tuple(sorted(found))
