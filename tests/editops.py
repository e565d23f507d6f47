"""Edit operations on the units of a statement, for :mod:`editgen`.

A statement is a list of :class:`Unit` (paragraphs with their printed
sub-item marks, section headings, and where each came from);
:func:`apply_script` applies a seeded script of moves, deletions, insertions,
replacements, splits, merges, rewordings, formal and substantive word edits to
it in place and keeps in each unit the alignment it must produce.  Texts the
operations insert (pool sentences, look-alike boilerplate, phrases) are here too.
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from docdiff.segment.sentences import split_sentences
from docdiff.text.normalize import normalize
from docdiff.text.tokens import terms

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
        (r"\bбудут\b", "будут активно", "manner"),  # "активно" is manner, not an intensifier
        (r"\bбудут\b", "могут", "modality"),
        (r"\bпривержены\b", "намерены", "modality"),
        (r"\bвыражают готовность\b", "договорились", "word"),
        (r"\bготовы\b", "намерены", "word"),
        (r"\bсотрудничество\b", "партнерство", "word"),
        (r"\bСтороны\b", "Российская сторона", "actor"),
        (r"^Азербайджан\b", "Китай", "actor"),  # the subject: opening its paragraph
    ],
    "en": [
        (r"\bsupport\b", "firmly support", "intensifier"),
        (r"\bwelcomed?\b", "warmly welcomed", "intensifier"),
        (r"\bwill\b", "will actively", "manner"),  # "actively" is manner, not an intensifier
        (r"\bwill\b", "may", "modality"),
        (r"\bare committed to\b", "intend to", "modality"),
        (r"\bintend to\b", "agreed to", "word"),
        (r"\bcooperation\b", "partnership", "word"),
        (r"\bstrengthen\b", "review", "word"),
        (r"\bThe (?:Sides|leaders|two sides)\b(?! of)", "The United States", "actor"),
        (r"\b(?:We|we)\b", "They", "actor"),
        (r"\bThe United States\b", "The European Union", "actor"),
    ],
    "zh": [
        (r"支持", "坚定支持", "intensifier"),
        (r"推动", "积极推动", "manner"),
        (r"将", "可以", "modality"),
        (r"双方", "中方", "actor"),
        (r"加强", "审议", "word"),
        (r"合作", "对话", "word"),
    ],
}
# The flag each kind of substantive edit must raise (tests/align/test_editgen.py: flag recall).
FLAG_OF = {"intensifier": "modality", "modality": "modality", "actor": "actor", "number": "number"}
PHRASES = {
    "ru": ["в духе взаимного доверия", "на долгосрочной основе", "при необходимости"],
    "en": ["in a spirit of mutual trust", "on a long-term basis", "where appropriate"],
    "zh": ["在相互信任的基础上", "长期", "必要时"],
}
_ORDER = ("none", "formal", "substantive")
# Operations drawn for a script, as often as they appear here.
_OPS: tuple[str, ...] = ("move", "move", "delete", "insert", "split", "merge", "formal", "formal")
_OPS += ("substantive", "substantive", "substantive", "replace", "reword")
_END = re.compile(r"[.!?。！？…][\"'”»’)]?$")
#: A printed mark at a line's start: "1." "7)" "(a)" "IV." "–" "•".
_MARKED = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:[(（]?(?:\d{1,3}|[IVXLC]{1,7}|[A-Za-zА-Яа-я])[.)）]|[—–\-•·*▪●])(?=\s|$)"
)
#: A paragraph's sub-item marker: as printed ("1.\u00a0", "(a) ", "—— "), and its Paragraph.label.
Mark = tuple[str, str | None]
NO_MARK: Mark = ("", None)


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
    marks: list[Mark] = field(default_factory=list)  # one per paragraph; none given: unmarked
    head: str = ""  # section headings printed before the unit, as the source had them
    expect: list[str] = field(default_factory=list)  # the flags its substantive edits call for

    def __post_init__(self) -> None:
        self.marks = self.marks or [NO_MARK] * len(self.paragraphs)


def _worse(a: str, b: str) -> str:
    return max(a, b, key=_ORDER.index)


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
        if _MARKED.search(new, 1):  # a line opening with "7)" or "–" is a list item to any reader
            return None
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
        phrase = r"(?<=，)[^，。；]{3,12}，" if language == "zh" else r"(?<=\s)\w+(?:\s+\w+){2,4}(?=[\s,])"
        # A phrase, not a third of the clause: at most a fifth of its words go.
        cuts = [m for m in re.finditer(phrase, text) if len(m.group()) * 5 <= len(text)]
        if cuts:
            m = rng.choice(cuts)
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
    flag = FLAG_OF.get(what)
    if flag:
        unit.expect.append(flag)
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


def _sentence(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` ends a sentence and follows the start or another sentence's end."""
    return bool(_END.search(text[start:end].rstrip())) and (
        start == 0 or bool(_END.search(text[:start].rstrip()))
    )


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
    # Each piece is a list of (paragraph, mark); the rest of a paragraph cut at a sentence has none.
    pieces: list[list[tuple[str, Mark]]] = [[]]
    change = unit.change
    k_done, at_done = 0, 0
    for k, at in [*chosen, (len(unit.paragraphs), 0)]:
        while k_done < k:
            text = unit.paragraphs[k_done]
            pieces[-1].append((text[at_done:].lstrip(), NO_MARK) if at_done else (text, unit.marks[k_done]))
            k_done, at_done = k_done + 1, 0
        if at:
            pieces[-1].append((unit.paragraphs[k][at_done:at].strip(), NO_MARK if at_done else unit.marks[k]))
            at_done = at
            change = _worse(change, "formal")
        if k < len(unit.paragraphs):
            pieces.append([])
    pieces = [p for p in pieces if p]
    joined = [" ".join(text for text, _ in p) for p in pieces]
    if len(pieces) < 2 or not all(_long(text) and _kept(text, unit.source) for text in joined):
        return None
    units[i : i + 1] = [
        Unit(
            [text for text, _ in p],
            unit.origin,
            "split",
            change,
            unit.moved,
            source=unit.source,
            marks=[mark for _, mark in p],
            head=unit.head if n == 0 else "",
        )
        for n, p in enumerate(pieces)
    ]
    return "paragraph" if all(at == 0 for _, at in chosen) else "sentence"


def _delete(units: list[Unit], k: int) -> None:
    """Delete unit ``k``; its section headings stay, above the unit that followed it."""
    gone = units.pop(k)
    if gone.head and k < len(units) and not units[k].preamble:
        units[k].head = "\n\n".join(h for h in (gone.head, units[k].head) if h)


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


def apply_script(
    rng: random.Random, units: list[Unit], order: dict[str, int], language: str, ops: int, numbered: bool
) -> list[str]:
    """Apply ``ops`` operations drawn by ``rng`` to ``units``, in place; return the script made.

    ``order`` gives each left label's position (merges join only units that
    were adjacent); ``numbered`` tells whether the right text numbers its
    units (unnumbered text cannot keep two plain paragraphs in one unit, nor
    a list item apart from the unit that introduces it).
    """
    script: list[str] = []
    pool = list(POOL[language])
    rng.shuffle(pool)
    words = sorted({w for u in units for p in u.paragraphs for w in re.findall(r"[^\W\d_]{6,}", p)})
    for _ in range(ops * 3):
        if len(script) >= ops:
            break
        op = rng.choice(_OPS)
        body = [k for k, u in enumerate(units) if not u.preamble]
        plain = [k for k in body if units[k].kind == "match" and units[k].origin]
        whole = [k for k in plain if not units[k].reworded]  # may be split or merged
        erasable = [k for k in plain if not units[k].anchor]
        done: str | None = None
        before = None if numbered else copy.deepcopy(units)
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
            _delete(units, rng.choice(erasable) if near is None else near)
            done = "plain" if near is None else "lookalike"
        elif op == "replace" and len(erasable) > 3:
            # A clause gives way to a new one in the boilerplate clauses share: a deletion
            # and an insertion (a real clause cut down to its opening would be ambiguous).
            k = rng.choice(erasable)
            text = rng.choice(LOOKALIKE[language]).format(rng.choice(TOPICS[language]))
            units[k] = Unit([text], (), "insert", "substantive", head=units[k].head)
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
                # A whole sentence: in a re-wrapped paragraph the splitter may also cut at a line.
                if (e0 - s0) * 3 < len(text) and _sentence(text, s0, e0):
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
        elif op == "merge" and (len(body) > 2 or not numbered):
            # A lone "1." is no numbering: a numbered statement keeps at least two units.
            pairs = [
                k
                for k in whole
                if k + 1 in whole
                and not units[k].moved
                and not units[k + 1].moved
                and order[units[k + 1].origin[0]] == order[units[k].origin[-1]] + 1
                and not units[k + 1].head  # no merging across a section heading
            ]
            if pairs:
                # Prefer short units: one-line items are the ones that get merged.
                pairs.sort(key=lambda k: len(" ".join(units[k].paragraphs + units[k + 1].paragraphs)))
                k = rng.choice(pairs[: max(2, len(pairs) // 3)])
                a, b = units[k], units[k + 1]
                change = _worse(a.change, b.change)
                # Unnumbered text has no way to keep two paragraphs in one unit: glue them.
                if numbered and rng.random() < 0.5:
                    paras, marks = a.paragraphs + b.paragraphs, a.marks + b.marks
                    done = "paragraphs"
                else:  # into one paragraph: the blank line between them goes, and b's mark
                    glue = "" if language == "zh" else " "
                    paras = [*a.paragraphs[:-1], a.paragraphs[-1] + glue + b.paragraphs[0], *b.paragraphs[1:]]
                    marks = a.marks + b.marks[1:]
                    change = _worse(change, "formal")
                    done = "sentences"
                units[k : k + 2] = [
                    Unit(paras, a.origin + b.origin, "merge", change, marks=marks, head=a.head)
                ]
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
        if before is not None and done is not None and _joins(units) > _joins(before):
            units[:] = before  # unnumbered text would read this edit otherwise: not made
            done = None
        if done is not None:
            script.append(f"{op}:{done}")
    return script


def _joins(units: Sequence[Unit]) -> int:
    """Places where unnumbered text would read otherwise than ``units``.

    In unnumbered text a marked paragraph ("1.", "(a)", a bullet), or a
    heading that opens with a mark, right after a unit whose first
    paragraph ends in ":" or ";" is an item of that unit's list; and a
    unit's later paragraphs stay in it only as such items.
    """
    count = 0
    listing = False
    for unit in units:
        if unit.preamble:
            continue
        opening = unit.head or unit.marks[0][0] + unit.paragraphs[0]
        count += listing and bool(_MARKED.match(opening))
        listing = unit.paragraphs[0].rstrip().endswith((":", "：", ";", "；"))
        count += sum(not listing or not mark for mark, _ in unit.marks[1:])
    return count
