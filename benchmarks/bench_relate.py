"""Time the relate stage (re-drafted statements): what it adds to a comparison, and how it grows.

Run as ``python benchmarks/bench_relate.py [--corpus DIR]``.

Three measures, each against what a user would otherwise run in the same
process (docdiff with ``Options(related=False)``, the comparison of a
revision as it was before the relate stage), caches emptied before every
timed run (:func:`docdiff.pipeline.clear_caches`):

* the seed and its revision, parse + compare + JSON: target within 1.5x of
  the same without the relate stage;
* a rewritten pair of real statements (``in-us-2023-09-08`` ->
  ``in-us-2025-02-13`` when the corpus is there): target under 100 ms for
  the comparison of parsed documents;
* growth: the seed's clauses repeated 1, 4 and 16 times against a
  re-drafted copy (every other clause replaced by a clause from elsewhere),
  target: time per unit at 16x within 3x of the time per unit at 1x.

Prints one line per measure and ``met`` / ``NOT met`` per target.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docdiff import compare, loads  # noqa: E402
from docdiff.options import Options  # noqa: E402
from docdiff.pipeline import clear_caches  # noqa: E402
from docdiff.registry import render  # noqa: E402

ON, OFF = Options(), Options(related=False)


def best(fn: Callable[[], object], runs: int = 5) -> float:
    """The best wall time of ``runs`` runs of ``fn``, in seconds, caches emptied before each."""
    times = []
    for _ in range(runs):
        clear_caches()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def redrafted(text: str, k: int) -> tuple[str, str]:
    """The seed's clauses ``k`` times, and a copy where every other clause is another clause's text."""
    lines = text.split("\n")
    body = [line for line in lines if ". " in line and line.split(". ", 1)[0].isdigit()]
    head = lines[: lines.index(body[0])]
    left = head + [f"{n + 1}. {line.split('. ', 1)[1]}" for n, line in enumerate(body * k)]
    swapped = []
    for n, line in enumerate(body * k):
        source = line if n % 2 == 0 else body[(n * 7) % len(body)]
        swapped.append(f"{n + 1}. {source.split('. ', 1)[1]}")
    return "\n".join(left) + "\n", "\n".join(head + swapped) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus", default=os.environ.get("DOCDIFF_CORPUS", str(ROOT.parent / "shared" / "corpus"))
    )
    args = parser.parse_args(argv)
    seed = (ROOT / "seeds" / "az-cn-2025-04.ru.txt").read_text(encoding="utf-8")
    revised = (ROOT / "seeds" / "az-cn-2025-04-revised.ru.txt").read_text(encoding="utf-8")
    results: list[tuple[str, bool]] = []

    def pipeline(options: Options) -> float:
        return best(lambda: render(compare(loads(seed), loads(revised), options), "json"))

    on, off = pipeline(ON), pipeline(OFF)
    print(
        f"seed vs revision, parse + compare + json: {on * 1000:.0f} ms (without relate {off * 1000:.0f} ms)"
    )
    results.append(("seed and revision within 1.5x of the comparison without relate", on <= 1.5 * off))

    corpus = Path(args.corpus) / "en"
    pair = [corpus / "in-us-2023-09-08.en.txt", corpus / "in-us-2025-02-13.en.txt"]
    if all(p.is_file() for p in pair):
        left, right = (loads(p.read_text(encoding="utf-8")) for p in pair)
        compare(left, right)  # sentences annotated once, as after a first look
        took = best(lambda: compare(left, right, Options(phrases=False)))
        print(f"rewritten real pair (in-us 2023-09 -> 2025-02), compare: {took * 1000:.0f} ms")
        results.append(("a rewritten pair of real statements under 100 ms", took < 0.1))
    else:
        print("rewritten real pair: skipped (no corpus; give --corpus)")

    per_unit = {}
    for k in (1, 4, 16):
        a, b = redrafted(seed, k)
        da, db = loads(a), loads(b)
        took = best(lambda: compare(da, db, Options(phrases=False)), runs=3 if k < 16 else 1)
        per_unit[k] = took / len(da.units)
        print(
            f"re-drafted x{k}: {len(da.units)} units, {took * 1000:.0f} ms ({per_unit[k] * 1e6:.0f} us per unit)"
        )
    results.append(("growth near-linear (per unit at 16x within 3x of 1x)", per_unit[16] <= 3 * per_unit[1]))
    print()
    for name, met in results:
        print(f"target: {name}: {'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
