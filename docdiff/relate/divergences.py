"""Typed divergences: how the two sides of a pair differ in substance.

Read from the concept layer, the annotation and the formula engine, per
pair (:class:`docdiff.result.DivergenceType`):

* ``number``: a figure (digits, with a decimal part or a per cent sign) in one
  of two corresponding sentences and not the other; a changed figure is one
  divergence with both sides;
* ``entity``: an organisation, initiative or place (a lexicon concept of
  those kinds) named on one side of the pair only;
* ``actor``, ``commitment``, ``intensity``: in two corresponding sentences,
  who acts changed; the commitment (its lexicon category) changed; or the
  same commitment got stronger or weaker;
* ``formula``: a stock formula on one side only, or on both in other words;
* ``missing``: a sentence with no counterpart on the other side.

Which sentences correspond: for a revision, the sentence pairing the
classifier flags with (:func:`docdiff.align.classify.sentence_pairs`), so
that flags and divergences agree; for rewritten text, the pair's sentence
alignment (:mod:`docdiff.relate.sentences`).  Pairs whose change is none or
formal have no divergence.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..describe.concepts import concept_lexicon, concept_spans
from ..model import Sentence
from ..result import Divergence, DivergenceType, FormulaUse, Op

__all__ = ["divergences"]

# Digits not inside a Latin word or code ("G20" is a name): Han text writes
# figures right against its characters ("2025年", "29届").
_FIGURE = re.compile(r"(?<![A-Za-z0-9.,])\d+(?:[.,]\d+)*(?:\s?%)?(?![A-Za-z0-9])")
_SPECIFIC = ("organisation", "initiative", "place")


@functools.cache
def _specific() -> frozenset[str]:
    return frozenset(c.id for c in concept_lexicon() if c.kind in _SPECIFIC)


def _figure_value(text: str) -> str:
    # "1 000", "1,000" and "1000" are one figure in every language version;
    # a decimal comma ("2,5") reads as the decimal point it is.
    compact = text.replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?%?", compact):
        return compact.replace(",", "")
    return compact.replace(",", ".")


def _figures(sentences: Iterable[Sentence]) -> list[tuple[str, int, int]]:
    return [
        (_figure_value(m.group()), s.span.start + m.start(), s.span.start + m.end())
        for s in sentences
        for m in _FIGURE.finditer(s.text)
    ]


def _beyond(figures: list[tuple[str, int, int]], extra: Counter[str]) -> list[tuple[str, int, int]]:
    """The figures of one side the other lacks (the last occurrences of a repeated one stay)."""
    out = []
    for figure in figures:
        if extra[figure[0]] > 0:
            extra[figure[0]] -= 1
            out.append(figure)
    return out


def _numbers(left: Sequence[Sentence], right: Sequence[Sentence]) -> list[Divergence]:
    a, b = _figures(left), _figures(right)
    gone = _beyond(a, Counter(v for v, _, _ in a) - Counter(v for v, _, _ in b))
    new = _beyond(b, Counter(v for v, _, _ in b) - Counter(v for v, _, _ in a))
    out = []
    for index in range(max(len(gone), len(new))):
        x = gone[index] if index < len(gone) else None
        y = new[index] if index < len(new) else None
        out.append(
            Divergence(
                type=DivergenceType.NUMBER,
                left=x[0] if x else None,
                right=y[0] if y else None,
                left_start=x[1] if x else None,
                left_end=x[2] if x else None,
                right_start=y[1] if y else None,
                right_end=y[2] if y else None,
                note=f"figure: {x[0] if x else '-'} → {y[0] if y else '-'}",
            )
        )
    return out


def _mentions(sentences: Sequence[Sentence], language: str) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    specific = _specific()
    for sentence in sentences:
        for concept, start, end in concept_spans(sentence.text, language):
            if concept in specific and concept not in found:
                found[concept] = (sentence.span.start + start, sentence.span.start + end)
    return found


def _entities(
    left: Sequence[Sentence], right: Sequence[Sentence], sources: tuple[str, str], languages: tuple[str, str]
) -> list[Divergence]:
    a = _mentions(left, languages[0])
    b = _mentions(right, languages[1])
    out = []
    for concept in sorted(a.keys() - b.keys()):
        start, end = a[concept]
        out.append(
            Divergence(
                type=DivergenceType.ENTITY,
                left=sources[0][start:end],
                right=None,
                left_start=start,
                left_end=end,
                note=f"entity {concept}: named on the left only",
            )
        )
    for concept in sorted(b.keys() - a.keys()):
        start, end = b[concept]
        out.append(
            Divergence(
                type=DivergenceType.ENTITY,
                left=None,
                right=sources[1][start:end],
                right_start=start,
                right_end=end,
                note=f"entity {concept}: named on the right only",
            )
        )
    return out


def _commitment(s: Sentence) -> str:
    name = s.commitment or "none"
    return f"{s.intensity} {name}" if s.intensity else name


def _sentence(kind: DivergenceType, a: Sentence, b: Sentence, note: str) -> Divergence:
    return Divergence(
        type=kind,
        left=a.text,
        right=b.text,
        left_start=a.span.start,
        left_end=a.span.end,
        right_start=b.span.start,
        right_end=b.span.end,
        note=note,
    )


def _annotations(pairs: Sequence[tuple[Sentence, Sentence]], cross: bool) -> list[Divergence]:
    out = []
    for a, b in pairs:
        if a.text == b.text:
            continue
        if cross and (a.commitment is None or b.commitment is None):
            # Across languages a commitment one lexicon cannot place is a gap
            # of the lexicon, not of the translation: it raises nothing.
            continue
        if a.commitment != b.commitment:
            note = f"commitment: {_commitment(a)} → {_commitment(b)}"
            out.append(_sentence(DivergenceType.COMMITMENT, a, b, note))
        elif a.intensity != b.intensity:
            note = f"intensity: {_commitment(a)} → {_commitment(b)}"
            out.append(_sentence(DivergenceType.INTENSITY, a, b, note))
        if a.actor and b.actor and a.actor != b.actor:
            note = f"actor: {', '.join(a.actor)} → {', '.join(b.actor)}"
            out.append(_sentence(DivergenceType.ACTOR, a, b, note))
    return out


def _missing(left: Sequence[Sentence], right: Sequence[Sentence]) -> list[Divergence]:
    out = [
        Divergence(
            type=DivergenceType.MISSING,
            left=s.text,
            right=None,
            left_start=s.span.start,
            left_end=s.span.end,
            note="missing: a sentence with no counterpart on the right",
        )
        for s in left
    ]
    out += [
        Divergence(
            type=DivergenceType.MISSING,
            left=None,
            right=s.text,
            right_start=s.span.start,
            right_end=s.span.end,
            note="missing: a sentence with no counterpart on the left",
        )
        for s in right
    ]
    return out


def _formulas(uses: Sequence[FormulaUse], labels: tuple[set[str], set[str]]) -> list[Divergence]:
    out = []
    for use in uses:
        a = [s for s in use.left if s.label in labels[0]]
        b = [s for s in use.right if s.label in labels[1]]
        if not a and not b:
            continue
        x, y = (a[0] if a else None), (b[0] if b else None)
        if x is not None and y is not None:
            if x.text == y.text or all(e.op is Op.EQUAL for e in use.edits):
                continue
            note = f"formula {use.id}: reworded" + (f" ({use.direction})" if use.direction else "")
        else:
            note = f"formula {use.id}: on the {'left' if x else 'right'} only"
        out.append(
            Divergence(
                type=DivergenceType.FORMULA,
                left=x.text if x else None,
                right=y.text if y else None,
                left_start=x.start if x else None,
                left_end=x.end if x else None,
                right_start=y.start if y else None,
                right_end=y.end if y else None,
                note=note,
            )
        )
    return out


def divergences(
    matched: Sequence[tuple[Sequence[Sentence], Sequence[Sentence]]],
    alone: tuple[Sequence[Sentence], Sequence[Sentence]],
    whole: tuple[Sequence[Sentence], Sequence[Sentence]],
    sources: tuple[str, str],
    languages: tuple[str, str],
    formulas: tuple[Sequence[FormulaUse], tuple[set[str], set[str]]],
) -> tuple[Divergence, ...]:
    """The divergences of one pair, in type order, then source order.

    ``matched`` holds the corresponding groups of sentences, ``alone`` the
    sentences of each side with no counterpart, ``whole`` every sentence
    of each side; ``formulas`` the comparison's formula uses with the
    pair's labels on each side.
    """
    found: list[Divergence] = []
    cross = languages[0] != languages[1]
    for a, b in matched:
        found += _numbers(a, b)
    if not cross:
        # Across languages the concept and formula lexicons do not yet name
        # every concept in every language (coverage: docs/concepts.md): a
        # form missing from one language would read as an entity dropped.
        found += _entities(whole[0], whole[1], sources, languages)
    found += _annotations([(a[0], b[0]) for a, b in matched if len(a) == 1 and len(b) == 1], cross)
    if not cross:
        found += _formulas(*formulas)
    found += _missing(*alone)
    order = {t: n for n, t in enumerate(DivergenceType)}
    return tuple(
        sorted(
            found,
            key=lambda d: (
                order[d.type],
                d.left_start if d.left_start is not None else -1,
                d.right_start or 0,
            ),
        )
    )
