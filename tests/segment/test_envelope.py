"""Envelope fast paths: a quick test skips only texts the full patterns find nothing in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from docdiff.segment.envelope import _attribution_like

_PIECES = [
    "В совместном заявлении говорится",
    "Как передает Day.Az",
    "The text of the statement follows",
    "全文如下",
    "полный текст документа",
    ":",
    "：",
    " ",
    "\n",
    "\u00a0",
    ".",
    "x",
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_colon_patterns_need_a_final_colon(pieces: list[str]) -> None:
    # _attribution reads a chunk with its whitespace collapsed, then tries these
    # patterns only when it ends with a colon.
    text = " ".join("".join(pieces).split())
    if _attribution_like(text):
        assert text.endswith((":", "："))
