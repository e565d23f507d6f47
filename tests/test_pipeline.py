"""The composition root: load, loads, parse, compare, load_one/load_many (docdiff.pipeline)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from helpers import check_spans
from hypothesis import HealthCheck, given, settings
from strategies import statement_texts

import docdiff
from docdiff import pipeline
from docdiff.align.compare import compare as compare_units
from docdiff.errors import InputError, OptionsError, ParseError
from docdiff.options import DEFAULT_MAX_BYTES, Options, ReadOptions
from docdiff.phrases.align import align_phrases
from docdiff.phrases.formulas import compare_formulas
from docdiff.read import Source, read_text
from docdiff.read.collect import Skipped
from docdiff.relate.relate import relate
from docdiff.render.document_akn import to_akn

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "az-cn-2025-04.ru.txt"
REVISED = ROOT / "seeds" / "az-cn-2025-04-revised.ru.txt"


def test_the_facade_takes_load_loads_and_compare_from_the_pipeline() -> None:
    assert docdiff.load is pipeline.load
    assert docdiff.loads is pipeline.loads
    assert docdiff.compare is pipeline.compare


def test_parse_of_a_text_source_is_what_loads_gives() -> None:
    text = SEED.read_text("utf-8")
    parsed = pipeline.parse(Source(text=text, format="text", path="seed.txt"))
    assert parsed == docdiff.loads(text, path="seed.txt")
    assert parsed.path == "seed.txt" and parsed.format == "text"


def test_the_language_given_wins_over_the_hint_which_wins_over_detection() -> None:
    text = "Joint Statement\n\n1. The Sides agreed to cooperate.\n"
    assert pipeline.parse(Source(text=text, format="text")).language == "en"
    assert pipeline.parse(Source(text=text, format="text", language="fr")).language == "fr"
    assert (
        pipeline.parse(Source(text=text, format="text", language="fr"), ReadOptions(language="de")).language
        == "de"
    )


def test_a_rebuilt_document_is_taken_as_it_is() -> None:
    document = docdiff.load(SEED)
    source = read_text(to_akn(document), path="seed.akn")
    assert source.document is not None
    assert pipeline.parse(source) is source.document
    relabelled = pipeline.parse(source, ReadOptions(language="kk"))
    assert relabelled.language == "kk"
    assert attrs.evolve(relabelled.metadata, language="ru") == source.document.metadata


def test_compare_is_the_unit_comparison_plus_phrases_and_formulas_then_relate() -> None:
    left, right = docdiff.load(SEED), docdiff.load(REVISED)
    options = Options()
    units = compare_units(left, right, options)
    assert units.phrases == () and units.formulas == ()
    full = pipeline.compare(left, right, options)
    assert full.phrases and full.formulas
    engines = attrs.evolve(
        units, phrases=align_phrases(left, right, options), formulas=compare_formulas(left, right)
    )
    assert full == relate(engines, options)
    assert pipeline.compare(left, right) == full
    assert pipeline.compare(left, right, Options(phrases=False, related=False)) == compare_units(
        left, right, Options(phrases=False, related=False)
    )


def test_load_with_gathers_the_reading_options(tmp_path: Path) -> None:
    read = ReadOptions(max_bytes=1024 * 1024, language="ru", annotate=False)
    assert pipeline.load_with(SEED, read) == docdiff.load(
        SEED, max_bytes=1024 * 1024, language="ru", annotate=False
    )
    with pytest.raises(InputError, match="limit"):
        pipeline.load_with(SEED, ReadOptions(max_bytes=100))


def test_load_one_and_load_many_report_what_fails(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(SEED.read_text("utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    skipped = pipeline.load_one(tmp_path / "b.txt")
    assert isinstance(skipped, Skipped) and "empty" in skipped.reason
    loaded = pipeline.load_many([tmp_path], ReadOptions(annotate=False))
    assert [d.path for d in loaded.documents] == [str(good)]
    assert [s.path for s in loaded.skipped] == [str(tmp_path / "b.txt")]
    with pytest.raises(InputError, match="empty"):
        pipeline.load_many([tmp_path], strict=True)
    with pytest.raises(InputError, match="no statement could be loaded"):
        pipeline.load_many([tmp_path / "b.txt"])


def test_corpus_folder_is_one_folder_alone(tmp_path: Path) -> None:
    assert pipeline.corpus_folder([str(tmp_path)]) == str(tmp_path)
    assert pipeline.corpus_folder([str(tmp_path), str(SEED)]) is None
    assert pipeline.corpus_folder([str(SEED)]) is None
    assert pipeline.corpus_folder([]) is None


def test_read_options_are_validated_and_compare_options_hold_no_reading() -> None:
    assert ReadOptions() == ReadOptions(max_bytes=DEFAULT_MAX_BYTES, language=None, annotate=True)
    with pytest.raises(OptionsError, match="max_bytes"):
        ReadOptions(max_bytes=0)
    with pytest.raises(OptionsError, match="language"):
        ReadOptions(language=7)  # type: ignore[arg-type]
    assert "max_bytes" not in attrs.fields_dict(Options)


# --- many statements ------------------------------------------------------------------------------


def test_bad_files_are_reported_and_skipped(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("1. The Sides agreed to meet.\n\n2. The Sides agreed to talk.", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    loaded = pipeline.load_many([tmp_path])
    assert [d.path for d in loaded.documents] == [str(good)]
    assert sorted(s.path.rsplit("/", 1)[1] for s in loaded.skipped) == ["binary.txt", "empty.txt"]
    assert all(s.reason for s in loaded.skipped)


def test_nothing_loadable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="no statement could be loaded"):
        pipeline.load_many([tmp_path])


def test_strict_raises_the_first_failure(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        pipeline.load_many([tmp_path / "empty.txt"], strict=True)


def test_load_one_never_raises(tmp_path: Path) -> None:
    found = pipeline.load_one(tmp_path / "missing.txt")
    assert isinstance(found, Skipped) and "no such file" in found.reason


def test_light_parse_skips_annotation_only() -> None:
    full = docdiff.load(SEED)
    light = docdiff.load(SEED, annotate=False)
    assert [u.text for u in light.units] == [u.text for u in full.units]
    assert [s.span for s in light.clauses[0].sentences] == [s.span for s in full.clauses[0].sentences]
    assert full.clauses[0].sentences[0].commitment == "support"
    assert all(s.commitment is None and s.actor == () for u in light.units for s in u.sentences)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(statement_texts())
def test_any_statement_loses_nothing_and_equals_itself(text: str) -> None:
    try:
        document = docdiff.loads(text)
    except ParseError:
        return  # nothing statement-like was generated
    check_spans(document)
    assert docdiff.loads(text) == document  # deterministic
    same = docdiff.compare(document, attrs.evolve(document, path="copy"))
    assert not same.substantive
    assert all(p.kind.value == "match" for p in same.pairs)


def test_clear_caches_forgets_what_the_formula_search_keeps_and_changes_no_result() -> None:
    from docdiff.phrases import formulas, search

    document = pipeline.load(SEED)
    before = search.find_formulas(document)
    uses = compare_formulas(document, document)
    strength = formulas.formula_strength("Стороны твердо поддерживают", "ru")
    assert before and search._find_cached.cache_info().currsize > 0 and search._SEEN
    assert formulas._strength_compiled.cache_info().currsize > 0
    pipeline.clear_caches()
    assert search._find_cached.cache_info().currsize == 0 and not search._SEEN
    assert search._compiled.cache_info().currsize == 0
    assert formulas._strength_compiled.cache_info().currsize == 0
    assert search.find_formulas(document) == before
    assert compare_formulas(document, document) == uses
    assert formulas.formula_strength("Стороны твердо поддерживают", "ru") == strength
