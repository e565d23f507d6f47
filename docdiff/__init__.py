"""docdiff: structure-aware comparison of diplomatic joint statements.

The public face; the engine lives in one module per pipeline stage.
"""

from __future__ import annotations

from .errors import DocdiffError, InputError, OptionsError, ParseError, UnsafeInputError
from .model import Block, Clause, Document, Metadata, Paragraph, Part, Sentence, Signatory, Span
from .options import Options

__all__ = [
    "Block",
    "Clause",
    "DocdiffError",
    "Document",
    "InputError",
    "Metadata",
    "Options",
    "Paragraph",
    "ParseError",
    "Part",
    "Sentence",
    "Signatory",
    "Span",
    "UnsafeInputError",
]

__version__ = "0.1.0"
