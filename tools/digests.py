"""Digests of docdiff's outputs: the safety net of a change that must not change behaviour.

``python tools/digests.py write``  writes ``tools/digests.txt``;
``python tools/digests.py check``  recomputes and lists every line that differs (exit 1 if any).

Covered, through the CLI in-process (the one face that stays put while the
package moves): for every statement in ``seeds/`` and in the corpus folder
(``DOCDIFF_CORPUS`` or ``../shared/corpus``), ``parse`` as JSON, text and
Akoma Ntoso; for every pair of neighbouring statements of one relationship
(the same file-name prefix before the date, in name order) and the seed with
its revision, ``compare`` as JSON, text, Markdown and HTML, plus ``phrases``
and ``formulas`` as text and JSON.  Corpus texts are never committed; only
their output digests are.  A statement missing here (no corpus) is skipped
in a check, never reported as a difference.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import itertools
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "tools" / "digests.txt"


def _corpus() -> Path | None:
    named = os.environ.get("DOCDIFF_CORPUS")
    folder = Path(named) if named else ROOT.parent / "shared" / "corpus"
    return folder if folder.is_dir() else None


def _statements() -> list[tuple[str, Path]]:
    found = [(f"seeds/{p.name}", p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    corpus = _corpus()
    if corpus is not None:
        for sub in ("ru", "en", "zh"):
            for p in sorted((corpus / sub).glob("*")):
                if p.suffix in (".txt", ".html", ".xml") and p.name != "MANIFEST.tsv":
                    found.append((f"corpus/{sub}/{p.name}", p))
    return found


_RELATION = re.compile(r"^(?P<rel>[a-z]+-[a-z]+)-\d{4}")


def _pairs(statements: list[tuple[str, Path]]) -> list[tuple[str, Path, str, Path]]:
    pairs = []
    seeds = dict(statements)
    seed, revised = "seeds/az-cn-2025-04.ru.txt", "seeds/az-cn-2025-04-revised.ru.txt"
    pairs.append((seed, seeds[seed], revised, seeds[revised]))
    corpus = [(n, p) for n, p in statements if n.startswith("corpus/") and p.suffix == ".txt"]
    for (ln, lp), (rn, rp) in itertools.pairwise(corpus):
        a, b = _RELATION.match(lp.name), _RELATION.match(rp.name)
        if a and b and a["rel"] == b["rel"] and lp.parent == rp.parent:
            pairs.append((ln, lp, rn, rp))
    return pairs


def _run(args: list[str]) -> str:
    from docdiff.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code = main([*args, "-o", str(out)])
        body = out.read_bytes() if out.exists() else b""
    digest = hashlib.sha256(body + f"\0exit={code}\0{err.getvalue()}".encode()).hexdigest()
    return digest[:20]


def compute() -> dict[str, str]:
    """Every covered output's digest, keyed by a line that names the command."""
    # Outputs name their inputs by path: run from a folder where every input
    # has its display name (seeds/..., corpus/...), so that the digests do not
    # depend on where the clone or the corpus lies.
    with tempfile.TemporaryDirectory() as stage:
        os.symlink(ROOT / "seeds", Path(stage) / "seeds")
        corpus = _corpus()
        if corpus is not None:
            os.symlink(corpus, Path(stage) / "corpus")
        here = os.getcwd()
        os.chdir(stage)
        try:
            return _compute()
        finally:
            os.chdir(here)


def _compute() -> dict[str, str]:
    lines: dict[str, str] = {}
    statements = [(name, Path(name)) for name, _ in _statements()]
    for name, _ in statements:
        for fmt in ("json", "text", "akn"):
            lines[f"parse {fmt} {name}"] = _run(["parse", name, "--format", fmt])
    for ln, lp, rn, rp in _pairs(statements):
        for fmt in ("json", "text", "md", "html"):
            extra = ["--color", "never"] if fmt == "text" else []
            lines[f"compare {fmt} {ln} {rn}"] = _run(["compare", str(lp), str(rp), "--format", fmt, *extra])
        for fmt in ("text", "json"):
            lines[f"phrases {fmt} {ln} {rn}"] = _run(["phrases", str(lp), str(rp), "--format", fmt])
            lines[f"formulas {fmt} {ln} {rn}"] = _run(["formulas", str(lp), str(rp), "--format", fmt])
    return lines


def _read() -> dict[str, str]:
    found = {}
    for line in LIST.read_text(encoding="utf-8").splitlines():
        key, _, digest = line.rpartition(" ")
        found[key] = digest
    return found


def main(argv: list[str]) -> int:
    """``write`` or ``check`` (see the module docstring)."""
    if argv[1:] == ["write"]:
        lines = compute()
        LIST.write_text("".join(f"{k} {v}\n" for k, v in sorted(lines.items())), encoding="utf-8")
        print(f"wrote {len(lines)} digests to {LIST.relative_to(ROOT)}")
        return 0
    if argv[1:] == ["check"]:
        want, got = _read(), compute()
        differ = sorted(k for k in got if k in want and want[k] != got[k])
        new = sorted(k for k in got if k not in want)
        for key in differ:
            print(f"DIFFERS {key}")
        for key in new:
            print(f"NEW (not in the list) {key}")
        print(f"{len(got)} checked, {len(differ)} differ, {len(new)} not in the list")
        return 1 if differ or new else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
