"""The one upload check every module uses: type by content (not by name) and size, before storing.

A module names the kinds it accepts (e.g. `toegestaan=(PDF, *KANTOORDOCUMENTEN)`) and calls
`valideer_upload` in its service before anything is written, so a rejected upload stores nothing.
"""

from __future__ import annotations

import csv
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _

# A compressed office file may unpack to at most this much, and this many times its own size:
# beyond that it is a zip bomb rather than a document.
MAX_UITGEPAKT = 500_000_000
MAX_VERHOUDING = 200


def _geen_extra_controle(bestand: IO[bytes]) -> bool:
    return True


@dataclass(frozen=True)
class Bestandssoort:
    naam: str
    mediatype: str
    handtekeningen: tuple[bytes, ...]
    # For containers (ZIP-based office formats) the first bytes are not enough: this looks inside.
    inhoud_klopt: Callable[[IO[bytes]], bool] = _geen_extra_controle


def _zip_onderdelen(bestand: IO[bytes]) -> dict[str, zipfile.ZipInfo] | None:
    try:
        with zipfile.ZipFile(bestand) as archief:
            onderdelen = {info.filename: info for info in archief.infolist()}
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    finally:
        bestand.seek(0)
    return onderdelen


def _ooxml(hoofddeel: str) -> Callable[[IO[bytes]], bool]:
    """Office Open XML (ISO/IEC 29500): a ZIP with [Content_Types].xml and the main part. Files
    with macros (vbaProject.bin, the .docm/.xlsm/.pptm formats) are refused: they can run code."""

    def controle(bestand: IO[bytes]) -> bool:
        onderdelen = _zip_onderdelen(bestand)
        if onderdelen is None or "[Content_Types].xml" not in onderdelen or hoofddeel not in onderdelen:
            return False
        if any(naam.lower().endswith("vbaproject.bin") for naam in onderdelen):
            return False
        return _geen_zipbom(onderdelen.values(), bestand)

    return controle


def _odf(mediatype: str) -> Callable[[IO[bytes]], bool]:
    """OpenDocument (ISO/IEC 26300, an open standard on the Forum Standaardisatie list): the first
    entry is an uncompressed file `mimetype` holding the media type."""

    def controle(bestand: IO[bytes]) -> bool:
        onderdelen = _zip_onderdelen(bestand)
        if onderdelen is None or "mimetype" not in onderdelen or "content.xml" not in onderdelen:
            return False
        if any(
            naam.lower().startswith("basic/") or naam.lower().startswith("scripts/") for naam in onderdelen
        ):
            return False  # LibreOffice Basic macros and scripts
        try:
            with zipfile.ZipFile(bestand) as archief:
                soort = archief.read("mimetype").decode("ascii", "replace").strip()
        # A damaged archive fails in many ways (a bad CRC, a truncated or corrupt deflate stream).
        except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, RuntimeError, zlib.error):
            return False
        finally:
            bestand.seek(0)
        return soort == mediatype and _geen_zipbom(onderdelen.values(), bestand)

    return controle


def _geen_zipbom(onderdelen: Iterable[zipfile.ZipInfo], bestand: IO[bytes]) -> bool:
    uitgepakt = sum(info.file_size for info in onderdelen)
    bestand.seek(0, 2)
    grootte = max(1, bestand.tell())
    bestand.seek(0)
    return uitgepakt <= MAX_UITGEPAKT and uitgepakt / grootte <= MAX_VERHOUDING


ZIP = (b"PK\x03\x04",)

PNG = Bestandssoort("PNG", "image/png", (b"\x89PNG\r\n\x1a\n",))
JPEG = Bestandssoort("JPEG", "image/jpeg", (b"\xff\xd8\xff",))
PDF = Bestandssoort("PDF", "application/pdf", (b"%PDF-",))
DOCX = Bestandssoort(
    "Word (docx)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ZIP,
    _ooxml("word/document.xml"),
)
XLSX = Bestandssoort(
    "Excel (xlsx)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ZIP,
    _ooxml("xl/workbook.xml"),
)
PPTX = Bestandssoort(
    "PowerPoint (pptx)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ZIP,
    _ooxml("ppt/presentation.xml"),
)
ODT = Bestandssoort(
    "OpenDocument-tekst (odt)",
    "application/vnd.oasis.opendocument.text",
    ZIP,
    _odf("application/vnd.oasis.opendocument.text"),
)
ODS = Bestandssoort(
    "OpenDocument-rekenblad (ods)",
    "application/vnd.oasis.opendocument.spreadsheet",
    ZIP,
    _odf("application/vnd.oasis.opendocument.spreadsheet"),
)
ODP = Bestandssoort(
    "OpenDocument-presentatie (odp)",
    "application/vnd.oasis.opendocument.presentation",
    ZIP,
    _odf("application/vnd.oasis.opendocument.presentation"),
)

# Reading more than this to judge a CSV file adds nothing: the start shows what it is.
CSV_PROEF = 256 * 1024
# A cell starting with one of these is a formula to a spreadsheet program, which would run it when
# a resident opens the file ("CSV injection"); published open data must never carry one.
_FORMULE_BEGIN = ("=", "@", "\t", "\r")


def _formule(cel: str) -> bool:
    if cel.startswith(_FORMULE_BEGIN):
        return True
    # "+" and "-" start a formula too, but also a signed number, which is data.
    if cel[:1] in ("+", "-") and len(cel) > 1:
        return not (cel[1].isdigit() or cel[1] in ".,")
    return False


def _csv(bestand: IO[bytes]) -> bool:
    """Comma-separated values (RFC 4180): UTF-8 text without NUL bytes whose lines parse as rows
    of the same number of fields (comma or semicolon, as Dutch spreadsheet programs write), and no
    cell a spreadsheet would run as a formula."""
    proef = bestand.read(CSV_PROEF)
    bestand.seek(0)
    if b"\x00" in proef:
        return False
    try:
        tekst = proef.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        if fout.start < len(proef) - 3:  # not just a character cut off at the end of the sample
            return False
        tekst = proef[: fout.start].decode("utf-8-sig")
    regels = tekst.splitlines()
    if len(proef) == CSV_PROEF and len(regels) > 1:
        regels = regels[:-1]  # the last line of a sample may be cut off
    if not regels or not regels[0].strip():
        return False
    scheiding = ";" if regels[0].count(";") > regels[0].count(",") else ","
    rijen = [rij for rij in csv.reader(regels, delimiter=scheiding) if rij]
    breedte = len(rijen[0])
    return all(len(rij) == breedte for rij in rijen) and not any(_formule(c) for rij in rijen for c in rij)


AFBEELDINGEN = (PNG, JPEG)
KANTOORDOCUMENTEN = (DOCX, XLSX, PPTX, ODT, ODS, ODP)
DOCUMENTEN = (PDF, *KANTOORDOCUMENTEN)
# Text has no signature: CSV is recognised by its content alone, so it goes last in a list.
CSV = Bestandssoort("CSV", "text/csv", (b"",), _csv)


def herken_soort(bestand: IO[bytes], toegestaan: Iterable[Bestandssoort]) -> Bestandssoort | None:
    bestand.seek(0)
    begin = bestand.read(16)
    bestand.seek(0)
    for soort in toegestaan:
        if any(begin.startswith(handtekening) for handtekening in soort.handtekeningen):
            if soort.inhoud_klopt(bestand):
                return soort
            bestand.seek(0)
    return None


def valideer_upload(
    bestand: UploadedFile[bytes], *, toegestaan: tuple[Bestandssoort, ...], max_bytes: int
) -> Bestandssoort:
    """Checks size and the file's real type from its content; raises ValidationError."""
    if bestand.size is None or bestand.size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="leeg")
    if bestand.size > max_bytes:
        raise ValidationError(
            _("Het bestand is groter dan %(max)s MB.")
            % {"max": number_format(max_bytes / 1_000_000, decimal_pos=1)},
            code="te_groot",
        )
    inhoud = bestand.file
    if inhoud is None:
        raise ValidationError(_("Het bestand is leeg."), code="leeg")
    soort = herken_soort(inhoud, toegestaan)
    if soort is None:
        namen = ", ".join(s.naam for s in toegestaan)
        raise ValidationError(
            _("Dit bestandstype is niet toegestaan; kies een bestand van het type %(namen)s.")
            % {"namen": namen},
            code="type",
        )
    return soort
