"""Reading the parts of a ZIP package (DOCX) within limits, and parsing their XML safely.

A DOCX is a ZIP archive of XML parts.  Nothing here trusts the archive's
own figures: members are counted before any is read (:data:`MAX_MEMBERS`),
each part is inflated in chunks and given up past :data:`MAX_PART_BYTES`
or past :data:`MAX_RATIO` times its compressed size (a zip bomb declares
small sizes and expands without end), and the parts read together stay
under :data:`MAX_TOTAL_BYTES`.  XML is parsed by lxml with entities left
unresolved, no network, no DTD and libxml2's default depth and size limits
(``huge_tree`` off); a part that declares a DOCTYPE (Word never writes one)
is refused before it is parsed, which shuts out XXE and entity expansion.
Relationships to external targets are never fetched: docdiff does not read
them at all.
"""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

from ..errors import InputError, UnsafeInputError

__all__ = ["MAX_MEMBERS", "MAX_PART_BYTES", "MAX_RATIO", "MAX_TOTAL_BYTES", "Package"]

#: Members an archive may list (a Word document has a few dozen).
MAX_MEMBERS = 2000
#: Bytes one XML part may expand to.
MAX_PART_BYTES = 64 * 1024 * 1024
#: Bytes all the parts read may expand to together.
MAX_TOTAL_BYTES = 128 * 1024 * 1024
#: How many times its compressed size a part may expand (XML compresses ~10:1, bombs 1000:1).
MAX_RATIO = 200

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_CHUNK = 1 << 20


class Package:
    """An opened ZIP package: :meth:`part` gives a member's bytes, :meth:`xml` its parsed root."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        self._read = 0
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except Exception as exc:
            # BadZipFile, but also NotImplementedError (a version or method it lacks), struct and
            # Unicode errors from a damaged directory: each is a refusal of this file.
            raise InputError(
                f"{name}: is not a readable ZIP archive ({exc}); the file may be truncated"
            ) from None
        if len(infos) > MAX_MEMBERS:
            raise UnsafeInputError(
                f"{name}: the archive lists {len(infos)} members (over {MAX_MEMBERS}); refused"
            )
        self._infos = {info.filename: info for info in infos}

    def has(self, member: str) -> bool:
        """Whether the archive holds ``member``."""
        return member in self._infos

    def part(self, member: str) -> bytes:
        """The inflated bytes of ``member``, within the limits."""
        info = self._infos[member]
        if info.flag_bits & 0x1:
            raise InputError(f"{self.name}: {member} is encrypted; save an unprotected copy and read that")
        limit = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self._read, max(info.compress_size, 4096) * MAX_RATIO)
        out = bytearray()
        try:
            with self._zip.open(info) as handle:
                while chunk := handle.read(_CHUNK):
                    out += chunk
                    if len(out) > limit:
                        raise UnsafeInputError(
                            f"{self.name}: {member} expands past {limit} bytes "
                            f"(ratio or size limit, a zip bomb?); refused"
                        )
        except UnsafeInputError:
            raise
        except Exception as exc:
            # zipfile, zlib and CRC checks raise many kinds on a damaged member: each is a refusal.
            raise InputError(
                f"{self.name}: {member} cannot be read ({exc}); the file may be damaged"
            ) from None
        self._read += len(out)
        return bytes(out)

    def xml(self, member: str) -> etree._Element:
        """The root element of the XML part ``member``, parsed without entities, DTD or network."""
        data = self.part(member)
        if _DOCTYPE.search(data):
            raise UnsafeInputError(
                f"{self.name}: {member} declares a DOCTYPE or entities (XXE or entity expansion); refused"
            )
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
        )
        try:
            return etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise InputError(
                f"{self.name}: {member} is not well-formed XML ({exc}); the file may be damaged"
            ) from None
