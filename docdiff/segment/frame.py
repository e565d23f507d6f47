"""The statement's own frame: title and dateline at the top, closing at the bottom.

* Title: up to three heading-like chunks at the top (short, no final
  punctuation, no numbering), ending at the last one that names the kind of
  document ("Joint Statement", "Совместное заявление", "联合声明", "Treaty",
  ...); with no such word, the heading-like chunks count as the title only
  when a dateline follows them.
* Dateline: a short chunk right after the title that holds a date, possibly
  with a place ("June 22, 2023", "Москва, 13 марта 2025 года",
  "2019年7月23日，北京").
* Closing: scanning up from the last chunk over closing-like chunks (a "Done
  at" / "Совершено" formula, a signature line "For the Government of ..." /
  "За Российскую Федерацию", a role with a name "Президент Российской
  Федерации В.Путин", a place/date line, or any short line without final
  punctuation), the closing starts at the first *strong* one of them, so a
  statement whose last paragraph merely lacks a full stop loses nothing.
"""

from __future__ import annotations

import functools
import re

from ..lang import languages, pack
from .chunks import Chunk
from .markers import Kind, find_marker, is_dateline, is_heading_like

__all__ = ["find_closing", "find_dateline", "find_title", "is_dateline"]


@functools.cache
def _patterns(codes: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Title word, signing formula, signature line and role patterns over the packs ``codes``.

    Each pack gives its alternations (docdiff/lang/<code>/pack.json:
    "title_words", "signing_formula", "signature_line", "closing_roles");
    roles are whole words where the language spaces its words.  The
    argument keys the cache when a pack is added.
    """
    found = [pack(code) for code in codes]

    def alternation(field: str) -> str:
        return "|".join(value for p in found if (value := getattr(p, field)))

    roles = "|".join(
        (rf"\b(?:{p.closing_roles})\b" if p.spaced else p.closing_roles) for p in found if p.closing_roles
    )
    return (
        re.compile(alternation("title_words"), re.IGNORECASE),
        re.compile(rf"^(?:{alternation('signing_formula')})", re.IGNORECASE),
        re.compile(rf"^(?:{alternation('signature_line')})"),
        re.compile(roles),
    )


def _title_word(text: str) -> bool:
    return _patterns(languages())[0].search(text) is not None


def _role(text: str) -> bool:
    return _patterns(languages())[3].search(text) is not None


_INITIALS_RE = re.compile(r"\b[A-ZА-ЯЁ]\.\s?(?:[A-ZА-ЯЁ]\.\s?)?[A-ZА-ЯЁ][a-zа-яё]+")

_TITLE_MAX_WORDS = 60
_TITLE_MAX_CHUNKS = 3
_CLOSING_SCAN = 12
# Two signers' roles on one line run longer than a heading.
_ROLE_LINE_MAX_WORDS = 16


def _title_candidate(chunk: Chunk) -> bool:
    """A heading-like chunk; a title wrapped over up to three lines counts as one line."""
    marker = find_marker(chunk.text)
    if marker is not None and marker.kind is not Kind.UPPER:
        return False
    lines = chunk.text.splitlines()
    if len(lines) > _TITLE_MAX_CHUNKS or any(is_dateline(line) for line in lines):
        return False
    return is_heading_like(" ".join(chunk.text.split()), _TITLE_MAX_WORDS)


def find_title(chunks: tuple[Chunk, ...]) -> int:
    """How many chunks at the top form the title (0 when there is none)."""
    heads = 0
    while heads < min(_TITLE_MAX_CHUNKS, len(chunks) - 1) and _title_candidate(chunks[heads]):
        heads += 1
    keyword = [i for i in range(heads) if _title_word(chunks[i].text)]
    if keyword:
        return keyword[-1] + 1
    if heads and heads <= 2 and heads < len(chunks) and is_dateline(chunks[heads].text):
        return heads
    return 0


def find_dateline(chunks: tuple[Chunk, ...], at: int) -> bool:
    """True when ``chunks[at]`` is a dateline and something follows it."""
    return at < len(chunks) - 1 and is_dateline(chunks[at].text)


def _strong(text: str) -> bool:
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    _, done_re, signature_re, _ = _patterns(languages())
    if done_re.match(text.strip()) or is_dateline(text):
        return True
    if signature_re.match(first_line) and is_heading_like(first_line, 14):
        return True
    lines = text.strip().splitlines()
    return (
        all(is_heading_like(line, 10) for line in lines)
        and _role(text)
        and (len(lines) > 1 or _INITIALS_RE.search(text) is not None)
    )


def _role_over_name(text: str, following: str) -> bool:
    """A role line with the signer's name on the next line ("Президент Республики Альфа" / "А.Иванов")."""
    return (
        is_heading_like(text, 10)
        and _role(text)
        and is_heading_like(following, 6)
        and _INITIALS_RE.search(following) is not None
    )


def _name_like(line: str) -> bool:
    """A short line of capitalised words: "Joseph R. Biden, Jr.", "JOSEPH R. BIDEN JR. ANTHONY ALBANESE"."""
    words = [w for w in line.split() if w[0].isalpha()]
    return 0 < len(words) <= 8 and all(w[0].isupper() for w in words)


def _role_line(line: str) -> bool:
    """Roles of two signers side by side under their names: "President of ... Prime Minister of Australia"."""
    return _role(line) and is_heading_like(line, _ROLE_LINE_MAX_WORDS)


def _weak(text: str) -> bool:
    lines = text.strip().splitlines()
    return all(is_heading_like(line, 10) or _name_like(line) or _role_line(line) for line in lines)


def find_closing(chunks: tuple[Chunk, ...], first: int) -> int:
    """Index of the first closing chunk (``len(chunks)`` when there is no closing).

    Never reaches back to ``first``: at least one chunk stays for the body.
    """
    i = len(chunks) - 1
    lowest = max(first + 1, len(chunks) - _CLOSING_SCAN)
    strong = False
    while i >= lowest:
        text = chunks[i].text
        if _strong(text) or (i + 1 < len(chunks) and _role_over_name(text, chunks[i + 1].text)):
            strong = True
        elif not _weak(text):
            break
        i -= 1
    return i + 1 if strong else len(chunks)
