"""Typed divergences, tested with planted edits: each planted change is found, and nothing else.

The generator plants one edit of a known type into one clause of the seed
(a rule that applies wherever its trigger occurs, never a hand-picked
clause) and checks that the pair holding that clause reports a divergence
of that type.  Recall must reach 0.9 per type; a document compared with
itself or with a formal-only revision has no divergence at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from helpers import SEED, parse_text

from docdiff import compare
from docdiff.describe.concepts import concept_lexicon, concept_spans
from docdiff.options import Options
from docdiff.result import DivergenceType

TEXT = SEED.read_text(encoding="utf-8")
OPTIONS = Options(phrases=True)


def _number(text: str) -> str | None:
    match = re.search(r"(?<![\d.,])(\d{2,})(?![\d.,])", text)
    if match is None:
        return None
    value = str(int(match.group(1)) + 7)
    return text[: match.start(1)] + value + text[match.end(1) :]


def _entity(text: str) -> str | None:
    # Take the first organisation, initiative or place the clause names out of it, every mention.
    specific = {c.id for c in concept_lexicon() if c.kind in ("organisation", "initiative", "place")}
    named = [c for c in concept_spans(text, "ru") if c[0] in specific]
    if not named:
        return None
    concept = named[0][0]
    if sum(any(c[0] == concept for c in concept_spans(line, "ru")) for line in TEXT.split("\n")) > 1:
        return None  # named in another paragraph too: taking it out here leaves it in the pair
    for _ in range(8):
        spans = [c for c in concept_spans(text, "ru") if c[0] == concept]
        if not spans:
            return text
        _, start, end = spans[0]
        text = text[:start] + "партнеров" + text[end:]
    return None


def _intensity(text: str) -> str | None:
    # Drop the intensifier of a commitment: "твердо поддерживают" -> "поддерживают".
    match = re.search(
        r"(?<!\w)(?:твердо|решительно|неизменно) (?=поддерж|выступа|придержива|привержен)", text
    )
    if match is None:
        return None
    return text[: match.start()] + text[match.end() :]


def _commitment(text: str) -> str | None:
    if "поддерживают" in text and "твердо поддерживают" not in text:
        return text.replace("поддерживают", "отмечают", 1)
    return None


def _missing(text: str) -> str | None:
    sentences = re.split(r"(?<=[.!?])\s+(?=[А-ЯЁA-Z])", text)
    if len(sentences) < 3:
        return None
    return " ".join(sentences[:1] + sentences[2:])


PLANTERS: dict[DivergenceType, Callable[[str], str | None]] = {
    DivergenceType.NUMBER: _number,
    DivergenceType.ENTITY: _entity,
    DivergenceType.INTENSITY: _intensity,
    DivergenceType.COMMITMENT: _commitment,
    DivergenceType.MISSING: _missing,
}


def _lines_with_clauses() -> list[int]:
    units = [u.text for u in parse_text(TEXT).units]
    lines = TEXT.split("\n")
    return [i for i, line in enumerate(lines) if len(line) > 80 and any(line[-60:] in u for u in units)]


def _plant(kind: DivergenceType) -> list[tuple[str, str]]:
    """(edited text, the edited line) for every paragraph the planter applies to."""
    lines = TEXT.split("\n")
    out = []
    for index in _lines_with_clauses():
        edited = PLANTERS[kind](lines[index])
        if edited is not None and edited != lines[index]:
            out.append(("\n".join(lines[:index] + [edited] + lines[index + 1 :]), edited))
    return out


@pytest.mark.parametrize("kind", list(PLANTERS), ids=str)
def test_planted_divergences_are_found(kind: DivergenceType) -> None:
    left = parse_text(TEXT)
    cases = _plant(kind)
    assert len(cases) >= 2, f"the planter for {kind} applies nowhere in the seed"
    found = 0
    for text, edited in cases:
        comparison = compare(left, parse_text(text), OPTIONS)
        changed = [p for p in comparison.pairs if p.change == "substantive"]
        assert changed, "a planted edit is a substantive change"
        types = {d.type for p in changed for d in p.divergences}
        found += kind in types
    assert found / len(cases) >= 0.9, f"{kind}: {found} of {len(cases)} planted edits found"


def test_a_document_compared_with_itself_has_no_divergence() -> None:
    document = parse_text(TEXT)
    comparison = compare(document, document, OPTIONS)
    assert not any(p.divergences for p in comparison.pairs)


def test_a_formal_only_revision_has_no_divergence() -> None:
    formal = re.sub(r'"([^"\n]*)"', r"«\1»", TEXT)
    assert formal != TEXT
    comparison = compare(parse_text(TEXT), parse_text(formal), OPTIONS)
    assert all(p.change != "substantive" for p in comparison.pairs)
    assert not any(p.divergences for p in comparison.pairs)


def test_divergence_spans_point_at_their_text() -> None:
    lines = TEXT.split("\n")
    index = next(i for i in _lines_with_clauses() if _number(lines[i]))
    edited = "\n".join(lines[:index] + [_number(lines[index]) or ""] + lines[index + 1 :])
    comparison = compare(parse_text(TEXT), parse_text(edited), OPTIONS)
    for pair in comparison.pairs:
        for d in pair.divergences:
            if d.left is not None:
                assert d.left_start is not None and d.left_end is not None
                assert comparison.left.source[d.left_start : d.left_end] == d.left
            if d.right is not None:
                assert d.right_start is not None and d.right_end is not None
                assert comparison.right.source[d.right_start : d.right_end] == d.right
