"""Compare one statement against many: a corpus index, ranking, a similarity matrix, formula variants.

:class:`Corpus` is built from a folder, a list of paths or parsed
documents (:meth:`Corpus.build`, work spread over an executor), saved to
and opened from one SQLite file (:meth:`Corpus.save`, :meth:`Corpus.open`),
and answers three questions: which statements are most like this one
(:meth:`Corpus.rank`), how alike is every pair (:meth:`Corpus.matrix`) and
which wordings of the stock formulas are used where (:meth:`Corpus.formulas`).
The answers are values of :mod:`docdiff.corpus.types`; :mod:`docdiff.render.corpus`
renders them (``render(corpus.matrix(), "csv")``).
``docs/corpus.md`` explains the index and the scores.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import Executor

from ..errors import InputError, OptionsError
from ..model import Document
from ..options import ReadOptions
from ..read.collect import Skipped, expand_paths
from .entry import Entry, entry_of, index_items
from .index import read_index, write_index
from .matrix import compute_matrix
from .parallel import InlineExecutor, Progress, chunk_size, default_executor, run_chunks
from .rank import Scoring, rank_entries
from .types import ClauseMatch, FormulaHit, FormulaTable, Matrix, Ranking, RankResult
from .variants import find_hits, formula_table
from .weights import Weights

__all__ = [
    "ClauseMatch",
    "Corpus",
    "Entry",
    "FormulaTable",
    "InlineExecutor",
    "Matrix",
    "RankResult",
    "Ranking",
    "Scoring",
    "open_or_build",
]

_SQLITE_MAGIC = b"SQLite format 3\x00"


class Corpus:
    """An indexed collection of statements.

    ``entries`` are the statements indexed, in input order (a folder's files
    sorted by path); ``skipped`` the files that could not be read, each with
    the reason.
    """

    def __init__(self, entries: Iterable[Entry], skipped: Iterable[Skipped] = ()) -> None:
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.skipped: tuple[Skipped, ...] = tuple(skipped)
        self._weights: Weights | None = None
        self._hits: list[tuple[FormulaHit, ...]] | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"<Corpus of {len(self.entries)} statements, {len(self.skipped)} skipped>"

    @property
    def weights(self) -> Weights:
        """The idf table and inverted index, derived once from the entries."""
        if self._weights is None:
            self._weights = Weights([e.counts for e in self.entries])
        return self._weights

    @classmethod
    def build(
        cls,
        source: str | os.PathLike[str] | Iterable[str | os.PathLike[str] | Document],
        *,
        executor: Executor | None = None,
        progress: Progress | None = None,
        read: ReadOptions | None = None,
    ) -> Corpus:
        """Index a folder, a file, or a list of paths (folders walked) and parsed documents.

        Reading, parsing and term counting are spread over ``executor`` (a
        process pool of ``os.cpu_count()`` workers when none is given; any
        :class:`concurrent.futures.Executor` works, results are the same).
        ``progress(done, total)`` is called as statements are done.  Every
        file is read with ``read`` (its size limit and language; annotation
        is always off for indexing).  Files that cannot be read are listed
        in :attr:`skipped`.  Raises
        :class:`~docdiff.errors.InputError` when no statement at all could
        be indexed.
        """
        raw: Iterable[str | os.PathLike[str] | Document]
        raw = [source] if isinstance(source, (str, os.PathLike)) else source
        items: list[str | Document] = []
        walked: list[Skipped] = []  # folders the walk could not read or met twice
        for item in raw:
            if isinstance(item, Document):
                items.append(item)
            else:
                items.extend(expand_paths([item], walked))
        with default_executor(executor, len(items)) as pool:
            done = run_chunks(
                index_items,
                items,
                read or ReadOptions(),
                executor=pool,
                chunk=chunk_size(len(items), pool),
                progress=progress,
            )
        entries = [d for d in done if isinstance(d, Entry)]
        skipped = walked + [d for d in done if isinstance(d, Skipped)]
        if not entries:
            reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:3]) or "no statement files found"
            raise InputError(f"no statement could be indexed ({reasons})")
        return cls(entries, skipped)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Corpus:
        """Open an index file written by :meth:`save`."""
        entries, skipped = read_index(path)
        return cls(entries, skipped)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the corpus to one SQLite file at ``path`` (replaced whole if it exists)."""
        write_index(path, self.entries, self.skipped)

    def rank(
        self, document: Document, k: int = 10, *, scoring: Scoring | None = None
    ) -> tuple[RankResult, ...]:
        """The ``k`` statements most like ``document``, best first (see :mod:`docdiff.corpus.rank`).

        The query itself is left out when it is in the corpus (same path or
        identical text).  ``scoring`` weighs the score's components
        (:class:`Scoring`'s defaults when ``None``).
        """
        query = entry_of(document)
        return rank_entries(query, self.entries, self.weights, k, scoring=scoring or Scoring())

    def ranking(self, document: Document, k: int = 10) -> Ranking:
        """:meth:`rank` with what the ranking report says besides: the corpus's size and languages.

        Raises :class:`~docdiff.errors.OptionsError` when ``k`` is below 1.
        """
        if k < 1:
            raise OptionsError(f"the number of results must be >= 1, got {k}")
        return Ranking(
            query=document.path,
            language=document.language,
            results=self.rank(document, k),
            size=len(self),
            languages=tuple(sorted({entry.language for entry in self.entries})),
        )

    def matrix(self, *, executor: Executor | None = None, progress: Progress | None = None) -> Matrix:
        """The similarity of every pair of statements (symmetric, 1.0 on the diagonal)."""
        return compute_matrix(self.entries, self.weights, executor=executor, progress=progress)

    def formulas(self, *, executor: Executor | None = None, progress: Progress | None = None) -> FormulaTable:
        """For each lexicon formula, which statements use it and in which wording.

        The search runs over the stored units, spread over ``executor`` like
        :meth:`build`, once per corpus object.
        """
        if self._hits is None:
            items = [(e.language, e.units) for e in self.entries]
            with default_executor(executor, len(items)) as pool:
                size = chunk_size(len(items), pool)
                self._hits = run_chunks(find_hits, items, executor=pool, chunk=size, progress=progress)
        return formula_table(self.entries, self._hits)


def open_or_build(
    path: str,
    *,
    executor: Executor | None = None,
    progress: Progress | None = None,
    read: ReadOptions | None = None,
) -> Corpus:
    """Build a corpus from a folder (in memory, every file read with ``read``), or open an index file.

    An index file holds statements already read: ``read`` does not apply to it.

    Raises :class:`~docdiff.errors.InputError` for a missing path or a file
    that is not a corpus index.
    """
    if os.path.isdir(path):
        return Corpus.build(path, executor=executor, progress=progress, read=read)
    if not os.path.exists(path):
        raise InputError(f"{path}: no such folder or index file; give a folder of statements or an index")
    try:
        with open(path, "rb") as handle:
            magic = handle.read(len(_SQLITE_MAGIC))
    except OSError as error:
        raise InputError(f"{path}: cannot read it ({error.strerror}); check the path") from None
    if magic != _SQLITE_MAGIC:
        raise InputError(
            f"{path}: not a folder or a corpus index; give a folder of statements, "
            "or an index written by Corpus.save"
        )
    return Corpus.open(path)
