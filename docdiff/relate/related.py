"""Related pairs: units of re-drafted statements that take up the same specific subject.

The alignment of a revision (:mod:`docdiff.align`) pairs units whose wording
is close and leaves the rest as insertions and deletions.  Between two
statements written a year apart most clauses are new text on old subjects;
this module relates two units the alignment did not pair when they share
specific evidence (:mod:`docdiff.relate.evidence`):

* the cosine of the two units' evidence vectors reaches ``unit_floor``, or
* the cosine of their closest pair of sentences reaches ``sentence_floor``
  (an old clause's sub-topic taken up inside a longer new one).

A unit may relate to several: an old clause's topics often spread over three
new ones.  A related pair is never a move, and never replaces a pair the
alignment made: an insertion or deletion that finds a relation gives way to
it, a matched unit keeps its match and may gain relations besides.  The
floors were set on the development gold sets and checked on held-out ones
(``docs/correspondence.md``); cosines over idf-squared weights are what
keeps boilerplate ("the leaders welcomed") from relating everything.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from ..describe.concepts import find_concepts
from ..model import Clause, Document
from ..options import RelateTuning
from ..result import ClausePair, Edit, MatchedBy, Op, PairKind
from .evidence import Bags, Vector, bag_of, evidence_of, people_keys, surface_words

__all__ = ["related_pairs"]


def _dot_all(left: Sequence[Vector], right: Sequence[Vector]) -> list[dict[int, float]]:
    """Every non-zero cosine, by an inverted index on the right vectors: ``out[i][j]``."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, vector in enumerate(right):
        for key, weight in vector.items():
            postings[key].append((j, weight))
    out: list[dict[int, float]] = []
    for vector in left:
        sums: dict[int, float] = defaultdict(float)
        for key, weight in vector.items():
            for j, other in postings.get(key, ()):
                sums[j] += weight * other
        out.append(dict(sums))
    return out


def _sentence_bags(
    units: Sequence[Clause], language: str, weight: int, skip: frozenset[str]
) -> list[tuple[int, Counter[str]]]:
    # Concepts are found from the text, not read from Sentence.concepts:
    # reading those annotates every sentence (commitments, actors), which
    # costs far more than the concepts alone.
    return [
        (i, bag_of(s.text, find_concepts(s.text, language), language, weight, skip))
        for i, u in enumerate(units)
        for s in u.sentences
    ]


def _unit_bags(units: Sequence[Clause], sentences: list[tuple[int, Counter[str]]]) -> list[Counter[str]]:
    # A unit's bag is the sum of its sentences' bags.
    out: list[Counter[str]] = [Counter() for _ in units]
    for i, bag in sentences:
        out[i].update(bag)
    return out


def related_pairs(
    left: Document, right: Document, linked: set[tuple[int, int]], tuning: RelateTuning
) -> list[tuple[int, int, ClausePair]]:
    """``(left index, right index, pair)`` for every related pair of units, in right order.

    ``linked`` holds the unit pairs the alignment already made; only units
    it left unpaired are related (to any unit of the other side), so that a
    revision, where every unit found its counterpart, gains nothing.
    Documents in two languages relate nothing here: their units are paired
    by the alignment's own cross-language evidence.
    """
    if left.language != right.language:
        return []
    lu, ru = left.units, right.units
    unpaired = len(lu) - len({i for i, _ in linked}) + len(ru) - len({j for _, j in linked})
    if unpaired < tuning.revision_share * (len(lu) + len(ru)):
        return []  # a revision: its few insertions and deletions are what they say
    language = left.language
    weight = tuning.concept_weight
    people = left.metadata.signatories + right.metadata.signatories
    skip = people_keys([w for s in people for w in (s.name, s.role or "")], language)
    lsent, rsent = _sentence_bags(lu, language, weight, skip), _sentence_bags(ru, language, weight, skip)
    units = Bags(_unit_bags(lu, lsent), _unit_bags(ru, rsent))
    sentences = Bags([b for _, b in lsent], [b for _, b in rsent])
    closest: dict[tuple[int, int], float] = {}
    for (i, _), row in zip(lsent, _dot_all(sentences.left, sentences.right), strict=True):
        for k, score in row.items():
            key = (i, rsent[k][0])
            if score > closest.get(key, 0.0):
                closest[key] = score
    paired_left = {i for i, _ in linked}
    paired_right = {j for _, j in linked}
    scores: dict[tuple[int, int], float] = {}
    for i, row in enumerate(_dot_all(units.left, units.right)):
        for j, score in row.items():
            near = closest.get((i, j), 0.0)
            alone = i not in paired_left or j not in paired_right
            if alone and (score >= tuning.unit_floor or near >= tuning.sentence_floor):
                scores[(i, j)] = max(score, closest.get((i, j), 0.0))
    if not scores:
        return []
    # Only evidence that is shown needs its words as written.
    surface = surface_words([s for u in (*lu, *ru) for s in u.sentences], language)
    found = []
    for (i, j), score in sorted(scores.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        a, b = lu[i].text, ru[j].text
        pair = ClausePair(
            kind=PairKind.RELATED,
            left=(lu[i].label,),
            right=(ru[j].label,),
            similarity=round(min(1.0, score), 6),
            matched_by=MatchedBy.EVIDENCE,
            edits=(Edit(Op.DELETE, a), Edit(Op.INSERT, b)),
            evidence=evidence_of(units.shared(i, j), surface, tuning.max_evidence),
        )
        found.append((i, j, pair))
    return found
