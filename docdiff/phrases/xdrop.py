"""The extension kernels of the seed-and-extend engine (:mod:`docdiff.phrases.seedextend`).

Three steps of BLAST's scheme (Altschul et al., 1990), over word keys: the
ungapped X-drop pass along a seed's diagonal, the banded gapped X-drop
extension (Smith-Waterman scoring: match +2, mismatch -1, gap -1; a band of
3 diagonals; stop once the score falls 6 below the best), and the matched
word pairs of an extended region.  Pure functions over lists of keys.
"""

from __future__ import annotations

import difflib

from ..options import PhraseTuning

__all__ = ["extend", "matched_pairs", "ungapped"]

_MATCH, _MISMATCH, _GAP = 2, -1, -1
_BAND = 3
# The default drop, one fact with the option; callers pass their options' value.
_XDROP = PhraseTuning().xdrop


_WIDTH = 2 * _BAND + 1
_FLOOR = -(10**9)
# extend() spells out the seven cells of a full row of the band.
assert _WIDTH == 7


def _edge_row(previous: list[int], key: str, yk: list[str], a: int, y_room: int) -> list[int]:
    """Row ``a`` of the band cell by cell: a first row, or one that reaches past ``y_room``.

    Cells outside the matrix stay at ``_FLOOR``, below every score that counts.
    """
    row = [_FLOOR] * _WIDTH
    for k in range(max(0, _BAND - a), _WIDTH):
        b = a + k - _BAND
        if b > y_room:
            break
        # Cell (a, b) lies on diagonal k; (a-1, b-1) on k of the row before,
        # (a-1, b) on k+1 of the row before, (a, b-1) on k-1 of this row.
        value = _FLOOR
        if b:
            value = previous[k] + (_MATCH if yk[b - 1] == key else _MISMATCH)
        if k + 1 < _WIDTH and previous[k + 1] + _GAP > value:
            value = previous[k + 1] + _GAP
        if k and row[k - 1] + _GAP > value:
            value = row[k - 1] + _GAP
        row[k] = value
    return row


def _full_row(previous: list[int], key: str, yk: list[str], c: int) -> list[int]:
    """A row of the band with all seven cells inside the matrix, written out (the hot path).

    The same rule as :func:`_edge_row`; ``c`` is the index in ``yk`` of the
    column before diagonal 0's.  Cell k is the best of its diagonal step, the
    cell above (k + 1 of the row before) and the cell to its left (k - 1 of
    this row).
    """
    match, mismatch, gap = _MATCH, _MISMATCH, _GAP
    p0, p1, p2, p3, p4, p5, p6 = previous
    v0 = p0 + (match if yk[c] == key else mismatch)
    if p1 + gap > v0:
        v0 = p1 + gap
    v1 = p1 + (match if yk[c + 1] == key else mismatch)
    if p2 + gap > v1:
        v1 = p2 + gap
    if v0 + gap > v1:
        v1 = v0 + gap
    v2 = p2 + (match if yk[c + 2] == key else mismatch)
    if p3 + gap > v2:
        v2 = p3 + gap
    if v1 + gap > v2:
        v2 = v1 + gap
    v3 = p3 + (match if yk[c + 3] == key else mismatch)
    if p4 + gap > v3:
        v3 = p4 + gap
    if v2 + gap > v3:
        v3 = v2 + gap
    v4 = p4 + (match if yk[c + 4] == key else mismatch)
    if p5 + gap > v4:
        v4 = p5 + gap
    if v3 + gap > v4:
        v4 = v3 + gap
    v5 = p5 + (match if yk[c + 5] == key else mismatch)
    if p6 + gap > v5:
        v5 = p6 + gap
    if v4 + gap > v5:
        v5 = v4 + gap
    v6 = p6 + (match if yk[c + 6] == key else mismatch)
    if v5 + gap > v6:
        v6 = v5 + gap
    return [v0, v1, v2, v3, v4, v5, v6]


def extend(
    xs: list[str], ys: list[str], x: int, y: int, x_room: int, y_room: int, step: int, xdrop: int = _XDROP
) -> tuple[int, int]:
    """Banded X-drop extension from ``(x, y)`` in direction ``step`` (+1 or -1).

    Returns how many tokens of each side the best-scoring extension covers;
    ``x_room``/``y_room`` bound it (the unit's edge; stepping back they are
    at most ``x + 1``/``y + 1``).  Ties keep the shorter.  The exact run
    along the seed's diagonal is taken first (most shared text is verbatim,
    and walking it costs one comparison a word); the dynamic programme starts
    where it ends, over the diagonals ``b - a`` in ``[-_BAND, _BAND]``.  A
    row with all seven cells inside the matrix is written out cell by cell
    (the hot path: a long unit is mostly such rows).  The extension stops
    once a row's best falls more than ``xdrop`` below the best so far.
    """
    run, limit = 0, min(x_room, y_room)
    while run < limit and xs[x + step * run] == ys[y + step * run]:
        run += 1
    x, y, x_room, y_room = x + step * run, y + step * run, x_room - run, y_room - run
    # The keys in the direction of travel: row a reads xk[a - 1], column b yk[b - 1].
    if step > 0:
        xk, yk = xs[x : x + x_room], ys[y : y + y_room]
    else:
        xk, yk = xs[x - x_room + 1 : x + 1][::-1], ys[y - y_room + 1 : y + 1][::-1]
    previous = [_FLOOR] * _WIDTH
    for b in range(min(y_room, _BAND) + 1):
        previous[b + _BAND] = _GAP * b
    best, best_a, best_b = 0, 0, 0
    for a in range(1, x_room + 1):
        key = xk[a - 1]
        if _BAND < a <= y_room - _BAND:
            row = _full_row(previous, key, yk, a - _BAND - 1)
        else:
            row = _edge_row(previous, key, yk, a, y_room)
        row_best = max(row)
        if row_best > best:
            # The first cell with the row's best: the shorter extension on ties.
            best, best_a, best_b = row_best, a, a + row.index(row_best) - _BAND
        if row_best < best - xdrop:
            break
        previous = row
    return run + best_a, run + best_b


def ungapped(xs: list[str], ys: list[str], x: int, y: int, room: int, step: int, xdrop: int = _XDROP) -> int:
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
        elif score < best - xdrop:
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
