"""How much a pair's text changed, and what kind of substantive change it is.

A pair is ``none`` when its two texts are identical, ``formal`` when they are
equal after typography folding with case folding
(:func:`docdiff.text.normalize.normalize`: quotes, dashes, spaces, ё/е, letter
case) and, in Chinese text, after dropping whitespace beside Han characters
and CJK punctuation (re-wrapping, a paragraph broken after "。"), and
``substantive`` otherwise.  Substantive pairs may carry flags:

* ``inflection``: within every run of changed words, the deleted and the
  inserted words pair up one to one with equal stems (a change of case,
  number or person only);
* ``modality``: a sentence's commitment (support, agree, intend, ...) or its
  intensity changed between aligned sentences;
* ``actor``: the acting party of an aligned sentence changed;
* ``number``: figures in the changed pieces differ, or the dates printed in
  the two texts differ.

Sentences are aligned within the pair by term overlap (best pairs first, one
to one); their annotations come from :mod:`docdiff.describe.annotate` via the parse.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from ..describe.annotate import BOTH, commitments, opening_subject
from ..describe.dates import find_dates
from ..lang import LANGUAGES
from ..lang.scripts import CJK_AND_PUNCTUATION
from ..model import Sentence
from ..options import AlignTuning
from ..result import Change, Edit, Flag, Op
from ..text.normalize import normalize
from ..text.tokens import split_tokens, term_of, terms
from .similarity import fold_key

__all__ = ["SentencesOf", "Verdict", "classify", "sentence_pairs"]

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_DIGIT = re.compile(r"\d")
#: Least term overlap (Jaccard) for two sentences to be compared for modality and actor
#: (the default of :attr:`docdiff.options.AlignTuning.sentence_overlap`).
_OVERLAP = AlignTuning().sentence_overlap

Verdict = tuple[Change, tuple[Flag, ...], tuple[str, ...]]
#: The sentences of both sides of a pair, or a function giving them when needed.
SentencesOf = (
    tuple[Sequence[Sentence], Sequence[Sentence]]
    | Callable[[], tuple[Sequence[Sentence], Sequence[Sentence]]]
)

# Han characters and CJK punctuation (ideographic and full-width forms): Chinese
# text has no spaces between words, so a space or line break beside one of them
# is layout (re-wrapping, a paragraph broken after "。"), not a change of text.
_CJK = CJK_AND_PUNCTUATION
_HAN_SPACE = re.compile(f"\\s(?=[{_CJK}])|(?<=[{_CJK}])\\s")
_CJK_SPACES = re.compile(f"\\s+(?=[{_CJK}])|(?<=[{_CJK}])\\s+")


def _unspaced(text: str) -> str:
    """The folded text with whitespace beside Han characters and CJK punctuation removed."""
    return _CJK_SPACES.sub("", normalize(text, casefold=True).text)


def _runs(edits: Sequence[Edit]) -> list[tuple[str, str]]:
    """The (deleted, inserted) text of every run of changes between equal pieces."""
    runs: list[tuple[str, str]] = []
    deleted = inserted = ""
    for edit in [*edits, Edit(Op.EQUAL, "")]:
        if edit.op is Op.DELETE:
            deleted += edit.text
        elif edit.op is Op.INSERT:
            inserted += edit.text
        elif deleted or inserted:
            runs.append((deleted, inserted))
            deleted = inserted = ""
    return runs


def _words(text: str) -> list[str]:
    return [t for t in split_tokens(text) if t[0].isalnum()]


def _inflection(runs: list[tuple[str, str]], language: str) -> bool:
    """Every run that changes words swaps them for words of the same stems, in order."""
    worded = 0
    for deleted, inserted in runs:
        a, b = _words(deleted), _words(inserted)
        if not a and not b:
            continue
        if len(a) != len(b) or any(
            term_of(x, language) != term_of(y, language) for x, y in zip(a, b, strict=True)
        ):
            return False
        worded += 1
    return worded > 0


def _dates(text: str) -> list[str]:
    # Every date pattern of docdiff.describe.dates needs a digit (a day, a month or a
    # year in figures), so a text without one has no date; most clauses have
    # none, and the patterns cost more than the rest of classify.
    if _DIGIT.search(text) is None:
        return []
    return [d.iso() or f"--{d.month or 0:02d}-{d.day or 0:02d}" for d in find_dates(text)]


def _numbers(runs: list[tuple[str, str]], left: str, right: str) -> list[str]:
    """Notes for changed figures (in the changed pieces) and changed dates (in the whole texts)."""
    notes = []
    for deleted, inserted in runs:
        a, b = _NUMBER.findall(deleted), _NUMBER.findall(inserted)
        if Counter(a) != Counter(b):
            notes.append(f"number: {', '.join(a) or '-'} → {', '.join(b) or '-'}")
    dates_a, dates_b = _dates(left), _dates(right)
    if dates_a != dates_b:
        notes.append(f"date: {', '.join(dates_a) or '-'} → {', '.join(dates_b) or '-'}")
    return notes


def sentence_pairs(
    left: Sequence[Sentence], right: Sequence[Sentence], languages: tuple[str, str], overlap: float = _OVERLAP
) -> list[tuple[Sentence, Sentence]]:
    """Align the sentences of two versions of a unit: best overlap first, one to one, in left order.

    Two sentences are candidates when their term sets overlap (Jaccard) by
    at least ``overlap``.
    """
    keys_a = [set(terms(s.text, languages[0])) for s in left]
    keys_b = [set(terms(s.text, languages[1])) for s in right]
    scored = []
    for i, a in enumerate(keys_a):
        for j, b in enumerate(keys_b):
            union = len(a | b)
            score = len(a & b) / union if union else 0.0
            if score >= overlap:
                scored.append((-score, i, j))
    scored.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen = []
    for _, i, j in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            chosen.append((i, j))
    return [(left[i], right[j]) for i, j in sorted(chosen)]


def _commitment(s: Sentence) -> str:
    name = s.commitment or "none"
    return f"{s.intensity} {name}" if s.intensity else name


def _name(found: tuple[str, str | None] | None) -> str:
    if found is None:
        return "none"
    return f"{found[1]} {found[0]}" if found[1] else found[0]


def _later_change(a: Sentence, b: Sentence, language: str) -> str | None:
    """The first commitment after the main one that changed ("and will" -> "and may"), as a note."""
    left, right = commitments(a.text, language)[1:], commitments(b.text, language)[1:]
    if left == right:
        return None
    k = next(
        (i for i, (x, y) in enumerate(zip(left, right, strict=False)) if x != y), min(len(left), len(right))
    )
    was, now = (left[k] if k < len(left) else None), (right[k] if k < len(right) else None)
    return f"commitment: {_name(was)} → {_name(now)}"


def _sentence_notes(pairs: list[tuple[Sentence, Sentence]], language: str) -> tuple[list[str], list[str]]:
    modality: list[str] = []
    actor: list[str] = []
    for a, b in pairs:
        if a.text == b.text:
            continue
        if (a.commitment, a.intensity) != (b.commitment, b.intensity):
            note: str | None = f"commitment: {_commitment(a)} → {_commitment(b)}"
        else:
            note = _later_change(a, b, language)
        if note is not None and note not in modality:
            modality.append(note)
        was, now = a.actor, b.actor
        if a.commitment is None and b.commitment is None:
            # No verb the lexicon knows, but an opening subject may have changed:
            # "The leaders instructed" -> "Alpha instructed".
            was, now = opening_subject(a.text, language), opening_subject(b.text, language)
            if BOTH in was + now and min(len(was), len(now)) == 1 and max(len(was), len(now)) > 1:
                # "The two countries" and "Japan and the United States": every party, both times.
                continue
        if was != now and was and now:
            note = f"actor: {', '.join(was)} → {', '.join(now)}"
            if note not in actor:
                actor.append(note)
    return modality, actor


def classify(
    left: str,
    right: str,
    edits: Sequence[Edit],
    sentences: SentencesOf = ((), ()),
    languages: tuple[str, str] = (LANGUAGES[0], LANGUAGES[0]),
    overlap: float = _OVERLAP,
) -> Verdict:
    """Classify one pair: ``(change, flags, notes)``.

    ``left`` and ``right`` are the pair's texts, ``edits`` their word diff,
    ``sentences`` the parsed sentences of each side (for modality and actor),
    or a function giving them, called only for a substantive pair in one
    language (reading sentences may annotate them); ``overlap`` is the
    sentence-pairing threshold of :func:`sentence_pairs`.  Pairs across two
    languages are substantive with no flags.
    """
    if left == right:
        return Change.NONE, (), ()
    # fold_key is normalize()'s folding without the offset map, so it is cheap;
    # equal keys are confirmed with normalize itself.
    if fold_key(left) == fold_key(right) and (
        normalize(left, casefold=True).text == normalize(right, casefold=True).text
    ):
        return Change.FORMAL, (), ()
    if _HAN_SPACE.search(left + right) and _unspaced(left) == _unspaced(right):
        return Change.FORMAL, (), ()
    if languages[0] != languages[1]:
        return Change.SUBSTANTIVE, (), ()
    runs = _runs(edits)
    flags: list[Flag] = []
    notes: list[str] = []
    if _inflection(runs, languages[0]):
        flags.append(Flag.INFLECTION)
    if callable(sentences):
        sentences = sentences()
    modality, actor = _sentence_notes(
        sentence_pairs(sentences[0], sentences[1], languages, overlap), languages[0]
    )
    if modality:
        flags.append(Flag.MODALITY)
        notes += modality
    if actor:
        flags.append(Flag.ACTOR)
        notes += actor
    numbers = _numbers(runs, left, right)
    if numbers:
        flags.append(Flag.NUMBER)
        notes += numbers
    if Flag.INFLECTION in flags:
        notes.insert(0, "inflection: only word endings changed")
    return Change.SUBSTANTIVE, tuple(flags), tuple(notes)
