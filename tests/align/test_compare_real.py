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
from editgen import Expected, Scripted, Tally, edit

from docdiff import load, loads
from docdiff.align.compare import compare
from docdiff.align.similarity import fold_key
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


def _reparsed(scripted: Scripted, language: str) -> tuple[Document, list[Expected]] | None:
    """The edited text parsed by docdiff itself, with the expected pairs relabelled.

    ``None`` when the parse does not find the same units (same texts, same
    order) as the script built: then the segmenter, not the alignment, differs.
    """
    right = loads(scripted.right.source, language=language)
    built = [u.label for u in scripted.right.units]
    if [fold_key(u.text) for u in right.units] != [fold_key(u.text) for u in scripted.right.units]:
        return None
    relabel = dict(zip(built, (u.label for u in right.units), strict=True))
    return right, [(k, lf, tuple(relabel[x] for x in rt), c) for k, lf, rt, c in scripted.pairs]


def run(language: str, scripts: int = SCRIPTS, parse: bool = False) -> tuple[Tally, int]:
    """Score ``scripts`` edit scripts on every statement of one language.

    With ``parse``, the edited text goes through the parser (``loads``) as a
    user's file would; returns the tally and how many scripts were skipped
    because the parse found other units than the script built.
    """
    tally = Tally()
    skipped = 0
    for path in _files(language):
        left = _load(str(path))
        if not left.units:
            continue
        base = zlib.crc32(path.name.encode())
        for k in range(scripts):
            scripted = edit(left, base + k)
            right, expected = scripted.right, scripted.pairs
            if parse:
                found = _reparsed(scripted, left.language)
                if found is None:
                    skipped += 1
                    continue
                right, expected = found
            result = compare(left, right, Options(phrases=False))
            tally.add(left, right, expected, result, f"{path.name}#{k} {scripted.script}")
    return tally, skipped


@pytest.mark.parametrize("language", LANGUAGES)
def test_edit_scripts_on_real_statements(language: str) -> None:
    if not _files(language):
        pytest.skip(f"no {language} statements in {CORPUS}")
    tally, _ = run(language)
    figures = tally.figures()
    print(f"\n{language}: {figures}")
    detail = "\n".join(tally.failures[:20])
    assert figures["f1"] >= 0.98, detail
    assert figures["moved"] >= 0.98, detail
    assert figures["wrong_moves"] == 0, detail
    assert figures["change"] >= 0.97, detail
    assert figures["rebuilt"] == 1.0, detail


@pytest.mark.parametrize("language", LANGUAGES)
def test_edit_scripts_through_the_parser(language: str) -> None:
    """The same scripts with the edited text parsed, where the parse finds the built units."""
    if not _files(language):
        pytest.skip(f"no {language} statements in {CORPUS}")
    tally, skipped = run(language, parse=True)
    figures = tally.figures()
    print(f"\n{language} parsed: {figures}, {skipped} scripts segmented otherwise")
    detail = "\n".join(tally.failures[:20])
    # The right text prints the left one's sub-item marks and section headings, so
    # only the parser's own ambiguities remain (3 of 1,680 scripts at 20 a statement).
    scripts = SCRIPTS * len(_files(language))
    assert skipped <= max(1, scripts // 50), f"{skipped} of {scripts} scripts segmented otherwise"
    assert figures["wrong_moves"] == 0, detail
    assert figures["f1"] >= 0.98, detail
    assert figures["change"] >= 0.97, detail


if __name__ == "__main__":  # a fuller run: python tests/align/test_compare_real.py [scripts] [parse]
    import sys

    for language in LANGUAGES:
        found, skipped = run(
            language, int(sys.argv[1]) if len(sys.argv) > 1 else SCRIPTS, "parse" in sys.argv
        )
        print(language, found.figures(), f"skipped {skipped}")
        for line in found.failures:
            print("   ", line)
