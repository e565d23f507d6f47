import attrs
import pytest

from docdiff.model import Block, Clause, Document, Metadata, Paragraph, Span


def test_span_validates():
    with pytest.raises(ValueError):
        Span(5, 3)
    with pytest.raises(ValueError):
        Span(-1, 3)
    assert len(Span(2, 5)) == 3
    assert Span(0, 10).contains(Span(2, 3))


def test_values_are_frozen():
    span = Span(0, 1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]


def _clause(label, start, text):
    paragraph = Paragraph(Span(start, start + len(text)), text)
    return Clause(label=label, ordinal=1, span=paragraph.span, paragraphs=[paragraph])


def test_clause_text_joins_paragraphs():
    source = "First.\n\nSecond."
    clause = Clause(
        label="1",
        ordinal=1,
        span=Span(0, len(source)),
        paragraphs=[Paragraph(Span(0, 6), "First."), Paragraph(Span(8, 15), "Second.")],
    )
    assert clause.text == "First.\n\nSecond."


def test_clause_needs_a_paragraph():
    with pytest.raises(ValueError):
        Clause(label="1", ordinal=1, span=Span(0, 0), paragraphs=[])


def test_metadata_sorts_parties():
    assert Metadata(language="ru", parties=["CN", "AZ", "CN"]).parties == ("AZ", "CN")


def test_document_rejects_overlapping_parts():
    source = "Alpha beta."
    with pytest.raises(ValueError, match="overlaps"):
        Document(
            source=source,
            metadata=Metadata(language="en"),
            clauses=[_clause("1", 0, "Alpha beta.")],
            envelope=[Block(Span(0, 5), "Alpha")],
        )


def test_document_rejects_span_past_source():
    with pytest.raises(ValueError, match="past the source"):
        Document(source="abc", metadata=Metadata(language="en"), clauses=[_clause("1", 0, "abcdef")])


def test_units_and_lookup():
    source = "Intro.\n\nBody."
    pre = attrs.evolve(_clause("preamble.1", 0, "Intro."))
    body = _clause("1", 8, "Body.")
    doc = Document(source=source, metadata=Metadata(language="en"), clauses=[body], preamble=[pre])
    assert [u.label for u in doc.units] == ["preamble.1", "1"]
    assert doc.unit("1") is body
    with pytest.raises(KeyError):
        doc.unit("2")
