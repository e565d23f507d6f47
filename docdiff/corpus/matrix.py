"""All-pairs similarity of the statements of a corpus.

The matrix holds the first-stage score of :mod:`.rank`, the TF-IDF cosine
of whole statements: it is symmetric by construction, and cheap enough for
all pairs (the clause-level score is asymmetric and costs a thousand times
more per pair).  Row ``i`` is computed against statements ``j > i`` only,
through the inverted index, and mirrored; rows are spread over an executor
in chunks and gathered in order, so the values do not depend on which
worker computed them.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import Executor

from .entry import Entry
from .parallel import Progress, chunk_size, default_executor, run_chunks
from .types import Matrix
from .weights import Weights

__all__ = ["Matrix", "compute_matrix", "label_of"]


def label_of(entry: Entry) -> str:
    """A short name for a statement: its parties and date ("IN–US 2023-06-22"), else its file name."""
    parties = "–".join(entry.parties)
    name = " ".join(p for p in (parties, entry.date or "") if p)
    if name:
        return name
    base = entry.path.replace("\\", "/").rsplit("/", 1)[-1]
    return base or "statement"


def _labels(entries: Sequence[Entry]) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    out = []
    for entry in entries:
        label = label_of(entry)
        seen[label] = seen.get(label, 0) + 1
        # Two statements of the same parties on the same day are common
        # (a leaders' statement and a fact sheet): number the later ones.
        out.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return tuple(out)


def _rows(
    indices: Sequence[int], weights: Weights, counts: Sequence[Sequence[tuple[str, int]]]
) -> list[tuple[int, list[float]]]:
    """Upper-triangle rows: for each ``i``, the cosines with statements ``i+1 ...``."""
    out = []
    for i, pairs in zip(indices, counts, strict=True):
        scores = weights.scores(weights.vector(pairs), after=i)
        out.append((i, scores[i + 1 :]))
    return out


def compute_matrix(
    entries: Sequence[Entry],
    weights: Weights,
    *,
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> Matrix:
    """The all-pairs matrix of ``entries``, rows spread over ``executor`` (see :mod:`.parallel`)."""
    size = len(entries)
    values = [[0.0] * size for _ in range(size)]
    items = [(i, entries[i].counts) for i in range(size)]
    with default_executor(executor, size) as pool:
        rows = run_chunks(
            _chunk_rows, items, weights, executor=pool, chunk=chunk_size(size, pool), progress=progress
        )
    for i, tail in rows:
        values[i][i] = 1.0
        for offset, v in enumerate(tail):
            j = i + 1 + offset
            values[i][j] = values[j][i] = v
    return Matrix(
        labels=_labels(entries),
        paths=tuple(e.path for e in entries),
        values=tuple(tuple(row) for row in values),
    )


def _chunk_rows(
    items: Sequence[tuple[int, Sequence[tuple[str, int]]]], weights: Weights
) -> list[tuple[int, list[float]]]:
    return _rows([i for i, _ in items], weights, [c for _, c in items])
