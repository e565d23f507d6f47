"""Who commits to what, and how strongly: one :class:`Annotation` per sentence.

The lexicon is ``lexicon/commitments.json`` (described in ``docs/annotation.md``),
compiled by :mod:`docdiff.describe.commitments`.
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
3. **Actor**: the subject before the commitment (:mod:`docdiff.describe.subjects`):
   the mention opening the sentence, else the one nearest the verb; parties,
   leaders with their titles, and collectives ("Стороны", "the two sides",
   "双方") standing for every party of the document.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

import attrs

from ..lang import pack
from .commitments import CASE_PLAIN, Compiled, Pattern, commitment_categories, compiled_lexicon
from .subjects import actor, opening_actor

__all__ = [
    "BOTH",
    "INTENSITIES",
    "Annotation",
    "annotate",
    "commitment_categories",
    "commitments",
    "opening_subject",
]

INTENSITIES = ("strong",)
"""The values :attr:`Annotation.intensity` may take besides None."""


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


_PREVIOUS_WORD_RE = re.compile(r"(\w+)\W*$")
_WORD_RE = re.compile(r"\w+")


def _is_verb(sentence: str, match: re.Match[str], compiled: Compiled) -> bool:
    """False for an English noun use: "the support of", "political will"."""
    if not compiled.noun_guard:
        return True
    previous = _PREVIOUS_WORD_RE.search(sentence, 0, match.start())
    return previous is None or previous.group(1).lower() not in compiled.noun_guard


def _find_commitment(
    sentence: str, compiled: Compiled, position: int = 0
) -> tuple[re.Match[str], Pattern] | None:
    """The leftmost commitment expression; at one position the longest, then the earlier category.

    One search over the alternation of all patterns finds the leftmost
    position where any of them matches; only there are the patterns tried
    one by one (running each over the whole sentence cost 0.3 ms a sentence).
    The search starts at ``position``.
    """
    while True:
        found = compiled.any_pattern.search(sentence, position)
        if found is None:
            return None
        start = found.start()
        best: tuple[re.Match[str], Pattern] | None = None
        for pattern in _candidates(sentence[start], compiled):
            match = pattern.regex.match(sentence, start)
            if match is None or not _is_verb(sentence, match, compiled):
                continue
            if best is None or _better(match, pattern, *best):
                best = (match, pattern)
        if best is not None:
            return best
        position = start + 1


def _candidates(char: str, compiled: Compiled) -> tuple[Pattern, ...]:
    """The patterns that may match where the text has ``char``: those opening with it, or unplain."""
    if compiled.any_pattern.flags & re.IGNORECASE:
        if char not in CASE_PLAIN:
            return compiled.patterns
        char = char.lower()
    return compiled.by_first.get(char, compiled.unplain)


def _better(match: re.Match[str], pattern: Pattern, best: re.Match[str], best_pattern: Pattern) -> bool:
    key = (match.start(), -(match.end() - match.start()), pattern.order)
    best_key = (best.start(), -(best.end() - best.start()), best_pattern.order)
    return key < best_key


def _window(sentence: str, start: int, end: int, compiled: Compiled, language: str) -> tuple[int, int]:
    """The stretch around [start, end) where an intensifier still modifies it."""
    if not pack(language).spaced:
        # No spaces, no words to count: the window is in characters.
        return max(0, start - compiled.window), min(len(sentence), end + compiled.window)
    before = [m.start() for m in _WORD_RE.finditer(sentence, 0, start)][-compiled.window :]
    after = [m.end() for m in itertools.islice(_WORD_RE.finditer(sentence, end), compiled.window)]
    return (before[0] if before else start), (after[-1] if after else end)


def _intensity(
    sentence: str, match: re.Match[str], pattern: Pattern, compiled: Compiled, language: str
) -> str | None:
    low, high = _window(sentence, match.start(), match.end(), compiled, language)
    for found in compiled.intensifier.finditer(sentence, low, high):
        inside = found.start() < match.end() and match.start() < found.end()
        if inside and pattern.fixed:
            continue  # "высоко оценивают": the adverb belongs to the formula
        return "strong"
    return None


def annotate(sentence: str, language: str, parties: tuple[str, ...] = ()) -> Annotation:
    """Find the actor, commitment and intensity of one sentence.

    ``parties`` are the document's parties (ISO codes), used to expand a
    collective subject ("the Sides", "Стороны", "双方", "both countries", "обе
    стороны", "главы двух государств") to all of them; with no parties such a
    subject yields ``actor == ()``.  Languages other than "ru", "en" and "zh"
    have no lexicon and get an empty :class:`Annotation`.
    """
    compiled = compiled_lexicon(language)
    if compiled is None:
        return Annotation()
    found = _find_commitment(sentence, compiled)
    if found is None:
        return Annotation()
    match, pattern = found
    return Annotation(
        actor=actor(sentence, match, compiled, language, parties),
        commitment=pattern.category,
        intensity=_intensity(sentence, match, pattern, compiled, language),
    )


def commitments(sentence: str, language: str) -> tuple[tuple[str, str | None], ...]:
    """Every commitment expression of ``sentence`` in order, as ``(category, intensity)``.

    :func:`annotate` keeps the leftmost, the main verb; a revision may change
    a later one ("condemn terrorism and will" -> "may strengthen
    cooperation"), which the modality flag must still see
    (:mod:`docdiff.align.classify`).
    """
    compiled = compiled_lexicon(language)
    if compiled is None:
        return ()
    found: list[tuple[str, str | None]] = []
    position = 0
    while (hit := _find_commitment(sentence, compiled, position)) is not None:
        match, pattern = hit
        found.append((pattern.category, _intensity(sentence, match, pattern, compiled, language)))
        position = max(match.end(), match.start() + 1)
    return tuple(found)


#: What :func:`opening_subject` returns for a collective subject ("the leaders", "Стороны", "双方").
BOTH = "both"


def opening_subject(sentence: str, language: str) -> tuple[str, ...]:
    """The subject opening a sentence with no commitment: party codes, ``("both",)``, or ().

    :func:`annotate` gives a sentence with no commitment no actor (a mention
    there may be an attribute: "两国关系发展良好"); a revision that turns
    "The leaders instructed" into "Alpha instructed" still changes who acts,
    and the actor flag compares these (:mod:`docdiff.align.classify`).
    """
    compiled = compiled_lexicon(language)
    if compiled is None:
        return ()
    return opening_actor(sentence, compiled, language, (BOTH,))
