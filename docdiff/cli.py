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
from typing import TextIO

from .cli_args import EXIT_DIFFERENT, EXIT_OK, EXIT_TROUBLE, build_parser
from .errors import DocdiffError, InputError, OptionsError
from .options import Options, ReadOptions
from .read.collect import Skipped, display_path
from .render import is_binary, render, render_bytes
from .render.words import escape_controls

__all__ = ["build_parser", "main", "should_color"]


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


def _say(line: str) -> None:
    """One line on standard error, every control character and bidi override escaped."""
    print(escape_controls(line.replace("\n", " "), keep_layout=False), file=sys.stderr)


def _reading(args: argparse.Namespace) -> ReadOptions:
    """--max-size and --language as one value: every file a command reads is read with it."""
    return ReadOptions(max_bytes=args.max_size, language=getattr(args, "language", None))


def _load(path: str, args: argparse.Namespace) -> object:
    from .pipeline import load_with

    document = load_with(path, _reading(args))
    for warning in document.warnings:
        _say(f"docdiff: warning: {warning}")
    return document


def should_color(stream: TextIO | None = None, *, dumb_term: bool = True) -> bool:
    """Whether ``--color auto`` colours ``stream`` (default: standard output).

    In order: a non-empty ``NO_COLOR`` turns colour off (https://no-color.org,
    the user's refusal wins); a non-empty ``FORCE_COLOR`` or a ``CLICOLOR_FORCE``
    other than "0" turns it on (force-color.org, bixense.com/clicolors);
    ``TERM=dumb`` turns it off (unless ``dumb_term`` is false); else a terminal is coloured.
    """
    env = os.environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR") or env.get("CLICOLOR_FORCE", "0") not in ("0", ""):
        return True
    if dumb_term and env.get("TERM") == "dumb":
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
    return should_color(sys.stdout)


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
    different = comparison.substantive or (args.check_metadata and bool(comparison.summary.metadata))
    return EXIT_DIFFERENT if (args.check or args.check_metadata) and different else EXIT_OK


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
        _say(f"docdiff: skipped {item.path}: {item.reason}")


def _run_formulas(args: argparse.Namespace) -> int:
    from .pipeline import corpus_folder, formulas, load_many

    folder = corpus_folder(args.paths)
    if folder is not None:
        # A folder is a corpus: the table of wordings and variants across it.
        from .corpus import Corpus

        corpus = Corpus.build(folder, progress=_progress("indexing"), read=_reading(args))
        _report_skipped(corpus.skipped)
        _write(render(corpus.formulas(), args.format), args.output)
        return EXIT_OK
    loaded = load_many(args.paths, _reading(args))
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
    corpus = open_or_build(args.corpus, progress=_progress("indexing"), read=_reading(args))
    _report_skipped(corpus.skipped)
    _write(render(corpus.ranking(query, args.k), args.format), args.output)
    return EXIT_OK


def _run_matrix(args: argparse.Namespace) -> int:
    from .corpus import open_or_build

    corpus = open_or_build(args.corpus, progress=_progress("indexing"), read=_reading(args))
    _report_skipped(corpus.skipped)
    _write(render(corpus.matrix(), args.format), args.output)
    return EXIT_OK


def _run_index(args: argparse.Namespace) -> int:
    from .corpus import Corpus

    if not os.path.isdir(args.corpus):
        raise InputError(f"{args.corpus}: not a folder; give a folder of statements to index")
    corpus = Corpus.build(args.corpus, progress=_progress("indexing"), read=_reading(args))
    _report_skipped(corpus.skipped)
    corpus.save(args.output)
    _say(f"indexed {len(corpus)} statement(s) into {display_path(args.output)}")
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
        _say(f"docdiff: error: {error}")
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
        _say(
            f"docdiff: internal error: {type(error).__name__}: {error} "
            "(please report it; DOCDIFF_DEBUG=1 shows the traceback)"
        )
        return EXIT_TROUBLE
