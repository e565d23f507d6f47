"""The ledger of two statements: what each side got that the other did not.

For every lexicon concept (a subject field, an organisation, an initiative, a
place: :mod:`docdiff.describe.concepts`) and every stock formula
(:mod:`docdiff.phrases.formulas`) named in either statement, the ledger says
on which side it stands, in which units, who acts there, and the strongest
commitment each side makes about it.  Strength is read on the scale of
``lexicon/commitments.json`` (``strength``: mention < note < welcome <
support < intend < commit, intensity a half step; ``docs/ledger.md``), never
in code, so a new commitment category is ranked by editing the data.

An item counts where a sentence names it; a formula is placed in the sentence
its match starts in (the envelope and title hold no commitment: level 0).  A
formula that names a concept (``formulas`` in ``lexicon/concepts.json``: the
SCO, the Belt and Road, the GDI) is counted as that concept, so one thing is
one row whichever lexicon found it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from attrs import frozen

from ..describe.commitments import lexicon as commitment_lexicon
from ..describe.concepts import concept_lexicon
from ..describe.parties import party_name
from ..lang import lexicon
from ..model import Document, Sentence
from ..phrases.formulas import find_formulas, formula_lexicon
from ..result import Ledger, LedgerRow, LedgerSide, Presence, StrengthChange

__all__ = ["KINDS", "Scale", "ledger", "side_names", "strength_scale"]

#: Kinds in the order the ledger lists them; formulas come after the concepts.
KINDS = ("field", "organisation", "initiative", "place", "formula")
_FORMULA = "formula"
# Ranks are level * 2 (+1 when intensified): "strongly support" sits between
# "support" and "intend", as the scale's documentation says.
_STEP = 2


@frozen
class Scale:
    """The commitment strength scale: category -> level, and the name of each level."""

    levels: tuple[tuple[str, int], ...]
    names: tuple[str, ...]

    def rank(self, commitment: str | None, intensity: str | None) -> int:
        """The rank of a sentence's commitment: ``level * 2``, plus one when intensified."""
        level = dict(self.levels).get(commitment or "", 0)
        return level * _STEP + (1 if intensity and commitment else 0)

    def name(self, rank: int) -> str:
        """The scale name of ``rank`` ("strongly support" for an intensified support)."""
        base = self.names[min(rank // _STEP, len(self.names) - 1)]
        return f"strongly {base}" if rank % _STEP else base


@functools.cache
def strength_scale() -> Scale:
    """The scale as the commitment lexicon defines it (``strength.levels``)."""
    levels = commitment_lexicon()["strength"]["levels"]
    ordered = sorted(levels, key=lambda entry: int(entry["level"]))
    names = tuple(str(entry["name"]) for entry in ordered)
    pairs = tuple(
        (str(category), int(entry["level"])) for entry in ordered for category in entry["categories"]
    )
    return Scale(pairs, names)


@functools.cache
def _concept_kinds() -> dict[str, str]:
    return {c.id: c.kind for c in concept_lexicon()}


@functools.cache
def _formula_concepts() -> dict[str, tuple[str, str]]:
    """Formula id -> (kind, concept id) for the formulas a concept lists as naming it."""
    kinds = _concept_kinds()
    return {
        str(formula): (kinds[str(entry["id"])], str(entry["id"]))
        for entry in lexicon("concepts")["concepts"]
        for formula in entry.get("formulas", ())
    }


@functools.cache
def _formula_names() -> dict[str, str]:
    return {f.id: f.name for f in formula_lexicon()}


# One occurrence of an item: (label, sentence or None, the text to show).
_Hit = tuple[str, Sentence | None, str]


def _hits(document: Document) -> dict[tuple[str, str], list[_Hit]]:
    """Every item of ``document`` with the sentences that name it, in document order."""
    found: dict[tuple[str, str], list[_Hit]] = {}
    kinds = _concept_kinds()
    spans: dict[str, list[Sentence]] = {}
    for unit in document.units:
        sentences = list(unit.sentences)
        spans[unit.label] = sentences
        for sentence in sentences:
            for concept in sentence.concepts:
                kind = kinds.get(concept)
                if kind is not None:
                    found.setdefault((kind, concept), []).append((unit.label, sentence, sentence.text))
    for occurrence in find_formulas(document):
        holder = next(
            (s for s in spans.get(occurrence.label, ()) if s.span.start <= occurrence.start < s.span.end),
            None,
        )
        text = holder.text if holder is not None else occurrence.text
        # A formula that names a concept ("sco" names org.sco) is that concept's row.
        key = _formula_concepts().get(occurrence.id, (_FORMULA, occurrence.id))
        hits = found.setdefault(key, [])
        if holder is None or all(h[1] is not holder for h in hits):
            hits.append((occurrence.label, holder, text))
    return found


def _side(hits: Sequence[_Hit], scale: Scale) -> LedgerSide:
    labels = list(dict.fromkeys(label for label, _, _ in hits))
    best: tuple[int, Sentence | None, str] = (-1, None, "")
    actors: set[str] = set()
    sentences = set()
    for _, sentence, text in hits:
        if sentence is None:
            rank = 0
        else:
            sentences.add(sentence.span)
            actors.update(sentence.actor)
            rank = scale.rank(sentence.commitment, sentence.intensity)
        if rank > best[0]:  # strict: the first sentence of the strongest rank
            best = (rank, sentence, text)
    rank, sentence, text = best
    return LedgerSide(
        labels=labels,
        strength=rank,
        scale=scale.name(rank),
        commitment=sentence.commitment if sentence is not None else None,
        intensity=sentence.intensity if sentence is not None else None,
        actor=sorted(actors),
        sentences=len(sentences) or len(hits),
        text=text,
    )


def _row(kind: str, item: str, left: LedgerSide | None, right: LedgerSide | None) -> LedgerRow:
    name = _formula_names().get(item, item) if kind == _FORMULA else item
    if left is None:
        return LedgerRow(kind, item, name, Presence.RIGHT, None, right, None)
    if right is None:
        return LedgerRow(kind, item, name, Presence.LEFT, left, None, None)
    if right.strength > left.strength:
        change = StrengthChange.STRONGER
    elif right.strength < left.strength:
        change = StrengthChange.WEAKER
    else:
        change = StrengthChange.SAME
    return LedgerRow(kind, item, name, Presence.BOTH, left, right, change)


def _order(row: LedgerRow) -> tuple[int, int, str]:
    if row.presence is Presence.RIGHT:
        group = 0
    elif row.presence is Presence.LEFT:
        group = 1
    else:
        group = 3 if row.change is StrengthChange.SAME else 2
    return group, KINDS.index(row.kind) if row.kind in KINDS else len(KINDS), row.id


def _names(parties: Iterable[str]) -> str:
    return " and ".join(party_name(code) for code in parties)


def side_names(left: Document, right: Document) -> tuple[str, str]:
    """How the ledger names the sides: the parties of one side only, else the dates (or left/right)."""
    a, b = left.metadata.parties, right.metadata.parties
    only_left = [p for p in a if p not in b]
    only_right = [p for p in b if p not in a]
    if only_left and only_right:
        return _names(only_left), _names(only_right)
    dates = (left.metadata.date, right.metadata.date)
    if dates[0] and dates[1] and dates[0] != dates[1]:
        return f"the statement of {dates[0]}", f"the statement of {dates[1]}"
    return "the left statement", "the right statement"


def ledger(left: Document, right: Document) -> Ledger:
    """The ledger of ``left`` and ``right``: one row per concept or formula named in either.

    Deterministic, and symmetric: swapping the sides swaps ``left`` and
    ``right`` in every row (and the two single-side groups).
    """
    scale = strength_scale()
    a, b = _hits(left), _hits(right)
    rows = []
    for kind, item in sorted(set(a) | set(b)):
        rows.append(
            _row(
                kind,
                item,
                _side(a[kind, item], scale) if (kind, item) in a else None,
                _side(b[kind, item], scale) if (kind, item) in b else None,
            )
        )
    rows.sort(key=_order)
    left_name, right_name = side_names(left, right)
    return Ledger(left=left, right=right, left_name=left_name, right_name=right_name, rows=rows)
