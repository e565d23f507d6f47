"""Time phrase alignment and formula comparison as statements grow.

Usage (after ``make``, or with PYTHONPATH=.):
    python benchmarks/bench_phrases.py [--source corpus|seed|sections] [--sizes 1,2,4,8,16] [--repeat 3]

With ``--source sections`` the two statements are the seed and its revision
(seeds/az-cn-2025-04.ru.txt, seeds/az-cn-2025-04-revised.ru.txt) with their
clauses repeated k times as numbered sections, parsed by ``docdiff.read.loads``:
the scaling of ``benchmarks/bench_compare.py``, where every clause recurs k
times on each side (boilerplate at its worst).  Otherwise the left statement
at size k holds about k x 27 KB of text, one unit per paragraph:

* ``--source corpus`` (the default when DOCDIFF_CORPUS names the corpus):
  the paragraphs of distinct real English statements, taken in file order
  until the size is reached, so the text grows the way a longer statement
  does;
* ``--source seed``: k variants of the seed's paragraphs, each with 30% of
  its words swapped for other words of the seed.  The variants stay about
  half alike, so this is a harsh case: the number of genuinely similar
  passages grows with the square of k.

The right statement is a revision of the left: 5% of the words changed,
every tenth unit deleted, units shuffled within windows of eight.  Documents
are built by hand so only the measured stage is timed.  Prints one row per
size and the growth exponent (slope of log time over log size).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import re
import time
from pathlib import Path

from docdiff.model import Clause, Document, Metadata, Paragraph, Span
from docdiff.phrases.align import align_phrases
from docdiff.phrases.formulas import compare_formulas
from docdiff.pipeline import clear_caches

SEED = Path(__file__).resolve().parent.parent / "seeds" / "az-cn-2025-04.ru.txt"
_WORD = re.compile(r"\w+")


def build(paragraphs: list[str], language: str) -> Document:
    source = "\n\n".join(paragraphs)
    clauses = []
    at = 0
    for number, text in enumerate(paragraphs, 1):
        span = Span(at, at + len(text))
        clauses.append(Clause(str(number), number, span, [Paragraph(span, text)]))
        at += len(text) + 2
    return Document(source, Metadata(language), clauses)


def perturb(text: str, rate: float, vocabulary: list[str], rng: random.Random) -> str:
    return _WORD.sub(lambda m: rng.choice(vocabulary) if rng.random() < rate else m.group(), text)


def paragraphs_of(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]


def seed_paragraphs(size: int, rng: random.Random) -> list[str]:
    paragraphs = paragraphs_of(SEED.read_text("utf-8"))
    vocabulary = sorted(set(_WORD.findall(" ".join(paragraphs))))
    return [p if k == 0 else perturb(p, 0.3, vocabulary, rng) for k in range(size) for p in paragraphs]


def corpus_paragraphs(size: int, root: Path) -> list[str]:
    target = size * len(SEED.read_text("utf-8").encode("utf-8"))
    out: list[str] = []
    for path in sorted((root / "en").glob("*.txt")):
        if sum(len(p.encode("utf-8")) for p in out) >= target:
            break
        out += paragraphs_of(path.read_text("utf-8"))
    return out


def statements(size: int, rng: random.Random, corpus: Path | None = None) -> tuple[Document, Document]:
    left = corpus_paragraphs(size, corpus) if corpus else seed_paragraphs(size, rng)
    vocabulary = sorted(set(_WORD.findall(" ".join(left[:200]))))
    right = [perturb(p, 0.05, vocabulary, rng) for i, p in enumerate(left) if i % 10 != 9]
    for start in range(0, len(right), 8):
        window = right[start : start + 8]
        rng.shuffle(window)
        right[start : start + 8] = window
    language = "en" if corpus else "ru"
    return build(left, language), build(right, language)


def sections(size: int) -> tuple[Document, Document]:
    from bench_compare import scaled  # the same sizes as the comparison benchmark

    from docdiff import loads

    revised = SEED.with_name("az-cn-2025-04-revised.ru.txt").read_text("utf-8")
    return loads(scaled(SEED.read_text("utf-8"), size)), loads(scaled(revised, size))


def best_of(repeat: int, run: object) -> float:
    times = []
    for _ in range(repeat):
        # find_formulas keeps the last few documents' results; time the work, not the cache.
        clear_caches()
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def slope(xs: list[float], ys: list[float]) -> float:
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    corpus = os.environ.get("DOCDIFF_CORPUS")
    parser.add_argument(
        "--source", choices=("corpus", "seed", "sections"), default="corpus" if corpus else "seed"
    )
    parser.add_argument("--sizes", default="1,2,4,8,16")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.source == "corpus" and not corpus:
        parser.error("--source corpus needs DOCDIFF_CORPUS to name the corpus folder")
    root = Path(corpus) if args.source == "corpus" and corpus else None
    print(f"source: {args.source}")
    print(f"{'size':>4} {'left KB':>8} {'right KB':>8} {'pairs':>6} {'phrases s':>10} {'formulas s':>10}")
    kbs, phrase_times, formula_times = [], [], []
    for size in sizes:
        if args.source == "sections":
            left, right = sections(size)
        else:
            left, right = statements(size, random.Random(size), root)
        pairs = align_phrases(left, right)
        t_phrases = best_of(args.repeat, lambda: align_phrases(left, right))  # noqa: B023
        t_formulas = best_of(args.repeat, lambda: compare_formulas(left, right))  # noqa: B023
        kb = len(left.source.encode("utf-8")) / 1024
        kbs.append(kb)
        phrase_times.append(t_phrases)
        formula_times.append(t_formulas)
        right_kb = len(right.source.encode("utf-8")) / 1024
        print(f"{size:>4} {kb:>8.0f} {right_kb:>8.0f} {len(pairs):>6} {t_phrases:>10.3f} {t_formulas:>10.3f}")
    if len(sizes) > 1:
        exponents = slope(kbs, phrase_times), slope(kbs, formula_times)
        print(f"growth exponent: phrases {exponents[0]:.2f}, formulas {exponents[1]:.2f}")


if __name__ == "__main__":
    main()
