"""Documents as plain data: the ``docdiff/document@1`` JSON form and an outline.

Kept out of the model (as attrs keeps serialization out of its classes), so
the model stays a set of values and every output form lives in one place.
"""

from __future__ import annotations

from typing import Any

from ..model import Block, Clause, Document, Paragraph, Sentence, Signatory
from ..registry import register
from .jsonout import DOCUMENT_SCHEMA, dump
from .words import escape_controls

__all__ = ["document_to_dict", "document_to_json", "outline", "signatory_to_dict"]


def signatory_to_dict(signatory: Signatory) -> dict[str, Any]:
    """One signatory as JSON: ``{"name", "role", "party"}`` (every docdiff JSON uses this form)."""
    return {"name": signatory.name, "role": signatory.role, "party": signatory.party}


def _block(block: Block) -> dict[str, Any]:
    return {"text": block.text, "start": block.span.start, "end": block.span.end}


def _sentence(sentence: Sentence) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "start": sentence.span.start,
        "end": sentence.span.end,
        "actor": list(sentence.actor),
        "commitment": sentence.commitment,
        "intensity": sentence.intensity,
        "concepts": list(sentence.concepts),
    }


def _paragraph(paragraph: Paragraph) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": paragraph.text,
        "start": paragraph.span.start,
        "end": paragraph.span.end,
    }
    if paragraph.label is not None:
        out["label"] = paragraph.label
    out["sentences"] = [_sentence(s) for s in paragraph.sentences]
    return out


def _pages(document: Document, unit: Clause, out: dict[str, Any]) -> dict[str, Any]:
    # Only a paged input (PDF) has pages: other documents' JSON is unchanged.
    first, last = document.page_at(unit.span.start), document.page_at(max(unit.span.start, unit.span.end - 1))
    if first is not None and last is not None:
        out["pages"] = [first, last]
    return out


def _clause(clause: Clause) -> dict[str, Any]:
    out: dict[str, Any] = {
        "label": clause.label,
        "ordinal": clause.ordinal,
        "text": clause.text,
        "start": clause.span.start,
        "end": clause.span.end,
    }
    if clause.number is not None:
        out["number"] = _block(clause.number)
    if clause.heading is not None:
        out["heading"] = clause.heading
    if clause.section is not None:
        out["section"] = clause.section
    out["paragraphs"] = [_paragraph(p) for p in clause.paragraphs]
    return out


def _preamble(clause: Clause) -> dict[str, Any]:
    # A preamble unit is one paragraph: its sentences sit on the unit itself.
    return {
        "label": clause.label,
        "text": clause.text,
        "start": clause.span.start,
        "end": clause.span.end,
        "sentences": [_sentence(s) for s in clause.sentences],
    }


def document_to_dict(document: Document) -> dict[str, Any]:
    """The ``docdiff/document@1`` form of a document, as plain dicts and lists."""
    meta = document.metadata
    return {
        "schema": DOCUMENT_SCHEMA,
        "path": document.path,
        "format": document.format,
        "encoding": document.encoding,
        "warnings": list(document.warnings),
        "meta": {
            "title": meta.title,
            "kind": meta.kind,
            "date": meta.date,
            "place": meta.place,
            "parties": list(meta.parties),
            "signatories": [signatory_to_dict(s) for s in meta.signatories],
            "language": meta.language,
        },
        "envelope": [_block(b) for b in document.envelope],
        "title": _block(document.title) if document.title else None,
        "dateline": _block(document.dateline) if document.dateline else None,
        "preamble": [_pages(document, c, _preamble(c)) for c in document.preamble],
        "clauses": [_pages(document, c, _clause(c)) for c in document.clauses],
        "closing": [_block(b) for b in document.closing],
        **_read_notes(document),
    }


def _read_notes(document: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if document.pages:
        out["pages"] = list(document.pages)
    if document.notes:
        out["notes"] = [{"label": n.label, "text": n.text} for n in document.notes]
    if document.warnings:
        out["warnings"] = list(document.warnings)
    return out


@register(Document, "json")
def document_to_json(document: Document) -> str:
    """``docdiff/document@1`` JSON text, deterministic, with a final newline."""
    return dump(document_to_dict(document), allow_nan=True)


def _first_words(text: str, limit: int = 12) -> str:
    words = text.split()
    head = " ".join(words[:limit])
    return head + (" …" if len(words) > limit else "")


@register(Document, "text")
def outline(document: Document) -> str:
    """A readable outline: metadata, then each unit's label and first words."""
    meta = document.metadata
    lines = [
        f"title:       {meta.title or '-'}",
        f"kind:        {meta.kind or '-'}",
        f"date:        {meta.date or '-'}",
        f"place:       {meta.place or '-'}",
        f"parties:     {', '.join(meta.parties) or '-'}",
        f"language:    {meta.language}",
        f"encoding:    {document.encoding or '-'}",
    ]
    lines += [f"warning:     {warning}" for warning in document.warnings]
    for signatory in meta.signatories:
        who = ", ".join(x for x in (signatory.role, signatory.party) if x)
        lines.append(f"signatory:   {signatory.name}" + (f" ({who})" if who else ""))
    lines.append("")
    if document.envelope:
        lines.append(f"envelope:    {len(document.envelope)} block(s)")
    section = None
    for unit in document.units:
        if unit.section and unit.section != section:
            section = unit.section
            lines.append(f"  § {_first_words(section)}")
        paragraphs = f" [{len(unit.paragraphs)} ¶]" if len(unit.paragraphs) > 1 else ""
        lines.append(f"{unit.label:>12}  {_first_words(unit.text)}{paragraphs}")
    if document.closing:
        lines.append(f"closing:     {_first_words(' '.join(b.text for b in document.closing))}")
    return escape_controls("\n".join(lines) + "\n")
