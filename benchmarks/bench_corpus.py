"""Benchmark the corpus: index, query and all-pairs times against brute-force pairwise compare.

    python benchmarks/bench_corpus.py [--n 10000] [--pairs 1000] [--sample 20] [--workers N]

Builds a synthetic corpus of ``--n`` statements perturbed from the fixtures in
seeds/ (word substitutions, clause drops and shuffles, party-name swaps),
writes it to a temporary folder, then reports: segment() speed, index time,
index file size, peak memory, query latency, and all-pairs time on
``--pairs`` statements, each beside the brute-force figure (docdiff.compare
on a sample of pairs, extrapolated) measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docdiff import (  # noqa: E402
    compare,
    load,
    loads,
)
from docdiff.corpus import Corpus  # noqa: E402
from docdiff.pipeline import parse  # noqa: E402
from docdiff.read import Source  # noqa: E402

SEEDS = ROOT / "seeds"

# Party names swapped for others of the same declension, so the text stays grammatical.
SWAPS = {
    "Alpha": ["Gamma", "Delta", "Omega", "Sigma", "Kappa"],
    "Beta": ["Zeta", "Theta", "Lambda", "Iota", "Rho"],
    "Альфа": ["Гамма", "Дельта", "Омега", "Сигма", "Каппа"],
    "Бета": ["Дзета", "Тета", "Лямбда", "Йота", "Ро"],
    "Азербайджан": ["Казахстан", "Узбекистан", "Туркменистан"],
    "阿尔法": ["伽马", "德尔塔", "欧米茄"],
    "贝塔": ["泽塔", "西塔", "拉姆达"],
}
WORD = re.compile(r"[^\W\d_]{4,}")


def segment(text: str) -> object:
    """The parse of a text file (segmented and described), as the corpus does it."""
    return parse(Source(text=text, format="text"))


def seeds() -> list[tuple[str, str]]:
    """(name, text) of every seed statement."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def perturb(text: str, vocabulary: list[str], rng: random.Random) -> str:
    """A variant of ``text``: parties swapped, paragraphs dropped or shuffled, words substituted."""
    for name, others in SWAPS.items():
        if name in text and rng.random() < 0.7:
            text = text.replace(name, rng.choice(others))
    paragraphs = text.split("\n\n")
    head, body = paragraphs[:2], paragraphs[2:]
    body = [p for p in body if rng.random() > 0.1] or body[:1]
    for _ in range(rng.randint(0, 2)):
        if len(body) > 2:
            i = rng.randrange(len(body) - 1)
            body[i], body[i + 1] = body[i + 1], body[i]
    out = []
    for paragraph in head + body:
        words = WORD.findall(paragraph)
        for word in rng.sample(words, k=min(len(words), rng.randint(0, 3))):
            paragraph = paragraph.replace(word, rng.choice(vocabulary), 1)
        out.append(paragraph)
    return "\n\n".join(out)


def generate(folder: Path, n: int) -> list[Path]:
    """Write ``n`` perturbed statements to ``folder``; return their paths."""
    sources = seeds()
    vocabulary = sorted({w for _, text in sources for w in WORD.findall(text)})
    paths = []
    for i in range(n):
        name, text = sources[i % len(sources)]
        path = folder / f"{i:05d}-{name}"
        path.write_text(perturb(text, vocabulary, random.Random(i)), encoding="utf-8")
        paths.append(path)
    return paths


def peak_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of its largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="statements in the synthetic corpus")
    parser.add_argument("--pairs", type=int, default=1_000, help="statements in the all-pairs matrix")
    parser.add_argument("--sample", type=int, default=20, help="pairs compared by brute force")
    parser.add_argument("--queries", type=int, default=20, help="queries timed")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="process pool size")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument(
        "--skip-sentences",
        action="store_true",
        help="estimate a parse without sentence annotation (patches the segmenter; needs fork workers)",
    )
    args = parser.parse_args()
    if args.skip_sentences:
        import docdiff.describe as describe_module

        # What a parse without annotation would cost: units without sentences.
        describe_module._with_sentences = lambda clause, *_: clause  # type: ignore[assignment]

    figures: dict[str, float | int | str] = {
        "statements": args.n,
        "workers": args.workers,
        "sentences": "skipped" if args.skip_sentences else "annotated",
    }
    folder = Path(tempfile.mkdtemp(prefix="docdiff-bench-"))
    try:
        paths, seconds = timed(generate, folder, args.n)
        figures["generate_s"] = round(seconds, 2)
        figures["corpus_mb"] = round(sum(p.stat().st_size for p in paths) / 2**20, 1)

        # Parsing is the likely bottleneck: measure segment() alone first.
        sample = [p.read_text(encoding="utf-8") for p in paths[:200]]
        for text in sample[:20]:  # compile the lexicons' regexes first: a one-off per process
            segment(text)
        _, seconds = timed(lambda: [segment(t) for t in sample])
        figures["segment_ms_per_statement"] = round(1000 * seconds / len(sample), 2)

        with ProcessPoolExecutor(max_workers=args.workers) as pool:
            corpus, seconds = timed(Corpus.build, folder, executor=pool)
        figures["index_s"] = round(seconds, 2)
        figures["indexed"] = len(corpus.entries)
        figures["skipped"] = len(corpus.skipped)

        index = folder / "index.sqlite"
        _, seconds = timed(corpus.save, index)
        figures["save_s"] = round(seconds, 2)
        figures["index_file_mb"] = round(index.stat().st_size / 2**20, 1)
        opened, seconds = timed(Corpus.open, index)
        figures["open_s"] = round(seconds, 2)
        _, seconds = timed(lambda: opened.weights)
        figures["weights_s"] = round(seconds, 2)

        rng = random.Random(0)
        queries = [loads(p.read_text(encoding="utf-8"), path=str(p)) for p in rng.sample(paths, args.queries)]
        latencies = []
        for query in queries:
            _, seconds = timed(opened.rank, query, 10)
            latencies.append(seconds)
        figures["query_median_s"] = round(statistics.median(latencies), 3)
        figures["query_max_s"] = round(max(latencies), 3)

        subset = Corpus(corpus.entries[: args.pairs])
        with ProcessPoolExecutor(max_workers=args.workers) as pool:
            _, seconds = timed(subset.matrix, executor=pool)
        figures["all_pairs_statements"] = len(subset.entries)
        figures["all_pairs_s"] = round(seconds, 2)

        # Brute force: docdiff.compare on sampled pairs (parsing excluded), extrapolated.
        documents = [load(p) for p in rng.sample(paths, 2 * args.sample)]
        pair_times = []
        for left, right in zip(documents[::2], documents[1::2], strict=True):
            _, seconds = timed(compare, left, right)
            pair_times.append(seconds)
        per_pair = statistics.mean(pair_times)
        size = len(subset.entries)
        figures["compare_ms_per_pair"] = round(1000 * per_pair, 1)
        figures["brute_query_s"] = round(per_pair * len(corpus.entries) / args.workers, 1)
        figures["brute_all_pairs_s"] = round(per_pair * size * (size - 1) / 2 / args.workers, 1)
        own, children = peak_mb()
        figures["peak_rss_mb_main"] = round(own, 1)
        figures["peak_rss_mb_worker"] = round(children, 1)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"docdiff corpus benchmark: {args.n} statements, {args.workers} workers")
    print(f"  sentences             {figures['sentences']}")
    print(f"  synthetic corpus      {figures['corpus_mb']} MB written in {figures['generate_s']} s")
    print(f"  segment()             {figures['segment_ms_per_statement']} ms per statement (one process)")
    print(f"  index (build)         {figures['index_s']} s for {figures['indexed']} statements")
    print(
        f"  index file            {figures['index_file_mb']} MB; save {figures['save_s']} s, "
        f"open {figures['open_s']} s, weights {figures['weights_s']} s"
    )
    print(
        f"  query (rank, k=10)    median {figures['query_median_s']} s, max {figures['query_max_s']} s; "
        f"brute force {figures['brute_query_s']} s"
    )
    print(
        f"  all pairs             {figures['all_pairs_s']} s for {figures['all_pairs_statements']}; "
        f"brute force {figures['brute_all_pairs_s']} s ({figures['compare_ms_per_pair']} ms per compare)"
    )
    main_mb, worker_mb = figures["peak_rss_mb_main"], figures["peak_rss_mb_worker"]
    print(f"  peak memory           {main_mb} MB main, {worker_mb} MB worker")
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
