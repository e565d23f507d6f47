"""Score docdiff's unit correspondences against hand-made gold links, beside a TF-IDF baseline.

    python benchmarks/correspondence.py [--corpus DIR] [--gold DIR]

The gold files (tests/data/gold/<left-stem>__<right-stem>.tsv, columns
``left right grade why``; the rule is in tests/data/gold/README.md) say which
units of a later statement take up which units of an earlier one.  For every
gold file whose two statements are found in the corpus (``--corpus``, else
$DOCDIFF_CORPUS, else ../shared/corpus beside the repository, else
/work/shared/corpus; statements are looked up as ``<stem>.en.txt``, in its
``en/`` folder first), this prints:

* ``docdiff``: the links :func:`docdiff.compare` reports: every pair with both
  a left and a right side, whatever its kind (match, split, merge, or any kind
  added later), a split or merge giving the cross product of its labels;
* ``tfidf@best``: the baseline a user would reach for, TF-IDF cosine between
  every left and every right unit (lower-cased word tokens, English stop words
  dropped, sublinear tf, idf over the units of both documents), keeping the
  pairs at or above a threshold, at the threshold best for that pair (F1);
* ``tfidf@global``: the same at the one threshold best over all pairs.

Precision, recall and F1 count every gold link (``strong`` and ``partial``);
``R strong`` is recall on the ``strong`` links alone.  The targets (overall,
all grades): precision >= 0.85 and recall >= 0.8.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docdiff import compare, load  # noqa: E402
from docdiff.model import Document  # noqa: E402
from docdiff.options import Options  # noqa: E402

GOLD = ROOT / "tests" / "data" / "gold"
GRADES = ("strong", "partial")
TARGET_PRECISION = 0.85
TARGET_RECALL = 0.8
# Thresholds tried for the baseline: 0.01 steps cover every useful cut of cosines in [0, 1].
THRESHOLDS = tuple(round(0.01 * i, 2) for i in range(1, 100))

Link = tuple[str, str]

# A common English stop list (function words and auxiliaries), as a user's TF-IDF would drop.
_STOP_LIST = """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours yourself yourselves shall may might
    must upon within without"""
STOP_WORDS = frozenset(_STOP_LIST.split())
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class Gold:
    """The gold links of one pair of statements."""

    left: str
    right: str
    links: dict[Link, str]  # (left label, right label) -> grade
    path: Path

    @property
    def name(self) -> str:
        """``left -> right`` for tables."""
        return f"{self.left} -> {self.right}"


@dataclass(frozen=True)
class Score:
    """Counts against one gold set, and the rates they give."""

    found: int  # links reported
    gold: int  # gold links
    hits: int  # reported links that are gold
    strong: int  # gold strong links
    strong_hits: int  # of which reported

    @property
    def precision(self) -> float:
        """Share of reported links that are gold (1.0 when nothing is reported)."""
        return self.hits / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        """Share of gold links reported."""
        return self.hits / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def strong_recall(self) -> float:
        """Share of ``strong`` gold links reported."""
        return self.strong_hits / self.strong if self.strong else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.found + other.found,
            self.gold + other.gold,
            self.hits + other.hits,
            self.strong + other.strong,
            self.strong_hits + other.strong_hits,
        )


ZERO = Score(0, 0, 0, 0, 0)


@dataclass(frozen=True)
class PairResult:
    """Every figure for one gold pair."""

    gold: Gold
    docdiff: Score
    tfidf_best: Score
    tfidf_best_threshold: float
    tfidf_global: Score


@dataclass(frozen=True)
class Evaluation:
    """The figures of one run: per pair, and summed over pairs."""

    pairs: tuple[PairResult, ...]
    global_threshold: float
    missing: tuple[str, ...]  # gold files whose statements were not found

    @property
    def docdiff(self) -> Score:
        """docdiff summed over pairs."""
        return sum((p.docdiff for p in self.pairs), ZERO)

    @property
    def tfidf_best(self) -> Score:
        """The baseline at each pair's best threshold, summed."""
        return sum((p.tfidf_best for p in self.pairs), ZERO)

    @property
    def tfidf_global(self) -> Score:
        """The baseline at the best single threshold, summed."""
        return sum((p.tfidf_global for p in self.pairs), ZERO)

    @property
    def met(self) -> bool:
        """Whether docdiff meets both targets overall."""
        total = self.docdiff
        return total.precision >= TARGET_PRECISION and total.recall >= TARGET_RECALL


def read_gold(path: Path) -> Gold:
    """One gold file; raises ValueError naming the file and line on a malformed row."""
    left, sep, right = path.stem.partition("__")
    if not sep or not left or not right:
        raise ValueError(f"{path}: name must be <left-stem>__<right-stem>.tsv")
    links: dict[Link, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        header = next(reader, None)
        if header != ["left", "right", "grade", "why"]:
            raise ValueError(f"{path}: header must be left, right, grade, why (tab-separated)")
        for number, row in enumerate(reader, start=2):
            if len(row) != 4 or not all(cell.strip() for cell in row):
                raise ValueError(f"{path}:{number}: expected four non-empty tab-separated cells")
            key, grade = (row[0], row[1]), row[2]
            if grade not in GRADES:
                raise ValueError(f"{path}:{number}: grade {grade!r} is not one of {GRADES}")
            if key in links:
                raise ValueError(f"{path}:{number}: duplicate link {key}")
            links[key] = grade
    return Gold(left, right, links, path)


def read_golds(folder: Path = GOLD) -> list[Gold]:
    """Every gold file in ``folder``, in name order."""
    return [read_gold(path) for path in sorted(folder.glob("*__*.tsv"))]


def default_corpus() -> Path | None:
    """$DOCDIFF_CORPUS, else ../shared/corpus beside the repository, else /work/shared/corpus."""
    named = os.environ.get("DOCDIFF_CORPUS")
    candidates = [Path(named)] if named else [ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")]
    return next((c for c in candidates if c.is_dir()), None)


def find_statement(corpus: Path, stem: str) -> Path | None:
    """The statement ``<stem>.en.txt`` in ``corpus/en``, in ``corpus``, or else anywhere under it."""
    name = f"{stem}.en.txt"
    for candidate in (corpus / "en" / name, corpus / name):
        if candidate.is_file():
            return candidate
    return next(iter(sorted(corpus.rglob(name))), None)


def unit_labels(document: Document) -> list[str]:
    """Every unit's label (preamble paragraphs and clauses), in order."""
    return [unit.label for unit in document.units]


def docdiff_links(left: Document, right: Document) -> set[Link]:
    """The unit links of docdiff's comparison: every pair with both sides, cross product of labels."""
    result = compare(left, right, Options(phrases=False))
    return {
        (a, b) for pair in result.pairs if pair.left and pair.right for a in pair.left for b in pair.right
    }


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens without stop words or one-letter words."""
    return [w for w in (m.group().lower() for m in WORD.finditer(text)) if len(w) > 1 and w not in STOP_WORDS]


def tfidf_cosines(left: Sequence[str], right: Sequence[str]) -> list[list[float]]:
    """Cosine between every left and every right text, TF-IDF with sublinear tf.

    idf is smoothed, ``ln((1 + n) / (1 + df)) + 1`` over the ``n`` units of both
    documents (as scikit-learn's default), tf is ``1 + ln(count)``.
    """
    bags = [Counter(tokens(text)) for text in (*left, *right)]
    df: Counter[str] = Counter(word for bag in bags for word in bag)
    n = len(bags)
    idf = {word: math.log((1 + n) / (1 + count)) + 1 for word, count in df.items()}
    vectors = []
    for bag in bags:
        weights = {w: (1 + math.log(c)) * idf[w] for w, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        vectors.append({w: v / norm for w, v in weights.items()})
    lefts, rights = vectors[: len(left)], vectors[len(left) :]
    return [[sum(v * r.get(w, 0.0) for w, v in lv.items()) for r in rights] for lv in lefts]


def score(found: Iterable[Link], gold: Gold) -> Score:
    """``found`` counted against ``gold``."""
    links = set(found)
    hits = links & gold.links.keys()
    strong = {k for k, g in gold.links.items() if g == "strong"}
    return Score(len(links), len(gold.links), len(hits), len(strong), len(strong & links))


@dataclass(frozen=True)
class _Loaded:
    gold: Gold
    docdiff: set[Link]
    scored: list[tuple[float, Link]]  # every unit pair with its cosine


def _load(gold: Gold, corpus: Path) -> _Loaded | None:
    paths = [find_statement(corpus, gold.left), find_statement(corpus, gold.right)]
    if paths[0] is None or paths[1] is None:
        return None
    left, right = load(paths[0]), load(paths[1])
    cosines = tfidf_cosines([u.text for u in left.units], [u.text for u in right.units])
    scored = [
        (cosines[i][j], (a, b))
        for i, a in enumerate(unit_labels(left))
        for j, b in enumerate(unit_labels(right))
    ]
    return _Loaded(gold, docdiff_links(left, right), scored)


def _cut(scored: list[tuple[float, Link]], threshold: float) -> set[Link]:
    return {link for cosine, link in scored if cosine >= threshold}


def evaluate(corpus: Path | None = None, gold_folder: Path = GOLD) -> Evaluation:
    """Score docdiff and the TF-IDF baseline on every gold pair found in ``corpus``."""
    corpus = corpus or default_corpus()
    golds = read_golds(gold_folder)
    loaded: list[_Loaded] = []
    missing: list[str] = []
    for gold in golds:
        item = _load(gold, corpus) if corpus else None
        if item is None:
            missing.append(gold.name)
        else:
            loaded.append(item)

    def at(item: _Loaded, threshold: float) -> Score:
        return score(_cut(item.scored, threshold), item.gold)

    # Ties go to the lower threshold, so the choice is deterministic.
    global_threshold = max(THRESHOLDS, key=lambda t: (sum((at(i, t) for i in loaded), ZERO).f1, -t))
    pairs = []
    for item in loaded:
        best = max(THRESHOLDS, key=lambda t: (at(item, t).f1, -t))
        pairs.append(
            PairResult(
                item.gold,
                score(item.docdiff, item.gold),
                at(item, best),
                best,
                at(item, global_threshold),
            )
        )
    return Evaluation(tuple(pairs), global_threshold, tuple(missing))


def _row(name: str, s: Score) -> str:
    return (
        f"  {name:<16} {s.found:>5} {s.hits:>5} {s.gold:>5} "
        f"{s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f} {s.strong_recall:>9.2f}"
    )


def report(evaluation: Evaluation) -> str:
    """The tables as text."""
    head = (
        f"  {'method':<16} {'found':>5} {'hits':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} {'R strong':>9}"
    )
    lines = []
    for pair in evaluation.pairs:
        lines += [pair.gold.name, head, _row("docdiff", pair.docdiff)]
        lines.append(_row(f"tfidf@{pair.tfidf_best_threshold:.2f}", pair.tfidf_best))
        lines.append(_row(f"tfidf@{evaluation.global_threshold:.2f}", pair.tfidf_global))
        lines.append("")
    lines += ["overall", head, _row("docdiff", evaluation.docdiff)]
    lines.append(_row("tfidf@best/pair", evaluation.tfidf_best))
    lines.append(_row(f"tfidf@{evaluation.global_threshold:.2f}", evaluation.tfidf_global))
    total = evaluation.docdiff
    for label, value, target in (
        ("precision", total.precision, TARGET_PRECISION),
        ("recall", total.recall, TARGET_RECALL),
    ):
        lines.append(f"target {label} >= {target}: {value:.2f} {'met' if value >= target else 'not met'}")
    for name in evaluation.missing:
        lines.append(f"skipped {name}: statements not found in the corpus")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="folder holding the statements (default: see above)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="folder of gold .tsv files")
    args = parser.parse_args()
    if args.corpus is not None and not args.corpus.is_dir():
        print(
            f"{args.corpus}: not a folder; pass --corpus the folder holding the statements", file=sys.stderr
        )
        return 2
    corpus = args.corpus or default_corpus()
    if corpus is None:
        # The statements are optional data (never in the repository): skip, as `make bench` runs this too.
        print("skipped: no corpus found; set DOCDIFF_CORPUS or pass --corpus")
        return 0
    evaluation = evaluate(corpus, args.gold)
    if not evaluation.pairs:
        print(f"no gold pair has both statements under {corpus}", file=sys.stderr)
        return 2
    print(report(evaluation))
    return 0


if __name__ == "__main__":
    sys.exit(main())
