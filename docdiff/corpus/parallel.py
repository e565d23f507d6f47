"""Spreading corpus work over a :class:`concurrent.futures.Executor`.

Work is cut into chunks in input order, one task per chunk is submitted,
and results are collected in submission order, never completion order, so
the outcome is the same whichever executor ran it: a process pool (the
default), a thread pool, a dask.distributed ``Client.get_executor()`` or
:class:`InlineExecutor`, which runs each task at once in the calling thread.
Only ``submit`` is used, the one method every executor has.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

__all__ = ["InlineExecutor", "Progress", "default_executor", "run_chunks"]

T = TypeVar("T")
R = TypeVar("R")

#: ``progress(done, total)``, called in the calling thread as work completes.
Progress = Callable[[int, int], None]

# Below this many items a process pool costs more to start than it saves.
_SMALL = 16


class InlineExecutor(Executor):
    """An executor that runs every task at once, in the calling thread."""

    def submit(self, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Future[R]:
        """Run ``fn(*args, **kwargs)`` now; return a finished future holding its result or error."""
        future: Future[R] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # the future carries it, as a pool's would
            future.set_exception(error)
        return future


def _watch_parent(parent: int) -> None:
    """Run in each pool worker: end the worker as soon as the process that started it is gone.

    A killed ``docdiff index`` (``kill -9``: no cleanup runs) would leave its
    workers waiting for work forever, since each holds the task pipe open
    itself.  The parent's death makes the worker an orphan (its parent id
    changes), which a daemon thread notices within a fifth of a second.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="docdiff-parent-watch", daemon=True).start()


@contextmanager
def default_executor(executor: Executor | None, items: int) -> Iterator[Executor]:
    """The caller's executor as is, or a process pool of ``os.cpu_count()`` workers shut down after.

    Small jobs (fewer than 16 items) run inline when no executor is given.
    The pool's workers end when this process dies, however it dies.
    """
    if executor is not None:
        yield executor
        return
    if items < _SMALL:
        yield InlineExecutor()
        return
    pool = ProcessPoolExecutor(
        max_workers=os.cpu_count() or 1, initializer=_watch_parent, initargs=(os.getpid(),)
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def chunked(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """``items`` cut into consecutive slices of at most ``size``."""
    return [items[i : i + size] for i in range(0, len(items), max(1, size))]


def run_chunks(
    fn: Callable[..., list[R]],
    items: Sequence[T],
    *args: Any,
    executor: Executor,
    chunk: int,
    progress: Progress | None = None,
) -> list[R]:
    """``fn(slice, *args)`` for consecutive slices of ``items``, results concatenated in input order.

    ``progress(done, total)`` is called with the number of items done after
    each slice, in order (a slice that finishes early is counted when the
    ones before it are done, so the count never goes back).
    """
    total = len(items)
    if progress is not None:
        progress(0, total)
    futures = [(len(part), executor.submit(fn, part, *args)) for part in chunked(items, chunk)]
    out: list[R] = []
    done = 0
    for size, future in futures:
        out.extend(future.result())
        done += size
        if progress is not None:
            progress(done, total)
    return out


def chunk_size(items: int, executor: Executor) -> int:
    """Slices small enough to balance the workers and show progress, large enough to pay for a task."""
    workers = getattr(executor, "_max_workers", None) or os.cpu_count() or 1
    return max(1, min(64, -(-items // (workers * 8))))
