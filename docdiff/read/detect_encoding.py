"""Legacy encodings: charset-normalizer proposes readings, script checks decide.

Reached only when the stronger evidence of :mod:`docdiff.read.encoding`
(a byte-order mark, binary magic, a UTF-16/32 NUL pattern, strict UTF-8, a
declared charset, near-UTF-8 damage) has said nothing.  The steps, each of
which can be stated in a message:

1. charset-normalizer decodes the bytes with each candidate code page
   (:data:`CANDIDATES`: the Chinese, Japanese, Cyrillic and Western ones
   statements are published in) and keeps the readings whose "mess"
   (its measure of unlikely characters: symbols inside words, mixed
   scripts, controls) is at most :data:`MESS_FLOOR`;
2. every reading kept must be plausible for its script: a Cyrillic one
   must read as Russian (letter frequencies, case, no stray symbols: the
   Cyrillic code pages differ mainly in where the capitals sit, so the
   wrong one turns capitals into symbols or lower-case into upper-case);
   a Han one must use the common characters of Chinese running text (a
   GBK text read as Big5, or the reverse, gives rare characters); a Kana
   one must be Japanese; a Latin one must have sparse accents only;
3. among the plausible readings, Cyrillic ones are ranked by the Russian
   score (charset-normalizer cannot tell cp1251 from Mac Cyrillic in a short
   text), the others by charset-normalizer's own order; none plausible is a
   refusal, never a guess.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata

from charset_normalizer import from_bytes

__all__ = ["CANDIDATES", "MESS_FLOOR", "detect"]

#: The code pages tried, by charset-normalizer's names.  GB18030 is the
#: superset of GBK and GB2312; Big5 and Shift_JIS are the traditional
#: Chinese and Japanese code pages; cp1251, KOI8-R, cp866 and Mac Cyrillic
#: the Russian ones; cp1252 the Western one.
CANDIDATES = ("gb18030", "big5", "shift_jis", "cp1251", "koi8_r", "cp866", "mac_cyrillic", "cp1252")

#: The most mess (charset-normalizer's ratio, 0..1) a reading may have.
MESS_FLOOR = 0.2

# Relative frequencies (per 1000 letters) of the Russian lower-case letters in
# running text; the scorer rewards common letters, penalises rare ones.
_RU_FREQ = {
    "о": 110, "е": 85, "а": 80, "и": 74, "н": 67, "т": 63, "с": 55, "р": 47, "в": 45,
    "л": 44, "к": 35, "м": 32, "д": 30, "п": 28, "у": 26, "я": 20, "ы": 19, "ь": 17,
    "г": 17, "з": 16, "б": 16, "ч": 14, "й": 12, "х": 10, "ж": 9, "ш": 7, "ю": 6,
    "ц": 5, "щ": 4, "э": 3, "ф": 3, "ъ": 0.4, "ё": 0.4,
}  # fmt: skip
_RU_LOGP = {letter: math.log(max(freq, 0.2) / 1000) for letter, freq in _RU_FREQ.items()}
_RU_RARE = math.log(0.1 / 1000)

# What cp1251 makes of the bytes 80-9F, where Mac Cyrillic keeps its capitals:
# glued to a lower-case letter ("„а", "‘тороны") they are a capital misread.
_CAPITAL_STAND_INS = frozenset(bytes(range(0x80, 0xA0)).decode("cp1251", "ignore"))

# The commonest characters of Chinese running text, simplified and traditional
# (function words, "country", "cooperation", "development", "both sides" ...).
_COMMON_HAN = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子"
    "说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当"
    "使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反"
    "你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展"
    "五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根"
    "论运农指几九区强放决西被干做必战先回则任取据处府研双方合作发展支持关系领域加强推动共同促进"
    "國這為個們來時對發會與動說產種後學經進實體機當點從業開還應關間樣數係領導務區雙"
)


# The non-ASCII symbols of Western statements: quotation marks, dashes, bullets,
# the no-break space, currency, degrees.
_TYPOGRAPHIC = frozenset("\u00a0‘’‚“”„«»‹›–—…•·°€£¥№×±©®™")


_MARKUP = re.compile(r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>|<[A-Za-z/!?][^>]*>", re.DOTALL | re.I)


def _codec(name: str) -> str:
    return codecs.lookup(name).name


def _stray(char: str, following: str) -> bool:
    """A non-letter that Russian text does not have there: a symbol, or a capital misread."""
    if char in _CAPITAL_STAND_INS and "а" <= following <= "я":
        return True
    return not (char.isspace() or unicodedata.category(char).startswith(("P", "Z")) or char == "№")


def russian_score(text: str) -> float:
    """Mean log-probability per Cyrillic letter, with penalties for case and symbols.

    Russian text is mostly lower case but has capitals; KOI8-R read as
    cp1251 (and the reverse) swaps the case of almost every letter, Mac
    Cyrillic read as cp1251 turns capitals into punctuation glued to the
    word, and random bytes give box-drawing characters and symbols.
    Higher is more Russian-like; ``-inf`` is not Russian at all.
    """
    letters = lower = odd = non_ascii = ascii_letters = 0
    logp = 0.0
    sample = text[:100000]
    for n, char in enumerate(sample):
        if ord(char) < 0x80:
            ascii_letters += char.isalpha()
            continue
        non_ascii += 1
        if "\u0410" <= char <= "\u044f" or char in "ёЁ":
            letters += 1
            low = char.lower()
            lower += char == low
            logp += _RU_LOGP.get(low, _RU_RARE)
        elif "\u0400" <= char <= "\u04ff":
            # Cyrillic, but not Russian (Ђ, Љ, Ћ ...): what the wrong code page gives.
            letters += 1
            odd += 1
            logp += _RU_RARE
        else:
            odd += _stray(char, sample[n + 1 : n + 2])
    if letters == 0:
        return -math.inf
    letter_share = letters / non_ascii
    lower_share = lower / letters
    # Western text read as cp1251 gives a few Cyrillic letters among Latin words.
    if letter_share < 0.8 or lower_share < 0.5 or letters < 0.3 * (letters + ascii_letters):
        return -math.inf
    return logp / letters + 4 * min(lower_share, 0.95) - 20 * odd / non_ascii


def _han_plausible(text: str) -> bool:
    sample = text[:100000]
    han = [c for c in sample if "\u4e00" <= c <= "\u9fff"]
    # A handful of ideographs in a long Latin text is a Western text misread.
    if len(han) < min(10, 0.2 * sum(c.isalpha() for c in sample)):
        return False
    return sum(c in _COMMON_HAN for c in han) / len(han) >= 0.12


def _latin_plausible(sample: str) -> bool:
    """Sparse accents in Latin words, and non-ASCII symbols alone, not in runs.

    A multi-byte code page read as cp1252 turns each character into two
    (GBK's quotation marks become "¡°"): runs of non-ASCII symbols; and
    the symbols of a wrong reading are rarely the typographic ones
    (quotation marks, dashes, bullets) a statement uses.
    """
    letters = sum(1 for c in sample if c.isalpha())
    accented = sum(1 for c in sample if c.isalpha() and ord(c) >= 0x80)
    if any(c.isalpha() and ord(c) > 0x24F for c in sample):
        return False  # a Western code page has no letter past Latin Extended
    high = [n for n, c in enumerate(sample) if ord(c) >= 0x80]
    glued = 0
    for n in high:
        after = sample[n + 1 : n + 2]
        glued += bool(after) and ord(after) >= 0x80 and not (sample[n].isalpha() and after.isalpha())
    symbols = [sample[n] for n in high if not sample[n].isalpha()]
    typographic = sum(c in _TYPOGRAPHIC for c in symbols)
    return (
        letters > 0
        and accented / letters < 0.3
        and glued <= 0.1 * len(high)
        and typographic >= 0.5 * len(symbols)
    )


def _script(text: str) -> str:
    """The script most non-ASCII letters are in: ``"cyrillic"``, ``"han"``, ``"kana"``, ``"latin"``."""
    counts = {"cyrillic": 0, "han": 0, "kana": 0, "latin": 0, "other": 0}
    for char in text[:100000]:
        if ord(char) < 0x80 or not char.isalpha():
            continue
        if "\u0400" <= char <= "\u04ff":
            counts["cyrillic"] += 1
        elif "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
            counts["han"] += 1
        elif "\u3040" <= char <= "\u30ff" or "\uff66" <= char <= "\uff9f":
            counts["kana"] += 1
        elif char <= "\u024f":
            counts["latin"] += 1
        else:
            counts["other"] += 1
    total = sum(counts.values())
    if total == 0:
        return "latin"
    if counts["kana"] and counts["kana"] + counts["han"] >= 0.8 * total:
        return "kana"
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= 0.8 * total else "mixed"


def _plausible(text: str, script: str) -> bool:
    if script == "cyrillic":
        return russian_score(text) > -math.inf
    if script == "han":
        return _han_plausible(text)
    if script == "kana":
        # Japanese running text is about a third Hiragana; half-width Katakana is a misreading.
        kana = sum(1 for c in text[:100000] if "\u3040" <= c <= "\u30ff")
        narrow = sum(1 for c in text[:100000] if "\uff66" <= c <= "\uff9f")
        return kana >= 10 * narrow and kana > 0
    if script == "latin":
        return _latin_plausible(text[:100000])
    return False


def detect(data: bytes) -> tuple[str, str] | None:
    """The text and codec of legacy-encoded ``data``, or ``None`` when no reading is plausible."""
    readings: list[tuple[str, str, str]] = []
    for match in from_bytes(data, cp_isolation=list(CANDIDATES), threshold=MESS_FLOOR):
        if match.chaos > MESS_FLOOR:
            continue
        codec = _codec(match.encoding)
        try:
            # Decoded here, strictly: charset-normalizer may have replaced bytes.
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        # Judged on what a reader sees: a page's tags and scripts are ASCII
        # that would drown a Russian text in "Latin" letters.
        shown = _MARKUP.sub(" ", text) if "<" in text else text
        script = _script(shown)
        if "\ufffd" in text or not _plausible(shown, script):
            continue
        readings.append((codec, text, script))
    if not readings:
        return None
    if readings[0][2] == "cyrillic":
        cyrillic = [r for r in readings if r[2] == "cyrillic"]
        codec, text, _ = max(cyrillic, key=lambda r: russian_score(_MARKUP.sub(" ", r[1])))
        return text, codec
    codec, text, script = readings[0]
    if script == "latin" and codec != "cp1252" and data.decode("cp1252", "replace") == text:
        # Quotation marks alone read the same in cp1251 and cp1252 (charset-normalizer
        # then names one of them): name the Western code page for a Latin text.
        codec = "cp1252"
    return text, codec
