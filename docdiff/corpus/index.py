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
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Sequence

from ..errors import InputError
from ..read.collect import Skipped
from .entry import Entry, Unit

__all__ = ["SCHEMA", "read_index", "write_index"]

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


def write_index(path: str | os.PathLike[str], entries: Sequence[Entry], skipped: Sequence[Skipped]) -> None:
    """Write ``entries`` and ``skipped`` to a new index file at ``path``, replacing any file there."""
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".docdiff-index-", suffix=".sqlite", dir=folder)
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
        if os.path.exists(temporary):
            os.unlink(temporary)


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


def _read(connection: sqlite3.Connection, name: str) -> tuple[list[Entry], list[Skipped]]:
    row = connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    if row is None or row[0] != SCHEMA:
        found = row[0] if row else "none"
        raise InputError(f"{name}: index format {found!r}, expected {SCHEMA!r}; rebuild the index")
    units: dict[int, list[Unit]] = {}
    for statement, label, text, terms in connection.execute(
        "SELECT statement, label, text, terms FROM units ORDER BY statement, ordinal"
    ):
        units.setdefault(statement, []).append(Unit(label, text, tuple(terms.split())))
    entries = [
        Entry(
            path=path,
            title=title,
            date=date,
            parties=tuple(json.loads(parties)),
            language=language,
            digest=digest,
            units=tuple(units.get(number, ())),
            counts=tuple(sorted(json.loads(terms).items())),
        )
        for number, path, title, date, parties, language, digest, terms in connection.execute(
            "SELECT id, path, title, date, parties, language, digest, terms FROM statements ORDER BY id"
        )
    ]
    skipped = [
        Skipped(path, reason)
        for path, reason in connection.execute("SELECT path, reason FROM skipped ORDER BY ordinal")
    ]
    return entries, skipped
