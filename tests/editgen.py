"""Known edit scripts applied to statements, with the alignment they must produce.

:func:`build` turns plain "1. ...\\n\\n2. ..." text into a Document by hand
(independent of the segmenter).  :func:`edit` applies a random but seeded
script of 3 to 12 operations (:mod:`editops`) to ANY parsed Document
(numbered or ``para.N`` units, preambles, sections, sub-items; ru, en, zh):
moves of single units and of adjacent blocks, deletions (look-alike clauses
among them), insertions (pool sentences and boilerplate look-alikes), splits
at paragraph and sentence boundaries, merges, formal edits (quotes, dashes,
no-break spaces, ё/е, letter case, double spaces, re-wrapping) and
substantive ones (a word, an intensifier, a number, the actor, a cut phrase,
an added phrase), edits inside moved units included; it renumbers in a random
style and assembles the right Document by hand, so the expected pairs are
known exactly.  The right text prints what the left one printed around the
units' text: sub-item marks ("1.", "(a)", bullets) before their paragraphs
and section headings before their unit, so the parser can read it as the
script built it.  :func:`generate` is the same on plain numbered text.
:class:`Tally` scores a comparison against the expectation.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from editops import NO_MARK, POOL, Mark, Unit, apply_script

from docdiff.describe.annotate import annotate
from docdiff.model import Clause, Document, Metadata, Paragraph, Part, Sentence, Span
from docdiff.result import Comparison
from docdiff.segment.sentences import split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_NUMBERED = re.compile(r"(\d+)\.\s+")


def build(text: str, language: str = "ru", parties: Sequence[str] = ("AZ", "CN")) -> Document:
    """A Document from "preamble\\n\\n1. clause\\n\\nmore of it\\n\\n2. clause" text."""
    units: list[Clause] = []
    preamble: list[Clause] = []
    current: list[Paragraph] = []
    label = ""
    start = number_end = last_end = 0

    def flush(end: int) -> None:
        if current:
            units.append(Clause(label, len(units) + 1, Span(start, end), current))

    pos = 0
    for block in text.split("\n\n"):
        b_start, b_end = pos, pos + len(block)
        pos = b_end + 2
        if not block.strip():
            continue
        match = _NUMBERED.match(block)
        if match:
            flush(last_end)
            current = []
            label, start, number_end = match.group(1), b_start, b_start + match.end()
        elif not units and not current and not label:
            preamble.append(_paragraph_clause(text, b_start, b_end, len(preamble) + 1, language, parties))
            continue
        else:
            number_end = b_start
        current.append(_paragraph(text, number_end, b_end, language, parties))
        last_end = b_end
    if label:
        flush(last_end)
    meta = Metadata(language=language, parties=tuple(parties))
    return Document(source=text, metadata=meta, clauses=units, preamble=preamble)


def _paragraph(
    text: str, start: int, end: int, language: str, parties: Sequence[str], label: str | None = None
) -> Paragraph:
    sentences = []
    for s, e in split_sentences(text[start:end], language, start):
        found = annotate(text[s:e], language, tuple(parties))
        sentences.append(Sentence(Span(s, e), text[s:e], found.actor, found.commitment, found.intensity))
    return Paragraph(Span(start, end), text[start:end], sentences, label)


def _paragraph_clause(
    text: str, start: int, end: int, n: int, language: str, parties: Sequence[str]
) -> Clause:
    para = _paragraph(text, start, end, language, parties)
    return Clause(f"preamble.{n}", n, Span(start, end), [para], part=Part.PREAMBLE)


def seed_statement() -> str:
    """The seed's statement text (envelope and outer quotes dropped)."""
    text = (SEEDS / "az-cn-2025-04.ru.txt").read_text(encoding="utf-8")
    body = text[text.index('"Президент') + 1 :].rstrip().rstrip('"')
    return body


ENGLISH = """The leaders of Alpha and Beta met in Geneva on 12 May 2025 and adopted this statement.

1. The Sides reaffirm their commitment to the principles of the United Nations Charter and to a rules-based international order.

2. The Sides support closer cooperation in trade and investment. They will establish a Joint Trade Council that meets every year at the ministerial level.

3. The Sides intend to expand cooperation on clean energy, including solar and wind power, and to launch a joint research fund of 50 million dollars by 2026.

4. Alpha welcomes the decision of Beta to host the regional climate conference in 2027. The Sides agreed to coordinate their positions ahead of it.

5. The Sides will promote student exchanges and the teaching of each other's languages at universities.

6. The Sides condemn terrorism in all its forms and will strengthen cooperation between their law enforcement agencies.

7. The Sides support the reform of the multilateral development banks to better reflect the needs of developing countries.

8. The Sides agreed to simplify visa procedures for business travellers, students and tourists.

9. The Sides welcome the growth of direct flights between their capitals and will work to open new routes.

10. The leaders instructed their ministers to report on the implementation of this statement by the end of 2025."""  # noqa: E501


STYLES = ("arabic", "paren", "roman")
Expected = tuple[str, tuple[str, ...], tuple[str, ...], str]  # kind, left labels, right labels, change


@dataclass
class Scripted:
    """An edited Document and the alignment it must produce."""

    right: Document
    pairs: list[Expected] = field(default_factory=list)
    script: list[str] = field(default_factory=list)
    # left labels of a matched unit -> the flags its substantive edits call for
    flags: dict[tuple[str, ...], list[str]] = field(default_factory=dict)


@dataclass
class Edited:
    """An edited plain-text statement and the alignment it must produce (see :func:`generate`)."""

    left: str
    right: str
    pairs: list[tuple[str, tuple[str, ...], tuple[str, ...], bool, str]] = field(default_factory=list)
    script: list[str] = field(default_factory=list)


def _mark_of(doc: Document, unit: Clause, k: int) -> Mark:
    """How paragraph ``k`` of ``unit`` was marked in ``doc``: its sub-item number, or a bullet.

    The mark is what the source printed between the start of the paragraph's
    line (or the unit's own number) and the paragraph.  A bullet is the
    number of an unnumbered unit, and prints before its first paragraph.
    """
    para = unit.paragraphs[k]
    line = doc.source.rfind("\n", 0, para.span.start) + 1
    number = unit.number
    if para.label is None:
        if k == 0 and number is not None and unit.label.startswith("para.") and line <= number.span.start:
            return doc.source[number.span.start : para.span.start], None
        return NO_MARK
    if number is not None and line <= number.span.start < para.span.start:
        line = number.span.end
    printed = doc.source[line : para.span.start].lstrip()
    if para.label not in printed or len(printed) > 16:  # not one printed number: write it plainly
        printed = f"{para.label}. "
    return printed, para.label


def _head_of(doc: Document, unit: Clause) -> str:
    """The section headings the source printed inside ``unit``'s span, before its number or text."""
    first = unit.paragraphs[0].span.start
    end = doc.source.rfind("\n", 0, first) + 1
    if unit.number is not None:
        end = min(end, unit.number.span.start)
    return doc.source[unit.span.start : end].strip() if unit.part is Part.BODY else ""


def _units(doc: Document) -> list[Unit]:
    """The units of a parsed Document, as the script's starting point."""
    return [
        Unit(
            [p.text for p in u.paragraphs],
            (u.label,),
            preamble=u.part is Part.PREAMBLE,
            source=u.text,
            marks=[_mark_of(doc, u, k) for k in range(len(u.paragraphs))],
            head=_head_of(doc, u),
        )
        for u in doc.units
    ]


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out, n = out + letters, n - value
    return out


ARTICLE = {"ru": "Статья {}", "en": "Article {}", "zh": "第{}条"}
_ARTICLE = re.compile(r"Статья|СТАТЬЯ|Article|ARTICLE|第")
# Printed sub-item marks that a renumbering style would make look like unit numbers.
_CLASHES = {
    "arabic": re.compile(r"[(（]?\d"),
    "paren": re.compile(r"[(（]?\d"),
    "roman": re.compile(r"[IVXLC]+[.)]"),
}


def _label(style: str, n: int, language: str) -> tuple[str, str]:
    """(label, printed number) of body unit ``n`` in a numbering style."""
    if style == "para":
        return f"para.{n}", ""
    if style == "roman":
        return _roman(n), f"{_roman(n)}. "
    if style == "article":  # the number on a line of its own, as statements print articles
        return str(n), ARTICLE.get(language, ARTICLE["en"]).format(n) + "\n\n"
    return str(n), (f"{n}) " if style == "paren" else f"{n}. ")


def _styles(doc: Document) -> list[str]:
    """Numbering styles the right text may take: none whose numbers look like the sub-items' marks.

    A statement that numbers articles ("Статья 3") keeps that style among the choices.
    """
    units = _units(doc)
    marks = [mark for unit in units for mark, _ in unit.marks if mark]
    marks += [line.strip() for unit in units for line in unit.head.splitlines()]
    styles = [s for s in STYLES if not any(_CLASHES[s].match(mark) for mark in marks)]
    articles = any(c.number is not None and _ARTICLE.match(c.number.text) for c in doc.clauses)
    # With every style clashing, articles: their numbers stand on a line of their own.
    return styles + ["article"] * articles or ["article"]


def assemble(
    units: Sequence[Unit], style: str, language: str, parties: Sequence[str], metadata: Metadata | None = None
) -> tuple[Document, list[str]]:
    """The right Document of ``units``, built by hand (no segmenter), and its unit labels.

    Paragraphs keep their printed sub-item marks, except the first of a unit
    in a numbered style other than articles: the unit's number stands there.
    """
    source = ""
    preamble: list[Clause] = []
    clauses: list[Clause] = []
    labels: list[str] = []
    for unit in units:
        if source:
            source += "\n\n"
        start = len(source)
        if unit.preamble:
            label, number = f"preamble.{len(preamble) + 1}", ""
        else:
            label, number = _label(style, len(clauses) + 1, language)
        if unit.head:
            source += unit.head + "\n\n"
        source += number
        paragraphs = []
        for k, (text, (mark, sub)) in enumerate(zip(unit.paragraphs, unit.marks, strict=True)):
            if k:
                source += "\n\n"
            if k == 0 and number and style != "article":
                mark, sub = NO_MARK
            source += mark
            at = len(source)
            source += text
            paragraphs.append(_paragraph(source, at, len(source), language, parties, sub))
        span = Span(start, len(source))
        if unit.preamble:
            preamble.append(Clause(label, len(preamble) + 1, span, paragraphs, part=Part.PREAMBLE))
        else:
            clauses.append(Clause(label, len(clauses) + 1, span, paragraphs))
        labels.append(label)
    meta = metadata or Metadata(language=language, parties=tuple(parties))
    return Document(source=source, metadata=meta, clauses=clauses, preamble=preamble), labels


def _expected(units: list[Unit], labels: list[str], left: Document) -> list[Expected]:
    pairs: list[Expected] = []
    seen: set[tuple[str, ...]] = set()
    for unit, label in zip(units, labels, strict=True):
        if unit.kind == "split" and unit.origin in seen:
            kind, lf, rt, change = pairs[-1]
            pairs[-1] = (kind, lf, (*rt, label), change)
            continue
        seen.add(unit.origin)
        if unit.kind == "insert":
            pairs.append(("insert", (), (label,), "substantive"))
        else:
            pairs.append((unit.kind, unit.origin, (label,), unit.change))
    kept = {x for unit in units for x in unit.origin}
    pairs += [("delete", (u.label,), (), "substantive") for u in left.units if u.label not in kept]
    return pairs


def edit(doc: Document, seed: int, ops: tuple[int, int] = (3, 12), style: str | None = None) -> Scripted:
    """Apply a seeded script of ``ops[0]`` to ``ops[1]`` operations to a parsed Document."""
    rng = random.Random(seed)
    language = doc.language if doc.language in POOL else "en"
    units = _units(doc)
    order = {u.label: n for n, u in enumerate(doc.units)}
    if style is None:
        numbered = any(not u.label.startswith(("para.", "preamble.")) for u in doc.clauses)
        style = rng.choice(_styles(doc)) if numbered else "para"
    script = apply_script(rng, units, order, language, rng.randint(*ops), style != "para")
    right, labels = assemble(units, style, language, doc.metadata.parties, doc.metadata)
    flags = {u.origin: sorted(set(u.expect)) for u in units if u.kind == "match" and u.expect}
    return Scripted(right, _expected(units, labels, doc), script, flags)


def generate(
    text: str, seed: int, language: str = "ru", parties: Sequence[str] = ("AZ", "CN"), max_ops: int = 6
) -> Edited:
    """Like :func:`edit` on plain "1. clause" text (1 to ``max_ops`` operations), renumbered "1. ".

    Returns both texts and the expected pairs, each with its moved flag as the script made it.
    """
    doc = build(text, language, parties)
    scripted = edit(doc, seed, (1, max_ops), "arabic")
    edited = Edited(text, scripted.right.source, script=scripted.script)
    edited.pairs = [(k, lf, rt, False, c) for k, lf, rt, c in scripted.pairs]
    return edited


def chain_roles(pairs: Sequence[tuple[int, int]]) -> tuple[set[int], set[int]]:
    """Indices of ``pairs`` (left, right positions) that are on every / on no longest increasing chain.

    A pair on no longest chain must be reported moved; a pair on every one
    must not be; the rest are ties either answer fits.
    """
    order = sorted(range(len(pairs)), key=lambda k: pairs[k])
    ys = [pairs[k][1] for k in order]
    n = len(ys)
    ending = [0] * n
    for p in range(n):
        ending[p] = 1 + max((ending[q] for q in range(p) if ys[q] < ys[p]), default=0)
    starting = [0] * n
    for p in reversed(range(n)):
        starting[p] = 1 + max((starting[q] for q in range(p + 1, n) if ys[q] > ys[p]), default=0)
    best = max(ending, default=0)
    on_some = [ending[p] + starting[p] - 1 == best for p in range(n)]
    levels: dict[int, list[int]] = {}
    for p in range(n):
        if on_some[p]:
            levels.setdefault(ending[p], []).append(p)
    every = {order[p] for group in levels.values() if len(group) == 1 for p in group}
    never = {order[p] for p in range(n) if not on_some[p]}
    return every, never


@dataclass
class Tally:
    """Running scores of comparisons against expected pairs; :meth:`figures` sums them up."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    flags_ok: int = 0
    flags_all: int = 0
    change_ok: int = 0
    change_all: int = 0
    moved_ok: int = 0
    moved_all: int = 0
    wrong_moves: int = 0
    rebuilt: int = 0
    rebuilt_all: int = 0
    failures: list[str] = field(default_factory=list)

    def add(
        self,
        left: Document,
        right: Document,
        expected: Sequence[Expected],
        result: Comparison,
        name: str = "",
    ) -> None:
        """Score one comparison; wrong rows are kept in :attr:`failures`."""
        got = {(p.kind.value, p.left, p.right): p for p in result.pairs}
        want = {(k, lf, rt): change for k, lf, rt, change in expected}
        hits = set(got) & set(want)
        self.tp += len(hits)
        self.fp += len(set(got) - hits)
        self.fn += len(set(want) - hits)
        for key in sorted(set(got) - hits):
            self.failures.append(f"{name} extra {key} moved={got[key].moved} sim={got[key].similarity}")
            self.wrong_moves += got[key].moved
        for key in sorted(set(want) - hits):
            self.failures.append(f"{name} missing {key}")
        for key in hits:
            self.change_all += 1
            ok = got[key].change.value == want[key]
            self.change_ok += ok
            if not ok:
                self.failures.append(f"{name} change {key} want {want[key]} got {got[key].change.value}")
        left_pos = {u.label: k for k, u in enumerate(left.units)}
        right_pos = {u.label: k for k, u in enumerate(right.units)}
        paired = [key for key in want if key[1] and key[2]]
        every, never = chain_roles([(left_pos[k[1][0]], right_pos[k[2][0]]) for k in paired])
        for index, key in enumerate(paired):
            if key not in got:
                continue
            self.moved_all += 1
            if index in never:
                ok = got[key].moved
            elif index in every:
                ok = not got[key].moved
                self.wrong_moves += got[key].moved
            else:
                ok = True
            self.moved_ok += ok
            if not ok:
                self.failures.append(f"{name} moved {key} got {got[key].moved}")
        for pair in result.pairs:
            self.rebuilt_all += 1
            self.rebuilt += pair.left_text == "\n\n".join(left.unit(x).text for x in pair.left) and (
                pair.right_text == "\n\n".join(right.unit(x).text for x in pair.right)
            )

    def add_flags(self, flags: dict[tuple[str, ...], list[str]], result: Comparison, name: str = "") -> None:
        """Score flag recall: each flag a substantive edit calls for, on the match of its unit."""
        got = {p.left: {f.value for f in p.flags} for p in result.pairs if p.kind.value == "match"}
        for origin, wanted in sorted(flags.items()):
            for flag in wanted:
                self.flags_all += 1
                ok = flag in got.get(origin, set())
                self.flags_ok += ok
                if not ok:
                    self.failures.append(f"{name} flag {flag} missing on {origin}")

    def figures(self) -> dict[str, float]:
        """pair F1, change and moved accuracy, wrong moves, share of pairs whose edits rebuild both texts."""
        precision = self.tp / max(self.tp + self.fp, 1)
        recall = self.tp / max(self.tp + self.fn, 1)
        return {
            "f1": round(2 * precision * recall / max(precision + recall, 1e-12), 4),
            "change": round(self.change_ok / max(self.change_all, 1), 4),
            "moved": round(self.moved_ok / max(self.moved_all, 1), 4),
            "wrong_moves": self.wrong_moves,
            "rebuilt": round(self.rebuilt / max(self.rebuilt_all, 1), 4),
            "flags": round(self.flags_ok / max(self.flags_all, 1), 4),
            "flags_all": self.flags_all,
        }
