"""From the glyphs of PDF pages to a statement's text: lines, columns, running matter, paragraphs.

Pure geometry, no PDF library: :mod:`docdiff.read.pdf` hands over each
page's glyphs (character, box, font size) and :func:`layout` returns the
text to segment and the offset where each page starts.  The steps:

1. **rows**: glyphs whose vertical centres agree are one row;
2. **columns**: a page whose rows leave a vertical gutter free in the middle
   of the text block is read band by band (between full-width rows), the
   left column first, then the right;
3. **running matter**: a line among the first or last two of its page that
   recurs, digits aside, at the same height on most pages is a running
   header or footer; a bare page number there ("7", "- 7 -", "Page 7 of 9",
   "第7页") is dropped too;
4. **paragraphs**: a new paragraph starts after a vertical gap wider than
   the line pitch (the smallest step between lines), at a first-line indent
   (not under a hanging indent), after a line that stopped short (the next
   line's first word would have fitted on it; where paragraphs are spaced
   apart, such a line without a gap is a line break), and across a page or
   column after a sentence's end;
5. **joins**: lines of one paragraph are joined by a space, by nothing
   between Han characters, and a line-end hyphen is undone only after a soft
   hyphen or when the joined word occurs elsewhere in the document (so
   "well-known" split after its hyphen keeps it).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence

from attrs import frozen

from ..lang.scripts import CJK_AND_PUNCTUATION

__all__ = ["Glyph", "Line", "PageGlyphs", "layout"]

_CJK = re.compile(f"[{CJK_AND_PUNCTUATION}]")
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?:page|p\.|стр\.?|страница|第)\s*)?(?:\d{1,4}|[ivxlc]{1,7})"
    r"(?:\s*(?:/|of|из)\s*\d{1,4})?\s*(?:页)?[-–—\s]*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
_SOFT_HYPHEN = "\u00ad"
_HYPHENS = "-\u2010"
_SENTENCE_END = '.;:!?。；：！？…»”"'
_NO_BREAK = "\u00a0\u202f\u2007"


@frozen
class Glyph:
    """One character as drawn: its text, box (points, ``top`` from the page top) and font size."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@frozen
class PageGlyphs:
    """The glyphs of one page (``number`` from 1) and the page's width."""

    number: int
    width: float
    glyphs: tuple[Glyph, ...]


@frozen
class Line:
    """A line of text in reading order, with what paragraph building needs of its geometry.

    ``column`` is 0 for a full-width line, 1 or 2 for the left or right
    column; ``first_word`` is the width of its first word, ``second_x`` where
    its second word starts (a hanging indent's text column).
    """

    text: str
    x0: float
    x1: float
    top: float
    size: float
    page: int
    column: int
    limit: float
    first_word: float
    second_x: float | None


def _is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


def _rows(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    rows: list[tuple[float, list[Glyph]]] = []
    for glyph in sorted(glyphs, key=lambda g: ((g.top + g.bottom) / 2, g.x0)):
        centre = (glyph.top + glyph.bottom) / 2
        # Compare with the row's first glyph, so that a row cannot drift line by line.
        if rows and abs(centre - rows[-1][0]) <= 0.35 * max(glyph.size, 1.0):
            rows[-1][1].append(glyph)
        else:
            rows.append((centre, [glyph]))
    return [sorted(row, key=lambda g: g.x0) for _, row in rows]


def _intervals(row: Sequence[Glyph]) -> list[tuple[float, float]]:
    found: list[tuple[float, float]] = []
    for glyph in row:
        if not glyph.text.strip():
            continue
        if found and glyph.x0 - found[-1][1] < 1.5 * glyph.size:
            found[-1] = (found[-1][0], max(found[-1][1], glyph.x1))
        else:
            found.append((glyph.x0, glyph.x1))
    return found


def _gutter(rows: Sequence[Sequence[Glyph]]) -> tuple[float, float] | None:
    """The free vertical strip between two columns, or ``None`` for a one-column page."""
    spans = [_intervals(row) for row in rows]
    edges = [x for row in spans for interval in row for x in interval]
    if len(rows) < 6 or not edges:
        return None
    left, right = min(edges), max(edges)
    sizes = [g.size for row in rows for g in row]
    em = statistics.median(sizes)
    width = int(right - left) + 1
    # Coverage by a difference array: linear in intervals plus width, whatever the boxes claim.
    steps = [0] * (width + 1)
    for row in spans:
        for a, b in row:
            steps[max(0, int(a - left))] += 1
            steps[min(width, int(b - left) + 1)] -= 1
    cover = list(itertools.accumulate(steps[:width]))
    allowed = max(1, len(rows) // 10)
    best: tuple[int, int] | None = None
    start = None
    for x in range(width // 4, 3 * width // 4 + 1):
        free = x < width and cover[x] <= allowed
        if free and start is None:
            start = x
        if not free and start is not None:
            if x - start >= em and (best is None or x - start > best[1] - best[0]):
                best = (start, x)
            start = None
    if best is None:
        return None
    a, b = left + best[0], left + best[1]
    both = sum(1 for row in spans if any(i[1] <= a for i in row) and any(i[0] >= b for i in row))
    return (a, b) if both >= max(3, len(rows) * 3 // 10) else None


def _line(glyphs: Sequence[Glyph], page: int, column: int, limit: float) -> Line | None:
    text: list[str] = []
    words: list[tuple[float, float]] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        if glyph.text in _NO_BREAK:
            text.append(glyph.text)  # kept as printed, and no word boundary
            previous = glyph
            continue
        if not glyph.text.strip():
            if text and text[-1] != " ":
                text.append(" ")
            continue
        if (
            previous is not None
            and glyph.text == previous.text
            # Struck twice means offset by a fraction of the glyph ("ll" sits a whole width apart).
            and abs(glyph.x0 - previous.x0) < 0.3 * (previous.x1 - previous.x0)
        ):
            continue  # the same glyph struck twice (fake bold)
        gap = glyph.x0 - previous.x1 if previous is not None else 0.0
        spaced = bool(text) and text[-1] == " "
        wide = previous is not None and not spaced and gap > 0.2 * glyph.size
        if wide and previous is not None and not (_is_cjk(previous.text[-1]) or _is_cjk(glyph.text[0])):
            text.append(" ")
            spaced = True
        if not words or spaced or _is_cjk(glyph.text[0]):
            words.append((glyph.x0, glyph.x1))
        else:
            words[-1] = (words[-1][0], glyph.x1)
        text.append(glyph.text)
        previous = glyph
    joined = "".join(text).strip()
    joined = joined[:-1].replace(_SOFT_HYPHEN, "") + joined[-1:] if joined else joined
    if not joined or previous is None:
        return None
    first = next(g for g in glyphs if g.text.strip())
    size = statistics.median(g.size for g in glyphs)
    second = words[1][0] if len(words) > 1 else None
    return Line(
        joined, first.x0, previous.x1, first.top, size, page, column, limit, words[0][1] - words[0][0], second
    )


def _page_lines(page: PageGlyphs, rows: list[list[Glyph]], gutter: tuple[float, float] | None) -> list[Line]:
    inked = [g for row in rows for g in row if g.text.strip()]
    if not inked:
        return []
    # Margins are as a rule the same on both sides: the right edge is at least the left margin's mirror.
    edge = max(page.width - min(g.x0 for g in inked), max(g.x1 for g in inked))
    if gutter is None:
        return [line for row in rows if (line := _line(row, page.number, 0, edge)) is not None]
    a, b = gutter
    out: list[Line] = []
    band: tuple[list[Line], list[Line]] = ([], [])

    def flush() -> None:
        out.extend(band[0] + band[1])
        band[0].clear()
        band[1].clear()

    for row in rows:
        crossing = any(x0 < a and x1 > b for x0, x1 in _intervals(row))
        if crossing:
            flush()
            if (line := _line(row, page.number, 0, edge)) is not None:
                out.append(line)
            continue
        for column, part, limit in (
            (1, [g for g in row if g.x1 <= b], a),
            (2, [g for g in row if g.x1 > b], edge),
        ):
            if part and (line := _line(part, page.number, column, limit)) is not None:
                band[column - 1].append(line)
    flush()
    return out


def _edge_lines(lines: Sequence[Line]) -> list[Line]:
    by_height = sorted(lines, key=lambda line: line.top)
    return by_height[:2] + by_height[-2:] if len(by_height) > 4 else by_height


def _running(pages: Sequence[list[Line]]) -> set[int]:
    """The ids of running headers, footers and page numbers."""
    keys: Counter[tuple[str, int]] = Counter()
    edges = [_edge_lines(lines) for lines in pages]
    for lines in edges:
        keys.update({(re.sub(r"\d+", "#", line.text), round(line.top / 8)) for line in lines})
    # One page has nothing to repeat: only its bare page number goes.
    needed = max(2, (len(pages) + 1) // 2) if len(pages) > 1 else 1 << 30
    drop: set[int] = set()
    for lines in edges:
        for line in lines:
            key = (re.sub(r"\d+", "#", line.text), round(line.top / 8))
            if keys[key] >= needed or _PAGE_NUMBER.match(line.text):
                drop.add(id(line))
    return drop


def _join(left: str, right: str, words: Counter[str]) -> tuple[str, str]:
    """``left`` as it stays before the next line ``right``, and the separator between them."""
    if left.endswith(_SOFT_HYPHEN):
        return left[:-1], ""
    if left[-1] in _HYPHENS and len(left) > 1 and left[-2].isalpha() and right[:1].isalpha():
        head = _WORD.findall(left[:-1])
        tail = _WORD.findall(right)
        if head and tail and right[0].islower() and words[(head[-1] + tail[0]).casefold()] > 0:
            return left[:-1], ""
        return left, ""  # a real hyphen: "Sino-" + "Russian"
    if _is_cjk(left[-1]) or _is_cjk(right[0]):
        return left, ""
    return left, " "


def _break(previous: Line, line: Line, left: dict[tuple[int, int], float], pitch: float, spaced: bool) -> str:
    """What comes between ``previous`` and ``line``: a paragraph break, a line break, or nothing (joined)."""
    em = max(line.size, 1.0)
    flowing = previous.page == line.page and previous.column == line.column
    if flowing and not 0 < line.top - previous.top <= 1.3 * pitch:
        return "\n\n"
    margin = left[(line.page, line.column)]
    if line.x0 > margin + em:
        # A hanging indent: the line starts under the text after a label and a tab ("1.<tab>Text").
        gap = previous.second_x - previous.x0 - previous.first_word if previous.second_x is not None else 0.0
        hanging = (
            previous.second_x is not None and gap > 0.6 * em and abs(previous.second_x - line.x0) < 0.5 * em
        )
        if not hanging:
            return "\n\n"
    # Across a page or column the gap is lost: a sentence that ends there most likely ends its
    # paragraph (a false break only splits a paragraph; a false join swallows a heading).
    if not flowing and previous.text[-1] in _SENTENCE_END:
        return "\n\n"
    # The first word of the next line would have fitted: the line stopped on purpose.  Where
    # paragraphs are set apart by space, a line that stops with no space after it is a line break.
    if previous.x1 + 0.3 * em + line.first_word < previous.limit - 0.5 * em:
        return "\n" if spaced and flowing else "\n\n"
    return ""


def layout(pages: Sequence[PageGlyphs]) -> tuple[str, tuple[int, ...]]:
    """The text of the pages in reading order, and the offset in it where each page starts."""
    rows = [_rows([g for g in page.glyphs if g.text]) for page in pages]
    gutters = [_gutter(page_rows) for page_rows in rows]
    found = [g for g in gutters if g is not None]
    # Columns are a property of the document: a sparse last page has the others' gutter.
    common = (
        (statistics.median(g[0] for g in found), statistics.median(g[1] for g in found)) if found else None
    )
    if common is not None and len(found) * 2 >= sum(1 for r in rows if len(r) >= 6):
        gutters = [g if g is not None else common for g in gutters]
    per_page = [_page_lines(page, r, g) for page, r, g in zip(pages, rows, gutters, strict=True)]
    drop = _running(per_page)
    lines = [line for page in per_page for line in page if id(line) not in drop]
    words: Counter[str] = Counter(w.casefold() for line in lines for w in _WORD.findall(line.text))
    left: dict[tuple[int, int], float] = {}
    margins: dict[tuple[int, int], Counter[int]] = {}
    for line in lines:
        margins.setdefault((line.page, line.column), Counter())[round(line.x0)] += 1
    for key, counts in margins.items():
        # The leftmost start that recurs, not the commonest: where paragraphs are short and
        # indented, most lines are first lines.
        recurring = [x for x, n in counts.items() if n >= 2]
        left[key] = float(min(recurring or counts))
    steps = [
        b.top - a.top
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and a.column == b.column and 0 < b.top - a.top < 3 * max(a.size, 1.0)
    ]
    # The smallest step, not the median: in a statement of one-line paragraphs
    # most steps between lines are paragraph gaps (raised footnote marks aside).
    em = statistics.median(line.size for line in lines) if lines else 10.0
    pitch = min((step for step in steps if step >= 0.8 * em), default=1.2 * em)
    spaced = any(step > 1.3 * pitch for step in steps)
    pieces: list[str] = []
    length = 0
    starts: list[int] = []
    for n, line in enumerate(lines):
        between = _break(lines[n - 1], line, left, pitch, spaced) if pieces else ""
        if not between and pieces:
            # Only the previous line can change (a hyphen undone): pieces keep the join linear.
            kept, between = _join(pieces[-1], line.text, words)
            length -= len(pieces[-1]) - len(kept)
            pieces[-1] = kept
        pieces.append(between)
        length += len(between)
        # Pages with no text start where the next text does.
        starts.extend([length] * (line.page - len(starts)))
        pieces.append(line.text)
        length += len(line.text)
    starts.extend([length] * (len(pages) - len(starts)))
    text = "".join(pieces)
    return text, tuple(starts)
