"""A GitHub-flavoured Markdown report of a comparison.

Inline changes use ``<del>`` and ``<ins>`` tags rather than ``~~`` and
``**``: the tags work whatever whitespace an edit starts or ends with (GFM
emphasis does not), carry their meaning to screen readers, and survive
GitHub's sanitizer.  Markers never cross a line or paragraph boundary:
each piece is closed at a line end and reopened on the next line.

Statement text is inert: ``&``, ``<``, ``>`` become entities, Markdown
punctuation is backslash-escaped, block markers at line starts (lists,
headings, setext underlines, indented code) are neutralized, and so are
GitHub's autolinks, emoji shortcodes, mentions and math.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model import Document
from ..registry import register
from ..result import ClausePair, Comparison, Edit, Op, PairKind, PhraseSide
from .words import (
    NONE,
    describe_pair,
    direction_label,
    divergence_lines,
    escape_controls,
    evidence_line,
    pair_events,
    pair_heading,
    sentence_rows,
    unchanged,
    unit_labels,
)

__all__ = ["escape", "inline_markdown", "render_markdown"]

_TAGS = {Op.DELETE: ("<del>", "</del>"), Op.INSERT: ("<ins>", "</ins>")}
# Entities first, then a backslash before each ASCII punctuation mark that
# can open or close inline markup anywhere in a line on GitHub.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PUNCTUATION = frozenset("\\`*_[]~|{}#$@!")
# A colon glued to the next character opens an emoji shortcode (":flag_ru:")
# or a URL scheme ("http://"), which GitHub autolinks; so does "www.".
_COLON = re.compile(r":(?=\S)")
_WWW = re.compile(r"(?i)\b(www)\.")
# What opens a block when it starts a line: list bullets, ordered-list
# numbers, setext underlines; leading blanks (indented code).
_LINE_START = re.compile(r"^(?:[-+=]|\d{1,9}[.)])")
_LEADING_BLANKS = re.compile(r"^[ \t]+")


def escape(text: str) -> str:
    """``text`` as Markdown that renders as exactly that text, with no markup, inside a line.

    Block markers matter only at a line start: :func:`inline_markdown` and
    table cells escape those too.
    """
    text = escape_controls(text)
    out = []
    for char in text:
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _PUNCTUATION:
            out.append("\\" + char)
        else:
            out.append(char)
    escaped = "".join(out)
    escaped = _WWW.sub(r"\1\\.", escaped)
    return _COLON.sub(r"\\:", escaped)


def _line_start(line: str) -> str:
    line = _LEADING_BLANKS.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group()), line)
    match = _LINE_START.match(line)
    if match:
        marker = match.group()
        line = marker[:-1] + "\\" + marker[-1] + line[match.end() :]
    return line


def _cell(text: str) -> str:
    return "<br>".join(_line_start(escape(line)) for line in text.split("\n")) or " "


def inline_markdown(edits: Sequence[Edit]) -> list[str]:
    """The edits as Markdown lines; an empty line separates paragraphs.

    Each changed piece is wrapped in ``<del>``/``<ins>`` within one line;
    a piece spanning lines is closed and reopened at each line end, and
    empty pieces get no tags.
    """
    lines: list[str] = [""]
    for edit in edits:
        for i, piece in enumerate(edit.text.split("\n")):
            if i:
                lines.append("")
            if not piece:
                continue
            escaped = escape(piece)
            if not lines[-1]:
                escaped = _line_start(escaped)
            if edit.op is Op.EQUAL:
                lines[-1] += escaped
            else:
                opening, closing = _TAGS[edit.op]
                lines[-1] += opening + escaped + closing
    # Blank-looking lines would end the paragraph; keep at most one in a row.
    out: list[str] = []
    for line in lines:
        if not line.strip() and (not out or not out[-1]):
            continue
        out.append(line if line.strip() else "")
    while out and not out[-1]:
        out.pop()
    return out


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def _title(document: Document) -> str | None:
    meta = document.metadata
    return meta.title or (document.title.text if document.title is not None else None)


def _metadata_rows(left: Document, right: Document) -> list[list[str]]:
    def facts(document: Document) -> dict[str, str]:
        meta = document.metadata
        signed = "; ".join(", ".join(v for v in (s.name, s.role, s.party) if v) for s in meta.signatories)
        return {
            "Path": document.path or "",
            "Title": _title(document) or "",
            "Kind": meta.kind or "",
            "Date": meta.date or "",
            "Place": meta.place or "",
            "Parties": ", ".join(meta.parties),
            "Signatories": signed,
            "Language": meta.language,
        }

    a, b = facts(left), facts(right)
    rows = []
    for name in a:
        differs = name != "Path" and a[name] != b[name]
        rows.append([name, _cell(a[name]), _cell(b[name]), "**yes**" if differs else "no"])
    return rows


def _pair_title(pair: ClausePair) -> str:
    heading = escape(pair_heading(pair))
    extra = pair_events(pair)
    return heading + (f" ({', '.join(extra)})" if extra else "")


def _summary(comparison: Comparison) -> list[str]:
    summary = comparison.summary
    out = ["## Summary", ""]
    for note in summary.notes:
        out += [f"> **Note:** {escape(note)}", ""]
    out += _table(["Kind", "Pairs"], [[k, str(n)] for k, n in summary.by_kind])
    out += [""]
    out += _table(["Change", "Pairs"], [[c, str(n)] for c, n in summary.by_change])
    flags = ", ".join(f"{name} {count}" for name, count in summary.flags if count) or "none"
    out += [
        "",
        f"Overall similarity: {summary.similarity:.2f} · moved clauses: {summary.moved} · flags: {flags}",
    ]
    return out


def _clause_map(comparison: Comparison) -> list[str]:
    rows = []
    for index, pair in enumerate(comparison.pairs, 1):
        number = str(index) if unchanged(pair) else f"[{index}](#pair-{index})"
        rows.append(
            [
                number,
                escape(", ".join(pair.left)) or NONE,
                escape(", ".join(pair.right)) or NONE,
                escape(describe_pair(pair)),
                NONE if pair.kind in (PairKind.INSERT, PairKind.DELETE) else f"{pair.similarity:.2f}",
            ]
        )
    return ["## Clause map", "", *_table(["#", "Left", "Right", "What changed", "Similarity"], rows)]


def _side_text(edits: Sequence[Edit], drop: Op) -> list[Edit]:
    """One side's text as unchanged edits: the other side's changes dropped."""
    return [Edit(Op.EQUAL, e.text) for e in edits if e.op is not drop]


def _sentence_lines(pair: ClausePair, sources: tuple[str, str]) -> list[str]:
    """Rewritten text as a two-column table: close sentences with their word diff, the rest side by side."""
    out = ["| left | right |", "|---|---|"]
    for a, b, edits in sentence_rows(pair, *sources):
        if edits:
            cell = " ".join(line for line in inline_markdown(edits) if line)
            out.append(f"| {cell} | ↔ |")
        else:
            out.append(f"| {escape(a) if a else NONE} | {escape(b) if b else NONE} |")
    return out


def _pair_section(
    index: int,
    pair: ClausePair,
    languages: tuple[str, str] | None = None,
    sources: tuple[str, str] = ("", ""),
) -> list[str]:
    facts = [escape(describe_pair(pair))]
    if pair.kind not in (PairKind.INSERT, PairKind.DELETE):
        facts.append(f"similarity {pair.similarity:.2f}")
    if pair.matched_by is not None:
        facts.append(f"matched by {pair.matched_by}")
    out = [
        f'<a id="pair-{index}"></a>',
        "",
        f"### {_pair_title(pair)}",
        "",
        "*" + " · ".join(facts) + "*",
        "",
    ]
    extra = [f"- Note: {escape(note)}" for note in pair.notes]
    if evidence_line(pair):
        extra.append(f"- {escape(evidence_line(pair)).capitalize()}")
    extra += [f"- Divergence: {escape(line)}" for line in divergence_lines(pair)]
    if extra:
        out += [*extra, ""]
    if pair.sentences and not languages:
        out += _sentence_lines(pair, sources)
    elif languages and pair.left and pair.right:
        # Across languages a redline would strike out one text and underline
        # its translation: the two texts are given one after the other.
        out += [
            f"**Left** ({escape(languages[0])}):",
            "",
            *inline_markdown(_side_text(pair.edits, Op.INSERT)),
        ]
        out += ["", f"**Right** ({escape(languages[1])}):", ""]
        out += inline_markdown(_side_text(pair.edits, Op.DELETE))
    else:
        out += inline_markdown(pair.edits)
    out.append("")
    return out


def _edits_section(title: str, edits: Sequence[Edit]) -> list[str]:
    if not any(e.op is not Op.EQUAL for e in edits):
        return []
    return [f"## {title}", "", *inline_markdown(edits), ""]


def _sides(sides: Sequence[PhraseSide]) -> str:
    return escape(unit_labels(sides))


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return escape(text if len(text) <= limit else text[: limit - 1].rstrip() + "…")


def _change_words(edits: Sequence[Edit], limit: int = 3, width: int = 48) -> str:
    """The changes of ``edits`` on one line: ``<del>was</del> → <ins>now</ins>; …``."""
    parts: list[str] = []
    deleted = inserted = ""
    for edit in (*edits, Edit(Op.EQUAL, "")):
        if edit.op is Op.DELETE:
            deleted += edit.text
        elif edit.op is Op.INSERT:
            inserted += edit.text
        else:
            old, new = _excerpt(deleted, width), _excerpt(inserted, width)
            if old and new:
                parts.append(f"<del>{old}</del> → <ins>{new}</ins>")
            elif old or new:
                parts.append(f"−<del>{old}</del>" if old else f"+<ins>{new}</ins>")
            deleted = inserted = ""
    more = f"; … {len(parts) - limit} more" if len(parts) > limit else ""
    return "; ".join(parts[:limit]) + more or "spacing only"


def _phrases(comparison: Comparison) -> list[str]:
    """Formulas, reworded phrases (one line each), identical phrases folded in ``<details>``."""
    out: list[str] = []
    if comparison.formulas:
        rows = [
            [
                escape(f.id),
                escape(direction_label(f)),
                _sides(f.left),
                _sides(f.right),
                _change_words(f.edits) if any(e.op is not Op.EQUAL for e in f.edits) else NONE,
            ]
            for f in comparison.formulas
        ]
        header = ["Formula", "Right vs left", "Left", "Right", "Wording"]
        out += [f"## Formulas ({len(rows)})", "", *_table(header, rows), ""]
    reworded = [p for p in comparison.phrases if any(e.op is not Op.EQUAL for e in p.edits)]
    identical = [p for p in comparison.phrases if not any(e.op is not Op.EQUAL for e in p.edits)]
    if reworded:
        rows = [
            [
                escape(p.left.label),
                escape(p.right.label),
                f"{p.score:.2f}",
                escape(p.formula or ""),
                _change_words(p.edits),
            ]
            for p in reworded
        ]
        header = ["Left", "Right", "Score", "Formula", "Change"]
        out += [f"## Reworded phrases ({len(rows)})", "", *_table(header, rows), ""]
    if identical:
        rows = [
            [escape(p.left.label), escape(p.right.label), escape(p.formula or ""), _excerpt(p.right.text, 90)]
            for p in identical
        ]
        # GitHub renders Markdown inside <details> when blank lines surround it.
        out += [
            f"## Identical phrases ({len(rows)})",
            "",
            "<details><summary>Phrases both documents share word for word</summary>",
            "",
            *_table(["Left", "Right", "Formula", "Phrase (start)"], rows),
            "",
            "</details>",
            "",
        ]
    return out


@register(Comparison, "md")
def render_markdown(comparison: Comparison, *, title: str | None = None) -> str:
    """Render ``comparison`` as GitHub-flavoured Markdown.

    ``title``: the top heading (default: both documents' paths or titles).
    Sections: metadata table, summary, clause map, one section per changed
    pair, envelope and closing changes, formulas, reworded and identical
    shared phrases.
    """
    if title is None:
        names = [
            d.path or _title(d) or side
            for d, side in ((comparison.left, "left"), (comparison.right, "right"))
        ]
        title = f"Comparison: {names[0]} → {names[1]}"
    out = [f"# {escape(title)}", ""]
    out += _table(["Field", "Left", "Right", "Differs"], _metadata_rows(comparison.left, comparison.right))
    out.append("")
    out += _summary(comparison)
    out.append("")
    out += _clause_map(comparison)
    out.append("")
    changed = [(i, p) for i, p in enumerate(comparison.pairs, 1) if not unchanged(p)]
    left, right = comparison.left.language, comparison.right.language
    languages = (left, right) if left != right else None
    out += ["## Changes", ""]
    if not changed:
        out += ["No clause changed.", ""]
    for index, pair in changed:
        out += _pair_section(index, pair, languages, (comparison.left.source, comparison.right.source))
    out += _edits_section("Envelope", comparison.envelope)
    out += _edits_section("Closing", comparison.closing)
    out += _phrases(comparison)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
