"""What a unit or a sentence says that is specific enough to relate it to another: its evidence bag.

A bag holds weighted keys of four kinds, each prefixed so they never collide:

* content terms (``t:``): :func:`docdiff.text.tokens.terms` keys without the
  language pack's function words, digits and keys of fewer than three
  characters; the parts of a hyphenated compound count too ("NASA-ISRO"
  shares "nasa" with "NASA");
* concepts (``c:``): the lexicon concept ids of the sentences
  (:attr:`docdiff.model.Sentence.concepts`), which name the same subject in
  other words ("semiconductor" / "chips"), counted ``concept_weight`` times;
* figures (``n:``): numbers of two digits or more (years, sums, counts);
* names (``a:``): acronyms and mixed-case names (NASA, iCET, INDUS-X) as written.

Weights are ``(1 + log tf) * idf ** 2`` with ``idf = log(1 + N / df)`` over
the units (or sentences) of *both* documents: squaring the idf is what
makes two re-drafted texts meet on their rare words (a programme's name, a
field's specific vocabulary) rather than on the language of every clause
("the leaders", "cooperation", "welcome").
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..lang import pack
from ..model import Sentence
from ..result import Evidence, EvidenceKind
from ..text.tokens import term_of, terms

__all__ = ["Bags", "bag_of", "evidence_of", "function_keys", "people_keys", "surface_words"]

_FIGURE = re.compile(r"(?<![\w.,])\d{2,}(?:[.,]\d+)*(?![\w])")
# Acronyms (two capitals or more, digits allowed) and mixed-case names
# (iCET, INDUS-X): a capital after the first letter.
_NAME = re.compile(r"(?<!\w)(?:[A-Z][A-Z0-9]+|[a-z]+[A-Z][A-Za-z0-9]*)(?:-[A-Z0-9][A-Za-z0-9]*)*(?!\w)")
_KINDS = {"t": EvidenceKind.TERM, "c": EvidenceKind.CONCEPT, "n": EvidenceKind.FIGURE, "a": EvidenceKind.NAME}
Vector = dict[str, float]


@functools.cache
def function_keys(language: str) -> frozenset[str]:
    """Term keys (and folded forms) of the language pack's function words."""
    words = pack(language).function_words
    return frozenset(term_of(w, language) for w in words) | frozenset(w.casefold() for w in words)


def people_keys(names: Iterable[str], language: str) -> frozenset[str]:
    """``t:`` keys of the signatories' names and roles: who signs is not what a clause is about."""
    return frozenset("t:" + k for name in names for k in terms(name, language))


def bag_of(
    text: str,
    concepts: Iterable[str],
    language: str,
    concept_weight: int,
    skip: frozenset[str] = frozenset(),
) -> Counter[str]:
    """The evidence keys of ``text`` (a unit or a sentence) and their counts; ``skip`` keys left out.

    A subject-field concept ("field.trade") counts once, a specific one
    (an organisation, an initiative, a place) ``concept_weight`` times.
    """
    function = function_keys(language)
    out: Counter[str] = Counter()
    for key in terms(text, language):
        if key in function or key.isdigit():
            continue
        if len(key) >= 3 or not key.isascii():
            out["t:" + key] += 1
        if "-" in key:
            for part in key.split("-"):
                if len(part) >= 4 and part not in function and not part.isdigit():
                    out["t:" + part] += 1
    for concept in concepts:
        out["c:" + concept] += 1 if concept.startswith("field.") else concept_weight
    out.update("n:" + n.replace(",", "") for n in _FIGURE.findall(text))
    out.update("a:" + a for a in _NAME.findall(text))
    for key in skip & out.keys():
        del out[key]
    return out


class Bags:
    """Evidence vectors of the units (or sentences) of two documents, weighted over both.

    ``left[i]`` / ``right[j]`` are L2-normalised sparse vectors; :meth:`cosine`
    compares them, :meth:`shared` lists what two of them share, heaviest first.
    """

    def __init__(self, left: Sequence[Counter[str]], right: Sequence[Counter[str]]) -> None:
        total = len(left) + len(right)
        df: Counter[str] = Counter()
        for bag in (*left, *right):
            df.update(bag.keys())
        self.idf = {k: math.log(1.0 + total / n) ** 2 for k, n in df.items()}
        self.left = [self._vector(b) for b in left]
        self.right = [self._vector(b) for b in right]

    def _vector(self, bag: Counter[str]) -> Vector:
        weights = {k: (1.0 + math.log(n)) * self.idf[k] for k, n in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {k: w / norm for k, w in weights.items()}

    def cosine(self, i: int, j: int) -> float:
        """Cosine of left vector ``i`` and right vector ``j``."""
        a, b = self.left[i], self.right[j]
        if len(a) > len(b):
            a, b = b, a
        return min(1.0, sum(w * b.get(k, 0.0) for k, w in a.items()))

    def shared(self, i: int, j: int) -> list[tuple[str, float]]:
        """Keys of left ``i`` found in right ``j`` with their share of the cosine, heaviest first."""
        a, b = self.left[i], self.right[j]
        found = [(k, w * b[k]) for k, w in a.items() if k in b]
        return sorted(found, key=lambda kw: (-kw[1], kw[0]))


def evidence_of(
    shared: Sequence[tuple[str, float]], surface: dict[str, str], limit: int
) -> tuple[Evidence, ...]:
    """The ``limit`` heaviest shared keys as :class:`~docdiff.result.Evidence`, words as written.

    ``surface`` maps a key to the first word that produced it (a stem such
    as "semiconductor" reads better as "semiconductors").
    """
    return tuple(
        Evidence(_KINDS[key[0]], surface.get(key, key[2:]), round(weight, 6))
        for key, weight in shared[:limit]
    )


def surface_words(sentences: Iterable[Sentence], language: str) -> dict[str, str]:
    """``t:`` key -> the first word of ``sentences`` that has it (for showing evidence)."""
    out: dict[str, str] = {}
    for sentence in sentences:
        for word in re.findall(r"[^\W_]+(?:-[^\W_]+)*", sentence.text):
            key = "t:" + term_of(word, language)
            out.setdefault(key, word)
    return out
