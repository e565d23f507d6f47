"""Tell plain text, HTML and Akoma Ntoso apart by content, never by file name.

The tests here are tried in order by :func:`docdiff.read.registry.sniff`:
Akoma Ntoso first, then HTML; what neither claims is plain text.

Markup is recognised by its first non-blank characters: a document that
opens with a tag, an XML declaration, a comment or a DOCTYPE is markup; its
root element decides between Akoma Ntoso (``akomaNtoso`` in any namespace)
and HTML.  Other XML documents count as ``"akn"`` so the Akoma Ntoso reader
can say precisely why it is not one.  Text that opens with a word is HTML
only when it has a document structure: an ``<html>`` or ``<body>`` tag or
an HTML DOCTYPE, or block tags on at least half of its lines (a pasted
fragment).  A plain-text statement with a few ``<br>`` or a literal
``<script>`` in its prose stays text: read as HTML, everything after that
``<script>`` would be dropped.
"""

from __future__ import annotations

import re

__all__ = ["looks_like_akn", "looks_like_html", "unsafe_doctype", "visible_characters"]

_HEAD = 8192

# Leading noise before the root element: XML declaration, comments,
# processing instructions and a DOCTYPE (with or without an internal subset).
_PROLOG = re.compile(
    r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)",
    re.DOTALL | re.IGNORECASE,
)
_ROOT = re.compile(r"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_BLOCK_TAG = re.compile(r"<(?:p|div|br|li|ul|ol|h[1-6]|table|tr|td|article|section|span|a)\b[^>]*>", re.I)
_HTML_ROOTS = {"html", "head", "body"}
_DOCUMENT_TAG = re.compile(r"<(?:html|body)\b[^>]*>|<!DOCTYPE\s+html\b", re.IGNORECASE)

# What a browser never shows: comments, scripts and styles (closed ones: an
# unclosed <script> in prose is text a reader would lose), and the tags.
_INVISIBLE = re.compile(
    r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>|<[A-Za-z/!?][^>]*>", re.DOTALL | re.IGNORECASE
)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)

_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]{0,4000}\[", re.IGNORECASE)
_ENTITY_DECL = re.compile(r"<!ENTITY", re.IGNORECASE)


def _root_name(text: str) -> str | None:
    pos = 0
    head = text[:_HEAD]
    while True:
        match = _PROLOG.match(head, pos)
        if match is None or match.end() == pos:
            break
        pos = match.end()
    rest = head[pos:].lstrip()
    root = _ROOT.match(rest)
    return root.group(2) if root else None


def _markup(stripped: str) -> bool:
    return stripped.startswith("<") and len(stripped) > 1 and (stripped[1].isalpha() or stripped[1] in "!?")


def _stripped(text: str) -> str:
    return text.lstrip("\ufeff \t\r\n")


def looks_like_akn(text: str) -> bool:
    """Markup whose root is ``akomaNtoso``, or any other XML document (not an HTML root)."""
    stripped = _stripped(text)
    if not _markup(stripped):
        return False
    root = _root_name(stripped)
    if root is not None and root.lower() == "akomantoso":
        return True
    return root is not None and root.lower() not in _HTML_ROOTS and stripped.startswith("<?xml")


def looks_like_html(text: str) -> bool:
    """Markup (that :func:`looks_like_akn` did not claim), or prose with an HTML document structure."""
    if _markup(_stripped(text)):
        return True
    head = text[:_HEAD]
    if _DOCUMENT_TAG.search(head):
        return True
    lines = [line for line in head.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _BLOCK_TAG.search(line))
    return len(_BLOCK_TAG.findall(head)) >= 3 and 2 * tagged >= len(lines)


def visible_characters(markup: str) -> int:
    """How many non-space characters of ``markup`` a reader would see: tags, comments, scripts out.

    The measure of what an extraction may keep; an entity counts as one character.
    """
    return sum(1 for c in _ENTITY.sub("&", _INVISIBLE.sub(" ", markup)) if not c.isspace())


def unsafe_doctype(text: str) -> str | None:
    """Say why markup is unsafe to parse (a DOCTYPE internal subset or an ENTITY), else None.

    Entity declarations are how billion-laughs, quadratic-blowup and XXE
    attacks are built; no statement needs them, so they are refused before
    any parser sees the document.
    """
    if _DOCTYPE_SUBSET.search(text):
        return "its DOCTYPE has an internal subset (entity or element declarations)"
    if _ENTITY_DECL.search(text):
        return "it declares entities (<!ENTITY ...>)"
    return None
