"""Versions of the seed's constructed translations with planted divergences, and what was planted.

The faithful renderings are ``seeds/az-cn-2025-04.en.txt`` and ``.zh.txt``
(constructed, see ``seeds/SOURCES.md``).  Each variant here applies one
planting to one of them; ``planted()`` lists, per variant, its plantings
(type, unit of the seed in the seed's numbering, the text touched) and the
unit correspondence to the Russian seed it should align to, so tests can
check recall per divergence type and the unit pairs.

``python tests/plantgen.py write`` writes the variants and ``planted.json``
into ``tests/fixtures/crosslang/``; ``tests/align/test_crosslang.py`` checks
that the committed files are what this generator makes.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
OUT = ROOT / "tests" / "fixtures" / "crosslang"
CLAUSES = 18
PREAMBLE = 2

_ZH_DIGITS = "一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 13 -> 十三, 20 -> 二十 (enough for statements' clause numbers)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _ZH_DIGITS[tens - 1] + "十")
    return head + ("" if ones == 0 else _ZH_DIGITS[ones - 1])


_MARK = {"en": re.compile(r"^(\d+)\. "), "zh": re.compile(r"^([一二三四五六七八九十]+)、")}


def _marker(language: str, n: int) -> str:
    return f"{n}. " if language == "en" else f"{zh_numeral(n)}、"


def _clauses(text: str, language: str) -> tuple[list[str], list[list[str]]]:
    """The head blocks (title .. preamble) and the clauses, each a list of its paragraphs unnumbered."""
    head: list[str] = []
    clauses: list[list[str]] = []
    for block in text.strip("\n").split("\n\n"):
        match = _MARK[language].match(block)
        if match:
            clauses.append([block[match.end() :]])
        elif clauses:
            clauses[-1].append(block.strip("\u3000 "))
        else:
            head.append(block)
    return head, clauses


def _join(head: list[str], clauses: list[list[str]], language: str) -> str:
    indent = "\u3000\u3000" if language == "zh" else ""
    blocks = list(head)
    for n, paragraphs in enumerate(clauses, 1):
        blocks.append(_marker(language, n) + paragraphs[0])
        blocks += [indent + p for p in paragraphs[1:]]
    return "\n\n".join(blocks) + "\n"


def _identity() -> list[list[list[str]]]:
    units = [f"preamble.{k}" for k in range(1, PREAMBLE + 1)] + [str(k) for k in range(1, CLAUSES + 1)]
    return [[[u], [u]] for u in units]


# (name, type, seed unit, {language: (old, new)}): a text replacement inside one clause.
_EDITS = [
    ("figure", "number", "preamble.2", {"en": ("33 years", "30 years"), "zh": ("建交33年", "建交30年")}),
    (
        "organisation",
        "entity",
        "4",
        {
            "en": ("the China International Fair for Trade in Services (CIFTIS) and ", ""),
            "zh": ("中国国际服务贸易交易会（CIFTIS）和", ""),
        },
    ),
    (
        "intensity",
        "intensity",
        "1",
        {
            "en": ("China firmly supports the peace", "China supports the peace"),
            "zh": ("中方坚定支持阿方", "中方支持阿方"),
        },
    ),
    (
        "commitment",
        "commitment",
        "12",
        {
            "en": ("China supports Azerbaijan's early", "China notes Azerbaijan's early"),
            "zh": ("中方支持阿塞拜疆早日", "中方注意到阿塞拜疆早日"),
        },
    ),
    (
        "sentence",
        "missing",
        "16",
        {
            "en": (" China supports raising Azerbaijan's legal status in the SCO.", ""),
            "zh": ("中方支持提升阿塞拜疆在上合组织的法律地位。", ""),
        },
    ),
]


def _edit(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise ValueError(f"planting: {old!r} occurs {text.count(old)} times, not once")
    return text.replace(old, new)


def _renumbered(pairs: list[list[list[str]]], mapping: dict[str, list[str]]) -> list[list[list[str]]]:
    """The identity correspondence with the variant side's labels replaced by ``mapping``."""
    out = []
    for left, right in pairs:
        new = mapping.get(right[0], right)
        out.append([left, new])
    return out


def variants(language: str) -> dict[str, tuple[str, dict[str, object]]]:
    """Every variant of one language's faithful rendering: name -> (text, what was planted)."""
    faithful = (SEEDS / f"az-cn-2025-04.{language}.txt").read_text(encoding="utf-8")
    out: dict[str, tuple[str, dict[str, object]]] = {}
    for name, kind, unit, edits in _EDITS:
        old, new = edits[language]
        planting = {
            "type": kind,
            "unit": unit,
            "left": None if kind == "missing" else old,
            "right": new or None,
        }
        if kind == "missing":
            planting["left"] = old.strip()
        out[name] = (_edit(faithful, old, new), {"plantings": [planting], "pairs": _identity()})
    head, clauses = _clauses(faithful, language)
    shift = {str(k): [str(k - 1)] for k in range(9, CLAUSES + 1)}
    # A clause dropped (8): the later clauses renumbered one down.
    dropped = [c for k, c in enumerate(clauses, 1) if k != 8]
    pairs = [p for p in _renumbered(_identity(), shift) if p[0] != ["8"]] + [[["8"], []]]
    out["drop_clause"] = (
        _join(head, dropped, language),
        {"plantings": [{"type": "missing", "unit": "8", "left": "clause 8", "right": None}], "pairs": pairs},
    )
    # Two clauses merged (5 and 6): 6's text a paragraph of 5, the later clauses one down.
    merged = [list(c) for c in clauses]
    merged[4] = merged[4] + merged[5]
    del merged[5]
    shift = {str(k): [str(k - 1)] for k in range(7, CLAUSES + 1)}
    pairs = [p for p in _renumbered(_identity(), shift) if p[0] not in (["5"], ["6"])] + [[["5", "6"], ["5"]]]
    out["merge_clauses"] = (_join(head, merged, language), {"plantings": [], "pairs": pairs})
    # A clause split (11): its third paragraph a clause of its own, the later clauses one up.
    split = [list(c) for c in clauses]
    split[10:11] = [split[10][:2], split[10][2:]]
    shift = {str(k): [str(k + 1)] for k in range(12, CLAUSES + 1)}
    shift["11"] = ["11", "12"]
    out["split_clause"] = (
        _join(head, split, language),
        {"plantings": [], "pairs": _renumbered(_identity(), shift)},
    )
    # A clause added after 2: every later clause renumbered one up.
    added = {
        "en": "The two sides agreed to hold the next meeting of the Intergovernmental Commission in Baku in 2026.",
        "zh": "双方同意2026年在巴库举行政府间委员会下次会议。",
    }[language]
    grown = [list(c) for c in clauses]
    grown.insert(2, [added])
    shift = {str(k): [str(k + 1)] for k in range(3, CLAUSES + 1)}
    pairs = _renumbered(_identity(), shift) + [[[], ["3"]]]
    out["add_renumber"] = (_join(head, grown, language), {"plantings": [], "pairs": pairs})
    return out


def _zh_labels(pairs: list[list[list[str]]]) -> list[list[list[str]]]:
    def one(label: str) -> str:
        return label if label.startswith("preamble") else zh_numeral(int(label))

    return [[left, [one(x) for x in right]] for left, right in pairs]


def planted() -> list[dict[str, object]]:
    """The machine-readable list: one row per variant file, with its plantings and unit pairs to the seed."""
    rows: list[dict[str, object]] = []
    for language in ("en", "zh"):
        for name, (_, facts) in variants(language).items():
            pairs = facts["pairs"]
            assert isinstance(pairs, list)
            rows.append(
                {
                    "file": f"az-cn-2025-04.{name}.{language}.txt",
                    "language": language,
                    "base": f"seeds/az-cn-2025-04.{language}.txt",
                    "variant": name,
                    "plantings": facts["plantings"],
                    "pairs_to_ru_seed": _zh_labels(pairs) if language == "zh" else pairs,
                }
            )
    return rows


def write() -> None:
    """Write every variant and ``planted.json`` into ``tests/fixtures/crosslang/``."""
    OUT.mkdir(parents=True, exist_ok=True)
    for language in ("en", "zh"):
        for name, (text, _) in variants(language).items():
            (OUT / f"az-cn-2025-04.{name}.{language}.txt").write_text(text, encoding="utf-8")
    data = {
        "_doc": "Constructed variants of the constructed en/zh renderings of the seed, made by tests/plantgen.py; "
        "pairs_to_ru_seed: [seed labels, variant labels] per unit (labels as docdiff parse gives them).",
        "variants": planted(),
    }
    (OUT / "planted.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["write"]:
    write()
