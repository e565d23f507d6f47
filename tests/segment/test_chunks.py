"""Chunking: fast paths that skip only work the full rule would find nothing in; mid-line clause starts."""

from __future__ import annotations

from helpers import check_spans, parse_text
from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.lang import languages
from docdiff.segment.chunks import _glue_points, _glue_re, _next_clause_points, split_chunks


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from('абвёЁАСтья Article xyzXYZ45.,/@:»"\n\t\u00a0_'), max_size=60))
def test_glue_hint_skips_no_glue_point(text: str) -> None:
    # "A full stop before a capital" is checked first; the full pattern decides.
    assert _glue_points(text) == [m.end() for m in _glue_re(languages()).finditer(text)]


def test_glue_points_of_glued_text() -> None:
    assert _glue_points("статьей 45.Настоящий Договор") == [len("статьей 45.")]
    assert _glue_points("Уставом ООН.Статья 2") == [len("Уставом ООН.")]
    assert _glue_points("В.Путин и г.Москва, Day.Az") == []
    assert _glue_points("в рамках ООН.Стороны договорились") == [len("в рамках ООН.")]
    assert _glue_points("С.Лавров, Н.А.Назарбаев, U.S.The, U.N.The, т.д.Стороны") == []


# A constructed statement in the layout of a White House joint statement whose
# clause 3 was scraped onto the end of clause 2's line; one paragraph per line.
MID_LINE = (
    "Joint Statement from the United States and Freedonia\n"
    "1. The leaders affirmed the close partnership between their two countries.\n"
    "2. The leaders welcomed the new dialogue on supply chains. They looked forward to "
    "its first meeting in 2024 with partners. 3. The leaders also welcomed deeper consultations "
    "on regional issues and an inaugural Ocean Dialogue.\n"
    "4. The leaders committed to meet again next year.\n"
)


def test_clause_starting_mid_line_is_split_off() -> None:
    doc = parse_text(MID_LINE)
    check_spans(doc)
    assert [c.label for c in doc.clauses] == ["1", "2", "3", "4"]
    assert doc.clauses[1].text.endswith("with partners.")
    third = doc.clauses[2]
    assert third.number is not None and third.number.text == "3."
    assert third.text.startswith("The leaders also welcomed")


def test_mid_line_chunks_are_trimmed_spans() -> None:
    for chunk in split_chunks(MID_LINE):
        assert MID_LINE[chunk.start : chunk.end] == chunk.text == chunk.text.strip()
    texts = [chunk.text for chunk in split_chunks(MID_LINE)]
    assert texts[2].endswith("with partners.")
    assert texts[3].startswith("3. The leaders also") and texts[3].endswith("an inaugural Ocean Dialogue.")


def test_next_clause_points_only_in_sequence_after_a_sentence() -> None:
    text = "27. They met. 28. The leaders spoke. 29. Both agreed."
    assert _next_clause_points(text) == [text.index("28."), text.index("29.")]
    # Out of sequence, no sentence end before, a lower-case word after, no clause number first.
    assert _next_clause_points("27. They met. 29. The leaders spoke.") == []
    assert _next_clause_points("27. They met in room 28. The leaders spoke.") == []
    assert _next_clause_points("27. They met. 28. the leaders spoke.") == []
    assert _next_clause_points("They met. 28. The leaders spoke.") == []
    assert _next_clause_points("(27) They met. 28. The leaders spoke.") == []
