"""Sentences and annotation are worked out on first read, and read exactly as if done at parse time."""

import pickle
import threading
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from docdiff import loads
from docdiff.describe.annotate import annotate
from docdiff.describe.concepts import find_concepts
from docdiff.model import Paragraph, Sentence, Span
from docdiff.segment.analysis import dehyphenated, unwrapped
from docdiff.segment.sentences import split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED = (SEEDS / "az-cn-2025-04.ru.txt").read_text(encoding="utf-8")


class Counting:
    """An annotator that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, text: str) -> tuple[tuple[str, ...], str | None, str | None, tuple[str, ...]]:
        self.calls += 1
        return ("CN",), "support", None, ("field.trade",)


def test_annotator_runs_on_first_read_and_once():
    counting = Counting()
    sentence = Sentence(Span(0, 5), "Текст", annotator=counting)
    assert counting.calls == 0
    assert sentence.actor == ("CN",)
    assert sentence.commitment == "support"
    assert sentence.intensity is None
    assert sentence.concepts == ("field.trade",)
    assert counting.calls == 1


def test_a_deferred_sentence_equals_the_same_sentence_given_outright():
    deferred = Sentence(Span(0, 5), "Текст", annotator=Counting())
    given_outright = Sentence(Span(0, 5), "Текст", ("CN",), "support", None, concepts=("field.trade",))
    assert deferred == given_outright
    assert hash(deferred) == hash(given_outright)
    assert deferred != Sentence(Span(0, 5), "Текст", ("AZ",), "support", None)
    assert repr(deferred) == repr(given_outright)


def test_a_paragraph_splits_on_first_read():
    calls = []

    def reader(text: str, start: int) -> tuple[Sentence, ...]:
        calls.append((text, start))
        return (Sentence(Span(start, start + len(text)), text),)

    paragraph = Paragraph(Span(10, 15), "Текст", label="a", reader=reader)
    assert calls == []
    assert paragraph.sentences == (Sentence(Span(10, 15), "Текст"),)
    assert paragraph.sentences == (Sentence(Span(10, 15), "Текст"),)
    assert calls == [("Текст", 10)]
    assert paragraph == Paragraph(Span(10, 15), "Текст", (Sentence(Span(10, 15), "Текст"),), "a")


def _eager(document):
    """What the parse used to store: split and annotate every paragraph now."""
    language, parties = document.language, document.metadata.parties
    out = []
    for unit in document.units:
        for paragraph in unit.paragraphs:
            for start, end in split_sentences(unwrapped(paragraph.text), language, paragraph.span.start):
                text = document.source[start:end]
                whole = dehyphenated(text)
                found = annotate(whole, language, parties)
                concepts = find_concepts(whole, language)
                out.append(
                    Sentence(
                        Span(start, end),
                        text,
                        found.actor,
                        found.commitment,
                        found.intensity,
                        concepts=concepts,
                    )
                )
    return out


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_deferred_sentences_read_as_an_eager_parse(name):
    document = loads((SEEDS / name).read_text(encoding="utf-8"))
    read = [s for unit in document.units for s in unit.sentences]
    assert read == _eager(document)
    for sentence in read:
        assert document.source[sentence.span.start : sentence.span.end] == sentence.text


def test_an_unannotated_parse_splits_but_leaves_annotation_empty():
    document = loads(SEED, annotate=False)
    sentences = [s for unit in document.units for s in unit.sentences]
    assert len(sentences) == len(_eager(document))
    assert all(s.actor == () and s.commitment is None and s.intensity is None for s in sentences)


def test_a_deferred_document_pickles_and_compares_equal():
    fresh = loads(SEED)
    copy = pickle.loads(pickle.dumps(fresh))
    assert copy == loads(SEED)
    assert [s.commitment for s in copy.units[0].sentences] == [s.commitment for s in fresh.units[0].sentences]


def test_evolve_keeps_deferred_work():
    document = loads(SEED)
    renamed = attrs.evolve(document, path="copy.txt")
    assert renamed.units == loads(SEED).units


def test_threads_reading_at_once_see_one_answer():
    document = loads(SEED)
    seen: list[list[tuple[object, ...]]] = []

    def read() -> None:
        seen.append(
            [(s.span, s.actor, s.commitment, s.intensity) for u in document.units for s in u.sentences]
        )

    threads = [threading.Thread(target=read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(answer == seen[0] for answer in seen)
    assert seen[0] == [(s.span, s.actor, s.commitment, s.intensity) for s in _eager(loads(SEED))]


@given(st.text(alphabet="Стороны поддерживают. Китай договорился!\n ", min_size=1, max_size=200))
def test_deferred_equals_eager_on_any_text(text):
    if not text.strip():
        return
    document = loads(text, language="ru")
    assert [s for unit in document.units for s in unit.sentences] == _eager(document)
