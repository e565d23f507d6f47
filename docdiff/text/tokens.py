"""Word tokens and morphology-aware terms, shared by alignment, diffs and phrases.

Two views of a text:

* :func:`split_tokens` cuts it into pieces that cover it exactly (words,
  runs of whitespace, single punctuation marks, single Han characters), the
  units of inline word diffs;
* :func:`terms` gives the comparison keys of its words: typography folded,
  case folded, stemmed with the Snowball stemmer for Russian and English,
  and character bigrams for Chinese, where words are not delimited.
"""

from __future__ import annotations

import functools
import itertools
import re

import snowballstemmer

from ..lang import languages, pack, stemming_pack
from ..lang.scripts import HAN_CLASS
from .normalize import fold_char

__all__ = [
    "HAN_CLASS",
    "WORD_CHAR",
    "WORD_PATTERN",
    "is_han",
    "split_tokens",
    "stem",
    "term_of",
    "terms",
    "word_keys",
]

# A word: letters/digits joined by inner hyphens, apostrophes or dots
# ("азербайджано-китайских", "China's", "U.S.", "1.5"); Han characters are
# tokens of their own; anything else is one character.  A word character is
# alphanumeric (\w but "_") outside the main Han block; every \d is one, so
# digits need no alternative of their own (which made matching 2.5x slower).
WORD_CHAR = r"[^\W_\u3400-\u9fff]"
"""A character of a word: alphanumeric, "_" and the main Han block excepted."""
WORD_PATTERN = rf"{WORD_CHAR}+(?:[-‐‑'’.]{WORD_CHAR}+)*"
"""A word: word characters joined by inner hyphens, apostrophes or dots."""
_TOKEN = re.compile(rf"\s+|{HAN_CLASS}|{WORD_PATTERN}|.", re.DOTALL)
_WORD = re.compile(WORD_PATTERN)
_HAN = re.compile(HAN_CLASS)
# Words looked up per language more than this many are forgotten all at once
# (the same bound as term_of's cache).
_KEYS_LIMIT = 200_000


def is_han(text: str) -> bool:
    """True when ``text`` starts with a Han (Chinese) character."""
    return bool(text) and _HAN.match(text) is not None


def split_tokens(text: str) -> list[str]:
    """Cut ``text`` into tokens whose concatenation is exactly ``text``."""
    return _TOKEN.findall(text)


@functools.cache
def _stemmer(language: str) -> object | None:
    found = stemming_pack(language)
    return snowballstemmer.stemmer(found.stemmer) if found is not None and found.stemmer else None


@functools.cache
def _stemming(language: str, codes: tuple[str, ...]) -> tuple[tuple[str, str, bool, str, bool], ...]:
    """Per pack with a stemmer, in pack order: (code, letter range, ASCII words?, possessive, own?).

    "own" says the pack stems ``language``'s words; the range and the ASCII
    test claim words by their script whatever the language (a Russian word
    quoted in an English text is stemmed as Russian).
    """
    own = stemming_pack(language)
    return tuple(
        (p.code, p.stem_letters, p.stem_ascii, p.possessive, own is not None and own.code == p.code)
        for p in map(pack, codes)
        if p.stemmer
    )


@functools.lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The Snowball stem of a folded, lower-case word ("поддерживают" -> "поддержива")."""
    stemmer = _stemmer(language)
    if stemmer is None:
        return word
    return str(stemmer.stemWord(word))  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=200_000)
def term_of(token: str, language: str) -> str:
    """The comparison key of one word token: folded, case-folded, stemmed."""
    folded = "".join(fold_char(c) for c in token).casefold()
    for code, letters, ascii_words, possessive, own in _stemming(language, languages()):
        if (
            own
            or (letters and any(letters[0] <= c <= letters[1] for c in folded))
            or (ascii_words and folded.isascii())
        ):
            # Possessives carry no meaning for comparison: "China's" is "China".
            if possessive and folded.endswith(possessive):
                folded = folded[: -len(possessive)]
            return stem(folded, code)
    return folded


class _Keys(dict[str, str]):
    """Word -> :func:`term_of` key for one language, filled on first look-up.

    A plain dict look-up is several times cheaper than a call through
    ``term_of``'s cache, and a statement repeats its words many times.
    """

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def __missing__(self, word: str) -> str:
        key = self[word] = term_of(word, self.language)
        return key


_KEYS: dict[str, _Keys] = {}


def word_keys(language: str) -> dict[str, str]:
    """Word -> :func:`term_of` key in ``language``, filled on first look-up (shared, bounded)."""
    keys = _KEYS.get(language)
    if keys is None or len(keys) > _KEYS_LIMIT:
        keys = _KEYS[language] = _Keys(language)
    return keys


def terms(text: str, language: str) -> list[str]:
    """Comparison keys of the words of ``text``, in order.

    Han runs become overlapping character bigrams (a lone character stays a
    unigram), which gives Chinese a useful similarity without a segmenter.
    Punctuation and whitespace carry no key.
    """
    if _HAN.search(text) is None:
        # Without Han characters the keys are those of the word tokens alone,
        # and one pass of the word pattern finds exactly those tokens: where
        # the token pattern takes whitespace or one other character, the
        # word pattern finds no word either.
        return list(map(word_keys(language).__getitem__, _WORD.findall(text)))
    out: list[str] = []
    han_run: list[str] = []

    def flush() -> None:
        if len(han_run) == 1:
            out.append(han_run[0])
        else:
            out.extend(a + b for a, b in itertools.pairwise(han_run))
        han_run.clear()

    for token in _TOKEN.findall(text):
        if is_han(token):
            han_run.append(token)
            continue
        if han_run:
            flush()
        if token[0].isalnum():
            out.append(term_of(token, language))
    if han_run:
        flush()
    return out
