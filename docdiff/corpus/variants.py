"""Which statements of a corpus use each lexicon formula, and in which wording.

For each formula of :func:`docdiff.phrases.formulas.formula_lexicon` and each
language, the matched wordings are grouped into *variants*: two wordings
are the same variant when they are equal after
``normalize(casefold=True)`` (typography and case never make a variant).
Variants are ordered by how many times they occur; the first, the most
common, is the base, and every other variant carries its word diff from it.

Formulas are looked for in the stored units (preamble and clauses), not at
index time: indexing for ranking stays fast, an opened index answers
without the original files, and the news envelope around a statement (the
reporter's words, not the parties') is left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..phrases.search import find_in_units, formula_lexicon
from ..text.inline import word_diff
from ..text.normalize import normalize
from .entry import Entry, Unit
from .types import FormulaHit, FormulaTable, FormulaUsage, Use, Variant

__all__ = [
    "FormulaHit",
    "FormulaTable",
    "FormulaUsage",
    "Use",
    "Variant",
    "find_hits",
    "formula_table",
]


def find_hits(items: Sequence[tuple[str, Sequence[Unit]]]) -> list[tuple[FormulaHit, ...]]:
    """The formulas found in each ``(language, units)`` statement (a picklable work function)."""
    out = []
    for language, units in items:
        found = find_in_units(language, [(u.label, u.text) for u in units])
        out.append(tuple(FormulaHit(o.id, o.label, o.text) for o in found))
    return out


def formula_table(entries: Sequence[Entry], hits: Sequence[Sequence[FormulaHit]]) -> FormulaTable:
    """Group the formulas found in ``entries`` (``hits[i]`` for entry ``i``) into variants."""
    # (formula, language) -> variant key -> list of (wording, Use), in corpus order.
    found: dict[tuple[str, str], dict[str, list[tuple[str, Use]]]] = {}
    for entry, entry_hits in zip(entries, hits, strict=True):
        for hit in entry_hits:
            key = normalize(hit.text, casefold=True).text
            found.setdefault((hit.id, entry.language), {}).setdefault(key, []).append(
                (hit.text, Use(entry.path, hit.label))
            )
    out: list[FormulaUsage] = []
    for formula in formula_lexicon():
        for language in sorted(lang for fid, lang in found if fid == formula.id):
            groups = found[(formula.id, language)]
            ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
            base = _wording(ordered[0][1])
            variants = []
            for number, (_, uses) in enumerate(ordered):
                wording = _wording(uses)
                edits = () if number == 0 else word_diff(base, wording)
                distinct = tuple(dict.fromkeys(u for _, u in uses))
                variants.append(Variant(wording, len(uses), distinct, edits))
            statements = len({u.path for _, uses in ordered for _, u in uses})
            out.append(FormulaUsage(formula.id, formula.name, language, statements, tuple(variants)))
    return FormulaTable(tuple(out))


def _wording(uses: Sequence[tuple[str, Use]]) -> str:
    """The variant's most frequent spelling as printed (ties: the first in sort order)."""
    counts: dict[str, int] = {}
    for text, _ in uses:
        counts[text] = counts.get(text, 0) + 1
    return min(counts, key=lambda text: (-counts[text], text))
