"""The names of docdiff's Akoma Ntoso: namespaces, the proprietary block's version, language codes.

Shared by the reader (:mod:`docdiff.read.akn`) and the writer
(:mod:`docdiff.render.document_akn`), so that neither imports the other.
"""

from __future__ import annotations

__all__ = ["AKN_NS", "DOCDIFF_NS", "DOCDIFF_VERSION", "LANGUAGE_639_2"]

#: The Akoma Ntoso 3.0 namespace.
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: The namespace of docdiff's own attributes and proprietary metadata.
DOCDIFF_NS = "urn:docdiff:akn:1"
#: Version of the proprietary block's layout.
DOCDIFF_VERSION = "1"
#: ISO 639-1 to ISO 639-2/T, as Akoma Ntoso's FRBRlanguage wants it.
LANGUAGE_639_2 = {
    "ar": "ara", "az": "aze", "be": "bel", "de": "deu", "en": "eng", "es": "spa", "fa": "fas",
    "fr": "fra", "hi": "hin", "hy": "hye", "it": "ita", "ja": "jpn", "ka": "kat", "kk": "kaz",
    "ko": "kor", "ky": "kir", "mn": "mon", "pt": "por", "ru": "rus", "tg": "tgk", "tk": "tuk",
    "tr": "tur", "uk": "ukr", "uz": "uzb", "vi": "vie", "zh": "zho",
}  # fmt: skip
