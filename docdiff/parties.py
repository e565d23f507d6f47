"""Party canonicalization: names of states in ru, en and zh -> ISO 3166-1 alpha-2 codes.

The gazetteer is ``lexicon/parties.json`` (described in ``docs/parties.md``): every
UN member state, Palestine ("PS"), the Holy See ("VA") and the European Union
("EU"), with short and formal names, aliases, adjectives and side forms stored in
base form.  From it this module compiles, once per language, one regular
expression that finds every mention in a text:

- **Russian** names are inflected, so each word becomes a stem plus a bounded set
  of case endings chosen from its base form ("Китай" -> "Кита" + й/я/ю/ем/е,
  "Азербайджанская" -> "Азербайджанск" + adjective endings).  "ё" and "е" are
  one letter.  Every adjective also yields a side form ("китайская сторона").
- **English** names match case-insensitively as whole words ("China's" holds
  "China"); every name and adjective yields "(the) X side(s)".
- **Chinese** has no word boundaries: forms match as substrings, and every name
  yields an "X方" side form.  One-character sides shared by several states
  ("阿方": UAE? Azerbaijan? Argentina?) take the candidate named most often in
  the same text, or are dropped.
- Uppercase abbreviations ("US", "ЕС", "КНР") match case-sensitively.

The alternatives go into a trie (one branch per distinct token), so matching
costs one pass over the text whatever the size of the gazetteer, and at one
position the longest form is tried first.  Geographic names that contain a
party name but are not a party ("South China Sea", "朝鲜半岛") are matched and
discarded, which keeps them from yielding a mention.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any, Final

import attrs

__all__ = ["FORMS", "PartyMention", "canonical_party", "find_parties", "party_name"]

FORMS: Final = ("name", "adjective", "side")
"""The values :attr:`PartyMention.form` may take."""

_LANGUAGES: Final = ("en", "ru", "zh")
_WS: Final = r"\s+"
# "Папуа — Новая Гвинея": the dash may come with or without spaces.
_DASH: Final = r"\s*[—–-]\s*"
_END_WORD: Final = r"(?!\w)"
# "X方" is a side, but "方面/方案/方法/方式/方向/方便/方针" are words of their own:
# "执法方面" (law enforcement) must not read as "法方" (France).
_END_ZH_SIDE: Final = "(?![面案法式向便针])"
_SPECIAL: Final = {"'": "['’ʼ]", "’": "['’ʼ]", "-": "[-‐‑]", "е": "[ЕЁеё]", "ё": "[ЕЁеё]"}

_RU_ADJ_BASES: Final = ("ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие")
_RU_ADJ: Final = (
    *("ими", "ыми", "ого", "его", "ому", "ему", "ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые"),
    *("ие", "ую", "юю", "ым", "им", "ом", "ем", "ых", "их", "ей"),
)
# Compound adjectives: "российско-китайский" names Russia in its first half.
_RU_COMBINING: Final = "о(?=[-‐‑])"
_RU_SIDE: Final = ("ами", "ам", "ах", "ой", "ою", "а", "ы", "е", "у", "")


def _known_form(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in FORMS:
        raise ValueError(f"unknown party form {value!r}; expected one of {FORMS}")


def _not_before_start(instance: PartyMention, attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        raise ValueError(f"mention end {value} is before its start {instance.start}")


@attrs.frozen
class PartyMention:
    """One mention of a party in a text, with code-point offsets into that text."""

    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field(validator=_not_before_start)
    code: str
    """ISO 3166-1 alpha-2 code, or "EU"."""
    form: str = attrs.field(validator=_known_form)
    """"name", "adjective" or "side" ("the Chinese side", "китайская сторона", "中方")."""
    text: str
    """The matched text: ``text[start:end]`` of the text searched."""


@attrs.frozen
class _Alternative:
    """What a terminal of the compiled trie stands for."""

    code: str | None  # None: a geographic name that is not a party
    form: str
    candidates: tuple[str, ...] = ()  # for an ambiguous side: the codes it may stand for
    otherwise: str | None = None  # a bare name ("Korea"): the code it takes when only that one is named
    pieces: tuple[_Alternative, ...] = ()  # a combined form ("中美"): one per character


@attrs.frozen
class _Matcher:
    pattern: re.Pattern[str]
    alternatives: tuple[_Alternative, ...]


@cache
def _data() -> dict[str, Any]:
    text = resources.files("docdiff").joinpath("lexicon/parties.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


# --- tokens: each a regex atom; equal atoms share a trie branch ---------------------


def _char(ch: str, sensitive: bool) -> str:
    if ch in _SPECIAL and (not sensitive or not ch.isalpha()):
        return _SPECIAL[ch]
    lower, upper = ch.lower(), ch.upper()
    if sensitive or lower == upper or len(lower) != 1 or len(upper) != 1:
        return re.escape(ch)
    return f"[{re.escape(upper)}{re.escape(lower)}]"


def _literal(text: str, sensitive: bool) -> list[str]:
    return [_char(ch, sensitive) for ch in text]


def _endings(endings: tuple[str, ...]) -> str:
    ordered = sorted(endings, key=lambda e: (-len(e), e))
    return "(?i:" + "|".join(e.replace("е", "[её]") for e in ordered) + ")"


def _ru_inflection(low: str) -> tuple[int, tuple[str, ...]]:
    """How many final letters of a base word to drop, and the endings that may replace them."""
    if low.endswith(("овы", "евы", "ины")):  # "Маршалловы Острова": possessive plural
        return 1, ("ы", "ых", "ым", "ыми")
    if low.endswith(("ский", "цкий")) or (len(low) > 4 and low.endswith(_RU_ADJ_BASES)):
        return 2, (*_RU_ADJ, _RU_COMBINING)
    if low.endswith("ство"):
        return 1, ("о", "а", "у", "ом", "е")
    if low == "острова":
        return 1, ("а", "ов", "ам", "ами", "ах")
    if low.endswith("ия"):
        return 1, ("я", "и", "ю", "ей", "ею")
    table = {
        "я": ("я", "и", "ю", "ей", "ею", "е"),
        "а": ("а", "ы", "и", "е", "у", "ой", "ою"),
        "й": ("й", "я", "ю", "ем", "е", "и"),
        "ь": ("ь", "я", "ю", "ем", "е", "и", "ью"),
        "ы": ("ы", "ов", "ам", "ами", "ах", ""),
    }
    if low[-1] in table:
        return 1, table[low[-1]]
    if low[-1] in "еиоуюэ":  # "Мали", "Перу", "Кабо-Верде": indeclinable
        return 0, ()
    return 0, ("", "а", "у", "ом", "ем", "е")


def _ru_word(word: str) -> list[str]:
    tokens: list[str] = []
    for part in re.split(r"(-)", word):
        if part == "-" or len(part) <= 2:
            tokens.extend(_literal(part, False))
            continue
        # The stem is literal letters and all its endings are one token, so every
        # inflection of a word follows one branch of the trie.
        drop, endings = _ru_inflection(part.lower().replace("ё", "е"))
        stem = part[: len(part) - drop]
        tokens.extend(_literal(stem, False))
        if endings:
            tokens.append(_endings(endings))
    return tokens


def _words(form: str, language: str, sensitive: bool) -> list[str]:
    """The tokens of a multi-word form: words joined by whitespace or a dash."""
    tokens: list[str] = []
    for word in form.split():
        if word in ("—", "–"):
            tokens[-1:] = [_DASH]
            continue
        if language == "ru" and not sensitive:
            tokens.extend(_ru_word(word))
        else:
            tokens.extend(_literal(word, sensitive))
        tokens.append(_WS)
    return tokens[:-1] if tokens and tokens[-1] == _WS else tokens


def _is_acronym(form: str) -> bool:
    letters = [ch for ch in form if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


# --- the alternatives of one language ------------------------------------------------


def _entry_forms(entry: dict[str, Any], language: str) -> tuple[list[str], list[str], list[str]]:
    """Names (short first), adjectives and explicit side forms of one party in one language."""
    names = entry.get(language, {})
    short = [names["short"]] if names.get("short") else []
    return (
        short + names.get("aliases", []) + names.get("formal", []),
        list(names.get("adjectives", [])),
        list(names.get("sides", [])),
    )


def _zh_candidates(data: dict[str, Any], char: str) -> tuple[str, ...]:
    """The parties a one-character short form may stand for: those whose Chinese name starts with it."""
    return tuple(
        entry["code"]
        for entry in data["parties"]
        if any(name.startswith(char) for name in _entry_forms(entry, "zh")[0])
    )


def _zh_alternatives(data: dict[str, Any]) -> list[tuple[list[str], str, _Alternative]]:
    result: list[tuple[list[str], str, _Alternative]] = []
    for entry in data["parties"]:
        names, _, sides = _entry_forms(entry, "zh")
        for name in names:
            result.append((_literal(name, True), "", _Alternative(entry["code"], "name")))
        for name in [*sides, *(n + "方" for n in names)]:
            result.append((_literal(name, True), _END_ZH_SIDE, _Alternative(entry["code"], "side")))
    for side in data["ambiguous_sides"].get("zh", []):
        # "阿方" may be any party whose Chinese name starts with "阿".
        candidates = _zh_candidates(data, side[0])
        result.append((_literal(side, True), _END_ZH_SIDE, _Alternative(None, "side", candidates)))
    result.extend(
        (_literal(form, True), "", _Alternative(None, "name")) for form in data["not_parties"]["zh"]
    )
    return result


def _word_alternatives(data: dict[str, Any], language: str) -> list[tuple[list[str], str, _Alternative]]:
    sensitive_forms = set(data["case_sensitive"].get(language, []))

    def tokens(form: str) -> list[str]:
        return _words(form, language, form in sensitive_forms or _is_acronym(form))

    if language == "ru":
        side = [_WS, *_literal("сторон", False), _endings(_RU_SIDE)]
    else:
        side = [_WS, *_literal("side", False), _endings(("s", ""))]
    the = [*_literal("the", False), _WS]
    # A bare name ("Korea") stands for another party in a text naming only that one.
    bare: dict[str, str] = data.get("bare_names", {}).get(language, {})
    result: list[tuple[list[str], str, _Alternative]] = []
    for entry in data["parties"]:
        code = entry["code"]
        names, adjectives, sides = _entry_forms(entry, language)
        for name in names:
            result.append((tokens(name), _END_WORD, _Alternative(code, "name", otherwise=bare.get(name))))
        for adjective in adjectives:
            # Demonyms: "Americans", "Israelis".
            plural = [_endings(("s", ""))] if language == "en" and adjective[-1] in "ni" else []
            result.append((tokens(adjective) + plural, _END_WORD, _Alternative(code, "adjective")))
        # "китайская сторона"; "the Chinese side", also "the China side" and "the U.S. side".
        formal = set(entry.get(language, {}).get("formal", []))
        heads = adjectives if language == "ru" else [n for n in names if n not in formal] + adjectives
        for head in heads:
            result.append((tokens(head) + side, _END_WORD, _Alternative(code, "side")))
            if language == "en":
                result.append((the + tokens(head) + side, _END_WORD, _Alternative(code, "side")))
        result.extend((tokens(form), _END_WORD, _Alternative(code, "side")) for form in sides)
    blockers = data["not_parties"].get(language, [])
    result.extend((tokens(form), _END_WORD, _Alternative(None, "name")) for form in blockers)
    return result


def _alternatives(language: str) -> list[tuple[list[str], str, _Alternative]]:
    """(tokens, terminal condition, meaning) for every form of a language, in priority order."""
    if language == "zh":
        return _zh_alternatives(_data())
    return _word_alternatives(_data(), language)


# --- the trie and its regular expression ----------------------------------------------


class _Node:
    __slots__ = ("children", "depth", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: list[tuple[str, int]] = []  # (terminal condition, alternative index)
        self.depth = 0


def _insert(root: _Node, tokens: list[str], terminal: str, index: int) -> bool:
    node = root
    for token in tokens:
        node = node.children.setdefault(token, _Node())
    if any(condition == terminal for condition, _ in node.ends):
        return False  # the same form twice: the first one listed wins
    node.ends.append((terminal, index))
    return True


def _emit(node: _Node) -> str:
    """The regex of a subtrie; deeper branches first, so the longest form is tried first."""
    parts: list[str] = []
    ordered = sorted(node.children.items(), key=lambda item: item[0])
    emitted = [(token + _emit(child), child) for token, child in ordered]
    emitted.sort(key=lambda pair: -pair[1].depth)
    parts.extend(regex for regex, _ in emitted)
    node.depth = 1 + max((child.depth for _, child in emitted), default=-1)
    parts.extend(f"{condition}(?P<_{index}>)" for condition, index in node.ends)
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


@cache
def _matcher(language: str) -> _Matcher:
    root = _Node()
    alternatives: list[_Alternative] = []
    for tokens, terminal, alternative in _alternatives(language):
        if _insert(root, tokens, terminal, len(alternatives)):
            alternatives.append(alternative)
    # Russian and English words start at a word boundary; Chinese has none.
    prefix = "" if language == "zh" else r"(?<!\w)"
    return _Matcher(re.compile(prefix + _emit(root)), tuple(alternatives))


def _matches(text: str, language: str, stop: int | None = None) -> list[tuple[int, int, _Alternative]]:
    """Every match in order; with ``stop``, those starting before it (the rest is not read)."""
    matcher = _matcher(language)
    found = []
    for match in matcher.pattern.finditer(text):
        if stop is not None and match.start() >= stop:
            break
        assert match.lastgroup is not None  # every alternative ends in a named group
        found.append((match.start(), match.end(), matcher.alternatives[int(match.lastgroup[1:])]))
    return found


@cache
def _combined_matcher() -> tuple[re.Pattern[str], dict[str, _Alternative]] | None:
    """Chinese pairs of one-character short forms ("中美", "俄中"), and what each character stands for."""
    data = _data()
    spec = data.get("combined", {}).get("zh")
    if not spec:
        return None
    chars: dict[str, _Alternative] = {}
    for entry in data["parties"]:
        for side in _entry_forms(entry, "zh")[2]:
            if len(side) == 2 and side.endswith("方"):
                chars[side[0]] = _Alternative(entry["code"], "name")
    for side in data["ambiguous_sides"].get("zh", []):
        chars[side[0]] = _Alternative(None, "name", _zh_candidates(data, side[0]))
    anchor = re.escape(spec["anchor"])
    others = "".join(re.escape(ch) for ch in sorted(chars) if ch != spec["anchor"])

    def context(words: list[str]) -> str:
        return "(?=" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + ")"

    # Only before a word that says two countries are meant: "中美关系", "中哈关于……的联合声明";
    # "中美洲" (Central America) and "会谈中俄方表示" are no pair.
    pattern = re.compile(
        rf"{anchor}[{others}]{context(spec['followed_by'])}|[{others}]{anchor}{context(spec['reversed_followed_by'])}"
    )
    return pattern, chars


def _combined(text: str, stop: int | None) -> list[tuple[int, int, _Alternative]]:
    """The combined forms in a Chinese text, each one alternative with a piece per character."""
    matcher = _combined_matcher()
    if matcher is None:
        return []
    pattern, chars = matcher
    found = []
    for match in pattern.finditer(text):
        if stop is not None and match.start() >= stop:
            break
        pieces = tuple(chars[ch] for ch in match.group())
        found.append((match.start(), match.end(), _Alternative(None, "name", pieces=pieces)))
    return found


def _split(found: list[tuple[int, int, _Alternative]]) -> list[tuple[int, int, _Alternative]]:
    """Combined forms replaced by their one-character pieces."""
    out: list[tuple[int, int, _Alternative]] = []
    for start, end, alternative in found:
        if alternative.pieces:
            out.extend((start + i, start + i + 1, piece) for i, piece in enumerate(alternative.pieces))
        else:
            out.append((start, end, alternative))
    return out


def _needs_context(alternative: _Alternative) -> bool:
    """Whether the names elsewhere in the text decide what the alternative stands for."""
    return alternative.otherwise is not None or (alternative.code is None and bool(alternative.candidates))


def _languages(language: str | None) -> tuple[str, ...]:
    return (language,) if language in _LANGUAGES else _LANGUAGES


def _leftmost_longest(found: list[tuple[int, int, _Alternative]]) -> list[tuple[int, int, _Alternative]]:
    """Merge the matches of several languages as one expression would: leftmost, then longest."""
    kept: list[tuple[int, int, _Alternative]] = []
    for start, end, alternative in sorted(found, key=lambda item: (item[0], -item[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, alternative))
    return kept


def _resolve(candidates: tuple[str, ...], named: Counter[str]) -> str | None:
    """The candidate named most often in the text; None when none is named or on a tie."""
    counts = sorted(((named[code], code) for code in candidates if named[code]), reverse=True)
    if not counts or (len(counts) > 1 and counts[0][0] == counts[1][0]):
        return None
    return counts[0][1]


# --- public API --------------------------------------------------------------------------


def _scan(
    text: str, languages: tuple[str, ...], stop: int | None, combined: bool
) -> list[tuple[int, int, _Alternative]]:
    # One expression per language, not one for all: each compiles once and is reused,
    # and three small tries scan faster than their union.
    found = [match for lang in languages for match in _matches(text, lang, stop)]
    if combined and "zh" in languages:
        found.extend(_combined(text, stop))
        return _split(_leftmost_longest(found))
    return _leftmost_longest(found) if len(languages) > 1 else found


def find_parties(
    text: str, language: str | None = None, *, end: int | None = None, combined: bool = False
) -> tuple[PartyMention, ...]:
    """All non-overlapping party mentions in ``text``, in order; longest match wins.

    ``language`` is "ru", "en" or "zh"; None (or another value) tries all three.
    An ambiguous Chinese side form ("阿方") takes the code of the candidate party
    named most often elsewhere in the text, and is dropped when none is named or
    two are named equally often.  A bare name listed as such ("Korea") stands
    for the other party it may mean ("DPRK") when the text names that one and
    names its own party by no other name.  With ``combined``, a Chinese pair of
    short forms before a word such as 关系 or 两国 ("中美关系", "中阿两国") is
    two mentions, one per character, the second resolved like "阿方".  With
    ``end``, only the mentions that end by that offset, as the whole text
    yields them (the text after ``end`` is read only where a short form needs
    the names around it).
    """
    languages = _languages(language)
    # Matches come in order, so none starting at ``end`` or later ends by it,
    # nor changes which earlier ones are kept; only the names that decide a
    # short or bare form need the rest, and then the whole text is read.
    found = _scan(text, languages, end, combined)
    if end is not None and any(_needs_context(alternative) for _, _, alternative in found):
        found = _scan(text, languages, None, combined)
    named = Counter(alternative.code for _, _, alternative in found if alternative.code is not None)
    by_name = {a.code for _, _, a in found if a.form == "name" and a.code is not None and a.otherwise is None}
    mentions: list[PartyMention] = []
    for first, last, alternative in found:
        if end is not None and last > end:
            continue
        code = alternative.code
        if code is None:
            # A geographic name (no candidates) or an ambiguous side.
            code = _resolve(alternative.candidates, named)
            if code is None:
                continue
        elif alternative.otherwise is not None and alternative.otherwise in named and code not in by_name:
            code = alternative.otherwise  # "Korea" in a text on the DPRK that names no Republic of Korea
        mentions.append(PartyMention(first, last, code, alternative.form, text[first:last]))
    return tuple(mentions)


def canonical_party(name: str) -> str | None:
    """Map one name in any form, inflection or language to its code, or None.

    "Азербайджанской Республики", "the Azerbaijani side", "China's" and "阿塞拜疆"
    all map to a code; the whole of ``name`` (less surrounding whitespace, a
    leading "the" and a possessive "'s") must be one mention.
    """
    candidate = name.strip()
    variants = [candidate]
    without_the = re.sub(r"^the\s+", "", candidate, flags=re.IGNORECASE)
    variants.append(without_the)
    variants.append(re.sub(r"['’]s?$", "", without_the))
    for variant in variants:
        mentions = find_parties(variant)
        if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(variant) > 0:
            return mentions[0].code
    return None


@cache
def _short_names() -> dict[str, dict[str, str]]:
    return {
        entry["code"]: {lang: entry[lang]["short"] for lang in _LANGUAGES if entry.get(lang, {}).get("short")}
        for entry in _data()["parties"]
    }


def party_name(code: str, language: str = "en") -> str:
    """Short display name of ``code`` in ``language``: falls back to English, then to the code."""
    names = _short_names().get(code.upper(), {})
    return names.get(language) or names.get("en") or code
