"""Cut a source text into chunks: the raw paragraphs the other rules classify.

A chunk is a run of lines, trimmed of surrounding whitespace, with its
code-point offsets into the source.  Newlines may be ``\\n``, ``\\r\\n`` or
``\\r``; the source is never rewritten, so a paragraph joined from wrapped
lines keeps its inner newlines (and a hyphen broken "сотрудни-\\nчество").

Where one line ends and the next begins, the rules below decide, in order,
whether the next line starts a new chunk:

1. a blank line always ends a chunk;
2. a line that starts with a structural marker ("1.", "Статья 2", "(a)",
   "一、") starts one, because sources often list items with single newlines;
3. in text with blank lines the lines of a block stay together, wrapped or
   not: a paragraph re-wrapped inside a blank-line-separated text is still
   one paragraph, whatever its line ends look like;
4. in *hard-wrapped* text without blank lines (copied from a PDF or an
   e-mail: most lines about as long as the wrap width, some continuing the
   sentence of the line before) a bullet or a dateline starts a new chunk; a
   line continues the one before when it continues a word broken by a
   hyphen, starts in lower case, or when its first word would not have
   fitted on the line before (a full line); otherwise it starts a new chunk;
5. otherwise, in text with no blank line every line is a chunk (one newline
   per paragraph, as many news sites and scrapers print it).

Finally a chunk is cut where scraping glued two paragraphs together, a full
stop followed directly by a capitalised word ("...статьей 45.Настоящий
Договор", "...в рамках ООН.Стороны"); see :func:`_glue_points`.  A chunk
numbered "27." is also cut where the next clause starts mid-line after a
sentence ("...partners. 28. The leaders ..."); see :func:`_next_clause_points`.
"""

from __future__ import annotations

import functools
import itertools
import re

from attrs import frozen

from ..lang import languages, pack
from .markers import Kind, ends_sentence, find_marker, is_dateline, starts_block, visible

__all__ = ["Chunk", "split_chunks"]

_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
# "…статьей 45.Настоящий Договор": a lower-case word, an acronym ("…в рамках
# ООН.Стороны") or a number, a full stop, then a capitalised word of at least
# three letters.  The word before must not follow a dot or slash (URLs,
# "Day.Az", "г.Москва", "U.S.The"), and an acronym has two capitals at least:
# one is an initial ("С.Лавров", "Н.А.Назарбаев").
_GLUE_WORDS_RE = (
    r"(?<![./@\w])(?:[а-яё]{3,}|[a-z]{3,}|[А-ЯЁ]{2,}|[A-Z]{2,}|\d{1,4})\."
    r"(?=[А-ЯЁ][а-яё]{2,}[\s,;:»\"”]|[A-Z][a-z]{2,}[\s,;:\"”])"
)


@functools.cache
def _glue_re(codes: tuple[str, ...]) -> re.Pattern[str]:
    """The glue points over the packs ``codes``: their "article_words" open an article heading."""
    words = "|".join(word for code in codes for word in pack(code).article_words)
    if not words:
        return re.compile(_GLUE_WORDS_RE)
    # Any word before an article heading: "...Уставом ООН.Статья 2".
    return re.compile(_GLUE_WORDS_RE + rf"|(?<=[^\W_]{{2}})\.(?=(?:{words})[ \t\u00a0]+\d)")


# Every glue point is a full stop before a capital: this literal-led pattern
# finds none in most paragraphs a hundred times faster than _glue_re's, whose
# lookbehinds are tried at every position.
_GLUE_HINT_RE = re.compile(r"\.[A-ZА-ЯЁ]")
_HYPHEN_BREAK_RE = re.compile(r"[^\W\d_][-\u00ad]$")
# Hard wrapping: the wrap width is at most this, and enough line pairs show it.
_MAX_WRAP_WIDTH = 130
_MIN_WRAP_EVIDENCE = 2


@frozen
class Chunk:
    """A trimmed, non-empty stretch of source text: ``source[start:end] == text``."""

    start: int
    end: int
    text: str


def _lines(source: str) -> list[tuple[int, int]]:
    """Content bounds ``(start, end)`` of every line, trimmed; ``start == end`` when blank."""
    found: list[tuple[int, int]] = []
    for match in _LINE_RE.finditer(source):
        if match.start() == match.end():
            break
        line = match.group()
        stripped = line.strip()
        if not stripped:
            found.append((match.start(), match.start()))
            continue
        lead = len(line) - len(line.lstrip())
        start = match.start() + lead
        found.append((start, start + len(stripped)))
    return found


def _first_word(line: str) -> str:
    words = line.split(None, 1)
    return words[0] if words else ""


def _continues(previous: str, line: str) -> bool:
    """Strong signs that ``line`` continues the sentence of ``previous``."""
    head = visible(line)
    if not head:
        return False
    if _HYPHEN_BREAK_RE.search(visible(previous)) and head[0].islower():
        return True
    return head[0].islower() and not visible(previous).endswith((".", "!", "?", "。"))


def _dateline(line: str) -> bool:
    """A dateline line ("Beijing, 23 April 2025"); "to 24 April 2025." continues a sentence."""
    head = visible(line)
    return bool(head) and not head[0].islower() and is_dateline(head)


def _listed_bullet(previous: str, line: str) -> bool:
    """A bullet line after a line ending in ":" or ";" or after another bullet: a list item."""
    marker = find_marker(line)
    if marker is None or marker.kind is not Kind.BULLET:
        return False
    before = find_marker(previous)
    listed = before is not None and before.kind is Kind.BULLET
    return listed or visible(previous).endswith((":", ";", "：", "；"))


def _fills(previous: str, line: str, width: int) -> bool:
    """True when the first word of ``line`` would not have fitted on ``previous``."""
    return len(previous) + 1 + len(_first_word(line)) > width


def _wrap_width(source: str, lines: list[tuple[int, int]]) -> int:
    """The wrap width of hard-wrapped text, or 0 when the text is not hard-wrapped."""
    texts = [source[s:e] for s, e in lines if s != e]
    if len(texts) < 3:
        return 0
    lengths = sorted(len(t) for t in texts)
    # The longest line is the best estimate of the wrap width, once lines far
    # longer than most (an unwrapped URL, a one-line paragraph, a line an edit
    # made longer) are left out.  "Most" is the upper quartile: most lines of
    # wrapped text are full, and a percentile higher than that is the longest
    # line itself in a short text, so one long line would make full lines
    # look short and every sentence end at a line end a paragraph break.
    typical = lengths[(len(lengths) - 1) * 3 // 4]
    width = max(n for n in lengths if n * 4 <= typical * 5)
    if width > _MAX_WRAP_WIDTH or width < 30:
        return 0
    evidence = 0
    for (s, e), (t, u) in itertools.pairwise(lines):
        if s == e or t == u:
            continue
        previous, line = source[s:e], source[t:u]
        if _continues(previous, line) or (
            not ends_sentence(previous) and _fills(previous, line, width) and len(previous) * 4 >= width * 3
        ):
            evidence += 1
    return width if evidence >= max(_MIN_WRAP_EVIDENCE, len(texts) // 10) else 0


def _wrapped_break(previous: str, line: str, width: int) -> bool:
    """In hard-wrapped text: True when ``line`` starts a new paragraph.

    A full line (the next word would not have fitted) is wrapped even when it
    ends a sentence: a sentence ending at a line end inside a paragraph is
    more common than a paragraph whose last line is full.
    """
    marker = find_marker(line)
    if marker is not None and marker.kind is Kind.BULLET:
        return True
    if _dateline(line) or _dateline(previous):
        return True
    before, head = visible(previous), visible(line)
    if _HYPHEN_BREAK_RE.search(before) and head[:1].islower():
        return False
    fits = not _fills(previous, line, width)
    if head[:1].islower():
        # Russian treaty preambles start paragraphs in lower case ("опираясь на ..."):
        # after a comma or semicolon, a word that would have fitted starts one.
        return fits and before.endswith((",", ";", ":", "，", "；", "："))
    return fits or before.endswith((":", "："))


def _glue_points(text: str) -> list[int]:
    """Offsets in ``text`` where a glued paragraph starts (after "45." in "45.Настоящий")."""
    if _GLUE_HINT_RE.search(text) is None:
        return []
    return [m.end() for m in _glue_re(languages()).finditer(text)]


# "...partners. 28. The leaders": a sentence end, spaces, the number, a dot,
# spaces and a letter (checked to be a capital by the caller).
_MID_MARKER_RE = re.compile(r"(?<=[.!?])[ \t\u00a0]+(\d{1,4})\.[ \t\u00a0]+(?=[^\W\d_])")


def _next_clause_points(text: str) -> list[int]:
    """Offsets in ``text`` where the next numbered clause starts mid-line ("... partners. 28. The").

    Only in a chunk that starts with an arabic number ("27.", Kind.ARABIC), and
    only for the number one past the last clause (28, then 29 ...) after a sentence end and before a
    capital: a figure in prose ("... in 2023. 45 States ...") or a cross
    reference is no clause start, and a number out of sequence is left alone.
    """
    marker = find_marker(text)
    if marker is None or marker.kind is not Kind.ARABIC or _MID_MARKER_RE.search(text) is None:
        return []
    expected, points = marker.value[0] + 1, []
    for match in _MID_MARKER_RE.finditer(text, marker.content):
        if int(match.group(1)) == expected and text[match.end()].isupper():
            # The chunk before ends at the sentence end, the new one at the number.
            points.append(match.start(1))
            expected += 1
    return points


def _chunk(source: str, start: int, end: int) -> Chunk:
    return Chunk(start, end, source[start:end])


def _unglue(source: str, chunk: Chunk) -> list[Chunk]:
    cuts = _glue_points(chunk.text)
    if not cuts:
        return _split_next_clauses(source, chunk)
    bounds = [0, *cuts, len(chunk.text)]
    pieces = [_chunk(source, chunk.start + a, chunk.start + b) for a, b in itertools.pairwise(bounds)]
    return [part for piece in pieces for part in _split_next_clauses(source, piece)]


def _split_next_clauses(source: str, chunk: Chunk) -> list[Chunk]:
    """``chunk`` cut where the next numbered clause starts mid-line, each piece trimmed."""
    cuts = _next_clause_points(chunk.text)
    if not cuts:
        return [chunk]
    bounds = [0, *cuts, len(chunk.text)]
    pieces: list[Chunk] = []
    for a, b in itertools.pairwise(bounds):
        piece = chunk.text[a:b]
        # The spaces between the sentence end and the number belong to neither chunk.
        pieces.append(_chunk(source, chunk.start + a, chunk.start + a + len(piece.rstrip())))
    return pieces


def _merge_invisible(source: str, groups: list[list[tuple[int, int]]]) -> list[list[tuple[int, int]]]:
    """Fold blocks of nothing but zero-width characters into the next block (or the last one)."""
    merged: list[list[tuple[int, int]]] = []
    waiting: list[tuple[int, int]] = []
    for group in groups:
        if not any(visible(source[s:e]) for s, e in group):
            waiting += group
            continue
        merged.append(waiting + group)
        waiting = []
    if waiting:
        if merged:
            merged[-1] += waiting
        else:
            merged.append(waiting)
    return merged


def split_chunks(source: str) -> tuple[Chunk, ...]:
    """Split ``source`` into chunks, in order (see the module docstring for the rules)."""
    lines = _lines(source)
    filled = [start != end for start, end in lines]
    first = filled.index(True) if any(filled) else len(filled)
    last = len(filled) - 1 - filled[::-1].index(True) if any(filled) else -1
    blank_mode = any(not f for f in filled[first:last])
    width = _wrap_width(source, lines)
    groups: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for (start, end), is_filled in zip(lines, filled, strict=True):
        if not is_filled:
            if current:
                groups.append(current)
                current = []
            continue
        line = source[start:end]
        if current:
            previous = source[current[-1][0] : current[-1][1]]
            if starts_block(line) or _listed_bullet(previous, line):
                split = True
            elif width and not blank_mode:
                # With blank lines the blank lines are the paragraph breaks: a sentence
                # ending at the end of a wrapped line ("...minerals.\nMuch work ...") is
                # no break, and signature lines ("Президент ...\nА.Иванов") stay together.
                split = _wrapped_break(previous, line, width)
            else:
                split = not blank_mode
            if split:
                groups.append(current)
                current = []
        current.append((start, end))
    if current:
        groups.append(current)
    chunks = [_chunk(source, g[0][0], g[-1][1]) for g in _merge_invisible(source, groups)]
    return tuple(piece for chunk in chunks for piece in _unglue(source, chunk))
