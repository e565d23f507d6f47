"""Gather statement files from paths and folders, and the values that report on them.

Used wherever one command takes many statements (``docdiff formulas``, the
corpus): a folder is walked for statement files in sorted order
(:func:`expand_paths`); :func:`docdiff.pipeline.load_many` loads them, and a
file that cannot be read is reported (:class:`Skipped`) rather than ending
the run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from attrs import frozen

from ..model import Document

__all__ = ["STATEMENT_SUFFIXES", "Loaded", "Skipped", "expand_paths"]

#: File name endings taken as statements when a folder is walked.
STATEMENT_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".xml", ".akn", ".pdf", ".docx")


@frozen
class Skipped:
    """A file that was not loaded, and why."""

    path: str
    reason: str


@frozen
class Loaded:
    """The statements that loaded, in path order, and the files skipped."""

    documents: tuple[Document, ...]
    skipped: tuple[Skipped, ...]


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Yield statement files: each file as given, each folder's files sorted, recursively.

    A path that does not exist is yielded as is, so the loader reports it.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in STATEMENT_SUFFIXES and not p.name.startswith(".")
            ]
            yield from (str(p) for p in sorted(found))
        else:
            yield str(path)
