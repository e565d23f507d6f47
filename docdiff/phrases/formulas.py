"""Stock diplomatic formulas: where they occur, and how their wording changed.

Finding them (the lexicon, :func:`find_formulas`) is
:mod:`docdiff.phrases.search`, re-exported here; this module compares them.

A formula's *variant* is the sentence it occurs in.  :func:`compare_formulas`
pairs each variant of one document with its most similar variant of the
other (cosine of their word terms), diffs the best-matched pair and says
whether the right one is stronger: the lexicon's strength section gives
intensifiers ("firmly", "твердо", "坚定"), an ordered commitment scale (note
< welcome < support < commit) and negations ("do not", "не", "不") that
cancel the term they stand before; the variant with the higher level, or at
the same level with more intensifiers, is the stronger.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from attrs import field, frozen

from ..lang import has_pack, languages, pack
from ..model import Document, Paragraph
from ..options import PhraseTuning
from ..result import Edit, FormulaUse, Op, PhraseSide
from ..segment.sentences import split_sentences
from ..text.inline import merge_edits, word_diff
from ..text.normalize import normalize
from ..text.tokens import terms
from .search import (
    Formula,
    FormulaOccurrence,
    find_formulas,
    formula_lexicon,
    lexicon_data,
    regions,
)
from .search import clear_caches as clear_search_caches

__all__ = [
    "Formula",
    "FormulaOccurrence",
    "Strength",
    "clear_caches",
    "compare_formulas",
    "find_formulas",
    "formula_lexicon",
    "formula_strength",
]


@frozen(order=True)
class Strength:
    """How strongly a variant commits: a scale level (0 for none), then intensifiers.

    A negated scale term ("do not support", "не поддерживают", "不支持")
    counts for no level, and intensifiers inside the negated stretch count
    for nothing; ``negated`` says how many terms were negated (it does not
    take part in comparisons).
    """

    level: int
    intensifiers: int
    name: str | None = field(default=None, eq=False, order=False)
    negated: int = field(default=0, eq=False, order=False)


def _wrap(pattern: str, language: str) -> str:
    # Han script has no word boundaries; elsewhere patterns must not match
    # inside a word ("вто" in "второй", "sco" in "disco").
    return rf"(?<!\w)(?:{pattern})(?!\w)" if pack(language).spaced else f"(?:{pattern})"


# How far before a scale term a negation is looked for: PhraseTuning.negation_reach.
_NEGATION_REACH = PhraseTuning().negation_reach
# Without spaces (zh), a negation stands right before the verb, or before one
# modal ("不会支持", pack "negation_modals").


def _negation_pattern(languages: Sequence[str]) -> re.Pattern[str]:
    """A pattern that matches, at the end of the text before a scale term, a negation of it."""
    data = lexicon_data()["strength"]
    parts = []
    for lang in languages:
        words = "|".join(re.escape(w) for w in data["negations"].get(lang, ()))
        if not words:
            continue
        found = pack(lang)
        if not found.spaced:
            parts.append(f"(?:{words})(?:{found.negation_modals})?$")
            continue
        exceptions = "|".join(re.escape(w) for w in data["not_negations"].get(lang, ()))
        unless = rf"(?! (?:{exceptions})(?!\w))" if exceptions else ""
        # "n't" is glued to its verb ("don't"); the other negations are words.
        glued = re.escape(found.glued_negation) if found.glued_negation else ""
        start = rf"(?:(?<!\w)(?:{{0}})|{glued})" if glued else r"(?<!\w)(?:{0})"
        parts.append(start.format(words) + unless + r"(?: [\w-]+){0,2} $")
    return re.compile("|".join(parts) or "(?!)", re.IGNORECASE)


def _strength_matchers(
    formula_id: str | None, language: str
) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """The intensifier pattern, one pattern per scale level (index = level - 1) and the negation pattern.

    A language with a pack (shipped or added at run time) uses its own
    patterns; any other every known pack's.
    """
    return _strength_compiled(formula_id, (language,) if has_pack(language) else languages())


@functools.cache
def _strength_compiled(
    formula_id: str | None, languages: tuple[str, ...]
) -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...], re.Pattern[str]]:
    data = lexicon_data()["strength"]
    formula = next((f for f in formula_lexicon() if f.id == formula_id), None)
    boost = [(lang, p) for lang in languages for p in data["intensifiers"].get(lang, ())]
    extra: dict[str, list[tuple[str, str]]] = {}
    if formula is not None:
        boost += [(lang, p) for lang, ps in formula.intensifiers if lang in languages for p in ps]
        for name, lang, ps in formula.levels:
            if lang in languages:
                extra.setdefault(name, []).extend((lang, p) for p in ps)

    def compile_all(patterns: Sequence[tuple[str, str]]) -> re.Pattern[str]:
        # "(?!)" never matches: a level with no terms in this language.
        return re.compile("|".join(_wrap(p, lang) for lang, p in patterns) or "(?!)", re.IGNORECASE)

    levels = []
    for level in sorted(data["levels"], key=lambda entry: entry["level"]):
        patterns = [(lang, p) for lang in languages for p in level.get(lang, ())]
        levels.append(compile_all(patterns + extra.get(level["name"], [])))
    return compile_all(boost), tuple(levels), _negation_pattern(languages)


def formula_strength(
    text: str, language: str, formula_id: str | None = None, negation_reach: int = _NEGATION_REACH
) -> Strength:
    """How strongly ``text`` commits: the highest scale level named in it, and its intensifiers.

    A scale term with a negation just before it ("do not support", "не
    поддерживают", "不支持") is not counted, nor are intensifiers between the
    negation and the term ("do not fully support").  A negation counts within
    ``negation_reach`` characters before the term (``PhraseTuning.negation_reach``).
    """
    folded = normalize(text, casefold=True).text
    boost, levels, negation = _strength_matchers(formula_id, language)
    names = [
        entry["name"] for entry in sorted(lexicon_data()["strength"]["levels"], key=lambda e: e["level"])
    ]
    level, negated = 0, []
    for k, pattern in enumerate(levels, 1):
        for match in pattern.finditer(folded):
            denial = negation.search(folded, max(0, match.start() - negation_reach), match.start())
            if denial is not None:
                negated.append((denial.start(), match.end()))
            else:
                level = max(level, k)
    intensifiers = sum(1 for m in boost.finditer(folded) if not any(a <= m.start() < b for a, b in negated))
    return Strength(level, intensifiers, names[level - 1] if level else None, len(negated))


class _Side:
    """A document with its formula occurrences, and the sentences of its regions when first needed.

    Only the sentences that hold an occurrence are ever read: a paragraph's
    sentences are split on first read (:class:`docdiff.model.Paragraph`),
    and most paragraphs hold no formula.
    """

    __slots__ = ("_paragraphs", "_sentences", "by_id", "document", "found", "regions", "starts")

    def __init__(self, document: Document) -> None:
        self.document = document
        self.found = find_formulas(document)
        self.by_id: dict[str, list[FormulaOccurrence]] = {}
        for o in self.found:
            self.by_id.setdefault(o.id, []).append(o)
        # In source order and disjoint (the parts of a document do not overlap).
        self.regions = list(regions(document))
        self.starts = [r[1] for r in self.regions]
        self._paragraphs: dict[tuple[int, int], Paragraph] | None = None
        self._sentences: dict[int, list[tuple[str, int, int]]] = {}

    def _region_sentences(self, k: int) -> list[tuple[str, int, int]]:
        """``(label, start, end)`` of the sentences of region ``k``."""
        found = self._sentences.get(k)
        if found is not None:
            return found
        if self._paragraphs is None:
            self._paragraphs = {
                (p.span.start, p.span.end): p for u in self.document.units for p in u.paragraphs
            }
        label, start, end = self.regions[k]
        paragraph = self._paragraphs.get((start, end))
        if paragraph is not None and paragraph.sentences:
            found = [(label, s.span.start, s.span.end) for s in paragraph.sentences]
        else:
            spans = split_sentences(self.document.source[start:end], self.document.language, start)
            found = [(label, s, e) for s, e in spans]
        self._sentences[k] = found
        return found

    def sentences_over(self, start: int, end: int) -> list[tuple[str, int, int]]:
        """The sentences overlapping ``[start, end)``, in source order."""
        first = stop = bisect.bisect_right(self.starts, start)
        # Regions starting before ``start`` may still overlap it.
        while first > 0 and self.regions[first - 1][2] > start:
            first -= 1
        while stop < len(self.regions) and self.regions[stop][1] < end:
            stop += 1
        return [
            s for k in range(first, stop) for s in self._region_sentences(k) if s[1] < end and start < s[2]
        ]


def _variants(side: _Side, occurrences: Sequence[FormulaOccurrence]) -> tuple[PhraseSide, ...]:
    """The sentences holding ``occurrences``, each once, in source order."""
    spans: dict[tuple[str, int, int], None] = {}
    for o in occurrences:
        hits = side.sentences_over(o.start, o.end) or [(o.label, o.start, o.end)]
        spans[(hits[0][0], min(h[1] for h in hits), max(h[2] for h in hits))] = None
    ordered = sorted(spans, key=lambda s: (s[1], s[2]))
    source = side.document.source
    return tuple(PhraseSide(label, s, e, source[s:e]) for label, s, e in ordered)


def _bag(text: str, language: str) -> tuple[Counter[str], float]:
    bag = Counter(terms(text, language))
    return bag, math.sqrt(sum(n * n for n in bag.values()))


def _cosine(a: tuple[Counter[str], float], b: tuple[Counter[str], float]) -> float:
    (x, x_norm), (y, y_norm) = a, b
    if not x_norm or not y_norm:
        return 0.0
    if len(x) > len(y):
        x, y = y, x
    return sum(n * y[t] for t, n in x.items() if t in y) / (x_norm * y_norm)


def _best_pair(
    left: Sequence[PhraseSide], right: Sequence[PhraseSide], languages: tuple[str, str]
) -> tuple[int, int]:
    """Indexes of the most similar left and right variants (cosine of their terms).

    Each left variant meets its most similar right variant; the best of those
    pairs wins, the earliest on ties (so with nothing in common, as across
    languages, the first variants).  Identical texts are weighed once.
    """
    bags: dict[tuple[str, str], tuple[Counter[str], float]] = {}

    def bag(side: int, text: str) -> tuple[Counter[str], float]:
        found = bags.get((languages[side], text))
        if found is None:
            found = bags[(languages[side], text)] = _bag(text, languages[side])
        return found

    scores: dict[tuple[str, str], float] = {}
    best, best_at = -1.0, (0, 0)
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            score = scores.get((a.text, b.text))
            if score is None:
                score = scores[(a.text, b.text)] = _cosine(bag(0, a.text), bag(1, b.text))
            # Round so that float noise never decides between equal texts.
            if round(score, 9) > best:
                best, best_at = round(score, 9), (i, j)
                if best >= 1.0:
                    # No later pair can score higher (mostly an unchanged sentence).
                    return best_at
    return best_at


def _direction(
    left: PhraseSide, right: PhraseSide, formula_id: str, sides: tuple[Document, Document], reach: int
) -> str:
    left_doc, right_doc = sides
    if left.text == right.text and left_doc.language == right_doc.language:
        return "same"  # the usual case: the sentence did not change
    a = formula_strength(left.text, left_doc.language, formula_id, reach)
    b = formula_strength(right.text, right_doc.language, formula_id, reach)
    return "stronger" if b > a else "weaker" if b < a else "same"


def _use(formula_id: str, left: _Side, right: _Side, reach: int) -> FormulaUse:
    lv = _variants(left, left.by_id.get(formula_id, ()))
    rv = _variants(right, right.by_id.get(formula_id, ()))
    if lv and rv:
        i, j = _best_pair(lv, rv, (left.document.language, right.document.language))
        edits = word_diff(lv[i].text, rv[j].text)
        sides = (left.document, right.document)
        direction: str | None = _direction(lv[i], rv[j], formula_id, sides, reach)
    else:
        edits = (Edit(Op.DELETE, lv[0].text),) if lv else (Edit(Op.INSERT, rv[0].text),)
        direction = None
    return FormulaUse(id=formula_id, left=lv, right=rv, edits=edits, direction=direction)


def _units(document: Document) -> tuple[object, ...]:
    return tuple((u.label, tuple((p.span.start, p.span.end) for p in u.paragraphs)) for u in document.units)


# The order of documents: by source, language, units, then regions.
_KEY_PARTS: tuple[Callable[[Document], Any], ...] = (
    lambda d: d.source,
    lambda d: d.language,
    _units,
    lambda d: tuple(regions(d)),
)


def _after(left: Document, right: Document) -> bool:
    """Whether ``left`` orders after ``right``, each part built only when the ones before tie.

    The parts compare as a tuple of them would; most pairs differ in source.
    """
    for part in _KEY_PARTS:
        a, b = part(left), part(right)
        if a != b:
            return bool(a > b)
    return False


_MIRROR = {"stronger": "weaker", "weaker": "stronger", "same": "same"}


def compare_formulas(
    left: Document, right: Document, tuning: PhraseTuning | None = None
) -> tuple[FormulaUse, ...]:
    """One :class:`FormulaUse` per formula found in either document, in lexicon order.

    ``left``/``right`` are the sentences holding the formula (its variants);
    ``edits`` diff the best-matched pair of variants, the left and right
    sentences most alike in wording (one deletion or insertion when only one
    side has the formula); ``direction`` is ``"stronger"``, ``"weaker"`` or
    ``"same"`` for that right variant against that left one, and ``None``
    when only one side has the formula (``tuning.negation_reach`` decides
    which negations count).  Swapping the documents mirrors the result exactly.
    """
    if _after(left, right):
        return tuple(_mirror(use) for use in compare_formulas(right, left, tuning))
    reach = (tuning or PhraseTuning()).negation_reach
    a, b = _Side(left), _Side(right)
    return tuple(_use(f.id, a, b, reach) for f in formula_lexicon() if f.id in a.by_id or f.id in b.by_id)


def _mirror(use: FormulaUse) -> FormulaUse:
    swap = {Op.EQUAL: Op.EQUAL, Op.DELETE: Op.INSERT, Op.INSERT: Op.DELETE}
    return FormulaUse(
        id=use.id,
        left=use.right,
        right=use.left,
        edits=merge_edits(Edit(swap[e.op], e.text) for e in use.edits),
        direction=None if use.direction is None else _MIRROR[use.direction],
    )


def clear_caches() -> None:
    """Forget the compiled strength patterns and what the formula search keeps (see :mod:`.search`)."""
    _strength_compiled.cache_clear()
    clear_search_caches()
