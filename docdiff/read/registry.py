"""The input formats: one :class:`Reader` per format, tried in order on the decoded text.

A reader is a format name, a content test and a function from the text to
a :class:`~docdiff.read.source.Source`.  The built-in readers are tried in
this order: Akoma Ntoso, HTML, and plain text, which takes whatever the
others leave.  A new format is one module with its reader plus one call::

    register_reader(Format("toy", sniff=looks_like_toy, read=read_toy))

Registered readers are tried before the built-in ones (a format is told by
a specific mark, which must win over "any markup is HTML"), in the order
they were registered.  Format is told by content, never by file name.

Binary formats (PDF, DOCX) are read from the bytes, before any decoding:
a :class:`BinaryFormat` has a test on the first bytes and a reader from
bytes to :class:`Source`; :func:`binary_reader_for` finds one, and
:func:`register_reader` takes both kinds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from attrs import frozen

from .sniff import looks_like_akn, looks_like_html
from .source import Source

__all__ = [
    "BinaryFormat",
    "Format",
    "Reader",
    "binary_reader_for",
    "reader_for",
    "readers",
    "register_reader",
    "sniff",
    "unregister_reader",
]


class Reader(Protocol):
    """An input format: its ``name``, a content test and a reader to :class:`Source`."""

    @property
    def name(self) -> str:
        """The format's name, recorded as ``Source.format`` and ``Document.format``."""
        ...

    def sniff(self, text: str) -> bool:
        """Whether the decoded ``text`` is in this format."""
        ...

    def read(self, text: str, path: str | None) -> Source:
        """Read ``text`` (named ``path`` in errors) into a :class:`Source`; raise a ``DocdiffError``."""
        ...


@frozen
class Format:
    """A :class:`Reader` made of two functions: ``sniff(text)`` and ``read(text, path)``."""

    name: str
    sniff: Callable[[str], bool]
    read: Callable[[str, str | None], Source]


@frozen
class BinaryFormat:
    """A binary input format: ``sniff(data)`` on the raw bytes and ``read(data, path)`` to a Source."""

    name: str
    sniff: Callable[[bytes], bool]
    read: Callable[[bytes, str | None], Source]


def _looks_like_pdf(data: bytes) -> bool:
    # The header may follow a little junk (the PDF reference allows 1024 bytes).
    return b"%PDF-" in data[:1024]


def _looks_like_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def _read_pdf(data: bytes, path: str | None) -> Source:
    # pdfplumber (an optional extra) is imported when a PDF is read, not before.
    from .pdf import read_pdf

    return read_pdf(data, path=path)


def _read_docx(data: bytes, path: str | None) -> Source:
    from .docx import read_docx

    return read_docx(data, path=path)


def _read_akn(text: str, path: str | None) -> Source:
    # lxml is imported when markup is read, not when docdiff is.
    from .akn import read_akn

    return read_akn(text, path=path)


def _read_html(text: str, path: str | None) -> Source:
    from .html import read_html

    return read_html(text, path=path)


def _always(text: str) -> bool:
    return True


def _read_text(text: str, path: str | None) -> Source:
    return Source(text=text, format="text", path=path)


_BUILT_IN: tuple[Reader, ...] = (
    Format("akn", looks_like_akn, _read_akn),
    Format("html", looks_like_html, _read_html),
    Format("text", _always, _read_text),
)
_registered: list[Reader] = []
_BUILT_IN_BINARY: tuple[BinaryFormat, ...] = (
    BinaryFormat("pdf", _looks_like_pdf, _read_pdf),
    BinaryFormat("docx", _looks_like_zip, _read_docx),
)
_registered_binary: list[BinaryFormat] = []


def binary_reader_for(data: bytes) -> BinaryFormat | None:
    """The binary format whose test accepts ``data`` (registered ones first), or ``None`` for text."""
    names = {r.name for r in _registered_binary}
    for reader in (*_registered_binary, *(r for r in _BUILT_IN_BINARY if r.name not in names)):
        if reader.sniff(data):
            return reader
    return None


def readers() -> tuple[Reader, ...]:
    """Every reader, in the order they are tried: the registered ones, then the built-in ones."""
    names = {r.name for r in _registered}
    return (*_registered, *(r for r in _BUILT_IN if r.name not in names))


def register_reader(reader: Reader | BinaryFormat) -> None:
    """Add an input format, tried before the built-in ones; a reader of the same name is replaced.

    A :class:`BinaryFormat` joins the readers tried on the raw bytes.
    Worker processes of a corpus build see the readers registered when
    their module is imported, so register at the import of your module.
    """
    if isinstance(reader, BinaryFormat):
        _registered_binary[:] = [r for r in _registered_binary if r.name != reader.name] + [reader]
        return
    for n, known in enumerate(_registered):
        if known.name == reader.name:
            _registered[n] = reader
            return
    _registered.append(reader)


def unregister_reader(name: str) -> None:
    """Remove the reader registered as ``name`` (a replaced built-in one comes back)."""
    _registered[:] = [r for r in _registered if r.name != name]
    _registered_binary[:] = [r for r in _registered_binary if r.name != name]


def reader_for(text: str) -> Reader:
    """The first reader whose test accepts ``text`` (plain text accepts anything)."""
    for reader in readers():
        if reader.sniff(text):
            return reader
    raise AssertionError("the plain text reader accepts any text")  # pragma: no cover


def sniff(text: str) -> str:
    """The format of a decoded document: ``"akn"``, ``"html"``, ``"text"`` or a registered name."""
    return reader_for(text).name
