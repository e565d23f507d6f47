"""Typography folding for comparison, with a map back to source offsets.

Comparison must not see the difference between « » and " ", between a hyphen
and an en dash, between a no-break space and a space, or between ё and е; the
reader must still be able to point at the source.  :func:`normalize` returns
the folded text together with, for every folded character, the offset of the
source character it came from.
"""

from __future__ import annotations

import re
import unicodedata

from attrs import frozen

from ..lang.scripts import INVISIBLE_FOLDED

__all__ = ["Normalized", "fold_char", "normalize"]

# Every quotation mark folds to the straight double quote; single quotes and
# apostrophes fold to the straight apostrophe.
_DOUBLE_QUOTES = '"“”„‟«»″〝〞＂'
_SINGLE_QUOTES = "'‘’‚‛‹›′`"
# Hyphens, dashes and the minus sign fold to the ASCII hyphen-minus.
_DASHES = "‐‑‒–—―−⁃﹘﹣－"
# Characters that carry no text: soft hyphen, zero-width space/joiners, word
# joiner, byte-order mark, invisible operators.
_INVISIBLE = INVISIBLE_FOLDED

_FOLD: dict[str, str] = {}
_FOLD.update({c: '"' for c in _DOUBLE_QUOTES})
_FOLD.update({c: "'" for c in _SINGLE_QUOTES})
_FOLD.update({c: "-" for c in _DASHES})
_FOLD.update({c: "" for c in _INVISIBLE})
_FOLD.update({"ё": "е", "Ё": "Е", "…": "..."})


def fold_char(char: str) -> str:
    """Fold one (already NFC) character; whitespace folds to a single space."""
    if char.isspace():
        return " "
    return _FOLD.get(char, char)


@frozen
class Normalized:
    """Folded text plus, for each folded character, the source range it came from.

    ``starts[i]`` and ``ends[i]`` bound the source characters that produced
    folded character ``i`` (a composed letter may come from several; a
    collapsed space from a whole run of whitespace).
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the folded range ``[start, end)`` back to a source range."""
        if not self.text:
            return (0, 0)
        if start >= end:
            at = self.starts[start] if start < len(self.starts) else self.ends[-1]
            return (at, at)
        return (self.starts[start], self.ends[end - 1])


def _clusters(text: str) -> list[tuple[int, int, str]]:
    """Split text into (start, end, base char + combining marks) so NFC can act locally.

    Invisible characters are left out, so a mark after a zero-width space
    still joins the letter before it (folding is then idempotent).
    """
    clusters: list[tuple[int, int, str]] = []
    for i, char in enumerate(text):
        if char in _INVISIBLE:
            continue
        if clusters and unicodedata.combining(char):
            start, _, chunk = clusters[-1]
            clusters[-1] = (start, i + 1, chunk + char)
        else:
            clusters.append((i, i + 1, char))
    return clusters


# Whitespace runs and the characters :func:`fold_char` changes: everything
# else is copied as is, so the fast path only looks at these.
_SPECIAL = re.compile(r"\s+|[" + re.escape("".join(sorted(_FOLD))) + "]")
# The same, but a lone plain space (the common case between two words) is an
# ordinary character: usable when no invisible character can sit next to it.
_SPECIAL_NOT_LONE_SPACE = re.compile(r"[^\S ]\s*| \s+|[" + re.escape("".join(sorted(_FOLD))) + "]")
_INVISIBLE_RE = re.compile("[" + re.escape(_INVISIBLE) + "]")
# Combining marks (the main blocks): a base letter and its marks map to the
# whole cluster, which only the character loop does.
_COMBINING_RE = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    "\u0670\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u20d0-\u20ff\u302a-\u302f\u3099\u309a\ufe20-\ufe2f]"
)


def _fast_normalize(text: str, casefold: bool, offset: int) -> Normalized | None:
    """:func:`normalize` for NFC text whose case folding keeps lengths; else None.

    Runs of ordinary characters are copied by slicing and their offsets made
    with ``range``, which keeps normalization linear and about ten times
    faster than the character loop (it runs for every unit of a comparison).
    """
    if not unicodedata.is_normalized("NFC", text) or _COMBINING_RE.search(text):
        return None
    if casefold:
        folded_text = text.casefold()
        if len(folded_text) != len(text):
            return None
        text = folded_text
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    space_from = space_to = -1
    position = 0
    lone_spaces = _INVISIBLE_RE.search(text) is None
    special = _SPECIAL_NOT_LONE_SPACE if lone_spaces else _SPECIAL

    def emit_space() -> None:
        nonlocal space_from
        if space_from >= 0:
            out.append(" ")
            starts.append(space_from + offset)
            ends.append(space_to + offset)
            space_from = -1

    for found in special.finditer(text):
        start, stop = found.span()
        if start > position:
            emit_space()
            out.append(text[position:start])
            starts.extend(range(position + offset, start + offset))
            ends.extend(range(position + offset + 1, start + offset + 1))
        position = stop
        piece = found.group()
        if piece[0].isspace():
            if out:
                space_from = start if space_from < 0 else space_from
                space_to = stop
            continue
        replacement = _FOLD[piece]
        if casefold:
            replacement = replacement.casefold()
        if not replacement:
            continue
        emit_space()
        out.append(replacement)
        starts.extend([start + offset] * len(replacement))
        ends.extend([stop + offset] * len(replacement))
    if position < len(text):
        emit_space()
        out.append(text[position:])
        starts.extend(range(position + offset, len(text) + offset))
        ends.extend(range(position + offset + 1, len(text) + offset + 1))
    joined = "".join(out)
    if lone_spaces:
        # A lone space copied at either end is whitespace the slow path drops.
        if joined.startswith(" "):
            joined, starts, ends = joined[1:], starts[1:], ends[1:]
        if joined.endswith(" "):
            joined, starts, ends = joined[:-1], starts[:-1], ends[:-1]
    return Normalized(joined, tuple(starts), tuple(ends))


def normalize(text: str, *, casefold: bool = False, offset: int = 0) -> Normalized:
    """Fold ``text`` for comparison.

    Applies, in order: Unicode NFC; quotes to one form; dashes to "-";
    removal of soft hyphens and zero-width characters; ё to е; every run of
    whitespace (NBSP, thin and ideographic spaces, tabs, newlines) to one
    space, with leading and trailing whitespace dropped; and, when
    ``casefold`` is set, case folding.  ``offset`` is added to every source
    offset, so a slice of a document maps back into the whole source.
    """
    fast = _fast_normalize(text, casefold, offset)
    if fast is not None:
        return fast
    return _slow_normalize(text, casefold, offset)


def _slow_normalize(text: str, casefold: bool, offset: int) -> Normalized:
    """The character loop: composes combining sequences, folds case of any length."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    space_from = space_to = -1
    for start, stop, cluster in _clusters(text):
        composed = unicodedata.normalize("NFC", cluster) if len(cluster) > 1 else cluster
        for char in composed:
            folded = fold_char(char)
            if casefold:
                folded = folded.casefold()
            if folded == " ":
                if out:
                    space_from = start if space_from < 0 else space_from
                    space_to = stop
                continue
            if not folded:
                continue
            if space_from >= 0:
                out.append(" ")
                starts.append(space_from + offset)
                ends.append(space_to + offset)
                space_from = -1
            for piece in folded:
                out.append(piece)
                starts.append(start + offset)
                ends.append(stop + offset)
    return Normalized("".join(out), tuple(starts), tuple(ends))
