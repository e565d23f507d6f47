"""``docdiff ledger --format md``: the answer as a list, then the table (GitHub-flavoured Markdown)."""

from __future__ import annotations

from ..registry import register
from ..result import Ledger
from .comparison_md import escape
from .ledger_text import answer, side_cell

__all__ = ["ledger_md"]


@register(Ledger, "md")
def ledger_md(ledger: Ledger) -> str:
    """The ledger as Markdown: a heading, the answer, the table of every item."""
    lines = [f"# {escape(ledger.right_name)} and {escape(ledger.left_name)}: the ledger", ""]
    lines += [f"- {escape(line)}" for line in answer(ledger)]
    lines += ["", "| where | kind | item | left | right |", "|---|---|---|---|---|"]
    for row in ledger.rows:
        where = row.presence.value + (f" ({row.change.value})" if row.change else "")
        cells = (where, row.kind, row.name, side_cell(row.left), side_cell(row.right))
        lines.append("| " + " | ".join(escape(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
