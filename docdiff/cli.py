"""The command line: argparse glue over the library, and nothing else.

Library errors become CLI errors at this one edge: one line on stderr and
exit code 2, never a traceback.  Exit codes follow diff(1): 0 success, 1
only with ``--check`` when a substantive difference exists, 2 trouble.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from .errors import DocdiffError, InputError, OptionsError
from .options import DEFAULT_MAX_BYTES, Options
from .read.collect import Skipped

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2


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
        value = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 20M)") from None
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


def _add_output(parser: argparse.ArgumentParser, formats: Sequence[str], default: str) -> None:
    parser.add_argument(
        "--format", choices=formats, default=default, help=f"output format (default {default})"
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
    _add_output(parse, ("json", "text", "akn"), "json")
    _add_reading(parse)

    compare = commands.add_parser("compare", help="compare two statements clause by clause")
    compare.add_argument("left", metavar="LEFT", help="the earlier or reference statement")
    compare.add_argument("right", metavar="RIGHT", help="the later or other statement")
    _add_output(compare, ("json", "text", "md", "html"), "text")
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
        "--no-phrases", action="store_true", help="skip phrase alignment (faster on large documents)"
    )
    _add_reading(compare)

    phrases = commands.add_parser("phrases", help="align shared and reworded phrases of two statements")
    phrases.add_argument("left", metavar="LEFT", help="the first statement")
    phrases.add_argument("right", metavar="RIGHT", help="the second statement")
    _add_output(phrases, ("json", "text", "md", "html"), "text")
    phrases.add_argument(
        "--min-words",
        type=int,
        default=Options().min_phrase_words,
        metavar="N",
        help="report only phrases of at least N words on both sides (default 4)",
    )
    _add_reading(phrases)

    formulas = commands.add_parser("formulas", help="list the diplomatic formulas statements use")
    formulas.add_argument("paths", nargs="+", metavar="PATH", help="statements, or folders of statements")
    _add_output(formulas, ("json", "text"), "text")
    _add_reading(formulas)

    rank = commands.add_parser("rank", help="rank the statements of a corpus by likeness to one")
    rank.add_argument("query", metavar="QUERY", help="the statement to look for")
    rank.add_argument("corpus", metavar="CORPUS", help="a folder of statements, or a saved corpus index")
    rank.add_argument(
        "-k", type=int, default=10, metavar="N", help="how many statements to list (default 10)"
    )
    _add_output(rank, ("json", "text"), "text")
    _add_reading(rank)

    matrix = commands.add_parser("matrix", help="all-pairs similarity of the statements of a corpus")
    matrix.add_argument("corpus", metavar="CORPUS", help="a folder of statements, or a saved corpus index")
    _add_output(matrix, ("csv", "json", "html"), "csv")

    index = commands.add_parser("index", help="build a corpus index and save it to one file")
    index.add_argument("corpus", metavar="FOLDER", help="a folder of statements")
    index.add_argument(
        "-o", "--output", metavar="OUT", required=True, help="the index file to write (SQLite)"
    )
    return parser


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    try:
        Path(output).write_text(text, encoding="utf-8", newline="")
    except OSError as error:
        raise InputError(f"cannot write {output}: {error.strerror or error}") from None


def _load(path: str, args: argparse.Namespace) -> object:
    from .pipeline import load

    return load(path, max_bytes=args.max_size, language=args.language)


def _color(args: argparse.Namespace) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or args.output is not None:
        return False
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _run_parse(args: argparse.Namespace) -> int:
    from .model import Document
    from .render.document_json import document_to_json, outline

    document = _load(args.file, args)
    assert isinstance(document, Document)
    if args.format == "text":
        _write(outline(document), args.output)
    elif args.format == "akn":
        from .render.document_akn import to_akn

        _write(to_akn(document), args.output)
    else:
        _write(document_to_json(document), args.output)
    return EXIT_OK


def _run_compare(args: argparse.Namespace) -> int:
    from .model import Document
    from .pipeline import compare
    from .render import render

    left, right = _load(args.left, args), _load(args.right, args)
    assert isinstance(left, Document) and isinstance(right, Document)
    comparison = compare(left, right, Options(phrases=not args.no_phrases))
    options: dict[str, object] = {"color": _color(args)} if args.format == "text" else {}
    _write(render(comparison, args.format, **options), args.output)
    return EXIT_DIFFERENT if args.check and comparison.substantive else EXIT_OK


def _run_phrases(args: argparse.Namespace) -> int:
    from .model import Document
    from .render.phrases import render_phrases

    left, right = _load(args.left, args), _load(args.right, args)
    assert isinstance(left, Document) and isinstance(right, Document)
    options = Options(min_phrase_words=args.min_words)
    _write(render_phrases(left, right, args.format, options), args.output)
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
    from .pipeline import corpus_folder, load_many
    from .render.formulas import render_formula_table

    folder = corpus_folder(args.paths)
    if folder is not None:
        # A folder is a corpus: the table of wordings and variants across it.
        from .corpus import Corpus, formulas_report

        corpus = Corpus.build(folder, progress=_progress("indexing"), max_bytes=args.max_size)
        _report_skipped(corpus.skipped)
        _write(formulas_report(corpus, args.format), args.output)
        return EXIT_OK
    loaded = load_many(args.paths, ReadOptions(max_bytes=args.max_size, language=args.language))
    _report_skipped(loaded.skipped)
    _write(render_formula_table(loaded.documents, args.format), args.output)
    return EXIT_OK


def _run_rank(args: argparse.Namespace) -> int:
    from .corpus import open_or_build, rank_report
    from .model import Document

    if args.k < 1:
        raise OptionsError(f"-k must be at least 1, got {args.k}")
    query = _load(args.query, args)
    assert isinstance(query, Document)
    corpus = open_or_build(args.corpus, progress=_progress("indexing"))
    _report_skipped(corpus.skipped)
    _write(rank_report(query, corpus, args.k, args.format), args.output)
    return EXIT_OK


def _run_matrix(args: argparse.Namespace) -> int:
    from .corpus import matrix_report, open_or_build

    corpus = open_or_build(args.corpus, progress=_progress("indexing"))
    _report_skipped(corpus.skipped)
    _write(matrix_report(corpus, args.format), args.output)
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
