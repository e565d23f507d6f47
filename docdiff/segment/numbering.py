"""Which printed numbers are the statement's units: plausible sequences of markers.

Markers of one style are grouped into *runs* of plausibly sequential values
(1, 2, 3, ...; a skip of up to two numbers is tolerated, as in a statement
that lost its paragraph 28).  A value that extends no run and is not a 1 is
ignored, which is how "2025." or a sub-item "3." is kept out of the numbering.
Runs that follow one another, each opened right after a section heading,
form one *restarting* group ("I. ..." 1, 2, "II. ..." 1, 2).  The style and
group with the most markers wins, unless it covers too little of the text
(a short list deep inside an unnumbered statement, lists in annexes after
longer unnumbered text) or is a set of bare headings over long stretches of
prose.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from .markers import Kind, Marker

__all__ = ["Numbering", "choose_numbering"]

_UNIT_KINDS = (Kind.ARTICLE, Kind.ARABIC, Kind.DECIMAL, Kind.PAREN, Kind.ROMAN, Kind.ZH, Kind.ZH_PAREN)
_SKIP = 3
# Unnumbered chunks allowed before the first unit: a long preamble is fine, a
# statement that only numbers a list in its middle is not numbered.
_MAX_LEAD = 12
_MAX_HEADING_UNIT_SIZE = 3
# Plain paragraphs before a numbering opened under a heading that can make it
# an annex's list: fewer are an introduction.
_MIN_ANNEX_LEAD = 3


@frozen
class Numbering:
    """The chosen unit markers: chunk indices, and for each the run it belongs to."""

    kind: Kind
    indices: tuple[int, ...]
    runs: tuple[int, ...]

    @property
    def restarts(self) -> bool:
        """True when numbering restarts under section headings."""
        return bool(self.runs) and self.runs[-1] > 0


def _starts(kind: Kind, value: tuple[int, ...]) -> bool:
    if kind is Kind.DECIMAL:
        return value[-1] == 1
    return value[0] == 1


def _fits(kind: Kind, prev: tuple[int, ...], value: tuple[int, ...], exact: bool) -> bool:
    reach = 1 if exact else _SKIP
    if kind is Kind.DECIMAL:
        if len(prev) != len(value):
            return False
        if value[:-1] == prev[:-1]:
            return prev[-1] < value[-1] <= prev[-1] + reach
        return prev[0] < value[0] <= prev[0] + min(reach, 2) and all(v == 1 for v in value[1:])
    return prev[0] < value[0] <= prev[0] + reach


def _runs(kind: Kind, markers: list[tuple[int, Marker]]) -> list[list[int]]:
    """Runs of plausibly sequential markers, as lists of chunk indices."""
    runs: list[list[int]] = []
    lasts: list[tuple[int, ...]] = []
    for index, marker in markers:
        target = -1
        # Among runs the value fits, the one that grew most recently wins: a
        # sub-list that ended does not take the main numbering's next value.
        recent = sorted(range(len(runs)), key=lambda r: runs[r][-1], reverse=True)
        for exact in (True, False):
            target = next((r for r in recent if _fits(kind, lasts[r], marker.value, exact)), -1)
            if target >= 0:
                break
        if target < 0 and _starts(kind, marker.value):
            runs.append([])
            lasts.append(marker.value)
            target = len(runs) - 1
        if target >= 0:
            runs[target].append(index)
            lasts[target] = marker.value
    return runs


def _groups(runs: list[list[int]], headed: list[bool]) -> list[list[list[int]]]:
    """Consecutive, non-interleaved runs, each after the first opened under a heading."""
    groups: list[list[list[int]]] = []
    for run in sorted(runs, key=lambda r: r[0]):
        if groups and groups[-1][-1][-1] < run[0] and headed[run[0]] and headed[groups[-1][0][0]]:
            groups[-1].append(run)
        else:
            groups.append([run])
    return groups


def choose_numbering(
    markers: list[Marker | None],
    headed: list[bool],
    heading: list[bool],
    sizes: Sequence[int] | None = None,
) -> Numbering | None:
    """Pick the unit numbering of a body, or ``None`` when it is unnumbered.

    ``headed[i]`` is true when chunk ``i`` comes right after a heading-like
    chunk; ``heading[i]`` when chunk ``i`` itself (after its marker) is one.
    ``sizes[i]`` is the length of chunk ``i`` (all equal when not given).
    """
    lengths = list(sizes) if sizes is not None else [1] * len(markers)
    candidates: list[tuple[int, int, Numbering]] = []
    for order, kind in enumerate(_UNIT_KINDS):
        found = [(i, m) for i, m in enumerate(markers) if m is not None and m.kind is kind]
        if len(found) < 2:
            continue
        for group in _groups(_runs(kind, found), headed):
            indices = tuple(i for run in group for i in run)
            runs = tuple(r for r, run in enumerate(group) for _ in run)
            if len(indices) >= 2:
                candidates.append(
                    (
                        -len(indices) if kind is not Kind.ARTICLE else -(10**6),
                        order,
                        Numbering(kind, indices, runs),
                    )
                )
    candidates.sort(key=lambda c: (c[0], c[1], c[2].indices))
    for _, _, numbering in candidates:
        if (
            _plausible(numbering, len(markers), heading)
            and not _annex_list(numbering, headed, heading, lengths)
            and not _stray_section(numbering, markers, heading)
        ):
            return numbering
    return None


def _stray_section(numbering: Numbering, markers: list[Marker | None], heading: list[bool]) -> bool:
    """True when a numbered section heading of another style falls inside a unit.

    Section headings ("三、国际事务", "II. Trade") open the unit right after
    them; one that is followed by plain paragraphs shows that this numbering
    is a list inside sections, not the statement's units.
    """
    units = set(numbering.indices)
    for i in range(numbering.indices[0] + 1, len(markers)):
        marker = markers[i]
        if i in units or not heading[i] or marker is None or marker.kind is numbering.kind:
            continue
        if marker.kind not in _UNIT_KINDS:
            continue
        j = i + 1
        while j < len(markers) and heading[j] and j not in units:
            j += 1
        if j not in units:
            return True
    return False


def _annex_list(numbering: Numbering, headed: list[bool], heading: list[bool], sizes: list[int]) -> bool:
    """True for lists under a section heading after a longer unnumbered text ("Annex I" 1, 2, ...).

    The statement's own numbering carries most of its text; when the plain
    paragraphs before a numbering that opens under a heading hold more text
    than the numbered part, those paragraphs are the statement and the lists
    are items of its annexes.  Measured in text, not paragraphs, so one
    paragraph more or less does not flip the choice.
    """
    first = numbering.indices[0]
    if not headed[first]:
        return False
    lead = [i for i in range(first) if not heading[i]]
    if len(lead) < _MIN_ANNEX_LEAD:
        return False
    return sum(sizes[i] for i in lead) > sum(sizes[first:])


def _plausible(numbering: Numbering, total: int, heading: list[bool]) -> bool:
    indices = numbering.indices
    lead = sum(1 for i in range(indices[0]) if not heading[i])
    if lead > _MAX_LEAD and lead > len(indices):
        return False
    tail = total - indices[-1] - 1
    if tail > _MAX_LEAD and tail > 2 * len(indices):
        return False
    if numbering.kind is not Kind.ARTICLE and all(heading[i] for i in indices):
        size = (indices[-1] - indices[0] + 1 + tail) / len(indices)
        if size > _MAX_HEADING_UNIT_SIZE:
            return False
    return True
