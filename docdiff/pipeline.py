"""The composition root: the one module that calls more than one stage.

Reading a statement is three stages, each unaware of the next::

    read (bytes or text -> Source) -> segment (text -> structure) -> describe (metadata, sentences)

and comparing two is the unit comparison, then phrases and formulas::

    align.compare (units) -> phrases.align_phrases + phrases.compare_formulas

:func:`load` and :func:`loads` are the first, :func:`compare` the second;
:func:`parse` is the step from a :class:`~docdiff.read.source.Source` to a
:class:`~docdiff.model.Document`.  :func:`load_one` and :func:`load_many`
read many statements, reporting the files that fail instead of stopping.
No stage imports this module, and no stage calls a later one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence

import attrs

from .align.compare import compare as compare_units
from .describe import describe
from .describe.concepts import find_concepts
from .errors import DocdiffError, InputError, OptionsError
from .lang import languages
from .model import Document
from .options import DEFAULT_MAX_BYTES, Options, ReadOptions
from .phrases.align import align_phrases
from .phrases.formulas import clear_caches as clear_formula_caches
from .phrases.formulas import compare_formulas
from .phrases.report import formula_report, phrase_report
from .read import read_file, read_text
from .read.collect import Loaded, Skipped, display_path, expand_paths
from .read.source import Source
from .relate.ledger import ledger as draw_ledger
from .relate.relate import relate
from .result import Comparison, FormulaReport, Ledger, PhraseReport
from .segment import segment

__all__ = [
    "clear_caches",
    "compare",
    "corpus_folder",
    "formulas",
    "ledger",
    "load",
    "load_many",
    "load_one",
    "load_with",
    "loads",
    "parse",
    "phrases",
]


_ISO_639 = re.compile(r"[a-z]{2,3}")


def parse(source: Source, read: ReadOptions | None = None) -> Document:
    """The :class:`Document` of a source read by :mod:`docdiff.read`: segmented, then described.

    docdiff's own Akoma Ntoso comes rebuilt (``source.document``) and is
    taken as it is.  ``read.language`` wins over the language the markup
    declares, which wins over detection.
    """
    read = read or ReadOptions()
    if read.language is not None and not _ISO_639.fullmatch(read.language):
        # Any ISO code is taken (a language without a pack parses with the
        # defaults); a name such as "english" is a mistake, never stored.
        raise OptionsError(
            f"language {read.language!r} is not an ISO 639-1 code: give one such as "
            f"{', '.join(languages())}, or None to detect"
        )
    if source.document is not None:
        document = source.document
        if read.language:
            document = attrs.evolve(
                document, metadata=attrs.evolve(document.metadata, language=read.language)
            )
    else:
        structure = segment(
            source.text, language=read.language or source.language, path=source.path, format=source.format
        )
        document = describe(structure, annotate=read.annotate, title=source.title)
    found = (source.encoding, source.warnings, source.pages, source.notes)
    if (document.encoding, document.warnings, document.pages, document.notes) != found:
        # What reading found (the codec, what was lost, pages, notes) travels with the document.
        document = attrs.evolve(
            document,
            encoding=source.encoding,
            warnings=source.warnings,
            pages=source.pages,
            notes=source.notes,
        )
    return document


def load_with(path: str | os.PathLike[str], read: ReadOptions) -> Document:
    """:func:`load` with the reading options gathered in one value (as the corpus passes them on)."""
    return parse(read_file(path, max_bytes=read.max_bytes), read)


def load(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    language: str | None = None,
    annotate: bool = True,
) -> Document:
    """Read the statement at ``path`` (text, HTML, Akoma Ntoso, PDF or DOCX; any supported encoding).

    The size is checked with ``os.stat`` before anything is read; files
    over ``max_bytes`` are refused with :class:`~docdiff.errors.InputError`,
    as are missing paths, directories, empty, binary and undecodable files.
    ``language`` (ISO 639-1) overrides detection; ``annotate=False`` skips
    sentence annotation (see :class:`~docdiff.options.ReadOptions`).
    ``Document.path`` is ``path`` as given.
    """
    return load_with(path, ReadOptions(max_bytes=max_bytes, language=language, annotate=annotate))


def loads(
    text: str, *, language: str | None = None, path: str | None = None, annotate: bool = True
) -> Document:
    """Parse an already decoded statement; the format is told by content.

    ``path`` only names the document (in errors and ``Document.path``).
    Markup that declares entities or a DOCTYPE internal subset is refused
    with :class:`~docdiff.errors.UnsafeInputError` before any parser sees
    it.
    """
    return parse(read_text(text, path=path), ReadOptions(language=language, annotate=annotate))


def _documents(left: object, right: object, verb: str) -> None:
    """Refuse anything but two documents, saying how to make them (a path is the usual slip)."""
    for side, value in (("left", left), ("right", right)):
        if not isinstance(value, Document):
            hint = ""
            if isinstance(value, (str, bytes, os.PathLike)):
                hint = f"; for a file, docdiff.{verb}(docdiff.load(path), ...); for text, docdiff.loads(text)"
            raise TypeError(
                f"docdiff.{verb} takes two parsed documents, got {type(value).__name__} {value!r:.60} "
                f"as {side}{hint}"
            )


def compare(left: Document, right: Document, options: Options | None = None) -> Comparison:
    """Compare two parsed statements: units, then (with ``options.phrases``) phrases and formulas.

    Pairs come in the right document's order, each deletion where it stood
    in the left document.  Deterministic: the same input gives the same
    result.  See :mod:`docdiff.align.compare` and :mod:`docdiff.phrases`.
    """
    _documents(left, right, "compare")
    options = options or Options()
    result = compare_units(left, right, options)
    if options.phrases:
        # Formulas go with phrases (the same option): both read every sentence.
        result = attrs.evolve(
            result,
            phrases=tuple(align_phrases(left, right, options)),
            formulas=compare_formulas(left, right, options.phrase_tuning),
        )
    return relate(result, options)


def phrases(left: Document, right: Document, options: Options | None = None) -> PhraseReport:
    """The phrase report of two parsed statements: shared and reworded phrases, formula uses."""
    _documents(left, right, "phrases")
    return phrase_report(left, right, options)


def ledger(left: Document, right: Document, options: Options | None = None) -> Ledger:
    """What each of two parsed statements got that the other did not (:mod:`docdiff.relate.ledger`).

    One row per concept or stock formula named in either, with the strongest
    commitment each side makes about it, who acts and the units where it
    stands.  ``options`` is accepted for symmetry with :func:`compare`; no
    option changes the ledger yet.
    """
    del options  # no tuning knob decides a ledger row yet
    return draw_ledger(left, right)


def formulas(documents: Sequence[Document]) -> FormulaReport:
    """The table of the stock formulas each of ``documents`` uses."""
    return formula_report(documents)


def load_one(path: str | os.PathLike[str], read: ReadOptions | None = None) -> Document | Skipped:
    """Load one statement, or say why it was skipped; never raises a :class:`DocdiffError`."""
    try:
        return load_with(path, read or ReadOptions())
    except DocdiffError as error:
        return Skipped(display_path(path), str(error))


def load_many(
    paths: Iterable[str | os.PathLike[str]], read: ReadOptions | None = None, *, strict: bool = False
) -> Loaded:
    """Load every statement under ``paths`` (folders walked); with ``strict`` the first failure raises.

    Raises :class:`InputError` when nothing at all could be loaded.
    """
    read = read or ReadOptions()
    documents: list[Document] = []
    skipped: list[Skipped] = []
    walked: list[Skipped] = []
    for path in expand_paths(paths, walked):
        if strict:
            documents.append(load_with(path, read))
            continue
        found = load_one(path, read)
        if isinstance(found, Skipped):
            skipped.append(found)
        else:
            documents.append(found)
    skipped = walked + skipped
    if not documents:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in skipped[:3]) or "no statement files found"
        raise InputError(f"no statement could be loaded ({reasons})")
    return Loaded(tuple(documents), tuple(skipped))


def corpus_folder(paths: Sequence[str]) -> str | None:
    """The folder when ``paths`` is exactly one folder (read as a corpus), else ``None`` (read as files)."""
    folders = [p for p in paths if os.path.isdir(p)]
    return folders[0] if folders and len(paths) == 1 else None


def clear_caches() -> None:
    """Forget every result and compiled pattern the stages keep between calls (results do not change).

    The formula search keeps recent results and the matches of paragraphs it
    has seen; the formula patterns are compiled once from the lexicon.  Call
    this after changing lexicon data at run time, or to time the work rather
    than the caches (``benchmarks/``).  Patterns built from the language
    packs need no clearing: they are keyed by the packs known at the call.
    The concepts found in a sentence are kept too (:func:`find_concepts`).
    """
    clear_formula_caches()
    find_concepts.cache_clear()
