"""DOCX input (docdiff.read.docx, numbering, zipsafe): documents zipped from XML written here.

Each fixture parses to the same clause model as its text version: Word's
automatic numbering printed as labels, tables flattened, footnotes kept
apart as notes, tracked changes accepted with a warning.  Hostile packages
(zip bombs, member floods, XXE, entity expansion, external relationships,
truncation, random damage) end in a clear DocdiffError, fast.
"""

from __future__ import annotations

import io
import json
import socket
import time
import zipfile

import docx as python_docx
import jsonschema
import pytest
from docxmake import delete, docx, footnote_ref, ins, p, table
from helpers import check_spans
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docdiff
import docdiff.read.zipsafe as zipsafe
from docdiff.errors import DocdiffError, InputError, UnsafeInputError
from docdiff.model import Note
from docdiff.pipeline import parse
from docdiff.read import read_bytes
from docdiff.read.numbering import format_number
from docdiff.render.document_json import document_to_json, outline
from docdiff.render.jsonout import schema

STATEMENT = [
    p("Joint Statement of the Republic of Alpha and the Kingdom of Beta"),
    p("Brussels, 10 June 2025"),
    p("The two sides held talks in a warm and friendly atmosphere and agreed as follows:"),
    p("The sides will deepen political dialogue at all levels.", footnote_ref(1), num=1),
    p("The sides will ", ins("strongly "), delete("weakly "), "support trade and investment.", num=1),
    p("energy;", num=1, level=1),
    p("transport.", num=1, level=1),
    p("The sides will cooperate in culture and education.", footnote_ref(2), num=1),
    table([["Done at Brussels on 10 June 2025 in two copies."], ["For the Republic of Alpha", "For the Kingdom of Beta"]]),
]
TEXT = """Joint Statement of the Republic of Alpha and the Kingdom of Beta

Brussels, 10 June 2025

The two sides held talks in a warm and friendly atmosphere and agreed as follows:

1. The sides will deepen political dialogue at all levels.

2. The sides will strongly support trade and investment.

(a) energy;

(b) transport.

3. The sides will cooperate in culture and education.

Done at Brussels on 10 June 2025 in two copies.

For the Republic of Alpha

For the Kingdom of Beta"""
NOTES = ["The Treaty of Friendship of 1999.", "Including the exchange programme of 2024."]


def load_docx(data: bytes) -> docdiff.Document:
    return parse(read_bytes(data, path="fixture.docx"))


def same_model(doc: docdiff.Document, text: str) -> None:
    expected = docdiff.loads(text)
    assert [u.label for u in doc.units] == [u.label for u in expected.units]
    for got, want in zip(doc.units, expected.units, strict=True):
        assert " ".join(got.text.split()) == " ".join(want.text.split()), got.label
    assert doc.metadata.date == expected.metadata.date and doc.metadata.place == expected.metadata.place


def test_a_word_statement_parses_like_its_text() -> None:
    doc = load_docx(docx(STATEMENT, notes=NOTES))
    assert doc.format == "docx"
    assert doc.source == TEXT
    same_model(doc, TEXT)
    check_spans(doc)
    assert [u.label for u in doc.clauses] == ["1", "2", "3"]


def test_footnotes_are_notes_not_clause_text() -> None:
    doc = load_docx(docx(STATEMENT, notes=NOTES))
    assert doc.notes == (Note("1", NOTES[0]), Note("2", NOTES[1]))
    assert "Treaty of Friendship" not in doc.source
    assert doc.unit("1").text == "The sides will deepen political dialogue at all levels."


def test_tracked_changes_are_accepted_and_said() -> None:
    doc = load_docx(docx(STATEMENT, notes=NOTES))
    assert "strongly support" in doc.unit("2").text and "weakly" not in doc.source
    assert len(doc.warnings) == 1 and "2 tracked change(s) accepted" in doc.warnings[0]
    assert doc.warnings[0].startswith("fixture.docx: ")
    data = json.loads(document_to_json(doc))
    jsonschema.Draft202012Validator(schema("document")).validate(data)
    assert data["format"] == "docx" and data["warnings"] == list(doc.warnings)
    assert data["notes"] == [{"label": "1", "text": NOTES[0]}, {"label": "2", "text": NOTES[1]}]
    assert "warning:" in outline(doc)


def test_a_document_without_changes_has_no_warning() -> None:
    doc = load_docx(docx([p("1. The sides agreed."), p("2. The sides met.")]))
    assert doc.warnings == () and doc.notes == ()
    assert "warning" not in outline(doc)


@pytest.mark.parametrize(
    ("num", "labels", "text_labels"),
    [
        (2, ["I", "II", "III"], ["I.", "II.", "III."]),
        (3, ["一", "二", "三"], ["一、", "二、", "三、"]),
    ],
)
def test_other_numbering_formats(num: int, labels: list[str], text_labels: list[str]) -> None:
    clauses = ["The sides agreed to meet regularly.", "The sides agreed to talk.", "The sides agreed to write."]
    if num == 3:
        clauses = ["双方同意定期会晤。", "双方同意加强对话。", "双方同意扩大合作。"]
    doc = load_docx(docx([p(c, num=num) for c in clauses]))
    assert [u.label for u in doc.clauses] == labels
    spacer = "" if num == 3 else " "
    same_model(doc, "\n\n".join(f"{label}{spacer}{c}" for label, c in zip(text_labels, clauses, strict=True)))


def test_numbering_restarts_and_continues() -> None:
    # numId 4 and 5 share a definition; 5 restarts at 1, so the second list counts afresh.
    body = [p("First.", num=4), p("Second.", num=4), p("Section B"), p("Again one.", num=5), p("Again two.", num=5)]
    assert load_docx(docx(body)).source == "1. First.\n\n2. Second.\n\nSection B\n\n1. Again one.\n\n2. Again two."
    # An empty numbered paragraph still takes its number, as Word prints the next one.
    body = [p("One.", num=4), p(num=4), p("Three.", num=4)]
    assert load_docx(docx(body)).source == "1. One.\n\n3. Three."


@pytest.mark.parametrize(
    ("n", "fmt", "printed"),
    [
        (4, "decimal", "4"),
        (3, "lowerLetter", "c"),
        (28, "lowerLetter", "bb"),
        (14, "upperRoman", "XIV"),
        (9, "lowerRoman", "ix"),
        (10, "chineseCounting", "十"),
        (21, "chineseCounting", "二十一"),
        (3, "ideographTraditional", "丙"),
        (2, "russianLower", "б"),
        (7, "decimalZero", "07"),
        (3, "decimalEnclosedCircle", "③"),
        (5, "somethingNew", "5"),
    ],
)
def test_format_number(n: int, fmt: str, printed: str) -> None:
    assert format_number(n, fmt) == printed


def test_python_docx_list_style_numbering() -> None:
    # python-docx numbers through the paragraph style (List Number), not a direct numPr.
    document = python_docx.Document()
    document.add_paragraph("Joint Statement")
    document.add_paragraph("The sides agreed to meet.", style="List Number")
    document.add_paragraph("The sides agreed to talk.", style="List Number")
    out = io.BytesIO()
    document.save(out)
    doc = load_docx(out.getvalue())
    assert doc.source == "Joint Statement\n\n1. The sides agreed to meet.\n\n2. The sides agreed to talk."
    assert [u.label for u in doc.clauses] == ["1", "2"]


def test_load_reads_a_docx_file(tmp_path) -> None:
    path = tmp_path / "statement.dat"
    path.write_bytes(docx(STATEMENT, notes=NOTES))
    assert docdiff.load(path).format == "docx"


# --- hostile packages -----------------------------------------------------------------------


def refused(data: bytes, kind: type[DocdiffError], *words: str) -> str:
    started = time.perf_counter()
    with pytest.raises(kind) as info:
        read_bytes(data, path="bad.docx")
    assert time.perf_counter() - started < 10
    message = str(info.value)
    assert message.startswith("bad.docx: ") and "\n" not in message
    for word in words:
        assert word in message
    return message


def test_a_zip_bomb_is_refused() -> None:
    bomb = docx(STATEMENT, extra={"word/document.xml": b"<w:document " + b" " * (20 << 20) + b"/>"})
    assert len(bomb) < 100_000
    refused(bomb, UnsafeInputError, "word/document.xml", "zip bomb")


def test_too_many_members(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipsafe, "MAX_MEMBERS", 10)
    refused(docx(STATEMENT, extra={f"junk/{n}.xml": b"<a/>" for n in range(20)}), UnsafeInputError, "members")


def test_total_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipsafe, "MAX_TOTAL_BYTES", 2000)
    refused(docx(STATEMENT, notes=NOTES), UnsafeInputError, "expands past")


XXE = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
    b"<w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
    b"<w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["xxe", "entity-expansion"])
def test_doctype_and_entities_are_refused(xml: bytes) -> None:
    refused(docx([], document_xml=xml), UnsafeInputError, "DOCTYPE")


def test_xxe_in_footnotes_is_refused_too() -> None:
    refused(docx(STATEMENT, extra={"word/footnotes.xml": XXE}), UnsafeInputError, "footnotes.xml")


def test_external_relationships_are_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("docdiff opened a connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    rels = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'attachedTemplate" Target="http://127.0.0.1:9/template.dotm" TargetMode="External"/>'
        b'<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        b'Target="file:///etc/passwd" TargetMode="External"/></Relationships>'
    )
    doc = load_docx(docx(STATEMENT, notes=NOTES, extra={"word/_rels/document.xml.rels": rels}))
    assert doc.source == TEXT


@pytest.mark.parametrize("cut", [0.2, 0.5, 0.8, 0.99])
def test_a_truncated_docx_is_refused(cut: float) -> None:
    data = docx(STATEMENT, notes=NOTES)
    refused(data[: int(len(data) * cut)], InputError)


def test_an_unsupported_zip_version_is_refused() -> None:
    # Found by the damage fuzzer: "version needed to extract" 6.4 made zipfile raise NotImplementedError.
    data = bytearray(docx(STATEMENT))
    at = data.index(b"PK\x01\x02")
    data[at + 6] = 64
    refused(bytes(data), InputError, "ZIP")


def test_a_zip_that_is_no_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("content.xml", "<office:document-content/>")
    refused(out.getvalue(), InputError, "OpenDocument", "not a Word document")


def test_malformed_xml_is_refused() -> None:
    refused(docx([], document_xml=b"<w:document><w:body><w:p>"), InputError, "not well-formed")


SMALL = docx([p("The sides agreed to meet.", num=1), p("The sides agreed to talk.", num=1)], notes=["A note."])


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SMALL) - 1), st.integers(0, 255)), min_size=1, max_size=6))
def test_damaged_docx_gives_only_docdiff_errors(edits: list[tuple[int, int]]) -> None:
    data = bytearray(SMALL)
    for at, value in edits:
        data[at] = value
    try:
        doc = parse(read_bytes(bytes(data), path="fuzz.docx"))
    except DocdiffError:
        return
    check_spans(doc)


@pytest.mark.parametrize("depth", [200, 5000])
def test_deeply_nested_xml_is_read_or_refused(depth: int) -> None:
    # libxml2 keeps its depth limit (huge_tree off); below it, the walks stay within Python's stack.
    inner = "<w:sdt><w:sdtContent>" * depth + p("1. The sides agreed.") + "</w:sdtContent></w:sdt>" * depth
    data = docx([inner])
    try:
        doc = load_docx(data)
    except DocdiffError as error:
        assert str(error).startswith("fixture.docx: ")
    else:
        assert doc.source == "1. The sides agreed."
