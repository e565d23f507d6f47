"""Ranking checks on the real statements in $DOCDIFF_CORPUS (never copied into the project).

Run with ``DOCDIFF_CORPUS=/work/shared/corpus pytest tests/corpus/test_corpus_real.py``.
The ranking must find the same relationship's statements better than a plain
word TF-IDF cosine, written here without any library so the bar is explicit.
"""

from __future__ import annotations

import csv
import math
import os
import re
from collections import Counter
from pathlib import Path

import pytest

from docdiff import load
from docdiff.corpus import Corpus, InlineExecutor

pytestmark = pytest.mark.corpus

CORPUS = os.environ.get("DOCDIFF_CORPUS")
if not CORPUS:
    pytest.skip("DOCDIFF_CORPUS is not set: no real statements to rank", allow_module_level=True)
EN = Path(CORPUS) / "en"


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.build(EN)  # the default process pool


@pytest.fixture(scope="module")
def partners() -> dict[str, str]:
    """File name -> the non-US party (or parties), from the manifest."""
    with open(EN / "MANIFEST.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {r["file"]: ";".join(p for p in r["parties"].split(";") if p != "US") for r in rows}


def test_every_statement_is_indexed(corpus: Corpus) -> None:
    assert len(corpus.entries) == len(list(EN.glob("*.txt")))
    assert corpus.skipped == ()


def test_india_us_statements_rank_first(corpus: Corpus) -> None:
    query = load(EN / "in-us-2023-09-08.en.txt")
    top = [os.path.basename(r.path) for r in corpus.rank(query, k=3)]
    assert set(top) == {"in-us-2021-09-24.en.txt", "in-us-2023-06-22.en.txt", "in-us-2025-02-13.en.txt"}


def _baseline(texts: dict[str, str]) -> dict[str, list[str]]:
    """For each file, the others by plain word TF-IDF cosine (lowercased words, tf * log(N/df))."""
    bags = {name: Counter(re.findall(r"\w+", text.lower())) for name, text in texts.items()}
    df: Counter[str] = Counter()
    for bag in bags.values():
        df.update(bag.keys())
    total = len(bags)
    vectors = {}
    for name, bag in bags.items():
        raw = {t: n * math.log(total / df[t]) for t, n in bag.items()}
        norm = math.sqrt(math.fsum(w * w for w in raw.values())) or 1.0
        vectors[name] = {t: w / norm for t, w in raw.items()}
    ranked = {}
    for name, vector in vectors.items():
        scores = [
            (math.fsum(w * other.get(t, 0.0) for t, w in vector.items()), o)
            for o, other in vectors.items()
            if o != name
        ]
        ranked[name] = [o for _, o in sorted(scores, key=lambda s: (-s[0], s[1]))]
    return ranked


def test_same_partner_share_in_top_3_beats_plain_tfidf(corpus: Corpus, partners: dict[str, str]) -> None:
    names = sorted(partners)
    counts = Counter(partners.values())
    queries = [n for n in names if counts[partners[n]] >= 4]
    assert len(queries) >= 20
    baseline = _baseline({n: (EN / n).read_text(encoding="utf-8") for n in names})
    ours = base = 0
    for name in queries:
        query = load(EN / name)
        mine = [os.path.basename(r.path) for r in corpus.rank(query, k=3)]
        ours += sum(partners[m] == partners[name] for m in mine)
        base += sum(partners[b] == partners[name] for b in baseline[name][:3])
    share, base_share = ours / (3 * len(queries)), base / (3 * len(queries))
    print(f"same-partner share in top 3: docdiff {share:.3f}, plain TF-IDF {base_share:.3f}")
    assert share > base_share


def test_index_file_gives_the_same_ranking(corpus: Corpus, tmp_path: Path) -> None:
    corpus.save(tmp_path / "en.sqlite")
    opened = Corpus.open(tmp_path / "en.sqlite")
    query = load(EN / "jp-us-2024-04-10.en.txt")
    assert opened.rank(query, k=5) == corpus.rank(query, k=5)
    assert opened.matrix(executor=InlineExecutor()) == corpus.matrix()
