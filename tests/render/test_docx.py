"""docdiff.render.comparison_docx: a Word redline whose tracked changes give back both documents.

The package is read back with python-docx and lxml; accepting every change
(drop ``w:del``, keep ``w:ins``, merge paragraphs whose mark is deleted)
must give the right document's units, rejecting every change the left's.
One test converts the file with LibreOffice (``soffice``) and reads the PDF
with ``pdftotext``; it skips when either is missing (``.ci/run`` installs
them).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from editgen import edit
from helpers import ROOT, SEED, parse_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from render_sample import sample_comparison
from strategies import statement_texts

import docdiff
from docdiff.cli import main
from docdiff.errors import OptionsError
from docdiff.model import Document
from docdiff.render import formats, is_binary, render, render_bytes
from docdiff.render.comparison_docx import xml_safe
from docdiff.result import Comparison

docx = pytest.importorskip("docx", reason="python-docx not installed (pip install -e '.[test]')")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REVISED = ROOT / "seeds" / "az-cn-2025-04-revised.ru.txt"


def seed_comparison() -> Comparison:
    return docdiff.compare(docdiff.load(SEED), docdiff.load(REVISED))


def body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def resolve(data: bytes, accept: bool, style: str = "UnitText") -> list[str]:
    """The non-empty paragraphs of ``style`` once every change is accepted (or rejected)."""
    gone, kept = ("del", "ins") if accept else ("ins", "del")
    stream = []
    for p in body(data).iter(f"{W}p"):
        style_of = p.find(f"{W}pPr/{W}pStyle")
        if style_of is None or style_of.get(f"{W}val") != style:
            continue
        for node in p.iter(f"{W}t", f"{W}delText", f"{W}tab"):
            if any(a.tag == f"{W}{gone}" for a in node.iterancestors()):
                continue
            stream.append("\t" if node.tag == f"{W}tab" else node.text or "")
        mark = p.find(f"{W}pPr/{W}rPr/{W}{gone}")
        stream.append("" if mark is not None else "\n")  # a removed mark joins the next paragraph
    return [line for line in "".join(stream).split("\n") if line]


def paragraphs(document: Document) -> list[str]:
    return [xml_safe(line) for unit in document.units for line in unit.text.split("\n") if line]


def test_docx_is_a_binary_comparison_format() -> None:
    assert "docx" in formats(Comparison)
    assert is_binary(Comparison, "docx") and not is_binary(Comparison, "html")
    with pytest.raises(OptionsError, match="binary; render it with render_bytes"):
        render(sample_comparison(), "docx")
    assert render_bytes(sample_comparison(), "text") == render(sample_comparison(), "text").encode()


def test_python_docx_reads_summary_table_first_then_labelled_units() -> None:
    data = render_bytes(seed_comparison(), "docx")
    document = docx.Document(io.BytesIO(data))
    tags = [child.tag for child in document.element.body]
    assert tags.index(f"{W}tbl") < tags.index(f"{W}p", tags.index(f"{W}tbl"))
    assert [p.style.name for p in document.paragraphs[:2]] == ["Title", "Heading 1"]
    assert document.paragraphs[0].text.startswith("docdiff comparison: az-cn-2025-04.ru.txt → ")
    table = document.tables[0]
    rows = {row.cells[0].text: row.cells[1].text for row in table.rows}
    assert rows["pairs"] == "20" and rows["moved"] == "1" and rows["merge"] == "1" and rows["split"] == "1"
    assert rows["change: substantive"] == "7" and rows["flag: modality"] == "2"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[:3] == ["preamble.1", "preamble.2 (substantive (number))", "1 (formal)"]
    assert "5, 6 → 4 (merge, formal)" in headings and "9 → 7, 8 (split, unchanged)" in headings
    assert "— → 6 (inserted)" in headings and "8 → — (deleted)" in headings
    # The move is a deletion where clause 3 stood and an insertion at 15.
    assert "3 → 15 (moved away from here)" in headings and "3 → 15 (moved, unchanged)" in headings
    after = next(i for i, h in enumerate(headings) if h.startswith("4 → 3 ("))
    assert headings.index("3 → 15 (moved away from here)") == after - 1


def test_revisions_have_unique_ids_author_and_no_date_by_default() -> None:
    root = body(render_bytes(seed_comparison(), "docx"))
    marks = list(root.iter(f"{W}ins", f"{W}del"))
    ids = [m.get(f"{W}id") for m in marks]
    assert len(marks) > 10 and len(set(ids)) == len(ids)
    assert sorted(map(int, ids)) == list(range(1, len(ids) + 1))  # type: ignore[arg-type]
    assert {m.get(f"{W}author") for m in marks} == {"docdiff"}
    assert all(m.get(f"{W}date") is None for m in marks)
    dated = body(render_bytes(seed_comparison(), "docx", author="Analyst", date="2025-05-01"))
    assert {(m.get(f"{W}author"), m.get(f"{W}date")) for m in dated.iter(f"{W}ins", f"{W}del")} == {
        ("Analyst", "2025-05-01T00:00:00Z")
    }
    with pytest.raises(OptionsError, match="not YYYY-MM-DD"):
        render_bytes(seed_comparison(), "docx", date="May 1")


def test_settings_track_revisions_and_the_package_is_complete() -> None:
    with zipfile.ZipFile(io.BytesIO(render_bytes(seed_comparison(), "docx"))) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} <= set(names)
        assert etree.fromstring(archive.read("word/settings.xml")).find(f"{W}trackRevisions") is not None
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"dcterms:created" not in archive.read("docProps/core.xml")


def test_accept_all_gives_the_right_units_and_reject_all_the_left() -> None:
    comparison = seed_comparison()
    data = render_bytes(comparison, "docx")
    assert resolve(data, accept=True) == paragraphs(comparison.right)
    assert resolve(data, accept=False) == paragraphs(comparison.left)
    # The news wrapper is tracked too: its edits give each side's envelope.
    wrapper = [line for line in "".join(e.text for e in comparison.envelope if e.op != "delete").split("\n") if line]
    assert resolve(data, accept=True, style="WrapperText") == [xml_safe(line) for line in wrapper]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10_000))
def test_accept_and_reject_rebuild_both_sides_of_edited_seeds(seed: int) -> None:
    left = docdiff.load(SEED)
    right = edit(left, seed).right
    comparison = docdiff.compare(left, right, docdiff.Options(phrases=False))
    data = render_bytes(comparison, "docx")
    assert resolve(data, accept=True) == paragraphs(comparison.right)
    assert resolve(data, accept=False) == paragraphs(comparison.left)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statement_texts(), statement_texts())
def test_accept_and_reject_rebuild_both_sides_of_generated_statements(a: str, b: str) -> None:
    comparison = docdiff.compare(parse_text(a), parse_text(b), docdiff.Options(phrases=False))
    data = render_bytes(comparison, "docx")
    assert resolve(data, accept=True) == paragraphs(comparison.right)
    assert resolve(data, accept=False) == paragraphs(comparison.left)


def test_hostile_text_is_escaped_visibly_and_the_xml_stays_valid() -> None:
    hostile = "1. Стороны \x00\x01\x1b[31m <w:t>&amp; \ufffe\tконец.\n"
    comparison = docdiff.compare(parse_text("1. Стороны конец.\n"), parse_text(hostile))
    data = render_bytes(comparison, "docx")
    docx.Document(io.BytesIO(data))  # well-formed to a real reader
    accepted = resolve(data, accept=True)
    assert accepted == paragraphs(comparison.right)
    assert "\\x00\\x01\\x1b[31m <w:t>&amp; \\ufffe\tконец." in accepted[0]
    assert xml_safe("a\x0bb\ud800\tc\n") == "a\\x0bb\\ud800\tc\n"


def test_two_renders_are_byte_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    first = render_bytes(seed_comparison(), "docx")
    assert render_bytes(seed_comparison(), "docx") == first
    out = tmp_path / "other.docx"
    script = (
        "import sys, docdiff; from docdiff.render import render_bytes;"
        f"c = docdiff.compare(docdiff.load({str(SEED)!r}), docdiff.load({str(REVISED)!r}));"
        "open(sys.argv[1], 'wb').write(render_bytes(c, 'docx'))"
    )
    subprocess.run([sys.executable, "-c", script, str(out)], check=True, env={**os.environ, "PYTHONHASHSEED": "7"})
    assert out.read_bytes() == first


def test_cli_writes_docx_with_author_and_date(tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    code = main(["compare", str(SEED), str(REVISED), "--format", "docx", "-o", str(out), "--author", "Desk",
                 "--date", "2025-05-01T09:30:00Z"])
    assert code == 0
    marks = list(body(out.read_bytes()).iter(f"{W}ins"))
    assert marks and marks[0].get(f"{W}author") == "Desk" and marks[0].get(f"{W}date") == "2025-05-01T09:30:00Z"


def test_cli_refuses_docx_on_a_terminal_and_author_with_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["compare", str(SEED), str(REVISED), "--format", "docx"]) == 2
    assert "--format docx needs -o FILE" in capsys.readouterr().err
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert main(["compare", str(SEED), str(REVISED), "--format", "json", "--author", "X"]) == 2
    assert "got option(s) author" in capsys.readouterr().err


def test_libreoffice_opens_the_redline(tmp_path: Path) -> None:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("soffice or pdftotext not on PATH (apt-get install libreoffice-writer-nogui poppler-utils)")
    redline = tmp_path / "redline.docx"
    redline.write_bytes(render_bytes(seed_comparison(), "docx"))
    profile = (tmp_path / "profile").as_uri()  # a private profile: parallel runs do not share a lock
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path), str(redline)],
        check=True, capture_output=True, timeout=180,
    )
    text = subprocess.run(
        [pdftotext, str(tmp_path / "redline.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    assert "docdiff comparison" in flat and "Summary" in flat and "Units" in flat
    # The inserted clause 6 and the deleted clause 8, as LibreOffice shows tracked changes (both visible).
    right = docdiff.load(REVISED).unit("6").text
    left = docdiff.load(SEED).unit("8").text
    assert " ".join(right.split()[:6]) in flat and " ".join(left.split()[:6]) in flat
