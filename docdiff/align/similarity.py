"""Weighted term vectors of units and the similarity measures alignment scores on.

Every unit of both documents becomes a bag of terms (:func:`docdiff.text.tokens.terms`:
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

import bisect
import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from ..text.normalize import fold_char
from ..text.tokens import terms

__all__ = [
    "Space",
    "cosine",
    "fold_key",
    "unit_terms",
]

Vector = dict[str, float]

_FOLD_TABLE: dict[int, str] = {}
# Sublinear term frequency, 1 + log tf, for the small counts units have.
_TF = [0.0] + [1.0 + math.log(n) for n in range(1, 64)]


def unit_terms(text: str, language: str) -> list[str]:
    """Exactly :func:`docdiff.text.tokens.terms` (kept as the name alignment uses)."""
    return terms(text, language)


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


@functools.cache
def _folder() -> Callable[[str], str]:
    """A function doing what ``str.translate(_fold_table())`` does, several times faster."""
    table = {chr(code): folded for code, folded in _fold_table().items()}
    pattern = re.compile("[" + re.escape("".join(sorted(table))) + "]")

    def replace(match: re.Match[str]) -> str:
        return table[match.group()]

    return functools.partial(pattern.sub, replace)


def fold_key(text: str) -> str:
    """A fast grouping key equal to ``normalize(text, casefold=True).text`` for usual text.

    Used only to find candidate normalized matches quickly; the caller
    confirms each with :func:`docdiff.text.normalize.normalize`, so a rare
    difference between the two can cost a fast path, never a wrong result.
    """
    # The same as str.translate with the fold table, several times faster on
    # Cyrillic text, where translate looks every character up.  str.split()
    # and \s agree on whitespace (both are str.isspace), so splitting and
    # joining collapses the runs and strips the ends as re.sub plus strip did.
    folded = _folder()(unicodedata.normalize("NFC", text))
    return " ".join(folded.split()).casefold()


def cosine(a: Vector, b: Vector) -> float:
    """Cosine of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return min(1.0, sum(w * b.get(t, 0.0) for t, w in a.items()))


class _Vectors:
    """Unit vectors of one side, computed on first use and shared by units of equal terms.

    Units paired by exact text never need a vector; repeated texts (look-alike
    clauses) share one.
    """

    def __init__(self, space: Space, bags: list[int]) -> None:
        self._space = space
        self.bags = bags

    def __len__(self) -> int:
        return len(self.bags)

    def __getitem__(self, index: int) -> Vector:
        return self._space.bag_vector(self.bags[index])


class Space:
    """Weighted term vectors for the units of two documents.

    ``left_counts[i]`` / ``right_counts[j]`` are term counts; ``left[i]`` /
    ``right[j]`` the normalised vectors.  The idf table is shared, so
    vectors of concatenated units (splits, merges) are comparable with the
    rest.  Units with the same terms share one *bag* (an index into
    ``bags``), so repeated text is weighed and compared once.
    """

    def __init__(self, left_terms: Sequence[Iterable[str]], right_terms: Sequence[Iterable[str]]) -> None:
        self.bags: list[Counter[str]] = []
        ids: dict[tuple[str, ...], int] = {}
        users: list[int] = []
        # Callers pass one list for units of equal text: its bag is known without hashing the terms.
        seen: dict[int, tuple[Iterable[str], int]] = {}

        def bag_of(found: Iterable[str]) -> int:
            known = seen.get(id(found))
            if known is not None and known[0] is found:
                bag = known[1]
            else:
                key = tuple(found)
                if key not in ids:
                    ids[key] = len(self.bags)
                    self.bags.append(Counter(key))
                    users.append(0)
                bag = ids[key]
                # The list is kept alive here, so its id cannot be reused for another.
                seen[id(found)] = (found, bag)
            users[bag] += 1
            return bag

        left_bags = [bag_of(t) for t in left_terms]
        right_bags = [bag_of(t) for t in right_terms]
        df: Counter[str] = Counter()
        seen_before = df.get
        for bag, n in zip(self.bags, users, strict=True):
            if n == 1:
                df.update(iter(bag))  # counted in C (an iterator, not a mapping: each term once)
            else:
                for term in bag:
                    df[term] = seen_before(term, 0) + n
        total = len(left_bags) + len(right_bags)
        self.df = df
        # Few distinct document frequencies: one logarithm each.
        logs = {n: math.log(1.0 + total / n) for n in set(df.values())}
        self.idf = dict(zip(df, map(logs.__getitem__, df.values()), strict=True))
        self.left_counts = [self.bags[b] for b in left_bags]
        self.right_counts = [self.bags[b] for b in right_bags]
        self._vectors: dict[int, Vector] = {}
        self._cosines: dict[tuple[int, int], float] = {}
        self._contained: dict[tuple[int, tuple[int, ...]], float] = {}
        self._weights: dict[int, float] = {}  # bag -> sum of idf * tf
        self.left = _Vectors(self, left_bags)
        self.right = _Vectors(self, right_bags)

    def bag_vector(self, bag: int) -> Vector:
        """The normalised vector of one bag, computed once."""
        found = self._vectors.get(bag)
        if found is None:
            found = self._vectors[bag] = self.vector(self.bags[bag])
        return found

    def similarity(self, i: int, j: int) -> float:
        """Cosine of left unit ``i`` and right unit ``j`` (cached per pair of bags)."""
        key = (self.left.bags[i], self.right.bags[j])
        found = self._cosines.get(key)
        if found is None:
            found = self._cosines[key] = cosine(self.bag_vector(key[0]), self.bag_vector(key[1]))
        return found

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
        # Cached per bags: alignment asks again and again about the same units.
        mine, theirs = (self.left, self.right) if side == "left" else (self.right, self.left)
        key = (mine.bags[index], tuple(theirs.bags[i] for i in other))
        found = self._contained.get(key)
        if found is None:
            found = self._contained[key] = self._contained_in(*key)
        return found

    def _contained_in(self, bag: int, others: tuple[int, ...]) -> float:
        mine = self.bags[bag]
        if len(others) == 1:
            theirs = self.bags[others[0]]
        else:
            theirs = Counter()
            for other in others:
                theirs.update(self.bags[other])
        idf = self.idf
        whole = self._weights.get(bag)
        if whole is None:
            whole = self._weights[bag] = sum(idf[t] * n for t, n in mine.items())
        if whole == 0.0:
            return 0.0
        shared = sum(idf[t] * min(n, theirs[t]) for t, n in mine.items() if t in theirs)
        return shared / whole

    def order(self, term: str) -> tuple[int, str]:
        """Global term order for prefix filtering: rarest first, then by spelling."""
        return (self.df[term], term)

    def _nearest(self, lefts: list[int], rights: list[int], near: int) -> list[tuple[int, int]]:
        """Pairs of units with the same bags on each side: each with its ``near`` nearest by position."""
        if len(lefts) * len(rights) <= near * near:
            return [(i, j) for i in lefts for j in rights]
        n, m = max(len(self.left), 1), max(len(self.right), 1)
        pairs: set[tuple[int, int]] = set()
        for mine, theirs, scale, flip in ((lefts, rights, m / n, False), (rights, lefts, n / m, True)):
            for unit in mine:
                # theirs is sorted: the nearest by relative position lie around the insertion point.
                at = bisect.bisect_left(theirs, unit * scale)
                here = unit * scale
                window = sorted((abs(x - here), x) for x in theirs[max(0, at - near) : at + near])
                pairs.update((x, unit) if flip else (unit, x) for _, x in window[:near])
        return sorted(pairs)

    def candidates(
        self, lefts: Sequence[int], rights: Sequence[int], threshold: float, near: int = 1 << 30
    ) -> list[tuple[int, int, float]]:
        """Every pair ``(i, j, cosine)`` of ``lefts`` x ``rights`` with cosine >= ``threshold``.

        Sorted by ``(i, j)``.  Exact, not approximate: a pair is missed only
        if it shares no indexed (rare) term, and then its cosine is provably
        below the threshold.  The one exception is deliberate: among units
        with identical terms (repeated text), each unit keeps only its
        ``near`` nearest look-alikes by relative position, so a document of
        many repeated clauses costs linear, not quadratic, time.
        """
        bound = max(threshold - 1e-9, 0.0)
        right_groups: dict[int, list[int]] = {}
        for j in rights:
            right_groups.setdefault(self.right.bags[j], []).append(j)
        left_groups: dict[int, list[int]] = {}
        for i in lefts:
            left_groups.setdefault(self.left.bags[i], []).append(i)
        postings: dict[str, list[int]] = {}
        for bag in right_groups:
            vec = self.bag_vector(bag)
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
                postings.setdefault(term, []).append(bag)
        found: list[tuple[int, int, float]] = []
        for left_bag, members in left_groups.items():
            vec = self.bag_vector(left_bag)
            seen: set[int] = set()
            for term in vec:
                seen.update(postings.get(term, ()))
            for right_bag in sorted(seen):
                score = cosine(vec, self.bag_vector(right_bag))
                if score >= threshold:
                    found += [(i, j, score) for i, j in self._nearest(members, right_groups[right_bag], near)]
        found.sort()
        return found
