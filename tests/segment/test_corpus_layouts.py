"""Checks on the real statements in $DOCDIFF_CORPUS (never copied into the project).

Run with ``DOCDIFF_CORPUS=/work/shared/corpus pytest tests/segment/test_corpus_layouts.py``.
The expected counts were checked by reading the statements, not taken from the
MANIFEST (whose counts are hints from a quick script).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import check_spans, parse_text

from docdiff.segment import segment

pytestmark = pytest.mark.corpus

CORPUS = os.environ.get("DOCDIFF_CORPUS")
if not CORPUS:
    pytest.skip("DOCDIFF_CORPUS is not set: no real statements to check", allow_module_level=True)
ROOT = Path(CORPUS)
FILES = sorted(p for lang in ("ru", "en", "zh") for p in (ROOT / lang).glob("*.txt"))

# file -> (preamble units, body units), verified by reading each statement.
EXPECTED: dict[str, tuple[int, int]] = {
    # numbered
    "az-cn-2025-04.ru.txt": (2, 18),
    "ir-ru-2025-01.ru.txt": (9, 47),  # "Статья 1".."Статья 47", preamble ends "о нижеследующем:"
    "in-us-2023-06-22.en.txt": (0, 58),  # 1..58, 28 starts mid-line after 27's last sentence
    "ca-us-2023-03-24.en.txt": (2, 8),
    "cn-us-2025-08-11.en.txt": (4, 2),
    "es-us-2022-06-28.en.txt": (1, 18),
    "eu-us-2021-06-15.en.txt": (0, 36),
    "eu-us-2023-10-20.en.txt": (0, 34),
    "eu-us-2025-08-21.en.txt": (2, 19),
    "gb-us-2021-06-10.en.txt": (1, 20),  # numbering restarts under each capitalised heading
    "in-us-2023-09-08.en.txt": (0, 29),
    "in-us-2025-02-13.en.txt": (3, 33),
    "mx-us-2022-10-14.en.txt": (11, 13),  # 13 numbered actions after "the following actions:"
    # numbered only inside (a list, bare section headings): unnumbered by the rules
    # a 21- and a 14-word title-cased heading are sections, not units
    "eu-us-2022-12-05.en.txt": (0, 45),
    "gb-us-2023-06-08.en.txt": (0, 42),
    # unnumbered
    "by-ru-2025-03.ru.txt": (4, 28),  # preamble ends "заявляют о следующем:"
    "ae-cn-2019-07.zh.txt": (0, 35),
    "br-us-2023-01-09.en.txt": (0, 1),
    "de-us-2024-07-10.en.txt": (0, 2),
    "ru-us-2021-06-16.en.txt": (0, 3),
    "gt-us-2023-06-01.en.txt": (0, 4),
}


def test_corpus_is_there() -> None:
    assert FILES, f"no .txt statements under {ROOT}/{{ru,en,zh}}"
    assert set(EXPECTED) <= {p.name for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_statement_parses_and_loses_nothing(path: Path) -> None:
    # Segmented and described, so the spans of the sentences are checked too.
    doc = parse_text(path.read_text(encoding="utf-8"), path=str(path))
    check_spans(doc)
    assert doc.clauses
    if path.name in EXPECTED:
        assert (len(doc.preamble), len(doc.clauses)) == EXPECTED[path.name]


def test_us_india_2023_clause_28_split_off_mid_line() -> None:
    # "... Partners in the Blue Pacific. 28. The leaders also welcomed ..." on one line.
    doc = segment((ROOT / "en" / "in-us-2023-06-22.en.txt").read_text(encoding="utf-8"))
    labels = [c.label for c in doc.clauses]
    assert labels == [str(n) for n in range(1, 59)]
    assert doc.clauses[26].text.endswith("Partners in the Blue Pacific.")
    assert doc.clauses[27].text.startswith("The leaders also welcomed the depth and pace")
    assert doc.clauses[1].section == "Charting a Technology Partnership for the Future"


def test_closings_with_signatures() -> None:
    doc = segment((ROOT / "en" / "il-us-2022-07-14.en.txt").read_text(encoding="utf-8"))
    assert doc.closing[0].text.startswith("Signed at Jerusalem")
    assert doc.closing[-1].text == "Prime Minister of the State of Israel"
    zh = segment((ROOT / "zh" / "ae-cn-2019-07.zh.txt").read_text(encoding="utf-8"))
    assert [b.text for b in zh.closing] == ["2019年7月23日于北京"]
