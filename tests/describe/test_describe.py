"""describe(): after segmentation, metadata, sentences and their annotation (docdiff.describe)."""

from __future__ import annotations

from pathlib import Path

import pytest

import docdiff
from docdiff.describe import describe
from docdiff.model import Metadata
from docdiff.segment import segment

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED = (SEEDS / "az-cn-2025-04.ru.txt").read_text(encoding="utf-8")

UNTITLED = "1. The Sides agreed to cooperate in trade.\n\n2. The Sides will meet again next year.\n"


def test_segment_gives_the_structure_and_the_language_only() -> None:
    structure = segment(SEED, path="seed.txt")
    assert structure.metadata == Metadata(language="ru")
    assert structure.path == "seed.txt" and structure.format == "text"
    assert structure.units and all(p.sentences == () for u in structure.units for p in u.paragraphs)


def test_describe_gives_what_loads_gives() -> None:
    described = describe(segment(SEED))
    parsed = docdiff.loads(SEED)
    assert described.metadata == parsed.metadata
    assert described.metadata.parties == ("AZ", "CN")
    assert described == parsed  # every unit, paragraph, sentence and annotation


def test_sentences_and_annotation_wait_for_their_first_read() -> None:
    described = describe(segment(SEED))
    paragraph = described.clauses[0].paragraphs[0]
    assert paragraph._reader is not None  # nothing split yet
    sentence = paragraph.sentences[0]
    assert paragraph._reader is None
    assert sentence._annotator is not None  # nothing annotated yet
    assert sentence.actor == ("AZ", "CN")
    assert sentence._annotator is None


def test_describe_without_annotation_splits_sentences_only() -> None:
    plain = describe(segment(SEED), annotate=False)
    full = describe(segment(SEED))
    assert plain.metadata == full.metadata
    pairs = list(
        zip(plain.clauses[0].paragraphs[0].sentences, full.clauses[0].paragraphs[0].sentences, strict=True)
    )
    assert pairs and all(a.span == b.span and a.text == b.text for a, b in pairs)
    assert all(a.actor == () and a.commitment is None for a, _ in pairs)
    assert any(b.actor for _, b in pairs)


def test_a_title_hint_fills_in_a_missing_title_only() -> None:
    untitled = segment(UNTITLED, language="en")
    assert describe(untitled).metadata.title is None
    assert describe(untitled, title="Page title").metadata.title == "Page title"
    found = describe(segment(SEED)).metadata.title
    assert found is not None and describe(segment(SEED), title="Page title").metadata.title == found


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_describing_twice_is_the_same(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    structure = segment(text)
    assert describe(structure) == describe(structure)
