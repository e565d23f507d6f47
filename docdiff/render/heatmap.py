"""The similarity matrix as a heat map: one self-contained HTML page, inline SVG, no script.

Built with lxml element by element, so every label is text, never markup.
Each cell is a ``rect`` whose ``title`` child names the pair and the score
(browsers show it on hover); the colour runs from white (0) to dark blue (1).
"""

from __future__ import annotations

from lxml import etree

from ..corpus.types import Matrix
from ..registry import register

__all__ = ["heatmap_html"]

_CELL = 18
_MARGIN = 8
_CHAR = 7  # width of a label character at the font size below, for the layout

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
svg text { font-size: 11px; fill: #222; }
svg rect.cell:hover { stroke: #d33; stroke-width: 2; }
.legend { font-size: 0.9em; color: #555; }
"""


def _colour(value: float) -> str:
    # Linear from white to #08306b, the dark end of the ColorBrewer "Blues" scale.
    v = max(0.0, min(1.0, value))
    r, g, b = (round(255 + (end - 255) * v) for end in (0x08, 0x30, 0x6B))
    return f"#{r:02x}{g:02x}{b:02x}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(
        parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attributes.items()}
    )
    if text is not None:
        element.text = text
    return element


@register(Matrix, "html")
def heatmap_html(matrix: Matrix, *, title: str = "Statement similarity") -> str:
    """Render ``matrix`` as an HTML page holding an SVG heat map, labelled rows and columns."""
    size = len(matrix.labels)
    gutter = _MARGIN + _CHAR * max((len(label) for label in matrix.labels), default=4)
    width = gutter + size * _CELL + _MARGIN
    height = gutter + size * _CELL + _MARGIN

    html = etree.Element("html", lang="en")
    head = _sub(html, "head")
    _sub(head, "meta", charset="utf-8")
    _sub(head, "title", title)
    _sub(head, "style", _STYLE)
    body = _sub(html, "body")
    _sub(body, "h1", title)
    _sub(
        body,
        "p",
        f"{size} statements; cell colour is the TF-IDF cosine of two statements, "
        "from white (0) to dark blue (1). Hover over a cell for the pair and its score.",
        class_="legend",
    )
    svg = _sub(
        body,
        "svg",
        xmlns="http://www.w3.org/2000/svg",
        width=str(width),
        height=str(height),
        viewBox=f"0 0 {width} {height}",
        role="img",
    )
    _sub(svg, "title", title)
    for i, label in enumerate(matrix.labels):
        middle = gutter + i * _CELL + _CELL // 2 + 4
        _sub(svg, "text", label, x=str(gutter - 4), y=str(middle), text_anchor="end", class_="row")
        centre = gutter + i * _CELL + _CELL // 2 + 4
        _sub(
            svg,
            "text",
            label,
            x=str(centre),
            y=str(gutter - 4),
            text_anchor="start",
            transform=f"rotate(-90 {centre} {gutter - 4})",
            class_="column",
        )
    for i, row in enumerate(matrix.values):
        for j, value in enumerate(row):
            cell = _sub(
                svg,
                "rect",
                x=str(gutter + j * _CELL),
                y=str(gutter + i * _CELL),
                width=str(_CELL - 1),
                height=str(_CELL - 1),
                fill=_colour(value),
                class_="cell",
            )
            cell.set("data-score", f"{value:.4f}")
            _sub(cell, "title", f"{matrix.labels[i]} × {matrix.labels[j]}: {value:.2f}")
    text: str = etree.tostring(html, method="html", encoding="unicode", doctype="<!DOCTYPE html>")
    return text + "\n"
