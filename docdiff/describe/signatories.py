"""Who signed a statement: from a signing line, a signature block, or the opening words.

Three sources, tried in this order; the first that names anyone wins:

1. a signing line in the news envelope or the closing ("Совместное заявление
   подписали Президент Азербайджанской Республики Ильхам Алиев и ...",
   "signed by ...", "签署");
2. signature blocks in the closing ("Президент Российской Федерации
   В.Путин", "For the Russian Federation" / "V. Putin", or a bare name);
3. leaders of the gazetteer named with a title in the opening paragraph
   ("President Joseph R. Biden, Jr. and Prime Minister Narendra Modi").

Names are kept as printed, Russian ones in the nominative.  The party is
the country named in the role ("Председатель Китайской Народной
Республики" -> ``CN``) and, failing that, the gazetteer's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from ..lang import FALLBACK, languages, pack
from ..model import Signatory
from .leaders import LeaderMention, find_leaders

__all__ = ["find_signatories", "signing_line_signatories"]

PartyFinder = Callable[[str, str], tuple[str, ...]]
"""``(text, language) -> ISO codes in order of mention``, as :mod:`docdiff.describe.parties` finds them."""

# The role titles, signing sentences and signer separators of each language
# are pack facts (docdiff/lang/<code>/pack.json: "signer_roles",
# "signer_role_word", "role_heads", "signing_list", "signer_split", ...).
# A signing list runs to the end of the sentence; a dot after a lone capital
# is an initial.


@functools.cache
def _role_word(language: str) -> re.Pattern[str]:
    found = pack(language)
    if not found.signer_roles:
        return re.compile("(?!)")  # a pack without role titles: no role word anywhere
    return re.compile(found.signer_role_word.replace("{roles}", found.signer_roles))


@functools.cache
def _signing(language: str) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The signing sentence and the separator between its signers (None for a pack without them)."""
    found = pack(language)
    if not found.signing_list:
        return None
    split = found.signer_split.replace("{roles}", found.signer_roles)
    return re.compile(found.signing_list), re.compile(split)


@functools.cache
def _role_after_re(language: str) -> re.Pattern[str] | None:
    found = pack(language)
    if not found.spaced:
        return None
    # English prints a role after the name ("..., President of the UAE,"); the
    # fallback pack's pattern serves every spaced language without its own.
    source = found if found.role_after else pack(FALLBACK)
    return re.compile(source.role_after.replace("{roles}", source.signer_roles))


@functools.cache
def _header_re(codes: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(p.signature_header for p in map(pack, codes) if p.signature_header)
    return re.compile(rf"(?:{words})\s+(?:the\s+)?(?P<who>.+?)[:,]?$")


# "Н.", "К.-Ж.", "Н.А.": initials printed as a word of their own; "Н.А.Назарбаев": a signature.
_INITIAL = re.compile(r"(?:[^\W\d_]\.\s*[-‐‑]?\s*)+")
_INITIALS = re.compile(r"(?:[^\W\d_]\.\s*[-‐‑]?\s*)+[^\W\d_]{2}")


# Honorifics printed between a role and a name are neither: "President of
# the United States of America, The Honorable Donald J. Trump".
@functools.cache
def _honorific(codes: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(p.honorifics for p in map(pack, codes) if p.honorifics) or "(?!)"
    return re.compile(rf"[\s,]*(?:{words})[\s,]*$")


def _clean_role(role: str) -> str:
    previous = None
    while previous != role:
        previous = role
        role = _honorific(languages()).sub("", role).strip(" ,\n")
    return role


def _nominative_role(role: str, language: str) -> str:
    role = _clean_role(role)
    heads = pack(language).role_heads
    if not heads:
        return role
    head, _, rest = role.partition(" ")
    for stem, base in heads.items():
        if head.startswith(stem) and len(head) - len(stem) <= 2:
            return (base + " " + rest).strip()
    return role


def _party_of(
    role: str | None, after: str, mention: LeaderMention | None, find: PartyFinder, language: str
) -> str | None:
    for text in (role or "", after):
        codes = find(text, language) if text else ()
        if codes:
            return codes[0]
    return mention.leader.party if mention is not None else None


def _role_before(text: str, start: int, language: str) -> str | None:
    """The title printed just before a name ("President", "Председатель ... Республики")."""
    window = text[max(0, start - 120) : start]
    best: re.Match[str] | None = None
    for match in _role_word(language).finditer(window):
        best = match
    if best is None:
        return None
    between = window[best.start() :]
    # A role runs up to the name with nothing that ends a phrase in between.
    found = pack(language)
    if re.search(
        found.role_stops, between.replace(". ", "  ") if found.role_stops_keep_initials else between
    ):
        return None
    if not found.spaced:
        # Chinese roles are printed whole before the name: "阿拉伯联合酋长国阿布扎比王储、武装部队副总司令".
        head = re.split(found.role_head_cut, window[: best.start()])[-1]
        head = re.sub(found.role_head_prefix, "", head)
        between = head + between
    return _nominative_role(between.strip(" ,\n"), language) or None


def _role_after(text: str, end: int, language: str) -> str | None:
    """A title printed after the name: "Mohamed bin Zayed Al Nahyan, President of the UAE,"."""
    after = _role_after_re(language)
    if after is None:
        return None
    tail = text[end : end + 120]
    match = after.match(tail)
    return match.group("role").strip() if match else None


def _after_of(text: str, end: int) -> str:
    """The "of the United States" that English often prints after a name."""
    match = re.match(r"\s*,?\s+of\s+(?:the\s+)?[^,;.()]+", text[end : end + 80])
    return match.group(0) if match else ""


def _from_mention(
    text: str, mention: LeaderMention, language: str, find: PartyFinder, require_role: bool
) -> Signatory | None:
    role = _role_before(text, mention.start, language)
    if role is None:
        role = _role_after(text, mention.end, language)
    if role is None and require_role:
        return None
    party = _party_of(role, _after_of(text, mention.end), mention, find, language)
    return Signatory(mention.name, role, party)


def _from_piece(piece: str, language: str, find: PartyFinder) -> Signatory | None:
    """One signer of a signing line: "Президент Азербайджанской Республики Ильхам Алиев"."""
    piece = piece.strip(" ,;\n")
    if not piece:
        return None
    mentions = find_leaders(piece, language)
    if mentions:
        mention = mentions[-1]
        role = _nominative_role(piece[: mention.start].strip(" ,"), language) or None
        return Signatory(mention.name, role, _party_of(role, "", mention, find, language))
    if not pack(language).spaced:
        role_match = None
        for role_match in _role_word(language).finditer(piece):  # noqa: B007 - the last one is wanted
            continue
        if role_match is None:
            return None
        role = piece[: role_match.end()]
        name = piece[role_match.end() :].strip()
        return Signatory(name, role, _party_of(role, "", None, find, language)) if name else None
    # No gazetteer name: the name is the capitalized words at the end, up to
    # three, and none that names a country ("Республики Казахстан Н.Назарбаев"
    # ends its role with the country).  A signature with initials
    # ("Н.А.Назарбаев", "К.-Ж.К.Токаев") takes only initials before it.
    words = piece.split()
    name_words: list[str] = []
    while words and words[-1][:1].isupper() and len(name_words) < 3:
        if name_words and _INITIALS.match(name_words[-1]) and not _INITIAL.fullmatch(words[-1]):
            break
        if name_words and find(words[-1], language):
            break
        name_words.insert(0, words.pop())
    if not name_words:
        return None
    name = " ".join(name_words)
    role = _nominative_role(" ".join(words), language) or None
    if role is not None and not _role_word(language).search(role):
        return None
    return Signatory(name, role, _party_of(role, "", None, find, language))


def signing_line_signatories(text: str, language: str, find: PartyFinder) -> tuple[Signatory, ...]:
    """Signers listed after "подписали" / "signed by" / before "签署" in ``text``."""
    language = pack(language).code
    patterns = _signing(language)
    if patterns is None:
        return ()
    signing, split = patterns
    for match in signing.finditer(text):
        pieces = split.split(match.group("list"))
        found = [s for s in (_from_piece(p, language, find) for p in pieces) if s is not None]
        if found:
            return tuple(found)
    return ()


def _closing_signatories(blocks: Sequence[str], language: str, find: PartyFinder) -> tuple[Signatory, ...]:
    found: list[Signatory] = []
    pending_party: str | None = None
    lines = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    for line in lines:
        if len(line) > 150:
            continue
        header = _header_re(languages()).match(line)
        if header and find(header.group("who"), language):
            pending_party = find(header.group("who"), language)[0]
            continue
        mentions = find_leaders(line, language)
        if mentions:
            # A line may hold several signatures side by side: "Joseph R. Biden, Jr.  Emmanuel Macron".
            previous_end = 0
            for mention in mentions:
                signer = _from_piece(line[previous_end : mention.end], language, find)
                previous_end = mention.end
                if signer is None:
                    continue
                if pending_party is not None:
                    signer = Signatory(signer.name, signer.role, pending_party)
                    pending_party = None
                found.append(signer)
            pending_party = None
            continue
        if _role_word(pack(language).code).match(line):
            signer = _from_piece(line, language, find)
            if signer is not None and re.search(r"[A-ZА-ЯЁ]\.", signer.name):
                found.append(signer)  # initials mark a printed signature: "М.Пезешкиан"
    return tuple(found)


def find_signatories(
    *,
    language: str,
    envelope: Sequence[str],
    opening: Sequence[str],
    closing: Sequence[str],
    find: PartyFinder,
) -> tuple[Signatory, ...]:
    """Signers of the statement, in the order printed; see the module docstring for the sources.

    ``envelope``, ``opening`` (dateline, preamble and first paragraphs) and
    ``closing`` are the texts of those parts; ``find`` gives the ISO codes
    of the parties named in a text.
    """
    lang = pack(language).code
    for texts in (envelope, closing):
        for text in texts:
            found = signing_line_signatories(text, lang, find)
            if found:
                return found
    found = _closing_signatories(closing, lang, find)
    if found:
        return found
    signers: list[Signatory] = []
    seen: set[str] = set()
    for text in opening:
        for mention in find_leaders(text, lang):
            if mention.leader.id in seen:
                continue
            signer = _from_mention(text, mention, lang, find, require_role=True)
            if signer is not None:
                seen.add(mention.leader.id)
                signers.append(signer)
        if signers:
            break
    return tuple(signers)
