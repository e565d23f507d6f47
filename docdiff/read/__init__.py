"""The reading edge: files and strings in, :class:`~docdiff.model.Document` out.

This package is the only place that touches files and encodings.
:func:`load` checks the path and its size before reading a byte, decodes
(:mod:`.encoding`), tells the format by content (:mod:`.sniff`) and hands
the text to the matching reader: plain text goes straight to the segmenter,
HTML through :mod:`.html` (main-content extraction), Akoma Ntoso through
:mod:`.akn`.
"""

from __future__ import annotations

import os
import stat

import attrs

from ..errors import InputError, UnsafeInputError
from ..model import Document
from ..options import DEFAULT_MAX_BYTES
from .encoding import decode
from .sniff import sniff, unsafe_doctype

__all__ = ["DEFAULT_MAX_BYTES", "decode", "load", "loads", "sniff"]


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size} bytes"


def _read_bytes(path: str, max_bytes: int) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror}); check the path") from None
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
        with open(path, "rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(max_bytes + 1)
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


def load(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    language: str | None = None,
    annotate: bool = True,
) -> Document:
    """Read the statement at ``path`` (text, HTML or Akoma Ntoso, any supported encoding).

    The size is checked with ``os.stat`` before anything is read; files
    over ``max_bytes`` are refused with :class:`~docdiff.errors.InputError`,
    as are missing paths, directories, empty, binary and undecodable files.
    ``language`` (ISO 639-1) overrides detection; ``annotate=False`` skips
    sentence annotation (see :func:`docdiff.segment.segment`).
    ``Document.path`` is ``path`` as given.
    """
    name = os.fspath(path)
    data = _read_bytes(name, max_bytes)
    text = decode(data, name=name)
    return loads(text, language=language, path=name, annotate=annotate)


def loads(
    text: str, *, language: str | None = None, path: str | None = None, annotate: bool = True
) -> Document:
    """Parse an already decoded statement; the format is told by content.

    ``path`` only names the document (in errors and ``Document.path``).
    Markup that declares entities or a DOCTYPE internal subset is refused
    with :class:`~docdiff.errors.UnsafeInputError` before any parser sees
    it.
    """
    name = path if path is not None else "<text>"
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{name}: the text is empty; give the statement text")
    kind = sniff(text)
    if kind == "text":
        from ..segment import segment

        document = segment(text, language=language, path=path, format="text", annotate=annotate)
    else:
        why = unsafe_doctype(text)
        if why is not None:
            raise UnsafeInputError(f"{name}: refused to parse this markup: {why}; remove the DOCTYPE")
        if kind == "html":
            from .html import read_html

            document = read_html(text, language=language, path=path, annotate=annotate)
        else:
            from .akn import read_akn

            document = read_akn(text, language=language, path=path, annotate=annotate)
    if document.path != path or document.format != kind:
        document = attrs.evolve(document, path=path, format=kind)
    return document
