"""The news envelope around a statement: headline, lead, attribution, wrapping quotes, site matter.

News sites publish a statement inside their own text: a headline, a lead, an
attribution line ending in a colon ("Как передает Day.Az ..., в совместном
заявлении говорится:", "The text of the statement follows:", "全文如下："),
then the statement, often wrapped in quotation marks, then site matter
("Смотрите также", "Related", "Share", "Source: ...").  :func:`split_envelope`
finds them so the statement's own structure starts and ends in the right place.
"""

from __future__ import annotations

import functools
import re

from attrs import frozen

from ..lang import languages, pack
from ..model import Span
from .chunks import Chunk

__all__ = ["Enveloped", "split_envelope"]


@functools.cache
def _cues(
    codes: tuple[str, ...],
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The attribution, bare attribution, relay and site-matter patterns over the packs ``codes``.

    Attribution lines hand over to the quoted text and end in a colon.
    Without a colon, an attribution verb ends the line and a quotation opens
    the next chunk: "В совместном заявлении, в частности, говорится" / «...».
    Site matter follows a statement: related links, sharing, credits.  The
    words are pack facts ("attribution", "bare_attribution", "relay",
    "site_matter"); the argument keys the cache when a pack is added.
    """
    found = [pack(code) for code in codes]

    def alternation(field: str) -> str:
        return "|".join(value for p in found if (value := getattr(p, field))) or "(?!)"

    return (
        re.compile(rf"(?:{alternation('attribution')})\s*[:：]\s*$", re.IGNORECASE),
        re.compile(rf"(?:{alternation('bare_attribution')})\s*[.,]?\s*$", re.IGNORECASE),
        re.compile(rf"^(?:{alternation('relay')})\b.*[:：]$"),
        re.compile(rf"^(?:{alternation('site_matter')}|#{{3}}\s*$)", re.IGNORECASE),
    )


def _attribution_like(text: str) -> bool:
    """True when ``text`` reads as a line handing over to a quoted statement (colon included)."""
    attribution, _, relay, _ = _cues(languages())
    return attribution.search(text) is not None or relay.match(text) is not None


_QUOTE_PAIRS = {'"': '"', "«": "»", "„": "“”", "“": "”", "「": "」", "『": "』"}
# Punctuation a news site puts after a closing quote: «...».
_AFTER_QUOTE = " \t.,;。，"

_HEAD_LIMIT = 8
_ATTRIBUTION_MAX = 400
_TAIL_LIMIT = 10


@frozen
class Enveloped:
    """The statement's chunks with the envelope spans before and after them."""

    head: tuple[Span, ...]
    body: tuple[Chunk, ...]
    tail: tuple[Span, ...]


def _attribution(chunks: tuple[Chunk, ...]) -> int:
    """Index of the attribution chunk near the top, or -1."""
    limit = min(_HEAD_LIMIT, max(len(chunks) * 2 // 5, 3), len(chunks) - 1)
    for i in range(limit):
        # A hard-wrapped attribution is one line read as one.
        text = " ".join(chunks[i].text.split())
        if len(text) > _ATTRIBUTION_MAX:
            continue
        # Both colon patterns end the text with the colon (the text has no
        # outer whitespace), so a text ending otherwise is spared their search.
        if text.endswith((":", "：")) and _attribution_like(text):
            return i
        if chunks[i + 1].text[0] in _QUOTE_PAIRS and _cues(languages())[1].search(text):
            return i
    return -1


def _site_matter(chunks: tuple[Chunk, ...], first: int) -> int:
    """Index of the first chunk of trailing site matter, or ``len(chunks)``."""
    for i in range(max(first + 1, len(chunks) - _TAIL_LIMIT), len(chunks)):
        if _cues(languages())[3].match(chunks[i].text):
            return i
    return len(chunks)


def _trim(source: str, start: int, end: int) -> Chunk | None:
    text = source[start:end]
    stripped = text.strip()
    if not stripped:
        return None
    lead = len(text) - len(text.lstrip())
    return Chunk(start + lead, start + lead + len(stripped), stripped)


def _balanced_close(body: list[Chunk], opener: str) -> tuple[int, int] | None:
    """``(chunk index, offset in its text)`` of the quote closing the opening one, by nesting depth.

    Only for quotes whose closing mark differs from the opening one («», “”,
    „“, 「」): inner quotes of the same kind nest, inner „“ inside «» are
    skipped.
    """
    closers = _QUOTE_PAIRS[opener]
    if opener in closers:
        return None
    depth = 0
    for j, chunk in enumerate(body):
        for k, char in enumerate(chunk.text):
            if char == opener:
                depth += 1
            elif char in closers:
                depth -= 1
                if depth == 0:
                    return j, k
    return None


def _closing_quote(body: list[Chunk], opener: str) -> tuple[int, int] | None:
    """Where the wrapping quotation ends: ``(chunk index, offset in its text)``, or ``None``.

    By nesting depth when the marks differ; otherwise the last chunk that
    ends with the quote (a final full stop or comma after it allowed).
    """
    found = _balanced_close(body, opener)
    if found is not None:
        return found if found != (0, 0) else None
    closers = _QUOTE_PAIRS[opener]
    for j in range(len(body) - 1, -1, -1):
        text = body[j].text.rstrip(_AFTER_QUOTE)
        if text and text[-1] in closers and (j or len(text) > 1):
            return j, len(text) - 1
    return None


def _unquote(source: str, body: list[Chunk], head: list[Span], tail: list[Span]) -> list[Chunk]:
    """Take the wrapping quotation marks (and any news text after the closing one) off the body."""
    if not body or body[0].text[0] not in _QUOTE_PAIRS:
        return body
    found = _closing_quote(body, body[0].text[0])
    if found is None:
        return body
    j, offset = found
    opener, closer = body[0].start, body[j].start + offset
    head.append(Span(opener, opener + 1))
    tail.append(Span(closer, closer + 1))
    after = _trim(source, closer + 1, body[j].end)
    if after is not None:
        tail.append(Span(after.start, after.end))
    tail.extend(Span(c.start, c.end) for c in body[j + 1 :])
    trimmed = [_trim(source, opener + 1, body[0].end) if j else _trim(source, opener + 1, closer)]
    trimmed += body[1:j]
    if j:
        trimmed.append(_trim(source, body[j].start, closer))
    return [c for c in trimmed if c is not None]


def split_envelope(source: str, chunks: tuple[Chunk, ...]) -> Enveloped:
    """Separate the news envelope from the statement's chunks.

    Rules, in order: an attribution line in the first few chunks makes it and
    everything before it envelope; a quotation mark opening the next chunk and
    its partner closing a later chunk are envelope blocks of their own, and
    news text after the closing mark is envelope; site matter among the last
    chunks, and everything after it, is envelope.
    """
    head: list[Span] = []
    tail: list[Span] = []
    first = _attribution(chunks)
    head.extend(Span(c.start, c.end) for c in chunks[: first + 1])
    stop = _site_matter(chunks, first)
    body = list(chunks[first + 1 : stop])
    if first >= 0:
        body = _unquote(source, body, head, tail)
    tail.extend(Span(c.start, c.end) for c in chunks[stop:])
    return Enveloped(tuple(head), tuple(body), tuple(tail))
