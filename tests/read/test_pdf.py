"""PDF input (docdiff.read.pdf, docdiff.read.pdflayout): fixtures built at test time, never committed.

Most PDFs are written by ``pdfmake`` (text placed to the point, in any
script, with running heads, page numbers, two columns, hyphens); each parses
to the same clause model as its text version, and every unit knows its page.
LibreOffice, where installed, makes the same check on PDFs a word processor
wrote.  Hostile files (scans, passwords, truncation, bombs, page floods, deep
nesting, random damage) end in a clear DocdiffError, fast.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from helpers import SEED, SEEDS, check_spans
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docdiff
from docdiff.errors import DocdiffError, InputError, UnsafeInputError
from docdiff.pipeline import parse
from docdiff.read import read_bytes
from docdiff.render.document_json import document_to_json
from docdiff.render.jsonout import schema

pytest.importorskip("pdfplumber", reason="the pdf extra is not installed: pip install 'docdiff[pdf]'")

import docxmake  # noqa: E402
import pdfmake  # noqa: E402
from pdfmake import Layout, Run, pdf, typeset  # noqa: E402

import docdiff.read.pdf as pdf_module  # noqa: E402

attrs_evolve = dataclasses.replace
CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
ZH_CLAUSES = [
    "双方同意保持高层交往势头，加强治国理政经验交流，深化政治互信，在涉及彼此核心利益和重大关切的问题上继续相互坚定支持。",
    "双方愿加强经贸合作，扩大双边贸易规模，优化贸易结构，共同推动双边贸易平衡可持续发展，支持两国企业相互投资。",
    "双方将加强人文交流，支持两国高校、智库、媒体和地方开展交流合作，便利人员往来，增进两国人民相互了解和友谊。",
    "双方同意在联合国、二十国集团等多边框架内加强协调与配合，共同维护以联合国为核心的国际体系和以国际法为基础的国际秩序。",
    "双方愿深化能源、基础设施、农业、数字经济和绿色发展等领域合作，推动共建“一带一路”高质量发展取得更多成果。",
    "双方同意加强执法安全合作，共同打击恐怖主义、分裂主义和极端主义，打击跨国有组织犯罪，维护地区和平稳定。",
    "双方支持加强卫生、教育、科技、旅游和青年领域交流，鼓励两国相关部门和机构建立稳定的合作机制。",
    "双方认为，应对气候变化是全人类的共同挑战，愿在《联合国气候变化框架公约》框架内加强沟通与合作。",
]
ZH_NUMERALS = "一二三四五六七八九十"


def paragraphs(text: str) -> list[str]:
    """A statement's paragraphs as a word processor holds them: hard-wrapped lines reflowed."""
    return [" ".join(line.strip() for line in block.split("\n")) for block in text.split("\n\n") if block.strip()]


def chinese_statement(clauses: int = 8) -> list[str]:
    body = [f"{ZH_NUMERALS[n]}、" + ZH_CLAUSES[n % len(ZH_CLAUSES)] * 2 for n in range(clauses)]
    return ["中华人民共和国和阿尔法共和国关于深化全面战略伙伴关系的联合声明", *body, "2025年4月23日于北京"]


def norm(text: str) -> str:
    text = " ".join(text.split())
    return re.sub(rf"(?<={CJK}) | (?={CJK})", "", text)


def same_model(doc: docdiff.Document, text: str) -> None:
    """The parse of a fixture has the labels and clause texts of the parse of its text version."""
    expected = docdiff.loads(text)
    assert [u.label for u in doc.units] == [u.label for u in expected.units]
    for got, want in zip(doc.units, expected.units, strict=True):
        assert norm(got.text) == norm(want.text), got.label


def load_pdf(data: bytes) -> docdiff.Document:
    return parse(read_bytes(data, path="fixture.pdf"))


def page_texts(pages: list[list[Run]]) -> list[str]:
    return [norm("".join(run.text for run in runs)) for runs in pages]


def check_pages(doc: docdiff.Document, pages: list[list[Run]]) -> None:
    """Each unit's first and last characters are printed on the pages its page range names."""
    printed = page_texts(pages)
    assert len(doc.pages) == len(pages)
    for unit in doc.units:
        first = doc.page_at(unit.span.start)
        assert first is not None
        head = norm(doc.source[unit.span.start : unit.span.end])[:3]
        assert head in printed[first - 1], (unit.label, first)


SEED_FILES = sorted(p for p in SEEDS.glob("*.txt") if "markdown" not in p.name)
LAYOUTS = {
    "plain": Layout(),
    "indented": Layout(size=18, indent=22, gap=0, header="Joint Statement", page_numbers="- {n} -"),
    "large": Layout(size=24, header="Statement", page_numbers="Page {n}"),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_each_seed_as_pdf_parses_like_its_text(seed: Path, layout: str) -> None:
    text = paragraphs(seed.read_text(encoding="utf-8"))
    pages = typeset(text, LAYOUTS[layout])
    if len(pages) < 2:
        # One page has nothing to tell a running head from a title with: set it without one.
        pages = typeset(text, attrs_evolve(LAYOUTS[layout], header=None))
    doc = load_pdf(pdf(pages))
    assert doc.format == "pdf"
    same_model(doc, "\n\n".join(text))
    check_spans(doc)
    check_pages(doc, pages)


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzабвгдежзиклмнопрстуфхцчшщыэюя", min_size=1, max_size=12)
HAN = st.text(alphabet="中华人民共和国双方同意加强合作发展联合声明", min_size=1, max_size=30)
PARAGRAPH = st.one_of(st.lists(WORDS, min_size=1, max_size=60).map(" ".join), HAN)


@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PARAGRAPH, min_size=1, max_size=30), st.sampled_from([1, 2]), st.sampled_from([0.0, 0.8]))
def test_no_text_is_lost_in_layout(paragraphs_: list[str], columns: int, gap: float) -> None:
    pages = typeset(paragraphs_, Layout(columns=columns, gap=gap, size=10))
    source = load_pdf(pdf(pages)).source
    # Every character set on the page is in the text, in order (hyphens aside: none are set here).
    assert re.sub(r"\s", "", source) == re.sub(r"\s", "", "".join(paragraphs_)) or columns == 2
    assert sorted(re.sub(r"\s", "", source)) == sorted(re.sub(r"\s", "", "".join(paragraphs_)))


def test_running_heads_and_page_numbers_are_removed() -> None:
    text = paragraphs(SEED.read_text(encoding="utf-8"))
    pages = typeset(text, Layout(header="Совместное заявление Азербайджана и Китая", page_numbers="- {n} -"))
    assert len(pages) >= 3
    doc = load_pdf(pdf(pages))
    assert "Совместное заявление Азербайджана и Китая" not in doc.source
    assert not re.search(r"(?m)^- \d+ -$", doc.source)
    assert doc.pages[0] == 0 and list(doc.pages) == sorted(doc.pages)
    # The last clause is on the last page, the first on the first.
    assert doc.page_at(doc.clauses[-1].span.start) == len(pages)
    assert doc.page_at(doc.units[0].span.start) == 1


def test_two_column_russian_pages_are_read_column_by_column() -> None:
    text = paragraphs(SEED.read_text(encoding="utf-8"))
    pages = typeset(text, Layout(columns=2, full_width_first=1, page_numbers="{n}", header="Заявление"))
    doc = load_pdf(pdf(pages))
    same_model(doc, "\n\n".join(text))
    check_pages(doc, pages)


@pytest.mark.parametrize("columns", [1, 2])
def test_chinese_pdf_joins_lines_without_spaces(columns: int) -> None:
    text = chinese_statement(10)
    pages = typeset(text, Layout(size=16, columns=columns, page_numbers="第{n}页", header="联合声明"))
    assert len(pages) >= 2
    doc = load_pdf(pdf(pages))
    same_model(doc, "\n\n".join(text))
    assert [u.label for u in doc.clauses][:3] == ["一", "二", "三"]
    assert not re.search(rf"{CJK} {CJK}", doc.source), "a space between Han characters"
    assert "第1页" not in doc.source and doc.source.count("联合声明") == 1  # in the title only
    check_pages(doc, pages)


def _page(lines: list[str], indents: tuple[int, ...] = ()) -> bytes:
    # 20-point type: a line of 42 to 47 characters fills the 72-523 measure, as a set line does.
    return pdf([[Run(72 + (n in indents) * 30, 90 + 25 * n, line, 20) for n, line in enumerate(lines)]])


def test_line_end_hyphens_undone_only_for_known_words() -> None:
    lines = [
        "1. The sides agreed to widen their cooper-",
        "ation in trade and investment, and a well-",
        "known forum on cooperation will meet; the Sino-",
        "Russian commission will meet at the invi\u00ad",
        "tation of Alpha in the spring of next year.",
    ]
    doc = load_pdf(_page(lines))
    source = doc.source
    assert "cooperation in trade" in source  # "cooperation" occurs elsewhere
    assert "well-known" in source  # "wellknown" does not: a real hyphen
    assert "Sino-Russian" in source  # a capital after the hyphen: a compound
    assert "invitation of Alpha" in source  # a soft hyphen
    assert "\u00ad" not in source


def test_paragraphs_from_indentation_and_short_lines() -> None:
    lines = [
        "The two sides held talks in a warm and",
        "friendly atmosphere and agreed on a few points",
        "of common interest to both sides and peoples.",
        "The sides reaffirmed their commitment to",
        "the principles of the Charter.",
        "1. The sides will deepen political dialogue at",
        "all levels and in every field of cooperation.",
    ]
    doc = load_pdf(_page(lines, indents=(0, 3)))
    assert doc.source.split("\n\n") == [
        "The two sides held talks in a warm and friendly atmosphere and agreed on a few points of common "
        "interest to both sides and peoples.",
        "The sides reaffirmed their commitment to the principles of the Charter.",
        "1. The sides will deepen political dialogue at all levels and in every field of cooperation.",
    ]


def test_parse_json_shows_pages_and_validates() -> None:
    text = paragraphs(SEED.read_text(encoding="utf-8"))
    pages = typeset(text, Layout(page_numbers="{n}"))
    doc = load_pdf(pdf(pages))
    data = json.loads(document_to_json(doc))
    jsonschema.Draft202012Validator(schema("document")).validate(data)
    assert data["format"] == "pdf"
    assert data["pages"] == list(doc.pages)
    last = data["clauses"][-1]
    assert last["pages"][1] == len(pages)
    assert all(1 <= u["pages"][0] <= u["pages"][1] for u in data["clauses"] + data["preamble"])


def test_text_input_json_has_no_page_fields() -> None:
    data = json.loads(document_to_json(docdiff.load(SEED)))
    assert "pages" not in data and all("pages" not in c for c in data["clauses"])


def test_load_reads_a_pdf_file(tmp_path: Path) -> None:
    path = tmp_path / "statement.bin"  # told by content, not by name
    path.write_bytes(pdf(typeset(paragraphs(SEED.read_text(encoding="utf-8")))))
    doc = docdiff.load(path)
    assert doc.format == "pdf" and doc.path == str(path) and len(doc.clauses) == 18


# --- refusals -------------------------------------------------------------------------------


def refused(data: bytes, kind: type[DocdiffError], *words: str) -> str:
    started = time.perf_counter()
    with pytest.raises(kind) as info:
        read_bytes(data, path="bad.pdf")
    assert time.perf_counter() - started < 20
    message = str(info.value)
    assert message.startswith("bad.pdf: ") and "\n" not in message
    for word in words:
        assert word in message
    return message


def test_a_scan_without_text_is_refused_naming_ocr() -> None:
    refused(pdf([[], []], image_only=True), InputError, "no text layer", "OCR")


def test_a_password_protected_pdf_is_refused() -> None:
    refused(pdf(typeset(["1. The sides agreed."]), encrypt=True), InputError, "encrypted")


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.9])
def test_a_truncated_pdf_is_refused_or_read(cut: float) -> None:
    data = pdf(typeset(paragraphs(SEED.read_text(encoding="utf-8"))))
    try:
        read_bytes(data[: int(len(data) * cut)], path="bad.pdf")
    except DocdiffError as error:
        assert str(error).startswith("bad.pdf: ")


def test_too_many_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 3)
    refused(pdf([[Run(72, 90, f"Page {n} text.")] for n in range(5)]), InputError, "more than 3 pages")


def test_a_page_flood_is_refused_fast() -> None:
    # 1500 distinct pages in half a megabyte: refused at page 1001, in about a second.
    refused(pdf([[Run(72, 90, "x")]] * 1500), InputError, "more than 1000 pages")


def test_deep_nesting_in_a_page_dictionary() -> None:
    data = pdf(typeset(["1. The sides agreed to meet again."]))
    deep = b"/Deep " + b"[" * 50000 + b"]" * 50000 + b" /Type /Page /Parent"
    data = data.replace(b"/Type /Page /Parent", deep, 1)  # offsets now wrong: the reader must recover
    started = time.perf_counter()
    try:
        assert "The sides agreed" in load_pdf(data).source
    except DocdiffError as error:
        assert str(error).startswith("fixture.pdf: ")
    assert time.perf_counter() - started < 20


def test_text_placed_far_off_the_page_is_not_read() -> None:
    runs = [Run(72, 90, "1. The sides agreed to meet."), Run(1e30, 1e30, "hidden"), Run(-1e300, 90, "gone")]
    doc = load_pdf(pdf([runs]))
    assert doc.source == "1. The sides agreed to meet."


def test_a_huge_page_is_refused() -> None:
    data = pdf(typeset(["1. The sides agreed."])).replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 900000000000 842]")
    refused(data, InputError, "page 1 measures")


def test_too_many_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_GLYPHS", 50)
    refused(pdf(typeset(paragraphs(SEED.read_text(encoding="utf-8")))), InputError, "more than 50 characters")


def test_the_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_SECONDS", -1.0)
    refused(pdf(typeset(["1. The sides agreed."])), InputError, "reading took over")


def test_a_decompression_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "MAX_STREAM_BYTES", 1 << 20)
    refused(pdf(typeset(["1. The sides agreed."]), extra_stream=b"\0" * (4 << 20)), UnsafeInputError, "bomb")


def test_deep_nesting_ends_fast() -> None:
    data = pdf(typeset(["1. The sides agreed to meet again."]), nesting=20000)
    started = time.perf_counter()
    try:
        doc = load_pdf(data)
        assert "The sides agreed" in doc.source
    except DocdiffError as error:
        assert "bad" not in str(error)
    assert time.perf_counter() - started < 20


def test_without_the_extra_the_error_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    refused(pdf(typeset(["1. The sides agreed."])), InputError, "pip install 'docdiff[pdf]'")


SMALL = pdf(typeset(["Joint Statement", "1. The sides agreed to meet.", "2. The sides agreed to talk."]), compress=False)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SMALL) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_pdfs_give_only_docdiff_errors(edits: list[tuple[int, int]]) -> None:
    data = bytearray(SMALL)
    for at, value in edits:
        data[at] = value
    try:
        doc = parse(read_bytes(bytes(data), path="fuzz.pdf"))
    except DocdiffError:
        return
    check_spans(doc)


# --- PDFs written by LibreOffice ------------------------------------------------------------


def soffice_pdf(tmp_path: Path, name: str, text: str) -> bytes:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("soffice not on PATH (apt-get install libreoffice-writer-nogui)")
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
         str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return (tmp_path / f"{name}.pdf").read_bytes()


@pytest.mark.parametrize("seed", ["az-cn-2025-04.ru.txt", "constructed-en-mfa.en.txt", "constructed-en-decimal.en.txt"])
def test_libreoffice_pdfs_parse_like_their_text(tmp_path: Path, seed: str) -> None:
    text = "\n\n".join(paragraphs((SEEDS / seed).read_text(encoding="utf-8")))
    doc = load_pdf(soffice_pdf(tmp_path, "statement", text))
    same_model(doc, text)
    check_spans(doc)


def test_libreoffice_chinese_pdf(tmp_path: Path) -> None:
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True) if shutil.which("fc-list") else None
    if fonts is None or not fonts.stdout.strip():
        pytest.skip("no Chinese font installed (apt-get install fonts-wqy-microhei): LibreOffice draws no Han glyphs")
    text = "\n\n".join(chinese_statement(6))
    doc = load_pdf(soffice_pdf(tmp_path, "zh", text))
    same_model(doc, text)


def test_pdfmake_measures_like_the_reader() -> None:
    # The fixture writer's widths are the ones the font declares: a guard on the helper itself.
    assert pdfmake.measure("ab", 10) == 10 and pdfmake.measure("中文", 10) == 20


@pytest.mark.parametrize("seed", ["az-cn-2025-04.ru.txt", "constructed-en-whitehouse.en.txt"])
def test_libreoffice_pdf_of_a_word_file_with_running_head_and_page_numbers(tmp_path: Path, seed: str) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("soffice not on PATH (apt-get install libreoffice-writer-nogui)")
    text = paragraphs((SEEDS / seed).read_text(encoding="utf-8"))
    head = "Joint Statement of the Two Sides"
    source = tmp_path / "statement.docx"
    source.write_bytes(docxmake.docx([docxmake.p(t) for t in text], header=head, page_numbers=True))
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    doc = load_pdf((tmp_path / "statement.pdf").read_bytes())
    if len(doc.pages) > 1:
        assert head not in doc.source
    else:
        # One page has nothing to compare its head with: it stays, as its first paragraph (documented).
        assert doc.source.startswith(head + "\n\n")
        text = [head, *text]
    same_model(doc, "\n\n".join(text))
    assert not re.search(r"(?m)^\d+$", doc.source)
    # The Word file itself reads the same, without its running head.
    word = parse(read_bytes(source.read_bytes(), path="statement.docx"))
    same_model(word, "\n\n".join(t for t in text if t != head))
    assert head not in word.source


def test_the_cli_says_one_line_for_a_damaged_pdf(tmp_path: Path) -> None:
    # pdfminer logs its repairs (a page with no MediaBox): they must not reach the terminal.
    path = tmp_path / "damaged.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] "
        b"/Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    # A process of its own: pytest's log capture would hide what Python's last-resort handler prints.
    done = subprocess.run([sys.executable, "-m", "docdiff", "parse", str(path)], capture_output=True, text=True)
    assert done.returncode == 2
    err = done.stderr
    assert err.count("\n") == 1 and err.startswith("docdiff: error: ") and str(path) in err
