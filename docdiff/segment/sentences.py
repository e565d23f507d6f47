"""Sentence segmentation: candidate boundaries judged by an ordered list of rules.

The design follows razdel's ``sentenize``: every place where a sentence *could*
end (a line break, or a run of terminal punctuation) becomes a candidate, and a
short ordered list of small named rule functions decides it.  The first rule
with an opinion wins; a candidate nobody objects to is a boundary
(``split_default``).  :func:`explain` reports which rule decided each candidate,
which is how a wrong split is debugged.

Rule names say their verdict: ``split_*`` rules end a sentence, ``join_*`` rules
keep the text together.

Decisions taken for diplomatic statements:

* A line break always ends a sentence (``split_newline``); blocks are already
  split into paragraphs upstream, so a break inside one is a real boundary.
* Semicolons (``;``, ``；``) never end a sentence: statements chain long
  clauses with them and the clause model relies on them staying together.
* "г." / "гг." (year) followed by a capitalised word is *not* a boundary:
  "23 апреля 2025 г. Стороны ..." happens, but far more often the capital is a
  place or an organ ("2025 г. Президент ..." inside one sentence), and a
  missed split costs less than a wrong one.  A line break after it still
  splits.
* Abbreviations that close an enumeration ("etc.", "т.д.", "т.п.", "др.")
  end the sentence when the next word is capitalised: they are almost never
  followed by a proper noun inside a sentence.  Before a lowercase word they
  join, like every other abbreviation.
* Chinese ends sentences at 。！？ (and ASCII ``!?``) with no space needed;
  closing quotes and brackets after the mark stay with the sentence.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Sequence

import attrs

from ..lang import has_pack, languages, pack
from ..lang.scripts import CLOSERS_AFTER_SENTENCE

__all__ = ["explain", "split_sentences"]

# Characters that close a quotation or bracket and belong to the sentence they
# follow: '."' and '。”' end the sentence after the quote, not before it.
_CLOSERS = CLOSERS_AFTER_SENTENCE
# Characters that may open the next sentence; skipped when looking at its case.
_OPENERS = "\"'«“„‘‚([{（「『《〈"
_LINE_BREAK = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
# Punctuation right after a mark shows the mark was not final ("Inc., ...").
_CONTINUATION = ",;:)]}»-"


def _candidates(marks: str) -> re.Pattern[str]:
    """A line break, or a run of ``marks`` with the closing quotes after it.

    Written to open with one character class (the first character, then the
    rest of a run of marks) so the regex engine skips ahead to candidates;
    an alternation of a break and a run would be tried at every position.
    """
    run, closers = re.escape(marks), re.escape(_CLOSERS)
    return re.compile(rf"[{re.escape(_LINE_BREAK)}{run}](?:(?<=[{run}])[{run}]*[{closers}]*)?")


# The word before a mark, read backwards: a word character, then word
# characters and periods (a newline just before the mark is skipped, as a
# "$" anchor would skip it).
_WORD_BEFORE_REVERSED_RE = re.compile(r"\n?(\w[\w.]*)")
# No abbreviation or initial is longer than this; a longer "word" is not one.
_LEFT_WORD_WINDOW = 64


# Abbreviations (written without their final period, lowercase) and those of
# them that close an enumeration come from the language packs
# (docdiff/lang/<code>/pack.json: "abbreviations", "enumeration_ends").


@functools.cache
def _abbreviations(language: str, codes: tuple[str, ...]) -> frozenset[str]:
    """The abbreviations of ``language``; those of every pack for a language without one."""
    if has_pack(language):
        return pack(language).abbreviations
    return frozenset().union(*(pack(code).abbreviations for code in codes))


@functools.cache
def _enumeration_ends(codes: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(pack(code).enumeration_ends for code in codes))


_ROMAN_RE = re.compile(r"[IVXLCDM]+")
_LIST_NUMBER_RE = re.compile(r"\d{1,4}(?:\.\d{1,4})*")


@attrs.frozen
class _Candidate:
    """One place where a sentence could end, with what the rules look at."""

    text: str
    language: str
    start: int  # first character of the mark (or the line break)
    end: int  # boundary position: after the mark and its closing quotes
    first: int = 0  # the first non-whitespace character of the text

    @property
    def mark(self) -> str:
        """The terminal punctuation without closing quotes or brackets."""
        return self.text[self.start : self.end].rstrip(_CLOSERS)

    @property
    def closed(self) -> bool:
        """True when a closing quote or bracket follows the mark."""
        return len(self.mark) < self.end - self.start

    @property
    def is_line_break(self) -> bool:
        """True for a line-break candidate."""
        return self.text[self.start] in _LINE_BREAK

    @functools.cached_property
    def left_word(self) -> str:
        """The word (with internal periods, e.g. ``т.е``) just before the mark."""
        # A bounded window, read backwards from the mark: the longest run of
        # word characters and periods that ends in a word character.
        window = self.text[max(0, self.start - _LEFT_WORD_WINDOW) : self.start][::-1]
        found = _WORD_BEFORE_REVERSED_RE.match(window)
        return found.group(1)[::-1] if found else ""

    @property
    def right_text(self) -> str:
        """Up to 40 characters after the boundary, leading spaces and openers removed."""
        return self.text[self.end : self.end + 40].lstrip().lstrip(_OPENERS)


Rule = Callable[[_Candidate], bool | None]
"""A rule returns True to split, False to join, None to pass to the next rule."""


def split_newline(c: _Candidate) -> bool | None:
    """A line break always ends a sentence."""
    return True if c.is_line_break else None


def join_empty_left(c: _Candidate) -> bool | None:
    """A mark at the very start ("... and so on") cannot end a sentence."""
    return False if c.start <= c.first else None


def join_no_space_after(c: _Candidate) -> bool | None:
    """No space after the mark: "1.5", "U.S.-India", "В.В.Путин", "Day.Az"."""
    if c.end < len(c.text) and not c.text[c.end].isspace():
        return False
    return None


def join_punctuation_next(c: _Candidate) -> bool | None:
    """A comma, colon or bracket next shows the mark was an abbreviation."""
    following = c.text[c.end : c.end + 40].lstrip()
    return False if following[:1] and following[0] in _CONTINUATION else None


def join_lower_next(c: _Candidate) -> bool | None:
    """A sentence does not start lowercase: "т. е. в рамках", "Jr. and"."""
    first = c.right_text[:1]
    return False if first.isalpha() and first.islower() else None


def split_enumeration_end(c: _Candidate) -> bool | None:
    """An enumeration closer ("etc.", "т.д.") before a capital ends the sentence (see module doc)."""
    if c.mark != "." or c.closed:
        return None
    return True if c.left_word.lower() in _enumeration_ends(languages()) else None


def join_abbreviation(c: _Candidate) -> bool | None:
    """A known abbreviation of the language ("г.", "млрд.", "Dr.", "No.")."""
    if c.mark != "." or c.closed:
        return None
    word = c.left_word.lower()
    if word in _abbreviations(c.language, languages()):
        return False
    return None


def join_initials(c: _Candidate) -> bool | None:
    """Initials and dotted letters: "J. Biden", "Ильхам Г. Алиев", "В.В. Путин"."""
    if c.mark != "." or c.closed:
        return None
    letters = c.left_word.split(".")
    if all(len(part) == 1 and part.isalpha() for part in letters):
        # Single lowercase letters too: "т. е.", "с. 5"; no statement sentence
        # ends in a one-letter word.
        return False
    return None


def join_list_number(c: _Candidate) -> bool | None:
    """A clause number opening a line or following a sentence ("1. Стороны", "... Pacific. 28. The")."""
    if c.mark != "." or c.closed:
        return None
    word = c.left_word
    if not (_LIST_NUMBER_RE.fullmatch(word) or _ROMAN_RE.fullmatch(word)):
        return None
    line_start = max(c.text.rfind(ch, 0, c.start) for ch in _LINE_BREAK) + 1
    before = c.text[line_start : c.start - len(word)].rstrip()
    # Clause numbers are sometimes run into one block: "...Pacific. 28. The".
    return False if not before or before[-1] in ".!?…" + _CLOSERS else None


def split_default(c: _Candidate) -> bool | None:
    """Nothing objected: the mark ends the sentence."""
    return True


RULES: tuple[Rule, ...] = (
    split_newline,
    join_empty_left,
    join_no_space_after,
    join_punctuation_next,
    join_lower_next,
    split_enumeration_end,
    join_abbreviation,
    join_initials,
    join_list_number,
    split_default,
)
"""The rules for alphabetic languages, in the order they are tried."""

ZH_RULES: tuple[Rule, ...] = (split_newline, join_empty_left, split_default)
"""The rules for Chinese: its marks need no following space and no case check."""


@functools.cache
def _rules_for(language: str, codes: tuple[str, ...]) -> tuple[re.Pattern[str], Sequence[Rule]]:
    # The language's marks; a language without spaces between words needs no
    # space after a mark and has no case to check (pack "sentence_marks", "spaced").
    found = pack(language)
    return _candidates(found.sentence_marks), (RULES if found.spaced else ZH_RULES)


def _decide(text: str, language: str) -> list[tuple[int, bool, str]]:
    """Every candidate as (boundary position, split?, deciding rule name)."""
    pattern, rules = _rules_for(language, languages())
    decisions: list[tuple[int, bool, str]] = []
    last = len(text.rstrip())
    first = len(text) - len(text.lstrip())
    for found in pattern.finditer(text):
        if found.end() >= last:
            continue  # the end of the text is the end of a sentence anyway
        candidate = _Candidate(text, language, found.start(), found.end(), first)
        for rule in rules:
            verdict = rule(candidate)
            if verdict is not None:
                break
        else:  # pragma: no cover - split_default always answers
            verdict = True
        position = found.start() if candidate.is_line_break else found.end()
        decisions.append((position, verdict, rule.__name__))
    return decisions


def split_sentences(text: str, language: str, offset: int = 0) -> tuple[tuple[int, int], ...]:
    """Sentence boundaries in text as (start, end) code-point pairs, each shifted by offset.

    Spans are trimmed of surrounding whitespace, in order, non-overlapping, and
    together cover every non-whitespace character of ``text``.  ``language`` is
    an ISO 639-1 code: its language pack gives the marks and the
    abbreviations; a language without a pack uses the fallback pack's marks
    and the union of every pack's abbreviations.
    """
    cuts = [0]
    cuts.extend(position for position, split, _ in _decide(text, language) if split)
    cuts.append(len(text))
    spans: list[tuple[int, int]] = []
    for start, end in itertools.pairwise(cuts):
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        lead = len(piece) - len(piece.lstrip())
        spans.append((offset + start + lead, offset + start + lead + len(stripped)))
    return tuple(spans)


def explain(text: str, language: str) -> list[tuple[int, str]]:
    """Debug view: each candidate boundary position and the rule that decided it.

    Rule names start with ``split_`` when the candidate became a boundary and
    with ``join_`` when it did not.  A line break is reported at its own
    position; a punctuation mark after its closing quotes.
    """
    return [(position, name) for position, _, name in _decide(text, language)]
