"""A hand-made, realistic Comparison for the renderer tests.

Built without docdiff.compare so the renderers can be tested on their own:
every kind of pair (match, moved match, split, merge, insert, delete),
formal and substantive changes with flags and notes, phrases and formulas,
envelope and closing edits, metadata differences.  ``hostile=True`` plants
markup, Markdown and terminal-control injections in the texts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from docdiff.model import Block, Clause, Document, Metadata, Paragraph, Part, Sentence, Signatory, Span
from docdiff.result import (
    Change,
    ClausePair,
    Comparison,
    Edit,
    FieldDifference,
    Flag,
    FormulaUse,
    MatchedBy,
    Op,
    PairKind,
    PhrasePair,
    PhraseSide,
    Summary,
)
from docdiff.text.inline import word_diff

INJECTIONS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</td>",
)
HOSTILE = (
    "Стороны <script>alert(1)</script> отмечают <img src=x onerror=alert(1)> </td> | *звёзды* "
    "_подчёркивание_ [ссылка](http://evil.example) `код` # \x1b[31mкрасный\x1b[0m & &amp; конец."
)


class _Builder:
    """Lays blocks and clauses out one after another in a source text, keeping spans."""

    def __init__(self) -> None:
        self.source = ""

    def _put(self, text: str) -> Span:
        if self.source:
            self.source += "\n\n"
        start = len(self.source)
        self.source += text
        return Span(start, len(self.source))

    def block(self, text: str) -> Block:
        return Block(self._put(text), text)

    def clause(self, label: str, ordinal: int, text: str, part: Part = Part.BODY) -> Clause:
        number = None
        if part is Part.BODY:
            number = self.block(f"{label}.")
            self.source += " "
        else:
            if self.source:
                self.source += "\n\n"
        paragraphs = []
        start = len(self.source) if number is None else number.span.start
        for i, para in enumerate(text.split("\n\n")):
            if i:
                self.source += "\n\n"
            p_start = len(self.source)
            self.source += para
            span = Span(p_start, len(self.source))
            paragraphs.append(Paragraph(span, para, (Sentence(span, para),)))
        return Clause(label, ordinal, Span(start, len(self.source)), paragraphs, part=part, number=number)


def make_document(
    *,
    title: str,
    date: str,
    place: str,
    preamble: Sequence[str],
    clauses: Sequence[tuple[str, str]],
    envelope: str,
    closing: str,
    path: str,
    language: str = "ru",
    signatories: Sequence[Signatory] = (),
) -> Document:
    """A Document laid out from plain pieces (labels as printed)."""
    b = _Builder()
    env = b.block(envelope)
    title_block = b.block(title)
    pre = [b.clause(f"preamble.{i}", i, t, Part.PREAMBLE) for i, t in enumerate(preamble, 1)]
    body = [b.clause(label, i, t) for i, (label, t) in enumerate(clauses, 1)]
    close = b.block(closing)
    meta = Metadata(
        language=language,
        title=title,
        kind="joint statement",
        date=date,
        place=place,
        parties=("RU", "CN"),
        signatories=tuple(signatories),
    )
    return Document(
        source=b.source,
        metadata=meta,
        clauses=body,
        preamble=pre,
        envelope=(env,),
        title=title_block,
        closing=(close,),
        path=path,
    )


def _pair(
    document_left: Document,
    document_right: Document,
    kind: PairKind,
    left: Sequence[str],
    right: Sequence[str],
    *,
    change: Change,
    flags: Sequence[Flag] = (),
    similarity: float = 1.0,
    matched_by: MatchedBy | None = MatchedBy.SIMILARITY,
    moved: bool = False,
    notes: Sequence[str] = (),
) -> ClausePair:
    left_text = "\n\n".join(document_left.unit(label).text for label in left)
    right_text = "\n\n".join(document_right.unit(label).text for label in right)
    return ClausePair(
        kind=kind,
        left=tuple(left),
        right=tuple(right),
        moved=moved,
        change=change,
        flags=tuple(flags),
        similarity=similarity,
        matched_by=matched_by,
        edits=word_diff(left_text, right_text),
        notes=tuple(notes),
    )


def _side(document: Document, label: str, phrase: str) -> PhraseSide:
    unit = document.unit(label)
    offset = unit.span.start + document.source[unit.span.start : unit.span.end].index(phrase)
    return PhraseSide(label, offset, offset + len(phrase), phrase)


def summarize(pairs: Sequence[ClausePair], metadata: Sequence[FieldDifference]) -> Summary:
    kinds = Counter(str(p.kind) for p in pairs)
    changes = Counter(str(p.change) for p in pairs)
    flags = Counter(str(f) for p in pairs for f in p.flags)
    scored = [p.similarity for p in pairs]
    return Summary(
        by_kind=tuple((k.value, kinds[k.value]) for k in PairKind),
        by_change=tuple((c.value, changes[c.value]) for c in Change),
        similarity=sum(scored) / len(scored) if scored else 1.0,
        metadata=tuple(metadata),
        moved=sum(p.moved for p in pairs),
        flags=tuple((f.value, flags[f.value]) for f in Flag if flags[f.value]),
    )


def sample_comparison(*, hostile: bool = False) -> Comparison:
    """The fixed comparison every renderer test and golden file uses."""
    inserted = HOSTILE if hostile else "Стороны договорились учредить совместную комиссию по науке."
    title_left = "Совместное заявление Российской Федерации и Китайской Народной Республики"
    left = make_document(
        title=title_left,
        date="2024-05-16",
        place="Пекин",
        path="left/ru-cn-2024.ru.txt",
        envelope="Источник: kremlin.ru",
        preamble=[
            "Российская Федерация и Китайская Народная Республика, далее именуемые Сторонами,",
        ],
        clauses=[
            ("1", "Стороны выражают готовность углублять всеобъемлющее партнерство."),
            ("2", "Стороны подчеркивают важность инициативы «Пояс и путь»."),
            (
                "3",
                "Стороны будут развивать сотрудничество в области энергетики.\n\n"
                "Стороны приветствуют рост товарооборота до 200 млрд долларов США.",
            ),
            ("4", "Стороны выступают против односторонних санкций."),
            ("5", "Стороны укрепят гуманитарные связи."),
            ("6", "Стороны расширят обмен студентами."),
            ("7", "Стороны торжественно отметят годовщину Договора о добрососедстве."),
        ],
        closing="Совершено в городе Пекине 16 мая 2024 года.",
        signatories=[
            Signatory("В. Путин", "Президент", "RU"),
            Signatory("Си Цзиньпин", "Председатель", "CN"),
        ],
    )
    right = make_document(
        title=("Совместное заявление " + HOSTILE) if hostile else title_left + " о новой эпохе",
        date="2025-05-08",
        place="Москва",
        path="right/ru-cn-2025.ru.txt",
        envelope="Источник: kremlin.ru, 8 мая 2025 года",
        preamble=[
            "Российская Федерация и Китайская Народная Республика, далее именуемые Сторонами,",
        ],
        clauses=[
            (
                "1",
                "Стороны договорились углублять всеобъемлющее партнерство и стратегическое взаимодействие.",
            ),
            ("2", 'Стороны подчёркивают важность инициативы "Пояс и путь".'),
            ("3", "Стороны будут развивать сотрудничество в области энергетики."),
            ("4", "Стороны приветствуют рост товарооборота до 240 млрд долларов США."),
            ("5", "Стороны укрепят гуманитарные связи и расширят обмен студентами."),
            ("6", inserted),
            ("7", "Российская сторона выступает против односторонних санкций."),
        ],
        closing="Совершено в городе Москве 8 мая 2025 года.",
        signatories=[
            Signatory("В. Путин", "Президент", "RU"),
            Signatory("Си Цзиньпин", "Председатель", "CN"),
        ],
    )
    p = _pair
    pairs = [
        p(
            left,
            right,
            PairKind.MATCH,
            ["preamble.1"],
            ["preamble.1"],
            change=Change.NONE,
            matched_by=MatchedBy.EXACT,
        ),
        p(
            left,
            right,
            PairKind.MATCH,
            ["1"],
            ["1"],
            change=Change.SUBSTANTIVE,
            flags=[Flag.MODALITY],
            similarity=0.71234567,
            notes=["commitment: ready -> agree"],
        ),
        p(
            left,
            right,
            PairKind.MATCH,
            ["2"],
            ["2"],
            change=Change.FORMAL,
            similarity=0.98,
            matched_by=MatchedBy.NORMALIZED,
        ),
        p(
            left,
            right,
            PairKind.SPLIT,
            ["3"],
            ["3", "4"],
            change=Change.SUBSTANTIVE,
            flags=[Flag.NUMBER],
            similarity=0.9,
            matched_by=MatchedBy.SPLIT,
            notes=["number: 200 -> 240"],
        ),
        p(
            left,
            right,
            PairKind.MERGE,
            ["5", "6"],
            ["5"],
            change=Change.SUBSTANTIVE,
            similarity=0.85,
            matched_by=MatchedBy.MERGE,
        ),
        p(
            left,
            right,
            PairKind.INSERT,
            [],
            ["6"],
            change=Change.SUBSTANTIVE,
            similarity=0.0,
            matched_by=None,
        ),
        p(
            left,
            right,
            PairKind.DELETE,
            ["7"],
            [],
            change=Change.SUBSTANTIVE,
            similarity=0.0,
            matched_by=None,
        ),
        p(
            left,
            right,
            PairKind.MATCH,
            ["4"],
            ["7"],
            change=Change.SUBSTANTIVE,
            flags=[Flag.ACTOR],
            similarity=0.66,
            moved=True,
            notes=["actor: CN, RU -> RU"],
        ),
    ]
    phrase = "углублять всеобъемлющее партнерство"
    phrases = [
        PhrasePair(
            left=_side(left, "1", phrase),
            right=_side(right, "1", phrase),
            score=1.0,
            formula="comprehensive-partnership",
            edits=[Edit(Op.EQUAL, phrase)],
        ),
        PhrasePair(
            left=_side(left, "3", "рост товарооборота до 200 млрд долларов США"),
            right=_side(right, "4", "рост товарооборота до 240 млрд долларов США"),
            score=0.8333333,
            edits=word_diff(
                "рост товарооборота до 200 млрд долларов США", "рост товарооборота до 240 млрд долларов США"
            ),
        ),
    ]
    formulas = [
        FormulaUse(
            id="comprehensive-partnership",
            left=[phrases[0].left],
            right=[phrases[0].right],
            edits=[Edit(Op.EQUAL, phrase)],
            direction="same",
        ),
        FormulaUse(
            id="oppose-sanctions",
            left=[_side(left, "4", "выступают против односторонних санкций")],
            right=[_side(right, "7", "выступает против односторонних санкций")],
            edits=word_diff(
                "выступают против односторонних санкций", "выступает против односторонних санкций"
            ),
            direction="weaker",
        ),
    ]
    metadata = [
        FieldDifference("title", left.metadata.title, right.metadata.title),
        FieldDifference("date", left.metadata.date, right.metadata.date),
        FieldDifference("place", left.metadata.place, right.metadata.place),
    ]
    return Comparison(
        left=left,
        right=right,
        pairs=pairs,
        summary=summarize(pairs, metadata),
        phrases=phrases,
        formulas=formulas,
        envelope=word_diff(left.envelope[0].text, right.envelope[0].text),
        closing=word_diff(left.closing[0].text, right.closing[0].text),
    )
