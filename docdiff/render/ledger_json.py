"""``docdiff ledger --format json``: ``docdiff/ledger@1`` (schema ``docdiff/schemas/ledger-1.json``)."""

from __future__ import annotations

from typing import Any

from ..model import Document
from ..registry import register
from ..result import Ledger, LedgerSide
from .jsonout import LEDGER_SCHEMA, dump
from .words import title_of

__all__ = ["ledger_json", "ledger_to_dict"]


def _document(document: Document, name: str) -> dict[str, Any]:
    return {
        "path": document.path,
        "name": name,
        "title": title_of(document),
        "date": document.metadata.date,
        "parties": list(document.metadata.parties),
        "language": document.metadata.language,
    }


def _side(side: LedgerSide | None) -> dict[str, Any] | None:
    if side is None:
        return None
    return {
        "labels": list(side.labels),
        "strength": side.strength,
        "scale": side.scale,
        "commitment": side.commitment,
        "intensity": side.intensity,
        "actor": list(side.actor),
        "sentences": side.sentences,
        "text": side.text,
    }


def ledger_to_dict(ledger: Ledger) -> dict[str, Any]:
    """The ``docdiff/ledger@1`` document as plain dicts and lists, keys in output order."""
    counts: dict[str, int] = {"right": 0, "left": 0, "stronger": 0, "weaker": 0, "same": 0}
    for row in ledger.rows:
        counts[row.change.value if row.change else row.presence.value] += 1
    return {
        "schema": LEDGER_SCHEMA,
        "left": _document(ledger.left, ledger.left_name),
        "right": _document(ledger.right, ledger.right_name),
        "summary": counts,
        "rows": [
            {
                "kind": row.kind,
                "id": row.id,
                "name": row.name,
                "presence": row.presence.value,
                "change": row.change.value if row.change else None,
                "left": _side(row.left),
                "right": _side(row.right),
            }
            for row in ledger.rows
        ],
    }


@register(Ledger, "json")
def ledger_json(ledger: Ledger) -> str:
    """The ledger as ``docdiff/ledger@1`` JSON."""
    return dump(ledger_to_dict(ledger))
