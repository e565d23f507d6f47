"""The rows of an alignment (:class:`Link`), and its last stage: which pairs moved, in what order.

A pair is moved when it is off the heaviest order-preserving chain of
matched pairs (longest increasing subsequence of right positions, counted in
pairs, ties broken by similarity); a weak pair that would be a move is
rather a deletion plus an insertion.  Rows come in the right document's
order, each deletion after the unmoved pair that preceded it on the left.
"""

from __future__ import annotations

from attrs import frozen

from ..result import MatchedBy, PairKind
from .assign import heaviest_chain

__all__ = ["Link", "in_right_order", "mark_moves"]


@frozen
class Link:
    """One row of the alignment, by unit index (``left``/``right`` index ``Document.units``)."""

    kind: PairKind
    left: tuple[int, ...]
    right: tuple[int, ...]
    similarity: float = 0.0
    matched_by: MatchedBy | None = None
    moved: bool = False


def mark_moves(links: list[Link], move_threshold: float) -> list[Link]:
    """Stage 4: keep the heaviest order-preserving chain in place; the rest move or break up."""
    paired = sorted((lk for lk in links if lk.left and lk.right), key=lambda lk: lk.left)
    chain = heaviest_chain([(lk.right[0], lk.similarity) for lk in paired])
    out = [lk for lk in links if not (lk.left and lk.right)]
    for k, link in enumerate(paired):
        if k in chain:
            out.append(link)
        elif link.similarity >= move_threshold:
            out.append(Link(link.kind, link.left, link.right, link.similarity, link.matched_by, True))
        else:
            out += [Link(PairKind.DELETE, (i,), ()) for i in link.left]
            out += [Link(PairKind.INSERT, (), (j,)) for j in link.right]
    return out


def in_right_order(links: list[Link], n_left: int) -> list[Link]:
    """Right document order; a deletion follows the unmoved pair that preceded it on the left."""
    anchor_of: dict[int, int] = {}  # left index -> first right index of its unmoved pair
    for link in links:
        if link.right and link.left and not link.moved:
            for i in link.left:
                anchor_of[i] = link.right[0]
    keyed: list[tuple[tuple[int, int, int], Link]] = []
    last = -1
    deleted = {lk.left[0]: lk for lk in links if lk.kind is PairKind.DELETE}
    for i in range(n_left):
        if i in anchor_of:
            last = anchor_of[i]
        elif i in deleted:
            keyed.append(((last, 1, i), deleted[i]))
    for link in links:
        if link.right:
            keyed.append(((link.right[0], 0, 0), link))
    keyed.sort(key=lambda item: item[0])
    return [link for _, link in keyed]
