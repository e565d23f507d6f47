"""Finding stock diplomatic formulas: the lexicon and where its formulas occur.

The lexicon (``docdiff/lang/lexicon/formulas.json``, documented in
``docs/phrases.md``) lists recurring formulas ("one China", "Belt and Road",
"rules-based international order") with regular expressions per language,
matched against normalized, case-folded text so that typography never hides
a formula; every match is mapped back to an exact span of the source.
:mod:`docdiff.phrases.formulas` compares the occurrences of two documents.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from attrs import field, frozen

from ..lang import has_pack, lexicon, pack
from ..model import Clause, Document, Metadata, Paragraph, Span
from ..result import FormulaOccurrence
from ..text.normalize import Normalized, fold_char, normalize

__all__ = [
    "Formula",
    "FormulaOccurrence",
    "clear_caches",
    "find_formulas",
    "find_in_units",
    "formula_lexicon",
    "lexicon_data",
    "regions",
]


def _patterns(value: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    items = value.items() if isinstance(value, dict) else value
    return tuple((str(lang), tuple(str(p) for p in ps)) for lang, ps in items)  # type: ignore[attr-defined]


def _levels(value: object) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    return tuple((str(n), str(lang), tuple(ps)) for n, lang, ps in value)  # type: ignore[attr-defined]


@frozen
class Formula:
    """One lexicon formula.

    ``patterns`` holds ``(language, regexes)`` pairs, ``levels`` the
    formula's own additions to the commitment scale as ``(level name,
    language, regexes)`` and ``intensifiers`` its own intensifiers as
    ``(language, regexes)``.
    """

    id: str
    name: str
    description: str
    patterns: tuple[tuple[str, tuple[str, ...]], ...] = field(converter=_patterns)
    intensifiers: tuple[tuple[str, tuple[str, ...]], ...] = field(default=(), converter=_patterns)
    levels: tuple[tuple[str, str, tuple[str, ...]], ...] = field(default=(), converter=_levels)

    def patterns_for(self, language: str) -> tuple[str, ...]:
        """The regexes for ``language``; every language's for one without a pack (shipped or added)."""
        if not has_pack(language):
            return tuple(p for _, ps in self.patterns for p in ps)
        return next((ps for lang, ps in self.patterns if lang == language), ())


@functools.cache
def lexicon_data() -> dict[str, Any]:
    """The parsed lexicon file (read once)."""
    return lexicon("formulas")


@functools.cache
def formula_lexicon() -> tuple[Formula, ...]:
    """Every formula of the lexicon, in lexicon order."""
    out = []
    for entry in lexicon_data()["formulas"]:
        strength = entry.get("strength", {})
        levels = tuple(
            (name, lang, tuple(ps))
            for name, by_lang in sorted(strength.get("levels", {}).items())
            for lang, ps in sorted(by_lang.items())
        )
        out.append(
            Formula(
                entry["id"],
                entry["name"],
                entry["description"],
                entry["patterns"],
                strength.get("intensifiers", {}),
                levels,
            )
        )
    return tuple(out)


def _matchers(formula_id: str, language: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """:func:`_compiled`, keyed by whether ``language`` has a pack now (one may be added at run time)."""
    return _compiled(formula_id, language, has_pack(language))


@functools.cache
def _compiled(formula_id: str, language: str, known: bool) -> tuple[tuple[re.Pattern[str], bool], ...]:
    r"""One compiled alternation per pattern language, with whether it needs a word start.

    A language with a pack (``known``) has its own patterns only; any other
    language is searched with every language's.

    The word-start check is done in code, not by a leading ``(?<!\w)``: a
    pattern that opens with a lookbehind loses the regex engine's first-character
    scan and runs about seven times slower.
    """
    formula = next(f for f in formula_lexicon() if f.id == formula_id)
    out = []
    for lang, patterns in formula.patterns:
        if patterns and (language == lang or not known):
            spaced = pack(lang).spaced
            tail = r"(?!\w)" if spaced else ""
            alternation = "|".join(f"(?:{p}){tail}" for p in patterns)
            out.append((re.compile(alternation), spaced))
    return tuple(out)


_WORD_CHAR = re.compile(r"\w")


def _matches(pattern: re.Pattern[str], text: str, word_start: bool) -> Iterator[tuple[int, int]]:
    at = 0
    while match := pattern.search(text, at):
        start, end = match.span()
        if end == start or (word_start and start and _WORD_CHAR.match(text, start - 1)):
            at = start + 1
            continue
        yield start, end
        at = end


def _gap(source: str, label: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The text of a unit outside its paragraphs (a heading: "Advancing a Free and Open
    Indo-Pacific"), trimmed, as a region; none when it holds no letter."""
    text = source[start:end]
    if not any(c.isalpha() for c in text):
        return []
    lead = len(text) - len(text.lstrip())
    return [(label, start + lead, start + len(text.rstrip()))]


def regions(document: Document) -> Iterator[tuple[str, int, int]]:
    """``(label, start, end)`` of every stretch of text formulas are looked for in, in source order.

    The envelope, title, dateline and closing blocks, and each unit's
    paragraphs and any heading inside the unit's span.
    """
    regions = [("envelope", b.span.start, b.span.end) for b in document.envelope]
    for name, block in (("title", document.title), ("dateline", document.dateline)):
        if block is not None:
            regions.append((name, block.span.start, block.span.end))
    for unit in document.units:
        at = unit.span.start
        for paragraph in unit.paragraphs:
            regions += _gap(document.source, unit.label, at, paragraph.span.start)
            regions.append((unit.label, paragraph.span.start, paragraph.span.end))
            at = max(at, paragraph.span.end)
        regions += _gap(document.source, unit.label, at, unit.span.end)
    regions += [("closing", b.span.start, b.span.end) for b in document.closing]
    regions.sort(key=lambda r: (r[1], r[2]))
    yield from regions


def find_formulas(document: Document) -> tuple[FormulaOccurrence, ...]:
    """Every lexicon formula occurring in ``document``, by start, then lexicon order."""
    return _find_cached(document)


def find_in_units(language: str, units: Sequence[tuple[str, str]]) -> tuple[FormulaOccurrence, ...]:
    """Every lexicon formula in the ``(label, text)`` units of a ``language`` statement (no envelope).

    What the corpus looks for in the units it stores: a unit's text is its
    paragraphs joined by a blank line (``Clause.text``), and the search runs
    over each paragraph where it was; offsets are into the units' texts
    joined by blank lines.
    """
    return find_formulas(_units_document(language, units)) if units else ()


def _units_document(language: str, units: Sequence[tuple[str, str]]) -> Document:
    source_parts: list[str] = []
    clauses = []
    offset = 0
    for ordinal, (label, unit_text) in enumerate(units, 1):
        paragraphs = []
        for text in unit_text.split("\n\n"):
            if offset:
                source_parts.append("\n\n")
                offset += 2
            paragraphs.append(Paragraph(Span(offset, offset + len(text)), text))
            source_parts.append(text)
            offset += len(text)
        span = Span(paragraphs[0].span.start, paragraphs[-1].span.end)
        clauses.append(Clause(label, ordinal, span, paragraphs))
    return Document("".join(source_parts), Metadata(language), clauses)


# compare() asks for the formulas of the same two documents twice (phrases
# and formula uses), and normalizing a statement is the costly part, so the
# last few results are kept.  Hashing a Document reads neither sentences nor
# annotation (docdiff.model hashes paragraphs by span, text and label), so
# this is a plain LRU cache; lru_cache is safe under a thread pool.
@functools.lru_cache(maxsize=8)
def _find_cached(document: Document) -> tuple[FormulaOccurrence, ...]:
    return _find(document)


def clear_caches() -> None:
    """Forget what the formula search keeps between calls; results are the same with or without it.

    The search keeps the last few documents' results, the matches of every
    paragraph text it has seen (bounded) and the patterns compiled from the
    lexicon data (:func:`lexicon_data`, read once).  Call this after changing
    that data at run time, or to
    time the work rather than the caches (the benchmarks do).
    ``docdiff.pipeline.clear_caches`` clears these and every other stage's.
    """
    _find_cached.cache_clear()
    _SEEN.clear()
    for cached in (formula_lexicon, _compiled, _ranks):
        cached.cache_clear()


class _Folded:
    """Case-folded text of a region whose characters fold one to one, with a map back.

    Equal to ``normalize(text, casefold=True)`` on such text (see
    :func:`_fold`), but built with ``str.casefold`` or ``str.translate``
    instead of a loop over every character: statements are long, and this is
    the costly part of finding formulas.  The map back is built on first use
    (most regions hold no formula): ``folded[k]`` and ``sources[k]`` are
    where the ``k``-th run of non-space characters starts in the folded text
    and in the source; one space between runs stands for the whitespace
    between them.
    """

    __slots__ = ("_folded", "_sources", "offset", "source", "text")

    def __init__(self, text: str, source: str, offset: int) -> None:
        self.text = text
        self.source = source
        self.offset = offset
        self._folded: list[int] = []
        self._sources: list[int] = []

    def _map(self) -> tuple[list[int], list[int]]:
        if not self._folded:
            at = 0
            for match in _NON_SPACE.finditer(self.source):
                start, end = match.span()
                self._folded.append(at)
                self._sources.append(start + self.offset)
                at += end - start + 1
        return self._folded, self._sources

    def _at(self, index: int) -> tuple[int, int]:
        """Source start and end of folded character ``index``."""
        folded, sources = self._map()
        k = bisect.bisect_right(folded, index) - 1
        inside = index - folded[k]
        if k + 1 < len(folded) and index == folded[k + 1] - 1:
            # The single space standing for the whitespace run before chunk k + 1.
            run_start = sources[k] + inside
            return run_start, sources[k + 1]
        return sources[k] + inside, sources[k] + inside + 1

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the folded range ``[start, end)`` (non-empty) back to a source range."""
        return self._at(start)[0], self._at(end - 1)[1]


_NON_SPACE = re.compile(r"\S+")


@functools.cache
def _one_to_one(char: str) -> str | None:
    """The folded, case-folded form of ``char`` when it is one character and not a space."""
    if unicodedata.combining(char) or char.isspace():
        return None
    folded = fold_char(char).casefold()
    return folded if len(folded) == 1 and not folded.isspace() else None


# Characters seen so far that are whitespace or fold to their own casefold():
# a text of only these folds with one str.casefold() (which, unlike
# str.lower(), maps each character on its own: no final-sigma rule).
_PLAIN: set[str] = set()


def _fold(text: str, offset: int) -> Normalized | _Folded:
    """``normalize(text, casefold=True, offset=offset)``, quickly when every character folds 1:1."""
    chars = set(text)
    new = chars - _PLAIN
    translate = False
    for char in new:
        if char.isspace():
            _PLAIN.add(char)
            continue
        folded = _one_to_one(char)
        if folded is None:
            return normalize(text, casefold=True, offset=offset)
        if folded == char.casefold():
            _PLAIN.add(char)
        else:
            translate = True
    # str.split() and the \S+ runs of _NON_SPACE cut at the same whitespace.
    words = " ".join(text.split())
    if not translate:
        return _Folded(words.casefold(), text, offset)
    table = {ord(c): f for c in chars if not c.isspace() and (f := _one_to_one(c)) != c}
    return _Folded(words.translate(table), text, offset)


# The matches in a region's text, by language and text: paragraphs repeat
# within a statement (boilerplate, sections) and across the two statements
# of a comparison (a revision keeps most of them), and each distinct text is
# matched once.  Forgotten all at once past this many texts.
_SEEN_LIMIT = 4096
_SEEN: dict[str, dict[str, list[tuple[int, int, str]]]] = {}


def _seen(language: str) -> dict[str, list[tuple[int, int, str]]]:
    seen = _SEEN.get(language)
    if seen is None or len(seen) > _SEEN_LIMIT:
        seen = _SEEN[language] = {}
    return seen


def _find(document: Document) -> tuple[FormulaOccurrence, ...]:
    found: list[tuple[int, int, FormulaOccurrence]] = []
    language = document.language
    # Every pattern, in lexicon order, with its formula.
    patterns = [
        (formula.id, pattern, word_start)
        for formula in formula_lexicon()
        for pattern, word_start in _matchers(formula.id, language)
    ]
    rank = _ranks()
    source = document.source
    seen = _seen(language)
    for label, start, end in regions(document):
        text = source[start:end]
        matches = seen.get(text)
        if matches is None:
            matches = []
            folded = _fold(text, 0)
            for formula_id, pattern, word_start in patterns:
                # Most patterns find nothing in most regions: one search says so.
                if pattern.search(folded.text) is None:
                    continue
                for m_start, m_end in _matches(pattern, folded.text, word_start):
                    s, e = folded.source_span(m_start, m_end)
                    matches.append((s, e, formula_id))
            seen[text] = matches
        for s, e, formula_id in matches:
            occurrence = FormulaOccurrence(
                formula_id, label, start + s, start + e, source[start + s : start + e]
            )
            found.append((start + s, rank[formula_id], occurrence))
    found.sort(key=lambda item: (item[0], item[1], item[2].end))
    return tuple(item[2] for item in found)


@functools.cache
def _ranks() -> dict[str, int]:
    return {f.id: rank for rank, f in enumerate(formula_lexicon())}
