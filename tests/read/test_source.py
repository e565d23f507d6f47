"""Readers return a Source; the reader registry tells formats apart and takes new ones (docdiff.read)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import docdiff
from docdiff.akn_names import AKN_NS
from docdiff.errors import InputError, ParseError
from docdiff.read import (
    Format,
    Source,
    read_file,
    read_text,
    readers,
    register_reader,
    sniff,
    unregister_reader,
)
from docdiff.render.document_akn import to_akn

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "az-cn-2025-04.ru.txt"

FOREIGN_AKN = f"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="{AKN_NS}"><statement name="jointStatement">
<preface><p><docTitle>Joint Statement of Brazil and Chile</docTitle></p></preface>
<mainBody>
<paragraph eId="para_1"><num>1.</num><content><p>The Sides reaffirmed their friendship.</p></content>
</paragraph>
</mainBody></statement></akomaNtoso>"""


def test_plain_text_is_its_own_source() -> None:
    text = SEED.read_text("utf-8")
    assert read_text(text, path="a.txt") == Source(text=text, format="text", path="a.txt")


def test_a_byte_order_mark_is_dropped_and_empty_text_refused() -> None:
    assert read_text("\ufeffJoint Statement\n").text == "Joint Statement\n"
    with pytest.raises(InputError, match="the text is empty"):
        read_text("\ufeff  \n")


def test_html_gives_the_extracted_text_and_the_page_title() -> None:
    page = (
        "<html><head><title>Joint Statement | Ministry</title></head><body><article>"
        "<p>The Sides agreed to cooperate.</p><p>The Sides will meet again.</p></article></body></html>"
    )
    source = read_text(page, path="page.html")
    assert source.format == "html" and source.path == "page.html"
    assert source.title == "Joint Statement | Ministry"
    assert source.text == "The Sides agreed to cooperate.\n\nThe Sides will meet again.\n"
    assert source.document is None


def test_foreign_akoma_ntoso_is_flattened_with_its_title() -> None:
    source = read_text(FOREIGN_AKN)
    assert source.format == "akn" and source.document is None
    assert source.title == "Joint Statement of Brazil and Chile"
    assert source.text == "Joint Statement of Brazil and Chile\n\n1. The Sides reaffirmed their friendship.\n"


def test_docdiffs_own_akoma_ntoso_is_rebuilt_not_flattened() -> None:
    source = read_text(to_akn(docdiff.load(SEED)), path="seed.akn")
    assert source.document is not None
    assert source.document.path == "seed.akn" and source.document.format == "akn"
    assert source.text == source.document.source
    assert source.document.metadata.parties == ("AZ", "CN")


def test_read_file_names_the_source_by_its_path(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("Joint Statement\n\n1. The Sides agreed.\n", encoding="cp1251")
    assert read_file(path, max_bytes=1024) == Source(
        text="Joint Statement\n\n1. The Sides agreed.\n", format="text", path=str(path), encoding="utf-8"
    )
    russian = tmp_path / "r.txt"
    russian.write_text(
        "Совместное заявление\n\n1. Стороны договорились о сотрудничестве.\n", encoding="cp1251"
    )
    assert read_file(russian, max_bytes=1024).encoding == "cp1251"
    russian.write_text(
        "Совместное заявление\n\n1. Стороны договорились о сотрудничестве.\n", encoding="utf-16"
    )
    assert read_file(russian, max_bytes=1024).encoding in {"utf-16-le", "utf-16-be"}
    assert read_text("Joint Statement\n").encoding is None
    with pytest.raises(InputError, match="limit"):
        read_file(path, max_bytes=8)


def test_source_is_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        read_text("Joint Statement\n").text = "x"  # type: ignore[misc]


def test_built_in_readers_in_sniff_order() -> None:
    assert [r.name for r in readers()] == ["akn", "html", "text"]
    # Any XML that is not HTML is claimed by the Akoma Ntoso reader first, so it can say why it is not one.
    assert sniff('<?xml version="1.0"?><rss/>') == "akn"
    assert sniff("<p>one</p>") == "html"
    assert sniff("one <b> two") == "text"


# --- a toy format, registered from here -----------------------------------------------------------

TOY = (
    "%TOY\ntitle: Joint Statement of Alpha and Beta\n--\n"
    "1. The Sides agreed to cooperate.\n\n2. The Sides will meet.\n"
)


def _is_toy(text: str) -> bool:
    return text.startswith("%TOY\n")


def _read_toy(text: str, path: str | None) -> Source:
    head, _, body = text.partition("--\n")
    if not body.strip():
        raise ParseError(f"{path or '<toy>'}: a toy file with no body")
    title = head.removeprefix("%TOY\n").removeprefix("title: ").strip() or None
    return Source(text=body, format="toy", path=path, title=title, language="en")


@pytest.fixture
def toy() -> Iterator[None]:
    register_reader(Format("toy", sniff=_is_toy, read=_read_toy))
    try:
        yield
    finally:
        unregister_reader("toy")


@pytest.mark.usefixtures("toy")
def test_a_registered_format_loads_through_the_facade(tmp_path: Path) -> None:
    assert [r.name for r in readers()] == ["toy", "akn", "html", "text"]
    assert sniff(TOY) == "toy"
    document = docdiff.loads(TOY, path="a.toy")
    assert document.format == "toy" and document.path == "a.toy"
    assert document.language == "en"
    assert document.metadata.title == "Joint Statement of Alpha and Beta"
    assert [c.label for c in document.clauses] == ["1", "2"]
    assert document.clauses[0].paragraphs[0].sentences[0].commitment == "agree"
    path = tmp_path / "b.toy"
    path.write_text(TOY, encoding="utf-8")
    assert docdiff.load(path).clauses == document.clauses
    with pytest.raises(ParseError, match="no body"):
        docdiff.loads("%TOY\n--\n")


@pytest.mark.usefixtures("toy")
def test_registering_the_same_name_replaces_and_unregistering_restores() -> None:
    register_reader(Format("toy", sniff=lambda text: False, read=_read_toy))
    assert [r.name for r in readers()] == ["toy", "akn", "html", "text"]
    assert sniff(TOY) == "text"
    unregister_reader("toy")
    assert [r.name for r in readers()] == ["akn", "html", "text"]


def test_a_registered_reader_may_replace_a_built_in_one() -> None:
    shouting = Format(
        "text", sniff=lambda text: True, read=lambda text, path: Source(text=text.upper(), format="text")
    )
    register_reader(shouting)
    try:
        assert [r.name for r in readers()] == ["text", "akn", "html"]
        assert read_text("<p>a</p>") == Source(text="<P>A</P>", format="text")
    finally:
        unregister_reader("text")
    assert [r.name for r in readers()] == ["akn", "html", "text"]
