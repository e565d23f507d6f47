"""compare(): pairs, inline edits, summary, properties over generated edits."""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pytest
from editgen import ENGLISH, build, generate, seed_statement
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.align.compare import compare
from docdiff.model import Block, Signatory, Span
from docdiff.options import Options
from docdiff.result import Change, Flag, MatchedBy, Op, PairKind

NO_PHRASES = Options(phrases=False)
MIRROR = {
    PairKind.MATCH: PairKind.MATCH,
    PairKind.SPLIT: PairKind.MERGE,
    PairKind.MERGE: PairKind.SPLIT,
    PairKind.INSERT: PairKind.DELETE,
    PairKind.DELETE: PairKind.INSERT,
}


def edited(seed: int, english: bool = False):  # type: ignore[no-untyped-def]
    if english:
        e = generate(ENGLISH, seed, "en", ("XA", "XB"))
        return build(e.left, "en", ("XA", "XB")), build(e.right, "en", ("XA", "XB"))
    e = generate(seed_statement(), seed)
    return build(e.left), build(e.right)


def test_self_comparison_is_all_none() -> None:
    doc = build(seed_statement())
    result = compare(doc, doc, NO_PHRASES)
    assert all(p.kind is PairKind.MATCH and p.change is Change.NONE and not p.moved for p in result.pairs)
    assert all(p.matched_by is MatchedBy.EXACT and p.similarity == 1.0 for p in result.pairs)
    assert len(result.pairs) == len(doc.units)
    assert result.summary.similarity == 1.0
    assert dict(result.summary.by_kind) == {
        "match": len(doc.units),
        "split": 0,
        "merge": 0,
        "insert": 0,
        "delete": 0,
        "related": 0,
    }
    assert not result.substantive


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.booleans())
def test_edits_rebuild_both_texts(seed: int, english: bool) -> None:
    left, right = edited(seed, english)
    result = compare(left, right, NO_PHRASES)
    for pair in result.pairs:
        assert pair.left_text == "\n\n".join(left.unit(label).text for label in pair.left)
        assert pair.right_text == "\n\n".join(right.unit(label).text for label in pair.right)
    # Every unit appears exactly once, right units in document order.
    assert sorted(x for p in result.pairs for x in p.left) == sorted(u.label for u in left.units)
    rights = [x for p in result.pairs for x in p.right]
    assert rights == [u.label for u in right.units]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.booleans())
def test_swapping_sides_mirrors_the_alignment(seed: int, english: bool) -> None:
    left, right = edited(seed, english)
    forward = compare(left, right, NO_PHRASES)
    backward = compare(right, left, NO_PHRASES)
    there = sorted((MIRROR[p.kind], p.right, p.left, p.change) for p in forward.pairs)
    back = sorted((p.kind, p.left, p.right, p.change) for p in backward.pairs)
    assert there == back
    assert forward.summary.moved == backward.summary.moved


def test_self_comparison_of_edited_text_is_clean() -> None:
    _, right = edited(7)
    result = compare(right, right, NO_PHRASES)
    assert {p.change for p in result.pairs} == {Change.NONE}


def test_deterministic() -> None:
    left, right = edited(11)
    assert compare(left, right, NO_PHRASES) == compare(left, right, NO_PHRASES)


def test_summary_counts_and_flags() -> None:
    text = seed_statement()
    changed = text.replace("до 2030 года, чтобы", "до 2035 года, чтобы").replace(
        "Стороны выражают готовность активно развивать", "Стороны договорились активно развивать"
    )
    left, right = build(text), build(changed)
    result = compare(left, right, NO_PHRASES)
    summary = result.summary
    assert [k for k, _ in summary.by_kind] == [k.value for k in PairKind]
    assert [c for c, _ in summary.by_change] == [c.value for c in Change]
    assert [f for f, _ in summary.flags] == [f.value for f in Flag]
    assert dict(summary.by_change)["substantive"] == 2
    flags = dict(summary.flags)
    assert flags["number"] == 1 and flags["modality"] == 1
    changed_pairs = [p for p in result.pairs if p.change is Change.SUBSTANTIVE]
    assert any("commitment: intend → agree" in p.notes for p in changed_pairs)
    assert 0.99 < summary.similarity < 1.0


def test_insert_and_delete_edits() -> None:
    left = build("1. Стороны развивают торговлю.\n\n2. Стороны поощряют туризм.")
    right = build("1. Стороны развивают торговлю.\n\n2. Китай открывает консульство в Гяндже.")
    result = compare(left, right, NO_PHRASES)
    kinds = [(p.kind, p.edits) for p in result.pairs]
    # A deletion comes right after the pair that preceded it, before what was inserted there.
    assert kinds[1][0] is PairKind.DELETE and kinds[1][1][0].text == "Стороны поощряют туризм."
    assert kinds[2][0] is PairKind.INSERT and [e.op for e in kinds[2][1]] == [Op.INSERT]
    assert result.pairs[1].matched_by is None and result.pairs[1].similarity == 0.0


def test_metadata_envelope_and_closing() -> None:
    left = build("1. Стороны развивают торговлю.")
    right = build("1. Стороны развивают торговлю.")
    meta = attrs.evolve(
        right.metadata, date="2025-04-23", signatories=(Signatory("Ильхам Алиев", "Президент", "AZ"),)
    )
    right = attrs.evolve(right, metadata=meta)
    left = attrs.evolve(left, source=left.source + "\n\nБаку", closing=(Block(Span(32, 36), "Баку"),))
    result = compare(left, right, NO_PHRASES)
    fields = {d.field: (d.left, d.right) for d in result.summary.metadata}
    assert fields["date"] == (None, "2025-04-23")
    assert fields["signatories"] == ((), ("Ильхам Алиев (Президент, AZ)",))
    assert [(e.op, e.text) for e in result.closing] == [(Op.DELETE, "Баку")]
    assert result.envelope == ()


def test_cross_language_pairs_by_evidence() -> None:
    ru = build(
        "1. Стороны приветствуют COP29 в 2024 году.\n\n2. Стороны развивают торговлю.\n\n3. Стороны поддерживают ООН."  # noqa: E501
    )
    en = build(
        "1. The Sides welcome COP29 in 2024.\n\n2. The Sides develop trade.\n\n3. The Sides support the UN.",
        "en",
        ("AZ", "CN"),
    )
    result = compare(ru, en, NO_PHRASES)
    assert [(p.kind, p.left, p.right) for p in result.pairs] == [
        (PairKind.MATCH, (str(n),), (str(n),)) for n in (1, 2, 3)
    ]
    assert all(p.change is Change.SUBSTANTIVE and not p.flags and p.notes for p in result.pairs)
    assert {p.matched_by for p in result.pairs} == {MatchedBy.EVIDENCE}
    shared = {(e.kind.value, e.value) for e in result.pairs[0].evidence}
    assert {("name", "COP29"), ("figure", "2024"), ("label", "1")} <= shared
    assert ("concept", "field.trade") in {(e.kind.value, e.value) for e in result.pairs[1].evidence}
    assert result.summary.notes and "different languages" in result.summary.notes[0]


def test_unit_comparison_leaves_phrases_and_formulas_to_the_pipeline() -> None:
    left, right = edited(3)
    result = compare(left, right, Options(phrases=True))
    assert result.phrases == () and result.formulas == ()


def test_parsed_seed_against_an_edit() -> None:
    from helpers import parse_text

    source = (Path(__file__).resolve().parents[2] / "seeds" / "az-cn-2025-04.ru.txt").read_text("utf-8")
    left = parse_text(source)
    right = parse_text(source.replace("Стороны условились укреплять", "Стороны договорились укреплять"))
    result = compare(left, right, NO_PHRASES)
    assert dict(result.summary.by_change)["substantive"] == 1
    assert all(p.kind is PairKind.MATCH and not p.moved for p in result.pairs)


CORPUS = os.environ.get("DOCDIFF_CORPUS")


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS, reason="set DOCDIFF_CORPUS to the corpus folder to compare real statements")
@pytest.mark.parametrize(
    ("a", "b"),
    [("in-us-2023-06-22", "in-us-2023-09-08"), ("in-us-2023-09-08", "in-us-2025-02-13")],
)
def test_real_us_india_pairs(a: str, b: str) -> None:
    from helpers import parse_text

    folder = Path(str(CORPUS)) / "en"
    left = parse_text((folder / f"{a}.en.txt").read_text("utf-8"))
    right = parse_text((folder / f"{b}.en.txt").read_text("utf-8"))
    result = compare(left, right, NO_PHRASES)
    mirrored = compare(right, left, NO_PHRASES)
    assert sorted(x for p in result.pairs for x in p.left) == sorted(u.label for u in left.units)
    assert len(result.pairs) >= max(len(left.units), len(right.units))
    assert result.summary.moved == mirrored.summary.moved
    for pair in result.pairs:
        assert pair.left_text == "\n\n".join(left.unit(label).text for label in pair.left)
