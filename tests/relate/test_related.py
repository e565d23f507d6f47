"""Related pairs: re-drafted clauses on one subject are paired by their shared evidence."""

from __future__ import annotations

from helpers import SEED, parse_text

from docdiff import compare
from docdiff.options import Options
from docdiff.result import EvidenceKind, MatchedBy, Op, PairKind

OLD = """Joint Statement of the United States and the Republic of Atlantis

Washington, 10 March 2023

1. The leaders reaffirmed their commitment to the Quad and to a free and open Indo-Pacific, and welcomed the Quad Leaders' Summit in Hiroshima.
2. The leaders welcomed the launch of the Critical Minerals Dialogue to diversify supply chains of lithium, cobalt and rare earth elements.
3. President Smith thanked Prime Minister Jones for the warm hospitality extended to him during his visit.
4. The two countries will expand student exchanges through the Fulbright programme and new university partnerships.
"""

NEW = """Joint Statement of the United States and the Republic of Atlantis

Atlantis City, 2 May 2024

1. Both sides look forward to the next Quad Summit to be hosted by Atlantis, and underscored the Quad's work on maritime domain awareness in the Indo-Pacific.
2. Recognising the importance of resilient supply chains, the sides agreed to conclude a Critical Minerals Agreement covering lithium and graphite processing.
3. The leaders condemned the attacks on shipping in the Red Sea and called for the release of all detained crews.
4. Prime Minister Jones invited President Smith to pay a state visit, and President Smith accepted the invitation with gratitude for the hospitality.
"""


def _related(comparison):
    return [p for p in comparison.pairs if p.kind is PairKind.RELATED]


def test_redrafted_clauses_relate_by_shared_evidence_and_explain_themselves() -> None:
    comparison = compare(
        parse_text(OLD, language="en"), parse_text(NEW, language="en"), Options(phrases=False)
    )
    links = {(p.left, p.right) for p in _related(comparison)}
    assert (("1",), ("1",)) in links or any(p.left == ("1",) and p.right == ("1",) for p in comparison.pairs)
    assert (("2",), ("2",)) in links
    for pair in _related(comparison):
        assert pair.matched_by is MatchedBy.EVIDENCE and not pair.moved
        assert pair.evidence and all(e.weight > 0 for e in pair.evidence)
        # Two different texts are shown side by side, never as one word redline.
        assert [e.op for e in pair.edits] == [Op.DELETE, Op.INSERT]
        assert pair.sentences
    minerals = next(p for p in _related(comparison) if p.left == ("2",))
    assert {e.value.casefold() for e in minerals.evidence} & {"minerals", "lithium", "critical"}
    assert any(e.kind in (EvidenceKind.TERM, EvidenceKind.CONCEPT) for e in minerals.evidence)
    # The Red Sea clause shares nothing specific with the old statement: still an insertion.
    assert any(p.kind is PairKind.INSERT and p.right == ("3",) for p in comparison.pairs)
    # Every unit of both sides is still accounted for.
    assert {label for p in comparison.pairs for label in p.left} == {"1", "2", "3", "4"}
    assert {label for p in comparison.pairs for label in p.right} == {"1", "2", "3", "4"}


def test_a_revision_gains_no_related_pair() -> None:
    text = SEED.read_text(encoding="utf-8")
    revised = (SEED.parent / "az-cn-2025-04-revised.ru.txt").read_text(encoding="utf-8")
    comparison = compare(parse_text(text), parse_text(revised))
    assert not _related(comparison)
    itself = compare(parse_text(text), parse_text(text))
    assert not _related(itself) and dict(itself.summary.by_kind)["related"] == 0


def test_related_pairs_can_be_switched_off() -> None:
    left, right = parse_text(OLD, language="en"), parse_text(NEW, language="en")
    off = compare(left, right, Options(phrases=False, related=False))
    assert not _related(off)
    assert all(not p.divergences and not p.sentences for p in off.pairs)


def test_relating_is_deterministic_and_counts_agree() -> None:
    left, right = parse_text(OLD, language="en"), parse_text(NEW, language="en")
    a = compare(left, right, Options(phrases=False))
    b = compare(left, right, Options(phrases=False))
    assert a == b
    kinds = dict(a.summary.by_kind)
    assert kinds["related"] == len(_related(a))
    assert sum(kinds.values()) == len(a.pairs)
