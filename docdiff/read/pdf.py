"""PDF input: the text layer through pdfplumber, within limits, laid out by :mod:`.pdflayout`.

pdfplumber (the ``pdf`` extra: ``pip install 'docdiff[pdf]'``) reads every
character with its box; :func:`docdiff.read.pdflayout.layout` puts them in
reading order, drops running headers, footers and page numbers, rebuilds
paragraphs and joins hyphenated words.  The result's ``pages`` is the offset
where each page starts.

Hostile or broken files give a :class:`~docdiff.errors.DocdiffError`, never
a hang: every compressed stream is tried with a bounded decompressor before
pdfminer sees it (:data:`MAX_STREAM_BYTES` in all), at most
:data:`MAX_PAGES` pages and :data:`MAX_GLYPHS` characters are read, the
whole read stops after :data:`MAX_SECONDS`, and deep nesting (a Python
``RecursionError`` inside pdfminer) is refused.  A PDF without a text layer
(a scan) is refused: docdiff does no OCR.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import re
import time
import warnings
import zlib
from typing import Any

from ..errors import DocdiffError, InputError, UnsafeInputError
from .pdflayout import Glyph, PageGlyphs, layout
from .source import Source

__all__ = ["MAX_GLYPHS", "MAX_PAGES", "MAX_PAGE_SIDE", "MAX_SECONDS", "MAX_STREAM_BYTES", "read_pdf"]

#: Pages read at most: a joint statement is a few pages, a treaty with annexes a few hundred.
MAX_PAGES = 1000
#: Characters read at most, over all pages (a 100-page statement has ~300,000).
MAX_GLYPHS = 3_000_000
#: Bytes that the compressed streams may expand to, all together.
MAX_STREAM_BYTES = 256 * 1024 * 1024
#: The largest page side, in points (the PDF specification's 200 inches).
MAX_PAGE_SIDE = 14400.0
#: Seconds a read may take before it is given up (checked between pages).
MAX_SECONDS = 120.0

_STREAM = re.compile(rb"stream\r?\n")
_INSTALL = "install the PDF extra: pip install 'docdiff[pdf]'"


def _check_streams(data: bytes, name: str) -> None:
    """Refuse a decompression bomb before pdfminer inflates it whole."""
    budget = MAX_STREAM_BYTES
    for found in _STREAM.finditer(data):
        end = data.find(b"endstream", found.end())
        if end < 0:
            break
        inflater = zlib.decompressobj()
        try:
            out = inflater.decompress(data[found.end() : end], budget + 1)
        except zlib.error:
            continue  # not deflated, or encrypted: pdfminer decides
        budget -= len(out)
        if budget < 0 or inflater.unconsumed_tail:
            raise UnsafeInputError(
                f"{name}: its compressed streams expand past {MAX_STREAM_BYTES // (1024 * 1024)} MB "
                "(a decompression bomb?); refused"
            )


def _on_page(c: dict[str, Any], width: float, height: float) -> bool:
    box = (float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), float(c["size"]))
    # Text placed off the page is not printed; a hostile position (1e300) must not size a table.
    if not all(math.isfinite(v) for v in box):
        return False
    x0, x1, top, bottom, size = box
    return -width <= x0 <= x1 <= 2 * width and -height <= top <= bottom <= 2 * height and 0 < size < 1000


def _glyphs(page: Any) -> tuple[Glyph, ...]:
    width, height = float(page.width), float(page.height)
    return tuple(
        Glyph(
            c["text"], float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), float(c["size"])
        )
        for c in page.chars
        if c.get("upright", True) and c["text"] and _on_page(c, width, height)
    )


def _read_pages(pdf: Any, name: str) -> tuple[list[PageGlyphs], bool]:
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page

    deadline = time.monotonic() + MAX_SECONDS
    pages: list[PageGlyphs] = []
    images = False
    total = 0
    top = 0.0
    for number, raw in enumerate(PDFPage.create_pages(pdf.doc), start=1):
        if number > MAX_PAGES:
            raise InputError(
                f"{name}: has more than {MAX_PAGES} pages; a statement is shorter: check the file"
            )
        if time.monotonic() > deadline:
            raise InputError(f"{name}: reading took over {MAX_SECONDS:.0f} s (at page {number}); refused")
        page = Page(pdf, raw, page_number=number, initial_doctop=top)
        if not (0 < float(page.width) <= MAX_PAGE_SIDE and 0 < float(page.height) <= MAX_PAGE_SIDE):
            raise InputError(
                f"{name}: page {number} measures {float(page.width):.0f} x {float(page.height):.0f} points, "
                f"outside 0-{MAX_PAGE_SIDE:.0f} (the PDF limit); check the file"
            )
        top += float(page.height)
        glyphs = _glyphs(page)
        total += len(glyphs)
        if total > MAX_GLYPHS:
            raise InputError(f"{name}: has more than {MAX_GLYPHS} characters of text; check the file")
        images = images or bool(page.images)
        pages.append(PageGlyphs(number, float(page.width), glyphs))
    return pages, images


# pdfminer logs every repair it makes; without a handler of its own, Python's last-resort
# handler would print them on stderr.  A NullHandler keeps them from the terminal and still
# passes them to whatever logging the caller configures.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def _open(data: bytes, name: str) -> Any:
    try:
        import pdfplumber
    except ImportError:
        raise InputError(f"{name}: is a PDF, and reading PDF needs pdfplumber; {_INSTALL}") from None
    return pdfplumber.open(io.BytesIO(data))


def _refusal(exc: BaseException, name: str) -> DocdiffError:
    kinds = {type(e).__name__ for e in (exc, exc.__cause__, exc.__context__) if e is not None}
    for e in (exc, exc.__cause__, exc.__context__):
        kinds.update(type(a).__name__ for a in getattr(e, "args", ()) if isinstance(a, BaseException))
    if kinds & {"PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning"}:
        return InputError(
            f"{name}: the PDF is encrypted with a password; save an unencrypted copy and read that"
        )
    if "RecursionError" in kinds:
        return UnsafeInputError(f"{name}: the PDF's objects nest too deeply to read; refused")
    return InputError(f"{name}: cannot read this PDF ({_reason(exc)}); the file may be damaged or truncated")


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def read_pdf(data: bytes, *, path: str | None = None) -> Source:
    """Read the text layer of a PDF into a :class:`Source` with its page map (``Source.pages``).

    Raises :class:`~docdiff.errors.InputError` for a PDF without the extra
    installed, encrypted with a password, damaged, too long, or with no text
    layer; :class:`~docdiff.errors.UnsafeInputError` for a decompression
    bomb or objects nested too deeply.
    """
    name = path if path is not None else "<pdf>"
    _check_streams(data, name)
    pdf = None
    try:
        with warnings.catch_warnings():
            # pdfminer warns of what it repairs; the result is the refusal or the text, not a stream of notes.
            warnings.simplefilter("ignore")
            pdf = _open(data, name)
            pages, images = _read_pages(pdf, name)
    except (InputError, MemoryError):
        raise
    except RecursionError:
        raise UnsafeInputError(f"{name}: the PDF's objects nest too deeply to read; refused") from None
    except Exception as exc:
        # pdfminer raises its own errors and plain ones (KeyError, TypeError,
        # struct.error, ...) on damaged files: each is a refusal of this file.
        raise _refusal(exc, name) from None
    finally:
        if pdf is not None:
            with contextlib.suppress(Exception):  # closing a damaged file may fail again
                pdf.close()
    if not pages:
        raise InputError(f"{name}: the PDF has no pages; check the file")
    if not any(page.glyphs for page in pages):
        if images:
            raise InputError(
                f"{name}: the PDF has no text layer, only images (a scan?); docdiff does no OCR: "
                "run OCR first (e.g. ocrmypdf) or give the statement's text"
            )
        raise InputError(f"{name}: the PDF has no text; check the file")
    text, starts = layout(pages)
    if not text.strip():
        raise InputError(f"{name}: the PDF has no text once page headers and numbers are removed")
    return Source(text=text, format="pdf", path=path, pages=starts)
