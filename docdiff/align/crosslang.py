"""Unit alignment across languages: evidence that survives translation, aligned in order.

When two documents are in different languages their words cannot match, but
much survives translation: the concepts a unit names (``org.sco``,
``field.trade``: :func:`docdiff.describe.concepts.find_concepts`), its
figures and dates (2025, 33, 29), Latin names and acronyms (COP29, CIFTIS),
the commitment types of its sentences (support, oppose), its length (a
translation's length is nearly proportional to its source's: Gale and
Church, "A program for aligning sentences in bilingual corpora", 1993) and
its number ("一、" = "1." = "I.", read through the packs' ``label_numerals``).

Every unit becomes a set of evidence keys, each weighted by its rarity in
the two documents (``log(1 + N / df)``, N units of both sides) times its
kind's weight (:data:`KIND_WEIGHTS`).  A candidate pair scores

    ``EVIDENCE * dice + LENGTH * p_length + LABEL * same_number``

where ``dice`` is ``2 * shared weight / (weight of A + weight of B)`` and
``p_length`` the Gale-Church probability ``2 * (1 - Phi(|delta|))`` of the
two lengths, with the expected ratio estimated from the two documents
themselves (total length right / total length left), so no language pair
needs a constant of its own.  The alignment is the monotone path through
the units (as Gale-Church and hunalign align sentences) maximising the sum
of ``score - SKIP`` over its pairs, with the moves 1:1, 1:0, 0:1, 2:1 and 1:2
(a merge or split pays ``GROUP`` more), by dynamic programming.  So a
dropped or added clause costs nothing to the pairs after it, renumbering
only loses the small label term, and a unit pairs only when what it shares
outweighs ``SKIP``.  Translations rarely reorder their clauses; moves across
languages are not looked for.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from attrs import frozen

from ..describe.concepts import find_concepts
from ..lang import pack
from ..model import Clause
from ..result import Evidence, EvidenceKind, MatchedBy, PairKind
from .links import Link

__all__ = [
    "KIND_WEIGHTS",
    "CrossTuning",
    "align_across",
    "clause_number",
    "length_probability",
    "monotone_path",
    "unit_evidence",
]

#: Weight of one shared key by its kind, before rarity: figures and Latin names are
#: nearly never translated differently; concepts can be missed by a lexicon form;
#: a commitment type is shared by many clauses of a statement.
KIND_WEIGHTS = {
    EvidenceKind.CONCEPT: 1.0,
    EvidenceKind.FIGURE: 1.5,
    EvidenceKind.NAME: 1.5,
    EvidenceKind.PHRASE: 0.3,  # commitment types ("commitment:support")
}

_DIGITS = re.compile(r"(?<![\d.,])\d{1,4}(?![\d])")
_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9]{1,}(?![A-Za-z])")


@frozen
class CrossTuning:
    """The constants of the cross-language score (see the module docstring).

    ``evidence``, ``length`` and ``label`` weigh the three terms of a pair's
    score; ``skip`` is what a pair's score must exceed to be worth taking;
    ``group`` is the extra cost of a 2:1 or 1:2 pair; ``variance`` is the
    Gale-Church variance of lengths per character (larger than their 6.8 for
    parallel sentences: units and renderings vary more); ``part`` is the
    penalty for pairing a preamble paragraph with a clause.
    """

    evidence: float = 1.0
    length: float = 0.5
    label: float = 0.3
    skip: float = 0.3
    group: float = 0.1
    variance: float = 12.0
    part: float = 0.5


def clause_number(label: str, language: str) -> tuple[int, ...] | None:
    """The numbers of a unit label read through the pack's label numerals: "十一" -> (11,), "II.3" -> (2, 3).

    Preamble paragraphs ("preamble.2") give ``None``: they have no number to
    compare.  A piece that is neither digits nor the pack's numerals ends the
    reading (``None`` when nothing was read).
    """
    if label.startswith("preamble"):
        return None
    numbers: list[int] = []
    facts = pack(language)
    for piece in re.split(r"[.\s]+", label):
        if not piece:
            continue
        value = int(piece) if piece.isdigit() else _numeral(piece, facts.label_numerals, facts.numeral_rule)
        if value is None:
            break
        numbers.append(value)
    return tuple(numbers) or None


def _numeral(text: str, symbols: dict[str, int] | object, rule: str) -> int | None:
    table = dict(symbols) if isinstance(symbols, dict) else {}
    upper = text if rule == "han" else text.upper()
    if not upper or any(ch not in table for ch in upper):
        return None
    values = [table[ch] for ch in upper]
    if rule == "roman":
        total = 0
        for k, value in enumerate(values):
            total += -value if k + 1 < len(values) and values[k + 1] > value else value
        return total
    if rule == "han":
        total, digit = 0, 0
        for value in values:
            if value >= 10:
                total += (digit or 1) * value
                digit = 0
            else:
                digit = digit * 10 + value if digit else value
        return total + digit
    return None


def unit_evidence(
    text: str, language: str, commitments: Sequence[str | None] = ()
) -> set[tuple[EvidenceKind, str]]:
    """The evidence keys of one unit's text: concepts, figures, Latin names, commitment types."""
    keys: set[tuple[EvidenceKind, str]] = {(EvidenceKind.CONCEPT, c) for c in find_concepts(text, language)}
    keys.update((EvidenceKind.FIGURE, str(int(d))) for d in _DIGITS.findall(text))
    keys.update((EvidenceKind.NAME, n) for n in _LATIN_NAME.findall(text))
    keys.update((EvidenceKind.PHRASE, f"commitment:{c}") for c in commitments if c)
    return keys


def _length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


class _Scorer:
    """Weighted evidence of both sides and the pair score."""

    def __init__(
        self,
        left: Sequence[Clause],
        right: Sequence[Clause],
        languages: tuple[str, str],
        tune: CrossTuning,
    ) -> None:
        self.tune = tune
        self.left_keys = [unit_evidence(u.text, languages[0], _commitments(u)) for u in left]
        self.right_keys = [unit_evidence(u.text, languages[1], _commitments(u)) for u in right]
        df: Counter[tuple[EvidenceKind, str]] = Counter()
        for keys in (*self.left_keys, *self.right_keys):
            df.update(keys)
        total = len(left) + len(right)
        self.weight = {k: KIND_WEIGHTS[k[0]] * math.log(1.0 + total / n) for k, n in df.items()}
        self.left_len = [_length(u.text) for u in left]
        self.right_len = [_length(u.text) for u in right]
        self.totals = (sum(self.left_len), sum(self.right_len))
        self.left_num = [clause_number(u.label, languages[0]) for u in left]
        self.right_num = [clause_number(u.label, languages[1]) for u in right]
        self.left_part = [u.part for u in left]
        self.right_part = [u.part for u in right]

    def _sum(self, keys: set[tuple[EvidenceKind, str]]) -> float:
        return sum(self.weight[k] for k in keys)

    def group_allowed(self, lefts: Sequence[int], rights: Sequence[int]) -> bool:
        """Every piece of a 2:1 or 1:2 pair shares a concept, figure or name with the other side.

        Without this, a short clause next to a dropped one would be absorbed
        by the length term alone.
        """
        a: set[tuple[EvidenceKind, str]] = set().union(*(self.left_keys[i] for i in lefts))
        b: set[tuple[EvidenceKind, str]] = set().union(*(self.right_keys[j] for j in rights))
        pieces = [(self.left_keys[i], b) for i in lefts] if len(lefts) > 1 else []
        pieces += [(self.right_keys[j], a) for j in rights] if len(rights) > 1 else []
        return all(any(k[0] in _SPECIFIC and k in other for k in mine) for mine, other in pieces)

    def score(self, lefts: Sequence[int], rights: Sequence[int]) -> tuple[float, tuple[Evidence, ...]]:
        """The pair's score and the evidence it rests on (heaviest first)."""
        tune = self.tune
        a: set[tuple[EvidenceKind, str]] = set().union(*(self.left_keys[i] for i in lefts))
        b: set[tuple[EvidenceKind, str]] = set().union(*(self.right_keys[j] for j in rights))
        shared = a & b
        whole = self._sum(a) + self._sum(b)
        dice = 2.0 * self._sum(shared) / whole if whole else 0.0
        la = sum(self.left_len[i] for i in lefts)
        lb = sum(self.right_len[j] for j in rights)
        p_len = length_probability(la, lb, self.totals, tune.variance)
        # A merged or split clause keeps the number of its first piece.
        label = self.left_num[lefts[0]] is not None and self.left_num[lefts[0]] == self.right_num[rights[0]]
        same_part = {self.left_part[i] for i in lefts} & {self.right_part[j] for j in rights}
        total = tune.evidence * dice + tune.length * p_len + (tune.label if label else 0.0)
        if not same_part:
            total -= tune.part
        evidence = sorted(
            (Evidence(kind, value, round(self.weight[kind, value], 3)) for kind, value in shared),
            key=lambda e: (-e.weight, e.kind.value, e.value),
        )
        evidence.append(Evidence(EvidenceKind.LENGTH, f"{la}:{lb}", round(tune.length * p_len, 3)))
        if label:
            evidence.append(Evidence(EvidenceKind.LABEL, _label_value(self.left_num, lefts), tune.label))
        return total, tuple(evidence)


def length_probability(a: int, b: int, totals: tuple[int, int], variance: float) -> float:
    """Gale-Church ``2 * (1 - Phi(|delta|))`` of a left length ``a`` and a right length ``b``.

    Both are first read as shares of their side's total and put on one scale,
    ``sqrt(total left * total right)`` characters, so the expected ratio
    comes from the two documents and swapping the sides changes nothing.
    """
    left, right = totals
    if a + b == 0:
        return 1.0
    if left <= 0 or right <= 0:
        return 0.0
    scale = math.sqrt(left * right)
    x, y = a / left * scale, b / right * scale
    delta = (y - x) / math.sqrt(variance * (x + y) / 2.0)
    return math.erfc(abs(delta) / math.sqrt(2.0))


def _label_value(numbers: Sequence[tuple[int, ...] | None], units: Sequence[int]) -> str:
    found = next(n for n in (numbers[i] for i in units) if n is not None)
    return ".".join(map(str, found))


def _commitments(unit: Clause) -> tuple[str | None, ...]:
    return tuple(s.commitment for s in unit.sentences)


_SPECIFIC = (EvidenceKind.CONCEPT, EvidenceKind.FIGURE, EvidenceKind.NAME)

# The moves of the path: (left units, right units) taken at once.
_MOVES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


def align_across(
    left: Sequence[Clause],
    right: Sequence[Clause],
    languages: tuple[str, str],
    tune: CrossTuning | None = None,
) -> list[tuple[Link, tuple[Evidence, ...]]]:
    """Align the units of two documents in different languages; see the module docstring.

    Returns the rows in order (deletions where they stood on the left), each
    a :class:`Link` (``matched_by`` EVIDENCE for pairs; ``similarity`` the
    score over its maximum, in [0, 1]) with the evidence the pair shares.
    Deterministic: ties go to the earlier move of 1:1, 1:0, 0:1, 2:1, 1:2.
    """
    tune = tune or CrossTuning()
    scorer = _Scorer(left, right, languages, tune)
    path = monotone_path(
        len(left),
        len(right),
        lambda lefts, rights: scorer.score(lefts, rights)[0],
        scorer.group_allowed,
        tune.skip,
        tune.group,
    )
    rows: list[tuple[Link, tuple[Evidence, ...]]] = []
    most = tune.evidence + tune.length + tune.label
    for lefts, rights in path:
        di, dj = len(lefts), len(rights)
        if not dj:
            rows.append((Link(PairKind.DELETE, lefts, ()), ()))
        elif not di:
            rows.append((Link(PairKind.INSERT, (), rights), ()))
        else:
            score, evidence = scorer.score(lefts, rights)
            kind = PairKind.MATCH if di == dj else PairKind.MERGE if di > dj else PairKind.SPLIT
            similarity = round(min(1.0, max(0.0, score / most)), 6)
            rows.append((Link(kind, lefts, rights, similarity, MatchedBy.EVIDENCE), evidence))
    return rows


def monotone_path(
    n: int,
    m: int,
    score: Callable[[range, range], float],
    allowed: Callable[[range, range], bool],
    skip: float,
    group: float,
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The monotone path through ``n`` x ``m`` items maximising the sum of ``score - skip`` of its pairs.

    Moves 1:1, 1:0, 0:1, 2:1, 1:2 (a 2:1 or 1:2 only where ``allowed``, and
    for ``group`` more); a 1:0 or 0:1 step scores 0.  Returns the steps in
    order as (left indices, right indices).  Ties go to the earlier move.
    """
    best = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            top, step = -math.inf, (0, 0)
            for di, dj in _MOVES:
                if di > i or dj > j or best[i - di][j - dj] == -math.inf:
                    continue
                lefts, rights = range(i - di, i), range(j - dj, j)
                if di + dj > 2 and not allowed(lefts, rights):
                    continue
                value = best[i - di][j - dj]
                if di and dj:
                    value += score(lefts, rights) - skip - (group if di + dj > 2 else 0.0)
                if value > top + 1e-12:
                    top, step = value, (di, dj)
            best[i][j], back[i][j] = top, step
    steps: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        steps.append((tuple(range(i - di, i)), tuple(range(j - dj, j))))
        i, j = i - di, j - dj
    steps.reverse()
    return steps
