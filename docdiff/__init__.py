"""docdiff: structure-aware comparison of diplomatic joint statements.

The public face.  The engine lives in one package per pipeline stage,
composed in :mod:`docdiff.pipeline`::

    read -> segment -> describe -> align -> phrases -> result -> render

>>> import docdiff
>>> left = docdiff.load("seeds/az-cn-2025-04.ru.txt")            # doctest: +SKIP
>>> right = docdiff.load("seeds/az-cn-2025-04-revised.ru.txt")   # doctest: +SKIP
>>> docdiff.compare(left, right).to_html()                       # doctest: +SKIP
"""

from __future__ import annotations

from importlib import metadata as _metadata
from typing import TYPE_CHECKING, Any

from .errors import DocdiffError, InputError, OptionsError, ParseError, UnsafeInputError
from .model import Block, Clause, Document, Metadata, Paragraph, Part, Sentence, Signatory, Span
from .options import AlignTuning, Options, PhraseTuning
from .phrases.align import align_phrases
from .phrases.formulas import compare_formulas, find_formulas
from .pipeline import compare, ledger, load, loads
from .render import formats, render
from .render.document_akn import to_akn
from .result import (
    Change,
    ClausePair,
    Comparison,
    Edit,
    Flag,
    Ledger,
    LedgerRow,
    LedgerSide,
    MatchedBy,
    Op,
    PairKind,
    PhrasePair,
    PhraseSide,
    Presence,
    StrengthChange,
)

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = [
    "AlignTuning",
    "Block",
    "Change",
    "Clause",
    "ClausePair",
    "Comparison",
    "Corpus",
    "DocdiffError",
    "Document",
    "Edit",
    "Flag",
    "InputError",
    "Ledger",
    "LedgerRow",
    "LedgerSide",
    "MatchedBy",
    "Metadata",
    "Op",
    "Options",
    "OptionsError",
    "PairKind",
    "Paragraph",
    "ParseError",
    "Part",
    "PhrasePair",
    "PhraseSide",
    "PhraseTuning",
    "Presence",
    "Sentence",
    "Signatory",
    "Span",
    "StrengthChange",
    "UnsafeInputError",
    "align_phrases",
    "compare",
    "compare_formulas",
    "find_formulas",
    "formats",
    "ledger",
    "load",
    "loads",
    "render",
    "to_akn",
]

try:
    # One source: the version in pyproject.toml, as installed.
    __version__ = _metadata.version("docdiff")
except _metadata.PackageNotFoundError:  # a source tree on sys.path, never installed
    __version__ = "0+unknown"


def __getattr__(name: str) -> Any:
    # The corpus pulls in SQLite and process pools; import it only when asked.
    if name == "Corpus":
        from .corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'docdiff' has no attribute {name!r}")
