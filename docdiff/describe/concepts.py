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

__all__ = ["Concept", "concept_lexicon", "concept_spans", "find_concepts", "literal_prefix"]


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


_META = frozenset("\\[](){}?*+|.^$")


def literal_prefix(form: str) -> str:
    """The characters every match of regular expression ``form`` starts with ("" when none is sure).

    A concept is looked for only in texts that contain one of its prefixes,
    so that a sentence runs the few forms that can match instead of all of
    them (a sentence search went from about 10 ms to well under 1 ms).
    """
    if "|" in form:
        return ""  # an alternation at the top level: no common start is sure
    out: list[str] = []
    for index, char in enumerate(form):
        if char in _META:
            break
        if index + 1 < len(form) and form[index + 1] in "?*{":
            break  # the character is optional: it is not sure to be there
        out.append(char)
    return "".join(out)


def _forms(language: str, exact: bool) -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    spaced = pack(language).spaced
    found = []
    for concept in concept_lexicon():
        for form in dict(concept.exact if exact else concept.forms).get(language, ()):
            found.append((concept.id, literal_prefix(form), re.compile(_wrap(form, spaced))))
    return tuple(found)


@functools.cache
def _compiled(language: str) -> tuple[tuple[tuple[str, str, re.Pattern[str]], ...], ...]:
    return (_forms(language, exact=False), _forms(language, exact=True))


@functools.lru_cache(maxsize=16384)
def find_concepts(text: str, language: str) -> tuple[str, ...]:
    """The sorted, unique ids of the concepts named in ``text``, a text in ``language``.

    Every concept is looked for on its own, so a longer form never hides
    another concept inside it or at the same place ("UN Security Council"
    names the Council and the UN).  A language the lexicon has no forms for
    finds nothing.  Results are cached (a sentence is read by the
    annotation, the relate stage and the ledger alike).
    """
    found: set[str] = set()
    folded = normalize(text, casefold=True).text
    plain = normalize(text).text
    for forms, subject in zip(_compiled(language), (folded, plain), strict=True):
        for concept, prefix, regex in forms:
            if concept not in found and prefix in subject and regex.search(subject) is not None:
                found.add(concept)
    return tuple(sorted(found))


def concept_spans(text: str, language: str) -> tuple[tuple[str, int, int], ...]:
    """``(id, start, end)`` of each concept's first mention in ``text``, in text order."""
    found: dict[str, tuple[int, int]] = {}
    for forms, normalized in zip(
        _compiled(language), (normalize(text, casefold=True), normalize(text)), strict=True
    ):
        subject = normalized.text
        for concept, prefix, regex in forms:
            if prefix not in subject:
                continue
            match = regex.search(subject)
            if match is not None:
                span = normalized.source_span(match.start(), match.end())
                if concept not in found or span < found[concept]:
                    found[concept] = span
    return tuple(sorted(((c, a, b) for c, (a, b) in found.items()), key=lambda x: (x[1], x[0])))
