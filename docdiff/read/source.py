"""What a reader hands on: the text of a statement and what the markup said about it.

A :class:`Source` is the whole contract between the reading stage and the
rest of docdiff (:func:`docdiff.pipeline.parse` turns one into a
:class:`~docdiff.model.Document`): readers never segment, never describe.
"""

from __future__ import annotations

from attrs import frozen

from ..model import Document, Note

__all__ = ["Source"]


@frozen(kw_only=True)
class Source:
    """A statement as read: its ``text`` and ``format``, where it came from, and hints.

    * ``text`` is the statement text the segmenter will cut (for HTML the
      extracted main content, for foreign Akoma Ntoso the flattened text);
    * ``format`` is the name of the reader that made it (``"text"``,
      ``"html"``, ``"akn"`` or a registered one, see :mod:`docdiff.read.registry`);
    * ``path`` names the input (``None`` for a string);
    * ``title`` is the page or document title, which fills in the statement
      title when the segmented text has none;
    * ``language`` (ISO 639-1) is what the markup declares (Akoma Ntoso's
      FRBRlanguage); an explicit language still wins, and detection runs
      when neither is given;
    * ``encoding`` is the codec the bytes were decoded with (``"utf-8"``,
      ``"cp1251"`` ...; see :mod:`docdiff.read.encoding`), ``None`` for text
      that came decoded;
    * ``warnings`` say what reading may have lost, one sentence each (an
      HTML extraction that kept much less text than the input had);
    * ``document`` is set when the input is docdiff's own Akoma Ntoso: the
      clause model rebuilt exactly, so nothing is segmented again;
    * ``pages``, ``notes`` and ``warnings`` go to the Document as they are
      (see :class:`~docdiff.model.Document`): the offset where each page of
      a PDF starts, the footnotes of a DOCX, what the reader changed.
    """

    text: str
    format: str
    path: str | None = None
    title: str | None = None
    language: str | None = None
    encoding: str | None = None
    warnings: tuple[str, ...] = ()
    document: Document | None = None
    pages: tuple[int, ...] = ()
    notes: tuple[Note, ...] = ()
