"""Cut a source text into chunks: the raw paragraphs the other rules classify.

A chunk is a run of non-blank lines, trimmed of surrounding whitespace, with
its code-point offsets into the source.  Newlines may be ``\\n``, ``\\r\\n`` or
``\\r``; the source is never rewritten.

Two layouts are recognised:

* the text has blank lines between paragraphs (the usual case): a blank line
  ends a chunk, and so does a line that starts with a structural marker
  ("1.", "Статья 2", "(a)", "一、"), because sources often print a list with
  single newlines inside an otherwise blank-line separated text;
* the text has no blank line at all: every non-blank line is a chunk (one
  newline per paragraph, as many news sites and scrapers print it).
"""

from __future__ import annotations

import re

from attrs import frozen

from .markers import starts_block

__all__ = ["Chunk", "split_chunks"]

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


@frozen
class Chunk:
    """A trimmed, non-empty stretch of source text: ``source[start:end] == text``."""

    start: int
    end: int
    text: str


def _lines(source: str) -> list[tuple[int, int]]:
    """Content bounds ``(start, end)`` of every line, trimmed; ``start == end`` when blank."""
    found: list[tuple[int, int]] = []
    for match in _LINE_RE.finditer(source):
        if match.start() == match.end():
            break
        line = match.group()
        stripped = line.strip()
        if not stripped:
            found.append((match.start(), match.start()))
            continue
        lead = len(line) - len(line.lstrip())
        start = match.start() + lead
        found.append((start, start + len(stripped)))
    return found


def split_chunks(source: str) -> tuple[Chunk, ...]:
    """Split ``source`` into chunks, in order (see the module docstring for the layouts)."""
    lines = _lines(source)
    filled = [start != end for start, end in lines]
    first = filled.index(True) if any(filled) else len(filled)
    last = len(filled) - 1 - filled[::-1].index(True) if any(filled) else -1
    blank_mode = any(not f for f in filled[first:last])
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for (start, end), is_filled in zip(lines, filled, strict=True):
        if not is_filled:
            if current:
                groups.append(current)
                current = []
            continue
        if current and (not blank_mode or starts_block(source[start:end])):
            groups.append(current)
            current = []
        current.append((start, end))
    if current:
        groups.append(current)
    return tuple(Chunk(g[0][0], g[-1][1], source[g[0][0] : g[-1][1]]) for g in groups)
