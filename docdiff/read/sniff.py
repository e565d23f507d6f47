"""Tell plain text, HTML and Akoma Ntoso apart by content, never by file name.

The tests here are tried in order by :func:`docdiff.read.registry.sniff`:
Akoma Ntoso first, then HTML; what neither claims is plain text.

Markup is recognised by its first non-blank characters: a document that
opens with a tag, an XML declaration, a comment or a DOCTYPE is markup; its
root element decides between Akoma Ntoso (``akomaNtoso`` in any namespace)
and HTML.  Other XML documents count as ``"akn"`` so the Akoma Ntoso reader
can say precisely why it is not one.  Text with a few stray angle brackets
stays text; text that is mostly HTML block tags (a pasted fragment that
opens with a word) is HTML.
"""

from __future__ import annotations

import re

__all__ = ["looks_like_akn", "looks_like_html", "unsafe_doctype"]

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
    """Markup (that :func:`looks_like_akn` did not claim), or text that is mostly HTML block tags."""
    if _markup(_stripped(text)):
        return True
    head = text[:_HEAD]
    tags = _BLOCK_TAG.findall(head)
    return len(tags) >= 3 and sum(map(len, tags)) * 20 >= min(len(head), _HEAD) // 10


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
