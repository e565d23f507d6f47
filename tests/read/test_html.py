"""HTML input: main-content extraction and segmentation (docdiff.read.html)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docdiff import load, loads
from docdiff.errors import ParseError
from docdiff.model import Document
from docdiff.read.html import extract
from docdiff.text.normalize import normalize

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "html"


def _units(document: Document) -> list[tuple[str, str]]:
    return [(u.label, u.paragraphs[0].text.split()[0]) for u in document.clauses]


def _all_text(document: Document) -> str:
    return document.source + repr(document.metadata)


def _assert_no_leak(document: Document, *markers: str) -> None:
    text = _all_text(document)
    for marker in markers:
        assert marker not in text, marker


def _assert_spans(document: Document) -> None:
    for unit in document.units:
        for paragraph in unit.paragraphs:
            assert paragraph.span.of(document.source) == paragraph.text


def test_news_page() -> None:
    document = load(FIXTURES / "news.html")
    assert document.format == "html"
    assert document.language == "en"
    assert _units(document) == [("1", "The"), ("2", "The"), ("3", "The")]
    assert document.clauses[1].paragraphs[0].text.startswith("The Sides agreed to expand cooperation")
    assert document.title is not None
    assert document.title.text.startswith("Joint Statement between the Republic of Kazakhstan")
    assert document.preamble[0].paragraphs[0].text.startswith("At the invitation")
    assert any("Done in Astana" in b.text for b in document.closing)
    _assert_no_leak(
        document,
        "TRACKER-SCRIPT-TEXT",
        "SCRIPT-WRITE",
        "INLINE-SCRIPT-IN-ARTICLE",
        "NAVLINK",
        "SHARE-TWEET",
        "Share on Facebook",
        "RELATED-STORY",
        "SIDEBAR-TEXT",
        "COMMENT-TEXT",
        "FOOTER-TEXT",
        "NOSCRIPT-TEXT",
        "font-family",
        "By Staff Reporter",
    )
    _assert_spans(document)


def test_government_page() -> None:
    document = load(FIXTURES / "gov.html")
    assert document.language == "ru"
    assert _units(document) == [("1", "Стороны"), ("2", "Стороны"), ("3", "Стороны")]
    assert document.title is not None and document.title.text.startswith("Совместное заявление Российской")
    assert document.dateline is not None and "15 марта 2024" in document.dateline.text
    assert [u.paragraphs[0].text.split()[0] for u in document.preamble] == [
        "Российская",
        "руководствуясь",
        "заявляют",
    ]
    _assert_no_leak(
        document,
        "МЕНЮ-НОВОСТИ",
        "ХЛЕБНЫЕ-КРОШКИ",
        "ЛЕВАЯ-КОЛОНКА",
        "ВЕРСИЯ-ДЛЯ-ПЕЧАТИ",
        "ПОДВАЛ-САЙТА",
        "GOV-SCRIPT",
    )
    _assert_spans(document)


def test_windows_1251_page(tmp_path: Path) -> None:
    page = (
        (FIXTURES / "gov.html").read_text(encoding="utf-8").replace("charset=utf-8", "charset=windows-1251")
    )
    path = tmp_path / "cp1251.html"
    path.write_bytes(page.encode("cp1251"))
    document = load(path)
    assert _units(document) == [("1", "Стороны"), ("2", "Стороны"), ("3", "Стороны")]
    assert document.source == load(FIXTURES / "gov.html").source


def test_meta_charset_only_page(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Заявление</title></head><body><div class="content">'
        "<p>Стороны заявляют о следующем:</p>"
        "<p>1. Стороны подтверждают приверженность принципам добрососедства и взаимного уважения.</p>"
        "<p>2. Стороны будут развивать торгово-экономическое сотрудничество и гуманитарные связи.</p>"
        "</div></body></html>"
    )
    path = tmp_path / "meta.html"
    path.write_bytes(page.encode("cp1251"))
    document = load(path)
    assert _units(document) == [("1", "Стороны"), ("2", "Стороны")]


def test_list_items_page() -> None:
    document = load(FIXTURES / "list.html")
    assert _units(document) == [("1", "To"), ("2", "To"), ("3", "To")]
    second = document.clauses[1]
    assert [p.label for p in second.paragraphs] == [None, "a", "b"]
    assert second.paragraphs[1].text.startswith("to cooperate on the protection")
    _assert_no_leak(document, "HOME-NAV", "FOOTER-LIST")
    _assert_spans(document)


def test_br_separated_page() -> None:
    document = load(FIXTURES / "br.html")
    assert _units(document) == [("1", "Стороны"), ("2", "Стороны"), ("3", "Стороны")]
    assert document.clauses[1].paragraphs[0].text.endswith("транспортную инфраструктуру.")
    _assert_no_leak(document, "ГЛАВНОЕ-МЕНЮ", "Раздел")
    _assert_spans(document)


def test_page_title_fills_missing_title() -> None:
    html = (
        "<html><head><title>Statement of the Sides</title></head><body>"
        "<p>1. The Sides reaffirmed their commitment to strengthening the strategic partnership.</p>"
        "<p>2. The Sides agreed to expand cooperation in trade, investment and energy.</p>"
        "</body></html>"
    )
    document = loads(html)
    assert document.metadata.title is not None


def test_extract_keeps_blocks_and_ol_numbers() -> None:
    text, title = extract(
        "<html><body><ol start='4'><li>One.</li><li>Two.</li></ol><p>a<br>b</p></body></html>"
    )
    assert text == "4. One.\n\n5. Two.\n\na\n\nb\n"
    assert title is None


def test_page_without_text() -> None:
    with pytest.raises(ParseError, match="no statement text"):
        loads("<html><body><script>var x = 1;</script><nav>Menu</nav></body></html>", path="p.html")


CORPUS = os.environ.get("DOCDIFF_CORPUS")


@pytest.mark.corpus
@pytest.mark.skipif(
    not CORPUS, reason="DOCDIFF_CORPUS is not set (real statements are not in the repository)"
)
def test_corpus_html_matches_text() -> None:
    assert CORPUS is not None
    base = Path(CORPUS) / "zh"
    html = load(base / "ae-cn-2019-07.zh.html")
    text = load(base / "ae-cn-2019-07.zh.txt")

    def units(document: Document) -> list[tuple[str, list[str]]]:
        return [(u.label, [normalize(p.text).text for p in u.paragraphs]) for u in document.units]

    assert units(html) == units(text)
    assert html.language == text.language == "zh"
