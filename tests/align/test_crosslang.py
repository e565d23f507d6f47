"""Unit alignment across languages (docdiff.align.crosslang) on the constructed renderings of the seed.

The en and zh renderings are constructed (seeds/SOURCES.md); the variants and
what was planted in them are made by tests/plantgen.py and committed in
tests/fixtures/crosslang/ (planted.json).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import plantgen
import pytest
from helpers import SEEDS
from hypothesis import given
from hypothesis import strategies as st

import docdiff
from docdiff.align.compare import compare
from docdiff.align.crosslang import clause_number, unit_evidence
from docdiff.model import Document
from docdiff.options import Options
from docdiff.result import Change, EvidenceKind, MatchedBy, PairKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "crosslang"
PLANTED = json.loads((FIXTURES / "planted.json").read_text(encoding="utf-8"))["variants"]
NO_PHRASES = Options(phrases=False)
Pairs = set[tuple[tuple[str, ...], tuple[str, ...]]]


@functools.cache
def seed(language: str) -> Document:
    return docdiff.load(str(SEEDS / f"az-cn-2025-04.{language}.txt"))


@functools.cache
def variant(name: str) -> Document:
    return docdiff.load(str(FIXTURES / name))


def pairs(left: Document, right: Document) -> Pairs:
    return {(p.left, p.right) for p in compare(left, right, NO_PHRASES).pairs}


def f1(got: Pairs, want: Pairs) -> float:
    hit = len(got & want)
    return 2 * hit / (len(got) + len(want))


def by_position(left: Document, right: Document) -> Pairs:
    assert len(left.units) == len(right.units)
    return {((a.label,), (b.label,)) for a, b in zip(left.units, right.units, strict=True)}


def test_the_committed_variants_are_what_the_generator_makes() -> None:
    for language in ("en", "zh"):
        for name, (text, _) in plantgen.variants(language).items():
            assert (FIXTURES / f"az-cn-2025-04.{name}.{language}.txt").read_text(encoding="utf-8") == text
    assert PLANTED == plantgen.planted()


def test_every_divergence_type_and_structure_change_is_planted_in_both_languages() -> None:
    types = {(row["language"], p["type"]) for row in PLANTED for p in row["plantings"]}
    for language in ("en", "zh"):
        assert {t for lang, t in types if lang == language} == {
            "number",
            "entity",
            "intensity",
            "commitment",
            "missing",
        }
    assert {row["variant"] for row in PLANTED} >= {
        "drop_clause",
        "merge_clauses",
        "split_clause",
        "add_renumber",
    }


@pytest.mark.parametrize(
    ("left", "right"), [("ru", "en"), ("ru", "zh"), ("en", "zh"), ("zh", "ru"), ("en", "ru")]
)
def test_faithful_renderings_pair_every_unit(left: str, right: str) -> None:
    assert pairs(seed(left), seed(right)) == by_position(seed(left), seed(right))


@pytest.mark.parametrize("row", PLANTED, ids=[r["file"] for r in PLANTED])
def test_variants_pair_as_planted_against_the_russian_seed(row: dict[str, object]) -> None:
    want = {(tuple(a), tuple(b)) for a, b in row["pairs_to_ru_seed"]}  # type: ignore[attr-defined]
    assert pairs(seed("ru"), variant(str(row["file"]))) == want


@pytest.mark.parametrize("row", [r for r in PLANTED if r["language"] == "zh"], ids=lambda r: r["file"])
def test_chinese_variants_pair_as_planted_against_the_english_rendering(row: dict[str, object]) -> None:
    # The seed's labels and the English ones are the same; read the pairs through them.
    ru_to_en = {(a.label,): (b.label,) for a, b in zip(seed("ru").units, seed("en").units, strict=True)}
    want = {(tuple(x for a in left for x in ru_to_en[(a,)]), tuple(b)) for left, b in row["pairs_to_ru_seed"]}  # type: ignore[attr-defined]
    got = pairs(seed("en"), variant(str(row["file"])))
    assert f1(got, want) >= 0.98, sorted(got ^ want)


def test_pairs_list_their_evidence_and_say_how_they_were_paired() -> None:
    result = compare(seed("ru"), seed("zh"), NO_PHRASES)
    assert all(p.matched_by is MatchedBy.EVIDENCE and p.change is Change.SUBSTANTIVE for p in result.pairs)
    sco = next(p for p in result.pairs if p.left == ("16",))
    shared = {(e.kind, e.value) for e in sco.evidence}
    assert (EvidenceKind.CONCEPT, "org.sco") in shared and (EvidenceKind.LABEL, "16") in shared
    assert any(e.kind is EvidenceKind.LENGTH for e in sco.evidence)
    assert "structure" not in result.summary.notes[0] and "evidence" in result.summary.notes[0]


def test_a_merge_and_a_split_across_languages_are_reported_as_such() -> None:
    merged = compare(seed("ru"), variant("az-cn-2025-04.merge_clauses.zh.txt"), NO_PHRASES)
    assert [(p.kind, p.left, p.right) for p in merged.pairs if p.kind is PairKind.MERGE] == [
        (PairKind.MERGE, ("5", "6"), ("五",))
    ]
    split = compare(seed("ru"), variant("az-cn-2025-04.split_clause.en.txt"), NO_PHRASES)
    assert [(p.left, p.right) for p in split.pairs if p.kind is PairKind.SPLIT] == [(("11",), ("11", "12"))]


def test_swapping_the_sides_mirrors_the_alignment() -> None:
    there = pairs(seed("ru"), variant("az-cn-2025-04.drop_clause.en.txt"))
    back = pairs(variant("az-cn-2025-04.drop_clause.en.txt"), seed("ru"))
    assert back == {(b, a) for a, b in there}


def test_clause_numbers_read_through_the_packs() -> None:
    assert clause_number("十一", "zh") == (11,)
    assert clause_number("二十三", "zh") == (23,)
    assert clause_number("一.二", "zh") == (1, 2)
    assert clause_number("XIV", "en") == (14,)
    assert clause_number("IV", "ru") == (4,)
    assert clause_number("12", "ru") == (12,)
    assert clause_number("preamble.2", "en") is None
    assert clause_number("a", "en") is None


@given(st.integers(min_value=1, max_value=99))
def test_han_numerals_read_back_as_written(n: int) -> None:
    assert clause_number(plantgen.zh_numeral(n), "zh") == (n,)


def test_evidence_keys_survive_translation() -> None:
    ru = unit_evidence(
        "Китай поддерживает вступление Азербайджана во Всемирную Торговую Организацию (ВТО) к 2026 году.",
        "ru",
    )
    zh = unit_evidence("中方支持阿塞拜疆2026年前加入世界贸易组织（WTO）。", "zh")
    assert {(EvidenceKind.CONCEPT, "org.wto"), (EvidenceKind.FIGURE, "2026")} <= ru & zh
