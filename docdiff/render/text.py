"""A readable terminal report of a comparison.

Inline changes are shown with ANSI styles when colour is on (deletions red
and struck through, insertions green and underlined) and otherwise with
wdiff's markers, ``[-deleted-]{+inserted+}``, so the report says the same
with or without colour.  Control characters in the statements (an escape
sequence could recolour or rewrite the terminal) are shown as visible
``\\xNN`` escapes, never passed through.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

from ..model import Document
from ..result import Change, ClausePair, Comparison, Edit, Op, PairKind, PhraseSide
from . import register

__all__ = [
    "describe_pair",
    "escape_controls",
    "inline",
    "pair_events",
    "pair_heading",
    "render_text",
    "should_color",
    "unchanged",
    "unit_labels",
]

_RESET = "\x1b[0m"
_STYLE = {
    Op.DELETE: "\x1b[9;31m",  # strikethrough, red
    Op.INSERT: "\x1b[4;32m",  # underline, green
}
_MARKERS = {Op.DELETE: ("[-", "-]"), Op.INSERT: ("{+", "+}")}
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_INDENT = "    "
_NONE = "—"  # stands for the missing side of an insertion or deletion

# C0 and C1 controls and DEL, shown as escapes; tab and newline lay text out.
_CONTROLS = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
_CONTROLS_BUT_LAYOUT = {code: shown for code, shown in _CONTROLS.items() if code not in (0x09, 0x0A)}


def escape_controls(text: str, *, keep_layout: bool = True) -> str:
    """Control characters as visible ``\\xNN`` escapes, so none reaches a terminal or a page.

    Tab and newline stay unless ``keep_layout`` is false (one-line output).
    """
    return text.translate(_CONTROLS_BUT_LAYOUT if keep_layout else _CONTROLS)


def should_color(stream: TextIO | None = None) -> bool:
    """True when ``stream`` (default: standard output) is a terminal and NO_COLOR is unset.

    Follows https://no-color.org: any non-empty ``NO_COLOR`` turns colour off;
    so does ``TERM=dumb``.
    """
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    stream = sys.stdout if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except (OSError, ValueError):  # a closed or detached stream
        return False


def unchanged(pair: ClausePair) -> bool:
    """True for a pair that neither changed nor moved: one unit matched to one, same text."""
    return pair.kind is PairKind.MATCH and pair.change is Change.NONE and not pair.moved


def pair_heading(pair: ClausePair, arrow: str = "→") -> str:
    """The pair's labels, ``"3 → 16"``, ``"4 → 5, 6"``, ``"— → 9"``."""
    left = ", ".join(pair.left) or _NONE
    right = ", ".join(pair.right) or _NONE
    return f"{left} {arrow} {right}"


def pair_events(pair: ClausePair) -> list[str]:
    """What happened to the pair's units, without the change: ``["split", "moved"]``, ``["deleted"]``."""
    if pair.kind is PairKind.INSERT:
        return ["inserted"]
    if pair.kind is PairKind.DELETE:
        return ["deleted"]
    words = [] if pair.kind is PairKind.MATCH else [str(pair.kind)]
    if pair.moved:
        words.append("moved")
    return words


def describe_pair(pair: ClausePair) -> str:
    """What happened to the pair in words: ``"moved, substantive (modality)"``."""
    words = pair_events(pair)
    if pair.left and pair.right:
        words.append("unchanged" if pair.change is Change.NONE else str(pair.change))
    text = ", ".join(words)
    if pair.flags:
        text += " (" + ", ".join(str(f) for f in pair.flags) + ")"
    return text


def _styled(op: Op, text: str, color: bool) -> str:
    if op is Op.EQUAL:
        return text
    if color:
        return _STYLE[op] + text + _RESET
    opening, closing = _MARKERS[op]
    return opening + text + closing


def inline(edits: Sequence[Edit], *, color: bool) -> list[str]:
    """The edits as lines of text, each change marked; markers close at every line end."""
    lines: list[list[str]] = [[]]
    for edit in edits:
        for i, piece in enumerate(escape_controls(edit.text).split("\n")):
            if i:
                lines.append([])
            if piece:
                lines[-1].append(_styled(edit.op, piece, color))
    return ["".join(line) for line in lines]


def _indented(lines: Iterable[str], indent: str = _INDENT) -> list[str]:
    return [indent + line if line.strip() else "" for line in lines]


def _describe_document(side: str, document: Document) -> str:
    meta = document.metadata
    title = meta.title or (document.title.text if document.title is not None else None)
    facts = [title or "(untitled)"]
    facts += [v for v in (meta.date, meta.place) if v]
    if meta.parties:
        facts.append("/".join(meta.parties))
    facts.append(meta.language)
    label = f"{side}: "
    head = f"{label:7}{document.path or '(no path)'}"
    return escape_controls(head + "\n       " + " · ".join(facts))


def _counts(items: Iterable[tuple[str, int]]) -> str:
    return ", ".join(f"{count} {name}" for name, count in items if count) or "none"


def _header(comparison: Comparison, bold: str, reset: str) -> list[str]:
    summary = comparison.summary
    out = [
        f"{bold}docdiff comparison{reset}",
        _describe_document("left", comparison.left),
        _describe_document("right", comparison.right),
    ]
    if summary.metadata:
        out += ["", f"{bold}Metadata that differs{reset}"]
        width = max(len(d.field) for d in summary.metadata) + 1
    for difference in summary.metadata:
        left = difference.left if not isinstance(difference.left, tuple) else ", ".join(difference.left)
        right = difference.right if not isinstance(difference.right, tuple) else ", ".join(difference.right)
        out.append(escape_controls(f"  {difference.field + ':':{width}} {left or _NONE} → {right or _NONE}"))
    out += ["", f"{bold}Summary{reset}"]
    out += [escape_controls(f"  note: {note}") for note in summary.notes]
    out += [
        f"  pairs:      {len(comparison.pairs)} ({_counts(summary.by_kind)})",
        f"  changes:    {_counts(summary.by_change)}",
        f"  moved:      {summary.moved}",
        f"  flags:      {_counts(summary.flags)}",
        f"  similarity: {summary.similarity:.2f}",
    ]
    return out


def _section(title: str, edits: Sequence[Edit], color: bool, bold: str, reset: str) -> list[str]:
    if not any(e.op is not Op.EQUAL for e in edits):
        return []
    return ["", f"{bold}{title}{reset}", *_indented(inline(edits, color=color))]


def unit_labels(sides: Sequence[PhraseSide]) -> str:
    """The units of ``sides``, each once, ``"11 ×6, 12"`` when one holds several; ``—`` for none."""
    counts: dict[str, int] = {}
    for side in sides:
        counts[side.label] = counts.get(side.label, 0) + 1
    return ", ".join(f"{label} ×{n}" if n > 1 else label for label, n in counts.items()) or _NONE


def _formulas(comparison: Comparison) -> list[str]:
    out = []
    for use in comparison.formulas:
        if not use.right:
            direction = ", only left"
        elif not use.left:
            direction = ", only right"
        else:
            direction = f", {use.direction}" if use.direction else ""
        left, right = unit_labels(use.left), unit_labels(use.right)
        out.append(escape_controls(f"  {use.id}: left {left}; right {right}{direction}"))
    return out


def _runs(pairs: Sequence[ClausePair], only_changed: bool) -> list[list[ClausePair]]:
    """The pairs in order, runs of three or more unchanged pairs grouped (dropped if ``only_changed``)."""
    groups: list[list[ClausePair]] = []
    for pair in pairs:
        if unchanged(pair) and groups and all(unchanged(p) for p in groups[-1]):
            groups[-1].append(pair)
        else:
            groups.append([pair])
    out: list[list[ClausePair]] = []
    for group in groups:
        if only_changed and unchanged(group[0]):
            continue
        out += [group] if len(group) >= 3 else [[pair] for pair in group]
    return out


@register("text")
def render_text(comparison: Comparison, *, color: bool | None = None, only_changed: bool = False) -> str:
    """Render ``comparison`` as a terminal report.

    ``color``: ANSI styles on or off; ``None`` decides with
    :func:`should_color` on standard output.  ``only_changed``: leave out
    pairs that neither changed nor moved.  Unchanged pairs show their
    heading only, and a run of three or more of them one line,
    ``[1 → 1 … 9 → 9] 9 unchanged pairs``; the other pairs show their inline
    diff and notes.
    """
    if color is None:
        color = should_color()
    bold, dim, reset = (_BOLD, _DIM, _RESET) if color else ("", "", "")
    out = _header(comparison, bold, reset)
    out += _section("Envelope", comparison.envelope, color, bold, reset)
    out.append("")
    out.append(f"{bold}Clauses{reset}")
    for group in _runs(comparison.pairs, only_changed):
        pair = group[0]
        if len(group) > 1:
            first, last = escape_controls(pair_heading(pair)), escape_controls(pair_heading(group[-1]))
            out += ["", f"{bold}[{first} … {last}]{reset} {len(group)} unchanged pairs"]
            continue
        heading = f"{bold}[{escape_controls(pair_heading(pair))}]{reset} {describe_pair(pair)}"
        if pair.kind not in (PairKind.INSERT, PairKind.DELETE):
            heading += f" {dim}{pair.similarity:.2f}{reset}"
        out.append("")
        out.append(heading)
        if unchanged(pair):
            continue
        if comparison.left.language != comparison.right.language and pair.left and pair.right:
            # Translations, not edits of each other: both texts, one after the other.
            for name, drop in ((comparison.left.language, Op.INSERT), (comparison.right.language, Op.DELETE)):
                side = [Edit(Op.EQUAL, e.text) for e in pair.edits if e.op is not drop]
                out += [f"{_INDENT}{name}:", *_indented(inline(side, color=color), _INDENT * 2)]
        else:
            out += _indented(inline(pair.edits, color=color))
        out += [escape_controls(f"{_INDENT}note: {note}") for note in pair.notes]
    out += _section("Closing", comparison.closing, color, bold, reset)
    formulas = _formulas(comparison)
    if formulas:
        out += ["", f"{bold}Formulas{reset}", *formulas]
    return "\n".join(out) + "\n"
