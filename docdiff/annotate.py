"""Who commits to what, and how strongly: one :class:`Annotation` per sentence.

The lexicon is ``lexicon/commitments.json`` (described in ``docs/annotation.md``).
For one sentence:

1. **Commitment**: the leftmost commitment expression of the language (at one
   position the longest match, then the earlier category).  Statements put
   the main verb early ("Стороны договорились ...", "双方同意 ..."), and the
   lexicon lists finite forms only, so a leading gerund ("Подтверждая, что
   ...", "Reaffirming ...") is skipped; "leftmost" is the cheap stand-in for
   "governs the main clause".
2. **Intensity**: "strong" when an intensifier lies within a few words (a few
   characters in Chinese) of that expression, or inside it, unless the
   expression is a set formula whose adverb is part of the verb
   ("высоко оценивают", "高度评价" = appreciate: note, not strong).
3. **Actor**: only text before the commitment is the subject; a party named
   after it is an object ("Китай поддерживает Азербайджан" -> CN).  The
   subject is the mention that opens the sentence (after a clause number or
   dash), else the mention nearest the verb ("Подтверждая ..., Стороны
   решили").  A collective ("Стороны", "the two sides", "双方") stands for
   every party of the document; a party
   (:func:`docdiff.parties.find_parties`) brings along the parties coordinated
   with it ("The United States and India"), except before a singular Russian
   or English verb ("поддерживает", "welcomes"), which has one subject.
   A gazetteer leader (:func:`docdiff.leaders.find_leaders`) is a mention of
   their party ("President Biden and Prime Minister Modi" -> IN, US); every
   mention spans its titles ("Председатель КНР"), and a leader joined to a
   party by titles is one mention ("the Indian Prime Minister Modi").
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import attrs

__all__ = ["INTENSITIES", "Annotation", "annotate", "commitment_categories"]

INTENSITIES = ("strong",)
"""The values :attr:`Annotation.intensity` may take besides None."""

_LANGUAGES = ("ru", "en", "zh")


def _sorted_codes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(value)))


def _known_commitment(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and value not in commitment_categories():
        raise ValueError(f"unknown commitment {value!r}; expected one of {commitment_categories()}")


def _known_intensity(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and value not in INTENSITIES:
        raise ValueError(f"unknown intensity {value!r}; expected None or one of {INTENSITIES}")


@attrs.frozen
class Annotation:
    """What one sentence commits to: who acts, the commitment category, its intensity."""

    actor: tuple[str, ...] = attrs.field(default=(), converter=_sorted_codes)
    """Sorted ISO codes of the acting party or parties; () when none is found."""
    commitment: str | None = attrs.field(default=None, validator=_known_commitment)
    """A category id from :func:`commitment_categories`, or None."""
    intensity: str | None = attrs.field(default=None, validator=_known_intensity)
    """"strong" when an intensifier modifies the commitment, else None."""


@attrs.frozen
class _Pattern:
    regex: re.Pattern[str]
    category: str
    order: int  # position of the category in the lexicon: the tie-break
    fixed: bool  # a set formula: its own adverb is not an intensifier


@attrs.frozen
class _Compiled:
    """The lexicon for one language, compiled once."""

    patterns: tuple[_Pattern, ...]
    any_pattern: re.Pattern[str]  # every pattern in one alternation: where to look first
    # The patterns that may match where a text has a given character
    # (lowercased unless Chinese; see _candidates), in lexicon order.
    by_first: dict[str, tuple[_Pattern, ...]]
    unplain: tuple[_Pattern, ...]  # those whose first letter is not plain to see
    intensifier: re.Pattern[str]
    window: int
    collective: re.Pattern[str]
    coordinator: re.Pattern[str]
    noun_guard: frozenset[str]
    title_before: re.Pattern[str]  # titles ending where a name starts: "Prime Minister |Modi"
    title_after: re.Pattern[str] | None  # Chinese titles after a name: "习近平|主席"
    title_gap: re.Pattern[
        str
    ]  # what may stand between a party and its leader: "Indian| Prime Minister |Modi"


@cache
def _lexicon() -> dict[str, Any]:
    text = resources.files("docdiff").joinpath("lexicon/commitments.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def commitment_categories() -> tuple[str, ...]:
    """The commitment category ids, in lexicon (priority) order."""
    return _categories()


@cache
def _categories() -> tuple[str, ...]:
    return tuple(str(category["id"]) for category in _lexicon()["categories"])


def _bounded(pattern: str, language: str) -> str:
    # Chinese has no spaces, so a word boundary means nothing there.
    return pattern if language == "zh" else rf"(?<!\w)(?:{pattern})(?!\w)"


def _any_of(sources: Iterable[str], language: str) -> str:
    """The alternation of the bounded patterns, in order.

    The word-start test is shared: the regex engine tries it once per
    position instead of once per pattern (seven times faster on the
    commitment patterns), with the same matches.
    """
    if language == "zh":
        return "|".join(f"(?:{source})" for source in sources)
    return r"(?<!\w)(?:" + "|".join(rf"(?:{source})(?!\w)" for source in sources) + ")"


# Letters whose case-insensitive matches are just their upper and lower case
# (tests/test_annotate.py checks every pair); a pattern opening with one of
# them matches only where the text has that letter, in either case.
_CASE_PLAIN = frozenset(
    "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
)


def _first_letter(source: str, language: str) -> str | None:
    """The letter every match of ``source`` opens with (lowercase unless Chinese), when plain to see.

    That is a letter no quantifier makes optional, in a pattern with no
    alternation outside parentheses; otherwise None.
    """
    head = source[:1]
    if not head.isalpha() or source[1:2] in ("?", "*", "{"):
        return None
    if language != "zh":
        if head not in _CASE_PLAIN:
            return None
        head = head.lower()
    depth, escaped, in_class = 0, False, False
    for ch in source:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return None
    return head


def _alternation(patterns: Iterable[str], language: str) -> str:
    # Longest first, so a regex alternation prefers "две страны" to "две".
    return _any_of(sorted(patterns, key=len, reverse=True), language)


@cache
def _compiled(language: str) -> _Compiled | None:
    if language not in _LANGUAGES:
        return None
    lexicon = _lexicon()
    flags = 0 if language == "zh" else re.IGNORECASE
    patterns = []
    sources = []
    firsts = []
    for order, category in enumerate(lexicon["categories"]):
        for entry in category.get(language, ()):
            source, fixed = (entry, False) if isinstance(entry, str) else (entry["re"], bool(entry["fixed"]))
            regex = re.compile(_bounded(source, language), flags)
            patterns.append(_Pattern(regex, category["id"], order, fixed))
            sources.append(source)
            firsts.append(_first_letter(source, language))
    by_first = {
        letter: tuple(p for p, first in zip(patterns, firsts, strict=True) if first in (letter, None))
        for letter in {first for first in firsts if first is not None}
    }
    coordinators = "|".join(lexicon["coordinators"][language])
    return _Compiled(
        patterns=tuple(patterns),
        any_pattern=re.compile(_any_of(sources, language), flags),
        by_first=by_first,
        unplain=tuple(p for p, first in zip(patterns, firsts, strict=True) if first is None),
        intensifier=re.compile(_alternation(lexicon["intensifiers"][language], language), flags),
        window=int(lexicon["intensity_window"][language]),
        # Case matters in Russian: "Стороны" (the Parties) vs "стороны" (a side's).
        collective=re.compile(
            _alternation(lexicon["collective_subjects"][language], language),
            re.IGNORECASE if language == "en" else 0,
        ),
        coordinator=re.compile(rf"\s*(?:(?:{coordinators})\s*)+(?:the\s+)?", flags),
        noun_guard=frozenset(lexicon["en_noun_guard"]) if language == "en" else frozenset(),
        **_title_patterns(lexicon["titles"][language], language),
    )


def _title_patterns(titles: list[str], language: str) -> dict[str, Any]:
    """The title regexes of :class:`_Compiled`: before a name, after it (Chinese), between two names."""
    if language == "zh":
        title = "|".join(sorted(titles, key=len, reverse=True))
        return {
            "title_before": re.compile(rf"(?:{title})+\Z"),
            "title_after": re.compile(rf"(?:{title})+"),
            # "阿塞拜疆共和国总统伊利哈姆·阿利耶夫": a given name before the gazetteer's form.
            "title_gap": re.compile(rf"(?:{title}|[{_HAN}]{{1,4}}·)*"),
        }
    title = _alternation(titles, language)
    # "President of the United States", "Mr. Narendra Modi, Prime Minister of India".
    link = r"(?:[\s,]*(?<!\w)of\s+(?:the\s+)?)?" if language == "en" else ""
    return {
        "title_before": re.compile(rf"(?:{title}{link}[\s,]*)+\Z", re.IGNORECASE),
        "title_after": None,
        # "... of the United States of America (U.S.)": the abbreviation in brackets joins too.
        "title_gap": re.compile(rf"(?:[\s,(]|{title}|(?<!\w)(?:of|the)(?!\w))*", re.IGNORECASE),
    }


_HAN = "\u4e00-\u9fff"


_PREVIOUS_WORD_RE = re.compile(r"(\w+)\W*$")
_WORD_RE = re.compile(r"\w+")


def _is_verb(sentence: str, match: re.Match[str], compiled: _Compiled) -> bool:
    """False for an English noun use: "the support of", "political will"."""
    if not compiled.noun_guard:
        return True
    previous = _PREVIOUS_WORD_RE.search(sentence, 0, match.start())
    return previous is None or previous.group(1).lower() not in compiled.noun_guard


def _find_commitment(sentence: str, compiled: _Compiled) -> tuple[re.Match[str], _Pattern] | None:
    """The leftmost commitment expression; at one position the longest, then the earlier category.

    One search over the alternation of all patterns finds the leftmost
    position where any of them matches; only there are the patterns tried
    one by one (running each over the whole sentence cost 0.3 ms a sentence).
    """
    position = 0
    while True:
        found = compiled.any_pattern.search(sentence, position)
        if found is None:
            return None
        start = found.start()
        best: tuple[re.Match[str], _Pattern] | None = None
        for pattern in _candidates(sentence[start], compiled):
            match = pattern.regex.match(sentence, start)
            if match is None or not _is_verb(sentence, match, compiled):
                continue
            if best is None or _better(match, pattern, *best):
                best = (match, pattern)
        if best is not None:
            return best
        position = start + 1


def _candidates(char: str, compiled: _Compiled) -> tuple[_Pattern, ...]:
    """The patterns that may match where the text has ``char``: those opening with it, or unplain."""
    if compiled.any_pattern.flags & re.IGNORECASE:
        if char not in _CASE_PLAIN:
            return compiled.patterns
        char = char.lower()
    return compiled.by_first.get(char, compiled.unplain)


def _better(match: re.Match[str], pattern: _Pattern, best: re.Match[str], best_pattern: _Pattern) -> bool:
    key = (match.start(), -(match.end() - match.start()), pattern.order)
    best_key = (best.start(), -(best.end() - best.start()), best_pattern.order)
    return key < best_key


def _window(sentence: str, start: int, end: int, compiled: _Compiled, language: str) -> tuple[int, int]:
    """The stretch around [start, end) where an intensifier still modifies it."""
    if language == "zh":
        return max(0, start - compiled.window), min(len(sentence), end + compiled.window)
    before = [m.start() for m in _WORD_RE.finditer(sentence, 0, start)][-compiled.window :]
    after = [m.end() for m in itertools.islice(_WORD_RE.finditer(sentence, end), compiled.window)]
    return (before[0] if before else start), (after[-1] if after else end)


def _intensity(
    sentence: str, match: re.Match[str], pattern: _Pattern, compiled: _Compiled, language: str
) -> str | None:
    low, high = _window(sentence, match.start(), match.end(), compiled, language)
    for found in compiled.intensifier.finditer(sentence, low, high):
        inside = found.start() < match.end() and match.start() < found.end()
        if inside and pattern.fixed:
            continue  # "высоко оценивают": the adverb belongs to the formula
        return "strong"
    return None


def _is_singular(verb: str, language: str) -> bool:
    """True for a Russian or English verb form that takes a single subject."""
    first = verb.split()[0].lower() if verb.split() else ""
    if language == "ru":
        first = re.sub(r"(?:сь|ся)$", "", first)
        return not re.search(r"(?:ют|ят|ут|ат|ли|ы)$", first)
    if language == "en":
        return first.endswith("s") and not first.endswith("ss") and first not in {"was", "is", "has"}
    return False


def _party_mentions(text: str, language: str, end: int) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) of each party named in text up to ``end``, from docdiff.parties."""
    # Imported here so that this module loads, and sentences with a collective
    # subject are annotated, even where the parties gazetteer is not needed.
    from docdiff.parties import find_parties

    return sorted((m.start, m.end, m.code) for m in find_parties(text, language, end=end))


def _leader_mentions(text: str, language: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, party, titled) of each gazetteer leader in ``text``; titled: a full name.

    A bare surname ("Biden", and every Chinese form) counts only beside a
    title, as docdiff.metadata requires ("Putin's war" names no signer).
    """
    from docdiff.leaders import find_leaders

    if not _may_name_leader(text, language):
        return []
    return [
        (m.start, m.end, m.leader.party, language != "zh" and any(c.isspace() or c == "." for c in m.name))
        for m in find_leaders(text, language)
    ]


# Russian case endings a name may carry in the text ("Путина", "Алиевым"), as in docdiff.leaders.
_RU_ENDINGS = ("", "а", "у", "ым", "ом", "е", "ем", "ой")


@cache
def _leader_keys(language: str) -> frozenset[str]:
    """The longest word of every gazetteer name form (Chinese: the form), which its every match contains."""
    from docdiff.leaders import leaders

    forms = [
        form for leader in leaders() for lang, names in leader.names if lang == language for form in names
    ]
    if language == "zh":
        return frozenset(forms)
    longest = {max(_WORD_RE.findall(form), key=len) for form in forms if _WORD_RE.search(form)}
    endings = _RU_ENDINGS if language == "ru" else ("",)
    return frozenset(word + ending for word in longest for ending in endings)


def _may_name_leader(text: str, language: str) -> bool:
    """False when no gazetteer name can be in ``text``: find_leaders need not run (it costs 75 µs)."""
    if language == "zh":
        # Only the forms opening with a character of the text are looked for.
        firsts = _leader_firsts()
        return any(key in text for char in firsts.keys() & set(text) for key in firsts[char])
    return not _leader_keys(language).isdisjoint(_WORD_RE.findall(text))


@cache
def _leader_firsts() -> dict[str, tuple[str, ...]]:
    """The Chinese name forms by their first character."""
    firsts: dict[str, list[str]] = {}
    for key in sorted(_leader_keys("zh")):
        firsts.setdefault(key[0], []).append(key)
    return {char: tuple(keys) for char, keys in firsts.items()}


_Mention = tuple[int, int, str | None]  # (start, end, ISO code, or None for a collective)


def _mentions(sentence: str, compiled: _Compiled, language: str, end: int, opening: int) -> list[_Mention]:
    """The candidate subjects before ``end``, in order, each spanning its title.

    Parties, collectives and leaders; a leader and a party joined by a title
    are one mention ("the Indian Prime Minister Modi", "中国国家主席习近平"),
    so that coordination and the sentence opening see whole noun phrases.
    """
    # The whole sentence goes to find_parties: it resolves short forms ("阿方")
    # from the names around them.  Only mentions before the verb are subjects.
    found: list[tuple[int, int, str | None, bool]] = [
        (*m, True) for m in _party_mentions(sentence, language, end)
    ]
    found.extend((m.start(), m.end(), None, True) for m in compiled.collective.finditer(sentence, 0, end))
    found.extend(
        m
        for m in _leader_mentions(sentence[:end], language)
        if not any(m[0] < other[1] and other[0] < m[1] for other in found)
    )
    found.sort(key=lambda m: (m[0], -m[1]))
    joined: list[tuple[int, int, str | None, bool]] = []
    for start, stop, code, titled in found:
        if joined and code is not None and joined[-1][2] == code:
            previous = joined[-1]
            if compiled.title_gap.fullmatch(sentence, previous[1], start):
                stop = max(previous[1], stop)
                if sentence.startswith(")", stop) and "(" in sentence[previous[1] : stop]:
                    stop += 1
                joined[-1] = (previous[0], stop, code, previous[3] or titled)
                continue
        joined.append((start, stop, code, titled))
    mentions: list[_Mention] = []
    for start, stop, code, titled in joined:
        low = mentions[-1][1] if mentions else None
        if _may_gain(sentence, compiled, start, code, titled, low, opening) and (
            before := compiled.title_before.search(sentence, max(low or 0, start - 80), start)
        ):
            start, titled = before.start(), True
        after = compiled.title_after.match(sentence, stop, end) if compiled.title_after else None
        if after is not None and code is not None:
            stop, titled = after.end(), True
        if titled:
            mentions.append((start, stop, code))
    return mentions


def _may_gain(
    sentence: str,
    compiled: _Compiled,
    start: int,
    code: str | None,
    titled: bool,
    low: int | None,
    opening: int,
) -> bool:
    """Whether a title before a mention may change the outcome: only then is it looked for (it is costly)."""
    if code is None:
        return False  # "the Sides" take no title
    if not titled:
        return True  # a bare surname counts only with one
    if low is None:
        return start > opening  # it may make the first mention open the sentence
    return not compiled.coordinator.fullmatch(sentence, low, start)  # it may make a coordination


_LEAD_RE = re.compile(r"[\W\d_]*(?:the\s+)?", re.IGNORECASE)


def _actor(
    sentence: str, verb: re.Match[str], compiled: _Compiled, language: str, parties: tuple[str, ...]
) -> tuple[str, ...]:
    subject_end = verb.start()
    if not sentence[:subject_end].strip():
        return ()
    # A mention opening the sentence is its subject ("阿联酋就……向中国……表示祝贺");
    # otherwise the one nearest the verb ("Подтверждая ..., Стороны решили").
    lead = _LEAD_RE.match(sentence, 0, subject_end)
    opening = lead.end() if lead else 0
    mentions = _mentions(sentence, compiled, language, subject_end, opening)
    if not mentions:
        return ()
    chosen = 0 if mentions[0][0] <= opening else max(range(len(mentions)), key=lambda i: mentions[i][1])
    head = mentions[chosen][2]
    if head is None:
        return tuple(sorted(parties))
    codes = {head}
    if not _is_singular(verb.group(), language):
        # Take in the parties coordinated with it: "The United States and India".
        for step in (-1, 1):
            here = chosen
            while 0 <= here + step < len(mentions):
                left, right = sorted((mentions[here], mentions[here + step]))
                code = mentions[here + step][2]
                if code is None or not compiled.coordinator.fullmatch(sentence, left[1], right[0]):
                    break
                codes.add(code)
                here += step
    return tuple(sorted(codes))


def annotate(sentence: str, language: str, parties: tuple[str, ...] = ()) -> Annotation:
    """Find the actor, commitment and intensity of one sentence.

    ``parties`` are the document's parties (ISO codes), used to expand a
    collective subject ("the Sides", "Стороны", "双方", "both countries", "обе
    стороны", "главы двух государств") to all of them; with no parties such a
    subject yields ``actor == ()``.  Languages other than "ru", "en" and "zh"
    have no lexicon and get an empty :class:`Annotation`.
    """
    compiled = _compiled(language)
    if compiled is None:
        return Annotation()
    found = _find_commitment(sentence, compiled)
    if found is None:
        return Annotation()
    match, pattern = found
    return Annotation(
        actor=_actor(sentence, match, compiled, language, parties),
        commitment=pattern.category,
        intensity=_intensity(sentence, match, pattern, compiled, language),
    )
