"""Weighted term vectors of units and the similarity measures alignment scores on.

Every unit of both documents becomes a bag of terms (:func:`docdiff.tokens.terms`:
Snowball stems for Russian and English, character bigrams for Chinese).  A
term's weight is ``(1 + log tf) * idf`` with ``idf = log(1 + N / df)``, where
``N`` counts the units of *both* documents and ``df`` the units holding the
term: words found in nearly every unit ("Стороны", "cooperation", "the Sides")
weigh about log 2, a word found in one unit of forty about log 41.  Vectors are
sparse dicts, L2-normalised; similarity is their cosine.

Candidate pairs come from an inverted index with *prefix filtering* (Bayardo,
Ma and Srikant, "Scaling up all pairs similarity search", WWW 2007): each right
vector indexes only its rarest terms, up to the point where the common tail
alone could not reach the threshold, so the very common words never fill a
posting list and the search stays near-linear in document size while still
finding every pair at or above the threshold.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from .normalize import fold_char
from .tokens import term_of, terms

__all__ = [
    "Space",
    "cosine",
    "fold_key",
    "structural_terms",
    "unit_terms",
]

Vector = dict[str, float]

_DIGITS = re.compile(r"\d+")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")
_SPACES = re.compile(r"\s+")
_FOLD_TABLE: dict[int, str] = {}
# The word alternative of docdiff.tokens' token pattern, and the Han ranges it excludes.
_WORD = re.compile(r"(?:[^\W_\u3400-\u9fff]|\d)+(?:[-‐‑'’.](?:[^\W_\u3400-\u9fff]|\d)+)*")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
# Sublinear term frequency, 1 + log tf, for the small counts units have.
_TF = [0.0] + [1.0 + math.log(n) for n in range(1, 64)]


def unit_terms(text: str, language: str) -> list[str]:
    """Exactly :func:`docdiff.tokens.terms`, faster for text without Han characters.

    Alignment computes the terms of every unit of both documents; without
    Han characters the terms are the keys of the word tokens alone, which
    one regular-expression pass finds.
    """
    if _HAN.search(text):
        return terms(text, language)
    return [term_of(word, language) for word in _WORD.findall(text)]


def _fold_table() -> dict[int, str]:
    if not _FOLD_TABLE:
        for code in range(0x20, 0x3100):
            char = chr(code)
            if char.isspace():
                continue
            folded = fold_char(char)
            if folded != char:
                _FOLD_TABLE[code] = folded
        for char in "\ufeff\ufe58\ufe63\uff02\uff0d":
            _FOLD_TABLE[ord(char)] = fold_char(char)
    return _FOLD_TABLE


def fold_key(text: str) -> str:
    """A fast grouping key equal to ``normalize(text, casefold=True).text`` for usual text.

    Used only to find candidate normalized matches quickly; the caller
    confirms each with :func:`docdiff.normalize.normalize`, so a rare
    difference between the two can cost a fast path, never a wrong result.
    """
    folded = unicodedata.normalize("NFC", text).translate(_fold_table())
    return _SPACES.sub(" ", folded).strip().casefold()


def structural_terms(label: str, text: str) -> list[str]:
    """Language-neutral keys of a unit: its label, its numbers and its Latin acronyms.

    Used when the two documents are in different languages, where words
    cannot match but numbering, figures, years and names such as "COP29"
    survive translation.
    """
    keys = [f"#{label}"]
    keys += [f"{int(d)}" for d in _DIGITS.findall(text) if len(d) < 12]
    keys += [f"@{a}" for a in _ACRONYM.findall(text)]
    return keys


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return min(1.0, sum(w * b.get(t, 0.0) for t, w in a.items()))


class Space:
    """Weighted term vectors for the units of two documents.

    ``left_counts[i]`` / ``right_counts[j]`` are term counts; ``left[i]`` /
    ``right[j]`` the normalised vectors.  The idf table is shared, so
    vectors of concatenated units (splits, merges) are comparable with the
    rest.
    """

    def __init__(self, left_terms: Sequence[Iterable[str]], right_terms: Sequence[Iterable[str]]) -> None:
        self.left_counts = [Counter(t) for t in left_terms]
        self.right_counts = [Counter(t) for t in right_terms]
        df: Counter[str] = Counter()
        for counts in self.left_counts:
            df.update(counts.keys())
        for counts in self.right_counts:
            df.update(counts.keys())
        total = len(self.left_counts) + len(self.right_counts)
        self.df = df
        self.idf = {t: math.log(1.0 + total / n) for t, n in df.items()}
        self.left = [self.vector(c) for c in self.left_counts]
        self.right = [self.vector(c) for c in self.right_counts]

    @classmethod
    def from_texts(cls, left: Sequence[str], right: Sequence[str], language: tuple[str, str]) -> Space:
        """Build the space from unit texts, with each side's language."""
        return cls([unit_terms(t, language[0]) for t in left], [unit_terms(t, language[1]) for t in right])

    def vector(self, counts: Counter[str]) -> Vector:
        """The normalised vector of a bag of term counts."""
        idf = self.idf
        raw = {t: (_TF[n] if n < 64 else 1.0 + math.log(n)) * idf[t] for t, n in counts.items()}
        norm = math.sqrt(sum(w * w for w in raw.values()))
        if norm == 0.0:
            return {}
        return {t: w / norm for t, w in raw.items()}

    def joined(self, side: str, indices: Sequence[int]) -> Vector:
        """The vector of the concatenation of several units of one side."""
        source = self.left_counts if side == "left" else self.right_counts
        total: Counter[str] = Counter()
        for i in indices:
            total.update(source[i])
        return self.vector(total)

    def contained(self, side: str, index: int, other: Sequence[int]) -> float:
        """Share of one unit's idf-weighted words also found in the units ``other`` of the other side.

        ``sum(idf * min(tf, tf_other)) / sum(idf * tf)``: 1.0 when every word
        of the unit occurs in the others (a piece cut out of them), low for
        a new clause that merely shares the common words.
        """
        mine = (self.left_counts if side == "left" else self.right_counts)[index]
        theirs_source = self.right_counts if side == "left" else self.left_counts
        theirs: Counter[str] = Counter()
        for i in other:
            theirs.update(theirs_source[i])
        idf = self.idf
        whole = sum(idf[t] * n for t, n in mine.items())
        if whole == 0.0:
            return 0.0
        shared = sum(idf[t] * min(n, theirs[t]) for t, n in mine.items() if t in theirs)
        return shared / whole

    def order(self, term: str) -> tuple[int, str]:
        """Global term order for prefix filtering: rarest first, then by spelling."""
        return (self.df[term], term)

    def candidates(
        self, lefts: Sequence[int], rights: Sequence[int], threshold: float
    ) -> list[tuple[int, int, float]]:
        """Every pair ``(i, j, cosine)`` of ``lefts`` x ``rights`` with cosine >= ``threshold``.

        Sorted by ``(i, j)``.  Exact, not approximate: a pair is missed only
        if it shares no indexed (rare) term, and then its cosine is provably
        below the threshold.
        """
        bound = max(threshold - 1e-9, 0.0)
        postings: dict[str, list[int]] = {}
        for j in rights:
            vec = self.right[j]
            ordered = sorted(vec, key=self.order)
            tail = 0.0
            cut = len(ordered)
            # Leave out of the index the longest tail of common terms whose
            # norm is below the threshold: it alone can never reach it.
            while cut > 0:
                w = vec[ordered[cut - 1]]
                if math.sqrt(tail + w * w) >= bound:
                    break
                tail += w * w
                cut -= 1
            for term in ordered[:cut]:
                postings.setdefault(term, []).append(j)
        found: list[tuple[int, int, float]] = []
        for i in lefts:
            vec = self.left[i]
            seen: set[int] = set()
            for term in vec:
                seen.update(postings.get(term, ()))
            for j in sorted(seen):
                score = cosine(vec, self.right[j])
                if score >= threshold:
                    found.append((i, j, score))
        return found
