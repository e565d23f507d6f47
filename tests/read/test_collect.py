from pathlib import Path

import pytest

import docdiff
from docdiff.errors import InputError
from docdiff.pipeline import load_many, load_one
from docdiff.read.collect import Skipped, expand_paths

SEED = Path(__file__).resolve().parents[2] / "seeds" / "az-cn-2025-04.ru.txt"


def test_folder_is_walked_in_sorted_order(tmp_path):
    (tmp_path / "b.txt").write_text("1. The Sides agreed to meet.\n\n2. The Sides agreed to talk.", "utf-8")
    (tmp_path / "a.txt").write_text("1. The Sides agreed to write.\n\n2. The Sides agreed to read.", "utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("x", "utf-8")
    assert [p.rsplit("/", 1)[1] for p in expand_paths([tmp_path])] == ["a.txt", "b.txt"]


def test_bad_files_are_reported_and_skipped(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("1. The Sides agreed to meet.\n\n2. The Sides agreed to talk.", "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    loaded = load_many([tmp_path])
    assert [d.path for d in loaded.documents] == [str(good)]
    assert sorted(s.path.rsplit("/", 1)[1] for s in loaded.skipped) == ["binary.txt", "empty.txt"]
    assert all(s.reason for s in loaded.skipped)


def test_nothing_loadable_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="no statement could be loaded"):
        load_many([tmp_path])


def test_strict_raises_the_first_failure(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        load_many([tmp_path / "empty.txt"], strict=True)


def test_load_one_never_raises(tmp_path):
    found = load_one(tmp_path / "missing.txt")
    assert isinstance(found, Skipped) and "no such file" in found.reason


def test_light_parse_skips_annotation_only():
    full = docdiff.load(SEED)
    light = docdiff.load(SEED, annotate=False)
    assert [u.text for u in light.units] == [u.text for u in full.units]
    assert [s.span for s in light.clauses[0].sentences] == [s.span for s in full.clauses[0].sentences]
    assert full.clauses[0].sentences[0].commitment == "support"
    assert all(s.commitment is None and s.actor == () for u in light.units for s in u.sentences)
