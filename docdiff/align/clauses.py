"""Clause alignment: which units of the left document became which of the right.

The stages, each on what the one before left over (``docs/design.md`` says
why each threshold is what it is):

1. identical texts, then texts equal after typography folding
   (:func:`docdiff.text.normalize.normalize` with case folding) pair up, in order;
2. an optimal one-to-one assignment over the candidate pairs whose cosine
   (:mod:`docdiff.align.similarity`) reaches ``match_threshold``, maximising the
   total of similarity plus a small structural bonus (nearness of relative
   position, equal label, same part) that only breaks near-ties between
   look-alike clauses; solved exactly per connected component by successive
   shortest augmenting paths (the Hungarian method with Dijkstra and
   potentials);
3. splits (one left unit, several consecutive right units) and merges (the
   mirror), proposed only where the best one-to-one partner covers a unit
   poorly and pieces mostly made of its words add up to a clearly better
   match; proposals are taken in order of gain, and the assignment of the
   rest is solved again;
4. moves: pairs off the heaviest order-preserving chain (longest increasing
   subsequence of right positions, counted in pairs, ties broken by
   similarity) are moved; a weak pair that would be a move is rather a
   deletion plus an insertion (:mod:`docdiff.align.links`, which also holds
   :class:`Link`, a row of the alignment).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence

from ..model import Clause
from ..options import Options
from ..result import MatchedBy, PairKind
from ..text.normalize import normalize
from .assign import heaviest_chain, max_weight_matching, nearest_in_order
from .links import Link, in_right_order, mark_moves
from .similarity import Space, cosine, fold_key

__all__ = ["Link", "align"]

# The constants that decide the alignment (bonuses, candidate counts, split and
# merge rules) are first-class options: :class:`docdiff.options.AlignTuning`.


class _State:
    """Working state of one alignment: the space, the partners found so far."""

    def __init__(self, left: Sequence[Clause], right: Sequence[Clause], space: Space, options: Options):
        self.left, self.right, self.space, self.options = left, right, space, options
        self.tune = options.align_tuning
        self.links: list[Link] = []
        self.left_used = [False] * len(left)
        self.right_used = [False] * len(right)
        self.left_texts = [u.text for u in left]
        self.right_texts = [u.text for u in right]
        self._keys: dict[str, str] = {}
        self._folded: dict[str, str] = {}

    def text(self, side: str, index: int) -> str:
        """The unit's text."""
        return (self.left_texts if side == "left" else self.right_texts)[index]

    def key(self, side: str, index: int) -> str:
        """The unit's :func:`docdiff.align.similarity.fold_key`, computed once per distinct text."""
        text = self.text(side, index)
        found = self._keys.get(text)
        if found is None:
            found = self._keys[text] = fold_key(text)
        return found

    def folded(self, text: str) -> str:
        """``normalize(text, casefold=True).text``, computed once per distinct text."""
        found = self._folded.get(text)
        if found is None:
            found = self._folded[text] = normalize(text, casefold=True).text
        return found

    def take(self, link: Link) -> None:
        self.links.append(link)
        for i in link.left:
            self.left_used[i] = True
        for j in link.right:
            self.right_used[j] = True

    def free(self, side: str) -> list[int]:
        used = self.left_used if side == "left" else self.right_used
        return [k for k, u in enumerate(used) if not u]

    def weight(self, i: int, j: int, score: float) -> float:
        a, b = self.left[i], self.right[j]
        nearness = 1.0 - abs(i / max(len(self.left), 1) - j / max(len(self.right), 1))
        tune = self.tune
        bonus = tune.position_bonus * nearness
        bonus += tune.label_bonus if a.label == b.label else 0.0
        bonus += tune.part_bonus if a.part == b.part else 0.0
        return score + bonus


def _equal_groups(state: _State, matched_by: MatchedBy) -> list[tuple[list[int], list[int]]]:
    """Free units of both sides grouped by text (exact) or folded text (normalized)."""
    folded = matched_by is MatchedBy.NORMALIZED
    groups: dict[str, tuple[list[int], list[int]]] = {}
    for i in state.free("left"):
        groups.setdefault(state.key("left", i) if folded else state.left_texts[i], ([], []))[0].append(i)
    for j in state.free("right"):
        if (group := groups.get(state.key("right", j) if folded else state.right_texts[j])) is not None:
            group[1].append(j)
    return [group for group in groups.values() if group[1]]


def _take_equal(state: _State, i: int, j: int, matched_by: MatchedBy) -> None:
    a, b = state.left_texts[i], state.right_texts[j]
    if matched_by is MatchedBy.NORMALIZED and state.folded(a) != state.folded(b):
        return
    state.take(Link(PairKind.MATCH, (i,), (j,), 1.0, matched_by))


def _pair_equal_texts(state: _State) -> None:
    """Stage 1: identical texts, then typographically equal ones.

    Texts found once on each side pair first.  Repeated texts (a "Related"
    line, a refrain) then pair by where the unique pairs put them: each
    right copy is projected just after the left unit paired with the unique
    pair before it, and copies pair with the nearest left copies in that
    order.  So a block moved together with its copy of a refrain takes that
    copy along, instead of swapping copies and moving the others.
    """
    for matched_by in (MatchedBy.EXACT, MatchedBy.NORMALIZED):
        for lefts, rights in _equal_groups(state, matched_by):
            if len(lefts) == 1 and len(rights) == 1:
                _take_equal(state, lefts[0], rights[0], matched_by)
    unique = sorted((lk.left[0], lk.right[0]) for lk in state.links)
    chain = heaviest_chain([(j, 1.0) for _, j in unique])
    anchors = sorted((j, i) for k, (i, j) in enumerate(unique) if k in chain)
    at = [j for j, _ in anchors]

    def window(j: int) -> tuple[int, float]:
        # The left positions between the in-place unique pairs around right position j.
        k = bisect.bisect_left(at, j)
        return (anchors[k - 1][1] if k else -1), (anchors[k][1] if k < len(anchors) else math.inf)

    for matched_by in (MatchedBy.EXACT, MatchedBy.NORMALIZED):
        for lefts, rights in _equal_groups(state, matched_by):
            for i, j in _place_copies(lefts, rights, window, state.tune.max_copy_edges):
                _take_equal(state, i, j, matched_by)


def _place_copies(
    lefts: list[int], rights: list[int], window: Callable[[int], tuple[int, float]], max_edges: int
) -> list[tuple[int, int]]:
    """Pair the copies of a repeated text: as many as can be within their window, nearest first.

    Copies are first paired in order by relative position; when every such
    pair lies inside the window of unique in-place pairs around its right
    copy (so none of them is a move), that is the answer.  Otherwise an
    optimal matching puts as many copies as it can inside their windows,
    then the nearest by relative position.  Large groups (a refrain repeated
    hundreds of times) keep the in-order pairing, which is linear.
    """
    n, m = max(lefts[-1], 1), max(rights[-1], 1)
    ordered = [
        (lefts[x], rights[y]) for x, y in nearest_in_order([i / n for i in lefts], [j / m for j in rights])
    ]
    windows = {j: window(j) for j in rights}
    if len(lefts) * len(rights) > max_edges or all(windows[j][0] < i < windows[j][1] for i, j in ordered):
        return ordered
    base = 3.0 * min(len(lefts), len(rights)) + 1.0  # any extra pair outweighs every preference
    edges = []
    for y, j in enumerate(rights):
        low, high = windows[j]
        for x, i in enumerate(lefts):
            inside = 2.0 if low < i < high else 0.0
            edges.append((x, y, base + inside + 1.0 / (1.0 + abs(i / n - j / m) * n)))
    return [(lefts[x], rights[y]) for x, y in max_weight_matching(edges)]


def _assign(state: _State, found: list[tuple[int, int, float]]) -> None:
    """Stage 2: optimal one-to-one assignment over free units' candidate pairs."""
    usable = [(i, j, s) for i, j, s in found if not state.left_used[i] and not state.right_used[j]]
    scored = [(i, j, state.weight(i, j, s), s) for i, j, s in usable]
    keep: set[tuple[int, int]] = set()
    for index in (0, 1):
        best: dict[int, list[tuple[float, int, int]]] = {}
        for i, j, w, _ in scored:
            best.setdefault((i, j)[index], []).append((-w, i, j))
        for options in best.values():
            keep.update((i, j) for _, i, j in sorted(options)[: state.tune.max_candidates])
    edges = [(i, j, w) for i, j, w, _ in scored if (i, j) in keep]
    score = {(i, j): s for i, j, _, s in scored}
    for i, j in max_weight_matching(edges):
        state.take(Link(PairKind.MATCH, (i,), (j,), round(score[i, j], 6), MatchedBy.SIMILARITY))


def _weight_of(state: _State, side: str, unit: int, piece: int, score: float) -> float:
    return state.weight(unit, piece, score) if side == "left" else state.weight(piece, unit, score)


def _proposals(state: _State, found: list[tuple[int, int, float]], side: str) -> list[tuple[float, Link]]:
    """Splits (``side="left"``: one left unit, several right units) or merges (the mirror)."""
    space = state.space
    tune = state.tune
    other = "right" if side == "left" else "left"
    count = len(state.right) if side == "left" else len(state.left)
    partner: dict[int, tuple[int, float]] = {}  # unit -> (its one-to-one partner, similarity)
    owner: dict[int, tuple[int, float]] = {}  # other-side unit -> (its partner, similarity)
    locked: set[int] = set()  # other-side units in exact or normalized pairs
    for link in state.links:
        mine, theirs = (link.left, link.right) if side == "left" else (link.right, link.left)
        if link.matched_by is MatchedBy.SIMILARITY:
            partner[mine[0]] = (theirs[0], link.similarity)
            owner[theirs[0]] = (mine[0], link.similarity)
        else:
            locked.update(theirs)
    seeds: dict[int, list[tuple[int, float]]] = {}
    for i, j, s in found:
        unit, piece = (i, j) if side == "left" else (j, i)
        seeds.setdefault(unit, []).append((piece, s))
    for unit, found_seeds in seeds.items():
        # The best few by structural weight: enough for real statements, and
        # look-alike copies of a clause far away are never the better seed.
        ranked = sorted((-_weight_of(state, side, unit, p, score), p, score) for p, score in found_seeds)
        found_seeds[:] = [(p, score) for _, p, score in ranked[: tune.max_seeds]]
    mine_vectors = space.left if side == "left" else space.right
    out: list[tuple[float, Link]] = []
    for unit in sorted(seeds):
        if unit in partner:
            one = partner[unit][1]
        elif (state.left_used if side == "left" else state.right_used)[unit]:
            continue
        else:
            one = 0.0

        def absorbable(piece: int, unit: int = unit) -> bool:
            # Free, already this unit's partner, or paired with something it resembles
            # less, or whose words it holds less of (a short fragment sharing a clause's
            # opening can out-score, by cosine, the longer unit it was cut from).
            if piece in locked or not 0 <= piece < count:
                return False
            held = owner.get(piece)
            if held is None or held[0] == unit:
                return True
            score = space.similarity(unit, piece) if side == "left" else space.similarity(piece, unit)
            return held[1] < score or space.contained(other, piece, [unit]) > space.contained(
                other, piece, [held[0]]
            )

        best: tuple[float, tuple[int, ...]] = (0.0, ())
        for seed, seed_score in seeds[unit]:
            if not absorbable(seed):
                continue
            if space.contained(other, seed, [unit]) < tune.piece_containment:
                continue
            run = [seed]
            score = seed_score
            while len(run) < tune.max_pieces:
                grown = []
                for piece in (run[0] - 1, run[-1] + 1):
                    if (
                        not absorbable(piece)
                        or space.contained(other, piece, [unit]) < tune.piece_containment
                    ):
                        continue
                    trial = sorted([*run, piece])
                    grown.append((cosine(mine_vectors[unit], space.joined(other, trial)), -piece, trial))
                if not grown:
                    break
                new_score, _, trial = max(grown)
                if new_score <= score:
                    # New rare words in an edited piece can hold the cosine back while the
                    # piece still brings back a clear share of the unit's own words.
                    covered = space.contained(side, unit, run)
                    gains = [(space.contained(side, unit, t) - covered, c, t) for c, _, t in grown]
                    cover_gain, new_score, trial = max(gains)
                    if cover_gain < tune.cover_step or new_score < score - tune.cover_step:
                        break
                run, score = trial, new_score
            if len(run) > 1 and score > best[0]:
                best = (score, tuple(run))
        best_score, best_run = best
        gain = best_score - one
        if (
            best_run
            and best_score >= state.options.split_threshold
            and (
                gain >= tune.split_gain
                or (gain > -tune.cover_step and _completes(state, side, unit, partner.get(unit), best_run))
            )
        ):
            kind = PairKind.SPLIT if side == "left" else PairKind.MERGE
            by = MatchedBy.SPLIT if side == "left" else MatchedBy.MERGE
            left, right = ((unit,), best_run) if side == "left" else (best_run, (unit,))
            out.append((gain, Link(kind, left, right, round(best_score, 6), by)))
    return out


def _completes(
    state: _State, side: str, unit: int, partner: tuple[int, float] | None, run: tuple[int, ...]
) -> bool:
    """The run supplies at least half of the unit's words its one-to-one partner lacks.

    A split whose extra piece is one short sentence raises the cosine by
    less than ``split_gain``; it is still a split when the piece brings back
    what the partner alone is missing.  A short unit that merely shares the
    common words (a deleted one-line item next to an edited clause) brings
    back none of the edited words, so it is not absorbed.
    """
    if partner is None or partner[0] not in run:
        return False
    alone = 1.0 - state.space.contained(side, unit, [partner[0]])
    joined = 1.0 - state.space.contained(side, unit, run)
    return alone > 0.0 and joined <= alone * state.tune.completion


def _split_and_merge(state: _State, found: list[tuple[int, int, float]]) -> None:
    """Stage 3: accept split and merge proposals by gain, then assign the rest again."""
    proposals = _proposals(state, found, "left") + _proposals(state, found, "right")
    if not proposals:
        return
    proposals.sort(key=lambda p: (-p[0], p[1].left, p[1].right))
    kept = [link for link in state.links if link.matched_by is not MatchedBy.SIMILARITY]
    state.links = []
    state.left_used = [False] * len(state.left)
    state.right_used = [False] * len(state.right)
    for link in kept:
        state.take(link)
    for _, link in proposals:
        if any(state.left_used[i] for i in link.left) or any(state.right_used[j] for j in link.right):
            continue
        state.take(link)
    _assign(state, found)


def align(left: Sequence[Clause], right: Sequence[Clause], space: Space, options: Options) -> list[Link]:
    """Align two unit sequences; ``space`` holds their term vectors (same order).

    Returns the links in the right document's order, deletions placed where
    they stood in the left document.
    """
    state = _State(left, right, space, options)
    _pair_equal_texts(state)
    found = space.candidates(
        state.free("left"), state.free("right"), options.match_threshold, state.tune.max_candidates
    )
    _assign(state, found)
    _split_and_merge(state, found)
    links = list(state.links)
    links += [Link(PairKind.DELETE, (i,), ()) for i in state.free("left")]
    links += [Link(PairKind.INSERT, (), (j,)) for j in state.free("right")]
    return in_right_order(mark_moves(links, options.move_threshold), len(left))
