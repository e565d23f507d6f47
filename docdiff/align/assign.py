"""Assignment algorithms alignment is built on, free of any notion of clauses.

* :func:`max_weight_matching`: a one-to-one matching of maximum total weight
  (successive shortest augmenting paths, Dijkstra with potentials);
* :func:`nearest_in_order`: pair two sorted position lists without crossing,
  nearest first (for repeated texts);
* :func:`heaviest_chain`: the heaviest strictly increasing chain of pairs
  (a longest increasing subsequence weighted by count, then by score), in
  O(n log n) with a Fenwick tree.

All are deterministic: ties go to lower indices.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

__all__ = ["heaviest_chain", "max_weight_matching", "nearest_in_order"]


def max_weight_matching(edges: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """A one-to-one matching of maximum total weight over ``(left, right, weight)`` edges.

    Not every node need be matched.  Each connected component is solved by
    successive shortest augmenting paths on costs ``C - weight`` (Dijkstra
    with potentials), stopping when the next path would lower the total.
    Deterministic: ties go to lower indices.  Returns sorted pairs.
    """
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for i, j, _ in edges:
        a, b = find(("l", i)), find(("r", j))
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[tuple[str, int], list[tuple[int, int, float]]] = {}
    for edge in edges:
        groups.setdefault(find(("l", edge[0])), []).append(edge)
    result: list[tuple[int, int]] = []
    for root in sorted(groups):
        result.extend(_solve_component(groups[root]))
    return sorted(result)


def _solve_component(edges: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    if len(edges) == 1:
        return [(edges[0][0], edges[0][1])]
    lefts = sorted({e[0] for e in edges})
    rights = sorted({e[1] for e in edges})
    li = {v: k for k, v in enumerate(lefts)}
    ri = {v: k for k, v in enumerate(rights)}
    source, sink = 0, 1 + len(lefts) + len(rights)
    size = sink + 1
    top = max(e[2] for e in edges) + 1.0
    # Residual graph as parallel arrays: edge k goes to head[k], reverse edge is k ^ 1.
    head: list[int] = []
    cap: list[int] = []
    cost: list[float] = []
    out: list[list[int]] = [[] for _ in range(size)]

    def add(u: int, v: int, c: float) -> None:
        out[u].append(len(head))
        head.append(v)
        cap.append(1)
        cost.append(c)
        out[v].append(len(head))
        head.append(u)
        cap.append(0)
        cost.append(-c)

    for left in lefts:
        add(source, 1 + li[left], 0.0)
    for i, j, w in sorted(edges):
        add(1 + li[i], 1 + len(lefts) + ri[j], top - w)
    for right in rights:
        add(1 + len(lefts) + ri[right], sink, 0.0)
    potential = [0.0] * size
    inf = float("inf")
    push, pop = heapq.heappush, heapq.heappop
    # The loop below is hot (a component of look-alike clauses has hundreds of
    # edges): names are local and the arithmetic keeps its order, so the result
    # is bit for bit that of the plain form.
    for _ in range(min(len(lefts), len(rights))):
        dist = [inf] * size
        via = [-1] * size
        dist[source] = 0.0
        heap = [(0.0, source)]
        while heap:
            d, u = pop(heap)
            if d > dist[u]:
                continue
            if u == sink:  # nodes farther than the sink cannot shorten this path
                break
            pu = potential[u]
            for k in out[u]:
                if cap[k]:
                    v = head[k]
                    nd = d + cost[k] + pu - potential[v]
                    if nd < dist[v] - 1e-12:
                        dist[v] = nd
                        via[v] = k
                        push(heap, (nd, v))
        reach = dist[sink]
        if reach == inf:
            break
        # Potentials capped at the sink's distance stay feasible (reduced costs >= 0);
        # "reach if reach < dv else dv" is min(dv, reach), argument order and all.
        potential = [p + (reach if reach < dv else dv) for p, dv in zip(potential, dist, strict=True)]
        # Each path adds one matched pair net, so its true cost is top - gain.
        if potential[sink] - potential[source] >= top - 1e-12:
            break
        v = sink
        while v != source:
            k = via[v]
            cap[k] -= 1
            cap[k ^ 1] += 1
            v = head[k ^ 1]
    pairs = []
    for left in lefts:
        for k in out[1 + li[left]]:
            v = head[k]
            if k % 2 == 0 and cap[k] == 0 and v != source:
                pairs.append((left, rights[v - 1 - len(lefts)]))
    return pairs


def nearest_in_order(a: list[float], b: list[float]) -> list[tuple[int, int]]:
    """Pair the ordered positions ``a`` with as many of ``b`` (or vice versa), in order, nearest first.

    Dynamic programming over the two sorted lists: pair ``min(len(a), len(b))``
    of them without crossing, minimising the total distance.
    """
    if len(a) == len(b):
        return list(zip(range(len(a)), range(len(b)), strict=True))
    if len(a) > len(b):
        return [(x, y) for y, x in nearest_in_order(b, a)]
    inf = float("inf")
    cost = [[0.0] * (len(b) + 1)] + [[inf] * (len(b) + 1) for _ in a]
    for x in range(1, len(a) + 1):
        row, above = cost[x], cost[x - 1]
        for y in range(x, len(b) + 1):
            row[y] = min(row[y - 1], above[y - 1] + abs(a[x - 1] - b[y - 1]))
    pairs = []
    x, y = len(a), len(b)
    while x:
        if cost[x][y] == cost[x][y - 1] and y > x:
            y -= 1
        else:
            pairs.append((x - 1, y - 1))
            x, y = x - 1, y - 1
    return pairs[::-1]


def heaviest_chain(points: Sequence[tuple[int, float]]) -> set[int]:
    """Indices of the heaviest chain of ``points`` (right position, score), taken in the given order.

    A chain's right positions strictly increase; its weight is its length,
    ties broken by the sum of scores.  ``points`` come sorted by left position.
    """
    # A Fenwick tree over right positions holds the best chain ending at or before each.
    size = max((p for p, _ in points), default=-1) + 2
    tree: list[tuple[int, float, int]] = [(0, 0.0, -1)] * (size + 1)
    back: list[int] = []
    for k, (right, score) in enumerate(points):
        pos = right + 1
        best, q = (0, 0.0, -1), pos - 1
        while q > 0:
            best = max(best, tree[q])
            q -= q & -q
        back.append(best[2])
        mine = (best[0] + 1, best[1] + score, k)
        q = pos
        while q <= size:
            tree[q] = max(tree[q], mine)
            q += q & -q
    top = max(tree) if points else (0, 0.0, -1)
    chain: set[int] = set()
    k = top[2]
    while k >= 0:
        chain.add(k)
        k = back[k]
    return chain
