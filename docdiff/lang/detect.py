"""Language identification: script counts first, then cheap letter and word cues.

Statements come in a handful of languages and each is long, so a deterministic
rule cascade is enough and needs no model:

1. Count letters per script in the first :data:`SAMPLE_SIZE` characters.  A Han
   character is worth :data:`HAN_WEIGHT` letters (it carries a syllable, a
   Latin letter a fraction of one), so a Chinese text quoting an English name
   stays Chinese.
2. Han -> "zh" (or "ja" when kana are frequent); Hangul -> "ko"; Arabic -> "ar".
3. Cyrillic -> "ru", unless letters only another alphabet has are frequent:
   Kazakh ә ғ қ ң ө ұ ү һ -> "kk"; Belarusian ў with no и щ ъ -> "be";
   Ukrainian і ї є ґ with no ы э ъ ё -> "uk".
4. Latin -> "az" when ə or the word "və" are frequent; "tr" when ı ğ ş are and
   ə is not; else the best of small stopword profiles for en, fr, de, es,
   with "en" on a tie or no evidence.
5. No letter at all -> "und".

Counting every character of a 20,000-character sample in Python costs about
a millisecond, so most statements take a quicker road to the same counts
(:func:`_quick_tally`): when every character is Latin-1, a letter of the
Russian alphabet, Han, or common punctuation, the script of a character
follows from its Unicode block, and blocks are counted by byte operations
on the UTF-16 encoding.
Anything else (a cue letter, kana, another script, a tie between scripts)
takes the character-by-character tally.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

__all__ = ["HAN_WEIGHT", "SAMPLE_SIZE", "detect_language"]

SAMPLE_SIZE = 20_000
"""Only this many leading characters are examined: the language does not change mid-statement."""

HAN_WEIGHT = 2
"""How many letters one Han character counts for when scripts are compared."""

# A cue letter set "is frequent" at this share of the script's letters.
_CUE_SHARE = 0.005

_KAZAKH = frozenset("әғқңөұүһӘҒҚҢӨҰҮҺ")
_BELARUSIAN = frozenset("ўЎ")
_NOT_BELARUSIAN = frozenset("ищъИЩЪ")
_UKRAINIAN = frozenset("іїєґІЇЄҐ")
_NOT_UKRAINIAN = frozenset("ыэъёЫЭЪЁ")
_AZERBAIJANI = frozenset("əƏ")
_TURKIC = frozenset("ıİğĞşŞ")

_WORD_RE = re.compile(r"[^\W\d_]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words frequent in one language and rare in the others; words two of
# them share ("de", "la", "en", "que", "es", "des") are left out on purpose.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": _words("the and of to is that with will for on are this be by"),
    "fr": _words("le les et du une est pour dans sur avec qui au aux nous"),
    "de": _words("der die das und den von zu mit ist im auf für nicht sich dem"),
    "es": _words("el los las y del por con para una se su al como"),
}


def _script(ch: str) -> str | None:
    """The script bucket of one character, or None when it is not a letter we count."""
    code = ord(ch)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "han"
    if 0x20000 <= code <= 0x2FFFF:
        return "han"
    if 0x3040 <= code <= 0x30FF:
        return "kana"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF:
        return "hangul"
    if not ch.isalpha():
        return None
    if 0x0400 <= code <= 0x052F:
        return "cyrillic"
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF or ch in _AZERBAIJANI:
        return "latin"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F:
        return "arabic"
    return "other"


Count = Callable[[frozenset[str]], int]
"""How many letters of the sample are one of the given cue letters."""


def _share(letters: Count, cues: frozenset[str], total: int) -> float:
    return letters(cues) / total


def _cyrillic(letters: Count, total: int) -> str:
    # Each alphabet needs its own letters to be frequent *and* the letters it
    # lacks to be rare, so a Ukrainian or Kazakh name inside a Russian text
    # ("Київ", "Тоқаев") does not flip the answer.
    if _share(letters, _KAZAKH, total) >= 6 * _CUE_SHARE:
        return "kk"
    if (
        _share(letters, _BELARUSIAN, total) >= _CUE_SHARE
        and _share(letters, _NOT_BELARUSIAN, total) < _CUE_SHARE
    ):
        return "be"
    if (
        _share(letters, _UKRAINIAN, total) >= 4 * _CUE_SHARE
        and _share(letters, _NOT_UKRAINIAN, total) < _CUE_SHARE
    ):
        return "uk"
    return "ru"


def _latin(sample: str, letters: Count, total: int, latin1_words: bool) -> str:
    if latin1_words:
        # Every word character is in Latin-1 and every other character a
        # separator: the words are found by bytes operations; "və" needs an ə,
        # which such a sample has none of.
        words = sample.encode("latin-1", "replace").translate(_LATIN1_WORDS).decode("latin-1").split()
    else:
        words = [word.lower() for word in _WORD_RE.findall(sample)]
        if words and words.count("və") / len(words) >= 0.01:
            return "az"
    if _share(letters, _AZERBAIJANI, total) >= _CUE_SHARE:
        return "az"
    if _share(letters, _TURKIC, total) >= 2 * _CUE_SHARE:
        return "tr"
    counts = Counter(words)
    scores = {lang: sum(counts[word] for word in profile) for lang, profile in _STOPWORDS.items()}
    best = max(scores.values())
    if best == 0:
        return "en"
    # dict order makes "en" win a tie, then fr, de, es: deterministic.
    return next(lang for lang, score in scores.items() if score == best)


def _tally(sample: str) -> tuple[Counter[str], Count, bool]:
    """Weighted letters per script in order of first appearance, and a counter of cue letters.

    The third value, False, says the words are to be read by the word pattern.
    """
    scripts: Counter[str] = Counter()
    letters: Counter[str] = Counter()
    # Classify each distinct character once: Counter keeps first-seen order,
    # so scripts are still inserted in text order (the tie-break below).
    for ch, count in Counter(sample).items():
        script = _script(ch)
        if script is None:
            continue
        scripts[script] += (HAN_WEIGHT if script == "han" else 1) * count
        letters[ch] += count
    return scripts, lambda cues: sum(letters[ch] for ch in cues), False


# The characters the quick tally takes: Latin-1 (counted on its own), the
# Russian alphabet (Cyrillic block U+04xx), general punctuation, CJK
# punctuation, Han (blocks U+4Exx-U+9Fxx) and fullwidth punctuation.  Outside
# Latin-1 each is a letter of its block's script or no word character at all
# (tests/test_language.py checks every one against _script), and none is a
# cue letter: any other character sends the sample to the full tally.
_UNUSUAL_RE = re.compile(
    "[^\x00-\xff\u0401\u0410-\u044f\u0451\u2000-\u206f\u3000-\u3003\u3008-\u301f"
    "\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
)
_CYRILLIC_BLOCK = b"\x04"
_HAN_BLOCKS = bytes(range(0x4E, 0xA0))
_CUES = _KAZAKH | _BELARUSIAN | _UKRAINIAN | _AZERBAIJANI | _TURKIC
_LATIN1_NOT_LATIN = bytes(code for code in range(0x100) if _script(chr(code)) != "latin")
# Latin-1 bytes to words: word characters in lower case (each stays one
# Latin-1 character), everything else a space.
_LATIN1_WORDS = bytes(
    ord(chr(code).lower()) if _WORD_RE.fullmatch(chr(code)) else ord(" ") for code in range(0x100)
)


def _in_blocks(high: bytes, blocks: bytes) -> int:
    """How many UTF-16 code units have their high byte in ``blocks``."""
    return len(high) - len(high.translate(None, blocks))


def _quick_tally(sample: str) -> tuple[Counter[str], Count, bool] | None:
    """The tally of :func:`_tally` by block counts, or None when the sample needs the full tally.

    When no character is unusual (:data:`_UNUSUAL_RE`), the script of each
    one beyond Latin-1 is its block's: Cyrillic letters are the UTF-16 code
    units with high byte 0x04, Han those with 0x4E-0x9F, the rest count no
    letter.  A tie between scripts would be broken by first appearance,
    which is not counted here: the full tally decides it.
    """
    if _UNUSUAL_RE.search(sample) is not None:
        return None
    latin1 = sample.encode("latin-1", "ignore")
    high = sample.encode("utf-16-le")[1::2]
    cyrillic = _in_blocks(high, _CYRILLIC_BLOCK)
    han = _in_blocks(high, _HAN_BLOCKS)
    latin = len(latin1.translate(None, _LATIN1_NOT_LATIN))
    weights = {"latin": latin, "cyrillic": cyrillic, "han": HAN_WEIGHT * han}
    scripts = Counter({script: weight for script, weight in weights.items() if weight})
    if list(scripts.values()).count(max(weights.values())) > 1:
        return None
    # Without Cyrillic or Han, every character beyond Latin-1 is no word character.
    latin1_words = not cyrillic and not han

    def letters(cues: frozenset[str]) -> int:
        # A letter's count is its number of occurrences; cue letters have none.
        return sum(sample.count(ch) for ch in cues - _CUES)

    return scripts, letters, latin1_words


def detect_language(text: str) -> str:
    """ISO 639-1 code of the dominant language of ``text``.

    Returns "ru", "en", "zh", "az", "uk", "kk", "be", "fr", "de", "es" (and
    "tr", "ja", "ko", "ar" which cost nothing extra to tell apart); "und" when
    the text has no letter, or its letters are of a script not listed here.
    Only the first :data:`SAMPLE_SIZE` characters are examined.
    """
    sample = text[:SAMPLE_SIZE]
    scripts, letters, latin1_words = _quick_tally(sample) or _tally(sample)
    if not scripts:
        return "und"
    # most_common breaks ties by first insertion, i.e. by position in the text.
    dominant, weight = scripts.most_common(1)[0]
    if dominant in ("han", "kana"):
        # Japanese mixes Han with kana; Chinese has none.
        return "ja" if scripts["kana"] >= 0.1 * (scripts["han"] + scripts["kana"]) else "zh"
    if dominant == "hangul":
        return "ko"
    if dominant == "arabic":
        return "ar"
    if dominant == "cyrillic":
        return _cyrillic(letters, weight)
    if dominant == "latin":
        return _latin(sample, letters, weight, latin1_words)
    return "und"
