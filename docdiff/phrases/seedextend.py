"""Seed-and-extend local alignment of two documents' words: the engine of :mod:`docdiff.phrases`.

The scheme is BLAST's (Altschul et al., 1990), over word keys instead of
residues; :mod:`docdiff.phrases` documents the steps.  This module knows
tokens and token ranges only: :class:`Words` (:mod:`docdiff.phrases.wordkeys`)
indexes one document's words, :func:`local_alignments` returns the
selected, filtered alignments of two of them as token ranges with a score.
Turning them into spans, formulas and word edits is :mod:`docdiff.phrases`'
job.
"""

from __future__ import annotations

import bisect
import functools
import heapq
from collections import defaultdict

from attrs import frozen

from ..lang import languages, pack
from ..options import PhraseTuning
from ..text.tokens import term_of
from .wordkeys import Words
from .xdrop import extend, matched_pairs, ungapped

__all__ = ["Alignment", "Words", "local_alignments"]

# The seed length, the boilerplate bound on pairings, the merge gap and the
# fewest matched words are first-class options: :class:`docdiff.options.PhraseTuning`.


# Function words (pack "function_words"): never the edge of a phrase, and
# never a seed on their own.  Words so common in statements that an n-gram of
# them and function words seeds nothing (pack "common_words"); they are keyed
# in every language, as a statement quotes the other side's words.  Keyed by
# the known packs, so that a pack added at run time counts from then on.
@functools.cache
def _stop_words(codes: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(function words, stop words) of the packs ``codes``, as the terms the alignment compares."""
    found = [pack(code) for code in codes]
    function = frozenset(term_of(w, p.code) for p in found for w in p.function_words)
    common = [word for q in found for word in q.common_words]
    return function, function | {term_of(w, p.code) for p in found for w in common}


def _ngrams(words: Words, n: int, skip: bytearray) -> dict[tuple[str, ...], list[int]]:
    """Positions of every n-gram inside one unit (not a ``skip`` one) that is not all stop words."""
    # A defaultdict: a position is added without building an empty list each time.
    index: defaultdict[tuple[str, ...], list[int]] = defaultdict(list)
    keys = words.keys
    stop_words = _stop_words(languages())[1]
    for unit, (first, stop) in enumerate(words.bounds):
        if skip[unit]:
            continue
        # The n-grams starting at first, first + 1, ... (zip stops at the last whole one).
        for i, gram in enumerate(zip(*[keys[first + k : stop] for k in range(n)], strict=False), first):
            if not stop_words.issuperset(gram):
                index[gram].append(i)
    return index


class _Candidate:
    """One local alignment: matched token pairs ``(x, y)`` in increasing order.

    Built from pairs relative to an offset ``(dx, dy)``, as extensions are
    (the same extension serves every copy of repeated text): the absolute
    pairs are listed only when selection gets to look at them, and most
    candidates of repeated text are dropped on their bounds alone.
    """

    __slots__ = ("_dx", "_dy", "_pairs", "_relative", "bounds", "size", "x_unit", "y_unit")

    def __init__(
        self, pairs: list[tuple[int, int]], x_unit: int, y_unit: int, dx: int = 0, dy: int = 0
    ) -> None:
        self._relative = pairs
        self._dx, self._dy = dx, dy
        self._pairs = None if dx or dy else pairs
        self.x_unit = x_unit
        self.y_unit = y_unit
        (a0, b0), (a1, b1) = pairs[0], pairs[-1]
        #: ``(x0, x1, y0, y1)``: the half-open token ranges on each side.
        self.bounds = (a0 + dx, a1 + dx + 1, b0 + dy, b1 + dy + 1)
        self.size = len(pairs)

    @property
    def pairs(self) -> list[tuple[int, int]]:
        """The matched token pairs, in order."""
        if self._pairs is None:
            dx, dy = self._dx, self._dy
            self._pairs = [(dx + a, dy + b) for a, b in self._relative]
        return self._pairs

    def rank(self) -> tuple[int, int, int, int]:
        """Heap key: most matched words first, then the longer span, then source order."""
        x0, x1, y0, y1 = self.bounds
        return (-self.size, -(x1 - x0 + y1 - y0), x0, y0)

    def x_at(self, k: int) -> int:
        """The ``x`` token of pair ``k``."""
        return self._dx + self._relative[k][0]

    def cut(self, first: int, stop: int) -> _Candidate:
        """The candidate of pairs ``[first, stop)`` (not empty)."""
        return _Candidate(self._relative[first:stop], self.x_unit, self.y_unit, self._dx, self._dy)


def _same_units(x: Words, y: Words, min_matched: int) -> tuple[list[_Candidate], bytearray, bytearray]:
    """Whole units with the same keys on both sides, paired in source order.

    Most units of a revision are unchanged: pairing them up front is linear,
    and keeps their words (often boilerplate repeated across sections) out
    of the seed index.  Greedy selection would pair them the same way (a
    whole unit is the most any alignment can match of it).
    """
    # Content numbers say which units have the same keys when both sides
    # number them together; otherwise the keys themselves do.
    numbered = x.shared is y.shared
    x_by: dict[object, list[int]] = {}
    y_by: dict[object, list[int]] = {}
    for words, by in ((x, x_by), (y, y_by)):
        for unit, (first, stop) in enumerate(words.bounds):
            if stop - first >= min_matched:
                key: object = words.content[unit] if numbered else tuple(words.keys[first:stop])
                by.setdefault(key, []).append(unit)
    x_done, y_done = bytearray(len(x.bounds)), bytearray(len(y.bounds))
    out = []
    # Token k of one unit against token k of the other, by unit length.
    diagonals: dict[int, list[tuple[int, int]]] = {}
    for key, x_units in x_by.items():
        for u, v in zip(x_units, y_by.get(key, ()), strict=False):
            x_done[u] = y_done[v] = 1
            (x0, x1), (y0, _) = x.bounds[u], y.bounds[v]
            diagonal = diagonals.get(x1 - x0)
            if diagonal is None:
                diagonal = diagonals[x1 - x0] = list(zip(range(x1 - x0), range(x1 - x0), strict=True))
            out.append(_Candidate(diagonal, u, v, x0, y0))
    return out, x_done, y_done


def _nearest(
    x_at: list[int], y_at: list[int], x_size: int, y_size: int, nearest: int
) -> set[tuple[int, int]]:
    """Pairings of a frequent n-gram: each occurrence with the few nearest in relative position.

    Pairing every occurrence with every other would be quadratic; text that
    recurs many times is boilerplate, and its copies are taken to correspond
    where they stand at the same fraction of their documents.  Each
    occurrence on either side gets the ``nearest`` closest on the other side
    before and after that point, so the choice is the same whichever side is
    which.
    """
    out: set[tuple[int, int]] = set()
    for this, other, size, other_size, flip in (
        (x_at, y_at, x_size, y_size, False),
        (y_at, x_at, y_size, x_size, True),
    ):
        scaled = [o * size for o in other]
        for i in this:
            at = bisect.bisect_left(scaled, i * other_size)
            for j in other[max(0, at - nearest) : at + nearest]:
                out.add((j, i) if flip else (i, j))
    return out


def _seeds(
    x: Words, y: Words, n: int, x_skip: bytearray, y_skip: bytearray, tune: PhraseTuning
) -> list[tuple[int, list[int]]]:
    """Token pairs ``(i, j)`` where the same n-gram starts on each side, in order.

    Given as each ``i`` with its ``j`` in order: a position starts one n-gram,
    so its partners are that n-gram's positions on the other side (or the
    nearest of them), already in order, and only the ``i`` need sorting.
    """
    x_grams, y_grams = _ngrams(x, n, x_skip), _ngrams(y, n, y_skip)
    partners: dict[int, list[int]] = {}
    x_size, y_size = max(1, len(x.keys)), max(1, len(y.keys))
    for gram, x_at in x_grams.items():
        y_at = y_grams.get(gram)
        if y_at is None:
            continue
        if len(x_at) * len(y_at) <= tune.max_pairings:
            for i in x_at:
                partners[i] = y_at
        else:
            near: dict[int, list[int]] = {}
            for i, j in _nearest(x_at, y_at, x_size, y_size, tune.nearest):
                near.setdefault(i, []).append(j)
            for i, js in near.items():
                partners[i] = sorted(js)
    return [(i, partners[i]) for i in sorted(partners)]


# A region relative to its two units' first tokens, and its matched pairs likewise.
_Grown = tuple[tuple[int, int, int, int], list[tuple[int, int]]]


def _grow(
    x: Words, y: Words, ri: int, rj: int, units: tuple[int, int], n: int, need: int, xdrop: int
) -> _Grown | None:
    """Extend the seed at ``ri``/``rj`` (offsets into the two units); ``None`` when it does not grow."""
    x_first, x_stop = x.bounds[units[0]]
    y_first, y_stop = y.bounds[units[1]]
    i, j = x_first + ri, y_first + rj
    # A seed that the ungapped pass cannot grow by one word is nearly always
    # a coincidence ("the United States and"); the gapped pass is the costly one.
    ahead = ungapped(x.keys, y.keys, i + n, j + n, min(x_stop - i - n, y_stop - j - n), 1, xdrop)
    behind = ungapped(x.keys, y.keys, i - 1, j - 1, min(i - x_first, j - y_first), -1, xdrop)
    if ahead + behind < need:
        return None
    fx, fy = extend(x.keys, y.keys, i + n, j + n, x_stop - i - n, y_stop - j - n, 1, xdrop)
    bx, by = extend(x.keys, y.keys, i - 1, j - 1, i - x_first, j - y_first, -1, xdrop)
    region = (i - bx, i + n + fx, j - by, j + n + fy)
    pairs = matched_pairs(x.keys, y.keys, *region)
    relative = (region[0] - x_first, region[1] - x_first, region[2] - y_first, region[3] - y_first)
    return relative, [(a - x_first, b - y_first) for a, b in pairs]


def _candidates(x: Words, y: Words, min_words: float, tune: PhraseTuning) -> list[_Candidate]:
    han = x.han or y.han
    n = tune.seed_han if han else tune.seed_words
    # Matched tokens a seed must grow by before the gapped pass (Han characters are half words).
    need = 1 if (2 * min_words if han else min_words) > n else 0
    out, x_done, y_done = _same_units(x, y, tune.min_matched)
    found: dict[int, list[tuple[int, int, int, int]]] = {}
    grown_before: dict[tuple[int, int, int, int], _Grown | None] = {}
    x_unit, y_unit, stride = x.unit, y.unit, len(y.bounds)
    for i, js in _seeds(x, y, n, x_done, y_done, tune):
        u = x_unit[i]
        for j in js:
            v = y_unit[j]
            # Regions by unit pair, numbered (no tuple to build on this hot path).
            regions = found.get(u * stride + v)
            if regions is None:
                regions = found[u * stride + v] = []
            else:
                # Most seeds lie inside an alignment already found (a plain loop: this is the hot path).
                inside = False
                for x0, x1, y0, y1 in regions:
                    if x0 <= i and i + n <= x1 and y0 <= j and j + n <= y1:
                        inside = True
                        break
                if inside:
                    continue
            x_first, y_first = x.bounds[u][0], y.bounds[v][0]
            # The extension depends only on the two units' keys and where the seed
            # sits in them: boilerplate repeated across sections is extended once.
            memo_key = (x.content[u], y.content[v], i - x_first, j - y_first)
            if memo_key in grown_before:
                grown = grown_before[memo_key]
            else:
                grown = grown_before[memo_key] = _grow(
                    x, y, i - x_first, j - y_first, (u, v), n, need, tune.xdrop
                )
            if grown is None:
                continue
            (rx0, rx1, ry0, ry1), relative = grown
            regions.append((x_first + rx0, x_first + rx1, y_first + ry0, y_first + ry1))
            if relative:
                out.append(_Candidate(relative, u, v, x_first, y_first))
    return out


def _free_run(pairs: list[tuple[int, int]], x_used: bytearray, y_used: bytearray) -> list[tuple[int, int]]:
    """The longest stretch of ``pairs`` whose tokens (and those between them) are all free."""
    best: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for a, b in pairs:
        if x_used[a] or y_used[b]:
            blocked = True
        elif run:
            pa, pb = run[-1]
            blocked = x_used.find(1, pa + 1, a) >= 0 or y_used.find(1, pb + 1, b) >= 0
        else:
            blocked = False
        if blocked:
            if len(run) > len(best):
                best = run
            run = [] if (x_used[a] or y_used[b]) else [(a, b)]
        else:
            run.append((a, b))
    return run if len(run) > len(best) else best


def _select(candidates: list[_Candidate], x: Words, y: Words, tune: PhraseTuning) -> list[_Candidate]:
    """Greedy one-to-one choice; overlapping candidates are cut and queued again."""
    x_used, y_used = bytearray(len(x.keys)), bytearray(len(y.keys))
    heap = [(c.rank(), k, c) for k, c in enumerate(candidates)]
    heapq.heapify(heap)
    serial = len(candidates)
    taken: list[_Candidate] = []
    min_matched = tune.min_matched
    while heap:
        _, _, candidate = heapq.heappop(heap)
        x0, x1, y0, y1 = candidate.bounds
        if candidate.size < min_matched or x_used.find(0, x0, x1) < 0 or y_used.find(0, y0, y1) < 0:
            # Too short, or every token of one side is taken so every pair is
            # blocked (a copy of repeated text whose counterpart went to another copy).
            continue
        if x_used.find(1, x0, x1) >= 0 or y_used.find(1, y0, y1) >= 0:
            # Something is in the way (else the whole candidate is free).
            run = _free_run(candidate.pairs, x_used, y_used)
            if len(run) < min_matched:
                continue
            if len(run) < candidate.size:
                cut = _Candidate(run, candidate.x_unit, candidate.y_unit)
                heapq.heappush(heap, (cut.rank(), serial, cut))
                serial += 1
                continue
        x_used[x0:x1] = b"\x01" * (x1 - x0)
        y_used[y0:y1] = b"\x01" * (y1 - y0)
        taken.append(candidate)
    return _merge(taken, x_used, y_used, tune.merge_gap)


def _merge(taken: list[_Candidate], x_used: bytearray, y_used: bytearray, gap: int) -> list[_Candidate]:
    taken.sort(key=lambda c: (c.x_unit, c.y_unit, c.bounds))
    out: list[_Candidate] = []
    for candidate in taken:
        if out and (out[-1].x_unit, out[-1].y_unit) == (candidate.x_unit, candidate.y_unit):
            _, px1, _, py1 = out[-1].bounds
            x0, _, y0, _ = candidate.bounds
            if (
                0 <= x0 - px1 <= gap
                and 0 <= y0 - py1 <= gap
                and x_used.find(1, px1, x0) < 0
                and y_used.find(1, py1, y0) < 0
            ):
                out[-1] = _Candidate(out[-1].pairs + candidate.pairs, candidate.x_unit, candidate.y_unit)
                continue
        out.append(candidate)
    return out


def _trim(candidate: _Candidate, keys: list[str]) -> _Candidate | None:
    """Drop matched function words at either end: "the rule of law. At the" is "rule of law"."""
    first, last = 0, candidate.size
    function = _stop_words(languages())[0]
    while first < last and keys[candidate.x_at(first)] in function:
        first += 1
    while last > first and keys[candidate.x_at(last - 1)] in function:
        last -= 1
    if first == last:
        return None
    return candidate if (first, last) == (0, candidate.size) else candidate.cut(first, last)


_DEFAULT = PhraseTuning()


@frozen
class Alignment:
    """One selected local alignment: token ranges ``[x0, x1)`` and ``[y0, y1)`` and its score.

    ``score`` is matched words over the longer side, rounded to 4 places.
    """

    x0: int
    x1: int
    y0: int
    y1: int
    score: float


def local_alignments(
    x: Words, y: Words, min_words: float, min_score: float, tune: PhraseTuning = _DEFAULT
) -> list[Alignment]:
    """The alignments of ``x`` against ``y`` that pass the filters, in unit-pair order.

    An alignment keeps at least ``min_words`` words on each side (a Han
    character counts half) and a score of at least ``min_score``; ``tune``
    holds the engine's finer constants.
    """
    out = []
    for selected in _select(_candidates(x, y, min_words, tune), x, y, tune):
        candidate = _trim(selected, x.keys)
        if candidate is None:
            continue
        x0, x1, y0, y1 = candidate.bounds
        if min(sum(x.weight[x0:x1]), sum(y.weight[y0:y1])) < min_words:
            continue
        score = candidate.size / max(x1 - x0, y1 - y0)
        if score < min_score:
            continue
        out.append(Alignment(x0, x1, y0, y1, round(score, 4)))
    return out
