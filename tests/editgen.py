"""Known edit scripts applied to statements, with the alignment they must produce.

:func:`build` turns plain "1. ...\\n\\n2. ..." text into a Document by hand
(independent of the segmenter); :func:`generate` applies a random but seeded
script of moves, deletions, insertions (new clauses from a pool of plausible
sentences), splits, merges, formal and substantive edits, renumbers the result
and returns the edited text with the expected pairs.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docdiff.annotate import annotate
from docdiff.model import Clause, Document, Metadata, Paragraph, Part, Sentence, Span
from docdiff.sentences import split_sentences

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


def _paragraph(text: str, start: int, end: int, language: str, parties: Sequence[str]) -> Paragraph:
    sentences = []
    for s, e in split_sentences(text[start:end], language, start):
        found = annotate(text[s:e], language, tuple(parties))
        sentences.append(Sentence(Span(s, e), text[s:e], found.actor, found.commitment, found.intensity))
    return Paragraph(Span(start, end), text[start:end], sentences)


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


POOL = {
    "ru": [
        "Стороны намерены развивать сотрудничество в области космических исследований и спутниковой навигации.",  # noqa: E501
        "Стороны договорились создать совместный фонд поддержки малого и среднего бизнеса.",
        "Стороны будут содействовать обмену опытом в сфере цифрового государственного управления.",
        "Стороны приветствуют открытие прямого авиасообщения между Баку и Урумчи.",
        "Стороны выразили заинтересованность в расширении сотрудничества в области водных ресурсов и мелиорации.",  # noqa: E501
        "Стороны поддерживают проведение ежегодного форума ректоров университетов двух стран.",
        "Стороны согласились укреплять взаимодействие в области ветеринарии и фитосанитарного контроля.",
        "Стороны отметили важность сохранения культурного наследия и реставрации памятников истории.",
        "Стороны будут развивать сотрудничество в сфере гражданской авиации и подготовки пилотов.",
        "Стороны намерены углублять взаимодействие в области статистики и обмена данными.",
        "Стороны условились проводить совместные учения по ликвидации последствий чрезвычайных ситуаций.",
        "Стороны выступают за расширение сотрудничества в области морского судоходства на Каспии.",
    ],
    "en": [
        "The Sides intend to cooperate on space research and satellite navigation.",
        "The Sides agreed to set up a joint fund to support small and medium-sized enterprises.",
        "The Sides will share experience in digital public administration.",
        "The Sides welcome the opening of a direct shipping line between their main ports.",
        "The Sides are interested in expanding cooperation on water resources and irrigation.",
        "The Sides support an annual forum of university rectors of the two countries.",
        "The Sides agreed to strengthen cooperation on veterinary and phytosanitary control.",
        "The Sides noted the importance of preserving cultural heritage and restoring historic monuments.",
    ],
}

SUBSTANTIVE = {
    "ru": [
        ("поддерживают", "твердо поддерживают"),
        ("выражают готовность", "договорились"),
        ("выразили готовность", "договорились"),
        ("будут поощрять", "поощряют"),
        ("готовы", "намерены"),
        ("Стороны", "Китайская сторона"),
        ("Азербайджан", "Китай"),
    ],
    "en": [
        ("support", "firmly support"),
        ("intend to", "agreed to"),
        ("will promote", "promote"),
        ("The Sides", "Beta"),
        ("agreed to", "intend to"),
    ],
}
PHRASES = {
    "ru": ["в духе взаимного доверия", "на долгосрочной основе", "при необходимости"],
    "en": ["in a spirit of mutual trust", "on a long-term basis", "where appropriate"],
}


@dataclass
class Unit:
    """One unit of the edited statement: its paragraphs, where it came from, what it expects."""

    paragraphs: list[str]
    origin: tuple[str, ...]  # left labels ("" for a new clause)
    kind: str = "match"
    change: str = "none"
    moved: bool = False
    preamble: bool = False


@dataclass
class Edited:
    """An edited statement and the alignment it must produce."""

    left: str
    right: str
    pairs: list[tuple[str, tuple[str, ...], tuple[str, ...], bool, str]] = field(default_factory=list)
    script: list[str] = field(default_factory=list)


def _units(doc: Document) -> list[Unit]:
    return [
        Unit([p.text for p in u.paragraphs], (u.label,), preamble=u.part is Part.PREAMBLE) for u in doc.units
    ]


def _render(units: list[Unit]) -> tuple[str, list[str]]:
    lines: list[str] = []
    labels: list[str] = []
    n = p = 0
    for unit in units:
        if unit.preamble:
            p += 1
            labels.append(f"preamble.{p}")
            lines.extend(unit.paragraphs)
        else:
            n += 1
            labels.append(str(n))
            lines.append(f"{n}. {unit.paragraphs[0]}")
            lines.extend(unit.paragraphs[1:])
    return "\n\n".join(lines), labels


def _splits_at(units: list[Unit], pos: int) -> bool:
    """True when inserting at ``pos`` would come between two pieces of one split."""
    return 0 < pos < len(units) and units[pos].kind == "split" and units[pos - 1].origin == units[pos].origin


def _worse(a: str, b: str) -> str:
    order = ("none", "formal", "substantive")
    return max(a, b, key=order.index)


def _substantive(rng: random.Random, unit: Unit, language: str) -> str | None:
    k = rng.randrange(len(unit.paragraphs))
    text = unit.paragraphs[k]
    choice = rng.randrange(4)
    new = text
    if choice == 0:
        options = [(a, b) for a, b in SUBSTANTIVE[language] if re.search(rf"\b{a}\b", text)]
        if options:
            a, b = rng.choice(options)
            new = re.sub(rf"\b{a}\b", b, text, count=1)
    elif choice == 1:
        numbers = list(re.finditer(r"\d+", text))
        if numbers:
            m = rng.choice(numbers)
            new = text[: m.start()] + str(int(m.group()) + 1) + text[m.end() :]
    elif choice == 2:
        words = list(re.finditer(r"(?<=\s)\w+(?:\s+\w+){2,4}(?=[\s,])", text))
        if words:
            m = rng.choice(words)
            new = text[: m.start()] + text[m.end() :].lstrip()
    else:
        spaces = [m.start() for m in re.finditer(r" ", text)]
        if len(spaces) > 3:
            at = rng.choice(spaces[1:-1])
            new = text[:at] + " " + rng.choice(PHRASES[language]) + text[at:]
    if new == text:
        return None
    unit.paragraphs[k] = new
    unit.change = "substantive"
    return ("verb", "number", "cut", "phrase")[choice]


def _formal(rng: random.Random, unit: Unit) -> str | None:
    k = rng.randrange(len(unit.paragraphs))
    text = unit.paragraphs[k]
    choice = rng.randrange(4)
    if choice == 0 and '"' in text:
        new = re.sub(r'"([^"]*)"', "«\\1»", text)
    elif choice == 1 and " - " in text:
        new = text.replace(" - ", " — ")
    elif choice == 2:
        new = re.sub(r"(?<=\s)(\w{1,2}) ", "\\1\u00a0", text, count=3)
    else:
        new = re.sub(r"\b(еще|все|ее|Ее)\b", lambda m: m.group().replace("е", "ё", 1), text)
        if new == text:
            new = text.replace("  ", " ").replace(", ", ",  ", 1)
    if new == text:
        return None
    unit.paragraphs[k] = new
    if unit.change == "none":
        unit.change = "formal"
    return ("quotes", "dash", "nbsp", "yo")[choice]


def _split(rng: random.Random, units: list[Unit], i: int, language: str) -> bool:
    unit = units[i]
    if unit.kind != "match" or unit.preamble:
        return False
    cuts = []  # (paragraph index, offset in it); offset 0 cuts between paragraphs
    for k, para in enumerate(unit.paragraphs):
        if k:
            cuts.append((k, 0))
        spans = split_sentences(para, language)
        cuts += [(k, s) for s, _ in spans[1:]]
    if not cuts:
        return False
    k, at = rng.choice(cuts)
    first = unit.paragraphs[:k] + ([unit.paragraphs[k][:at].rstrip()] if at else [])
    second = [unit.paragraphs[k][at:], *unit.paragraphs[k + 1 :]] if at else unit.paragraphs[k:]
    change = _worse(unit.change, "formal" if at else "none")
    units[i : i + 1] = [
        Unit(first, unit.origin, "split", change, unit.moved),
        Unit(second, unit.origin, "split", change, unit.moved),
    ]
    return True


def generate(
    text: str, seed: int, language: str = "ru", parties: Sequence[str] = ("AZ", "CN"), max_ops: int = 6
) -> Edited:
    """Apply a random script (seeded) of 1 to ``max_ops`` operations to ``text``.

    Returns both texts and the expected pairs.
    """
    rng = random.Random(seed)
    doc = build(text, language, parties)
    units = _units(doc)
    script: list[str] = []
    pool = list(POOL[language])
    rng.shuffle(pool)
    for _ in range(rng.randint(1, max_ops)):
        op = rng.choice(
            ["move", "delete", "insert", "split", "merge", "formal", "substantive", "substantive"]
        )
        body = [k for k, u in enumerate(units) if not u.preamble]
        plain = [k for k in body if units[k].kind == "match" and units[k].origin[0]]
        if op == "move" and len(plain) > 4:
            i = rng.choice(plain)
            j = rng.choice([k for k in body if abs(k - i) > 2])
            unit = units.pop(i)
            if _splits_at(units, j if j < i else j - 1):
                units.insert(i, unit)
                continue
            unit.moved = True
            units.insert(j if j < i else j - 1, unit)
        elif op == "delete" and len(plain) > 4:
            units.pop(rng.choice(plain))
        elif op == "insert" and pool:
            sentences = [pool.pop() for _ in range(min(len(pool), rng.randint(1, 2)))]
            at = rng.choice(body) + 1
            if _splits_at(units, at):
                continue
            units.insert(at, Unit([" ".join(sentences)], (), "insert", "substantive"))
        elif op == "split" and plain:
            if not _split(rng, units, rng.choice(plain), language):
                continue
        elif op == "merge":
            order = {u.label: n for n, u in enumerate(doc.units)}
            pairs = [
                k
                for k in plain
                if k + 1 in plain
                and not units[k].moved
                and not units[k + 1].moved
                and order[units[k + 1].origin[0]] == order[units[k].origin[-1]] + 1
            ]
            if not pairs:
                continue
            k = rng.choice(pairs)
            a, b = units[k], units[k + 1]
            change = _worse(a.change, b.change)
            units[k : k + 2] = [Unit(a.paragraphs + b.paragraphs, a.origin + b.origin, "merge", change)]
        elif op in ("formal", "substantive"):
            touchable = [k for k, u in enumerate(units) if u.origin and u.kind == "match"]
            unit = units[rng.choice(touchable)]
            done = _formal(rng, unit) if op == "formal" else _substantive(rng, unit, language)
            if done is None:
                continue
            op = f"{op}:{done}"
        else:
            continue
        script.append(op)
    right, labels = _render(units)
    edited = Edited(text, right, script=script)
    seen_left: set[str] = set()
    for unit, label in zip(units, labels, strict=True):
        if unit.kind == "split":
            if unit.origin[0] in seen_left:
                prev = edited.pairs[-1]
                edited.pairs[-1] = (prev[0], prev[1], (*prev[2], label), prev[3], prev[4])
                continue
            seen_left.add(unit.origin[0])
        if unit.kind == "insert":
            edited.pairs.append(("insert", (), (label,), False, "substantive"))
        else:
            edited.pairs.append((unit.kind, unit.origin, (label,), unit.moved, unit.change))
    kept = {label for unit in units for label in unit.origin}
    edited.pairs += [
        ("delete", (u.label,), (), False, "substantive") for u in doc.units if u.label not in kept
    ]
    return edited
