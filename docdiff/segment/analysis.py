"""Text for analysis: a paragraph's wrapped lines read as one line, without rewriting the source.

A paragraph joined from hard-wrapped lines keeps its source text, inner
newlines and all, because every span must map back to the source.  The
sentence splitter, however, ends a sentence at every line break, and the
commitment lexicon would not find "сотрудни-\\nчество".  So the analysis
stages read a stand-in:

* :func:`unwrapped` has the same length as the text (offsets hold), with
  every *soft* line break (the line before has no final punctuation and the
  next line starts no list item) turned into spaces;
* :func:`dehyphenated` also joins words broken by a hyphen at a line end
  ("сотрудни-\\nчество" -> "сотрудничество"); it is shorter, so it serves only
  look-ups that return no offsets (annotation).
"""

from __future__ import annotations

import re

from .markers import find_marker, visible

__all__ = ["dehyphenated", "unwrapped"]

_BREAK_RE = re.compile(r"[ \t\u00a0]*(?:\r\n|\r|\n)[ \t\u00a0]*")
_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])[-\u00ad][ \t\u00a0]*(?:\r\n|\r|\n)[ \t\u00a0]*(?=[^\W\d_])")
# A line ending in one of these ends its sentence or introduces a list.
_HARD_END = ".!?。！？:：;；…"


def _soft(text: str, start: int, end: int) -> bool:
    """True when the line break ``text[start:end]`` only wraps a sentence."""
    before = visible(text[:start])
    after = text[end:]
    if not before or not visible(after):
        return False
    return before[-1] not in _HARD_END and find_marker(after.split("\n", 1)[0]) is None


def unwrapped(text: str) -> str:
    """``text`` with soft line breaks replaced by spaces; same length as ``text``."""
    if "\n" not in text and "\r" not in text:
        return text
    pieces: list[str] = []
    last = 0
    for match in _BREAK_RE.finditer(text):
        if _soft(text, match.start(), match.end()):
            pieces.append(text[last : match.start()])
            pieces.append(" " * (match.end() - match.start()))
            last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def dehyphenated(text: str) -> str:
    """``text`` unwrapped, with words broken by a hyphen at a line end joined again."""
    if "\n" not in text and "\r" not in text:
        return text  # a hyphen breaks a word only at a line end
    joined = _HYPHEN_RE.sub(lambda m: "" if text[m.end() : m.end() + 1].islower() else m.group(), text)
    return unwrapped(joined)
