"""``docdiff ledger --format text``: the answer in a few lines, then the table.

The answer leads: what the right statement got that the left did not, the
reverse, and the items both name with a firmer or a weaker commitment on the
right.  Then one line per item, in the ledger's order
(:class:`~docdiff.result.Ledger`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..registry import register
from ..result import Ledger, LedgerRow, LedgerSide, Presence, StrengthChange
from .words import escape_controls

__all__ = ["LEAD_ITEMS", "answer", "ledger_text", "side_cell"]

#: How many items a line of the answer names before "and N more".
LEAD_ITEMS = 12


def _items(rows: Sequence[LedgerRow]) -> str:
    names = [row.name for row in rows[:LEAD_ITEMS]]
    more = len(rows) - LEAD_ITEMS
    return ", ".join(names) + (f" and {more} more" if more > 0 else "") if names else "nothing"


def answer(ledger: Ledger) -> list[str]:
    """The lead lines: each side's own items, then the shared ones whose strength changed."""
    by = {
        key: [r for r in ledger.rows if (r.presence, r.change) == key]
        for key in (
            (Presence.RIGHT, None),
            (Presence.LEFT, None),
            (Presence.BOTH, StrengthChange.STRONGER),
            (Presence.BOTH, StrengthChange.WEAKER),
        )
    }
    right, left = ledger.right_name, ledger.left_name
    lines = [
        f"{right} got that {left} didn't: {_items(by[Presence.RIGHT, None])}.",
        f"{left} got that {right} didn't: {_items(by[Presence.LEFT, None])}.",
    ]
    stronger, weaker = by[Presence.BOTH, StrengthChange.STRONGER], by[Presence.BOTH, StrengthChange.WEAKER]
    if stronger:
        lines.append(f"Both, with a firmer commitment in {right}: {_items(stronger)}.")
    if weaker:
        lines.append(f"Both, with a weaker commitment in {right}: {_items(weaker)}.")
    shared = sum(1 for r in ledger.rows if r.change is StrengthChange.SAME)
    lines.append(f"Both, as firmly: {shared} item(s).")
    return [escape_controls(line[:1].upper() + line[1:]) for line in lines]


def side_cell(side: LedgerSide | None) -> str:
    """One side of a row: its strongest commitment, who acts and the units ("support AZ,CN @ 1, 3")."""
    if side is None:
        return "-"
    actor = f" {','.join(side.actor)}" if side.actor else ""
    # The commitment itself ("strongly condemn"), the scale level when it says more ("note").
    said = side.commitment or side.scale
    if side.commitment and side.intensity:
        said = f"strongly {said}"
    return f"{said}{actor} @ {', '.join(side.labels)}"


@register(Ledger, "text")
def ledger_text(ledger: Ledger) -> str:
    """The ledger as terminal text."""
    lines = answer(ledger)
    lines += ["", f"left: {ledger.left_name}; right: {ledger.right_name}", ""]
    rows = [
        (
            row.presence.value + (f" {row.change.value}" if row.change else ""),
            row.kind,
            row.id,
            side_cell(row.left),
            side_cell(row.right),
        )
        for row in ledger.rows
    ]
    header = ("where", "kind", "item", "left", "right")
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=False)]
    for cells in (header, *rows):
        line = "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()
        lines.append(escape_controls(line))
    return "\n".join(lines) + "\n"
