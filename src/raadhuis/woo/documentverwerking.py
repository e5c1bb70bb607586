"""Document processing for Woo requests (issue 9, point 3): what was uploaded becomes inventory items.

Pure functions, no models: the Woo request screens store what comes out.

1. `verwerken(naam, inhoud)` recognises the type by content (magic bytes and, for ZIP-based office
   files, what is inside; raadhuis.core.uploads), never by the file name, and returns one item
   (`Bronstuk`) per document: a PDF, an e-mail (EML) followed by its attachments (recursively, a
   forwarded .eml inside an .eml too), an image (no OCR: `ocr_nodig`), plain text, or an office
   file (text from its XML; `pdf_conversie_nodig`, since converting to PDF needs LibreOffice, a
   later step). Unknown or unsafe content is refused with a ValidationError; the limits below
   guard against zip bombs, image bombs, deep nesting and huge inputs.
2. `exacte_dubbelen` groups items with the same SHA-256 of their content; `bijna_dubbelen` finds
   near duplicates (a reply quoting the original, the same letter saved twice) with word 5-gram
   shingles on normalised text; `draden` groups e-mails of one thread (same normalised subject,
   shared participants).
3. `inventaris` numbers the items for the inventarislijst of the Woo decision (woo.md, section 3).

Near-duplicate method (chosen for a few thousand documents): every text becomes the set of its
word 5-grams (hashed to ints). Identical sets are grouped by a hash of the set; the rest are
compared through an inverted index (shingle -> documents), which counts the shared shingles of
exactly those pairs that share any, so the Jaccard index and the containment are exact, not
estimated as with MinHash. Shingles found in more than `MAX_DOCUMENTFREQUENTIE` documents
(disclaimers, signatures) are left out of the index so that boilerplate does not make every pair
a candidate; candidate pairs are then scored on their full sets.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import html
import io
import re
import struct
import unicodedata
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from html.parser import HTMLParser
from pathlib import PurePath
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pymupdf
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from raadhuis.core import uploads

# --- kinds and limits -------------------------------------------------------------------------

PDF = "pdf"
EMAIL = "e-mail"
# An attachment inside an e-mail that could not be read (unknown format, damaged): it is still
# listed, so nothing in scope of the request silently disappears from the inventory.
BIJLAGE = "bijlage"
AFBEELDING = "afbeelding"
TEKST = "tekst"
KANTOORDOCUMENT = "kantoordocument"

MAX_GROOTTE = 100_000_000  # bytes per upload
MAX_DIEPTE = 4  # an e-mail attachment is depth 1, an attachment of a forwarded e-mail depth 2, ...
MAX_ONDERDELEN = 1_000  # items from one upload
MAX_UITGEPAKT = 50_000_000  # bytes of XML read from one office file
MAX_VERHOUDING = 100  # uncompressed / compressed size of an office file
MAX_PIXELS = 250_000_000  # width x height of an image (an A3 scan at 600 dpi is 70 million)
MAX_PAGINAS = 5_000
MAX_TEKST = 10_000_000  # characters of extracted text per item; the rest is cut off

SHINGLE_WOORDEN = 5
MIN_SHINGLES = 5  # texts with fewer shingles (about 9 words) are too short to call near duplicates
MAX_DOCUMENTFREQUENTIE = 250

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_KANTOOR = {
    uploads.DOCX: ("word/document.xml",),
    uploads.XLSX: ("xl/sharedStrings.xml",),
    uploads.PPTX: (),  # slides are found by name below
    uploads.ODT: ("content.xml",),
    uploads.ODS: ("content.xml",),
    uploads.ODP: ("content.xml",),
}
_HERKENBAAR = (uploads.PDF, uploads.PNG, uploads.JPEG, *uploads.KANTOORDOCUMENTEN)

# A file name that promises one of these types must hold it; a mismatch is refused (a ".pdf" that
# is not a PDF is either damaged or disguised).
_EXTENSIES: dict[str, tuple[str, ...]] = {
    ".pdf": (uploads.PDF.mediatype,),
    ".png": (uploads.PNG.mediatype,),
    ".jpg": (uploads.JPEG.mediatype,),
    ".jpeg": (uploads.JPEG.mediatype,),
    ".docx": (uploads.DOCX.mediatype,),
    ".xlsx": (uploads.XLSX.mediatype,),
    ".pptx": (uploads.PPTX.mediatype,),
    ".odt": (uploads.ODT.mediatype,),
    ".ods": (uploads.ODS.mediatype,),
    ".odp": (uploads.ODP.mediatype,),
    ".eml": ("message/rfc822",),
}


@dataclass(frozen=True)
class Bronstuk:
    """One document found in an upload.

    `sleutel` identifies it within the request: the source (`bron`, the upload's identifier) plus
    its path inside it (`pad`: () for the upload itself, (2,) for the second attachment, (2, 1) for
    the first attachment of that one); `ouder` is the parent's `sleutel` for an attachment.
    `datum` is timezone-aware (a date without zone is read as Dutch local time).
    """

    sleutel: str
    bron: str
    pad: tuple[int, ...]
    ouder: str | None
    naam: str
    titel: str
    soort: str
    mediatype: str
    datum: datetime | None
    afzender: str
    ontvangers: tuple[str, ...]
    tekst: str
    sha256: str
    grootte: int
    paginas: int | None
    ocr_nodig: bool = False
    pdf_conversie_nodig: bool = False
    waarschuwingen: tuple[str, ...] = ()
    bericht_id: str = ""  # e-mail: Message-ID
    verwijzingen: tuple[str, ...] = ()  # e-mail: the Message-IDs in In-Reply-To and References
    inhoud: bytes = field(default=b"", repr=False, compare=False)

    @property
    def diepte(self) -> int:
        return len(self.pad)


@dataclass(frozen=True)
class Gelijkenis:
    """Two items that are near duplicates. `jaccard` is |A ∩ B| / |A ∪ B| of their shingle sets;
    `omvat` is |A ∩ B| / min(|A|, |B|): 1.0 when the shorter text is wholly in the longer one, as an
    original quoted in a reply."""

    a: str
    b: str
    jaccard: float
    omvat: float


@dataclass(frozen=True)
class Inventarisregel:
    nummer: str
    sleutel: str
    datum: date | None
    soort: str
    bron: str
    titel: str
    dubbel_van: str | None  # the number of the item with the same content (exact duplicate)
    verwant_aan: tuple[str, ...]  # numbers of near duplicates (quoted replies, re-saved copies)


_GEVAARLIJK = frozenset({"te_groot", "te_diep", "te_veel", "zipbom", "dtd"})


# What a damaged ZIP or PDF can raise while it is read (MuPDF's own errors are not RuntimeErrors).
_ZIPFOUTEN = (zipfile.BadZipFile, zlib.error, KeyError, OSError, EOFError, ValueError, RuntimeError)
_PDFFOUTEN = (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)


def _fout(bericht: str, code: str) -> ValidationError:
    return ValidationError({"bestand": ValidationError(bericht, code=code)})


# --- recognising and processing ---------------------------------------------------------------


def verwerken(naam: str, inhoud: bytes, *, bron: str | None = None) -> list[Bronstuk]:
    """The items in one upload, the upload first and every attachment right after its parent.

    `bron` identifies the upload within the request (the stored document's id); it defaults to
    `naam`. Raises ValidationError (field `bestand`) for unknown, damaged or unsafe content.
    """
    if not inhoud:
        raise _fout(_("Het bestand is leeg."), "leeg")
    if len(inhoud) > MAX_GROOTTE:
        raise _fout(
            _("Het bestand is groter dan %(max)s MB.") % {"max": MAX_GROOTTE // 1_000_000}, "te_groot"
        )
    verwerker = _Verwerker(bron or naam)
    verwerker.stuk(naam, inhoud, pad=(), ouder=None)
    return verwerker.items


@dataclass
class _Verwerker:
    bron: str
    items: list[Bronstuk] = field(default_factory=list)

    def sleutel(self, pad: tuple[int, ...]) -> str:
        return self.bron if not pad else f"{self.bron}#{'.'.join(map(str, pad))}"

    def stuk(self, naam: str, inhoud: bytes, *, pad: tuple[int, ...], ouder: str | None) -> None:
        if len(pad) > MAX_DIEPTE:
            raise _fout(
                _("De bijlagen zijn dieper genest dan %(max)s niveaus; dit wordt niet verwerkt.")
                % {"max": MAX_DIEPTE},
                "te_diep",
            )
        if len(self.items) >= MAX_ONDERDELEN:
            raise _fout(
                _("Het bestand bevat meer dan %(max)s documenten.") % {"max": MAX_ONDERDELEN},
                "te_veel",
            )
        soort = _herkennen(inhoud)
        if soort is None:
            if not pad:
                raise _fout(
                    _(
                        "Dit bestandstype wordt niet herkend of is niet toegestaan; lever een PDF, "
                        "e-mail (EML), afbeelding (PNG, JPEG), tekst of kantoordocument aan."
                    ),
                    "type",
                )
            self.onleesbaar(naam, inhoud, pad, ouder, _("Onbekend bestandstype; niet verwerkt."))
            return
        verwacht = _EXTENSIES.get(PurePath(naam).suffix.lower())
        if verwacht is not None and soort not in verwacht:
            bericht = _("De inhoud van %(naam)s past niet bij de extensie: het is geen %(soort)s.") % {
                "naam": naam,
                "soort": PurePath(naam).suffix.lower().lstrip(".").upper(),
            }
            if not pad:
                raise _fout(bericht, "type")
            self.onleesbaar(naam, inhoud, pad, ouder, bericht)
            return
        if soort == "message/rfc822":
            self.email(naam, inhoud, pad, ouder)
            return
        try:
            if soort == uploads.PDF.mediatype:
                gegevens = _pdf(naam, inhoud)
            elif soort in (uploads.PNG.mediatype, uploads.JPEG.mediatype):
                gegevens = _afbeelding(naam, inhoud, soort)
            elif soort == "text/plain":
                gegevens = _tekst(inhoud)
            else:
                gegevens = _kantoor(naam, inhoud, soort)
        except ValidationError as fout:
            # A damaged or encrypted attachment is listed, not a reason to refuse its e-mail;
            # a threat (zip bomb, image bomb, XML with entities) refuses the whole upload.
            codes = {e.code for fouten in fout.error_dict.values() for e in fouten}
            if not pad or codes & _GEVAARLIJK:
                raise
            self.onleesbaar(naam, inhoud, pad, ouder, " ".join(fout.messages))
            return
        self.voeg_toe(gegevens, naam, inhoud, pad, ouder, soort)

    def voeg_toe(
        self,
        gegevens: _Gegevens,
        naam: str,
        inhoud: bytes,
        pad: tuple[int, ...],
        ouder: str | None,
        mediatype: str,
    ) -> str:
        sleutel = self.sleutel(pad)
        tekst = gegevens.tekst
        waarschuwingen = list(gegevens.waarschuwingen)
        if len(tekst) > MAX_TEKST:
            tekst = tekst[:MAX_TEKST]
            waarschuwingen.append(
                _("De tekst is afgekapt na %(max)s tekens.") % {"max": f"{MAX_TEKST:,}".replace(",", ".")}
            )
        self.items.append(
            Bronstuk(
                sleutel=sleutel,
                bron=self.bron,
                pad=pad,
                ouder=ouder,
                naam=naam,
                titel=gegevens.titel or naam,
                soort=gegevens.soort,
                mediatype=mediatype,
                datum=gegevens.datum,
                afzender=gegevens.afzender,
                ontvangers=gegevens.ontvangers,
                tekst=tekst,
                sha256=hashlib.sha256(inhoud).hexdigest(),
                grootte=len(inhoud),
                paginas=gegevens.paginas,
                ocr_nodig=gegevens.ocr_nodig,
                pdf_conversie_nodig=gegevens.pdf_conversie_nodig,
                waarschuwingen=tuple(waarschuwingen),
                bericht_id=gegevens.bericht_id,
                verwijzingen=gegevens.verwijzingen,
                inhoud=inhoud,
            )
        )
        return sleutel

    def onleesbaar(
        self, naam: str, inhoud: bytes, pad: tuple[int, ...], ouder: str | None, reden: str
    ) -> None:
        gegevens = _Gegevens(soort=BIJLAGE, titel=naam, waarschuwingen=(reden,))
        self.voeg_toe(gegevens, naam, inhoud, pad, ouder, "application/octet-stream")

    def email(self, naam: str, inhoud: bytes, pad: tuple[int, ...], ouder: str | None) -> None:
        bericht = email.message_from_bytes(inhoud, policy=email.policy.default)
        if not isinstance(bericht, EmailMessage):  # pragma: no cover - the default policy gives one
            raise _fout(_("Dit e-mailbericht kan niet worden gelezen."), "email")
        sleutel = self.voeg_toe(_email_gegevens(bericht), naam, inhoud, pad, ouder, "message/rfc822")
        for volgnummer, (bijlagenaam, bijlage) in enumerate(_bijlagen(bericht), start=1):
            self.stuk(bijlagenaam, bijlage, pad=(*pad, volgnummer), ouder=sleutel)


@dataclass(frozen=True)
class _Gegevens:
    soort: str
    titel: str = ""
    tekst: str = ""
    datum: datetime | None = None
    afzender: str = ""
    ontvangers: tuple[str, ...] = ()
    paginas: int | None = None
    ocr_nodig: bool = False
    pdf_conversie_nodig: bool = False
    waarschuwingen: tuple[str, ...] = ()
    bericht_id: str = ""
    verwijzingen: tuple[str, ...] = ()


_HEADERREGEL = re.compile(rb"^[!-9;-~]+:")
_EMAILHEADERS = {b"date", b"subject", b"to", b"message-id", b"mime-version", b"received"}


def _herkennen(inhoud: bytes) -> str | None:
    """The media type by content: magic bytes (core.uploads, which also looks inside office ZIPs),
    then an RFC 5322 header block for e-mail, then decodable text. None when unknown."""
    if inhoud.startswith(uploads.ZIP):
        _zipbom_weren(inhoud)
    try:
        soort = uploads.herken_soort(io.BytesIO(inhoud), _HERKENBAAR)
    except _ZIPFOUTEN:
        return None  # a damaged ZIP (core.uploads catches only part of what zipfile raises)
    if soort is not None:
        return soort.mediatype
    if _is_email(inhoud):
        return "message/rfc822"
    if _als_tekst(inhoud) is not None:
        return "text/plain"
    return None


def _zipbom_weren(inhoud: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            uitgepakt = sum(info.file_size for info in archief.infolist())
    except _ZIPFOUTEN:
        return  # not a readable ZIP: recognised as nothing, refused as unknown
    if uitgepakt > MAX_UITGEPAKT or uitgepakt > MAX_VERHOUDING * len(inhoud):
        raise _fout(
            _("Het bestand pakt uit tot %(mb)s MB; dat lijkt een zipbom en wordt niet verwerkt.")
            % {"mb": uitgepakt // 1_000_000},
            "zipbom",
        )


def _is_email(inhoud: bytes) -> bool:
    kop = inhoud[:16_384].replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    regels = kop.split(b"\n")
    if regels and regels[0].startswith(b"From "):  # mbox separator line
        regels = regels[1:]
    namen: set[bytes] = set()
    for regel in regels:
        if regel[:1] in (b" ", b"\t"):
            continue  # folded header
        if not _HEADERREGEL.match(regel):
            return False
        namen.add(regel.split(b":", 1)[0].strip().lower())
    return b"from" in namen and bool(namen & _EMAILHEADERS)


_STUURTEKENS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _als_tekst(inhoud: bytes) -> str | None:
    """UTF-8 (with or without BOM) or, failing that, Windows-1252 without control characters."""
    if inhoud.startswith(b"\xef\xbb\xbf"):
        inhoud = inhoud[3:]
    try:
        tekst = inhoud.decode("utf-8")
    except UnicodeDecodeError:
        try:
            tekst = inhoud.decode("cp1252")
        except UnicodeDecodeError:
            return None
    return None if _STUURTEKENS.search(tekst) else tekst


# --- per type ---------------------------------------------------------------------------------


def _pdf(naam: str, inhoud: bytes) -> _Gegevens:
    try:
        document = pymupdf.open(stream=inhoud, filetype="pdf")  # type: ignore[no-untyped-call]
    except _PDFFOUTEN as fout:
        raise _fout(_("%(naam)s is geen leesbaar PDF-bestand.") % {"naam": naam}, "pdf") from fout
    try:
        return _pdf_lezen(document, naam)
    except _PDFFOUTEN as fout:
        raise _fout(_("%(naam)s is geen leesbaar PDF-bestand.") % {"naam": naam}, "pdf") from fout
    finally:
        document.close()  # type: ignore[no-untyped-call]


def _pdf_lezen(document: pymupdf.Document, naam: str) -> _Gegevens:
    if document.needs_pass:
        raise _fout(
            _("%(naam)s is versleuteld; lever het zonder wachtwoord aan.") % {"naam": naam},
            "versleuteld",
        )
    aantal: int = document.page_count
    if aantal == 0:
        raise _fout(_("%(naam)s is geen leesbaar PDF-bestand.") % {"naam": naam}, "pdf")
    if aantal > MAX_PAGINAS:
        raise _fout(
            _("%(naam)s heeft meer dan %(max)s pagina's.") % {"naam": naam, "max": MAX_PAGINAS},
            "te_groot",
        )
    delen: list[str] = []
    lengte = 0
    zonder_tekst = 0
    for nummer in range(aantal):
        pagina = document.load_page(nummer)  # type: ignore[no-untyped-call]
        paginatekst: str = pagina.get_text()
        if not paginatekst.strip():
            zonder_tekst += 1
        delen.append(paginatekst)
        lengte += len(paginatekst)
        if lengte > MAX_TEKST:
            break
    metadata: dict[str, str] = document.metadata or {}
    waarschuwingen: list[str] = []
    if zonder_tekst:
        waarschuwingen.append(
            _("%(aantal)s van %(totaal)s pagina's zonder tekst: mogelijk een scan, OCR nodig.")
            % {"aantal": zonder_tekst, "totaal": aantal}
        )
    if document.embfile_count():
        waarschuwingen.append(_("De PDF bevat ingesloten bestanden; die zijn niet verwerkt."))
    return _Gegevens(
        soort=PDF,
        titel=(metadata.get("title") or "").strip(),
        tekst="\f".join(delen),
        datum=_pdf_datum(metadata.get("creationDate") or ""),
        paginas=aantal,
        ocr_nodig=zonder_tekst > 0,
        waarschuwingen=tuple(waarschuwingen),
    )


_PDF_DATUM = re.compile(
    r"^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?"
)


def _pdf_datum(waarde: str) -> datetime | None:
    """A PDF date (ISO 32000-1, 7.9.4): D:YYYYMMDDHHmmSSOHH'mm'; without O it is local time."""
    treffer = _PDF_DATUM.match(waarde.strip())
    if treffer is None:
        return None
    jaar = int(treffer.group(1))
    maand, dag = int(treffer.group(2) or 1), int(treffer.group(3) or 1)
    uur, minuut, seconde = (int(treffer.group(i) or 0) for i in (4, 5, 6))
    teken, uren, minuten = treffer.group(7), int(treffer.group(8) or 0), int(treffer.group(9) or 0)
    try:
        if teken is None:
            return datetime(jaar, maand, dag, uur, minuut, seconde, tzinfo=AMSTERDAM)
        verschuiving = (uren * 60 + minuten) * (-1 if teken == "-" else 1)
        return datetime(
            jaar, maand, dag, uur, minuut, seconde, tzinfo=timezone(timedelta(minutes=verschuiving))
        )
    except ValueError:
        return None


def _afbeelding(naam: str, inhoud: bytes, mediatype: str) -> _Gegevens:
    afmetingen = _png_afmetingen(inhoud) if mediatype == uploads.PNG.mediatype else _jpeg_afmetingen(inhoud)
    if afmetingen is None:
        raise _fout(_("%(naam)s is geen leesbare afbeelding.") % {"naam": naam}, "afbeelding")
    breedte, hoogte = afmetingen
    if breedte * hoogte > MAX_PIXELS:
        raise _fout(
            _("%(naam)s is te groot (%(breedte)s × %(hoogte)s pixels).")
            % {"naam": naam, "breedte": breedte, "hoogte": hoogte},
            "te_groot",
        )
    return _Gegevens(
        soort=AFBEELDING,
        paginas=1,
        ocr_nodig=True,
        waarschuwingen=(_("Afbeelding: er is geen tekst uitgelezen (geen OCR)."),),
    )


def _png_afmetingen(inhoud: bytes) -> tuple[int, int] | None:
    if len(inhoud) < 24 or inhoud[12:16] != b"IHDR":
        return None
    breedte, hoogte = struct.unpack(">II", inhoud[16:24])
    return (breedte, hoogte) if breedte and hoogte else None


def _jpeg_afmetingen(inhoud: bytes) -> tuple[int, int] | None:
    """Width and height from the first SOF marker (ITU T.81, B.2.2), without decoding pixels."""
    positie = 2
    while positie + 9 <= len(inhoud):
        if inhoud[positie] != 0xFF:
            return None
        marker = inhoud[positie + 1]
        if marker == 0xFF:
            positie += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            positie += 2
            continue
        (lengte,) = struct.unpack(">H", inhoud[positie + 2 : positie + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            hoogte, breedte = struct.unpack(">HH", inhoud[positie + 5 : positie + 9])
            return (breedte, hoogte) if breedte and hoogte else None
        positie += 2 + lengte
    return None


def _tekst(inhoud: bytes) -> _Gegevens:
    tekst = _als_tekst(inhoud) or ""
    if re.match(r"\s*(<!doctype html|<html)", tekst[:200], re.IGNORECASE):
        tekst = _html_naar_tekst(tekst)
    return _Gegevens(soort=TEKST, tekst=tekst, paginas=None)


# --- office files -----------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"

# Word parts read in this order: the body, then headers, footers, footnotes, endnotes, comments.
_WORD_DELEN = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")


def _kantoor(naam: str, inhoud: bytes, mediatype: str) -> _Gegevens:
    """Text from the XML inside an OOXML (ISO/IEC 29500) or ODF (ISO/IEC 26300) file. Conversion to
    PDF for redaction needs LibreOffice and is a later step: `pdf_conversie_nodig`."""
    waarschuwingen: list[str] = []
    budget = [MAX_UITGEPAKT]
    try:
        with zipfile.ZipFile(io.BytesIO(inhoud)) as archief:
            namen = archief.namelist()
            if mediatype == uploads.DOCX.mediatype:
                volgorde = sorted(
                    (n for n in namen if _WORD_DELEN.match(n)),
                    key=lambda n: (n != "word/document.xml", n),
                )
                wortels = [_xml(archief, n, budget) for n in volgorde]
                delen = [_word_tekst(wortel) for wortel in wortels]
                if "word/comments.xml" in namen:
                    waarschuwingen.append(_("Het document bevat opmerkingen; die staan in de tekst."))
                if any(wortel.find(f".//{_W}del") is not None for wortel in wortels):
                    waarschuwingen.append(
                        _("Het document bevat bijgehouden wijzigingen met verwijderde tekst.")
                    )
                tekst = "\n".join(d for d in delen if d)
                titel, datum = _ooxml_kern(archief, budget)
            elif mediatype == uploads.XLSX.mediatype:
                delen = []
                for n in sorted(
                    n
                    for n in namen
                    if n == "xl/sharedStrings.xml" or re.match(r"^xl/worksheets/sheet\d+\.xml$", n)
                ):
                    wortel = _xml(archief, n, budget)
                    delen.extend(_alle_tekst(wortel, f"{_S}t"))
                tekst = "\n".join(delen)
                titel, datum = _ooxml_kern(archief, budget)
            elif mediatype == uploads.PPTX.mediatype:
                dia_s = sorted(
                    (n for n in namen if re.match(r"^ppt/(slides/slide|notesSlides/notesSlide)\d+\.xml$", n)),
                    key=lambda n: (n.startswith("ppt/notes"), int(re.sub(r"\D", "", n.rsplit("/", 1)[1]))),
                )
                tekst = "\n".join(
                    "\n".join(_paragrafen(_xml(archief, n, budget), f"{_A}p", f"{_A}t")) for n in dia_s
                )
                titel, datum = _ooxml_kern(archief, budget)
            else:
                wortel = _xml(archief, "content.xml", budget)
                tekst = "\n".join(_odf_paragrafen(wortel))
                titel, datum = _odf_meta(archief, budget)
    except (*_ZIPFOUTEN, ElementTree.ParseError) as fout:
        raise _fout(_("%(naam)s is geen leesbaar kantoordocument.") % {"naam": naam}, "kantoor") from fout
    waarschuwingen.append(_("Omzetten naar PDF is nog nodig voor beoordelen en lakken."))
    return _Gegevens(
        soort=KANTOORDOCUMENT,
        titel=titel,
        tekst=tekst,
        datum=datum,
        pdf_conversie_nodig=True,
        waarschuwingen=tuple(waarschuwingen),
    )


def _xml(archief: zipfile.ZipFile, naam: str, budget: list[int]) -> ElementTree.Element:
    """Reads one XML part within the remaining budget of uncompressed bytes (the declared sizes may
    lie; zipfile stops at the declared size and this stops at the budget). DTDs are refused: office
    XML has none, and entity declarations are how XML bombs work."""
    with archief.open(naam) as deel:
        data = deel.read(budget[0] + 1)
    if len(data) > budget[0]:
        raise _fout(_("Het bestand pakt te groot uit; dat lijkt een zipbom."), "zipbom")
    budget[0] -= len(data)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise _fout(_("Het kantoordocument bevat een DTD; dat wordt niet verwerkt."), "dtd")
    return ElementTree.fromstring(data)  # noqa: S314 - no DTD, so no entity expansion (checked above)


def _alle_tekst(wortel: ElementTree.Element, tag: str) -> list[str]:
    return [element.text or "" for element in wortel.iter(tag) if element.text]


def _paragrafen(wortel: ElementTree.Element, paragraaf: str, tekst: str) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(tekst)) for p in wortel.iter(paragraaf)]


def _word_tekst(wortel: ElementTree.Element) -> str:
    regels: list[str] = []
    for alinea in wortel.iter(f"{_W}p"):
        stukken: list[str] = []
        for element in alinea.iter():
            if element.tag in (f"{_W}t", f"{_W}delText"):
                stukken.append(element.text or "")
            elif element.tag == f"{_W}tab":
                stukken.append("\t")
            elif element.tag in (f"{_W}br", f"{_W}cr"):
                stukken.append("\n")
        regels.append("".join(stukken))
    return "\n".join(regels).strip("\n")


def _odf_paragrafen(wortel: ElementTree.Element) -> list[str]:
    def tekst_van(element: ElementTree.Element) -> str:
        stukken = [element.text or ""]
        for kind in element:
            if kind.tag == f"{_TEXT}s":
                stukken.append(" " * int(kind.get(f"{_TEXT}c", "1")))
            elif kind.tag == f"{_TEXT}tab":
                stukken.append("\t")
            elif kind.tag == f"{_TEXT}line-break":
                stukken.append("\n")
            else:
                stukken.append(tekst_van(kind))
            stukken.append(kind.tail or "")
        return "".join(stukken)

    return [tekst_van(e) for e in wortel.iter() if e.tag in (f"{_TEXT}p", f"{_TEXT}h")]


def _iso_datum(waarde: str | None) -> datetime | None:
    if not waarde:
        return None
    try:
        moment = datetime.fromisoformat(waarde.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=AMSTERDAM)


def _ooxml_kern(archief: zipfile.ZipFile, budget: list[int]) -> tuple[str, datetime | None]:
    if "docProps/core.xml" not in archief.namelist():
        return "", None
    wortel = _xml(archief, "docProps/core.xml", budget)
    titel = wortel.findtext(f"{_DC}title") or ""
    return titel.strip(), _iso_datum(wortel.findtext(f"{_DCTERMS}created"))


def _odf_meta(archief: zipfile.ZipFile, budget: list[int]) -> tuple[str, datetime | None]:
    if "meta.xml" not in archief.namelist():
        return "", None
    wortel = _xml(archief, "meta.xml", budget)
    titel = wortel.findtext(f".//{_DC}title") or ""
    return titel.strip(), _iso_datum(wortel.findtext(f".//{_META}creation-date"))


# --- e-mail -----------------------------------------------------------------------------------


def _adressen(bericht: EmailMessage, *koppen: str) -> tuple[str, ...]:
    waarden = [str(w) for kop in koppen for w in (bericht.get_all(kop) or [])]
    return tuple(f"{naam} <{adres}>" if naam else adres for naam, adres in getaddresses(waarden) if adres)


def _email_gegevens(bericht: EmailMessage) -> _Gegevens:
    """Headers (RFC 5322) and the body: text/plain preferred, otherwise HTML turned into text."""
    waarschuwingen: list[str] = []
    try:
        datumkop = bericht["date"]
        datum: datetime | None = getattr(datumkop, "datetime", None) if datumkop is not None else None
    except (TypeError, ValueError):
        datum = None
    if datum is not None and datum.tzinfo is None:
        datum = datum.replace(tzinfo=UTC)  # RFC 5322 "-0000": time in UTC, zone unknown
    tekst = ""
    body = bericht.get_body(preferencelist=("plain", "html"))
    if body is not None:
        try:
            inhoud = body.get_content()
        except (LookupError, ValueError):
            inhoud = ""
            waarschuwingen.append(_("De tekst van het bericht kan niet worden gelezen."))
        if isinstance(inhoud, str):
            tekst = _html_naar_tekst(inhoud) if body.get_content_subtype() == "html" else inhoud
    afzenders = _adressen(bericht, "from")
    verwijzingen = " ".join(str(bericht[kop] or "") for kop in ("in-reply-to", "references"))
    return _Gegevens(
        soort=EMAIL,
        titel=str(bericht["subject"] or "").strip() or _("(geen onderwerp)"),
        tekst=tekst,
        datum=datum,
        afzender=afzenders[0] if afzenders else "",
        ontvangers=_adressen(bericht, "to", "cc", "bcc"),
        waarschuwingen=tuple(waarschuwingen),
        bericht_id=str(bericht["message-id"] or "").strip(),
        verwijzingen=tuple(dict.fromkeys(re.findall(r"<[^<>\s]+>", verwijzingen))),
    )


def _bijlagen(bericht: EmailMessage) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) per attachment; a forwarded message (message/rfc822) as its own bytes."""
    for nummer, deel in enumerate(bericht.iter_attachments(), start=1):
        if not isinstance(deel, EmailMessage):  # pragma: no cover - the default policy gives one
            continue
        naam = deel.get_filename() or ""
        if deel.get_content_type() == "message/rfc822":
            binnen = deel.get_payload(0)
            if isinstance(binnen, EmailMessage):
                try:
                    doorgestuurd = binnen.as_bytes()
                except (LookupError, UnicodeError, ValueError):
                    doorgestuurd = b""
                yield (naam or f"{binnen['subject'] or _('bericht')}.eml", doorgestuurd)
            continue
        if deel.is_multipart():
            yield from _bijlagen(deel)
            continue
        data = deel.get_payload(decode=True)
        yield (naam or f"bijlage-{nummer}", data if isinstance(data, bytes) else b"")


class _HtmlTekst(HTMLParser):
    _BLOKKEN = frozenset(
        {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stukken: list[str] = []
        self.overslaan = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self.overslaan += 1
        elif tag in self._BLOKKEN:
            self.stukken.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self.overslaan = max(0, self.overslaan - 1)
        elif tag in self._BLOKKEN:
            self.stukken.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.overslaan:
            self.stukken.append(data)


def _html_naar_tekst(bron: str) -> str:
    parser = _HtmlTekst()
    parser.feed(bron)
    parser.close()
    tekst = html.unescape("".join(parser.stukken))
    regels = (" ".join(regel.split()) for regel in tekst.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(regels)).strip()


# --- duplicates -------------------------------------------------------------------------------


def exacte_dubbelen(items: Iterable[Bronstuk]) -> list[tuple[Bronstuk, ...]]:
    """Groups (of two or more) with the same SHA-256 of their content, each in inventory order
    (oldest first): the first is the one the others duplicate."""
    groepen: dict[str, list[Bronstuk]] = defaultdict(list)
    for item in items:
        groepen[item.sha256].append(item)
    return sorted(
        (tuple(sorted(groep, key=_volgorde)) for groep in groepen.values() if len(groep) > 1),
        key=lambda groep: _volgorde(groep[0]),
    )


# Quoted-reply markers: the "> " prefix and the lines mail clients put above the quote.
_CITAATKOP = re.compile(
    r"^\s*(?:(?:op|on)\s.{0,200}?(?:schreef|wrote)\b.*|-{2,}\s*(?:oorspronkelijk|original|doorgestuurd|forwarded)"
    r".*|(?:van|from|verzonden|sent|aan|to|cc|onderwerp|subject|datum|date)\s*:.*)$",
    re.IGNORECASE | re.MULTILINE,
)


def normaliseren(tekst: str) -> list[str]:
    """The words of a text for comparison: quote markers and reply headers removed, accents
    folded, case folded, punctuation dropped."""
    tekst = re.sub(r"^[ \t]*(?:>[ \t]?)+", "", tekst, flags=re.MULTILINE)
    tekst = _CITAATKOP.sub(" ", tekst)
    tekst = tekst.casefold()
    if not tekst.isascii():
        tekst = unicodedata.normalize("NFKD", tekst)
        tekst = "".join(teken for teken in tekst if not unicodedata.combining(teken))
    return re.findall(r"\w+", tekst)


def shingles(tekst: str, *, n: int = SHINGLE_WOORDEN) -> frozenset[int]:
    """Hashed word n-grams of the normalised text (a text shorter than n words is one shingle)."""
    woorden = normaliseren(tekst)
    if not woorden:
        return frozenset()
    if len(woorden) < n:
        return frozenset({hash(tuple(woorden))})
    return frozenset(hash(tuple(woorden[i : i + n])) for i in range(len(woorden) - n + 1))


def bijna_dubbelen(items: Sequence[Bronstuk], drempel: float = 0.8) -> list[Gelijkenis]:
    """Pairs whose Jaccard index or containment (`Gelijkenis`) is at least `drempel`, best first.

    Exact duplicates (same SHA-256) are left to `exacte_dubbelen`: only the first of each is compared.
    Texts with fewer than MIN_SHINGLES shingles are skipped (too short to judge).
    """
    gezien: set[str] = set()
    sets: list[tuple[Bronstuk, frozenset[int]]] = []
    for item in sorted(items, key=_volgorde):
        if item.sha256 in gezien:
            continue
        gezien.add(item.sha256)
        verzameling = shingles(item.tekst)
        if len(verzameling) >= MIN_SHINGLES:
            sets.append((item, verzameling))

    uitkomst: list[Gelijkenis] = []
    # Same normalised text: one representative enters the index, the others pair with it at 1.0.
    per_set: dict[frozenset[int], list[int]] = defaultdict(list)
    for index, (_item, verzameling) in enumerate(sets):
        per_set[verzameling].append(index)
    vertegenwoordigers: list[int] = []
    for indexen in per_set.values():
        eerste = indexen[0]
        vertegenwoordigers.append(eerste)
        for ander in indexen[1:]:
            uitkomst.append(Gelijkenis(sets[eerste][0].sleutel, sets[ander][0].sleutel, 1.0, 1.0))

    postings: dict[int, list[int]] = defaultdict(list)
    for index in vertegenwoordigers:
        for shingle in sets[index][1]:
            postings[shingle].append(index)
    gedeeld: Counter[tuple[int, int]] = Counter()
    frequent: Counter[int] = Counter()  # per document: its shingles left out of the index
    for documenten in postings.values():
        if len(documenten) > MAX_DOCUMENTFREQUENTIE:
            frequent.update(documenten)
            continue
        for i, links in enumerate(documenten):
            for rechts in documenten[i + 1 :]:
                gedeeld[(links, rechts)] += 1
    for (links, rechts), aantal in gedeeld.items():
        a, b = sets[links][1], sets[rechts][1]
        kleinste = min(len(a), len(b))
        if aantal + min(frequent[links], frequent[rechts]) < drempel * kleinste:
            continue  # cannot reach the threshold even if every left-out shingle were shared too
        samen = len(a & b)
        jaccard = samen / (len(a) + len(b) - samen)
        omvat = samen / kleinste
        if jaccard >= drempel or omvat >= drempel:
            uitkomst.append(
                Gelijkenis(
                    sets[links][0].sleutel, sets[rechts][0].sleutel, round(jaccard, 4), round(omvat, 4)
                )
            )
    return sorted(uitkomst, key=lambda g: (-g.omvat, -g.jaccard, g.a, g.b))


_ONDERWERP_VOORVOEGSEL = re.compile(
    r"^\s*(?:(?:re|fw|fwd|antw|aw|doorst|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{0,40}\]\s*)+",
    re.IGNORECASE,
)


def onderwerp_normaliseren(onderwerp: str) -> str:
    """'RE: Antw: FW: [EXTERN] Kapvergunning  Eik' -> 'kapvergunning eik'."""
    return " ".join(_ONDERWERP_VOORVOEGSEL.sub("", onderwerp).casefold().split())


def _deelnemers(item: Bronstuk) -> frozenset[str]:
    return frozenset(
        adres.casefold() for adres in (parseaddr(d)[1] for d in (item.afzender, *item.ontvangers)) if adres
    )


def draden(items: Iterable[Bronstuk]) -> list[tuple[Bronstuk, ...]]:
    """E-mails of one thread (a hint, not proof): the same normalised subject and at least two
    participants (sender or recipient addresses) in common, or all of them when one of the two has
    only one; or one names the other's Message-ID in In-Reply-To/References (RFC 5322, 3.6.4), even
    with a changed subject. Linked transitively. Groups of two or more, oldest first."""
    emails = sorted((item for item in items if item.soort == EMAIL), key=_volgorde)
    ouder = list(range(len(emails)))

    def wortel(i: int) -> int:
        while ouder[i] != i:
            ouder[i] = ouder[ouder[i]]
            i = ouder[i]
        return i

    per_onderwerp: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(emails):
        onderwerp = onderwerp_normaliseren(item.titel)
        if onderwerp:
            per_onderwerp[onderwerp].append(index)
    for indexen in per_onderwerp.values():
        for i, links in enumerate(indexen):
            for rechts in indexen[i + 1 :]:
                a, b = _deelnemers(emails[links]), _deelnemers(emails[rechts])
                if len(a & b) >= min(2, len(a), len(b)) > 0:
                    ouder[wortel(rechts)] = wortel(links)
    per_id = {item.bericht_id: index for index, item in enumerate(emails) if item.bericht_id}
    for index, item in enumerate(emails):
        for verwijzing in item.verwijzingen:
            if verwijzing in per_id:
                ouder[wortel(index)] = wortel(per_id[verwijzing])
    groepen: dict[int, list[Bronstuk]] = defaultdict(list)
    for index, item in enumerate(emails):
        groepen[wortel(index)].append(item)
    return [tuple(groep) for groep in groepen.values() if len(groep) > 1]


# --- inventory --------------------------------------------------------------------------------

_ZONDER_DATUM = datetime.max.replace(tzinfo=UTC)


def _volgorde(item: Bronstuk) -> tuple[datetime, str, tuple[int, ...]]:
    return (item.datum or _ZONDER_DATUM, item.bron, item.pad)


def inventaris(items: Sequence[Bronstuk], *, drempel: float = 0.8) -> list[Inventarisregel]:
    """The inventory: the uploads numbered 1..n by date (undated last, then by source name), each
    attachment numbered under its e-mail in the order it is attached (3.1, 3.2, 3.2.1), so a
    family stays together and its numbers say where each piece came from. An attachment without a
    date of its own takes its e-mail's date. `dubbel_van` points at the first (oldest) item with the
    same content; `verwant_aan` lists near duplicates (`bijna_dubbelen`)."""
    per_sleutel = {item.sleutel: item for item in items}
    kinderen: dict[str, list[Bronstuk]] = defaultdict(list)
    for item in items:
        if item.ouder is not None and item.ouder in per_sleutel:
            kinderen[item.ouder].append(item)
    nummers: dict[str, str] = {}
    volgorde: list[Bronstuk] = []

    def nummeren(item: Bronstuk, nummer: str) -> None:
        nummers[item.sleutel] = nummer
        volgorde.append(item)
        for positie, kind in enumerate(sorted(kinderen[item.sleutel], key=lambda k: k.pad), start=1):
            nummeren(kind, f"{nummer}.{positie}")

    wortels = sorted((i for i in items if i.ouder is None or i.ouder not in per_sleutel), key=_volgorde)
    for positie, item in enumerate(wortels, start=1):
        nummeren(item, str(positie))

    volgnummer = {sleutel: index for index, sleutel in enumerate(i.sleutel for i in volgorde)}
    dubbel_van: dict[str, str] = {}
    for groep in exacte_dubbelen(items):
        eerste, *rest = sorted(groep, key=lambda i: volgnummer[i.sleutel])
        for ander in rest:
            dubbel_van[ander.sleutel] = nummers[eerste.sleutel]
    verwant: dict[str, set[str]] = defaultdict(set)
    for paar in bijna_dubbelen(items, drempel):
        verwant[paar.a].add(paar.b)
        verwant[paar.b].add(paar.a)

    def datum_van(item: Bronstuk) -> date | None:
        while item.datum is None and item.ouder is not None and item.ouder in per_sleutel:
            item = per_sleutel[item.ouder]
        return item.datum.astimezone(AMSTERDAM).date() if item.datum else None

    return [
        Inventarisregel(
            nummer=nummers[item.sleutel],
            sleutel=item.sleutel,
            datum=datum_van(item),
            soort=item.soort,
            bron=per_sleutel[item.bron].naam if item.bron in per_sleutel else item.bron,
            titel=item.titel,
            dubbel_van=dubbel_van.get(item.sleutel),
            verwant_aan=tuple(
                sorted(
                    (nummers[s] for s in verwant[item.sleutel]), key=lambda n: tuple(map(int, n.split(".")))
                )
            ),
        )
        for item in volgorde
    ]
