"""Binary formats in the reader registry: told by their first bytes, before any decoding."""

from __future__ import annotations

from pathlib import Path

import pytest

import docdiff
from docdiff.read import BinaryFormat, Source, binary_reader_for, read_bytes, register_reader, unregister_reader


def _read_toy(data: bytes, path: str | None) -> Source:
    return Source(text=data.removeprefix(b"TOYB").decode("utf-16-le"), format="toyb", path=path)


@pytest.fixture
def toy() -> object:
    register_reader(BinaryFormat("toyb", lambda data: data.startswith(b"TOYB"), _read_toy))
    yield
    unregister_reader("toyb")


def test_a_registered_binary_format_loads(toy: object, tmp_path: Path) -> None:
    data = b"TOYB" + "1. The sides agreed to meet.\n\n2. The sides agreed to talk.".encode("utf-16-le")
    assert binary_reader_for(data) is not None and binary_reader_for(data).name == "toyb"  # type: ignore[union-attr]
    path = tmp_path / "statement.toy"
    path.write_bytes(data)
    doc = docdiff.load(path)
    assert doc.format == "toyb" and [u.label for u in doc.clauses] == ["1", "2"]
    assert read_bytes(data, path="x").path == "x"


def test_unregistered_it_is_binary_again(tmp_path: Path) -> None:
    data = b"TOYB\x00\x01\x02\x03" * 10
    assert binary_reader_for(data) is None


@pytest.mark.parametrize(("data", "name"), [(b"%PDF-1.7\n", "pdf"), (b"PK\x03\x04rest", "docx"), (b"text", None)])
def test_built_in_binary_sniffing(data: bytes, name: str | None) -> None:
    found = binary_reader_for(data)
    assert (found.name if found else None) == name
