import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from strategies import mixed_text, typographic_text

from docdiff.text.normalize import normalize


def test_folds_quotes_dashes_spaces_yo():
    n = normalize("«Ёлка»\u00a0— это\u00adдерево  «тест»")
    assert n.text == '"Елка" - этодерево "тест"'


def test_casefold_only_when_asked():
    assert normalize("The Sides").text == "The Sides"
    assert normalize("The Sides", casefold=True).text == "the sides"


def test_nfc_composes_combining_marks():
    assert normalize("e\u0301").text == "\u00e9"


def test_trims_and_collapses_whitespace():
    assert normalize("  a \n\n b\t ").text == "a b"


def test_maps_back_to_source():
    source = "Стороны  «твёрдо»\u00a0поддерживают"
    n = normalize(source)
    i = n.text.index("твердо")
    start, end = n.source_span(i, i + len("твердо"))
    assert source[start:end] == "твёрдо"


def test_offset_shifts_origins():
    n = normalize("ab", offset=10)
    assert n.source_span(0, 2) == (10, 12)


@given(typographic_text())
def test_every_folded_char_points_inside_source(text):
    n = normalize(text)
    assert len(n.starts) == len(n.ends) == len(n.text)
    previous = 0
    for start, end in zip(n.starts, n.ends, strict=True):
        assert 0 <= start < end <= len(text)
        assert start >= previous
        previous = start


@given(typographic_text())
def test_idempotent(text):
    once = normalize(text).text
    assert normalize(once).text == once


@given(typographic_text())
def test_nothing_but_typography_is_dropped(text):
    # Every letter of the (composed) source survives folding, ё as е.
    visible = "".join(c for c in text if c not in "\u00ad\u200b\ufeff")
    composed = unicodedata.normalize("NFC", visible).replace("ё", "е").replace("Ё", "Е")
    letters = [c for c in composed if c.isalpha()]
    folded = [c for c in normalize(text).text if c.isalpha()]
    assert folded == letters


@given(mixed_text(), st.booleans(), st.integers(min_value=0, max_value=50))
def test_fast_path_equals_the_character_loop(text, casefold, offset):
    from docdiff.text.normalize import _slow_normalize

    assert normalize(text, casefold=casefold, offset=offset) == _slow_normalize(text, casefold, offset)
