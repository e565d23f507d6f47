"""Sentence alignment inside a pair of rewritten units.

Two re-drafted clauses are read sentence by sentence: each sentence of one
side is paired with the sentence (or two consecutive sentences) of the other
that says most nearly the same, or stands alone.  The alignment is monotone,
as in Gale and Church's aligner ("A program for aligning sentences in
bilingual corpora", 1993) and hunalign, which rewritten clauses nearly always
are within one clause; its score is the word overlap of the sentences (Dice
over content terms) instead of lengths, since both sides are in one language.
Steps are 1:1, 1:2, 2:1 (each only at or above ``sentence_pair_floor``),
1:0 and 0:1; the dynamic programme maximises the summed overlap above the
floor, so a weak pairing never displaces a good one.

A pair of sentences gets a word diff only when the diff keeps at least
``sentence_redline`` of their words: two different sentences are shown side
by side, never redlined.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Sentence
from ..options import RelateTuning
from ..result import Edit, Op, SentencePair
from ..text.inline import word_diff
from ..text.tokens import terms
from .evidence import function_keys

__all__ = ["align_sentences", "kept_share"]

# Two sentences taken together must beat the better of them alone by this
# much to be a 1:2 or 2:1 step: a split is claimed only when it explains more.
_MERGE_GAIN = 0.05


def _keys(text: str, language: str) -> frozenset[str]:
    skip = function_keys(language)
    return frozenset(k for k in terms(text, language) if k not in skip)


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    total = len(a) + len(b)
    return 2.0 * len(a & b) / total if total else 0.0


def kept_share(edits: Sequence[Edit], language: str) -> float:
    """Share of the words of both sides that a word diff keeps: ``2 * kept / (left + right)``."""
    kept = changed = 0
    for edit in edits:
        n = len(terms(edit.text, language))
        if edit.op is Op.EQUAL:
            kept += 2 * n
        else:
            changed += n
    total = kept + changed
    return kept / total if total else 1.0


def align_sentences(
    left: Sequence[Sentence], right: Sequence[Sentence], language: str, tuning: RelateTuning
) -> tuple[SentencePair, ...]:
    """The sentence alignment of two rewritten texts, in order; every sentence appears exactly once."""
    a = [_keys(s.text, language) for s in left]
    b = [_keys(s.text, language) for s in right]
    n, m = len(a), len(b)
    floor = tuning.sentence_pair_floor
    # best[i][j]: the best score of aligning left[:i] with right[:j]; step[i][j] how it was reached.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    step: list[list[tuple[int, int, float]]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            options: list[tuple[float, tuple[int, int, float]]] = []
            if i:
                options.append((best[i - 1][j], (1, 0, 0.0)))
            if j:
                options.append((best[i][j - 1], (0, 1, 0.0)))
            if i and j:
                score = _dice(a[i - 1], b[j - 1])
                if score >= floor:
                    options.append((best[i - 1][j - 1] + score - floor, (1, 1, score)))
                if j >= 2:
                    merged = _dice(a[i - 1], b[j - 2] | b[j - 1])
                    alone = max(_dice(a[i - 1], b[j - 2]), score)
                    if merged >= floor and merged >= alone + _MERGE_GAIN:
                        options.append((best[i - 1][j - 2] + merged - floor, (1, 2, merged)))
                if i >= 2:
                    merged = _dice(a[i - 2] | a[i - 1], b[j - 1])
                    alone = max(_dice(a[i - 2], b[j - 1]), score)
                    if merged >= floor and merged >= alone + _MERGE_GAIN:
                        options.append((best[i - 2][j - 1] + merged - floor, (2, 1, merged)))
            # Ties go to the first option listed, so the result is deterministic.
            best[i][j], step[i][j] = max(options, key=lambda o: o[0])
    out: list[SentencePair] = []
    i, j = n, m
    while i or j:
        di, dj, score = step[i][j]
        lefts, rights = tuple(range(i - di, i)), tuple(range(j - dj, j))
        edits: tuple[Edit, ...] = ()
        if lefts and rights:
            text_a = " ".join(left[k].text for k in lefts)
            text_b = " ".join(right[k].text for k in rights)
            diff = word_diff(text_a, text_b)
            if kept_share(diff, language) >= tuning.sentence_redline:
                edits = diff
        out.append(SentencePair(left=lefts, right=rights, similarity=round(score, 6), edits=edits))
        i, j = i - di, j - dj
    return tuple(reversed(out))
