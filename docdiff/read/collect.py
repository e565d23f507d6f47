"""Gather statements from paths and folders, reporting the ones that fail.

Used wherever one command takes many statements (``docdiff formulas``, the
corpus): a folder is walked for statement files in sorted order, and a file
that cannot be read is reported and skipped rather than ending the run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from attrs import frozen

from ..errors import DocdiffError, InputError
from ..model import Document
from ..options import DEFAULT_MAX_BYTES

__all__ = ["STATEMENT_SUFFIXES", "Loaded", "Skipped", "expand_paths", "load_many", "load_one"]

#: File name endings taken as statements when a folder is walked.
STATEMENT_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".xml", ".akn")


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


def load_one(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    language: str | None = None,
    annotate: bool = True,
) -> Document | Skipped:
    """Load one statement, or say why it was skipped; never raises a :class:`DocdiffError`."""
    from . import load

    try:
        return load(path, max_bytes=max_bytes, language=language, annotate=annotate)
    except DocdiffError as error:
        return Skipped(os.fspath(path), str(error))


def load_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    language: str | None = None,
    strict: bool = False,
    annotate: bool = True,
) -> Loaded:
    """Load every statement under ``paths``; with ``strict`` the first failure raises.

    Raises :class:`InputError` when nothing at all could be loaded.
    """
    from . import load

    documents: list[Document] = []
    skipped: list[Skipped] = []
    for path in expand_paths(paths):
        if strict:
            documents.append(load(path, max_bytes=max_bytes, language=language, annotate=annotate))
            continue
        found = load_one(path, max_bytes=max_bytes, language=language, annotate=annotate)
        if isinstance(found, Skipped):
            skipped.append(found)
        else:
            documents.append(found)
    if not documents:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:3]) or "no statement files found"
        raise InputError(f"no statement could be loaded ({reasons})")
    return Loaded(tuple(documents), tuple(skipped))
