"""Legacy encodings (docdiff.read.detect_encoding): each decodes to the same clause model as UTF-8."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import statement_texts

from docdiff import load
from docdiff.cli import main
from docdiff.errors import InputError
from docdiff.read.encoding import decode_found

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "encodings"

RU = ["az-cn-2025-04.ru.txt", "constructed-ru-treaty.ru.txt", "constructed-ru-wrapped.ru.txt"]
ZH = ["constructed-zh-plain.zh.txt", "constructed-zh-sections.zh.txt", "constructed-zh-units.zh.txt"]
ZH_OWN = ["zh-plain-long.zh.txt"]
EN = ["constructed-en-news.en.txt"]

UNICODE = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"]
CASES = (
    [(SEEDS / n, c) for n in RU for c in ["cp1251", "koi8-r", "cp866", "mac-cyrillic", *UNICODE]]
    + [(SEEDS / n, c) for n in ZH for c in ["gb18030", "gbk", *UNICODE]]
    + [(FIXTURES / n, c) for n in ZH_OWN for c in ["gb18030", "gbk", *UNICODE]]
    + [(FIXTURES / "zh-hant.zh.txt", c) for c in ["big5", "gb18030", *UNICODE]]
    + [(SEEDS / n, c) for n in EN for c in ["cp1252", "gb18030", "big5", *UNICODE]]
    + [(FIXTURES / "en-quotes.en.txt", c) for c in ["cp1252", "gb18030", "big5", *UNICODE]]
)
# The codec docdiff reports for each: the superset it decoded with.
REPORTED = {"gbk": "gb18030", "utf-16": "utf-16-le", "utf-32": "utf-32-le", "utf-8-sig": "utf-8"}


def model(doc: object) -> object:
    """What must not depend on the encoding: metadata and every unit's label and text."""
    return (doc.metadata, [(u.label, u.text) for u in doc.units], doc.source)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("path", "codec"), CASES, ids=lambda v: v.name if isinstance(v, Path) else v)
def test_each_encoding_gives_the_clause_model_of_utf8(tmp_path: Path, path: Path, codec: str) -> None:
    text = path.read_text(encoding="utf-8")
    data = text.encode(codec)
    assert data != text.encode("utf-8")
    encoded = tmp_path / f"{path.stem}.{codec}.txt"
    encoded.write_bytes(data)
    doc = load(encoded)
    assert model(doc) == model(load(path))
    expected = REPORTED.get(codec, codec)
    if codec in {"cp1252", "gb18030", "big5"} and path.name.endswith(".en.txt"):
        # English needs only a few non-ASCII signs: the quotation marks decide.
        assert doc.encoding in {expected, "big5hkscs"}
    else:
        assert doc.encoding == expected


def test_chinese_utf16le_without_bom_is_not_binary() -> None:
    # Its ideographs U+xx00 put NULs on both parities: once refused as "binary".
    text = (SEEDS / "constructed-zh-sections.zh.txt").read_text(encoding="utf-8")
    data = text.encode("utf-16-le")
    assert data[0::2].count(0) and data[1::2].count(0)
    assert decode_found(data) == (text, "utf-16-le")


def test_shift_jis_and_short_texts() -> None:
    japanese = (FIXTURES / "ja.txt").read_text(encoding="utf-8")
    assert decode_found(japanese.encode("shift_jis")) == (japanese, "shift_jis")
    short = "Да, мы согласны."
    for codec in ("cp1251", "koi8-r", "cp866", "mac-cyrillic"):
        assert decode_found(short.encode(codec)) == (short, codec)
    assert decode_found("双方同意深化政治互信。".encode("gb18030"))[1] == "gb18030"
    assert decode_found("雙方同意深化政治互信。".encode("big5"))[1] == "big5"


def test_parse_reports_the_encoding(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes((SEEDS / "constructed-zh-plain.zh.txt").read_text(encoding="utf-8").encode("gbk"))
    assert main(["parse", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["encoding"] == "gb18030"
    assert main(["parse", str(path), "--format", "text"]) == 0
    assert "encoding:    gb18030\n" in capsys.readouterr().out


def test_refusals_stay_friendly() -> None:
    with pytest.raises(InputError, match="cannot tell the text encoding"):
        decode_found(bytes(range(128, 256)) * 10, name="x.txt")
    with pytest.raises(InputError, match="binary"):
        decode_found(b"abc\x00\x01\x02\x03\xff\xfe\x00\x00\x07" * 20, name="x.bin")


ENCODINGS = {
    "ru": ["cp1251", "koi8-r", "cp866", "mac-cyrillic"],
    "zh": ["gb18030", "gbk"],
    "en": ["cp1252"],
}


@settings(max_examples=60, deadline=None)
@given(text=statement_texts(), data=st.data())
def test_a_legacy_encoded_statement_decodes_exactly_or_is_refused(text: str, data: st.DataObject) -> None:
    han = any("\u4e00" <= c <= "\u9fff" for c in text)
    language = "zh" if han else "ru" if any("а" <= c <= "я" for c in text) else "en"
    codec = data.draw(st.sampled_from([*ENCODINGS[language], "utf-16-le", "utf-32-be"]))
    raw = text.encode(codec)
    try:
        decoded, _ = decode_found(raw)
    except InputError:
        # Refusing is allowed (a tiny text may carry too little evidence); a wrong text is not.
        assert language != "zh" or codec.startswith("utf")
        return
    assert decoded == text


HTML = ROOT / "tests" / "fixtures" / "html"
PAGE_NAV = '<div class="navigation-menu-item"><a href="/section/news/index.html">x</a></div>\n' * 40


def _pages() -> list[tuple[str, str]]:
    import re

    found = []
    for page in sorted(HTML.glob("*.html")):
        text = re.sub(r"<meta[^>]*>", "", page.read_text(encoding="utf-8"))
        cyrillic = any("а" <= c <= "я" for c in text)
        for codec in ["cp1251", "koi8-r", "cp866", "mac-cyrillic"] if cyrillic else ["cp1252"]:
            found.append((page.name, codec))
    return found


@pytest.mark.parametrize(("name", "codec"), _pages())
def test_a_markup_heavy_page_without_a_charset_is_detected(name: str, codec: str) -> None:
    import re

    page = re.sub(r"<meta[^>]*>", "", (HTML / name).read_text(encoding="utf-8"))
    page = page.replace("<body>", "<body>" + PAGE_NAV, 1)
    try:
        data = page.encode(codec)
    except UnicodeEncodeError:
        pytest.skip(f"{name} has characters {codec} lacks")
    if data.isascii():
        pytest.skip(f"{name} is ASCII in {codec}")
    assert decode_found(data) == (page, codec)
