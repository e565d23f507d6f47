"""TF-IDF weights over a corpus: idf, statement vectors and an inverted index.

A term's weight is ``tf * idf`` with BM25's idf,
``log((N - df + 0.5) / (df + 0.5) + 1)``, ``N`` the number of statements
and ``df`` the statements holding the term.  Vectors are L2-normalised and
compared by cosine.  Unlike :mod:`docdiff.align.similarity` (``1 + log tf``,
``log(1 + N / df)``, tuned for aligning the units of two documents), the
raw count is kept and a word found in every statement weighs almost
nothing: across statements, a partner's name repeated thirty times is what
tells one relationship from another (``docs/corpus.md`` has the figures).

The postings hold, for every term, the statements that use it (in corpus
order) with the term's normalised weight in each, so the cosine of a query
with every statement is one pass over the postings of the query's terms.

Determinism: every sum is taken in a fixed order (terms sorted, statements
in corpus order) or with :func:`math.fsum`, so a score does not depend on
which process computed it.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["Vector", "Weights"]

Vector = dict[str, float]


def _idf(total: int, df: int) -> float:
    """BM25's idf (Robertson-Sparck Jones with 0.5 smoothing, shifted to stay positive)."""
    return math.log((total - df + 0.5) / (df + 0.5) + 1.0)


class Weights:
    """Idf table, statement norms and postings of a corpus of term counts.

    ``counts[i]`` are statement ``i``'s ``(term, count)`` pairs sorted by term.
    """

    def __init__(self, counts: Sequence[Sequence[tuple[str, int]]]) -> None:
        df: Counter[str] = Counter()
        for pairs in counts:
            df.update(t for t, _ in pairs)
        total = len(counts)
        self.size = total
        self.idf: dict[str, float] = {t: _idf(total, df[t]) for t in sorted(df)}
        self._unknown = _idf(total, 1)
        docs: dict[str, array[int]] = {t: array("i") for t in self.idf}
        weights: dict[str, array[float]] = {t: array("d") for t in self.idf}
        for index, pairs in enumerate(counts):
            raw = [(t, n * self.idf[t]) for t, n in pairs]
            norm = math.sqrt(math.fsum(w * w for _, w in raw))
            if norm == 0.0:
                continue
            for t, w in raw:
                docs[t].append(index)
                weights[t].append(w / norm)
        self.docs = docs
        self.weights = weights

    def idf_of(self, term: str) -> float:
        """The idf of ``term``; a term no statement holds weighs as one held by a single statement."""
        return self.idf.get(term, self._unknown)

    def vector(self, counts: Mapping[str, int] | Iterable[tuple[str, int]]) -> Vector:
        """The normalised vector of term counts, keys in sorted order."""
        pairs = sorted(counts.items() if isinstance(counts, Mapping) else counts)
        raw = [(t, n * self.idf_of(t)) for t, n in pairs if n > 0]
        norm = math.sqrt(math.fsum(w * w for _, w in raw))
        if norm == 0.0:
            return {}
        return {t: w / norm for t, w in raw}

    def mass(self, terms: Iterable[str]) -> float:
        """The idf-weighted size of a bag of terms: ``sum(idf)`` over its words."""
        return math.fsum(sorted(self.idf_of(t) for t in terms))

    def scores(self, vector: Vector, after: int = -1) -> list[float]:
        """Cosine of ``vector`` with every statement (0.0 for statements up to ``after``).

        ``after`` skips the postings of statements ``<= after``, which halves
        the work of an all-pairs matrix computed as its upper triangle.
        """
        acc = [0.0] * self.size
        for term in sorted(vector):
            docs = self.docs.get(term)
            if docs is None:
                continue
            q = vector[term]
            ws = self.weights[term]
            if after >= 0:
                start = bisect_right(docs, after)
                docs, ws = docs[start:], ws[start:]
            for d, w in zip(docs, ws, strict=True):
                acc[d] += q * w
        return [min(1.0, s) for s in acc]

    def statement_vector(self, counts: Sequence[tuple[str, int]]) -> Vector:
        """The vector of a corpus statement (its counts are already in the idf table)."""
        return self.vector(counts)
