"""The reader: paths, sizes, encodings, format sniffing (docdiff.read)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from docdiff import load, loads
from docdiff.errors import InputError, ParseError, UnsafeInputError
from docdiff.read import decode, sniff
from docdiff.read.encoding import declared_charset

SEED = Path(__file__).resolve().parents[2] / "seeds" / "az-cn-2025-04.ru.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
SHORT_RU = "Стороны твердо поддерживают друг друга в выборе пути развития.\n"


# --- decode ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_unicode_forms(codec: str) -> None:
    data = SEED_TEXT.encode(codec)
    if codec in {"utf-16-le", "utf-16-be"}:
        # No BOM: detected from the NUL pattern.
        assert not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    assert decode(data) == SEED_TEXT


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r"])
@pytest.mark.parametrize("text", [SEED_TEXT, SHORT_RU, "Да, мы согласны."])
def test_decode_russian_single_byte(codec: str, text: str) -> None:
    assert decode(text.encode(codec)) == text


@pytest.mark.parametrize(
    "text", ["Café déjà vu, naïve façade.", "Über die Größe der Straße.", "Plain ASCII only."]
)
def test_decode_western(text: str) -> None:
    assert decode(text.encode("cp1252")) == text


def test_decode_strips_bom_keeps_newlines() -> None:
    assert decode(b"\xef\xbb\xbfa\r\nb\rc\n") == "a\r\nb\rc\n"


def test_declared_charset_wins_over_guessing() -> None:
    page = '<html><head><meta charset="koi8-r"></head><body>Стороны</body></html>'
    assert decode(page.encode("koi8-r")) == page
    page2 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Да</p>'
    assert decode(page2.encode("cp1251")) == page2
    assert declared_charset(b'<?xml version="1.0" encoding="windows-1251"?><a/>') == "cp1251"
    assert declared_charset(b'<meta charset="iso-8859-1">') == "cp1252"
    assert declared_charset(b'<meta charset="utf-16">') is None
    assert declared_charset(b'<meta charset="no-such-codec">') is None


def test_valid_utf8_beats_a_wrong_declaration() -> None:
    page = '<meta charset="windows-1251"><p>Стороны</p>'
    assert decode(page.encode("utf-8")) == page


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n ", "whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"%PDF-1.7\n", "PDF"),
        (b"abc\x00\x01\x02\x03\xff\xfe\x00\x00\x07" * 20, "binary"),
        (bytes(range(128, 256)) * 10, "encoding"),
        (b"text \x01\x02\x03\x04\x05\x06\x07\x08 more", "binary"),
    ],
)
def test_decode_refuses(data: bytes, words: str) -> None:
    with pytest.raises(InputError, match=words) as info:
        decode(data, name="x.txt")
    message = str(info.value)
    assert message.startswith("x.txt: ")
    assert "\n" not in message


def test_decode_broken_bom() -> None:
    with pytest.raises(InputError, match="UTF-8"):
        decode(b"\xef\xbb\xbfabc \xff\xfe def")


# --- sniff ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (SEED_TEXT, "text"),
        ("1. The Sides agree that x < y and y > z.\n", "text"),
        ("<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "html"),
        ("  \n<P align=center>Совместное заявление</P>", "html"),
        ("<!-- saved page -->\n<html>", "html"),
        ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', "html"),
        (
            '<?xml version="1.0"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
            "akn",
        ),
        ('<akn:akomaNtoso xmlns:akn="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">', "akn"),
        ('<?xml version="1.0"?>\n<!-- c -->\n<other/>', "akn"),
        ("Joint statement\n<p>one</p><p>two</p><p>three</p><div>four</div>", "html"),
    ],
)
def test_sniff(text: str, kind: str) -> None:
    assert sniff(text) == kind


# --- load: paths and limits -----------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="no such file") as info:
        load(missing)
    assert str(missing) in str(info.value)
    assert isinstance(info.value, OSError)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        load(tmp_path)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(SHORT_RU, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            load(path)
    finally:
        path.chmod(0o600)


def test_size_limit_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(InputError, match=r"over the 1\.0 KB limit.*--max-size"):
        load(path, max_bytes=1024)


@pytest.mark.parametrize("data", [b"", b"\n \n"])
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"empty|whitespace"):
        load(path)


def test_loads_refuses_empty_text() -> None:
    with pytest.raises(InputError, match="empty"):
        loads("   \n")


def test_loads_refuses_entities_before_parsing() -> None:
    with pytest.raises(UnsafeInputError, match="internal subset"):
        loads('<?xml version="1.0"?><!DOCTYPE a [<!ELEMENT a ANY>]><a/>', path="x.xml")
    with pytest.raises(UnsafeInputError, match="entities"):
        loads("<html><!ENTITY x 'y'><p>&x;</p></html>")


# --- load: whole documents (needs the segmenter) --------------------------------------------------


def test_load_text_document(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes(SEED_TEXT.encode("cp1251"))
    document = load(path)
    assert document.path == str(path)
    assert document.format == "text"
    assert document.source == SEED_TEXT
    assert document.language == "ru"
    labels = [c.label for c in document.clauses]
    assert labels[:3] == ["1", "2", "3"]


def test_loads_matches_load(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    assert load(path) == loads(SEED_TEXT, path=str(path))


def test_language_override() -> None:
    document = loads(SEED_TEXT, language="ru")
    assert document.language == "ru"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_newlines_kept(newline: str) -> None:
    text = SEED_TEXT.replace("\n", newline)
    document = loads(text)
    assert document.source == text
    reference = loads(SEED_TEXT)
    assert [c.label for c in document.units] == [c.label for c in reference.units]
    for clause in document.units:
        for paragraph in clause.paragraphs:
            assert paragraph.span.of(document.source) == paragraph.text


def test_whitespace_only_parse_error_is_clear() -> None:
    with pytest.raises((InputError, ParseError)) as info:
        loads("\u3000\u3000\n", path="blank.txt")
    assert "blank.txt" in str(info.value)
