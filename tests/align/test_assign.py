"""Assignment algorithms: optimal matching, in-order nearest pairing, heaviest chain."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.align.assign import heaviest_chain, max_weight_matching, nearest_in_order


def brute_force(edges: list[tuple[int, int, float]]) -> float:
    best = 0.0
    for k in range(len(edges) + 1):
        for chosen in itertools.combinations(edges, k):
            if len({e[0] for e in chosen}) == k and len({e[1] for e in chosen}) == k:
                best = max(best, sum(e[2] for e in chosen))
    return best


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.integers(0, 4), st.floats(0.05, 1.0)),
        max_size=9,
        unique_by=lambda e: (e[0], e[1]),
    )
)
def test_matching_is_optimal(edges: list[tuple[int, int, float]]) -> None:
    pairs = max_weight_matching(edges)
    weight = {(i, j): w for i, j, w in edges}
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert abs(sum(weight[p] for p in pairs) - brute_force(edges)) < 1e-9


def test_matching_prefers_two_pairs_over_one_heavy() -> None:
    assert max_weight_matching([(0, 0, 0.9), (0, 1, 0.8), (1, 0, 0.7)]) == [(0, 1), (1, 0)]


def test_matching_of_nothing_and_of_one_edge() -> None:
    assert max_weight_matching([]) == []
    assert max_weight_matching([(3, 5, 0.4)]) == [(3, 5)]


def test_matching_solves_components_apart() -> None:
    edges = [(0, 0, 0.9), (0, 1, 0.8), (1, 0, 0.7), (5, 7, 0.5), (6, 7, 0.6)]
    assert max_weight_matching(edges) == [(0, 1), (1, 0), (6, 7)]


def test_nearest_in_order_pairs_without_crossing() -> None:
    assert nearest_in_order([0.1, 0.5], [0.1, 0.5]) == [(0, 0), (1, 1)]
    # One left position, three right ones: the nearest is taken.
    assert nearest_in_order([0.5], [0.0, 0.45, 0.9]) == [(0, 1)]
    assert nearest_in_order([0.0, 0.45, 0.9], [0.5]) == [(1, 0)]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(0, 1), max_size=6), st.lists(st.floats(0, 1), max_size=6))
def test_nearest_in_order_is_optimal(a: list[float], b: list[float]) -> None:
    a, b = sorted(a), sorted(b)
    pairs = nearest_in_order(a, b)
    assert len(pairs) == min(len(a), len(b))
    assert pairs == sorted(pairs) and all(x < y and p < q for (x, p), (y, q) in itertools.pairwise(pairs))
    cost = sum(abs(a[x] - b[y]) for x, y in pairs)
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    best = min(
        (
            sum(abs(s - large[k]) for s, k in zip(small, chosen, strict=True))
            for chosen in itertools.combinations(range(len(large)), len(small))
        ),
        default=0.0,
    )
    assert abs(cost - best) < 1e-9


def test_heaviest_chain_leaves_the_moved_one_out() -> None:
    # Right positions in left order: 0 1 4 2 3 -> the one taken to the end is off the chain.
    assert heaviest_chain([(0, 1.0), (1, 1.0), (4, 1.0), (2, 1.0), (3, 1.0)]) == {0, 1, 3, 4}
    assert heaviest_chain([]) == set()


def test_heaviest_chain_breaks_ties_by_score() -> None:
    # A swap: either pair alone is a chain of one; the higher score stays.
    assert heaviest_chain([(1, 0.6), (0, 0.9)]) == {1}
    assert heaviest_chain([(1, 0.9), (0, 0.6)]) == {0}


@settings(max_examples=100, deadline=None)
@given(st.permutations(list(range(7))))
def test_heaviest_chain_is_a_longest_increasing_run(order: list[int]) -> None:
    chain = sorted(heaviest_chain([(p, 1.0) for p in order]))
    rights = [order[k] for k in chain]
    assert rights == sorted(rights)
    longest = max(
        (n for n in range(len(order) + 1) for c in itertools.combinations(order, n) if list(c) == sorted(c)),
        default=0,
    )
    assert len(chain) == longest
