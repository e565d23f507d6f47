"""What a statement says about itself: title, kind, date, place, parties, signers.

:func:`extract_metadata` is called by :func:`docdiff.describe.describe` on the
parts of a statement; it reads only those parts, in a fixed order of trust
(documented in ``docs/metadata.md``):

* **title** - the title block; a news headline gives way to the statement's
  own title quoted in the lead ('подписано "Совместное заявление ..."');
* **kind** - :func:`find_kind` on the title;
* **date** - the first full date of the dateline, then of the closing, then
  of a signing formula ending the last clause, then of the envelope lead,
  then of the preamble; a lead's "23 апреля" borrows its year from the
  first dated expression elsewhere;
* **place** - the same order, through :func:`docdiff.describe.places.find_place`;
* **parties** - the countries named in the title (and its leaders), then
  the signers', then the opening sentence's, then the two most mentioned,
  stopping as soon as two are known;
* **signatories** - :mod:`docdiff.describe.signatories`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..lang import languages, pack
from ..model import Block, Clause, Metadata
from ..segment.sentences import split_sentences
from .dates import DateMatch, find_dates, parse_date
from .leaders import find_leaders
from .parties import find_parties
from .places import find_place
from .signatories import find_signatories

__all__ = ["extract_metadata", "find_kind", "parse_date"]


# (pattern, kind), per language (pack "kinds").  Russian and English name the
# kind first ("Joint Statement on ... Agreement"), so the earliest match wins;
# Chinese names it last ("关于...协定的联合声明", pack "kind_named_last"), so
# there the latest wins.  At one position the longer pattern wins ("Joint
# Declaration" over "Declaration").
@functools.cache
def _kind_patterns(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    found = pack(language)
    return tuple(
        (
            re.compile(rf"(?<!\w){pattern}(?!(?-i:[a-z]))" if found.spaced else pattern, re.IGNORECASE),
            kind,
        )
        for pattern, kind in found.kinds
    )


def _lang(language: str) -> str:
    # Every language without a pack reads as the fallback pack's (English).
    return pack(language).code


def find_kind(title: str, language: str) -> str | None:
    """The kind of statement a title names ("Совместное заявление ..." -> ``"joint statement"``).

    One of ``joint statement``, ``joint declaration``, ``declaration``,
    ``communique``, ``treaty``, ``agreement``, ``memorandum``, ``fact
    sheet``, ``readout``, ``plan``, ``roadmap``, ``programme``,
    ``protocol``, ``charter``, ``statement``; ``None`` when the title names
    none.  The whole mapping is in ``docs/metadata.md``.
    """
    lang = _lang(language)
    # A title may be in another script than the statement ("Joint Statement" over a Russian text).
    tried = (lang, *(other for other in languages() if other != lang))
    for code in tried:
        hits: list[tuple[int, int, str]] = []
        for pattern, kind in _kind_patterns(code):
            for match in pattern.finditer(title):
                hits.append((match.start(), match.end(), kind))
        if hits:
            if pack(code).kind_named_last:
                return max(hits, key=lambda h: (h[1], h[1] - h[0]))[2]
            return min(hits, key=lambda h: (h[0], -(h[1] - h[0])))[2]
    return None


# ---------------------------------------------------------------- parties


# "took place in Leuven, Belgium": a country after a city says where, not who.
_LOCATED = re.compile(r"(?:\b(?:in|at)|\sв)\s+[A-ZА-ЯЁ][\w.'’-]*(?:\s+[A-ZА-ЯЁ][\w.'’-]*)*,\s*$")


def _codes(text: str, language: str, *, names_only: bool = False) -> tuple[str, ...]:
    """ISO codes of the parties named in ``text``, in order of first mention.

    With ``names_only``, adjectives do not count ("Russian energy"): an
    opening paragraph may describe a third country's gas, but it names the
    parties themselves, or their sides ("китайская сторона"), or pairs them
    ("中美两国").
    """
    seen: list[str] = []
    for mention in find_parties(text, language, combined=names_only):
        if names_only and (mention.form == "adjective" or _LOCATED.search(text[: mention.start])):
            continue
        if mention.code not in seen:
            seen.append(mention.code)
    return tuple(seen)


@functools.cache
def _topic(language: str) -> re.Pattern[str]:
    """What opens a title's topic ("on", "о", "关于"): parties named after it are not the signers."""
    found = pack(language)
    if not found.topic:
        return re.compile("(?!)")  # a pack without topic words: no title has a topic
    return re.compile(found.topic, re.IGNORECASE if found.topic_ignorecase else 0)


def _title_parties(title: str, language: str) -> tuple[str, ...]:
    """Parties named in the title, with its leaders' countries; a topic's country is dropped."""
    found: list[tuple[int, str]] = []
    # "中美联合声明", "中哈关于……的联合声明": a Chinese title may name both parties in two characters.
    for mention in find_parties(title, language, combined=True):
        found.append((mention.start, mention.code))
    for leader in find_leaders(title, _lang(language)):
        found.append((leader.start, leader.leader.party))
    found.sort()
    codes = _unique(code for _, code in found)
    if len(codes) > 2:
        # "Joint Statement of X and Y on Support for Z": Z is the topic, not a party.
        topic = _topic(_lang(language)).search(title)
        if topic is not None:
            before = _unique(code for start, code in found if start < topic.start())
            if len(before) >= 2:
                return before
    return codes


def _unique(codes: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for code in codes:
        if code not in out:
            out.append(code)
    return tuple(out)


def _parties(
    title: str | None,
    language: str,
    signer_parties: Sequence[str],
    opening_units: Sequence[Clause],
    body: Iterable[str],
) -> tuple[str, ...]:
    """Parties by the sources in order of trust, each read only while fewer than two are known."""
    codes = list(_title_parties(title, language)) if title else []
    # The dateline is no source: "Leuven, Belgium" names where, not who.
    if len(codes) < 2:
        codes.extend(code for code in signer_parties if code not in codes and len(codes) < 2)
    if len(codes) < 2:
        opening = _first_sentence(opening_units, _lang(language))
        more = _codes(opening, language, names_only=True)
        codes.extend(code for code in more if code not in codes and len(codes) < 2)
    if len(codes) < 2:
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for index, text in enumerate(body):
            for mention in find_parties(text, language, combined=True):
                if mention.form == "adjective":
                    continue
                counts[mention.code] += 1
                first.setdefault(mention.code, index)
        for code, _ in sorted(counts.items(), key=lambda item: (-item[1], first[item[0]], item[0])):
            if len(codes) >= 2:
                break
            if code not in codes:
                codes.append(code)
    return tuple(codes)


# ---------------------------------------------------------------- title

_QUOTED = re.compile(r"[\"«“„]([^\"«»“”„]{15,400})[\"»”“]")


@functools.cache
def _headline(codes: tuple[str, ...]) -> re.Pattern[str]:
    """A news headline over the statement ("Подписано ...", "Signed ..."), pack "headline_words"."""
    words = "|".join(p.headline_words for p in map(pack, codes) if p.headline_words)
    return re.compile(rf"^(?:{words})\b", re.IGNORECASE)


def _clean_title(text: str, language: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    joiner = " " if pack(language).spaced else ""
    return joiner.join(lines)


def _title(title: Block | None, envelope: Sequence[Block], language: str) -> str | None:
    own = _clean_title(title.text, language) if title is not None else None
    if own and not _headline(languages()).match(own):
        return own
    for block in envelope:
        for match in _QUOTED.finditer(block.text):
            quoted = " ".join(match.group(1).split())
            if find_kind(quoted, language) is not None:
                return quoted
    if own:
        return own
    for block in envelope:
        headline = _clean_title(block.text.strip().split("\n", 1)[0], language)
        if headline:
            return headline
    return None


# ---------------------------------------------------------------- date and place


@functools.cache
def _formula(codes: tuple[str, ...]) -> re.Pattern[str]:
    """A signing formula that dates a closing ("Совершено", "Done at"), pack "date_formula"."""
    return re.compile("|".join(p.date_formula for p in map(pack, codes) if p.date_formula), re.MULTILINE)


def _best_date(texts: Sequence[str], language: str) -> DateMatch | None:
    """The first full date of ``texts``; else the first day-and-month without a year."""
    yearless: DateMatch | None = None
    # Texts are read in order and no further once one has a full date.
    for text in texts:
        dates = find_dates(text, language)
        for date in dates:
            if date.precision == 3:
                return date
        if yearless is None:
            yearless = next((d for d in dates if d.precision == 0), None)
    return yearless


def _date(sources: Sequence[Sequence[str]], everything: Sequence[str], language: str) -> str | None:
    for texts in sources:
        found = _best_date(texts, language)
        if found is None:
            continue
        if found.year is not None:
            return found.iso()
        # "23 апреля" in a news lead: the year is the one the statement itself prints.
        for text in everything:
            for other in find_dates(text, language):
                if other.year is not None and other.month is not None:
                    return found.iso(other.year)
    for texts in sources:
        for text in texts:
            partial = parse_date(text, language)
            if partial is not None and len(partial) >= 7:
                return partial
    return None


def _place(dateline: Sequence[str], others: Sequence[Sequence[str]], language: str) -> str | None:
    for text in dateline:
        found = find_place(text, language, dateline=True)
        if found is not None:
            return found
    for texts in others:
        for text in texts:
            found = find_place(text, language)
            if found is not None:
                return found
    return None


# ---------------------------------------------------------------- entry point


def _first_sentence(units: Sequence[Clause], language: str) -> str:
    """The opening sentence: it names the parties; later ones already discuss others."""
    if not units:
        return ""
    text = units[0].paragraphs[0].text
    bounds = split_sentences(text, language)
    return text[bounds[0][0] : bounds[0][1]] if bounds else text


def extract_metadata(
    source: str,
    *,
    language: str,
    envelope: Sequence[Block],
    title: Block | None,
    dateline: Block | None,
    preamble: Sequence[Clause],
    clauses: Sequence[Clause],
    closing: Sequence[Block],
) -> Metadata:
    """Read the metadata of one statement from its segmented parts (see the module docstring).

    ``source`` is the whole text, used only to borrow a year for a yearless
    date; every other fact comes from the parts named, so a third country
    discussed in the clauses never becomes a party.
    """
    lang = _lang(language)
    title_text = _title(title, envelope, language)
    envelope_texts = [b.text for b in envelope]
    dateline_texts = [dateline.text] if dateline is not None else []
    closing_texts = [b.text for b in closing]
    opening_units = preamble or clauses[:1]
    opening = opening_units[0].paragraphs[0].text if opening_units else ""
    last = clauses[-1].paragraphs[-1].text if clauses else ""
    formula = [last] if last and _formula(languages()).search(last) else []
    preamble_texts = [u.text for u in preamble] or ([opening] if opening else [])

    def finder(text: str, lang_: str) -> tuple[str, ...]:
        return _codes(text, language)

    signatories = find_signatories(
        language=lang,
        envelope=envelope_texts,
        opening=[*dateline_texts, *[p.text for u in opening_units[:3] for p in u.paragraphs[:2]]],
        closing=closing_texts,
        find=finder,
    )
    date = _date(
        (dateline_texts, closing_texts, formula, envelope_texts, preamble_texts),
        (*dateline_texts, *closing_texts, *formula, *preamble_texts, source),
        lang,
    )
    place = _place(dateline_texts, (closing_texts, formula, envelope_texts[:3], [opening]), lang)
    parties = _parties(
        title_text,
        language,
        [s.party for s in signatories if s.party],
        opening_units,
        (u.text for u in (*preamble, *clauses)),
    )
    return Metadata(
        language=language,
        title=title_text,
        kind=find_kind(title_text, language) if title_text else None,
        date=date,
        place=place,
        parties=parties,
        signatories=signatories,
    )
