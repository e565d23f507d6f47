"""The exception tree: one base, :class:`DocdiffError`, and nothing else here.

Each subclass is also the matching builtin so callers that already catch
``OSError`` or ``ValueError`` keep working (the pattern attrs uses).
Messages name the input and, where there is one, the position, and say what
to do about it.
"""

from __future__ import annotations

__all__ = [
    "DocdiffError",
    "InputError",
    "OptionsError",
    "ParseError",
    "UnsafeInputError",
]


class DocdiffError(Exception):
    """Base of every error docdiff raises on purpose."""


class InputError(DocdiffError, OSError):
    """A path or byte stream cannot be read as a statement.

    Raised for a missing path, a directory, an empty or binary file, an
    undecodable encoding or a file over the size limit.
    """


class ParseError(DocdiffError, ValueError):
    """Text was read but its structure cannot be understood."""


class UnsafeInputError(ParseError):
    """Markup that is hostile or too large to parse safely (entities, DTDs, depth)."""


class OptionsError(DocdiffError, ValueError):
    """An option value is out of range or of the wrong kind."""
