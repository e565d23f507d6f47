"""The reading edge: files and strings in, :class:`~docdiff.read.source.Source` out.

This package is the only place that touches files and encodings.
:func:`read_file` checks the path and its size before reading a byte,
decodes (:mod:`.encoding`) and hands the text to :func:`read_text`, which
tells the format by content (:mod:`.registry`, with the tests of
:mod:`.sniff`) and runs the matching reader: plain text is taken as it is,
HTML goes through :mod:`.html` (main-content extraction), Akoma Ntoso
through :mod:`.akn`.  PDF and DOCX are told by their first bytes and read
before any decoding (:mod:`.pdf`, :mod:`.docx`; :func:`read_bytes`).
Readers never segment: :mod:`docdiff.pipeline` turns
a source into a :class:`~docdiff.model.Document`.
"""

from __future__ import annotations

import os
import stat

import attrs

from ..errors import InputError, ParseError, UnsafeInputError
from .collect import display_path
from .encoding import decode, decode_found
from .registry import (
    BinaryFormat,
    Format,
    Reader,
    binary_reader_for,
    reader_for,
    readers,
    register_reader,
    sniff,
    unregister_reader,
)
from .sniff import unsafe_doctype, visible_characters
from .source import Source

__all__ = [
    "BinaryFormat",
    "Format",
    "Reader",
    "Source",
    "decode",
    "decode_found",
    "display_path",
    "read_bytes",
    "read_file",
    "read_text",
    "reader_for",
    "readers",
    "register_reader",
    "sniff",
    "unregister_reader",
]


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"


def _read_bytes(real: str, max_bytes: int, path: str) -> bytes:
    # ``real`` opens the file; ``path`` (its display form) names it in messages.
    try:
        info = os.stat(real)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror}); check the path") from None
    except ValueError:
        # os.stat refuses a path with a NUL character with a bare ValueError.
        raise InputError(f"{path!r}: the path contains a NUL character; check the path") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory; give the path of a statement file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: is not a regular file; give the path of a statement file")
    if info.st_size > max_bytes:
        raise InputError(
            f"{path}: the file is {_size_text(info.st_size)}, over the {_size_text(max_bytes)} limit; "
            "if it really is one statement, raise the limit with --max-size (or max_bytes=...)"
        )
    try:
        with open(real, "rb") as handle:
            # Read one byte past what stat() saw (the file may have grown) but never
            # past the limit: read(max_bytes + 1) would allocate the whole limit.
            data = handle.read(min(info.st_size, max_bytes) + 1)
            while len(data) <= max_bytes:
                more = handle.read(min(1 << 20, max_bytes + 1 - len(data)))
                if not more:
                    break
                data += more
    except PermissionError:
        raise InputError(f"{path}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror}); check the path") from None
    if len(data) > max_bytes:
        raise InputError(
            f"{path}: the file is over the {_size_text(max_bytes)} limit; "
            "raise the limit with --max-size (or max_bytes=...)"
        )
    return data


def read_file(path: str | os.PathLike[str], *, max_bytes: int) -> Source:
    """Read the statement file at ``path`` into a :class:`Source` (see :func:`read_text`).

    The size is checked with ``os.stat`` before anything is read; files
    over ``max_bytes`` are refused with :class:`~docdiff.errors.InputError`,
    as are missing paths, directories, empty, binary and undecodable files.
    ``Source.path`` is ``path`` as given (a ``bytes`` path too), with any
    byte that is not UTF-8 shown as ``\\xNN`` (:func:`display_path`);
    ``Source.encoding`` is the codec the bytes were decoded with.
    """
    real = os.fsdecode(path)
    name = display_path(real)
    data = _read_bytes(real, max_bytes, name)
    if binary_reader_for(data) is not None:
        return read_bytes(data, path=name)
    text, encoding = decode_found(data, name=name)
    return attrs.evolve(read_text(text, path=name), encoding=encoding)


def read_bytes(data: bytes, *, path: str | None = None) -> Source:
    """Read a statement from its bytes: PDF and DOCX by their own readers, anything else decoded.

    ``path`` only names the document (in errors and ``Source.path``).
    """
    name = path if path is not None else "<bytes>"
    reader = binary_reader_for(data)
    if reader is None:
        text, encoding = decode_found(data, name=name)
        return attrs.evolve(read_text(text, path=path), encoding=encoding)
    source = reader.read(data, path)
    if source.path != path or source.format != reader.name:
        source = attrs.evolve(source, path=path, format=reader.name)
    return source


def read_text(text: str, *, path: str | None = None) -> Source:
    """Read an already decoded statement; the format is told by content.

    ``path`` only names the document (in errors and ``Source.path``).
    Markup that declares entities or a DOCTYPE internal subset is refused
    with :class:`~docdiff.errors.UnsafeInputError` before any parser sees
    it.
    """
    name = path if path is not None else "<text>"
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{name}: the text is empty; give the statement text")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        # A lone surrogate is no character: no renderer could write it out.
        raise InputError(
            f"{name}: character {exc.start} is a lone surrogate (U+{ord(text[exc.start]):04X}), not text; "
            "decode the bytes with a real codec (or docdiff.load the file)"
        ) from None
    reader = reader_for(text)
    if reader.name != "text":
        if "\x00" in text:
            # The HTML parser would turn it into U+FFFD without a word.
            raise ParseError(
                f"{name}: character {text.index(chr(0))} is a NUL, which markup cannot hold; "
                "remove it (the file may be damaged there)"
            )
        why = unsafe_doctype(text)
        if why is not None:
            raise UnsafeInputError(f"{name}: refused to parse this markup: {why}; remove the DOCTYPE")
    source = reader.read(text, path)
    if source.path != path or source.format != reader.name:
        source = attrs.evolve(source, path=path, format=reader.name)
    if reader.name == "html":
        source = _loss_warned(source, text, name)
    return source


#: Below this share of the visible characters of a page kept, the user is told.
KEPT_WARNING = 0.5


def _loss_warned(source: Source, markup: str, name: str) -> Source:
    """``source`` with a warning when its text is much shorter than what the page shows."""
    shown = visible_characters(markup)
    kept = sum(1 for c in source.text if not c.isspace())
    if not shown or kept >= KEPT_WARNING * shown:
        return source
    warning = (
        f"{name}: read as HTML, the statement text kept {kept} of the page's {shown} visible characters "
        f"({100 * kept // shown}%); the rest (menus, other articles, or text after a stray tag) was "
        "dropped: check that the statement is complete"
    )
    return attrs.evolve(source, warnings=(*source.warnings, warning))
