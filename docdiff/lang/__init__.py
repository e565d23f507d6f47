"""What docdiff knows about languages: detection, one pack per language, and the shared lexicons.

``docdiff/lang/<code>/pack.json`` holds the facts of one language
(:mod:`docdiff.lang.packs`, read by :func:`pack`); ``docdiff/lang/lexicon/``
the multilingual entity lists (:func:`lexicon`).  No module outside this
package names a language code: they read pack fields.
"""

from .lexicons import LEXICONS, lexicon
from .packs import (
    FALLBACK,
    LANGUAGES,
    DateRule,
    LanguagePack,
    add_pack_folder,
    has_pack,
    languages,
    pack,
    packs,
    remove_pack,
    stemming_pack,
)

__all__ = [
    "FALLBACK",
    "LANGUAGES",
    "LEXICONS",
    "DateRule",
    "LanguagePack",
    "add_pack_folder",
    "has_pack",
    "languages",
    "lexicon",
    "pack",
    "packs",
    "remove_pack",
    "stemming_pack",
]
