"""The shared lexicons: one loader for the multilingual JSON files in ``docdiff/lang/lexicon/``.

These files list entities (parties, leaders, places, stock formulas,
commitment categories) with their names or patterns in each language side by
side, so one entry stays one entry; facts of one language alone live in its
pack (:mod:`docdiff.lang.packs`).
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["LEXICONS", "lexicon"]

LEXICONS = ("commitments", "concepts", "formulas", "leaders", "parties", "places")
"""The lexicon names: ``lexicon/<name>.json``."""


@functools.cache
def lexicon(name: str) -> dict[str, Any]:
    """The parsed ``lexicon/<name>.json`` (read once; callers must not change it)."""
    if name not in LEXICONS:
        raise ValueError(f"unknown lexicon {name!r}; known: {', '.join(LEXICONS)}")
    text = resources.files("docdiff.lang").joinpath(f"lexicon/{name}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
