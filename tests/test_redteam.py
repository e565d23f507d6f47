"""Regression tests of the red-team findings of issue 14: nothing silently lost, nothing injected, no crash."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest

import docdiff
from docdiff.cli import main
from docdiff.errors import OptionsError
from docdiff.read import read_text, sniff

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "az-cn-2025-04.ru.txt"
REVISED = ROOT / "seeds" / "az-cn-2025-04-revised.ru.txt"

# A title change (OSC 0), a clipboard write (OSC 52), a screen clear, a one-byte CSI, a bidi override.
HOSTILE = "\x1b]0;owned\x07\x1b]52;c;ZWNobyBvd25lZA==\x07\x1b[2J\x9b31m\u202etxt.exe"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# --- plain text is never silently truncated ----------------------------------------------------

PLAIN = """Joint Statement of Alpha and Beta

The Sides note that their websites escape markup such as <br> and that a literal <script> tag
in a press release is text, not code.

1. The Sides agree to deepen cooperation in trade and energy.<br>

2. The Sides will hold regular consultations on regional security.

3. The Sides support the development of transport corridors.

4. The Sides agree to meet again in 2026.
"""


def test_plain_text_with_br_and_a_literal_script_stays_text() -> None:
    assert sniff(PLAIN) == "text"
    doc = docdiff.loads(PLAIN)
    assert [u.label for u in doc.clauses] == ["1", "2", "3", "4"]
    assert "meet again in 2026" in doc.clauses[-1].text
    assert doc.warnings == ()


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html>\n<p>One.</p>",
        "Saved page\n<html><body><p>One.</p></body></html>",
        "Joint statement\n<p>one</p><p>two</p><p>three</p><div>four</div>",
    ],
)
def test_real_document_structure_is_still_html(page: str) -> None:
    assert sniff(page) == "html"


LOSSY = (
    "<html><body><p>Joint Statement of Alpha and Beta</p>"
    "<p>1. The Sides agree to deepen cooperation in trade.</p><script>\n"
    + "\n\n".join(f"{n}. The Sides agree on point number {n} of their common agenda." for n in range(2, 30))
    + "\n</body></html>"
)


def test_an_extraction_that_keeps_much_less_is_said(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = docdiff.loads(LOSSY, path="page.html")
    assert len(doc.warnings) == 1
    assert "page.html" in doc.warnings[0] and "visible characters" in doc.warnings[0]
    path = tmp_path / "page.html"
    path.write_text(LOSSY, encoding="utf-8")
    code, out, err = run(capsys, "parse", path)
    assert code == 0
    assert json.loads(out)["warnings"] == [doc.warnings[0].replace("page.html", str(path))]
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("docdiff: warning: ")


# --- control characters are escaped in every text output and message ---------------------------


def hostile_statement(tmp_path: Path, name: str = "s.txt") -> Path:
    path = tmp_path / name
    text = SEED.read_text(encoding="utf-8")
    # In the statement's own title (which parse text shows) and in its first clause.
    text = text.replace('"Совместное заявление', f'"Совместное {HOSTILE} заявление', 1)
    text = text.replace("1. ", f"1. {HOSTILE} ", 1)
    path.write_text(text, encoding="utf-8")
    return path


def assert_clean(text: str) -> None:
    for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert bad not in text, repr(bad)


def test_parse_text_and_compare_reports_escape_controls(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = hostile_statement(tmp_path)
    code, out, _ = run(capsys, "parse", path, "--format", "text")
    assert code == 0
    assert_clean(out)
    assert "\\x1b]52;c;" in out and "\\u202e" in out
    for fmt in ("text", "md"):
        code, out, _ = run(capsys, "compare", SEED, path, "--format", fmt, "--color", "never")
        assert code == 0
        assert_clean(out)


def test_rank_text_escapes_controls(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    hostile_statement(corpus, f"a{HOSTILE}.txt")
    (corpus / "b.txt").write_text(REVISED.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run(capsys, "rank", SEED, corpus)
    assert code == 0
    assert_clean(out + err)


def test_error_and_skip_lines_escape_controls(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "parse", tmp_path / f"missing{HOSTILE}.txt")
    assert code == 2
    assert_clean(err)
    assert len(err.splitlines()) == 1
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / f"empty{HOSTILE}.txt").write_bytes(b"")
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = run(capsys, "formulas", folder / "seed.txt", folder / f"empty{HOSTILE}.txt")
    assert code == 0
    assert "docdiff: skipped" in err
    assert_clean(err)


# --- CSV cells are neutralised --------------------------------------------------------------------


def test_matrix_csv_neutralises_formula_cells(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from docdiff.corpus.types import Matrix
    from docdiff.render import render

    labels = ("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "plain")
    matrix = Matrix(labels=labels, paths=labels, values=tuple((1.0,) * len(labels) for _ in labels))
    rows = list(csv.reader(io.StringIO(render(matrix, "csv"), newline="")))
    shown = [label.replace("\t", "\\x09").replace("\r", "\\x0d") for label in labels]
    assert rows[0][1:] == ["'" + label for label in shown[:-1]] + ["plain"]
    assert [row[0] for row in rows[1:]] == rows[0][1:]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


# --- file names with any bytes ------------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in a name")
def test_non_utf8_file_names_work_in_every_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "corpus")
    os.mkdir(folder)
    left, right = folder + b"/s\xff\xfe.txt", folder + b"/r\xe9v.txt"
    with open(left, "wb") as handle:
        handle.write(SEED.read_bytes())
    with open(right, "wb") as handle:
        handle.write(REVISED.read_bytes())
    a, b, corpus = os.fsdecode(left), os.fsdecode(right), os.fsdecode(folder)
    index = str(tmp_path / "index.sqlite")
    commands = [
        *(["parse", a, "--format", f] for f in ("json", "text", "akn")),
        *(["compare", a, b, "--format", f] for f in ("json", "text", "md", "html")),
        ["compare", a, b, "--format", "docx", "-o", str(tmp_path / "r.docx")],
        *(["phrases", a, b, "--format", f] for f in ("json", "text", "md", "html")),
        *(["formulas", a, b, "--format", f] for f in ("json", "text")),
        *(["formulas", corpus, "--format", f] for f in ("json", "text")),
        *(["rank", a, corpus, "--format", f] for f in ("json", "text")),
        *(["matrix", corpus, "--format", f] for f in ("csv", "json", "html")),
        ["index", corpus, "-o", index],
        ["rank", a, index],
        ["matrix", index],
    ]
    for argv in commands:
        code, out, err = run(capsys, *argv)
        assert code == 0, (argv, err)
        assert "internal error" not in err
    code, out, _ = run(capsys, "parse", a)
    assert json.loads(out)["path"].endswith("s\\xff\\xfe.txt")
    assert docdiff.load(left).path == json.loads(out)["path"]


# --- the API and the options --------------------------------------------------------------------


def test_compare_on_paths_says_to_load_them() -> None:
    with pytest.raises(TypeError, match=r"docdiff\.load\(path\)"):
        docdiff.compare("a.txt", "b.txt")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="right"):
        docdiff.compare(docdiff.load(SEED), Path("b.txt"))  # type: ignore[arg-type]


@pytest.mark.parametrize("language", ["english", "xx", "EN-us"])
def test_language_is_checked_against_the_packs(capsys: pytest.CaptureFixture[str], language: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["parse", str(SEED), "--language", language])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "no language pack" in err and "ru" in err
    code, out, _ = run(capsys, "parse", SEED, "--language", "RU")
    assert code == 0 and json.loads(out)["meta"]["language"] == "ru"


def test_the_library_refuses_a_language_name() -> None:
    with pytest.raises(OptionsError, match="ISO 639-1"):
        docdiff.loads("Joint Statement\n\n1. The Sides agreed.\n", language="english")


def test_check_metadata_counts_a_changed_date(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    redated = tmp_path / "redated.txt"
    redated.write_text(text.replace("23 апреля", "24 апреля").replace("с 22 по 24 апреля", "с 23 по 25 апреля"), "utf-8")
    left, right = docdiff.load(SEED), docdiff.load(redated)
    assert docdiff.compare(left, right).summary.metadata
    code, _, _ = run(capsys, "compare", SEED, SEED, "--check-metadata")
    assert code == 0
    code, _, _ = run(capsys, "compare", SEED, redated, "--check-metadata")
    assert code == 1


def test_a_nul_in_markup_is_refused_not_replaced() -> None:
    from docdiff.errors import ParseError

    with pytest.raises(ParseError, match="character 3 is a NUL"):
        read_text("<p>\x00 The Sides agreed.</p>", path="x.html")


def test_a_huge_attribute_is_not_called_deep_nesting() -> None:
    from docdiff.errors import UnsafeInputError

    page = '<html><body><p title="' + "x" * 20_000_000 + '">1. The Sides agreed.</p></body></html>'
    with pytest.raises(UnsafeInputError, match="size limit") as info:
        docdiff.loads(page, path="big.html")
    assert "nests" not in str(info.value)


def test_check_sees_a_change_after_a_literal_script(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    left, right = tmp_path / "left.txt", tmp_path / "right.txt"
    left.write_text(PLAIN, encoding="utf-8")
    right.write_text(PLAIN.replace("agree to meet again in 2026", "will never meet again"), encoding="utf-8")
    code, _, _ = run(capsys, "compare", left, right, "--check")
    assert code == 1
