"""A readable terminal report of a comparison.

Inline changes are shown with ANSI styles when colour is on (deletions red
and struck through, insertions green and underlined) and otherwise with
wdiff's markers, ``[-deleted-]{+inserted+}``, so the report says the same
with or without colour.  Control characters in the statements (an escape
sequence could recolour or rewrite the terminal) are shown as visible
``\\xNN`` escapes, never passed through.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..model import Document
from ..registry import register
from ..result import ClausePair, Comparison, Edit, Op, PairKind
from .words import (
    NONE,
    WDIFF_MARKERS,
    describe_pair,
    direction_label,
    divergence_lines,
    escape_controls,
    evidence_line,
    pair_heading,
    sentence_rows,
    title_of,
    unchanged,
    unit_labels,
)

__all__ = ["inline", "render_text"]

_RESET = "\x1b[0m"
_STYLE = {
    Op.DELETE: "\x1b[9;31m",  # strikethrough, red
    Op.INSERT: "\x1b[4;32m",  # underline, green
}
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
_INDENT = "    "


def _styled(op: Op, text: str, color: bool) -> str:
    if op is Op.EQUAL:
        return text
    if color:
        return _STYLE[op] + text + _RESET
    opening, closing = WDIFF_MARKERS[op]
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
    facts = [title_of(document) or "(untitled)"]
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
        out.append(escape_controls(f"  {difference.field + ':':{width}} {left or NONE} → {right or NONE}"))
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


def _formulas(comparison: Comparison) -> list[str]:
    out = []
    for use in comparison.formulas:
        label = direction_label(use, both="")
        direction = f", {label}" if label else ""
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


def _sentences(pair: ClausePair, comparison: Comparison, color: bool) -> list[str]:
    """Rewritten text, sentence by sentence: close sentences as a word diff, the rest side by side."""
    out: list[str] = []
    for a, b, edits in sentence_rows(pair, comparison.left.source, comparison.right.source):
        if edits:
            out += _indented(inline(edits, color=color), _INDENT + "~ ")
            continue
        if a is not None:
            out += _indented(inline([Edit(Op.DELETE, a)], color=color), _INDENT + "< ")
        if b is not None:
            out += _indented(inline([Edit(Op.INSERT, b)], color=color), _INDENT + "> ")
    return out


@register(Comparison, "text")
def render_text(comparison: Comparison, *, color: bool = False, only_changed: bool = False) -> str:
    """Render ``comparison`` as a terminal report.

    ``color``: ANSI styles on or off (the CLI decides, from ``--color`` and
    the terminal; a renderer never looks).  ``only_changed``: leave out
    pairs that neither changed nor moved.  Unchanged pairs show their
    heading only, and a run of three or more of them one line,
    ``[1 → 1 … 9 → 9] 9 unchanged pairs``; the other pairs show their inline
    diff and notes.
    """
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
        elif pair.sentences:
            out += _sentences(pair, comparison, color)
        else:
            out += _indented(inline(pair.edits, color=color))
        out += [escape_controls(f"{_INDENT}note: {note}") for note in pair.notes]
        if evidence_line(pair):
            out.append(escape_controls(f"{_INDENT}{evidence_line(pair)}"))
        out += [escape_controls(f"{_INDENT}divergence: {line}") for line in divergence_lines(pair)]
    out += _section("Closing", comparison.closing, color, bold, reset)
    formulas = _formulas(comparison)
    if formulas:
        out += ["", f"{bold}Formulas{reset}", *formulas]
    return "\n".join(out) + "\n"
