"""Time docdiff's comparison against difflib and redlines at 1x, 4x, 16x and 64x the seed.

Run as ``python benchmarks/bench_compare.py [--sizes 1,4,16,64] [--seed N]``.

The left text is the seed statement (seeds/az-cn-2025-04.ru.txt) with its
clauses repeated k times, each copy a section numbered from 1 (labels "II.3");
the right text is a revision made by the edit generator (tests/editgen.py:
moves, deletions, insertions, splits, merges, formal and substantive edits),
repeated the same way, so the density of edits stays the same at every size.  Columns:

* ``compare``: :func:`docdiff.compare.compare` of the two parsed documents
  (phrase alignment off; ``compare+phr`` with it on);
* ``pipeline``: read and parse both texts, compare (phrases off: the same job
  as redlines'), render JSON; ``pipeline+phr`` with phrase alignment and
  formulas on, as ``docdiff compare`` runs by default;
* ``difflib``: ``SequenceMatcher`` over words (opcodes), and
  ``HtmlDiff().make_file`` over lines;
* ``redlines``: ``Redlines(a, b).output_markdown`` (skipped when the package
  is not installed: ``pip install redlines``).

Times are the best of several runs; the growth exponent is the log-log slope
between the smallest and the largest size; peak memory is tracemalloc's peak
for one pipeline run at the largest size, and the process's maximum RSS.
"""

from __future__ import annotations

import argparse
import difflib
import gc
import math
import re
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from editgen import generate, seed_statement  # noqa: E402

from docdiff import compare, loads  # noqa: E402
from docdiff.options import Options  # noqa: E402
from docdiff.pipeline import clear_caches  # noqa: E402
from docdiff.render import render  # noqa: E402

try:
    from redlines import Redlines
except ImportError:  # optional: only this benchmark uses it
    Redlines = None

T = TypeVar("T")
_NUMBER = re.compile(r"^(\d+)\. ", re.MULTILINE)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def scaled(statement: str, k: int) -> str:
    """The statement's clauses repeated ``k`` times inside the seed's envelope.

    Each copy is a section ("II. Раздел 2") whose clauses are numbered from 1,
    so labels stay unique ("II.3") and clause numbers stay below 1000, where
    the segmenter stops reading numbers as clause markers.
    """
    first = _NUMBER.search(statement)
    assert first is not None
    preamble, clauses = statement[: first.start()], statement[first.start() :]
    if k == 1:
        body = clauses
    else:
        body = "\n\n".join(f"{_roman(c)}. Раздел {c}\n\n{clauses}" for c in range(1, k + 1))
    source = (ROOT / "seeds" / "az-cn-2025-04.ru.txt").read_text(encoding="utf-8")
    envelope = source[: source.index('"Президент') + 1]
    return envelope + preamble + body + '"'


def best(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def fresh(fn: Callable[..., T]) -> Callable[..., T]:
    """``fn`` run with formula_search's caches emptied first: each timed run does the whole work.

    Formula matches are kept by document and by region text (a revision
    reuses its original's); between repeated runs on the same texts that
    would time the cache, not the work.
    """

    def run(*args: object) -> T:
        clear_caches()
        return fn(*args)

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,4,16,64")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--redlines-max", type=int, default=64, help="largest size redlines is timed at")
    parser.add_argument(
        "--slow-max", type=int, default=16, help="largest size HtmlDiff and phrases are timed at"
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    statement = seed_statement()
    revision = generate(statement, args.seed)
    print(f"edit script (seed {args.seed}): {', '.join(revision.script)}")
    rows = []
    for k in sizes:
        row = measure(scaled(statement, k), scaled(revision.right, k), k, args)
        rows.append(row)
    report(rows)
    memory(statement, revision.right, max(sizes))
    return 0


def measure(a: str, b: str, k: int, args: argparse.Namespace) -> dict[str, float]:
    """Time every column at one size."""
    plain, with_phrases = Options(phrases=False), Options(phrases=True)
    left, right = loads(a), loads(b)
    runs = max(1, 20 // k)
    row: dict[str, float] = {"k": k, "units": len(left.units), "chars": len(a)}
    row["compare"] = best(lambda: compare(left, right, plain), runs)
    if k <= args.slow_max:
        row["compare+phr"] = best(lambda: fresh(compare)(left, right, with_phrases), max(1, runs // 4))
    row["pipeline"] = best(lambda: render(compare(loads(a), loads(b), plain), "json"), max(1, runs // 2))
    if k <= args.slow_max:
        row["pipeline+phr"] = best(
            lambda: render(fresh(compare)(loads(a), loads(b), with_phrases), "json"), max(1, runs // 4)
        )
    wa, wb = a.split(), b.split()
    row["difflib-words"] = best(lambda: difflib.SequenceMatcher(None, wa, wb).get_opcodes(), runs)
    if k <= args.slow_max:
        la, lb = a.splitlines(), b.splitlines()
        row["difflib-html"] = best(lambda: difflib.HtmlDiff().make_file(la, lb), max(1, runs // 4))
    if Redlines is not None and k <= args.redlines_max:
        row["redlines"] = best(lambda: Redlines(a, b).output_markdown, 1 if k > 4 else runs)
    summary = result_summary(compare(left, right, plain))
    print(f"k={k}: {len(left.units)} / {len(right.units)} units, {len(a)} chars; {summary}", flush=True)
    return row


def result_summary(result: object) -> str:
    summary = result.summary  # type: ignore[attr-defined]
    kinds = ", ".join(f"{k} {n}" for k, n in summary.by_kind if n)
    return f"{kinds}; moved {summary.moved}"


def report(rows: list[dict[str, float]]) -> None:
    columns = [
        "compare",
        "compare+phr",
        "pipeline",
        "pipeline+phr",
        "difflib-words",
        "difflib-html",
        "redlines",
    ]
    columns = [c for c in columns if any(c in r for r in rows)]
    print()
    print(
        "| size | units | "
        + " | ".join(f"{c} ms" for c in columns)
        + " | redlines/compare | redlines/pipeline |"
    )
    print("|---" * (len(columns) + 4) + "|")
    for r in rows:
        cells = [f"{r[c] * 1000:.1f}" if c in r else "-" for c in columns]
        ratios = [f"{r['redlines'] / r[c]:.1f}x" if "redlines" in r else "-" for c in ("compare", "pipeline")]
        print(f"| {r['k']}x | {r['units']} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
    first, last = rows[0], rows[-1]
    if last["k"] > first["k"]:
        print()
        for c in columns:
            known = [r for r in rows if c in r]
            if len(known) > 1:
                lo, hi = known[0], known[-1]
                slope = math.log(hi[c] / lo[c]) / math.log(hi["k"] / lo["k"])
                print(f"growth exponent {c} ({lo['k']}x-{hi['k']}x): {slope:.2f}")
    targets(rows)


def targets(rows: list[dict[str, float]]) -> None:
    """Say which of the issue's targets this run meets (ratios within this one run)."""
    by_size = {int(r["k"]): r for r in rows if "redlines" in r}
    checks = []
    if 1 in by_size:
        one = by_size[1]
        checks.append(("compare() faster than redlines at 1x", one["compare"] < one["redlines"]))
        checks.append(("pipeline within 2x of redlines at 1x", one["pipeline"] <= 2 * one["redlines"]))
    if 64 in by_size:
        big = by_size[64]
        checks.append(
            ("pipeline at least 10x faster than redlines at 64x", big["redlines"] >= 10 * big["pipeline"])
        )
    if checks:
        print()
        for name, met in checks:
            print(f"target: {name}: {'met' if met else 'NOT met'}")


def memory(statement: str, revised: str, k: int) -> None:
    a, b = scaled(statement, k), scaled(revised, k)
    tracemalloc.start()
    render(compare(loads(a), loads(b), Options(phrases=False)), "json")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\npeak memory at {k}x (pipeline, tracemalloc): {peak / 2**20:.1f} MB; process max RSS {rss:.0f} MB"
    )


if __name__ == "__main__":
    raise SystemExit(main())
