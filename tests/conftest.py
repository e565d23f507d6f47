"""Shared pytest configuration."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Shared test helpers (helpers, strategies, editgen, render_sample) are imported
# by their bare names from this folder; test modules never import each other.
sys.path.insert(0, str(Path(__file__).resolve().parent))

# No per-example deadline: CI machines are shared, and a slow example is not a
# wrong one.  Tests that need fewer or more examples set them themselves.
settings.register_profile("docdiff", deadline=None, print_blob=True)
settings.load_profile("docdiff")


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden``: rewrite the golden files instead of comparing (``make golden``)."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/* from the current renderers instead of comparing with them",
    )
