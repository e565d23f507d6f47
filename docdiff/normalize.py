"""Typography folding for comparison, with a map back to source offsets.

Comparison must not see the difference between « » and " ", between a hyphen
and an en dash, between a no-break space and a space, or between ё and е; the
reader must still be able to point at the source.  :func:`normalize` returns
the folded text together with, for every folded character, the offset of the
source character it came from.
"""

from __future__ import annotations

import unicodedata

from attrs import frozen

__all__ = ["Normalized", "fold_char", "normalize"]

# Every quotation mark folds to the straight double quote; single quotes and
# apostrophes fold to the straight apostrophe.
_DOUBLE_QUOTES = '"“”„‟«»″〝〞＂'
_SINGLE_QUOTES = "'‘’‚‛‹›′`"
# Hyphens, dashes and the minus sign fold to the ASCII hyphen-minus.
_DASHES = "‐‑‒–—―−⁃﹘﹣－"
# Characters that carry no text: soft hyphen, zero-width space/joiners, word
# joiner, byte-order mark, invisible operators.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u2061\u2062\u2063\u2064\u180e"

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


def _clusters(text: str) -> list[tuple[int, str]]:
    """Split text into (offset, base char + combining marks) so NFC can act locally."""
    clusters: list[tuple[int, str]] = []
    for i, char in enumerate(text):
        if clusters and unicodedata.combining(char):
            start, chunk = clusters[-1]
            clusters[-1] = (start, chunk + char)
        else:
            clusters.append((i, char))
    return clusters


def normalize(text: str, *, casefold: bool = False, offset: int = 0) -> Normalized:
    """Fold ``text`` for comparison.

    Applies, in order: Unicode NFC; quotes to one form; dashes to "-";
    removal of soft hyphens and zero-width characters; ё to е; every run of
    whitespace (NBSP, thin and ideographic spaces, tabs, newlines) to one
    space, with leading and trailing whitespace dropped; and, when
    ``casefold`` is set, case folding.  ``offset`` is added to every source
    offset, so a slice of a document maps back into the whole source.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    space_from = space_to = -1
    for start, cluster in _clusters(text):
        composed = unicodedata.normalize("NFC", cluster) if len(cluster) > 1 else cluster
        stop = start + len(cluster)
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
