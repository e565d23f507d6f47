"""Gather statement files from paths and folders, and the values that report on them.

Used wherever one command takes many statements (``docdiff formulas``, the
corpus): a folder is walked for statement files in sorted order
(:func:`expand_paths`); :func:`docdiff.pipeline.load_many` loads them, and a
file that cannot be read is reported (:class:`Skipped`) rather than ending
the run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from attrs import frozen

from ..model import Document

__all__ = ["STATEMENT_SUFFIXES", "Loaded", "Skipped", "display_path", "expand_paths"]

#: File name endings taken as statements when a folder is walked.
STATEMENT_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".xml", ".akn", ".pdf", ".docx")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    # os.fsdecode keeps an undecodable byte NN as U+DCNN (surrogateescape).
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def display_path(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """The path as text every output can hold: a byte that is not UTF-8 shown as ``\\xNN``.

    File names are bytes on POSIX; Python gives an undecodable byte as a
    lone surrogate, which no UTF-8 output (JSON, HTML, SQLite) can encode.
    The file is always opened by its real name; this is what is shown and
    recorded (``Document.path``, skip lines, the corpus index).
    """
    return _SURROGATE.sub(_shown, os.fsdecode(path))


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


def expand_paths(
    paths: Iterable[str | os.PathLike[str]], skipped: list[Skipped] | None = None
) -> Iterator[str]:
    """Yield statement files: each file as given, each folder's files sorted, recursively.

    A path that does not exist is yielded as is, so the loader reports it;
    so is a broken symbolic link with a statement's name.  Symbolic links to
    folders are followed once: a folder met again (a link loop, or a second
    link to it) and a folder that cannot be read are appended to
    ``skipped`` with the reason, never dropped without a word.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(str(path), skipped if skipped is not None else [])
        else:
            yield str(path)


def _walk(top: str, skipped: list[Skipped]) -> list[str]:
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
        except OSError as error:
            skipped.append(Skipped(display_path(folder), f"cannot open this folder ({error.strerror})"))
            continue
        if (info.st_dev, info.st_ino) in seen:
            why = "a folder already walked (a symbolic link loop, or a second link to it)"
            skipped.append(Skipped(display_path(folder), why + "; its files are read once"))
            continue
        seen.add((info.st_dev, info.st_ino))
        try:
            with os.scandir(folder) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as error:
            skipped.append(
                Skipped(
                    display_path(folder),
                    f"cannot read this folder ({error.strerror}); check its permissions",
                )
            )
            continue
        for entry in reversed(listed):
            if _is_dir(entry):
                stack.append(entry.path)
            elif entry.name.lower().endswith(STATEMENT_SUFFIXES) and not entry.name.startswith("."):
                found.append(Path(entry.path))
    return [str(p) for p in sorted(found)]


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows a symbolic link
    except OSError:
        return False
