"""Known edit scripts applied to statements, with the alignment they must produce.

:func:`build` turns plain "1. ...\\n\\n2. ..." text into a Document by hand
(independent of the segmenter).  :func:`edit` applies a random but seeded
script of 3 to 12 operations to ANY parsed Document (numbered or ``para.N``
units, preambles, sections, sub-items; ru, en, zh): moves of single units and
of adjacent blocks, deletions (look-alike clauses among them), insertions
(pool sentences and boilerplate look-alikes), splits at paragraph and sentence
boundaries, merges, formal edits (quotes, dashes, no-break spaces, ё/е, letter
case, double spaces, re-wrapping) and substantive ones (a word, an
intensifier, a number, the actor, a cut phrase, an added phrase), edits inside
moved units included; it renumbers in a random style and assembles the right
Document by hand, so the expected pairs are known exactly.  :func:`generate`
is the same on plain numbered text.  :class:`Tally` scores a comparison
against the expectation.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docdiff.annotate import annotate
from docdiff.model import Clause, Document, Metadata, Paragraph, Part, Sentence, Span
from docdiff.normalize import normalize
from docdiff.result import Comparison
from docdiff.sentences import split_sentences
from docdiff.tokens import terms

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

POOL["zh"] = [
    "双方将加强航天领域合作，推进卫星导航系统合作。",
    "双方同意设立中小企业合作基金。",
    "双方愿分享数字政府建设经验。",
    "双方欢迎开通两国主要港口之间的直达航线。",
    "双方支持每年举办两国大学校长论坛。",
    "双方同意加强动植物检疫合作。",
    "双方强调保护文化遗产和修复历史古迹的重要性。",
]

#: Boilerplate openings of clauses that look like each other; {} is a topic.
LOOKALIKE = {
    "ru": [
        "Стороны договорились укреплять сотрудничество в области {}.",
        "Стороны будут развивать взаимодействие в сфере {}.",
        "Стороны подчеркнули важность сотрудничества в области {}.",
    ],
    "en": [
        "The Sides agreed to strengthen cooperation in {}.",
        "The Sides will deepen their cooperation on {}.",
        "The leaders underscored the importance of cooperation on {}.",
    ],
    "zh": ["双方同意加强{}领域合作。", "双方将深化在{}方面的交流与合作。", "双方强调{}合作的重要性。"],
}
TOPICS = {
    "ru": [
        "рыболовства",
        "метеорологии",
        "геологоразведки",
        "ядерной медицины",
        "архивного дела",
        "картографии",
    ],
    "en": [
        "fisheries",
        "meteorology",
        "geological exploration",
        "nuclear medicine",
        "archives",
        "cartography",
    ],
    "zh": ["渔业", "气象", "地质勘探", "核医学", "档案", "测绘"],
}
SUBSTANTIVE = {  # (pattern, replacement, what): one word, an intensifier, the actor
    "ru": [
        (r"\bподдерживают\b", "твердо поддерживают", "intensifier"),
        (r"\bприветствуют\b", "горячо приветствуют", "intensifier"),
        (r"\bбудут\b", "будут активно", "intensifier"),
        (r"\bвыражают готовность\b", "договорились", "word"),
        (r"\bготовы\b", "намерены", "word"),
        (r"\bсотрудничество\b", "партнерство", "word"),
        (r"\bСтороны\b", "Российская сторона", "actor"),
        (r"\bАзербайджан\b", "Китай", "actor"),
    ],
    "en": [
        (r"\bsupport\b", "firmly support", "intensifier"),
        (r"\bwelcomed?\b", "warmly welcomed", "intensifier"),
        (r"\bwill\b", "will actively", "intensifier"),
        (r"\bintend to\b", "agreed to", "word"),
        (r"\bcooperation\b", "partnership", "word"),
        (r"\bstrengthen\b", "review", "word"),
        (r"\bThe (?:Sides|leaders|two sides)\b", "The United States", "actor"),
        (r"\b(?:We|we)\b", "They", "actor"),
        (r"\bThe United States\b", "The European Union", "actor"),
    ],
    "zh": [
        (r"支持", "坚定支持", "intensifier"),
        (r"推动", "积极推动", "intensifier"),
        (r"双方", "中方", "actor"),
        (r"加强", "审议", "word"),
        (r"合作", "对话", "word"),
    ],
}
PHRASES = {
    "ru": ["в духе взаимного доверия", "на долгосрочной основе", "при необходимости"],
    "en": ["in a spirit of mutual trust", "on a long-term basis", "where appropriate"],
    "zh": ["在相互信任的基础上", "长期", "必要时"],
}
STYLES = ("arabic", "paren", "roman")
_ORDER = ("none", "formal", "substantive")
Expected = tuple[str, tuple[str, ...], tuple[str, ...], str]  # kind, left labels, right labels, change


@dataclass
class Unit:
    """One unit of the edited statement: its paragraphs, where it came from, what it expects."""

    paragraphs: list[str]
    origin: tuple[str, ...]  # left labels (empty for a new clause)
    kind: str = "match"
    change: str = "none"
    moved: bool = False
    preamble: bool = False
    source: str = ""  # the left text it came from (joined), to keep split pieces recognisable
    reworded: bool = False  # a sentence was rewritten: not split, merged or rewritten again
    anchor: bool = False  # a look-alike was cut from its opening: never deleted


@dataclass
class Scripted:
    """An edited Document and the alignment it must produce."""

    right: Document
    pairs: list[Expected] = field(default_factory=list)
    script: list[str] = field(default_factory=list)


@dataclass
class Edited:
    """An edited plain-text statement and the alignment it must produce (see :func:`generate`)."""

    left: str
    right: str
    pairs: list[tuple[str, tuple[str, ...], tuple[str, ...], bool, str]] = field(default_factory=list)
    script: list[str] = field(default_factory=list)


def _worse(a: str, b: str) -> str:
    return max(a, b, key=_ORDER.index)


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


def _mark(rng: random.Random, unit: Unit, k: int, new: str, change: str) -> None:
    unit.paragraphs[k] = new
    unit.change = _worse(unit.change, change)


def _formal(rng: random.Random, unit: Unit, language: str) -> str | None:
    """One typographic edit that :func:`docdiff.normalize.normalize` folds away."""
    k = rng.randrange(len(unit.paragraphs))
    text = unit.paragraphs[k]
    choice = rng.choice(["quotes", "dash", "nbsp", "yo", "case", "spaces", "wrap"])
    new = text
    if choice == "quotes":
        if '"' in text:
            new = re.sub(r'"([^"]*)"', "«\\1»" if language == "ru" else "“\\1”", text)
        else:
            new = re.sub(r"[«“„]([^»”“]*)[»”“]", '"\\1"', text)
    elif choice == "dash":
        found = re.search(r" [-–—] ", text)
        if found:
            new = text[: found.start()] + rng.choice([" - ", " – ", " — "]) + text[found.end() :]
    elif choice == "nbsp":
        spaces = [m.start() for m in re.finditer(" ", text)]
        if spaces:
            at = rng.choice(spaces)
            new = text[:at] + "\u00a0" + text[at + 1 :]
    elif choice == "yo":
        new = re.sub(
            r"\b(еще|все|ее|её|ещё|всё)\b", lambda m: m.group().translate(str.maketrans("её", "ёе")), text
        )
    elif choice == "case":
        words = list(re.finditer(r"(?<=\s)[^\W\d_]{4,}", text))
        if words:
            m = rng.choice(words)
            word = m.group()
            new = (
                text[: m.start()]
                + (word.lower() if word[0].isupper() else word.capitalize())
                + text[m.end() :]
            )
    elif choice == "spaces":
        spaces = [m.start() for m in re.finditer(" ", text)]
        if spaces:
            at = rng.choice(spaces)
            new = text[:at] + "  " + text[at + 1 :]
    else:  # re-wrap at about 70 characters
        new = re.sub(r"(.{50,70}?) ", "\\1\n", text.replace("\n", " "))
    if new == text or normalize(new, casefold=True).text != normalize(text, casefold=True).text:
        return None
    _mark(rng, unit, k, new, "formal")
    return choice


def _substantive(rng: random.Random, unit: Unit, language: str, words: list[str]) -> str | None:
    """One change of meaning: a word, an intensifier, a number, the actor, a cut or an added phrase."""
    k = rng.randrange(len(unit.paragraphs))
    text = unit.paragraphs[k]
    choice = rng.choice(["lexicon", "lexicon", "number", "cut", "phrase", "swap"])
    new = text
    what = choice
    if choice == "lexicon":
        options = [(a, b, w) for a, b, w in SUBSTANTIVE[language] if re.search(a, text)]
        if options:
            a, b, what = rng.choice(options)
            found = rng.choice(list(re.finditer(a, text)))
            new = text[: found.start()] + b + text[found.end() :]
    elif choice == "number":
        numbers = list(re.finditer(r"\d+", text))
        if numbers:
            m = rng.choice(numbers)
            new = text[: m.start()] + str(int(m.group()) + 1) + text[m.end() :]
    elif choice == "cut":
        if language == "zh":
            found = list(re.finditer(r"(?<=，)[^，。；]{3,12}，", text))
        else:
            found = list(re.finditer(r"(?<=\s)\w+(?:\s+\w+){2,4}(?=[\s,])", text))
        # A phrase, not a third of the clause: at most a fifth of its words go.
        found = [m for m in found if len(m.group()) * 5 <= len(text)]
        if found:
            m = rng.choice(found)
            new = text[: m.start()] + text[m.end() :].lstrip()
    elif choice == "phrase":
        gaps = [m.start() for m in re.finditer("，" if language == "zh" else " ", text)]
        if len(gaps) > 3:
            at = rng.choice(gaps[1:-1])
            joiner = "" if language == "zh" else " "
            new = text[:at] + joiner + rng.choice(PHRASES[language]) + text[at:]
    elif language != "zh":  # one content word for another word of the statement
        mine = list(re.finditer(r"(?<=\s)[^\W\d_]{6,}(?=[\s,.])", text))
        if mine and words:
            m = rng.choice(mine)
            other = rng.choice(words)
            if other.lower()[:5] != m.group().lower()[:5]:
                new = text[: m.start()] + other + text[m.end() :]
                what = "word"
    if new == text or normalize(new, casefold=True).text == normalize(text, casefold=True).text:
        return None
    _mark(rng, unit, k, new, "substantive")
    return what


def _cuts(unit: Unit, language: str) -> list[tuple[int, int]]:
    """Where a unit may split: (paragraph, offset); offset 0 cuts between paragraphs."""
    cuts = []
    for k, para in enumerate(unit.paragraphs):
        if k:
            cuts.append((k, 0))
        # Only boundaries after sentence-final punctuation, between two pieces of some length:
        # the splitter may also break at a wrapped line or inside an abbreviation.
        cuts += [
            (k, s)
            for s, _ in split_sentences(para, language)[1:]
            if _END.search(para[:s].rstrip()) and _long(para[:s]) and _long(para[s:])
        ]
    return cuts


_END = re.compile(r"[.!?。！？…][\"'”»’)]?$")


def _kept(piece: str, source: str) -> bool:
    """Most of a piece's words come from its unit's left text (not a sentence rewritten before the split)."""
    words = re.findall(r"[^\W\d_]+|[\u4e00-\u9fff]", piece.lower())
    known = set(re.findall(r"[^\W\d_]+|[\u4e00-\u9fff]", source.lower()))
    return sum(w in known for w in words) >= 0.7 * len(words)


def _long(text: str) -> bool:
    """At least three words (six Han characters)."""
    return len(re.findall(r"[^\W\d_]{2,}", text)) >= 3 or len(re.findall(r"[\u4e00-\u9fff]", text)) >= 6


def _split(rng: random.Random, units: list[Unit], i: int, language: str) -> str | None:
    unit = units[i]
    cuts = _cuts(unit, language)
    if unit.kind != "match" or unit.preamble or not cuts:
        return None
    chosen = sorted(rng.sample(cuts, min(len(cuts), rng.choice([1, 1, 2]))))
    pieces: list[list[str]] = [[]]
    change = unit.change
    k_done, at_done = 0, 0
    for k, at in [*chosen, (len(unit.paragraphs), 0)]:
        while k_done < k:
            pieces[-1].append(
                unit.paragraphs[k_done][at_done:].lstrip() if at_done else unit.paragraphs[k_done]
            )
            k_done, at_done = k_done + 1, 0
        if at:
            pieces[-1].append(unit.paragraphs[k][at_done:at].strip())
            at_done = at
            change = _worse(change, "formal")
        if k < len(unit.paragraphs):
            pieces.append([])
    pieces = [p for p in pieces if p]
    if len(pieces) < 2 or not all(_long(" ".join(p)) and _kept(" ".join(p), unit.source) for p in pieces):
        return None
    units[i : i + 1] = [Unit(p, unit.origin, "split", change, unit.moved, source=unit.source) for p in pieces]
    return "paragraph" if all(at == 0 for _, at in chosen) else "sentence"


def _block(units: list[Unit], i: int) -> int:
    """Length of the run of whole units from ``i`` that may move together (1 to 3)."""
    n = 1
    while (
        n < 3
        and i + n < len(units)
        and units[i + n].kind in ("match", "insert")
        and not units[i + n].preamble
    ):
        n += 1
    return n


def _splits_at(units: list[Unit], pos: int) -> bool:
    """True when inserting at ``pos`` would come between two pieces of one split."""
    return 0 < pos < len(units) and units[pos].kind == "split" and units[pos - 1].origin == units[pos].origin


def _lookalike(rng: random.Random, language: str, units: list[Unit]) -> str:
    """A new clause in boilerplate that other clauses share, or a real clause's opening on a new topic."""
    topic = rng.choice(TOPICS[language])
    sources = [u for u in units if u.origin and not u.preamble]
    if language != "zh" and sources and rng.random() < 0.5:
        source = rng.choice(sources)
        words = source.paragraphs[0].split()
        if len(words) > 8:
            # The clause it was cut from stays: were it deleted, the two would be a fair pair.
            source.anchor = True
            return " ".join(words[: rng.randint(3, 6)]) + f" {topic}."
    return rng.choice(LOOKALIKE[language]).format(topic)


def _similar_to_other(units: list[Unit], body: list[int], language: str) -> int | None:
    """The body unit most like another one (a near-duplicate clause), if any is alike at all."""
    bags = {k: set(terms(" ".join(units[k].paragraphs), language)) for k in body}
    best, found = 0.3, None
    for a in body:
        for b in body:
            if a < b and bags[a] and bags[b]:
                score = len(bags[a] & bags[b]) / len(bags[a] | bags[b])
                if score > best:
                    best, found = score, a
    return found


def _apply(
    rng: random.Random, units: list[Unit], order: dict[str, int], language: str, ops: int, numbered: bool
) -> list[str]:
    script: list[str] = []
    pool = list(POOL[language])
    rng.shuffle(pool)
    words = sorted({w for u in units for p in u.paragraphs for w in re.findall(r"[^\W\d_]{6,}", p)})
    for _ in range(ops * 3):
        if len(script) >= ops:
            break
        op = rng.choice(
            [
                "move",
                "move",
                "delete",
                "insert",
                "split",
                "merge",
                "formal",
                "formal",
                "substantive",
                "substantive",
                "substantive",
                "replace",
                "reword",
            ]
        )
        body = [k for k, u in enumerate(units) if not u.preamble]
        plain = [k for k in body if units[k].kind == "match" and units[k].origin]
        whole = [k for k in plain if not units[k].reworded]  # may be split or merged
        erasable = [k for k in plain if not units[k].anchor]
        done: str | None = None
        if op == "move" and len(body) > 4 and plain:
            i = rng.choice(plain)
            n = _block(units, i) if rng.random() < 0.4 else 1
            block = units[i : i + n]
            rest = units[:i] + units[i + n :]
            first = sum(1 for u in rest if u.preamble)  # body units stay after the preamble
            spots = [j for j in range(first, len(rest) + 1) if abs(j - i) > 1 and not _splits_at(rest, j)]
            if spots:
                j = rng.choice(spots)
                for unit in block:
                    unit.moved = True
                units[:] = rest[:j] + block + rest[j:]
                done = f"{n}"
        elif op == "delete" and len(erasable) > 3:
            near = _similar_to_other(units, erasable, language) if rng.random() < 0.4 else None
            units.pop(rng.choice(erasable) if near is None else near)
            done = "plain" if near is None else "lookalike"
        elif op == "replace" and len(erasable) > 3:
            # A clause gives way to a new one in the boilerplate clauses share: a deletion
            # and an insertion (a real clause cut down to its opening would be ambiguous).
            k = rng.choice(erasable)
            text = rng.choice(LOOKALIKE[language]).format(rng.choice(TOPICS[language]))
            units[k] = Unit([text], (), "insert", "substantive")
            done = "lookalike"
        elif op == "reword":
            # One sentence of a long clause rewritten: still the same clause, substantively changed.
            long = [
                k
                for k in plain
                if not units[k].reworded and len(split_sentences(units[k].paragraphs[-1], language)) >= 3
            ]
            if long and pool:
                unit = units[rng.choice(long)]
                text = unit.paragraphs[-1]
                spans = split_sentences(text, language)
                s0, e0 = rng.choice(spans)
                if (e0 - s0) * 3 < len(text):
                    unit.paragraphs[-1] = text[:s0] + pool.pop() + text[e0:]
                    unit.change = "substantive"
                    unit.reworded = True
                    done = "sentence"
        elif op == "insert" and body:
            alike = rng.random() < 0.5 or not pool
            text = (
                _lookalike(rng, language, units)
                if alike
                else " ".join(pool.pop() for _ in range(min(len(pool), rng.randint(1, 2))))
            )
            at = rng.choice(body) + 1
            if not _splits_at(units, at):
                units.insert(at, Unit([text], (), "insert", "substantive"))
                done = "lookalike" if alike else "pool"
        elif op == "split" and whole:
            done = _split(rng, units, rng.choice(whole), language)
        elif op == "merge":
            pairs = [
                k
                for k in whole
                if k + 1 in whole
                and not units[k].moved
                and not units[k + 1].moved
                and order[units[k + 1].origin[0]] == order[units[k].origin[-1]] + 1
            ]
            if pairs:
                # Prefer short units: one-line items are the ones that get merged.
                pairs.sort(key=lambda k: len(" ".join(units[k].paragraphs + units[k + 1].paragraphs)))
                k = rng.choice(pairs[: max(2, len(pairs) // 3)])
                a, b = units[k], units[k + 1]
                change = _worse(a.change, b.change)
                # Unnumbered text has no way to keep two paragraphs in one unit: glue them.
                if numbered and rng.random() < 0.5:
                    paras = a.paragraphs + b.paragraphs
                    done = "paragraphs"
                else:  # into one paragraph: the blank line between them goes
                    glue = "" if language == "zh" else " "
                    paras = [*a.paragraphs[:-1], a.paragraphs[-1] + glue + b.paragraphs[0], *b.paragraphs[1:]]
                    change = _worse(change, "formal")
                    done = "sentences"
                units[k : k + 2] = [Unit(paras, a.origin + b.origin, "merge", change)]
        elif op in ("formal", "substantive"):
            touchable = [k for k, u in enumerate(units) if u.origin and u.kind == "match"]
            if touchable:
                unit = units[rng.choice(touchable)]
                done = (
                    _formal(rng, unit, language)
                    if op == "formal"
                    else _substantive(rng, unit, language, words)
                )
                if done and unit.moved:
                    done += "+moved"
        if done is not None:
            script.append(f"{op}:{done}")
    return script


def _label(style: str, n: int) -> tuple[str, str]:
    """(label, printed number) of body unit ``n`` in a numbering style."""
    if style == "para":
        return f"para.{n}", ""
    if style == "roman":
        return _roman(n), f"{_roman(n)}. "
    return str(n), (f"{n}) " if style == "paren" else f"{n}. ")


def assemble(
    units: Sequence[Unit], style: str, language: str, parties: Sequence[str], metadata: Metadata | None = None
) -> tuple[Document, list[str]]:
    """The right Document of ``units``, built by hand (no segmenter), and its unit labels."""
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
            label, number = _label(style, len(clauses) + 1)
        source += number
        paragraphs = []
        for k, text in enumerate(unit.paragraphs):
            if k:
                source += "\n\n"
            at = len(source)
            source += text
            paragraphs.append(_paragraph(source, at, len(source), language, parties))
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
    units = [
        Unit([p.text for p in u.paragraphs], (u.label,), preamble=u.part is Part.PREAMBLE, source=u.text)
        for u in doc.units
    ]
    order = {u.label: n for n, u in enumerate(doc.units)}
    if style is None:
        numbered = any(not u.label.startswith(("para.", "preamble.")) for u in doc.clauses)
        style = rng.choice(STYLES) if numbered else "para"
    script = _apply(rng, units, order, language, rng.randint(*ops), style != "para")
    right, labels = assemble(units, style, language, doc.metadata.parties, doc.metadata)
    return Scripted(right, _expected(units, labels, doc), script)


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
        }
