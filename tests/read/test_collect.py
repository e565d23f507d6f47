"""Statement files gathered from paths and folders (docdiff.read.collect)."""

from docdiff.read.collect import expand_paths


def test_folder_is_walked_in_sorted_order(tmp_path):
    (tmp_path / "b.txt").write_text("1. The Sides agreed to meet.\n\n2. The Sides agreed to talk.", "utf-8")
    (tmp_path / "a.txt").write_text("1. The Sides agreed to write.\n\n2. The Sides agreed to read.", "utf-8")
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("x", "utf-8")
    assert [p.rsplit("/", 1)[1] for p in expand_paths([tmp_path])] == ["a.txt", "b.txt"]
