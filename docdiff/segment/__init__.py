"""Segment the plain text of a joint statement into the clause model.

:func:`segment` is the one entry point.  The stages run in order, each a
small module:

1. :mod:`.chunks` cuts the text into trimmed paragraphs with offsets
   (joining hard-wrapped lines, cutting glued paragraphs);
2. :mod:`.envelope` takes off the news wrapper (headline, lead, attribution
   line, wrapping quotes, site matter);
3. :mod:`.frame` finds the statement's title, dateline and closing;
4. :mod:`.body` (with :mod:`.numbering` and :mod:`.markers`) splits the rest
   into preamble paragraphs and units;
and the result is the structure alone: a :class:`~docdiff.model.Document`
whose metadata holds only the language.  Describing it (metadata,
sentences, annotation) is the next stage, :func:`docdiff.describe.describe`;
:func:`docdiff.pipeline.parse` runs both.

Every offset is a code point into the source as given; nothing is rewritten,
and the parts together cover every non-whitespace character.
"""

from __future__ import annotations

from ..errors import ParseError
from ..lang.detect import detect_language
from ..model import Block, Document, Metadata, Span
from .body import split_body
from .chunks import Chunk, split_chunks
from .envelope import split_envelope
from .frame import find_closing, find_dateline, find_title

__all__ = ["segment"]


def _block(source: str, start: int, end: int) -> Block:
    return Block(Span(start, end), source[start:end])


def _frame(source: str, body: tuple[Chunk, ...]) -> tuple[Block | None, Block | None, int, int]:
    """Title, dateline, and the index range ``[first, stop)`` of the body chunks."""
    title: Block | None = None
    dateline: Block | None = None
    first = find_title(body)
    if first:
        title = _block(source, body[0].start, body[first - 1].end)
    if find_dateline(body, first):
        dateline = _block(source, body[first].start, body[first].end)
        first += 1
    stop = find_closing(body, first - 1) if first < len(body) else len(body)
    return title, dateline, first, stop


def segment(
    source: str,
    *,
    language: str | None = None,
    path: str | None = None,
    format: str = "text",
) -> Document:
    """Cut the decoded text of a statement into the structure of a :class:`~docdiff.model.Document`.

    ``source`` may use any newline style; offsets are code points into it.
    ``language`` (ISO 639-1) is detected when not given and is the only
    metadata set; paragraphs carry no sentences yet (see
    :func:`docdiff.describe.describe`).  ``path`` and ``format`` are
    recorded on the document.  Raises :class:`~docdiff.errors.ParseError`
    when there is no statement text.
    """
    if not source.strip():
        where = f" in {path}" if path else ""
        raise ParseError(
            f"no statement text{where}: the input is empty or only whitespace; pass the text of a statement"
        )
    lang = language or detect_language(source)
    chunks = split_chunks(source)
    enveloped = split_envelope(source, chunks)
    head = [_block(source, s.start, s.end) for s in enveloped.head]
    tail = [_block(source, s.start, s.end) for s in enveloped.tail]
    body = enveloped.body
    title, dateline, first, stop = _frame(source, body)
    closing = tuple(_block(source, c.start, c.end) for c in body[stop:])
    preamble, clauses = split_body(source, body[first:stop])
    return Document(
        source=source,
        metadata=Metadata(language=lang),
        clauses=tuple(clauses),
        preamble=tuple(preamble),
        envelope=tuple(head + tail),
        title=title,
        dateline=dateline,
        closing=closing,
        path=path,
        format=format,
    )
