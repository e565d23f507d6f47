"""docdiff.render.phrases: the reports of `docdiff phrases` in every format."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from lxml import html as lxml_html

from docdiff import load, loads
from docdiff.cli import main
from docdiff.errors import OptionsError
from docdiff.model import Document
from docdiff.options import Options
from docdiff.phrases.report import phrase_report
from docdiff.render import formats, render
from docdiff.render.jsonout import schema
from docdiff.result import Edit, FormulaUse, Op, PhrasePair, PhraseReport, PhraseSide

PHRASE_FORMATS = formats(PhraseReport)

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
LEFT = str(SEEDS / "az-cn-2025-04.ru.txt")
RIGHT = str(SEEDS / "az-cn-2025-04-revised.ru.txt")
INJECTIONS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</td>")
HOSTILE_LEFT = """Joint Statement of Alpha and Beta

1. The Sides reaffirm their commitment to the one-China principle <script>alert(1)</script> and note \
the importance of </td> energy security for both peoples.

2. The Sides agree that <img src=x onerror=alert(1)> cooperation on supply chains | *bold* \
[link](http://x.example) shall continue in the years ahead.
"""
HOSTILE_RIGHT = HOSTILE_LEFT.replace("note the", "firmly support the").replace(
    "shall continue", "shall continue and deepen"
)


@pytest.fixture(scope="module")
def seeds() -> tuple[Document, Document]:
    return load(LEFT), load(RIGHT)


@pytest.fixture(scope="module")
def report(seeds: tuple[Document, Document]) -> PhraseReport:
    return phrase_report(*seeds)


@pytest.fixture(scope="module")
def hostile() -> PhraseReport:
    return phrase_report(loads(HOSTILE_LEFT, path="a.en.txt"), loads(HOSTILE_RIGHT, path="b.en.txt"))


def cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(args) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


# -- the CLI, every format ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", PHRASE_FORMATS)
def test_cli_every_format_is_stable(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    first = cli(["phrases", LEFT, RIGHT, "--format", fmt], capsys)
    second = cli(["phrases", LEFT, RIGHT, "--format", fmt], capsys)
    assert first == second
    assert first.endswith("\n") and not first.endswith("\n\n")


@pytest.mark.parametrize("fmt", PHRASE_FORMATS)
def test_cli_matches_the_library(
    fmt: str, seeds: tuple[Document, Document], capsys: pytest.CaptureFixture[str]
) -> None:
    out = cli(["phrases", LEFT, RIGHT, "--format", fmt, "--min-words", "6"], capsys)
    assert out == render(phrase_report(*seeds, Options(min_phrase_words=6)), fmt)


def test_cli_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "phrases.html"
    assert cli(["phrases", LEFT, RIGHT, "--format", "html", "-o", str(target)], capsys) == ""
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_same_bytes_in_another_process_with_another_hash_seed(capsys: pytest.CaptureFixture[str]) -> None:
    here = cli(["phrases", LEFT, RIGHT, "--format", "html"], capsys)
    for seed in ("1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        args = [sys.executable, "-m", "docdiff", "phrases", LEFT, RIGHT, "--format", "html"]
        done = subprocess.run(args, capture_output=True, env=env, cwd=ROOT, check=True)
        assert done.stdout.decode("utf-8") == here


def test_min_words_selects(seeds: tuple[Document, Document]) -> None:
    few = phrase_report(*seeds, Options(min_phrase_words=60)).phrases
    many = phrase_report(*seeds, Options(min_phrase_words=4)).phrases
    assert 0 < len(few) < len(many)
    text = render(phrase_report(*seeds, Options(min_phrase_words=60)), "text")
    assert f"Phrase pairs ({len(few)})" in text


def test_unknown_format(seeds: tuple[Document, Document]) -> None:
    assert PHRASE_FORMATS == ("html", "json", "md", "text")
    with pytest.raises(OptionsError, match="choose one of: html, json, md, text"):
        render(PhraseReport(left=seeds[0], right=seeds[1]), "pdf")


# -- JSON ---------------------------------------------------------------------------------------


def test_json_is_the_phrases_schema(report: PhraseReport) -> None:
    data = json.loads(render(report, "json"))
    jsonschema.validate(data, schema("phrases"))
    assert data["schema"] == "docdiff/phrases@1"
    assert len(data["pairs"]) == len(report.phrases)
    assert [f["id"] for f in data["formulas"]] == [f.id for f in report.formulas]
    for pair in data["pairs"]:
        for side, document in (("left", report.left), ("right", report.right)):
            assert document.source[pair[side]["start"] : pair[side]["end"]] == pair[side]["text"]


# -- text ---------------------------------------------------------------------------------------


def test_text_pairs_and_formulas(report: PhraseReport) -> None:
    text = render(report, "text")
    assert text.startswith("docdiff phrases\nleft:  ")
    headings = re.findall(r"^\[L (\S+) ↔ R (\S+)\] score (\d\.\d\d)( formula \S+)?$", text, re.M)
    assert [(h[0], h[1]) for h in headings] == [(p.left.label, p.right.label) for p in report.phrases]
    assert "[L 1 ↔ R 1] score 1.00 formula one-china" in text
    assert "за [-33-]{+34+} года" in text
    assert "Стороны {+твердо +}поддерживают" in text
    assert "  one-china (One-China principle): same (left 1; right 1)" in text
    assert "\x1b" not in text


def test_text_directions_and_one_sided() -> None:
    left = loads("Joint Statement\n\n1. The Sides note the one-China principle and energy security.\n")
    right = loads("Joint Statement\n\n1. The Sides firmly support the one-China principle.\n")
    a, b = left.units[0].label, right.units[0].label
    text = render(phrase_report(left, right), "text")
    assert f"one-china (One-China principle): stronger (left {a}; right {b})" in text
    assert f"energy-security (Energy security): only left (left {a}; right —)" in text
    assert "    [-The Sides note the one-China principle and energy security.-]\n" in text
    mirrored = render(phrase_report(right, left), "text")
    assert "one-china (One-China principle): weaker" in mirrored
    assert f"energy-security (Energy security): only right (left —; right {a})" in mirrored


def test_text_nothing_found() -> None:
    left = loads("Statement\n\n1. Apples grow on trees in the orchard.\n")
    right = loads("Statement\n\n1. Rivers run to the sea every day.\n")
    text = render(phrase_report(left, right), "text")
    assert "Phrase pairs (0)\n  none\n" in text
    assert "Formulas (0)\n  none\n" in text


def test_text_escapes_control_characters() -> None:
    side = PhraseSide("1\x1b[2J", 0, 5, "a\x1b[31mb")
    pair = PhrasePair(left=side, right=side, score=1.0, edits=(Edit(Op.EQUAL, "a\x1b[31mb"),))
    document = loads("Statement\n\n1. Nothing at all here.\n", path="x\x1b]0;pwned\x07.txt")
    text = render(PhraseReport(left=document, right=document, phrases=(pair,)), "text")
    assert "\x1b" not in text and "\x07" not in text
    assert "a\\x1b[31mb" in text and "[L 1\\x1b[2J ↔ R 1\\x1b[2J]" in text


# -- Markdown -----------------------------------------------------------------------------------


def gfm(markdown: str) -> lxml_html.HtmlElement:
    cmarkgfm = pytest.importorskip("cmarkgfm", reason="cmarkgfm not installed: GFM rendering checks skipped")
    from cmarkgfm.cmark import Options as GfmOptions

    rendered = cmarkgfm.github_flavored_markdown_to_html(markdown, options=GfmOptions.CMARK_OPT_UNSAFE)
    return lxml_html.fragment_fromstring(rendered, create_parent="div")


def test_markdown_sections(report: PhraseReport) -> None:
    md = render(report, "md")
    assert md.startswith("# Phrases: az-cn-2025-04.ru.txt ↔ az-cn-2025-04-revised.ru.txt\n")
    assert "\n## Formulas\n" in md and "\n## Shared phrases\n" in md
    assert "*score 1.00 · formula one-china*" in md
    assert "за <del>33</del><ins>34</ins> года" in md
    assert "| one-china<br>One-China principle | 1: только один Китай<br>" in md


def test_markdown_injections_raw(hostile: PhraseReport) -> None:
    md = render(hostile, "md")
    for injection in INJECTIONS:
        assert injection not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md and "\\|" in md and "\\*bold\\*" in md


def test_markdown_injections_after_gfm(hostile: PhraseReport) -> None:
    tree = gfm(render(hostile, "md"))
    assert not tree.xpath("//script | //img | //a[@href]")
    text = tree.text_content()
    for injection in INJECTIONS:
        assert injection in text
    tables = tree.xpath("//table")
    assert len(tables) == 2
    for table, columns in zip(tables, (3, 5), strict=True):
        for row in table.xpath(".//tr"):
            assert len(row.xpath("td | th")) == columns
    # The rendered changes are exactly the edits.
    assert [d.text_content() for d in tree.xpath("//h3/following-sibling::p//del")] == [
        e.text for p in hostile.phrases for e in p.edits if e.op is Op.DELETE
    ]
    assert [i.text_content() for i in tree.xpath("//h3/following-sibling::p//ins")] == [
        e.text for p in hostile.phrases for e in p.edits if e.op is Op.INSERT
    ]


def test_markdown_of_seeds_renders(report: PhraseReport) -> None:
    tree = gfm(render(report, "md"))
    assert [h.text_content() for h in tree.xpath("//h2")] == ["Formulas", "Shared phrases"]
    assert len(tree.xpath("//h3")) == len(report.phrases)


# -- HTML ---------------------------------------------------------------------------------------


def page_of(report: PhraseReport) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(render(report, "html"))


def test_html_shell(report: PhraseReport) -> None:
    page = render(report, "html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">') and page.endswith("</html>\n")
    tree = lxml_html.document_fromstring(page)
    assert tree.xpath("//head/meta[@charset='utf-8']")
    assert tree.findtext(".//title") == "Phrases: az-cn-2025-04.ru.txt ↔ az-cn-2025-04-revised.ru.txt"
    assert len(tree.xpath("//h1")) == 1 and len(tree.xpath("//style")) == 1
    assert [s.get("id") for s in tree.xpath("//main/section")] == [
        "documents",
        "formulas",
        "phrases",
        "legend",
    ]


def test_html_is_self_contained_and_links_resolve(report: PhraseReport) -> None:
    tree = page_of(report)
    assert not tree.xpath("//script | //img | //iframe | //link | //*[@src]")
    ids = [e.get("id") for e in tree.xpath("//*[@id]")]
    assert len(ids) == len(set(ids))
    for link in tree.xpath("//a[@href]"):
        href = link.get("href")
        assert href.startswith("#") and href[1:] in ids
    assert "url(" not in "".join(tree.xpath("//style/text()"))


def test_html_metadata_of_both_documents(report: PhraseReport) -> None:
    rows = page_of(report).xpath("//section[@id='documents']//tbody/tr")
    cells = {r[0].text_content(): (r[1].text_content(), r[2].text_content()) for r in rows}
    assert cells["File"] == (LEFT, RIGHT)
    assert cells["Date"] == ("2025-04-23", "2025-04-23")
    assert cells["Parties"] == ("AZ, CN", "AZ, CN")


def test_html_formulas_table(report: PhraseReport) -> None:
    rows = page_of(report).xpath("//section[@id='formulas']//tbody/tr")
    assert [r.get("id") for r in rows] == [f"formula-{f.id}" for f in report.formulas]
    one_china = rows[0]
    assert one_china.xpath("th/code")[0].text == "one-china"
    assert "«независимости Тайваня»" in one_china[2].text_content()
    assert '"независимости Тайваня"' in one_china[1].text_content()
    assert one_china[3].text_content() == "same"
    assert [d.text for d in one_china[4].iter("del")] == ['"', '"']
    assert [i.text for i in one_china[4].iter("ins")] == ["«", "»"]
    for row, use in zip(rows, report.formulas, strict=True):
        if not any(e.op is not Op.EQUAL for e in use.edits):
            assert row[4].text_content().strip() == "same wording"


def test_html_phrase_rows_carry_the_edits(report: PhraseReport) -> None:
    rows = page_of(report).xpath("//section[@id='phrases']//tbody/tr")
    assert len(rows) == len(report.phrases)
    for row, pair in zip(rows, report.phrases, strict=True):
        assert [c.text_content() for c in row[1:4]] == [
            pair.left.label,
            pair.right.label,
            f"{pair.score:.2f}",
        ]
        dels = "".join(d.text_content() for d in row[5].iter("del"))
        ins = "".join(i.text_content() for i in row[5].iter("ins"))
        assert dels.replace("\n", "") == "".join(e.text for e in pair.edits if e.op is Op.DELETE).replace(
            "\n", ""
        )
        assert ins.replace("\n", "") == "".join(e.text for e in pair.edits if e.op is Op.INSERT).replace(
            "\n", ""
        )
        assert row[5].get("lang") == "ru"
        if pair.formula:
            assert row[4].xpath("a/@href") == [f"#formula-{pair.formula}"]


def test_html_injections_are_text(hostile: PhraseReport) -> None:
    page = render(hostile, "html")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;/td&gt; energy security" in page
    tree = lxml_html.document_fromstring(page)
    assert not tree.xpath("//script | //img | //*[@onerror]")
    text = tree.text_content()
    for injection in INJECTIONS:
        assert injection in text
    for table in tree.xpath("//table"):
        widths = {len(r.xpath("td | th")) for r in table.xpath(".//tr")}
        assert len(widths) == 1
    directions = [r[3].text_content() for r in tree.xpath("//section[@id='formulas']//tbody/tr")]
    assert "stronger" in directions


def test_html_different_languages_mark_deletions() -> None:
    left = loads("Совместное заявление\n\n1. Стороны поддерживают принцип одного Китая.\n", language="ru")
    right = loads("Joint Statement\n\n1. The Sides support the one-China principle.\n", language="en")
    use = FormulaUse(
        id="one-china",
        left=(PhraseSide("1", 0, 3, "abc"),),
        right=(PhraseSide("1", 0, 3, "xyz"),),
        edits=(Edit(Op.DELETE, "abc"), Edit(Op.INSERT, "xyz")),
        direction="same",
    )
    tree = page_of(PhraseReport(left=left, right=right, formulas=(use,)))
    cell = tree.xpath("//tr[@id='formula-one-china']/td")[-1]
    assert cell.get("lang") == "en" and cell.xpath(".//del/@lang") == ["ru"]
    assert tree.xpath("//section[@id='phrases']/p")[0].text == "No shared phrase."


def test_hand_built_report_renders_everywhere() -> None:
    document = loads("Statement\n\n1. Nothing shared here at all.\n")
    side = PhraseSide("1", 0, 4, "text")
    pair = PhrasePair(
        left=side, right=side, score=1.0, formula="not-in-lexicon", edits=(Edit(Op.EQUAL, "x"),)
    )
    report = PhraseReport(left=document, right=document, phrases=(pair,))
    for fmt in PHRASE_FORMATS:
        assert render(report, fmt).endswith("\n")
    tree = page_of(report)
    assert not tree.xpath("//a[@href='#formula-not-in-lexicon']")  # no dangling link
