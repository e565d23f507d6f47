"""The record of one language pack: :class:`LanguagePack`, its fields typed and documented.

:mod:`docdiff.lang.packs` reads ``pack.json`` files into it; ``docs/languages.md``
lists the fields by the rule module that reads them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
from attrs import frozen

__all__ = ["DateRule", "InflectionRule", "LanguagePack", "convert"]


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in value)


@frozen
class DateRule:
    """One date pattern of a language, as :mod:`docdiff.describe.dates` tries it.

    ``pattern`` is a regex whose ``{months}`` stands for the alternation of
    the pack's month forms; its named groups are those of the dates module
    (``day1``, ``day``, ``month``, ``month2``, ``year``).  ``months`` says how
    the month group reads: ``"names"`` by the pack's month forms,
    ``"number"`` as a number.  A text is searched only when it prints one of
    each group of ``needs`` (``needs_month``: one of ``month_cues``;
    ``needs_year``: a year's first digits).
    """

    pattern: str
    ignorecase: bool = False
    months: str = "names"
    needs: tuple[tuple[str, ...], ...] = ()
    needs_month: bool = False
    needs_year: bool = False


def _date_rules(value: Any) -> tuple[DateRule, ...]:
    return tuple(
        DateRule(
            pattern=str(rule["pattern"]),
            ignorecase=bool(rule.get("ignorecase", False)),
            months=str(rule.get("months", "names")),
            needs=tuple(_strings(group) for group in rule.get("needs", ())),
            needs_month=bool(rule.get("needs_month", False)),
            needs_year=bool(rule.get("needs_year", False)),
        )
        for rule in value
    )


@frozen
class InflectionRule:
    """How a base word of a party name inflects, as :mod:`docdiff.describe.gazetteer` spells it.

    A lower-case base word takes the first rule it fits: it ends in one of
    ``ends`` (any word when ``ends`` and ``equals`` are both empty), or is
    one of ``equals``, and is longer than ``longer_than`` letters.  Its last
    ``drop`` letters are then replaced by any of ``endings`` (regex
    fragments; none: the word is indeclinable).
    """

    drop: int = 0
    endings: tuple[str, ...] = ()
    ends: tuple[str, ...] = ()
    equals: tuple[str, ...] = ()
    longer_than: int = 0

    def fits(self, low: str) -> bool:
        """True when the lower-case word ``low`` takes this rule."""
        if len(low) <= self.longer_than:
            return False
        if not self.ends and not self.equals:
            return True
        return low in self.equals or low.endswith(self.ends)


def _inflection_rules(value: Any) -> tuple[InflectionRule, ...]:
    return tuple(
        InflectionRule(
            drop=int(rule.get("drop", 0)),
            endings=_strings(rule.get("endings", ())),
            ends=_strings(rule.get("ends", ())),
            equals=_strings(rule.get("equals", ())),
            longer_than=int(rule.get("longer_than", 0)),
        )
        for rule in value
    )


@frozen
class LanguagePack:
    """What docdiff knows about one language (the fields are listed in ``docs/languages.md``).

    Every field but ``code`` has a default, so a new pack writes only what it
    knows; an empty fragment or list adds nothing to the combined patterns.
    """

    code: str
    """ISO 639-1 code, the folder's name."""
    name: str = ""
    """English name of the language."""
    order: int = 1000
    """Rank among the packs wherever patterns of several languages are tried in turn."""
    script: str = "latin"
    """The main script: "latin", "cyrillic", "han"."""
    spaced: bool = True
    """Words are separated by spaces, so a word boundary means something (False for Han)."""
    stemmer: str | None = None
    """Snowball stemmer name ("russian", "english"), or None for no stemming."""
    stemmer_for: tuple[str, ...] = ()
    """Other language codes, without a pack, whose words this pack's stemmer stems."""
    stem_letters: str = ""
    """Two letters bounding a range: a word holding a letter in it is stemmed by this pack's stemmer
    whatever the language ("ая" for Russian: "а" <= c <= "я")."""
    stem_ascii: bool = False
    """An all-ASCII word is stemmed by this pack's stemmer (when no earlier pack's took it)."""
    possessive: str = ""
    """A possessive ending dropped before stemming ("'s": "China's" is "China")."""
    months: tuple[str, ...] = ()
    """The twelve month names as a dateline prints them ("января", "January"), January first."""
    month_variants: Mapping[str, int] = attrs.field(factory=dict)
    """Other printed month forms and their numbers, in pattern order ("январь": 1, "Jan": 1)."""
    month_cues: tuple[str, ...] = ()
    """Substrings one of which every month name holds (a cheap test before a date search)."""
    date_rules: tuple[DateRule, ...] = ()
    """The language's date patterns, tried in order before the numeric ones."""
    slash_month_first: bool = False
    """A slashed date whose parts could both be the month ("04/05/2025") is read month first."""
    dateline_dates: tuple[str, ...] = ()
    """Date patterns that make a short line a dateline; ``{months}`` is the alternation of ``months``."""
    abbreviations: frozenset[str] = frozenset()
    """Abbreviations written without their final period, lowercase ("г", "dr", "u.s")."""
    enumeration_ends: frozenset[str] = frozenset()
    """Abbreviations that close an enumeration and so may end a sentence ("etc", "т.д")."""
    sentence_marks: str = ".!?…"
    """Marks that may end a sentence."""
    article_words: tuple[str, ...] = ()
    """Words printed before an article's number ("Статья", "Article")."""
    numerals: Mapping[str, int] = attrs.field(factory=dict)
    """The language's own digits and their values ("一": 1, "〇": 0), read by numbering markers."""
    numeral_multipliers: Mapping[str, int] = attrs.field(factory=dict)
    """Numeral characters that multiply the digit before them ("十": 10, "百": 100: "二十" is 20)."""
    article_frames: tuple[str, ...] = ()
    """Regexes of an article heading printed around its number, ``{number}`` standing for the
    number in the pack's numerals or Arabic digits ("第{number}条")."""
    letters: str = ""
    """Regex class ranges of the lower-case letters that number items in brackets: "(a)", "а)"."""
    dotted_letters: str = ""
    """Regex class ranges of the letters that number items with a dot: "a."."""
    title_words: str = ""
    """Regex alternation of the words naming a kind of document ("statement", "заявлени")."""
    signing_formula: str = ""
    """Regex alternation of a closing's signing formula at a line start ("Done\\s+(?:at|in)")."""
    signature_line: str = ""
    """Regex alternation of a signature line's start ("For\\s+the\\s", "За\\s")."""
    closing_roles: str = ""
    """Regex alternation of the role titles that mark a closing's signature block."""
    function_words: tuple[str, ...] = ()
    """Function words: never the edge of a phrase, never a seed on their own ("и", "the", "的")."""
    common_words: tuple[str, ...] = ()
    """Words so common in statements that they seed no phrase ("стороны", "both", "方")."""
    name_endings: str = ""
    """Regex alternation of case endings a name may take ("а|у|ым" for "Путина", "Путиным")."""
    name_endings_after_not: str = ""
    """Name words ending in one of these letters take no ``name_endings``."""
    name_tail: str = ""
    """Regex after a name form in a language without spaces: further name parts it may print."""
    verb_reflexive: str = ""
    """Regex of a reflexive ending cut before a verb's number is told ("(?:сь|ся)$")."""
    plural_verb: str = ""
    """Regex found in a plural verb form: any other form is singular ("(?:ют|ят|ут|ат|ли|ы)$")."""
    singular_verb: str = ""
    """Regex found in a singular verb form ("supports"); with neither regex no verb is singular."""
    signer_roles: str = ""
    """Regex of the role titles printed with a signer's name ("(?:Президент|Председател[ьяюем]+|...)")."""
    signer_role_word: str = ""
    """How a role word is matched: a regex where ``{roles}`` stands for ``signer_roles``."""
    role_heads: Mapping[str, str] = attrs.field(factory=dict)
    """A role's first word by its stem, in the nominative ("Председател": "Председатель")."""
    role_stops: str = r"[.;:!?()\"«»“”。；：，]"
    """Regex of a character that ends a phrase: no role runs over it up to the name."""
    role_stops_keep_initials: bool = False
    """'. ' is no stop between a role and the name (initials: "Joseph R. Biden")."""
    role_head_cut: str = ""
    """In a language without spaces, what ends the words printed before the role word."""
    role_head_prefix: str = ""
    """In a language without spaces, a preposition cut from the front of the role ("应", "同")."""
    role_after: str = ""
    """Regex of a role printed after a name (``{roles}`` as above; the fallback pack's serves every
    spaced language without one)."""
    signing_list: str = ""
    """Regex of a signing sentence; its group ``list`` holds the signers ("подписали: ...")."""
    signer_split: str = ""
    """Regex between two signers of a signing list (``{roles}`` as above)."""
    signature_header: str = ""
    """Regex alternation of a signature block's header words ("For", "За"), before the party."""
    kinds: tuple[tuple[str, str], ...] = ()
    """(regex, kind) of the document kinds a title names ("Совместн\\w+ заявлени\\w*", "joint statement")."""
    kind_named_last: bool = False
    """A title names its kind last ("关于...协定的联合声明"), so the latest match wins."""
    topic: str = ""
    """Regex of what opens a title's topic ("on", "о", "关于")."""
    topic_ignorecase: bool = False
    """``topic`` ignores case."""
    headline_words: str = ""
    """Regex alternation of a news headline's first word over a statement ("Подписан[аоы]?", "Signed")."""
    date_formula: str = ""
    """Regex alternation of the signing formula that dates a closing ("Done at", "Совершено")."""
    place_name: str = ""
    """Regex of a printed place name, a group ``name``, spliced for ``{name}`` in the place patterns."""
    place_strong: tuple[str, ...] = ()
    """Regexes of a signing formula with its place ("Done at {name}"): the place is trusted unknown."""
    place_weak: tuple[str, ...] = ()
    """Regexes of a weak place cue ("in {name}"): only gazetteer names count."""
    locative_ending: str = ""
    """An ending cut from an unknown place name after a signing formula ("Ашхабаде" -> "Ашхабад")."""
    city_prefix: str = ""
    """Regex alternation of the word for "city" a dateline may print before the place ("г\\.", "город")."""
    name_inflection: str = ""
    """The name of the inflection party names take ("russian"), or none (documentation only)."""
    name_inflection_rules: tuple[InflectionRule, ...] = ()
    """How each word of a party name inflects, in order (:class:`InflectionRule`); none: names are
    matched as printed."""
    folded_letters: Mapping[str, str] = attrs.field(factory=dict)
    """Letters read as another in names ("ё": "е"): either is matched for both."""
    side_word: str = ""
    """The word for a side, after a party ("китайская сторона", "the Chinese side")."""
    side_endings: tuple[str, ...] = ()
    """The endings ``side_word`` takes ("а", "ы", ... ; "s", "")."""
    side_heads_names: bool = False
    """Names, not only adjectives, head a side ("the China side")."""
    article: str = ""
    """The article a side may open with ("the Chinese side")."""
    demonym_plural: tuple[str, ...] = ()
    """Endings a demonym takes in the plural ("Americans"), after a letter of ``demonym_plural_after``."""
    demonym_plural_after: str = ""
    """The last letters of a demonym that takes ``demonym_plural`` ("American", "Israeli")."""
    side_suffix: str = ""
    """In a language without spaces, the suffix that makes a name a side ("中方")."""
    side_end: str = ""
    """Regex after a ``side_suffix`` form: what may not follow it ("方面" is no side)."""
    cased: bool = True
    """The script has upper and lower case, so commitment patterns ignore it (False for Han)."""
    commitment_intensifiers: tuple[str, ...] = ()
    """Regexes of the words that make a commitment stronger ("тверд(?:о|ую|...)", "firmly")."""
    intensity_window: int = 0
    """How many words (characters without spaces) around a commitment verb an intensifier may stand."""
    collective_subjects: tuple[str, ...] = ()
    """Regexes of a subject that stands for all parties ("Стороны", "the Sides", "双方")."""
    collective_ignorecase: bool = False
    """``collective_subjects`` ignore case (in Russian, "Стороны" the Parties is not "стороны")."""
    titles: tuple[str, ...] = ()
    """Regexes of the words printed with a leader's or a party's name ("President", "主席")."""
    title_link: str = ""
    """Regex that may join a title to what follows ("President of the United States")."""
    coordinators: tuple[str, ...] = ()
    """Regexes of the words that join two subjects ("и", "and", "和"); a pack without them has no
    commitment annotation."""
    noun_guard: frozenset[str] = frozenset()
    """Words after which a commitment verb is a noun ("the support"), so it is no commitment."""
    attribution: str = ""
    """Regex alternation of a line handing over to a quoted statement before its colon ("говорится")."""
    bare_attribution: str = ""
    """Regex alternation of an attribution verb ending a line before a quotation, with no colon."""
    relay: str = ""
    """Regex alternation of a news relay opening a line that ends in a colon ("According to")."""
    site_matter: str = ""
    """Regex alternation of what opens a web site's matter after a statement ("Read more", "来源：")."""
    intro_formula: str = ""
    """Regex alternation of an introduction to numbered clauses before its colon ("declare as follows")."""
    minor_words: frozenset[str] = frozenset()
    """Words a title-cased heading leaves in lower case ("of", "the", "and")."""
    honorifics: str = ""
    """Regex alternation of honorifics printed between a role and a name ("The Honorable", "господин")."""
    year_words: str = ""
    """Regex alternation of a word marking a bare number as a year ("года|году|год|г\\.", "年")."""
    year_cue: str = ""
    """A substring every ``year_words`` match holds (a cheap test before the search)."""
    negation_modals: str = ""
    """Regex alternation of the modals that may stand between a negation and its verb ("会" in "不会支持")."""
    glued_negation: str = ""
    """A negation glued to its verb ("n't" in "don't")."""
    label_numerals: Mapping[str, int] = attrs.field(factory=dict)
    """Numeral symbols of clause labels and their values ("一": 1, "十": 10; "I": 1, "V": 5), read by
    :mod:`docdiff.align.crosslang` so that "一、" = "1." = "I." pair as one label across languages."""
    numeral_rule: str = ""
    """How ``label_numerals`` combine: "han" (十三 = 13, 二十 = 20: a symbol of 10 or more multiplies what
    precedes it) or "roman" (IV = 4: a smaller symbol before a larger one subtracts)."""
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    """Further facts by name, for the rule modules that read them."""


_CONVERT: dict[str, Any] = {
    "months": _strings,
    "month_cues": _strings,
    "function_words": _strings,
    "common_words": _strings,
    "stemmer_for": _strings,
    "dateline_dates": _strings,
    "article_words": _strings,
    "article_frames": _strings,
    "numerals": lambda value: {str(k): int(v) for k, v in value.items()},
    "numeral_multipliers": lambda value: {str(k): int(v) for k, v in value.items()},
    "minor_words": lambda value: frozenset(_strings(value)),
    "commitment_intensifiers": _strings,
    "collective_subjects": _strings,
    "titles": _strings,
    "coordinators": _strings,
    "noun_guard": lambda value: frozenset(_strings(value)),
    "side_endings": _strings,
    "demonym_plural": _strings,
    "place_strong": _strings,
    "place_weak": _strings,
    "abbreviations": lambda value: frozenset(str(v).lower() for v in value),
    "enumeration_ends": lambda value: frozenset(_strings(value)),
    "date_rules": _date_rules,
    "month_variants": lambda value: {str(k): int(v) for k, v in value.items()},
    "kinds": lambda value: tuple((str(pattern), str(kind)) for pattern, kind in value),
    "label_numerals": lambda value: {str(k): int(v) for k, v in value.items()},
    "role_heads": lambda value: {str(k): str(v) for k, v in value.items()},
    "name_inflection_rules": _inflection_rules,
    "folded_letters": lambda value: {str(k): str(v) for k, v in value.items()},
}


def convert(key: str, value: Any) -> Any:
    """A ``pack.json`` value as the field ``key`` holds it (lists become tuples or frozensets)."""
    conversion = _CONVERT.get(key)
    return conversion(value) if conversion else value
