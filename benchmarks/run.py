"""Run every benchmark in turn: ``make bench`` (or ``python benchmarks/run.py [--quick]``).

Each benchmark is its own script, runnable alone with its own options; this
runner only calls them one after another so one command measures the lot.
``--quick`` uses smaller sizes for a fast look (not the figures in docs/).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

FULL = {
    "bench_compare.py": [],
    "bench_phrases.py": [],
    "bench_corpus.py": [],
    "correspondence.py": [],
}
QUICK = {
    "bench_compare.py": ["--sizes", "1,4,16"],
    "bench_phrases.py": ["--sizes", "1,2,4"],
    "bench_corpus.py": ["--n", "1000", "--pairs", "200"],
    "correspondence.py": [],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a fast look")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    failed = []
    for script, options in plan.items():
        print(f"\n=== {script} {' '.join(options)}", flush=True)
        done = subprocess.run([sys.executable, str(HERE / script), *options], check=False)
        if done.returncode:
            failed.append(script)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
