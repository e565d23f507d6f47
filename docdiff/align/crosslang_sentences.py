"""Sentence alignment inside a pair of units in two languages: Gale-Church lengths plus shared evidence.

The sentences come split by the segmenter, with the sentence ends of each
language (its pack's ``sentence_marks``: 。！？； for Chinese).  Each sentence
gets the evidence keys of :func:`docdiff.align.crosslang.unit_evidence`
(concepts, figures, Latin names, commitment type), weighted by rarity among
the pair's sentences; a candidate pair of sentence groups scores

    ``EVIDENCE * dice + LENGTH * p_length``

with ``p_length`` the Gale-Church probability of the two lengths at the
ratio of the two units' lengths.  The monotone path of 1:1, 1:0, 0:1, 2:1
and 1:2 steps (:func:`docdiff.align.crosslang.monotone_path`) maximising the
scores less ``skip`` is the alignment; a sentence with no counterpart is a
1:0 or 0:1 step, which is what a ``missing`` divergence reports.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from attrs import frozen

from ..result import EvidenceKind, SentencePair
from .crosslang import KIND_WEIGHTS, length_probability, monotone_path, unit_evidence

__all__ = ["SentenceTuning", "align_sentences_across"]


@frozen
class SentenceTuning:
    """Weights of the sentence score (see the module docstring); ``variance`` as in Gale-Church.

    Length weighs twice the evidence: inside one pair, a sentence cut in two
    keeps its length and may lose its keys (a lexicon form found on one side).
    """

    evidence: float = 1.0
    length: float = 2.0
    skip: float = 0.5
    group: float = 0.1
    variance: float = 12.0


def align_sentences_across(
    left: Sequence[str],
    right: Sequence[str],
    languages: tuple[str, str],
    commitments: tuple[Sequence[str | None], Sequence[str | None]] = ((), ()),
    tune: SentenceTuning | None = None,
) -> tuple[SentencePair, ...]:
    """Pair the sentences ``left`` (in ``languages[0]``) with ``right`` (in ``languages[1]``), in order.

    ``commitments`` are the sentences' commitment types if known
    (``Sentence.commitment``), one per sentence.  Returns one
    :class:`~docdiff.result.SentencePair` per step, indices into ``left``
    and ``right``; a step with one side empty is a sentence with no
    counterpart.  ``similarity`` is the step's score over its maximum, in
    [0, 1]; ``edits`` stay empty (words of two languages are never diffed).
    """
    tune = tune or SentenceTuning()
    lc = list(commitments[0]) or [None] * len(left)
    rc = list(commitments[1]) or [None] * len(right)
    lkeys = [unit_evidence(t, languages[0], [c]) for t, c in zip(left, lc, strict=True)]
    rkeys = [unit_evidence(t, languages[1], [c]) for t, c in zip(right, rc, strict=True)]
    df: Counter[tuple[EvidenceKind, str]] = Counter()
    for keys in (*lkeys, *rkeys):
        df.update(keys)
    total = len(left) + len(right)
    weight = {k: KIND_WEIGHTS[k[0]] * math.log(1.0 + total / n) for k, n in df.items()}
    llen = [sum(1 for ch in t if not ch.isspace()) for t in left]
    rlen = [sum(1 for ch in t if not ch.isspace()) for t in right]
    totals = (sum(llen), sum(rlen))

    def union(keys: list[set[tuple[EvidenceKind, str]]], at: range) -> set[tuple[EvidenceKind, str]]:
        return set().union(*(keys[k] for k in at))

    def score(lefts: range, rights: range) -> float:
        a, b = union(lkeys, lefts), union(rkeys, rights)
        whole = sum(weight[k] for k in a) + sum(weight[k] for k in b)
        dice = 2.0 * sum(weight[k] for k in a & b) / whole if whole else 0.0
        la, lb = sum(llen[i] for i in lefts), sum(rlen[j] for j in rights)
        p_len = length_probability(la, lb, totals, tune.variance)
        return tune.evidence * dice + tune.length * p_len

    def allowed(lefts: range, rights: range) -> bool:
        # Unlike units, a sentence cut in two often leaves one piece with no
        # key of its own, or with a key the lexicon finds on one side only
        # ("技术" in 技术援助); lengths decide, at the cost of ``group``.
        return True

    most = tune.evidence + tune.length
    steps = monotone_path(len(left), len(right), score, allowed, tune.skip, tune.group)
    out = []
    for lefts, rights in steps:
        similarity = 0.0
        if lefts and rights:
            similarity = round(
                min(
                    1.0,
                    max(0.0, score(range(lefts[0], lefts[-1] + 1), range(rights[0], rights[-1] + 1)) / most),
                ),
                6,
            )
        out.append(SentencePair(left=lefts, right=rights, similarity=similarity))
    return tuple(out)
