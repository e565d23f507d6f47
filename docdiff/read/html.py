"""HTML pages: find the statement among the page furniture and turn it into text.

Pages are untrusted.  They are parsed by libxml2's HTML parser with the
network off, comments and processing instructions removed; scripts and
styles are dropped unread, and nothing is fetched or executed.  Then:

1. furniture goes: ``nav``, ``aside``, ``form``, ``script``, ``style``,
   ``iframe`` ..., page headers and footers, hidden elements, and anything
   whose class, id or ARIA role says share, social, related, comment,
   breadcrumb, sidebar, menu, nav, footer, advert ...;
2. the main content is the largest ``article`` / ``main`` /
   ``[role=main]`` / ``[itemprop=articleBody]`` that holds a fair share of
   the page's text, or else the block chosen readability-style: every
   paragraph scores its text length to its parent and half of it to its
   grandparent, the best scorer wins, with sibling blocks that score at
   least a fifth as much;
3. the content becomes plain text, one block per paragraph (``p``, ``li``,
   headings, ``div`` ..., and ``br`` breaks), blocks separated by a blank
   line; ordered-list items get their printed number ("1. ", "a) ");
4. that text is the :class:`~docdiff.read.source.Source` handed on, so
   every span of the parsed document points into it.  The page's ``h1``
   (when the content lacks it) leads the text, and the page title goes with
   it as a hint: it fills in the statement title when the segmented text
   has none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..errors import ParseError, UnsafeInputError
from .source import Source

__all__ = ["MAX_DEPTH", "extract", "parse_html", "read_html"]

#: Deeper element nesting than this is refused (real pages stay under ~40).
MAX_DEPTH = 200

_DROP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "form",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "canvas",
        "svg",
        "math",
        "nav",
        "aside",
        "button",
        "select",
        "textarea",
        "input",
        "label",
        "dialog",
        "menu",
        "head",
        "audio",
        "video",
        "map",
    ]
)
_OUTSIDE_CONTENT_ONLY = frozenset({"header", "footer"})
_HINT = re.compile(
    r"(?<![a-z])(?:share|sharing|social|related|comment|breadcrumb|sidebar|side-bar|menu|nav|footer|"
    r"advert|adsense|banner|promo|cookie|subscribe|newsletter|popup|modal|pagination|pager|toolbar|"
    r"widget|print-?link|tags?-?list|rss|login|search|byline)",
    re.IGNORECASE,
)
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_MAIN_XPATH = (
    "//article | //main | //*[@role='main'] | //*[@itemprop='articleBody'] | "
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' content ')]"
)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "pre",
        "center",
        "address",
        "figure",
        "figcaption",
        "hr",
        "body",
        "html",
        "caption",
    ]
)
_PARAGRAPH_TAGS = frozenset(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "dd"])
_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def parse_html(text: str, *, name: str = "<html>") -> etree._Element:
    """Parse untrusted HTML safely and return the root element.

    No network, no DTD, comments and processing instructions removed;
    nesting deeper than :data:`MAX_DEPTH` raises
    :class:`~docdiff.errors.UnsafeInputError`.
    """
    parser = etree.HTMLParser(
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=False,
        encoding="utf-8",
    )
    try:
        root = etree.fromstring(text.encode("utf-8", "surrogatepass"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"{name}: cannot parse the HTML ({exc}); check that it is a web page") from None
    for entry in parser.error_log:
        if "Excessive depth" in entry.message:
            raise UnsafeInputError(
                f"{name}: the HTML nests elements too deeply (over {MAX_DEPTH} levels); refusing to parse it"
            )
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            # libxml2's other limits: one text node, attribute or name over its size cap.
            raise UnsafeInputError(
                f"{name}: the HTML holds a text, attribute or name over the parser's size limit "
                f"({entry.message.strip()}); refusing to parse it"
            )
    if root is None:
        raise ParseError(f"{name}: the HTML page is empty; give a page that contains the statement")
    check_depth(root, name=name)
    return root


def check_depth(root: etree._Element, *, name: str, limit: int = MAX_DEPTH) -> None:
    """Raise :class:`UnsafeInputError` when ``root`` nests deeper than ``limit`` (iterative walk)."""
    stack: list[tuple[etree._Element, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > limit:
            raise UnsafeInputError(
                f"{name}: the markup nests elements more than {limit} levels deep; refusing to parse it"
            )
        stack.extend((child, depth + 1) for child in element)


def _text_of(element: etree._Element) -> str:
    return str(etree.tostring(element, method="text", encoding="unicode", with_tail=False))


def _is_furniture(element: etree._Element, inside_content: bool) -> bool:
    tag = _tag(element)
    if tag in _DROP_TAGS:
        return True
    if tag in _OUTSIDE_CONTENT_ONLY and not inside_content:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    if (element.get("role") or "").lower() in _DROP_ROLES:
        return True
    if tag in {"html", "body", "article", "main"}:
        return False
    hints = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(_HINT.search(hints))


def _drop(element: etree._Element) -> None:
    """Remove ``element`` but keep its tail text in the tree."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _strip_furniture(root: etree._Element) -> None:
    total = len(_text_of(root))
    doomed: list[etree._Element] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            doomed.append(element)
            continue
        inside = any(_tag(a) in {"article", "main"} for a in element.iterancestors())
        if not _is_furniture(element, inside):
            continue
        if _tag(element) not in _DROP_TAGS and _tag(element) not in _OUTSIDE_CONTENT_ONLY:
            # A class hint never removes the bulk of the page ("has-sidebar" on a wrapper).
            if element.find(".//article") is not None or element.find(".//main") is not None:
                continue
            if len(_text_of(element)) * 2 >= total:
                continue
        doomed.append(element)
    for element in doomed:
        if not any(a in doomed for a in element.iterancestors()):
            _drop(element)


def _link_density(element: etree._Element) -> float:
    text = len(_text_of(element).strip())
    if not text:
        return 0.0
    links = sum(len(_text_of(a).strip()) for a in element.iter("a"))
    return links / text


def _paragraph_texts(root: etree._Element) -> Iterator[tuple[etree._Element, int]]:
    """Yield (holder, length) for every paragraph-like run of text under ``root``."""
    for element in root.iter():
        tag = _tag(element)
        if tag in _PARAGRAPH_TAGS:
            yield element, len(_SPACE.sub(" ", _text_of(element)).strip())
        elif tag in _BLOCK_TAGS:
            # Text sitting directly in a div (br-separated paragraphs) counts for the div.
            own = (element.text or "") + "".join(
                (child.tail or "") + (_text_of(child) if _tag(child) not in _BLOCK_TAGS else "")
                for child in element
            )
            own = _SPACE.sub(" ", own).strip()
            if own:
                yield element, len(own)


def _choose_content(root: etree._Element) -> list[etree._Element]:
    body = root.find("body")
    if body is None:
        body = root
    total = max(1, len(_SPACE.sub(" ", _text_of(body)).strip()))
    found = root.xpath(_MAIN_XPATH)
    candidates = [e for e in found if isinstance(e, etree._Element)] if isinstance(found, list) else []
    sized = [(len(_SPACE.sub(" ", _text_of(e)).strip()), i, e) for i, e in enumerate(candidates)]
    sized = [s for s in sized if s[0] * 10 >= total * 3 and s[0] >= 200]
    if sized:
        # The largest candidate, preferring the innermost of nested ones of near-equal size.
        best = max(s[0] for s in sized)
        near = [s for s in sized if s[0] * 10 >= best * 9]
        return [near[-1][2]]
    scores: dict[etree._Element, float] = {}
    order: dict[etree._Element, int] = {e: i for i, e in enumerate(body.iter())}
    for holder, length in _paragraph_texts(body):
        if length < 25:
            continue
        parent = holder.getparent() if _tag(holder) in _PARAGRAPH_TAGS else holder
        if parent is None:
            parent = holder
        weight = length * (1.0 - min(_link_density(holder), 1.0))
        scores[parent] = scores.get(parent, 0.0) + weight
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + weight / 2
    if not scores:
        return [body]
    top = max(scores, key=lambda e: (scores[e], -order.get(e, 0)))
    parent = top.getparent()
    if parent is None:
        return [top]
    chosen = [
        sibling
        for sibling in parent
        if sibling is top or (scores.get(sibling, 0.0) >= scores[top] / 5 and _tag(sibling) != "h1")
    ]
    return chosen


def _ol_marker(index: int, style: str) -> str:
    if style == "a":
        return f"{chr(ord('a') + (index - 1) % 26)}) "
    if style == "A":
        return f"{chr(ord('A') + (index - 1) % 26)}) "
    return f"{index}. "


def _blocks(roots: list[etree._Element]) -> list[str]:
    """Flatten elements to paragraph texts (iteratively: no recursion on hostile depth)."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(current)).strip(" ")
        if text.strip():
            blocks.append(text)
        current.clear()

    # The stack holds ("open", element), ("text", str) and ("flush", None) actions.
    stack: list[tuple[str, object]] = [("open", r) for r in reversed(roots)]
    while stack:
        action, item = stack.pop()
        if action == "text":
            current.append(str(item))
            continue
        if action == "flush":
            flush()
            continue
        element = item
        assert isinstance(element, etree._Element)
        tag = _tag(element)
        if tag == "br" or tag == "hr":
            flush()
            continue
        block = tag in _BLOCK_TAGS
        if block:
            flush()
        if tag == "li":
            parent = element.getparent()
            if parent is not None and _tag(parent) == "ol":
                items = [c for c in parent if _tag(c) == "li"]
                start = int(parent.get("start") or 1) if (parent.get("start") or "1").isdigit() else 1
                current.append(_ol_marker(start + items.index(element), parent.get("type") or "1"))
        if element.text:
            current.append(element.text)
        pending: list[tuple[str, object]] = []
        for child in element:
            pending.append(("open", child))
            if child.tail:
                pending.append(("text", child.tail))
        if block:
            pending.append(("flush", None))
        stack.extend(reversed(pending))
    flush()
    return blocks


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def extract(text: str, *, name: str = "<html>") -> tuple[str, str | None]:
    """Return the statement text of an HTML page and the page title (``None`` if absent)."""
    control = _CONTROL.search(text)
    if control is not None:
        # HTML cannot hold C0 controls (the parser keeps them in text it then
        # cannot write back): a page with one is damaged, and said so.
        raise ParseError(
            f"{name}: control character U+{ord(control.group()):04X} at offset {control.start()}, "
            "which HTML cannot hold; check that this is a text or HTML file"
        )
    root = parse_html(text, name=name)
    title_element = root.find(".//title")
    page_title = _SPACE.sub(" ", _text_of(title_element)).strip() if title_element is not None else ""
    _strip_furniture(root)
    content = _choose_content(root)
    h1 = root.find(".//h1")
    lead: list[str] = []
    if h1 is not None and not any(h1 is c or any(a is c for a in h1.iterancestors()) for c in content):
        heading = _SPACE.sub(" ", _text_of(h1)).strip()
        if heading:
            lead.append(heading)
            page_title = page_title or heading
    blocks = lead + _blocks(content)
    return "\n\n".join(blocks) + ("\n" if blocks else ""), page_title or None


def read_html(text: str, *, path: str | None = None) -> Source:
    """Read an HTML page into a :class:`Source`: the extracted text, the page title as a hint."""
    name = path or "<html>"
    extracted, title = extract(text, name=name)
    if not extracted.strip():
        raise ParseError(
            f"{name}: found no statement text in this HTML page; check that it is the right page"
        )
    return Source(text=extracted, format="html", path=path, title=title)
