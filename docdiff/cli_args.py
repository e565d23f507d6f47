"""The argument parser of the command line: every command, option and check of an option's value.

Building the parser loads no renderer, no corpus and nothing of the
pipeline; :mod:`docdiff.cli` runs what it parses.  ``docs/cli.md``
documents every command and option (``tests/test_docs.py`` checks it).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__
from .options import DEFAULT_MAX_BYTES, Options
from .render import formats

__all__ = ["EXIT_DIFFERENT", "EXIT_OK", "EXIT_TROUBLE", "build_parser"]

EXIT_OK, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2

# What each command prints, by the qualified name of its result's class, and
# the order its built-in formats are listed in (--help and usage errors).  The
# --format choices are every format registered for that kind (render.formats),
# so a renderer registered by a plug-in is reachable from the command line; it
# is listed after the built-in ones.  Kinds are named, not imported, so that
# building the parser loads neither the corpus (SQLite, process pools) nor any
# renderer.
_PRINTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "parse": ("docdiff.model.Document", ("json", "text", "akn")),
    "compare": ("docdiff.result.Comparison", ("json", "text", "md", "html", "docx")),
    "phrases": ("docdiff.result.PhraseReport", ("json", "text", "md", "html")),
    "formulas": ("docdiff.result.FormulaReport", ("json", "text")),
    "ledger": ("docdiff.result.Ledger", ("text", "md", "json")),
    "formulas-corpus": ("docdiff.corpus.types.FormulaTable", ("json", "text")),
    "rank": ("docdiff.corpus.types.Ranking", ("json", "text")),
    "matrix": ("docdiff.corpus.types.Matrix", ("csv", "json", "html")),
}


def _choices(command: str) -> list[str]:
    """The --format choices of ``command``: the formats registered for what it prints."""
    kind, order = _PRINTS[command]
    known = formats(kind)
    return [f for f in order if f in known] + [f for f in known if f not in order]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose usage errors are one line and exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_TROUBLE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _size(text: str) -> int:
    """Parse a size such as 20000000, 500K, 20M or 1G into bytes."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    raw = text.strip().lower().removesuffix("b")
    factor = units.get(raw[-1:], 1)
    number = raw[:-1] if raw[-1:] in units else raw
    try:
        amount = float(number) * factor
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 20M)") from None
    if not math.isfinite(amount):
        raise argparse.ArgumentTypeError(f"not a finite size: {text!r} (try 20M)")
    # A limit past any file's size means no limit; clamping keeps it an int that
    # every read can take.
    value = int(min(amount, sys.maxsize))
    if value < 1:
        raise argparse.ArgumentTypeError(f"size must be positive: {text!r}")
    return value


def _language(text: str) -> str:
    """An ISO 639-1 code docdiff has a language pack for."""
    from .lang import languages

    code = text.strip().lower()
    known = languages()
    if code not in known:
        raise argparse.ArgumentTypeError(
            f"no language pack for {text!r}: give one of {', '.join(known)} (ISO 639-1), or omit it to detect"
        )
    return code


def _add_reading(parser: argparse.ArgumentParser, *, language: bool = True) -> None:
    parser.add_argument(
        "--max-size",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="refuse input files larger than SIZE (bytes, or with K/M/G; default 20M)",
    )
    if not language:
        return
    parser.add_argument(
        "--language",
        metavar="CODE",
        type=_language,
        default=None,
        help="the statement language (ISO 639-1: ru, en, zh...); detected when omitted",
    )


def _add_output(parser: argparse.ArgumentParser, choices: Sequence[str], default: str) -> None:
    parser.add_argument(
        "--format", choices=choices, default=default, help=f"output format (default {default})"
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT", default=None, help="write to OUT instead of standard output"
    )


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser; ``docs/cli.md`` documents every command and option."""
    parser = _Parser(
        prog="docdiff",
        description="Parse and compare diplomatic joint statements (ru, en, zh).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    parse = commands.add_parser("parse", help="parse a statement into its clause model")
    parse.add_argument("file", metavar="FILE", help="a statement: plain text, HTML or Akoma Ntoso XML")
    _add_output(parse, _choices("parse"), "json")
    _add_reading(parse)

    compare = commands.add_parser("compare", help="compare two statements clause by clause")
    compare.add_argument("left", metavar="LEFT", help="the earlier or reference statement")
    compare.add_argument("right", metavar="RIGHT", help="the later or other statement")
    _add_output(compare, _choices("compare"), "text")
    compare.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when a substantive difference exists in a clause (as diff(1) does for any "
        "difference); metadata (date, place, title, parties) does not count unless --check-metadata",
    )
    compare.add_argument(
        "--check-metadata",
        action="store_true",
        help="with --check (implied), a metadata difference (date, place, title, parties, signatories) "
        "counts as a difference too",
    )
    compare.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text format: auto (a terminal without NO_COLOR), always or never",
    )
    compare.add_argument(
        "--author",
        metavar="NAME",
        default=None,
        help="the author of the tracked changes in --format docx (default docdiff)",
    )
    compare.add_argument(
        "--date",
        metavar="DATE",
        default=None,
        help="date the tracked changes in --format docx (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ; default none)",
    )
    compare.add_argument(
        "--no-phrases", action="store_true", help="skip phrase alignment (faster on large documents)"
    )
    _add_reading(compare)

    phrases = commands.add_parser("phrases", help="align shared and reworded phrases of two statements")
    phrases.add_argument("left", metavar="LEFT", help="the first statement")
    phrases.add_argument("right", metavar="RIGHT", help="the second statement")
    _add_output(phrases, _choices("phrases"), "text")
    phrases.add_argument(
        "--min-words",
        type=int,
        default=Options().min_phrase_words,
        metavar="N",
        help="report only phrases of at least N words on both sides (default 4)",
    )
    _add_reading(phrases)

    ledger = commands.add_parser("ledger", help="what each of two statements got that the other did not")
    ledger.add_argument("left", metavar="LEFT", help="the earlier or reference statement")
    ledger.add_argument("right", metavar="RIGHT", help="the later or other statement")
    _add_output(ledger, _choices("ledger"), "text")
    _add_reading(ledger)

    formulas = commands.add_parser("formulas", help="list the diplomatic formulas statements use")
    formulas.add_argument("paths", nargs="+", metavar="PATH", help="statements, or folders of statements")
    # A folder is a corpus and prints a FormulaTable: offer the formats both kinds have.
    both = set(_choices("formulas-corpus"))
    _add_output(formulas, [f for f in _choices("formulas") if f in both], "text")
    _add_reading(formulas)

    rank = commands.add_parser("rank", help="rank the statements of a corpus by likeness to one")
    rank.add_argument("query", metavar="QUERY", help="the statement to look for")
    rank.add_argument("corpus", metavar="CORPUS", help="a folder of statements, or a saved corpus index")
    rank.add_argument(
        "-k", type=int, default=10, metavar="N", help="how many statements to list (default 10)"
    )
    _add_output(rank, _choices("rank"), "text")
    _add_reading(rank)

    matrix = commands.add_parser("matrix", help="all-pairs similarity of the statements of a corpus")
    matrix.add_argument("corpus", metavar="CORPUS", help="a folder of statements, or a saved corpus index")
    _add_reading(matrix)
    _add_output(matrix, _choices("matrix"), "csv")

    index = commands.add_parser("index", help="build a corpus index and save it to one file")
    index.add_argument("corpus", metavar="FOLDER", help="a folder of statements")
    index.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the index file to write (SQLite)"
    )
    _add_reading(index)
    return parser
