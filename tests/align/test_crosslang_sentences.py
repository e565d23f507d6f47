"""Sentence alignment across languages (docdiff.align.crosslang_sentences) on the constructed renderings."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from helpers import SEEDS
from hypothesis import given
from hypothesis import strategies as st

import docdiff
from docdiff.align.crosslang import length_probability
from docdiff.align.crosslang_sentences import align_sentences_across
from docdiff.model import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "crosslang"


@functools.cache
def load(path: str) -> Document:
    return docdiff.load(path)


def seed(language: str) -> Document:
    return load(str(SEEDS / f"az-cn-2025-04.{language}.txt"))


def steps(left: Document, right: Document) -> dict[str, list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Per unit label of the left side, the sentence steps that are not 1:1."""
    out = {}
    for u, v in zip(left.units, right.units, strict=True):
        pairs = align_sentences_across(
            [s.text for s in u.sentences],
            [s.text for s in v.sentences],
            (left.language, right.language),
            ([s.commitment for s in u.sentences], [s.commitment for s in v.sentences]),
        )
        assert [i for p in pairs for i in p.left] == list(range(len(u.sentences)))
        assert [j for p in pairs for j in p.right] == list(range(len(v.sentences)))
        odd = [(p.left, p.right) for p in pairs if len(p.left) != 1 or len(p.right) != 1]
        if odd:
            out[u.label] = odd
    return out


@pytest.mark.parametrize(("left", "right"), [("ru", "en"), ("en", "ru")])
def test_a_faithful_rendering_pairs_sentence_for_sentence(left: str, right: str) -> None:
    assert steps(seed(left), seed(right)) == {}


@pytest.mark.parametrize("left", ["ru", "en"])
def test_a_sentence_cut_in_two_in_chinese_is_one_to_two(left: str) -> None:
    assert steps(seed(left), seed("zh")) == {"10": [((3,), (3, 4))]}
    assert steps(seed("zh"), seed(left)) == {"十": [((3, 4), (3,))]}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_dropped_sentence_stands_alone(language: str) -> None:
    variant = load(str(FIXTURES / f"az-cn-2025-04.sentence.{language}.txt"))
    found = steps(seed("ru"), variant)
    assert found["16"] == [((2,), ())]


def test_no_sentences_on_one_side() -> None:
    pairs = align_sentences_across(["Стороны поддерживают ООН."], [], ("ru", "zh"))
    assert [(p.left, p.right) for p in pairs] == [((0,), ())]
    assert align_sentences_across([], [], ("ru", "zh")) == ()


@given(st.integers(0, 500), st.integers(0, 500), st.integers(1, 5000), st.integers(1, 5000))
def test_the_length_term_is_a_probability_and_symmetric(a: int, b: int, left: int, right: int) -> None:
    p = length_probability(a, b, (left, right), 12.0)
    assert 0.0 <= p <= 1.0
    assert p == pytest.approx(length_probability(b, a, (right, left), 12.0))
