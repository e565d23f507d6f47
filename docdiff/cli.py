"""The command line: argparse glue over the library, and nothing else.

Library errors become CLI errors at this one edge: one line on stderr and
exit code 2, never a traceback.  Exit codes follow diff(1): 0 success, 1
only with ``--check`` when a substantive difference exists, 2 trouble.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from . import __version__
from .errors import DocdiffError, InputError, OptionsError
from .options import DEFAULT_MAX_BYTES, Options
from .read.collect import Skipped
from .render import formats, is_binary, render, render_bytes

__all__ = ["build_parser", "main", "should_color"]

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


def _add_reading(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help="refuse input files larger than SIZE (bytes, or with K/M/G; default 20M)",
    )
    parser.add_argument(
        "--language",
        metavar="CODE",
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
        help="exit 1 when a substantive difference exists (as diff(1) does for any difference)",
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
    _add_output(matrix, _choices("matrix"), "csv")

    index = commands.add_parser("index", help="build a corpus index and save it to one file")
    index.add_argument("corpus", metavar="FOLDER", help="a folder of statements")
    index.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the index file to write (SQLite)"
    )
    return parser


def _write(text: str | bytes, output: str | None) -> None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        Path(output).write_bytes(data)
    except OSError as error:
        raise InputError(f"cannot write {output}: {error.strerror or error}") from None


def _load(path: str, args: argparse.Namespace) -> object:
    from .pipeline import load

    return load(path, max_bytes=args.max_size, language=args.language)


def should_color(stream: TextIO | None = None, *, dumb_term: bool = True) -> bool:
    """True when ``stream`` (default: standard output) is a terminal and NO_COLOR is unset.

    Follows https://no-color.org: any non-empty ``NO_COLOR`` turns colour off;
    so does ``TERM=dumb``, unless ``dumb_term`` is false.
    """
    if os.environ.get("NO_COLOR"):
        return False
    if dumb_term and os.environ.get("TERM") == "dumb":
        return False
    return _is_terminal(sys.stdout if stream is None else stream)


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except (OSError, ValueError):  # a closed or detached stream
        return False


def _color(args: argparse.Namespace) -> bool:
    """Whether ``compare --format text`` colours its output: the one colour decision of docdiff."""
    if args.color == "always":
        return True
    if args.color == "never" or args.output is not None:
        return False
    # ``--color auto`` has never looked at TERM: kept so, as the CLI always printed.
    return should_color(sys.stdout, dumb_term=False)


def _run_parse(args: argparse.Namespace) -> int:
    from .model import Document

    document = _load(args.file, args)
    assert isinstance(document, Document)
    _write(render(document, args.format), args.output)
    return EXIT_OK


def _run_compare(args: argparse.Namespace) -> int:
    from .model import Document
    from .pipeline import compare

    binary = is_binary("docdiff.result.Comparison", args.format)
    if binary and args.output is None and _is_terminal(sys.stdout):
        # A zip package on a terminal is noise; a pipe or a redirection is fine.
        raise OptionsError(f"--format {args.format} needs -o FILE (it is a binary file, not for a terminal)")
    left, right = _load(args.left, args), _load(args.right, args)
    assert isinstance(left, Document) and isinstance(right, Document)
    comparison = compare(left, right, Options(phrases=not args.no_phrases))
    options: dict[str, object] = {"color": _color(args)} if args.format == "text" else {}
    options.update({k: v for k, v in (("author", args.author), ("date", args.date)) if v is not None})
    if binary:
        _write(render_bytes(comparison, args.format, **options), args.output)
    else:
        _write(render(comparison, args.format, **options), args.output)
    return EXIT_DIFFERENT if args.check and comparison.substantive else EXIT_OK


def _run_phrases(args: argparse.Namespace) -> int:
    from .model import Document
    from .pipeline import ledger, phrases

    left, right = _load(args.left, args), _load(args.right, args)
    assert isinstance(left, Document) and isinstance(right, Document)
    if args.command == "ledger":  # the same two inputs, another report
        report: object = ledger(left, right)
    else:
        report = phrases(left, right, Options(min_phrase_words=args.min_words))
    _write(render(report, args.format), args.output)
    return EXIT_OK


def _progress(label: str) -> Callable[[int, int], None] | None:
    """A progress bar on stderr, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def draw(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        end = "\n" if done >= total else ""
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}")
        sys.stderr.flush()

    return draw


def _report_skipped(skipped: Sequence[Skipped]) -> None:
    for item in skipped:
        print(f"docdiff: skipped {item.path}: {item.reason}", file=sys.stderr)


def _run_formulas(args: argparse.Namespace) -> int:
    from .options import ReadOptions
    from .pipeline import corpus_folder, formulas, load_many

    folder = corpus_folder(args.paths)
    if folder is not None:
        # A folder is a corpus: the table of wordings and variants across it.
        from .corpus import Corpus

        corpus = Corpus.build(folder, progress=_progress("indexing"), max_bytes=args.max_size)
        _report_skipped(corpus.skipped)
        _write(render(corpus.formulas(), args.format), args.output)
        return EXIT_OK
    loaded = load_many(args.paths, ReadOptions(max_bytes=args.max_size, language=args.language))
    _report_skipped(loaded.skipped)
    _write(render(formulas(loaded.documents), args.format), args.output)
    return EXIT_OK


def _run_rank(args: argparse.Namespace) -> int:
    from .corpus import open_or_build
    from .model import Document

    if args.k < 1:
        raise OptionsError(f"-k must be at least 1, got {args.k}")
    query = _load(args.query, args)
    assert isinstance(query, Document)
    corpus = open_or_build(args.corpus, progress=_progress("indexing"))
    _report_skipped(corpus.skipped)
    _write(render(corpus.ranking(query, args.k), args.format), args.output)
    return EXIT_OK


def _run_matrix(args: argparse.Namespace) -> int:
    from .corpus import open_or_build

    corpus = open_or_build(args.corpus, progress=_progress("indexing"))
    _report_skipped(corpus.skipped)
    _write(render(corpus.matrix(), args.format), args.output)
    return EXIT_OK


def _run_index(args: argparse.Namespace) -> int:
    from .corpus import Corpus

    if not os.path.isdir(args.corpus):
        raise InputError(f"{args.corpus}: not a folder; give a folder of statements to index")
    corpus = Corpus.build(args.corpus, progress=_progress("indexing"))
    _report_skipped(corpus.skipped)
    corpus.save(args.output)
    print(f"indexed {len(corpus)} statement(s) into {args.output}", file=sys.stderr)
    return EXIT_OK


_COMMANDS = {
    "parse": _run_parse,
    "compare": _run_compare,
    "phrases": _run_phrases,
    "ledger": _run_phrases,
    "formulas": _run_formulas,
    "rank": _run_rank,
    "matrix": _run_matrix,
    "index": _run_index,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except DocdiffError as error:
        message = str(error).replace("\n", " ")
        print(f"docdiff: error: {message}", file=sys.stderr)
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        print("docdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (docdiff ... | head): not our failure.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except RecursionError:
        print("docdiff: error: input is nested too deeply to process", file=sys.stderr)
        return EXIT_TROUBLE
    except MemoryError:
        print("docdiff: error: out of memory; try a smaller input or --max-size", file=sys.stderr)
        return EXIT_TROUBLE
    except Exception as error:
        # A bug of ours.  The contract is one line and exit 2, never a
        # traceback; DOCDIFF_DEBUG=1 shows the traceback for a bug report.
        if os.environ.get("DOCDIFF_DEBUG"):
            raise
        print(
            f"docdiff: internal error: {type(error).__name__}: {error} "
            "(please report it; DOCDIFF_DEBUG=1 shows the traceback)",
            file=sys.stderr,
        )
        return EXIT_TROUBLE
