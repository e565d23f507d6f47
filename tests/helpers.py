"""Helpers shared by test modules (tests import this, never each other)."""

from __future__ import annotations

from pathlib import Path

from docdiff.model import Document
from docdiff.options import ReadOptions
from docdiff.pipeline import parse
from docdiff.read import Source

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED = SEEDS / "az-cn-2025-04.ru.txt"


def parse_text(
    text: str, *, language: str | None = None, path: str | None = None, annotate: bool = True
) -> Document:
    """``text`` segmented and described as plain text (no sniffing): the parse a text file gets."""
    return parse(Source(text=text, format="text", path=path), ReadOptions(language=language, annotate=annotate))


def check_spans(doc: Document) -> None:
    """Parts ordered, not overlapping, covering every non-whitespace character; texts match spans."""
    source = doc.source
    covered = [False] * len(source)
    previous = 0
    for role, span in doc.parts():
        assert span.start >= previous, f"{role} {span} overlaps"
        previous = span.end
        for i in range(span.start, span.end):
            covered[i] = True
    lost = [i for i, ch in enumerate(source) if not covered[i] and not ch.isspace()]
    assert not lost, f"lost text at {lost[0]}: {source[max(0, lost[0] - 20) : lost[0] + 20]!r}"
    blocks = [*doc.envelope, *doc.closing, *(b for b in (doc.title, doc.dateline) if b is not None)]
    for block in blocks:
        assert block.text == block.span.of(source)
    for unit in doc.units:
        if unit.number is not None:
            assert unit.number.text == unit.number.span.of(source)
        for paragraph in unit.paragraphs:
            assert paragraph.text == paragraph.span.of(source)
            assert unit.span.contains(paragraph.span)
            for sentence in paragraph.sentences:
                assert sentence.text == sentence.span.of(source)
                assert paragraph.span.contains(sentence.span)
