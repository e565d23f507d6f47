"""Hostile and broken input: every case ends in a clear error or a correct parse, fast and small.

Each case runs under :func:`bounded`, which measures wall time with
``time.perf_counter`` and Python-level memory with ``tracemalloc`` (libxml2's
own allocations are bounded by its limits: ``huge_tree`` stays off).
"""

from __future__ import annotations

import resource
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docdiff import load, loads
from docdiff.errors import DocdiffError, InputError, ParseError, UnsafeInputError
from docdiff.model import Document
from docdiff.options import DEFAULT_MAX_BYTES

SEED = Path(__file__).resolve().parents[2] / "seeds" / "az-cn-2025-04.ru.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
AKN = 'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'
SECRET = "SECRET-7f3a9c-DO-NOT-LEAK"


@pytest.fixture(autouse=True, scope="module")
def _warm_up() -> None:
    """Load the lexicons once, so timings measure parsing rather than first imports."""
    loads("1. The Sides agree on trade.\n\n2. The Sides will meet.\n")
    loads("<p>1. The Sides agree on trade.</p><p>2. The Sides will meet.</p><p>3. Done.</p>")


def bounded(
    action: Callable[[], Any], *, seconds: float = 1.0, megabytes: float = 64, trace: bool = True
) -> Any:
    """Run ``action``; fail when it takes longer than ``seconds`` or allocates more than ``megabytes``.

    Memory is traced with tracemalloc (which slows Python code down many
    times) unless ``trace`` is off; then the process's peak resident size
    must not grow by more than ``megabytes``.  Returns the action's result,
    or the :class:`DocdiffError` it raised.
    """
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    try:
        try:
            result: Any = action()
        except DocdiffError as exc:
            result = exc
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] if trace else 0
    finally:
        if trace:
            tracemalloc.stop()
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) * 1024  # KiB on Linux
    assert elapsed < seconds, f"took {elapsed:.2f} s"
    assert peak < megabytes * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
    assert grown < megabytes * 1024 * 1024, f"resident size grew {grown / 1e6:.1f} MB"
    return result


def assert_clear(error: object, kind: type[Exception], *words: str) -> str:
    assert isinstance(error, kind), f"expected {kind.__name__}, got {error!r}"
    message = str(error)
    assert "\n" not in message and "Traceback" not in message
    for word in words:
        assert word in message, (word, message)
    return message


# --- entity attacks -----------------------------------------------------------------------------


def billion_laughs() -> str:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", '<!ENTITY lol "lol">']
    for i in range(1, 10):
        previous = "lol" if i == 1 else f"lol{i - 1}"
        lines.append(f'<!ENTITY lol{i} "{("&" + previous + ";") * 10}">')
    lines.append("]>")
    lines.append(f"<akomaNtoso {AKN}><doc>&lol9;</doc></akomaNtoso>")
    return "\n".join(lines)


def test_billion_laughs() -> None:
    error = bounded(lambda: loads(billion_laughs(), path="lol.xml"))
    assert_clear(error, UnsafeInputError, "lol.xml", "DOCTYPE")


def test_quadratic_blowup() -> None:
    big = "A" * 100_000
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE kaboom [<!ENTITY a "{big}">]>'
        f"<akomaNtoso {AKN}><doc>{'&a;' * 10_000}</doc></akomaNtoso>"
    )
    error = bounded(lambda: loads(xml, path="kaboom.xml"))
    assert_clear(error, UnsafeInputError, "kaboom.xml")


@pytest.mark.parametrize("wrapper", ["xml", "html"])
def test_xxe_local_file(tmp_path: Path, wrapper: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    if wrapper == "xml":
        doc = (
            f'<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            f"<akomaNtoso {AKN}><doc><mainBody><p>1. The Sides &xxe;</p></mainBody></doc></akomaNtoso>"
        )
    else:
        doc = (
            f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            "<html><body><p>1. The Sides agree &xxe; on trade and energy.</p></body></html>"
        )
    path = tmp_path / f"xxe.{wrapper}"
    path.write_text(doc, encoding="utf-8")
    error = bounded(lambda: load(path))
    message = assert_clear(error, UnsafeInputError, str(path))
    assert SECRET not in message


def test_parameter_entity_xxe(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    doc = (
        f'<!DOCTYPE a [<!ENTITY % file SYSTEM "file://{secret}"> %file;]>'
        f"<akomaNtoso {AKN}><doc>x</doc></akomaNtoso>"
    )
    error = bounded(lambda: loads(doc))
    assert SECRET not in assert_clear(error, UnsafeInputError)


def test_external_dtd_is_never_loaded(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY secret "{SECRET}">', encoding="utf-8")
    doc = (
        f'<!DOCTYPE akomaNtoso SYSTEM "file://{dtd}">'
        f"<akomaNtoso {AKN}><doc name='x'><mainBody><p>1. The Sides &secret;.</p></mainBody></doc>"
        "</akomaNtoso>"
    )
    error = bounded(lambda: loads(doc, path="ext.xml"))
    message = assert_clear(error, UnsafeInputError, "ext.xml", "&secret;", "external DTD")
    assert SECRET not in message


def test_external_dtd_over_http_parses_offline() -> None:
    # A routable-nowhere address: a fetch would hang for seconds; the parser must not try.
    doc = (
        '<!DOCTYPE akomaNtoso SYSTEM "http://10.255.255.1/evil.dtd">'
        f"<akomaNtoso {AKN}><doc name='x'><mainBody>"
        "<paragraph eId='para_1'><num>1.</num><content><p>The Sides agreed to expand trade.</p></content>"
        "</paragraph><paragraph eId='para_2'><num>2.</num><content><p>The Sides will meet every year.</p>"
        "</content></paragraph></mainBody></doc></akomaNtoso>"
    )
    document = bounded(lambda: loads(doc))
    assert isinstance(document, Document)
    assert [u.label for u in document.clauses] == ["1", "2"]


def test_xhtml_public_doctype_is_fine() -> None:
    page = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'
        "<html><body><p>1. The Sides agreed to expand trade.</p><p>2. The Sides will meet.</p></body></html>"
    )
    document = bounded(lambda: loads(page))
    assert isinstance(document, Document)


# --- scripts and broken markup ------------------------------------------------------------------


def test_script_and_event_handlers_never_surface() -> None:
    page = (
        "<html><head><script>alert(1)</script></head><body>"
        '<img src="x" onerror="alert(2)">'
        "<p>1. The Sides agreed to expand trade.<script>alert(3)</script></p>"
        '<p onclick="alert(4)">2. The Sides will meet every year.</p>'
        "<style>p { color: red }</style><iframe src='javascript:alert(5)'>alert(6)</iframe>"
        "</body></html>"
    )
    document = bounded(lambda: loads(page))
    assert isinstance(document, Document)
    assert "alert" not in document.source and "color" not in document.source
    assert [u.label for u in document.clauses] == ["1", "2"]


@pytest.mark.parametrize("kind", ["xml", "html"])
def test_deep_nesting(kind: str) -> None:
    depth = 10_000
    if kind == "xml":
        doc = f"<akomaNtoso {AKN}>" + "<div>" * depth + "x" + "</div>" * depth + "</akomaNtoso>"
    else:
        doc = "<html><body>" + "<div>" * depth + "1. The Sides agree." + "</div>" * depth + "</body></html>"
    error = bounded(lambda: loads(doc, path=f"deep.{kind}"))
    assert_clear(error, UnsafeInputError, f"deep.{kind}", "deep")


def test_unclosed_html_tags_parse() -> None:
    page = (
        "<html><body><div><p>1. The Sides agreed to expand trade."
        "<p>2. The Sides will meet every year.<div><b>"
    )
    document = bounded(lambda: loads(page))
    assert isinstance(document, Document)
    assert [u.label for u in document.clauses] == ["1", "2"]


def test_unclosed_xml_tags_fail_clearly() -> None:
    error = bounded(lambda: loads(f"<akomaNtoso {AKN}><doc><p>1. text", path="open.xml"))
    assert_clear(error, ParseError, "open.xml", "not well-formed")


# --- files that are not statements --------------------------------------------------------------


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00" + bytes(
        64
    )


def _zip(tmp_path: Path) -> bytes:
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("statement.txt", SEED_TEXT)
    return archive.read_bytes()


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("png", "PNG"),
        ("zip", "ZIP"),
        ("empty", "empty"),
        ("blank", "whitespace"),
        ("undecodable", "encoding"),
    ],
)
def test_non_statement_files(tmp_path: Path, name: str, words: str) -> None:
    data = {
        "png": _png(),
        "zip": _zip(tmp_path),
        "empty": b"",
        "blank": b" \r\n\t\n  \n",
        "undecodable": bytes(range(0x80, 0x100)) * 8,
    }[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    error = bounded(lambda: load(path))
    assert_clear(error, InputError, str(path), words)


def test_directory_and_missing(tmp_path: Path) -> None:
    assert_clear(bounded(lambda: load(tmp_path)), InputError, "directory")
    assert_clear(bounded(lambda: load(tmp_path / "missing.txt")), InputError, "no such file")


def _realistic(size: int) -> bytes:
    """A statement whose clauses repeat until the text reaches ``size`` bytes."""
    head, body = SEED_TEXT.split("\n\n1. ", 1)
    body = "1. " + body
    chunk = ("\n\n" + body).encode("utf-8")
    return head.encode("utf-8") + chunk * (size // len(chunk) + 1)


def test_50_mb_file_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(_realistic(50 * 1024 * 1024))
    error = bounded(lambda: load(path), seconds=0.5, megabytes=1)
    message = assert_clear(error, InputError, str(path), "20.0 MB limit", "--max-size", "max_bytes")
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024, message


def test_2_mb_file_parses_with_raised_limit(tmp_path: Path) -> None:
    # Parsing 50 MB took over 3 minutes (2 MB: ~2 s), so the parse is tested at 2 MB.
    path = tmp_path / "big.txt"
    path.write_bytes(_realistic(2 * 1024 * 1024))
    refused = bounded(lambda: load(path, max_bytes=1024 * 1024), megabytes=1)
    assert_clear(refused, InputError, "1.0 MB limit")
    document = bounded(lambda: load(path, max_bytes=4 * 1024 * 1024), seconds=20, megabytes=1024, trace=False)
    assert isinstance(document, Document)
    assert len(document.clauses) > 1000


# --- encodings and newlines of a real statement ---------------------------------------------------


def _reference() -> Document:
    return loads(SEED_TEXT)


def _same_model(a: Document, b: Document) -> None:
    assert a.metadata == b.metadata
    assert [(u.label, u.text) for u in a.units] == [(u.label, u.text) for u in b.units]


@pytest.mark.parametrize("codec", ["cp1251", "koi8-r", "utf-16", "utf-16-le", "utf-8-sig", "utf-32"])
def test_encodings_of_a_russian_statement(tmp_path: Path, codec: str) -> None:
    path = tmp_path / f"statement.{codec}.txt"
    path.write_bytes(SEED_TEXT.encode(codec))
    document = bounded(lambda: load(path), seconds=5, megabytes=256)
    assert isinstance(document, Document)
    assert document.source == SEED_TEXT
    _same_model(document, _reference())


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_newline_styles(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "statement.txt"
    path.write_bytes(SEED_TEXT.replace("\n", newline).encode("utf-8"))
    document = bounded(lambda: load(path), seconds=5, megabytes=256)
    assert isinstance(document, Document)
    assert document.source == SEED_TEXT.replace("\n", newline)
    _same_model(document, _reference())


def test_a_huge_limit_reads_only_what_the_file_holds(tmp_path: Path) -> None:
    # read(max_bytes + 1) allocated the limit: a 100 GB limit ran out of memory on 3 KB.
    from docdiff.read import read_file

    path = tmp_path / "small.txt"
    path.write_text("Совместное заявление.\n\n1. Стороны договорились.\n" * 50, encoding="utf-8")
    source = bounded(lambda: read_file(path, max_bytes=100 * 1024**3), megabytes=2)
    assert source.text == path.read_text(encoding="utf-8")
