"""Statement files gathered from paths and folders (docdiff.read.collect)."""

from docdiff.read.collect import expand_paths


def test_folder_is_walked_in_sorted_order(tmp_path):
    (tmp_path / "b.txt").write_text("1. The Sides agreed to meet.\n\n2. The Sides agreed to talk.", "utf-8")
    (tmp_path / "a.txt").write_text("1. The Sides agreed to write.\n\n2. The Sides agreed to read.", "utf-8")
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.txt").write_text("x", "utf-8")
    assert [p.rsplit("/", 1)[1] for p in expand_paths([tmp_path])] == ["a.txt", "b.txt"]


SEED_TEXT = "Joint Statement\n\n1. The Sides agreed to meet.\n\n2. The Sides agreed to talk.\n"


def test_symbolic_link_loops_and_second_links_are_reported(tmp_path):
    import os

    from docdiff.pipeline import load_many

    (tmp_path / "a" / "sub").mkdir(parents=True)
    (tmp_path / "a" / "sub" / "s.txt").write_text(SEED_TEXT, "utf-8")
    os.symlink("..", tmp_path / "a" / "sub" / "loop")
    os.symlink(tmp_path / "a", tmp_path / "linked")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "broken.txt")
    skipped = []
    found = list(expand_paths([tmp_path], skipped))
    assert [p.rsplit("/", 1)[1] for p in found] == ["s.txt", "broken.txt"]
    assert sorted(s.path.rsplit("/", 1)[1] for s in skipped) == ["linked", "loop"]
    assert all("already walked" in s.reason for s in skipped)
    loaded = load_many([tmp_path])
    assert len(loaded.documents) == 1
    reasons = {s.path.rsplit("/", 1)[1]: s.reason for s in loaded.skipped}
    assert set(reasons) == {"loop", "linked", "broken.txt"}
    assert "no such file" in reasons["broken.txt"]


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch, capsys):
    import os

    from docdiff.cli import main

    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "s.txt").write_text(SEED_TEXT, "utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "t.txt").write_text(SEED_TEXT, "utf-8")
    real = os.scandir

    def scandir(path):
        # chmod 0 does not stop root (the CI user): refuse the folder here instead.
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    skipped = []
    assert [p.rsplit("/", 1)[1] for p in expand_paths([tmp_path], skipped)] == ["s.txt"]
    assert [(s.path, s.reason) for s in skipped] == [
        (str(tmp_path / "locked"), "cannot read this folder (Permission denied); check its permissions")
    ]
    assert main(["formulas", str(tmp_path / "ok" / "s.txt"), str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert f"docdiff: skipped {tmp_path / 'locked'}: cannot read this folder" in err
