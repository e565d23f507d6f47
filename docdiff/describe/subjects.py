"""Who acts in a sentence: the subject before its commitment verb, as ISO codes.

Only text before the commitment is the subject; a party named after it is
an object ("Китай поддерживает Азербайджан" -> CN).  The subject is the
mention that opens the sentence (after a clause number or dash), else the
mention nearest the verb ("Подтверждая ..., Стороны решили").  A collective
("Стороны", "the two sides", "双方") stands for every party of the document;
a party (:func:`docdiff.describe.parties.find_parties`) brings along the parties
coordinated with it ("The United States and India"), except before a
singular Russian or English verb ("поддерживает", "welcomes"), which has one
subject.  A gazetteer leader (:func:`docdiff.describe.leaders.find_leaders`) is a
mention of their party ("President Biden and Prime Minister Modi" -> IN,
US); every mention spans its titles ("Председатель КНР"), and a leader
joined to a party by titles is one mention ("the Indian Prime Minister
Modi").
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from ..lang import pack
from . import leaders, parties
from .commitments import Compiled

__all__ = ["actor", "opening_actor"]

_WORD_RE = re.compile(r"\w+")


def _is_singular(verb: str, language: str) -> bool:
    """True for a verb form that takes a single subject (pack "singular_verb" or "plural_verb")."""
    first = verb.split()[0].lower() if verb.split() else ""
    found = pack(language)
    if found.verb_reflexive:
        first = re.sub(found.verb_reflexive, "", first)
    if found.plural_verb:
        return not re.search(found.plural_verb, first)
    if found.singular_verb:
        return re.search(found.singular_verb, first) is not None
    return False


def _party_mentions(text: str, language: str, end: int) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) of each party named in text up to ``end``, from docdiff.describe.parties."""
    return sorted((m.start, m.end, m.code) for m in parties.find_parties(text, language, end=end))


def _leader_mentions(text: str, language: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, party, titled) of each gazetteer leader in ``text``; titled: a full name.

    A bare surname ("Biden", and every Chinese form) counts only beside a
    title, as docdiff.describe.metadata requires ("Putin's war" names no signer).
    """
    if not _may_name_leader(text, language):
        return []
    spaced = pack(language).spaced
    return [
        (m.start, m.end, m.leader.party, spaced and any(c.isspace() or c == "." for c in m.name))
        for m in leaders.find_leaders(text, language)
    ]


@cache
def _leader_keys(language: str) -> frozenset[str]:
    """The longest word of every gazetteer name form (Chinese: the form), which its every match contains."""
    forms = [
        form
        for leader in leaders.leaders()
        for lang, names in leader.names
        if lang == language
        for form in names
    ]
    found = pack(language)
    if not found.spaced:
        return frozenset(forms)
    longest = {max(_WORD_RE.findall(form), key=len) for form in forms if _WORD_RE.search(form)}
    # The case endings a name may carry in the text ("Путина", "Алиевым"), as in docdiff.leaders.
    endings = ("", *found.name_endings.split("|")) if found.name_endings else ("",)
    return frozenset(word + ending for word in longest for ending in endings)


def _may_name_leader(text: str, language: str) -> bool:
    """False when no gazetteer name can be in ``text``: find_leaders need not run (it costs 75 µs)."""
    if not pack(language).spaced:
        # Only the forms opening with a character of the text are looked for.
        firsts = _leader_firsts(language)
        return any(key in text for char in firsts.keys() & set(text) for key in firsts[char])
    return not _leader_keys(language).isdisjoint(_WORD_RE.findall(text))


@cache
def _leader_firsts(language: str) -> dict[str, tuple[str, ...]]:
    """The name forms of a language without spaces (Chinese) by their first character."""
    firsts: dict[str, list[str]] = {}
    for key in sorted(_leader_keys(language)):
        firsts.setdefault(key[0], []).append(key)
    return {char: tuple(keys) for char, keys in firsts.items()}


_Mention = tuple[int, int, str | None]  # (start, end, ISO code, or None for a collective)


def _mentions(sentence: str, compiled: Compiled, language: str, end: int, opening: int) -> list[_Mention]:
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
    compiled: Compiled,
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


def actor(
    sentence: str, verb: re.Match[str], compiled: Compiled, language: str, parties: tuple[str, ...]
) -> tuple[str, ...]:
    """Sorted ISO codes of who acts in ``sentence`` whose commitment is ``verb``; () when none is found."""
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


#: How far into a sentence with no commitment its opening subject may reach
#: (characters): a subject with its titles, never a mention deep in the text.
_OPENING_REACH = 160


def opening_actor(
    sentence: str, compiled: Compiled, language: str, parties: tuple[str, ...]
) -> tuple[str, ...]:
    """Who acts in a sentence with no commitment: the mention that opens it, else ().

    "The leaders instructed their ministers", "Стороны дали высокую оценку",
    "两国领导人见证了签字": the verb is in no lexicon, but the subject opening
    the sentence still acts (a collective for every party).  Only an opening
    mention counts; with no verb to stand before, a party named later may be
    an object.  Coordinated parties come along ("Alpha and Beta met").
    """
    lead = _LEAD_RE.match(sentence)
    opening = lead.end() if lead else 0
    end = min(len(sentence), opening + _OPENING_REACH)
    mentions = _mentions(sentence, compiled, language, end, opening)
    if not mentions or mentions[0][0] > opening:
        return ()
    if mentions[0][2] is None:
        return tuple(sorted(parties))
    codes = {mentions[0][2]}
    for previous, mention in itertools.pairwise(mentions):
        code = mention[2]
        if code is None or not compiled.coordinator.fullmatch(sentence, previous[1], mention[0]):
            break
        codes.add(code)
    return tuple(sorted(codes))
