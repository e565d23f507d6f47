"""What every JSON output shares: the schema ids, the shipped schemas and the one writer.

Every format docdiff writes as JSON names its schema in a ``schema`` field;
the ids are here, once, and each has a JSON Schema in ``docdiff/schemas``
(:func:`schema` loads it).  :func:`dump` writes every one of them the same
way: keys in the order given, non-ASCII text as is, two-space indentation
and a final newline.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = [
    "COMPARISON_SCHEMA",
    "CORPUS_FORMULAS_SCHEMA",
    "DOCUMENT_SCHEMA",
    "FORMULAS_SCHEMA",
    "LEDGER_SCHEMA",
    "MATRIX_SCHEMA",
    "PHRASES_SCHEMA",
    "RANK_SCHEMA",
    "dump",
    "schema",
]

#: ``docdiff compare --format json``: one comparison.
COMPARISON_SCHEMA = "docdiff/comparison@1"
#: ``docdiff phrases --format json``: phrase pairs and formula uses of two statements.
PHRASES_SCHEMA = "docdiff/phrases@1"
#: ``docdiff parse --format json``: one statement's clause model.
DOCUMENT_SCHEMA = "docdiff/document@1"
#: ``docdiff formulas --format json`` over files: every occurrence, by statement.
FORMULAS_SCHEMA = "docdiff/formulas@1"
#: ``docdiff formulas --format json`` over a corpus folder: wordings grouped into variants.
CORPUS_FORMULAS_SCHEMA = "docdiff/corpus-formulas@1"
#: ``docdiff ledger --format json``: what each of two statements got that the other did not.
LEDGER_SCHEMA = "docdiff/ledger@1"
#: ``docdiff rank --format json``.
RANK_SCHEMA = "docdiff/rank@1"
#: ``docdiff matrix --format json``.
MATRIX_SCHEMA = "docdiff/matrix@1"


def schema(name: str = "comparison") -> dict[str, Any]:
    """Load the shipped JSON Schema ``name`` (``comparison``, ``phrases``, ``document``,
    ``formulas``, ``corpus-formulas``, ``ledger``, ``rank`` or ``matrix``), version 1."""
    text = resources.files("docdiff").joinpath("schemas", f"{name}-1.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def dump(data: object, *, allow_nan: bool = False) -> str:
    """``data`` as docdiff writes JSON: keys in order, text as is, two-space indentation, final newline.

    ``allow_nan`` writes a NaN or infinite float as ``NaN``/``Infinity`` (not JSON)
    instead of raising ``ValueError``; only the outputs that always did so pass it.
    """
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=allow_nan) + "\n"
