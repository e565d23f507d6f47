"""Time rendering the 64x comparison in every format and report the output sizes.

Run as ``python benchmarks/bench_render.py [--size 64] [--seed 5] [--runs 3]``.

The pair is the one ``bench_compare.py`` builds: the seed statement
(seeds/az-cn-2025-04.ru.txt) and a revision by the edit generator
(tests/editgen.py), each repeated ``size`` times as numbered sections.  The
comparison is computed once with phrase alignment on and once with it off;
each format is then rendered ``runs`` times and the best time kept.  Sizes
are of the UTF-8 encoded output.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "tests")]

from bench_compare import scaled  # noqa: E402
from editgen import generate, seed_statement  # noqa: E402

from docdiff import compare, loads  # noqa: E402
from docdiff.options import Options  # noqa: E402
from docdiff.render import render  # noqa: E402

FORMATS = ("html", "md", "json", "text")


def main(argv: list[str] | None = None) -> int:
    """Print one row per (phrases, format): best render time and output size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    statement = seed_statement()
    revision = generate(statement, args.seed)
    left, right = loads(scaled(statement, args.size)), loads(scaled(revision.right, args.size))
    print(f"{args.size}x: {len(left.units)} / {len(right.units)} units")
    print(f"{'phrases':8} {'format':6} {'render s':>9} {'size MB':>8} {'pairs':>6} {'phrase pairs':>12}")
    for phrases in (True, False):
        start = time.perf_counter()
        result = compare(left, right, Options(phrases=phrases))
        took = time.perf_counter() - start
        print(f"(compare with phrases={'on' if phrases else 'off'}: {took:.2f} s)")
        for name in FORMATS:
            times = []
            for _ in range(args.runs):
                gc.collect()
                start = time.perf_counter()
                text = render(result, name, color=False) if name == "text" else render(result, name)
                times.append(time.perf_counter() - start)
            size = len(text.encode("utf-8")) / 1e6
            print(
                f"{'on' if phrases else 'off':8} {name:6} {min(times):9.2f} {size:8.2f}"
                f" {len(result.pairs):6} {len(result.phrases):12}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
