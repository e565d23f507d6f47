"""The index file under attack: damaged rows, a killed build, its leftovers (docdiff.corpus.index)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from docdiff.cli import main
from docdiff.corpus.index import remove_stale_temporaries

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture
def index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in SEEDS[:4]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    out = tmp_path / "index.sqlite"
    assert main(["index", str(folder), "-o", str(out)]) == 0
    capsys.readouterr()
    return out


def without_constraints(db: sqlite3.Connection, table: str) -> None:
    """Rebuild ``table`` with no NOT NULL (a file another tool wrote: still valid SQLite)."""
    columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
    db.execute(f"ALTER TABLE {table} RENAME TO old")
    db.execute(f"CREATE TABLE {table} ({', '.join(columns)})")
    db.execute(f"INSERT INTO {table} SELECT * FROM old")
    db.execute("DROP TABLE old")


@pytest.mark.parametrize(
    ("table", "damage"),
    [
        ("statements", "UPDATE statements SET terms = 'not json' WHERE id = 0"),
        ("statements", "UPDATE statements SET parties = '42'"),
        ("statements", "UPDATE statements SET terms = '{\"a\": \"many\"}'"),
        ("statements", "UPDATE statements SET title = x'00ff'"),
        ("statements", "UPDATE statements SET language = NULL"),
        ("units", "UPDATE units SET label = NULL"),
        ("units", "UPDATE units SET terms = 7"),
        ("skipped", "INSERT INTO skipped VALUES (0, NULL, NULL)"),
    ],
)
def test_a_damaged_index_is_one_line_naming_the_table(
    index: Path, capsys: pytest.CaptureFixture[str], table: str, damage: str
) -> None:
    with sqlite3.connect(index) as db:
        without_constraints(db, table)
        db.execute(damage)
    db.close()
    for argv in (["rank", str(SEEDS[0]), str(index)], ["matrix", str(index)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1, err
        assert f"damaged in table {table}" in err and "rebuild" in err
        assert "internal error" not in err


def children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_a_killed_index_leaves_no_worker(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for n in range(400):  # enough for the process pool and a few seconds of work
        seed = SEEDS[n % len(SEEDS)]
        (folder / f"{n:03d}-{seed.name}").write_bytes(seed.read_bytes() + f"\n{n}\n".encode())
    build = subprocess.Popen(
        [sys.executable, "-m", "docdiff", "index", str(folder), "-o", str(tmp_path / "i.sqlite")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 30
    while not workers and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.05)
        workers = children(build.pid)
    if not workers:
        build.kill()
        build.wait()
        pytest.skip("the build ended before its workers could be seen")
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = {w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in _state(w)}
    assert not alive, f"workers {sorted(alive)} outlived their killed parent"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_leftover_temporaries_are_removed_on_the_next_run(tmp_path: Path, index: Path) -> None:
    dead = 2**22 + 12345  # above the usual pid_max: no such process
    while True:
        try:
            os.kill(dead, 0)
        except ProcessLookupError:
            break
        dead += 1
    stale = [f".docdiff-index-{dead}-abc.sqlite", f".docdiff-index-{dead}-abc.sqlite-journal"]
    running = f".docdiff-index-{os.getpid()}-xyz.sqlite"
    old = ".docdiff-index-k2j3.sqlite"  # an older docdiff's name, without a process id
    for name in (*stale, running, old):
        (tmp_path / name).write_bytes(b"")
    past = time.time() - 2 * 3600
    os.utime(tmp_path / old, (past, past))
    assert main(["index", str(index.parent / "corpus"), "-o", str(index)]) == 0
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".docdiff-index-"))
    assert left == [running]
    assert remove_stale_temporaries(str(tmp_path)) == []
