"""Concept coverage on a corpus: the share of sentences with at least one concept, per language.

Usage: ``DOCDIFF_CORPUS=/path/to/corpus python tools/concept_coverage.py``
(the corpus has one folder per language, ``ru/``, ``en/``, ``zh/``, of
plain-text statements).  Prints, per language, the sentences, the share with
a concept and the ten most frequent concepts.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

from docdiff import load
from docdiff.describe.concepts import find_concepts


def coverage(folder: Path) -> dict[str, tuple[int, int, Counter[str]]]:
    """Per language folder: (sentences, sentences with a concept, concept counts)."""
    out: dict[str, tuple[int, int, Counter[str]]] = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        total = hit = 0
        counts: Counter[str] = Counter()
        for path in sorted(sub.iterdir()):
            if not path.is_file():
                continue
            document = load(str(path))
            for unit in document.units:
                for sentence in unit.sentences:
                    found = find_concepts(sentence.text, document.language)
                    total += 1
                    hit += bool(found)
                    counts.update(found)
        out[sub.name] = (total, hit, counts)
    return out


def main() -> int:
    """Print the coverage of the corpus named by DOCDIFF_CORPUS."""
    named = os.environ.get("DOCDIFF_CORPUS")
    if not named:
        print("set DOCDIFF_CORPUS to the corpus folder", file=sys.stderr)
        return 2
    for language, (total, hit, counts) in coverage(Path(named)).items():
        share = hit / total if total else 0.0
        top = ", ".join(f"{c} {n}" for c, n in counts.most_common(10))
        print(f"{language}: {hit}/{total} sentences = {share:.1%}; top: {top}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
