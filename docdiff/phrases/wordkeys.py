"""The word keys of one document's units: the tokens :mod:`docdiff.phrases.seedextend` aligns.

Every word of every unit with its comparison key (:func:`docdiff.text.tokens.term_of`:
folded, case-folded, stemmed) and a weight; a Han character is a token of its
own, keyed by itself.  Source offsets are worked out only for the tokens a
phrase starts or ends at.
"""

from __future__ import annotations

import bisect
import re

from ..model import Document
from ..text.tokens import HAN_CLASS, WORD_CHAR, WORD_PATTERN, word_keys

__all__ = ["Shared", "Words"]

# The word and Han tokens of :func:`docdiff.text.tokens.split_tokens`, found by
# one regex pass instead of a look at every token (a Han character is a token
# of its own and is tried first).  split_tokens' other tokens (whitespace
# runs, single other characters) are never a word's start, so skipping them
# finds the same words; tests check the two agree.
_HAN = re.compile(HAN_CLASS)
# In text without Han characters the word pattern need not leave out the Han
# block, and the smaller character class matches a quarter faster.
_WORD = re.compile(r"[^\W_]+(?:[-‐‑'’.][^\W_]+)*")
_HAN_OR_WORD = re.compile(f"({HAN_CLASS})|({WORD_PATTERN})")
# Characters that only occur inside tokens, and every token starts and ends
# with one: the first of a text starts its first token, the last ends its last.
_TOKEN_CHAR = f"(?:{WORD_CHAR}|{HAN_CLASS})"
_FIRST_CHAR = re.compile(_TOKEN_CHAR)
_LAST_CHAR = re.compile(f"(?s:.*){_TOKEN_CHAR}")


def _keys_of(text: str, language: str) -> tuple[list[str], list[float]]:
    """Keys and weights of the words and Han characters of ``text``, in order."""
    lookup = word_keys(language).__getitem__
    if _HAN.search(text) is None:
        # No Han character (Russian, English): every token is a word.
        words = _WORD.findall(text)
        return list(map(lookup, words)), [1.0] * len(words)
    found = _HAN_OR_WORD.findall(text)
    keys = [han or lookup(word) for han, word in found]
    return keys, [0.5 if han else 1.0 for han, _ in found]


def _offsets(text: str) -> list[tuple[int, int]]:
    """Start and end in ``text`` of each token :func:`_keys_of` gives a key for."""
    pattern = _WORD if _HAN.search(text) is None else _HAN_OR_WORD
    return [m.span() for m in pattern.finditer(text)]


class Shared:
    """Work on paragraph texts that two :class:`Words` share (a revision keeps most paragraphs)."""

    __slots__ = ("contents", "keys", "spans")

    def __init__(self) -> None:
        # The number of a unit's keys (see Words.content).
        self.contents: dict[tuple[str, ...], int] = {}
        # Keys and weights of a text, by language and text.
        self.keys: dict[tuple[str, str], tuple[list[str], list[float]]] = {}
        # Token starts and ends of a text (the same in every language).
        self.spans: dict[str, list[tuple[int, int]]] = {}


class Words:
    """The word tokens of one document's units, as parallel lists (built once per document).

    ``bounds[u]`` is the ``[first, stop)`` token range of unit ``u``;
    ``unit[t]`` the unit of token ``t``; ``weight[t]`` 1 for a word and 0.5
    for a Han character (Chinese words are about two characters long);
    ``content[u]`` a number shared by the units with the same keys.
    Source offsets are worked out only for the tokens asked about
    (:meth:`span`): few tokens end up at the edge of a phrase.  Two
    documents built with the same ``shared`` tokenize the paragraphs they
    share once (a revision keeps most of them) and number their units'
    contents together.
    """

    def __init__(self, document: Document, shared: Shared | None = None) -> None:
        self.document = document
        self.labels = tuple(u.label for u in document.units)
        self.keys: list[str] = []
        self.weight: list[float] = []
        self.unit: list[int] = []
        self.bounds: list[tuple[int, int]] = []
        # The first token of each paragraph; its source start and end and token count.
        self._firsts: list[int] = []
        self._paragraphs: list[tuple[int, int, int]] = []
        language = document.language
        source = document.source
        # Statements repeat paragraphs (boilerplate, sections); tokenize each text once.
        self.shared = shared = Shared() if shared is None else shared
        seen = shared.keys
        keys, weight = self.keys, self.weight
        for index, clause in enumerate(document.units):
            first = len(keys)
            for paragraph in clause.paragraphs:
                start, end = paragraph.span.start, paragraph.span.end
                text = source[start:end]
                tokens = seen.get((language, text))
                if tokens is None:
                    tokens = seen[(language, text)] = _keys_of(text, language)
                self._firsts.append(len(keys))
                self._paragraphs.append((start, end, len(tokens[0])))
                keys += tokens[0]
                weight += tokens[1]
            self.unit += [index] * (len(keys) - first)
            self.bounds.append((first, len(keys)))
        self.han = weight.count(0.5) * 2 > len(weight)
        # Units with the same keys share a number, in both documents when they
        # share ``shared``: work on one is reused for the others.
        contents = shared.contents
        self.content = [
            contents.setdefault(tuple(keys[first:stop]), len(contents)) for first, stop in self.bounds
        ]

    def _locate(self, token: int) -> tuple[int, int, int, int]:
        """The source start, end and token count of the paragraph holding ``token``, and its index there."""
        # The last paragraph starting at or before the token holds it (an
        # empty paragraph shares its first token with the next one).
        k = bisect.bisect_right(self._firsts, token) - 1
        start, end, count = self._paragraphs[k]
        return start, end, count, token - self._firsts[k]

    def _offsets(self, start: int, end: int) -> list[tuple[int, int]]:
        text = self.document.source[start:end]
        spans = self.shared.spans.get(text)
        if spans is None:
            spans = self.shared.spans[text] = _offsets(text)
        return spans

    def span(self, first: int, stop: int) -> tuple[int, int]:
        """Source start and end of the tokens ``[first, stop)`` (not empty).

        Most phrases begin with a paragraph's first token and end with one's
        last: those ends are found without listing the paragraph's tokens.
        """
        source = self.document.source
        start, end, _, at = self._locate(first)
        if at:
            begin = start + self._offsets(start, end)[at][0]
        else:
            found = _FIRST_CHAR.search(source, start, end)
            assert found is not None  # the paragraph has a token
            begin = found.start()
        start, end, count, at = self._locate(stop - 1)
        if at < count - 1:
            return begin, start + self._offsets(start, end)[at][1]
        found = _LAST_CHAR.match(source, start, end)
        assert found is not None
        return begin, found.end()
