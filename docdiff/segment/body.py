"""The statement body: preamble paragraphs and units (numbered clauses or ``para.N``).

Rules, in order:

1. Every chunk's marker is read (:mod:`.markers`) and :mod:`.numbering`
   decides which markers number the units.
2. Numbered body: heading-like chunks right before a unit are its section
   headings (inside its span); chunks before the first unit are the preamble,
   one unit each; a unit runs until the next unit or its headings, and the
   chunks inside it are its paragraphs, with sub-item markers ("1.", "(a)")
   as ``Paragraph.label``.  Labels: the printed number ("1", "IV", "3.1"),
   or "<section>.<n>" when the numbering restarts under section headings.
3. Unnumbered body: the preamble runs up to an introductory formula ending
   in a colon ("заявляют о следующем:", "agree as follows:", "兹声明如下：")
   when one appears near the top, else there is none; every other chunk is a
   unit ``para.N``, except heading-like chunks (section headings of the unit
   after them) and list items after a chunk ending in ":" or ";" (labelled
   paragraphs of the unit before them).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from ..lang import languages, pack
from ..model import Block, Clause, Paragraph, Part, Span
from .chunks import Chunk
from .markers import Kind, Marker, find_marker, is_heading_like, is_title_heading, visible
from .numbering import Numbering, choose_numbering

__all__ = ["Body", "split_body"]


@functools.cache
def _intro_re(codes: tuple[str, ...]) -> re.Pattern[str]:
    """An introduction to numbered clauses ("заявляют:", "declare as follows:"), pack "intro_formula"."""
    words = "|".join(p.intro_formula for p in map(pack, codes) if p.intro_formula) or "(?!)"
    return re.compile(rf"(?:{words})\s*[:：]$", re.IGNORECASE)


_INTRO_SCAN = 10
_HASHES_RE = re.compile(r"^#{1,6}[ \t]*")

Body = tuple[tuple[Clause, ...], tuple[Clause, ...]]


def _block(source: str, start: int, end: int) -> Block:
    return Block(Span(start, end), source[start:end])


def _paragraph(source: str, start: int, end: int, label: str | None = None) -> Paragraph | None:
    """The paragraph in ``source[start:end]`` without surrounding blanks and invisible characters."""
    text = source[start:end]
    stripped = visible(text)
    if not stripped:
        return None
    lead = text.index(stripped)
    begin = start + lead
    return Paragraph(Span(begin, begin + len(stripped)), stripped, label=label)


def _content(chunk: Chunk, marker: Marker | None) -> str:
    return chunk.text[marker.content :] if marker is not None else chunk.text


def _item(source: str, chunk: Chunk, marker: Marker | None) -> Paragraph | None:
    """A chunk as a paragraph: a sub-item marker becomes the label, a bullet is dropped."""
    if marker is None:
        return _paragraph(source, chunk.start, chunk.end)
    label = marker.label or None
    return _paragraph(source, chunk.start + marker.content, chunk.end, label)


def _heading_text(chunk: Chunk, marker: Marker | None) -> str:
    """A section heading's text: without its number or Markdown hashes ("## Trade")."""
    text = _HASHES_RE.sub("", _content(chunk, marker).strip())
    return text.strip() or chunk.text


def _full_stop(text: str) -> bool:
    return text.rstrip().rstrip("\"'»”’)").endswith((".", "!", "?", "。", "！", "？"))


def _continues_list(text: str) -> bool:
    """True for a list item that continues a sentence: lower case, or no final full stop."""
    content = text.lstrip(" \t\u00a0•·*▪●—–-").strip()
    return bool(content) and (content[0].islower() or not _full_stop(content))


def _continued(line: str, next_line: str, width: int = 0) -> bool:
    """True when ``next_line`` is a wrapped continuation of ``line`` (so ``line`` is no heading).

    ``width`` is the longest line of the paragraph after ``line``: in a
    hard-wrapped paragraph the first line is nearly that long and the next
    line's first word would not have fitted on it.
    """
    following = next_line.strip()
    if not following:
        return False
    if following[0].islower() or line.rstrip().endswith(("-", "\u00ad")):
        return True
    first = line.rstrip()
    return width >= 40 and len(first) * 4 >= width * 3 and len(first) + 1 + len(following.split()[0]) > width


class _Builder:
    """Collects units in order; one instance per body."""

    def __init__(self, source: str, chunks: Sequence[Chunk]) -> None:
        self.source = source
        self.chunks = chunks
        self.markers = [find_marker(c.text) for c in chunks]
        contents = [_content(c, m) for c, m in zip(chunks, self.markers, strict=True)]
        short = [is_heading_like(t) for t in contents]
        titled = [not s and is_title_heading(t) for s, t in zip(short, contents, strict=True)]
        # A longer title-cased line is a heading only alone before a paragraph: a run
        # of them is a list of names or titles.
        alone = [
            titled[i] and i + 1 < len(chunks) and not (short[i + 1] or titled[i + 1] or (i and titled[i - 1]))
            for i in range(len(chunks))
        ]
        self.heading = [
            (short[i] or alone[i]) and (m is None or m.kind not in (Kind.BULLET, Kind.LETTER))
            for i, m in enumerate(self.markers)
        ]
        self.headed = [i > 0 and self.heading[i - 1] for i in range(len(chunks))]

    def preamble(self, stop: int) -> tuple[Clause, ...]:
        units: list[Clause] = []
        for i in range(stop):
            chunk = self.chunks[i]
            paragraph = _paragraph(self.source, chunk.start, chunk.end)
            if paragraph is not None:
                n = len(units) + 1
                units.append(
                    Clause(f"preamble.{n}", n, Span(chunk.start, chunk.end), (paragraph,), part=Part.PREAMBLE)
                )
        return tuple(units)

    def numbered(self, numbering: Numbering) -> Body:
        starts = list(numbering.indices)
        # Heading-like chunks right before a unit belong to it.
        heads: list[int] = []
        floor = 0
        for s in starts:
            h = s
            while h - 1 >= floor and self.heading[h - 1] and h - 1 not in starts:
                h -= 1
            heads.append(h)
            floor = s + 1
        preamble = self.preamble(heads[0])
        section: str | None = None
        section_labels: dict[int, str] = {}
        clauses: list[Clause] = []
        for u, s in enumerate(starts):
            stop = heads[u + 1] if u + 1 < len(starts) else len(self.chunks)
            if heads[u] < s:
                section = _heading_text(self.chunks[s - 1], self.markers[s - 1])
            run = numbering.runs[u]
            if run not in section_labels:
                section_labels[run] = self._section_label(heads[u], s, run)
            marker = self.markers[s]
            assert marker is not None
            label = marker.label
            if numbering.restarts and numbering.kind is not Kind.DECIMAL:
                label = f"{section_labels[run]}.{label}"
            clauses.append(self._unit(label, u + 1, heads[u], s, stop, marker, section))
        return preamble, tuple(clauses)

    def _section_label(self, head: int, start: int, run: int) -> str:
        for i in range(start - 1, head - 1, -1):
            marker = self.markers[i]
            if marker is not None and marker.label:
                return marker.label
        return str(run + 1)

    def _unit(
        self, label: str, ordinal: int, head: int, start: int, stop: int, marker: Marker, section: str | None
    ) -> Clause:
        source, chunk = self.source, self.chunks[start]
        number = _block(source, chunk.start, chunk.start + marker.end)
        rest = _paragraph(source, chunk.start + marker.content, chunk.end)
        heading: str | None = None
        paragraphs: list[Paragraph] = []
        if rest is not None:
            first_line, *next_lines = rest.text.splitlines()
            more = len(first_line) < len(rest.text) or stop > start + 1
            # Measured on the source lines: the first one holds the printed number too.
            lines = chunk.text.splitlines()
            width = max((len(line.strip()) for line in lines[1:]), default=0)
            wrapped = bool(next_lines) and _continued(lines[0], next_lines[0], width)
            if (
                more
                and not wrapped
                and (
                    (is_heading_like(first_line) and (marker.kind is Kind.ARTICLE or len(first_line) < 80))
                    or is_title_heading(first_line)
                )
            ):
                heading = first_line.strip()
                rest = _paragraph(source, rest.span.start + len(first_line), chunk.end)
            if rest is not None:
                paragraphs.append(rest)
        for i in range(start + 1, stop):
            c, m = self.chunks[i], self.markers[i]
            if (
                i == start + 1
                and heading is None
                and not paragraphs
                and marker.kind is Kind.ARTICLE
                and m is None
                and self.heading[i]
                and stop > i + 1
            ):
                heading = c.text
                continue
            paragraph = _item(source, c, m)
            if paragraph is not None:
                paragraphs.append(paragraph)
        if not paragraphs and heading is not None:
            hp = _paragraph(source, chunk.start + marker.content, self.chunks[stop - 1].end)
            assert hp is not None
            paragraphs.append(hp)
            heading = None
        if not paragraphs:
            paragraphs.append(Paragraph(number.span, number.text))
            number_block: Block | None = None
        else:
            number_block = number
        span = Span(self.chunks[head].start, self.chunks[stop - 1].end)
        return Clause(
            label, ordinal, span, tuple(paragraphs), heading=heading, section=section, number=number_block
        )

    def unnumbered(self) -> Body:
        n = len(self.chunks)
        intro = -1
        for i in range(min(_INTRO_SCAN, n // 2 + 1, n - 1)):
            if _intro_re(languages()).search(self.chunks[i].text):
                intro = i
        preamble = self.preamble(intro + 1)
        clauses: list[Clause] = []
        section: str | None = None
        pending: list[int] = []
        listing = False
        open_bullet = False
        for i in range(intro + 1, n):
            chunk, marker = self.chunks[i], self.markers[i]
            is_item = marker is not None and marker.kind is not Kind.BULLET
            if self.heading[i] and i + 1 < n and not (listing and is_item and not pending):
                pending.append(i)
                continue
            # Numbered or lettered items after a chunk ending in ":" or ";" continue
            # that unit; bullets too when they continue its sentence.
            joins = is_item or (marker is not None and (_continues_list(chunk.text) or open_bullet))
            open_bullet = joins and not is_item and listing and not _full_stop(chunk.text)
            if clauses and not pending and listing and joins:
                # A bare marker ("(4)" alone) adds no paragraph but stays in the span.
                paragraph = _item(self.source, chunk, marker)
                last = clauses[-1]
                clauses[-1] = attrs.evolve(
                    last,
                    span=Span(last.span.start, chunk.end),
                    paragraphs=(*last.paragraphs, *([paragraph] if paragraph is not None else [])),
                )
                continue
            if pending:
                section = _heading_text(self.chunks[pending[-1]], self.markers[pending[-1]])
            start = self.chunks[pending[0]].start if pending else chunk.start
            pending = []
            paragraph = _item(self.source, chunk, marker)
            number: Block | None = None
            if paragraph is None:
                paragraph = Paragraph(Span(chunk.start, chunk.end), chunk.text)
            elif marker is not None and marker.kind is Kind.BULLET:
                number = _block(self.source, chunk.start, chunk.start + marker.end)
            ordinal = len(clauses) + 1
            clauses.append(
                Clause(
                    f"para.{ordinal}",
                    ordinal,
                    Span(start, chunk.end),
                    (paragraph,),
                    section=section,
                    number=number,
                )
            )
            listing = chunk.text.rstrip().endswith((":", "：", ";", "；"))
        return preamble, tuple(clauses)


def split_body(source: str, chunks: Sequence[Chunk]) -> Body:
    """Split the body chunks into ``(preamble, clauses)``."""
    if not chunks:
        return (), ()
    builder = _Builder(source, chunks)
    sizes = [len(c.text) for c in chunks]
    numbering = choose_numbering(builder.markers, builder.headed, builder.heading, sizes)
    if numbering is None:
        return builder.unnumbered()
    return builder.numbered(numbering)
