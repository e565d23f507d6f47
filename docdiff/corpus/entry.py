"""One indexed statement: what the corpus keeps of it, and how it is made.

An :class:`Entry` is everything ranking, the matrix and the formula table
need, so an index file answers queries without the original files: the
metadata, every unit's label, text and terms, and the statement's term
counts.  :func:`entry_of` turns a parsed
:class:`~docdiff.model.Document` into one; :func:`index_paths` and
:func:`index_items` are the picklable work functions that executors run
over chunks of the input.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence

import attrs
from attrs import frozen

from ..errors import DocdiffError
from ..model import Document
from ..options import ReadOptions
from ..pipeline import load_with
from ..read.collect import Skipped
from ..text.tokens import terms

__all__ = ["Entry", "Unit", "digest", "entry_of", "index_items", "index_paths"]

#: The label of the one pseudo-unit of a statement in which no unit was found.
WHOLE_TEXT = "text"


@frozen
class Unit:
    """A unit of a statement: its label, its source text and its terms, in order."""

    label: str
    text: str
    terms: tuple[str, ...]


@frozen
class Entry:
    """What the corpus stores of one statement.

    ``counts`` are the statement's term counts (its title and every unit),
    sorted by term; ``digest`` is the SHA-256 of the source text, which
    tells a query that is already in the corpus under another path.
    """

    path: str
    title: str | None
    date: str | None
    parties: tuple[str, ...]
    language: str
    digest: str
    units: tuple[Unit, ...]
    counts: tuple[tuple[str, int], ...]


def digest(text: str) -> str:
    """SHA-256 (hex) of a statement's source text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def entry_of(document: Document) -> Entry:
    """The corpus entry of a parsed statement."""
    language = document.language
    units = tuple(Unit(u.label, u.text, tuple(terms(u.text, language))) for u in document.units)
    if not units:
        # A statement in which the segmenter found no unit is still compared
        # on its whole text, as one unit.
        units = (Unit(WHOLE_TEXT, document.source.strip(), tuple(terms(document.source, language))),)
    counts: Counter[str] = Counter()
    # The title names the parties and the kind of statement: worth having in
    # the statement's vector, never a unit of its own.
    title = document.metadata.title or (document.title.text if document.title else None)
    if title:
        counts.update(terms(title, language))
    for unit in units:
        counts.update(unit.terms)
    meta = document.metadata
    return Entry(
        path=document.path or "",
        title=title,
        date=meta.date,
        parties=tuple(meta.parties),
        language=language,
        digest=digest(document.source),
        units=units,
        counts=tuple(sorted(counts.items())),
    )


def _failure(path: str, error: Exception) -> Skipped:
    if isinstance(error, DocdiffError):
        return Skipped(path, str(error))
    # One statement that trips a bug must not end the indexing of thousands;
    # it is reported with its cause instead, so the bug is still seen.
    return Skipped(path, f"unexpected {type(error).__name__}: {error} (a docdiff bug: please report it)")


def index_paths(paths: Sequence[str], read: ReadOptions | None = None) -> list[Entry | Skipped]:
    """Read, parse and index each path: an :class:`Entry`, or a :class:`Skipped` saying why not."""
    # The corpus needs units, texts and metadata, never the per-sentence
    # actor and commitment, which cost half the parse.
    lighter = attrs.evolve(read or ReadOptions(), annotate=False)
    out: list[Entry | Skipped] = []
    for path in paths:
        try:
            document = load_with(path, lighter)
            out.append(entry_of(document))
        except Exception as error:
            out.append(_failure(path, error))
    return out


def index_items(items: Sequence[str | Document], read: ReadOptions | None = None) -> list[Entry | Skipped]:
    """Index paths (read and parsed here) and parsed documents, in order; see :func:`index_paths`."""
    out: list[Entry | Skipped] = []
    for item in items:
        if isinstance(item, str):
            out.extend(index_paths([item], read))
            continue
        try:
            out.append(entry_of(item))
        except Exception as error:
            out.append(_failure(item.path or "<document>", error))
    return out
