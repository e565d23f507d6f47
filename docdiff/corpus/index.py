"""The corpus index file: one SQLite database holding every :class:`Entry`.

Tables (``docs/corpus.md`` describes them for people who query the file):

* ``meta(key, value)``: ``schema`` = ``docdiff/corpus-index@1``;
* ``statements(id, path, title, date, parties, language, digest, terms)``:
  ``parties`` a JSON list of codes, ``terms`` a JSON object of the
  statement's term counts (its term vector before weighting);
* ``units(statement, ordinal, label, text, terms)``: ``terms`` the unit's
  terms in order, space-separated (terms never hold whitespace);
* ``vocabulary(term, df)``: how many statements hold each term;
* ``skipped(path, reason)``: files left out when the corpus was built.

Idf weights and postings are derived from these when the file is opened,
so the file never holds two versions of the same fact.  The file is
written to a temporary name beside the target and renamed over it, so a
reader never sees half an index.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..errors import InputError
from ..read.collect import Skipped
from .entry import Entry, Unit

__all__ = ["SCHEMA", "read_index", "remove_stale_temporaries", "write_index"]

#: The format of the index file; a reader refuses any other.
SCHEMA = "docdiff/corpus-index@1"

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE statements (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL, title TEXT, date TEXT, parties TEXT NOT NULL,
    language TEXT NOT NULL, digest TEXT NOT NULL, terms TEXT NOT NULL);
CREATE TABLE units (
    statement INTEGER NOT NULL REFERENCES statements(id), ordinal INTEGER NOT NULL,
    label TEXT NOT NULL, text TEXT NOT NULL, terms TEXT NOT NULL, PRIMARY KEY (statement, ordinal));
CREATE TABLE vocabulary (term TEXT PRIMARY KEY, df INTEGER NOT NULL);
CREATE TABLE skipped (ordinal INTEGER PRIMARY KEY, path TEXT NOT NULL, reason TEXT NOT NULL);
CREATE INDEX statements_digest ON statements(digest);
"""


_TEMPORARY = re.compile(r"\.docdiff-index-(?:(\d+)-)?[^/]*\.sqlite(?:-journal|-wal|-shm)?")
# A temporary file of an older docdiff names no process: stale after this long.
_STALE_SECONDS = 3600


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def remove_stale_temporaries(folder: str) -> list[str]:
    """Delete the temporary index files (and SQLite journals) a killed ``docdiff index`` left in ``folder``.

    Each temporary name carries the id of the process writing it; a file
    whose process is gone is removed, one of a running build is left alone.
    Returns the names removed.
    """
    removed: list[str] = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return removed
    for name in names:
        match = _TEMPORARY.fullmatch(name)
        if match is None:
            continue
        full = os.path.join(folder, name)
        try:
            stale = (
                not _alive(int(match.group(1)))
                if match.group(1)
                else time.time() - os.stat(full).st_mtime > _STALE_SECONDS
            )
            if stale:
                os.unlink(full)
                removed.append(name)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def write_index(path: str | os.PathLike[str], entries: Sequence[Entry], skipped: Sequence[Skipped]) -> None:
    """Write ``entries`` and ``skipped`` to a new index file at ``path``, replacing any file there.

    Temporary files that a killed earlier run left beside ``path`` are removed first.
    """
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    remove_stale_temporaries(folder)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".docdiff-index-{os.getpid()}-", suffix=".sqlite", dir=folder
        )
    except OSError as error:
        raise InputError(
            f"{target}: cannot write the index there ({error.strerror}); check the folder"
        ) from None
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            _fill(connection, entries, skipped)
        finally:
            connection.close()
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as error:
        raise InputError(
            f"{target}: cannot write the index ({error}); check the path and free space"
        ) from None
    finally:
        for leftover in (temporary, temporary + "-journal"):
            if os.path.exists(leftover):
                os.unlink(leftover)


def _fill(connection: sqlite3.Connection, entries: Sequence[Entry], skipped: Sequence[Skipped]) -> None:
    df: Counter[str] = Counter()
    with connection:
        connection.executescript(_TABLES)
        connection.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA,))
        connection.execute("INSERT INTO meta VALUES ('statements', ?)", (str(len(entries)),))
        for number, e in enumerate(entries):
            df.update(t for t, _ in e.counts)
            connection.execute(
                "INSERT INTO statements VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    number,
                    e.path,
                    e.title,
                    e.date,
                    json.dumps(list(e.parties)),
                    e.language,
                    e.digest,
                    json.dumps(dict(e.counts), ensure_ascii=False, separators=(",", ":")),
                ),
            )
            connection.executemany(
                "INSERT INTO units VALUES (?, ?, ?, ?, ?)",
                [(number, k, u.label, u.text, " ".join(u.terms)) for k, u in enumerate(e.units)],
            )
        connection.executemany("INSERT INTO vocabulary VALUES (?, ?)", sorted(df.items()))
        connection.executemany(
            "INSERT INTO skipped VALUES (?, ?, ?)", [(k, s.path, s.reason) for k, s in enumerate(skipped)]
        )


def read_index(path: str | os.PathLike[str]) -> tuple[list[Entry], list[Skipped]]:
    """Read every entry and skipped file back from the index file at ``path``.

    Raises :class:`~docdiff.errors.InputError` when the file is missing or
    is not a docdiff corpus index of this version.
    """
    name = os.fspath(path)
    if not os.path.isfile(name):
        raise InputError(f"{name}: no such index file; build one with Corpus.build(...).save(path)")
    try:
        connection = sqlite3.connect(f"file:{_quote(name)}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise InputError(f"{name}: cannot open the index ({error})") from None
    try:
        return _read(connection, name)
    except sqlite3.DatabaseError as error:
        raise InputError(
            f"{name}: not a docdiff corpus index ({error}); build one with Corpus.build(...).save(path)"
        ) from None
    finally:
        connection.close()


def _quote(path: str) -> str:
    from urllib.parse import quote

    return quote(os.path.abspath(path))


class _Damaged(Exception):
    """A row of the index holds what docdiff never writes there."""


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise _Damaged(f"{'NULL' if value is None else type(value).__name__} where text belongs")
    return value


def _maybe_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _json(value: object, kind: type) -> Any:
    try:
        found = json.loads(_text(value))
    except json.JSONDecodeError as error:
        raise _Damaged(f"bad JSON ({error.msg})") from None
    if not isinstance(found, kind):
        raise _Damaged(f"a JSON {type(found).__name__} where a {kind.__name__} belongs")
    return found


def _counts(value: object) -> tuple[tuple[str, int], ...]:
    found = _json(value, dict)
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in found.values()):
        raise _Damaged("a term count that is not a whole number")
    return tuple(sorted(found.items()))


def _parties(value: object) -> tuple[str, ...]:
    found = _json(value, list)
    if not all(isinstance(p, str) for p in found):
        raise _Damaged("a party code that is not text")
    return tuple(found)


def _read(connection: sqlite3.Connection, name: str) -> tuple[list[Entry], list[Skipped]]:
    row = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if row is None or row[0] != SCHEMA:
        found = row[0] if row else "none"
        raise InputError(f"{name}: index format {found!r}, expected {SCHEMA!r}; rebuild the index")
    table = "units"
    try:
        units: dict[int, list[Unit]] = {}
        for statement, label, text, terms in connection.execute(
            "SELECT statement, label, text, terms FROM units ORDER BY statement, ordinal"
        ):
            unit = Unit(_text(label), _text(text), tuple(_text(terms).split()))
            units.setdefault(statement, []).append(unit)
        table = "statements"
        entries = [
            Entry(
                path=_text(path),
                title=_maybe_text(title),
                date=_maybe_text(date),
                parties=_parties(parties),
                language=_text(language),
                digest=_text(digest),
                units=tuple(units.get(number, ())),
                counts=_counts(terms),
            )
            for number, path, title, date, parties, language, digest, terms in connection.execute(
                "SELECT id, path, title, date, parties, language, digest, terms FROM statements ORDER BY id"
            )
        ]
        table = "skipped"
        skipped = [
            Skipped(_text(path), _text(reason))
            for path, reason in connection.execute("SELECT path, reason FROM skipped ORDER BY ordinal")
        ]
    except (_Damaged, TypeError, ValueError) as error:
        # One line naming the table, never a traceback from deep inside a ranking.
        raise InputError(
            f"{name}: the index is damaged in table {table} ({error}); rebuild it with docdiff index"
        ) from None
    return entries, skipped
