"""Fuzzing the reading edge: bytes through docdiff.load, text through docdiff.loads (bounded for CI).

Whatever comes in, docdiff either raises a DocdiffError or returns a
document whose parts cover every non-space character of its source, which
renders as JSON and text, and which holds no replacement character the
input did not hold: nothing is decoded silently with U+FFFD.  The example
counts keep the whole module far under a minute on one core (400 each, about
5 s here; DOCDIFF_FUZZ_EXAMPLES=6000 runs a longer search, about a minute).
"""

from __future__ import annotations

import os
from pathlib import Path

from helpers import check_spans
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docdiff
from docdiff.errors import DocdiffError
from docdiff.model import Document
from docdiff.render import render

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))]
SEEDS += [p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures" / "html").glob("*.html"))]

REPLACEMENT = "\ufffd"
# U+FFFD as UTF-8, UTF-16 and UTF-32 bytes, and any HTML character reference
# (HTML reads an invalid one, such as &#0;, as U+FFFD: that is markup, not decoding).
REPLACEMENT_SPELLINGS = (b"\xef\xbf\xbd", b"\xfd\xff", b"\xff\xfd", b"&#", b"&\x00#")

FUZZ = settings(
    max_examples=int(os.environ.get("DOCDIFF_FUZZ_EXAMPLES", "400")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def check(document: Document) -> None:
    check_spans(document)
    render(document, "json").encode("utf-8")
    render(document, "text").encode("utf-8")


@st.composite
def mutated_seeds(draw: st.DrawFn) -> bytes:
    """A seed (text or HTML), in some encoding, with bytes inserted, deleted or overwritten."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    codec = draw(st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32-be", "gb18030", "cp1251"]))
    try:
        data = bytearray(data.decode("utf-8").encode(codec))
    except UnicodeEncodeError:
        pass
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "overwrite", "splice"]))
        piece = draw(st.binary(min_size=1, max_size=8))
        if action == "insert":
            data[at:at] = piece
        elif action == "delete":
            del data[at : at + len(piece)]
        elif action == "overwrite":
            data[at : at + len(piece)] = piece
        else:
            data[at:at] = draw(st.sampled_from([b"<br>", b"<script>", b"<html>", b"\x00", b"\x1b[2J", b"&#0;"]))
    return bytes(data)


@FUZZ
@given(data=st.one_of(mutated_seeds(), st.binary(max_size=2000)))
def test_bytes_through_load(tmp_path_factory: object, data: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "input.txt"  # type: ignore[attr-defined]
    path.write_bytes(data)
    try:
        document = docdiff.load(path)
    except DocdiffError:
        return
    check(document)
    if not any(spelling in data for spelling in REPLACEMENT_SPELLINGS):
        assert REPLACEMENT not in document.source, "decoded with a replacement character"


PIECES = st.sampled_from(
    [
        "1. ",
        "2. ",
        "\n",
        "\n\n",
        " ",
        "The Sides agree to cooperate.",
        "Стороны договорились.",
        "双方同意加强合作。",
        "<p>",
        "</p>",
        "<br>",
        "<script>",
        "<html><body>",
        "<?xml version='1.0'?>",
        "<akomaNtoso>",
        "&amp;",
        "&#0;",
        "\x00",
        "\x1b]52;c;x\x07",
        "\u202e",
        "\ufeff",
        "\r",
        "一、",
        "（二）",
        "Article 1",
    ]
)


@FUZZ
@given(text=st.one_of(st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40).map("".join), st.text()))
def test_text_through_loads(text: str) -> None:
    try:
        document = docdiff.loads(text)
    except DocdiffError:
        return
    check(document)
    if REPLACEMENT not in text and "&#" not in text:
        assert REPLACEMENT not in document.source, "decoded with a replacement character"


@FUZZ
@given(text=st.text(st.characters(codec=None, categories=["Cs", "Cc", "Lo", "Zs"]), min_size=1, max_size=50))
def test_surrogates_and_controls_are_errors_or_documents(text: str) -> None:
    try:
        document = docdiff.loads(text)
    except DocdiffError:
        return
    check(document)
