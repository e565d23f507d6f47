"""Phrase alignment: passages that two statements share, exactly or reworded.

Clause alignment (:mod:`docdiff.align`) pairs whole units; this module finds
the text reuse underneath it, wherever it sits: a sentence carried over from an
older statement into a different clause, a stock formula repeated with new
inflections.  The method is the seed-and-extend scheme of BLAST (Altschul et
al., 1990), over word keys instead of residues:

1. **Tokens.**  Every word of every unit, with its source offsets and its
   comparison key (:func:`docdiff.text.tokens.term_of`: folded, case-folded,
   stemmed, so "Китайской Народной Республики" meets "Китайская Народная
   Республика" and "supports" meets "support").  A Han character is a token of
   its own, keyed by itself.
2. **Seeds.**  Every n-gram of keys (3 words; 4 Han characters) found in both
   documents, through a hash index.  N-grams made only of very common words
   ("и в на", "of the") seed nothing, and neither do n-grams so frequent that
   their pairings would be quadratic.
3. **Extension.**  Each seed not already inside a found alignment is extended
   both ways by a banded X-drop local alignment (Smith-Waterman scoring: match
   +2, mismatch -1, gap -1; band of 3 diagonals; stop once the score falls 6
   below the best), so small substitutions, insertions and deletions pass and
   unrelated text stops it.  Extension never leaves the unit it started in.
4. **Selection.**  Candidates are taken greedily by matched words; a word
   belongs to at most one pair on each side, so a candidate that overlaps a
   taken one is cut to its longest free run and queued again.  Neighbouring
   pairs of the same two units that are at most 3 words apart merge.
5. **Filter.**  Pairs keep at least ``Options.min_phrase_words`` words on each
   side (a Han character counts as half a word) and a score (matched words
   over the longer side) of at least ``Options.phrase_min_score``.

The engine (steps 1-5) is :mod:`docdiff.phrases.seedextend`, over the word keys of
:mod:`docdiff.phrases.wordkeys`; this module turns its token ranges into source
spans, labels formulas and diffs the words.

Symmetry is by construction: the algorithm always runs on the two documents
in a canonical order (by source text, then structure) and the result is
mirrored when the caller passed them the other way round, so
``align_phrases(b, a)`` is exactly the mirror of ``align_phrases(a, b)``.
Two documents with the same text and structure pair each unit with itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Document
from ..options import Options
from ..result import Edit, Op, PhrasePair, PhraseSide
from ..text.inline import merge_edits, word_diff
from .formulas import FormulaOccurrence, find_formulas
from .seedextend import local_alignments
from .wordkeys import Shared, Words

__all__ = ["align_phrases", "mirror_phrase"]


def _side(words: Words, first: int, stop: int) -> PhraseSide:
    start, end = words.span(first, stop)
    return PhraseSide(words.labels[words.unit[first]], start, end, words.document.source[start:end])


def _by_label(found: Sequence[FormulaOccurrence]) -> dict[str, list[FormulaOccurrence]]:
    out: dict[str, list[FormulaOccurrence]] = {}
    for o in found:
        out.setdefault(o.label, []).append(o)
    return out


def _formula(
    left: PhraseSide,
    right: PhraseSide,
    left_found: dict[str, list[FormulaOccurrence]],
    right_found: dict[str, list[FormulaOccurrence]],
) -> str | None:
    """The formula occurring in both sides, by largest total overlap, then by id.

    ``*_found`` hold each document's occurrences by unit label: a side lies
    inside one unit, so only that unit's occurrences can overlap it.
    """

    def overlaps(side: PhraseSide, found: dict[str, list[FormulaOccurrence]]) -> dict[str, int]:
        out: dict[str, int] = {}
        for o in found.get(side.label, ()):
            shared = min(side.end, o.end) - max(side.start, o.start)
            if shared > 0:
                out[o.id] = out.get(o.id, 0) + shared
        return out

    on_left, on_right = overlaps(left, left_found), overlaps(right, right_found)
    common = sorted((-(on_left[k] + on_right[k]), k) for k in on_left.keys() & on_right.keys())
    return common[0][1] if common else None


def _units(document: Document) -> tuple[object, ...]:
    return tuple((u.label, tuple((p.span.start, p.span.end) for p in u.paragraphs)) for u in document.units)


def _order(left: Document, right: Document) -> int:
    """-1, 0 or 1 as ``left`` orders before, with or after ``right``.

    By everything the result depends on: source, language, then units (each
    part built only when the ones before tie; most pairs differ in source).
    """
    for part in (lambda d: d.source, lambda d: d.language, _units):
        a, b = part(left), part(right)
        if a != b:
            return 1 if a > b else -1
    return 0


def _mirror_edits(edits: Sequence[Edit]) -> tuple[Edit, ...]:
    swap = {Op.EQUAL: Op.EQUAL, Op.DELETE: Op.INSERT, Op.INSERT: Op.DELETE}
    return merge_edits(Edit(swap[e.op], e.text) for e in edits)


def mirror_phrase(pair: PhrasePair) -> PhrasePair:
    """The same pair seen from the other side: sides swapped, insertions and deletions swapped."""
    return PhrasePair(
        left=pair.right,
        right=pair.left,
        score=pair.score,
        formula=pair.formula,
        edits=_mirror_edits(pair.edits),
    )


def _identity(words: Words, options: Options) -> list[tuple[PhraseSide, PhraseSide, float]]:
    out = []
    for first, stop in words.bounds:
        if stop > first and sum(words.weight[first:stop]) >= options.min_phrase_words:
            side = _side(words, first, stop)
            out.append((side, side, 1.0))
    return out


def align_phrases(left: Document, right: Document, options: Options | None = None) -> tuple[PhrasePair, ...]:
    """Phrases the two documents share, ordered by left start, then right start.

    Each pair points into both sources (``text == source[start:end]``), has a
    score in ``[0, 1]`` (matched words over the longer side), the id of a
    lexicon formula that both sides contain (else ``None``) and the word edits
    from its left to its right text.  Swapping the documents mirrors the
    result exactly.
    """
    options = options or Options()
    order = _order(left, right)
    swapped = order > 0
    x_doc, y_doc = (right, left) if swapped else (left, right)
    shared = Shared()
    x, y = Words(x_doc, shared), Words(y_doc, shared)
    if order == 0:
        found = _identity(x, options)
    else:
        found = [
            (_side(x, a.x0, a.x1), _side(y, a.y0, a.y1), a.score)
            for a in local_alignments(
                x, y, options.min_phrase_words, options.phrase_min_score, options.phrase_tuning
            )
        ]
    x_formulas, y_formulas = _by_label(find_formulas(x_doc)), _by_label(find_formulas(y_doc))
    # Repeated boilerplate gives the same two texts many times: diff them once
    # (and mirror the edits once when the documents were swapped).
    diffs: dict[tuple[str, str], tuple[Edit, ...]] = {}
    pairs = []
    for xs, ys, score in found:
        edits = diffs.get((xs.text, ys.text))
        if edits is None:
            edits = word_diff(xs.text, ys.text)
            edits = diffs[(xs.text, ys.text)] = _mirror_edits(edits) if swapped else edits
        formula = _formula(xs, ys, x_formulas, y_formulas)
        if swapped:
            # mirror_phrase of the pair as found.
            pairs.append(PhrasePair(left=ys, right=xs, score=score, formula=formula, edits=edits))
        else:
            pairs.append(PhrasePair(left=xs, right=ys, score=score, formula=formula, edits=edits))
    pairs.sort(key=lambda p: (p.left.start, p.right.start, p.left.end, p.right.end))
    return tuple(pairs)
