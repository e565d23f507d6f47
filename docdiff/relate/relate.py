"""The relate stage's one verb: a comparison, read again as two re-drafted statements.

:func:`relate` takes what :func:`docdiff.align.compare.compare` (and the phrase
engine) found and adds what the alignment of a revision cannot say:

1. related pairs (:mod:`docdiff.relate.related`) in place of the insertions
   and deletions they explain;
2. the sentence alignment of every rewritten pair (:mod:`docdiff.relate.sentences`):
   related pairs, and matches whose word diff keeps less than
   ``redline_floor`` of their words, lose their word redline for it;
3. the typed divergences of every substantive pair (:mod:`docdiff.relate.divergences`).

The summary's counts are taken again from the new pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs

from ..align.classify import sentence_pairs
from ..align.crosslang_sentences import align_sentences_across
from ..model import Document, Sentence
from ..options import Options
from ..result import Change, ClausePair, Comparison, Edit, Op, PairKind
from ..text.tokens import terms
from .divergences import divergences
from .related import related_pairs
from .sentences import align_sentences, kept_share

__all__ = ["relate"]

# In a revision, a sentence the classifier paired with none is missing only
# when no sentence of the other side holds half its words (a heavily edited
# sentence is a change, not a gap).
_MISSING_OVERLAP = 0.5


def _indices(comparison: Comparison) -> tuple[dict[str, int], dict[str, int]]:
    return (
        {u.label: i for i, u in enumerate(comparison.left.units)},
        {u.label: j for j, u in enumerate(comparison.right.units)},
    )


def _with_related(comparison: Comparison, options: Options) -> tuple[ClausePair, ...]:
    lindex, rindex = _indices(comparison)
    linked = {(lindex[a], rindex[b]) for p in comparison.pairs for a in p.left for b in p.right}
    found = related_pairs(comparison.left, comparison.right, linked, options.relate_tuning)
    if not found:
        return comparison.pairs
    by_right: dict[int, list[ClausePair]] = {}
    for _, j, pair in found:
        by_right.setdefault(j, []).append(pair)
    related_left = {i for i, _, _ in found}
    out: list[ClausePair] = []
    for pair in comparison.pairs:
        if pair.kind is PairKind.DELETE and all(lindex[a] in related_left for a in pair.left):
            continue  # explained by its relations, which stand at their right units
        if pair.kind is PairKind.INSERT:
            out.extend(by_right.pop(rindex[pair.right[0]], [pair]))
            continue
        out.append(pair)
        for label in pair.right:
            out.extend(by_right.pop(rindex[label], []))
    return tuple(out)


def _sentences(document: Document, index: dict[str, int], labels: Sequence[str]) -> list[Sentence]:
    return [s for label in labels for s in document.units[index[label]].sentences]


def _missing(alone: list[Sentence], other: Sequence[Sentence], language: str) -> list[Sentence]:
    keys = [set(terms(s.text, language)) for s in other]
    out = []
    for sentence in alone:
        mine = set(terms(sentence.text, language))
        if mine and max((len(mine & k) / len(mine) for k in keys), default=0.0) < _MISSING_OVERLAP:
            out.append(sentence)
    return out


def _read(
    pair: ClausePair, comparison: Comparison, options: Options, indices: tuple[dict[str, int], dict[str, int]]
) -> ClausePair:
    """The pair with its sentence alignment (when rewritten) and its divergences."""
    if not (pair.left and pair.right) or pair.change is not Change.SUBSTANTIVE:
        return pair
    left, right = comparison.left, comparison.right
    lindex, rindex = indices
    a, b = _sentences(left, lindex, pair.left), _sentences(right, rindex, pair.right)
    language = left.language
    languages = (left.language, right.language)
    cross = left.language != right.language
    tuning = options.relate_tuning
    changes: dict[str, object] = {}
    if cross or pair.kind is PairKind.RELATED or kept_share(pair.edits, language) < tuning.redline_floor:
        if cross:
            # Two language versions: sentences paired by what survives translation.
            aligned = align_sentences_across(
                [s.text for s in a],
                [s.text for s in b],
                languages,
                ([s.commitment for s in a], [s.commitment for s in b]),
            )
        else:
            aligned = align_sentences(a, b, language, tuning)
        matched = [([a[i] for i in p.left], [b[j] for j in p.right]) for p in aligned if p.left and p.right]
        alone = (
            [a[p.left[0]] for p in aligned if not p.right],
            [b[p.right[0]] for p in aligned if not p.left],
        )
        text_a, text_b = pair.left_text, pair.right_text
        changes.update(
            sentences=aligned,
            left_sentences=[(s.span.start, s.span.end) for s in a],
            right_sentences=[(s.span.start, s.span.end) for s in b],
            edits=(Edit(Op.DELETE, text_a), Edit(Op.INSERT, text_b)),
        )
    else:
        paired = sentence_pairs(a, b, (language, language), options.align_tuning.sentence_overlap)
        matched = [([x], [y]) for x, y in paired]
        used_a, used_b = {id(x) for x, _ in paired}, {id(y) for _, y in paired}
        alone = (
            _missing([s for s in a if id(s) not in used_a], b, language),
            _missing([s for s in b if id(s) not in used_b], a, language),
        )
    labels = (set(pair.left), set(pair.right))
    changes["divergences"] = divergences(
        matched,
        alone,
        (a, b),
        (left.source, right.source),
        languages,
        (comparison.formulas, labels),
    )
    return attrs.evolve(pair, **changes)  # type: ignore[arg-type]


def _recount(comparison: Comparison, pairs: tuple[ClausePair, ...]) -> Comparison:
    kinds = Counter(p.kind.value for p in pairs)
    changes = Counter(p.change.value for p in pairs)
    summary = attrs.evolve(
        comparison.summary,
        by_kind=tuple((name, kinds[name]) for name, _ in comparison.summary.by_kind),
        by_change=tuple((name, changes[name]) for name, _ in comparison.summary.by_change),
    )
    return attrs.evolve(comparison, pairs=pairs, summary=summary)


def relate(comparison: Comparison, options: Options | None = None) -> Comparison:
    """``comparison`` with related pairs, sentence alignment and divergences; see the module docstring."""
    options = options or comparison.options
    if not options.related:
        return comparison
    indices = _indices(comparison)  # label -> unit index, once for every pair
    pairs = tuple(_read(p, comparison, options, indices) for p in _with_related(comparison, options))
    return _recount(comparison, pairs)
