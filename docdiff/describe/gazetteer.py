"""The party gazetteer compiled into one regular expression per language.

``lexicon/parties.json`` (described in ``docs/parties.md``) lists every UN
member state, Palestine ("PS"), the Holy See ("VA") and the European Union
("EU"), with short and formal names, aliases, adjectives and side forms stored
in base form.  This module turns it into patterns; :mod:`docdiff.describe.parties`
reads texts with them:

- **Russian** names are inflected, so each word becomes a stem plus a bounded set
  of case endings chosen from its base form ("Китай" -> "Кита" + й/я/ю/ем/е,
  "Азербайджанская" -> "Азербайджанск" + adjective endings).  "ё" and "е" are
  one letter.  Every adjective also yields a side form ("китайская сторона").
- **English** names match case-insensitively as whole words ("China's" holds
  "China"); every name and adjective yields "(the) X side(s)".
- **Chinese** has no word boundaries: forms match as substrings, and every name
  yields an "X方" side form.  One-character sides shared by several states
  ("阿方": UAE? Azerbaijan? Argentina?) list their candidates.  Pairs of
  one-character short forms ("中美关系") have a pattern of their own.
- Uppercase abbreviations ("US", "ЕС", "КНР") match case-sensitively.

The alternatives go into a trie (one branch per distinct token), so matching
costs one pass over the text whatever the size of the gazetteer, and at one
position the longest form is tried first.  Geographic names that contain a
party name but are not a party ("South China Sea", "朝鲜半岛") are matched too,
with no code, which keeps them from yielding a mention.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Final

import attrs

from ..lang import LANGUAGES as SHIPPED_LANGUAGES
from ..lang import languages, lexicon, pack
from ..lang.record import InflectionRule

__all__ = ["LANGUAGES", "Alternative", "combined_matches", "gazetteer", "matches"]

LANGUAGES: Final = tuple(sorted(SHIPPED_LANGUAGES))
"""The languages the gazetteer has names in: the shipped packs, alphabetically (matches are gathered so)."""
_WS: Final = r"\s+"
# "Папуа — Новая Гвинея": the dash may come with or without spaces.
_DASH: Final = r"\s*[—–-]\s*"
_END_WORD: Final = r"(?!\w)"
# "X方" is a side, but "方面/方案/方法/方式/方向/方便/方针" are words of their own:
# "执法方面" (law enforcement) must not read as "法方" (France): pack "side_end".
_SPECIAL: Final = {"'": "['’ʼ]", "’": "['’ʼ]", "-": "[-‐‑]"}


@cache
def _special(codes: tuple[str, ...]) -> dict[str, str]:
    """Characters matched as a class: apostrophes, hyphens, and the packs' "folded_letters" ("е"/"ё")."""
    special = dict(_SPECIAL)
    for code in codes:
        for variant, base in pack(code).folded_letters.items():
            letters = f"[{base.upper()}{variant.upper()}{base}{variant}]"
            special[base] = special[variant] = letters
    return special


@attrs.frozen
class Alternative:
    """What a match stands for: a party, a geographic name (no code), or a pair of sides."""

    code: str | None  # None: a geographic name that is not a party
    form: str
    candidates: tuple[str, ...] = ()  # for an ambiguous side: the codes it may stand for
    otherwise: str | None = None  # a bare name ("Korea"): the code it takes when only that one is named
    pieces: tuple[Alternative, ...] = ()  # a combined form ("中美"): one per character


@attrs.frozen
class _Matcher:
    pattern: re.Pattern[str]
    alternatives: tuple[Alternative, ...]


@cache
def gazetteer() -> dict[str, Any]:
    """The gazetteer as read from ``lexicon/parties.json`` (read once)."""
    return lexicon("parties")


# --- tokens: each a regex atom; equal atoms share a trie branch ---------------------


def _char(ch: str, sensitive: bool) -> str:
    special = _special(languages())
    if ch in special and (not sensitive or not ch.isalpha()):
        return special[ch]
    lower, upper = ch.lower(), ch.upper()
    if sensitive or lower == upper or len(lower) != 1 or len(upper) != 1:
        return re.escape(ch)
    return f"[{re.escape(upper)}{re.escape(lower)}]"


def _literal(text: str, sensitive: bool) -> list[str]:
    return [_char(ch, sensitive) for ch in text]


@cache
def _folded(codes: tuple[str, ...]) -> dict[str, str]:
    """Every pack's "folded_letters": an ending matches either letter in any language's names."""
    return {variant: base for code in codes for variant, base in pack(code).folded_letters.items()}


def _endings(endings: tuple[str, ...]) -> str:
    ordered = sorted(endings, key=lambda e: (-len(e), e))
    alternation = "|".join(ordered)
    for variant, base in _folded(languages()).items():
        alternation = alternation.replace(base, f"[{base}{variant}]")
    return "(?i:" + alternation + ")"


def _inflection(low: str, rules: tuple[InflectionRule, ...]) -> tuple[int, tuple[str, ...]]:
    """How many final letters of a base word to drop, and the endings that may replace them."""
    rule = next((rule for rule in rules if rule.fits(low)), None)
    return (rule.drop, rule.endings) if rule is not None else (0, ())


def _inflected_word(word: str, language: str) -> list[str]:
    found = pack(language)
    tokens: list[str] = []
    for part in re.split(r"(-)", word):
        if part == "-" or len(part) <= 2:
            tokens.extend(_literal(part, False))
            continue
        # The stem is literal letters and all its endings are one token, so every
        # inflection of a word follows one branch of the trie.
        low = part.lower()
        for variant, base in found.folded_letters.items():
            low = low.replace(variant, base)
        drop, endings = _inflection(low, found.name_inflection_rules)
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
        if pack(language).name_inflection_rules and not sensitive:
            tokens.extend(_inflected_word(word, language))
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


def _zh_candidates(data: dict[str, Any], char: str, language: str) -> tuple[str, ...]:
    """The parties a one-character short form may stand for: those whose Chinese name starts with it."""
    return tuple(
        entry["code"]
        for entry in data["parties"]
        if any(name.startswith(char) for name in _entry_forms(entry, language)[0])
    )


def _zh_alternatives(data: dict[str, Any], language: str) -> list[tuple[list[str], str, Alternative]]:
    """The alternatives of a language without spaces (Chinese): names, and sides by a suffix ("中方")."""
    found = pack(language)
    result: list[tuple[list[str], str, Alternative]] = []
    for entry in data["parties"]:
        names, _, sides = _entry_forms(entry, language)
        for name in names:
            result.append((_literal(name, True), "", Alternative(entry["code"], "name")))
        for name in [*sides, *(n + found.side_suffix for n in names)]:
            result.append((_literal(name, True), found.side_end, Alternative(entry["code"], "side")))
    for side in data["ambiguous_sides"].get(language, []):
        # "阿方" may be any party whose Chinese name starts with "阿".
        candidates = _zh_candidates(data, side[0], language)
        result.append((_literal(side, True), found.side_end, Alternative(None, "side", candidates)))
    result.extend(
        (_literal(form, True), "", Alternative(None, "name"))
        for form in data["not_parties"].get(language, [])
    )
    return result


def _word_alternatives(data: dict[str, Any], language: str) -> list[tuple[list[str], str, Alternative]]:
    sensitive_forms = set(data["case_sensitive"].get(language, []))

    def tokens(form: str) -> list[str]:
        return _words(form, language, form in sensitive_forms or _is_acronym(form))

    found = pack(language)
    side = [_WS, *_literal(found.side_word, False), _endings(found.side_endings)]
    the = [*_literal(found.article, False), _WS]
    # A bare name ("Korea") stands for another party in a text naming only that one.
    bare: dict[str, str] = data.get("bare_names", {}).get(language, {})
    result: list[tuple[list[str], str, Alternative]] = []
    for entry in data["parties"]:
        code = entry["code"]
        names, adjectives, sides = _entry_forms(entry, language)
        for name in names:
            result.append((tokens(name), _END_WORD, Alternative(code, "name", otherwise=bare.get(name))))
        for adjective in adjectives:
            # Demonyms: "Americans", "Israelis".
            plural = (
                [_endings(found.demonym_plural)]
                if found.demonym_plural and adjective[-1] in found.demonym_plural_after
                else []
            )
            result.append((tokens(adjective) + plural, _END_WORD, Alternative(code, "adjective")))
        # "китайская сторона"; "the Chinese side", also "the China side" and "the U.S. side".
        formal = set(entry.get(language, {}).get("formal", []))
        heads = [n for n in names if n not in formal] + adjectives if found.side_heads_names else adjectives
        for head in heads:
            result.append((tokens(head) + side, _END_WORD, Alternative(code, "side")))
            if found.article:
                result.append((the + tokens(head) + side, _END_WORD, Alternative(code, "side")))
        result.extend((tokens(form), _END_WORD, Alternative(code, "side")) for form in sides)
    blockers = data["not_parties"].get(language, [])
    result.extend((tokens(form), _END_WORD, Alternative(None, "name")) for form in blockers)
    return result


def _alternatives(language: str) -> list[tuple[list[str], str, Alternative]]:
    """(tokens, terminal condition, meaning) for every form of a language, in priority order."""
    if not pack(language).spaced:
        return _zh_alternatives(gazetteer(), language)
    return _word_alternatives(gazetteer(), language)


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
    alternatives: list[Alternative] = []
    for tokens, terminal, alternative in _alternatives(language):
        if _insert(root, tokens, terminal, len(alternatives)):
            alternatives.append(alternative)
    # Russian and English words start at a word boundary; Chinese has none.
    prefix = r"(?<!\w)" if pack(language).spaced else ""
    return _Matcher(re.compile(prefix + _emit(root)), tuple(alternatives))


def matches(text: str, language: str, stop: int | None = None) -> list[tuple[int, int, Alternative]]:
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
def _combined_matcher(language: str) -> tuple[re.Pattern[str], dict[str, Alternative]] | None:
    """Chinese pairs of one-character short forms ("中美", "俄中"), and what each character stands for."""
    data = gazetteer()
    spec = data.get("combined", {}).get(language)
    if not spec:
        return None
    suffix = pack(language).side_suffix
    chars: dict[str, Alternative] = {}
    for entry in data["parties"]:
        for side in _entry_forms(entry, language)[2]:
            if len(side) == 2 and side.endswith(suffix):
                chars[side[0]] = Alternative(entry["code"], "name")
    for side in data["ambiguous_sides"].get(language, []):
        chars[side[0]] = Alternative(None, "name", _zh_candidates(data, side[0], language))
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


def combined_matches(text: str, stop: int | None, language: str) -> list[tuple[int, int, Alternative]]:
    """The combined forms of ``language`` ("中美"), each one alternative with a piece per character."""
    matcher = _combined_matcher(language)
    if matcher is None:
        return []
    pattern, chars = matcher
    found = []
    for match in pattern.finditer(text):
        if stop is not None and match.start() >= stop:
            break
        pieces = tuple(chars[ch] for ch in match.group())
        found.append((match.start(), match.end(), Alternative(None, "name", pieces=pieces)))
    return found
