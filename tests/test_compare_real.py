"""compare() on known edit scripts of the real statements in ``$DOCDIFF_CORPUS``.

Every statement of ``$DOCDIFF_CORPUS/{ru,en,zh}/*.txt`` gets ``SCRIPTS``
seeded scripts of 3 to 12 operations (:func:`editgen.edit`); the pairs
compare() finds are scored against the ones the script implies, per language.
Skipped unless ``DOCDIFF_CORPUS`` names the corpus folder: the statements are
not part of the project.
"""

from __future__ import annotations

import functools
import os
import zlib
from pathlib import Path

import pytest
from editgen import Tally, edit

from docdiff import load
from docdiff.compare import compare
from docdiff.model import Document
from docdiff.options import Options

CORPUS = os.environ.get("DOCDIFF_CORPUS")
SCRIPTS = 5
LANGUAGES = ("ru", "en", "zh")

pytestmark = pytest.mark.skipif(
    not CORPUS, reason="DOCDIFF_CORPUS is not set: the real statements are not part of the project"
)


@functools.cache
def _load(path: str) -> Document:
    return load(path)


def _files(language: str) -> list[Path]:
    return sorted(Path(CORPUS or ".").joinpath(language).glob("*.txt"))


def run(language: str, scripts: int = SCRIPTS) -> Tally:
    """Score ``scripts`` edit scripts on every statement of one language."""
    tally = Tally()
    for path in _files(language):
        left = _load(str(path))
        if not left.units:
            continue
        base = zlib.crc32(path.name.encode())
        for k in range(scripts):
            scripted = edit(left, base + k)
            result = compare(left, scripted.right, Options(phrases=False))
            tally.add(left, scripted.right, scripted.pairs, result, f"{path.name}#{k} {scripted.script}")
    return tally


@pytest.mark.parametrize("language", LANGUAGES)
def test_edit_scripts_on_real_statements(language: str) -> None:
    if not _files(language):
        pytest.skip(f"no {language} statements in {CORPUS}")
    tally = run(language)
    figures = tally.figures()
    print(f"\n{language}: {figures}")
    detail = "\n".join(tally.failures[:20])
    assert figures["f1"] >= 0.98, detail
    assert figures["moved"] >= 0.98, detail
    assert figures["wrong_moves"] == 0, detail
    assert figures["change"] >= 0.97, detail
    assert figures["rebuilt"] == 1.0, detail


if __name__ == "__main__":  # a fuller run: python tests/test_compare_real.py [scripts]
    import sys

    for language in LANGUAGES:
        found = run(language, int(sys.argv[1]) if len(sys.argv) > 1 else SCRIPTS)
        print(language, found.figures())
        for line in found.failures:
            print("   ", line)
