"""Rank the statements of a corpus by similarity to one statement.

Two stages (``docs/corpus.md`` gives the reasons and the measurements):

1. *Retrieve*: the query's TF-IDF vector (corpus idf) against every
   statement through the inverted index; the best :data:`CANDIDATES` (at
   least ``4 * k``) go on.
2. *Rerank* each candidate by its clause-level score: for every unit of the
   query, the best cosine with any unit of the candidate, averaged over the
   query's units weighted by their idf mass (a long, specific clause counts
   more than "The Sides held talks."), and the same the other way round; the
   two directions are averaged so that a candidate which merely contains
   the query among much else does not score as a copy of it.

The final score is ``CLAUSE * clause + COSINE * cosine + PARTIES * shared``,
where ``shared`` is the Jaccard overlap of the two statements' party codes:
statements of the same bilateral relationship are what an analyst compares
first, and text alone ranks a thematically close statement of another pair
of countries above them.  The weights sum to 1, so the score is in [0, 1].
"""

from __future__ import annotations

import math
import os
from collections import Counter
from collections.abc import Sequence

from attrs import frozen

from .entry import Entry, Unit
from .types import ClauseMatch, RankResult
from .weights import Vector, Weights

__all__ = ["CANDIDATES", "ClauseMatch", "RankResult", "Scoring", "rank_entries"]

#: How many statements the first stage passes to the rerank, at least.
CANDIDATES = 50
#: The least wording score (the clause and cosine parts of the score) for a
#: statement to be listed at all: below it, only figures and acronyms are shared.
MIN_WORDING = 0.01
#: How many best clause pairs a result lists.
PAIRS = 3


@frozen
class Scoring:
    """The weights of the final score's components; they must sum to 1."""

    clause: float = 0.5
    cosine: float = 0.4
    parties: float = 0.1

    def __attrs_post_init__(self) -> None:
        parts = (self.clause, self.cosine, self.parties)
        if min(parts) < 0.0 or abs(math.fsum(parts) - 1.0) > 1e-9:
            from ..errors import OptionsError

            raise OptionsError(f"scoring weights must be >= 0 and sum to 1, got {parts}")


class _Units:
    """The unit vectors of one statement, with an inverted index over them."""

    def __init__(self, units: Sequence[Unit], weights: Weights) -> None:
        self.labels = [u.label for u in units]
        self.vectors = [weights.vector(Counter(u.terms)) for u in units]
        self.masses = [weights.mass(u.terms) for u in units]
        postings: dict[str, list[tuple[int, float]]] = {}
        for index, vector in enumerate(self.vectors):
            for term, w in vector.items():
                postings.setdefault(term, []).append((index, w))
        self.postings = postings

    def best(self, vector: Vector) -> tuple[int, float]:
        """The index of this statement's unit most like ``vector``, and the cosine (-1 when none)."""
        acc = [0.0] * len(self.vectors)
        for term in sorted(vector):
            q = vector[term]
            for index, w in self.postings.get(term, ()):
                acc[index] += q * w
        if not acc:
            return -1, 0.0
        top = max(acc)
        return acc.index(top), min(1.0, top)


def _directed(source: _Units, target: _Units) -> tuple[float, list[tuple[int, int, float]]]:
    """Mass-weighted mean over ``source`` units of their best cosine in ``target``, and the matches."""
    matches = [(i, *target.best(v)) for i, v in enumerate(source.vectors)]
    total = math.fsum(source.masses)
    if total == 0.0:
        return 0.0, matches
    return math.fsum(m * s for m, (_, _, s) in zip(source.masses, matches, strict=True)) / total, matches


def _parties(a: Sequence[str], b: Sequence[str]) -> float:
    if not a or not b:
        return 0.0
    return len(set(a) & set(b)) / len(set(a) | set(b))


def _same_path(a: str, b: str) -> bool:
    if not a or not b:
        return False
    return a == b or os.path.realpath(a) == os.path.realpath(b)


def rank_entries(
    query: Entry,
    entries: Sequence[Entry],
    weights: Weights,
    k: int = 10,
    *,
    scoring: Scoring | None = None,
    candidates: int = CANDIDATES,
) -> tuple[RankResult, ...]:
    """The ``k`` statements of ``entries`` most like ``query``, best first; the query itself left out.

    A statement is the query itself when it has the same path or the same
    source text; a statement whose wording scores under :data:`MIN_WORDING`
    is not listed, so fewer than ``k`` may come back.  Ties are broken by path, so
    the order is deterministic.
    """
    if k < 1:
        return ()
    scoring = scoring or Scoring()
    cosines = weights.scores(weights.vector(query.counts))
    keep = [
        i for i, e in enumerate(entries) if e.digest != query.digest and not _same_path(e.path, query.path)
    ]
    keep.sort(key=lambda i: (-cosines[i], entries[i].path, i))
    chosen = keep[: max(candidates, 4 * k)]
    mine = _Units(query.units, weights)
    scored = []
    for i in chosen:
        entry = entries[i]
        theirs = _Units(entry.units, weights)
        forward, matches = _directed(mine, theirs)
        backward, _ = _directed(theirs, mine)
        clause = (forward + backward) / 2.0
        if scoring.clause * clause + scoring.cosine * cosines[i] < MIN_WORDING:
            # Next to no shared wording (another language, say: only figures
            # and acronyms match); shared parties alone do not make a
            # statement "like" the query.
            continue
        shared = _parties(query.parties, entry.parties)
        score = scoring.clause * clause + scoring.cosine * cosines[i] + scoring.parties * shared
        pairs = sorted((m for m in matches if m[1] >= 0 and m[2] > 0.0), key=lambda m: (-m[2], m[0]))
        scored.append(
            RankResult(
                path=entry.path,
                score=min(1.0, max(0.0, score)),
                title=entry.title,
                date=entry.date,
                parties=entry.parties,
                pairs=tuple(ClauseMatch(mine.labels[q], theirs.labels[c], s) for q, c, s in pairs[:PAIRS]),
                cosine=cosines[i],
                clause=clause,
            )
        )
    scored.sort(key=lambda r: (-r.score, r.path))
    return tuple(scored[:k])
