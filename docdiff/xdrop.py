"""The extension kernels of the seed-and-extend engine (:mod:`docdiff.seedextend`).

Three steps of BLAST's scheme (Altschul et al., 1990), over word keys: the
ungapped X-drop pass along a seed's diagonal, the banded gapped X-drop
extension (Smith-Waterman scoring: match +2, mismatch -1, gap -1; a band of
3 diagonals; stop once the score falls 6 below the best), and the matched
word pairs of an extended region.  Pure functions over lists of keys.
"""

from __future__ import annotations

import difflib

__all__ = ["extend", "matched_pairs", "ungapped"]

_MATCH, _MISMATCH, _GAP = 2, -1, -1
_BAND = 3
_XDROP = 6


_WIDTH = 2 * _BAND + 1
_FLOOR = -(10**9)


def extend(
    xs: list[str], ys: list[str], x: int, y: int, x_room: int, y_room: int, step: int
) -> tuple[int, int]:
    """Banded X-drop extension from ``(x, y)`` in direction ``step`` (+1 or -1).

    Returns how many tokens of each side the best-scoring extension covers;
    ``x_room``/``y_room`` bound it (the unit's edge).  Ties keep the shorter.
    The exact run along the seed's diagonal is taken first (most shared text
    is verbatim, and walking it costs one comparison a word); the dynamic
    programme starts where it ends, over the diagonals ``b - a`` in
    ``[-_BAND, _BAND]``.
    """
    run, limit = 0, min(x_room, y_room)
    while run < limit and xs[x + step * run] == ys[y + step * run]:
        run += 1
    x, y, x_room, y_room = x + step * run, y + step * run, x_room - run, y_room - run
    previous = [_FLOOR] * _WIDTH
    for b in range(min(y_room, _BAND) + 1):
        previous[b + _BAND] = _GAP * b
    best, best_a, best_b = 0, 0, 0
    for a in range(1, x_room + 1):
        key = xs[x + step * (a - 1)]
        row = [_FLOOR] * _WIDTH
        row_best = _FLOOR
        for k in range(max(0, _BAND - a), _WIDTH):
            b = a + k - _BAND
            if b > y_room:
                break
            # Cell (a, b) lies on diagonal k; (a-1, b-1) on k of the row before,
            # (a-1, b) on k+1 of the row before, (a, b-1) on k-1 of this row.
            value = _FLOOR
            if b:
                value = previous[k] + (_MATCH if ys[y + step * (b - 1)] == key else _MISMATCH)
            if k + 1 < _WIDTH and previous[k + 1] + _GAP > value:
                value = previous[k + 1] + _GAP
            if k and row[k - 1] + _GAP > value:
                value = row[k - 1] + _GAP
            row[k] = value
            if value > row_best:
                row_best = value
                if value > best:
                    best, best_a, best_b = value, a, b
        if row_best < best - _XDROP:
            break
        previous = row
    return run + best_a, run + best_b


def ungapped(xs: list[str], ys: list[str], x: int, y: int, room: int, step: int) -> int:
    """Matched words of the best X-drop extension along the diagonal only (BLAST's first pass)."""
    score = best = matches = best_matches = 0
    for k in range(room):
        if xs[x + step * k] == ys[y + step * k]:
            score += _MATCH
            matches += 1
        else:
            score += _MISMATCH
        if score > best:
            best, best_matches = score, matches
        elif score < best - _XDROP:
            break
    return best_matches


def matched_pairs(xs: list[str], ys: list[str], x0: int, x1: int, y0: int, y1: int) -> list[tuple[int, int]]:
    """The matched token pairs ``(x, y)`` of the region ``xs[x0:x1]`` against ``ys[y0:y1]``, in order."""
    if x1 - x0 == y1 - y0 and xs[x0:x1] == ys[y0:y1]:
        # Verbatim (the usual case): no need for a diff.
        return list(zip(range(x0, x1), range(y0, y1), strict=True))
    matcher = difflib.SequenceMatcher(None, xs[x0:x1], ys[y0:y1], autojunk=False)
    return [
        (x0 + block.a + k, y0 + block.b + k)
        for block in matcher.get_matching_blocks()
        for k in range(block.size)
    ]
