"""Chunking fast paths: each quick test skips only work the full rule would find nothing in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.lang import languages
from docdiff.segment.chunks import _glue_points, _glue_re


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
