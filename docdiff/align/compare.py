"""Compare two parsed statements: align their units, diff and classify every pair.

:func:`compare` is the engine's one verb.  Units (preamble paragraphs, then
clauses) are aligned by :mod:`docdiff.align`; each pair gets a word diff
(:func:`docdiff.text.inline.word_diff`) and a verdict (:mod:`docdiff.align.classify`);
the envelope and the closing are diffed on their own.  When the two documents
are in different languages, words cannot match: units are aligned by
evidence that survives translation (concepts, figures, names, commitment
types, lengths, numbering; :mod:`docdiff.align.crosslang`), the pairs list
that evidence, and the summary says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..model import Block, Document, Metadata, Sentence
from ..options import Options
from ..result import (
    Change,
    ClausePair,
    Comparison,
    Edit,
    Evidence,
    FieldDifference,
    Flag,
    Op,
    PairKind,
    Summary,
)
from ..text.inline import word_diff
from .classify import classify
from .clauses import Link, align
from .crosslang import align_across
from .similarity import Space, unit_terms

__all__ = ["compare"]

_FIELDS = ("title", "date", "place", "parties", "signatories", "kind", "language")


class _Side:
    """One document's units and their texts, as lists indexed by the alignment's unit numbers."""

    def __init__(self, document: Document) -> None:
        self.units = document.units
        self.texts = [u.text for u in self.units]
        self.language = document.language

    def joined(self, indices: Sequence[int]) -> str:
        return "\n\n".join(self.texts[i] for i in indices)

    def sentences(self, indices: Sequence[int]) -> tuple[Sentence, ...]:
        return tuple(s for i in indices for s in self.units[i].sentences)


def _terms(left: _Side, right: _Side) -> tuple[list[list[str]], list[list[str]]]:
    """Terms of every unit of both documents; identical texts are stemmed once."""
    cache: dict[str, list[str]] = {}

    def keys(text: str, language: str) -> list[str]:
        found = cache.get(text)
        if found is None:
            found = cache[text] = unit_terms(text, language)
        return found

    return (
        [keys(text, left.language) for text in left.texts],
        [keys(text, right.language) for text in right.texts],
    )


def _pair(
    link: Link, left: _Side, right: _Side, cross: bool, overlap: float, evidence: tuple[Evidence, ...] = ()
) -> ClausePair:
    lefts = [left.units[i] for i in link.left]
    rights = [right.units[j] for j in link.right]
    a, b = left.joined(link.left), right.joined(link.right)
    if link.kind is PairKind.INSERT:
        edits: tuple[Edit, ...] = (Edit(Op.INSERT, b),)
    elif link.kind is PairKind.DELETE:
        edits = (Edit(Op.DELETE, a),)
    elif cross:
        # Words of two languages never match: the two sides whole, as for re-drafted text.
        edits = (Edit(Op.DELETE, a), Edit(Op.INSERT, b))
    else:
        edits = word_diff(a, b)
    if link.left and link.right:
        # Sentences are read only for substantive pairs (they may be annotated on first access).
        change, flags, notes = classify(
            a,
            b,
            edits,
            lambda: (left.sentences(link.left), right.sentences(link.right)),
            (left.language, right.language),
            overlap,
        )
        if cross:
            notes = (
                f"paired by evidence across languages ({left.language}, {right.language}): "
                "words are not compared",
            )
    else:
        change, flags, notes = Change.SUBSTANTIVE, (), ()
    return ClausePair(
        kind=link.kind,
        left=tuple(u.label for u in lefts),
        right=tuple(u.label for u in rights),
        moved=link.moved,
        change=change,
        flags=flags,
        similarity=link.similarity,
        matched_by=link.matched_by,
        edits=edits,
        notes=notes,
        evidence=evidence,
    )


def _field(metadata: Metadata, name: str) -> str | tuple[str, ...] | None:
    if name == "signatories":
        return tuple(
            s.name + (f" ({', '.join(x for x in (s.role, s.party) if x)})" if s.role or s.party else "")
            for s in metadata.signatories
        )
    value = getattr(metadata, name)
    return value if value is None or isinstance(value, str) else tuple(value)


def _metadata(left: Metadata, right: Metadata) -> tuple[FieldDifference, ...]:
    found = []
    for name in _FIELDS:
        a, b = _field(left, name), _field(right, name)
        if a != b:
            found.append(FieldDifference(name, a, b))
    return tuple(found)


def _overall(pairs: Sequence[ClausePair], total: int, language: tuple[str, str]) -> float:
    """Share of terms left unchanged: ``1 - changed terms / all terms of both documents``.

    Terms are the words as :func:`docdiff.text.tokens.terms` keys them (Han text:
    character bigrams).  Moved units count as unchanged when their text is;
    an identical document scores 1.0, two documents with no word in common 0.0.
    """
    if not total:
        return 1.0
    changed = 0
    for pair in pairs:
        for edit in pair.edits:
            if edit.op is Op.DELETE:
                changed += len(unit_terms(edit.text, language[0]))
            elif edit.op is Op.INSERT:
                changed += len(unit_terms(edit.text, language[1]))
    return round(max(0.0, 1.0 - changed / total), 6)


def _summary(
    pairs: Sequence[ClausePair], left: Document, right: Document, cross: bool, total: int
) -> Summary:
    kinds = Counter(p.kind for p in pairs)
    changes = Counter(p.change for p in pairs)
    flags = Counter(f for p in pairs for f in p.flags)
    notes: tuple[str, ...] = ()
    if cross:
        notes = (
            f"the documents are in different languages ({left.language}, {right.language}): units "
            "were paired by evidence that survives translation (concepts, figures, names, commitment "
            "types, lengths, numbering), not by words; every pair is substantive",
        )
    return Summary(
        by_kind=tuple((k.value, kinds[k]) for k in PairKind),
        by_change=tuple((c.value, changes[c]) for c in Change),
        similarity=_overall(pairs, total, (left.language, right.language)),
        metadata=_metadata(left.metadata, right.metadata),
        moved=sum(1 for p in pairs if p.moved),
        flags=tuple((f.value, flags[f]) for f in Flag),
        notes=notes,
    )


def compare(left: Document, right: Document, options: Options | None = None) -> Comparison:
    """Compare the units of two parsed statements; see the module docstring.

    The comparison has no phrases and formulas: :func:`docdiff.compare`
    (:func:`docdiff.pipeline.compare`) adds them.

    Pairs come in the right document's order, each deletion where it stood
    in the left document.  Deterministic: the same input gives the same
    result.
    """
    options = options or Options()
    cross = left.language != right.language
    lside, rside = _Side(left), _Side(right)
    left_terms, right_terms = _terms(lside, rside)
    overlap = options.align_tuning.sentence_overlap
    if cross:
        rows = align_across(lside.units, rside.units, (left.language, right.language))
        pairs = tuple(_pair(link, lside, rside, cross, overlap, evidence) for link, evidence in rows)
    else:
        links = align(lside.units, rside.units, Space(left_terms, right_terms), options)
        pairs = tuple(_pair(link, lside, rside, cross, overlap) for link in links)
    total = sum(map(len, left_terms)) + sum(map(len, right_terms))
    return Comparison(
        left=left,
        right=right,
        pairs=pairs,
        summary=_summary(pairs, left, right, cross, total),
        envelope=word_diff(_joined_blocks(left.envelope), _joined_blocks(right.envelope)),
        closing=word_diff(_joined_blocks(left.closing), _joined_blocks(right.closing)),
        options=options,
    )


def _joined_blocks(blocks: Sequence[Block]) -> str:
    return "\n\n".join(b.text for b in blocks)
