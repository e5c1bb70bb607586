"""PDF renditions of inventory items (issue 9, point 3): what the assessor reads, redacts and what
becomes the published copy is always a PDF.

`pdf_weergave(item)` makes the rendition of one `documentverwerking.Bronstuk`:

- PDF: the original itself.
- E-mail: a PDF with the headers (Van, Aan, Cc, Datum, Onderwerp), the attachment names and the
  body, laid out with PyMuPDF's Story engine (`raadhuis.core.pdf.html_naar_pdf`).
- Plain text: a PDF of the text.
- PNG/JPEG: one PDF page with the image, A4 wide. When the `tesseract` program and its Dutch
  language data are installed, the page gets an OCR text layer (MuPDF's built-in Tesseract, run on
  the data files the program brings), so the text can be found and truly redacted; otherwise
  `ocr_nodig` stays and the assessor is warned.
- Office files: converted by LibreOffice (`soffice --headless --convert-to pdf`) when it is
  installed, in a temporary folder with its own throw-away profile and a time limit; otherwise,
  or when the conversion fails, a text rendition of the extracted text with the warning that the
  layout is not kept (`pdf_conversie_nodig` stays).
- Unreadable attachments (`bijlage`): no rendition.

Everything here is pure (bytes in, bytes out): the services store the result. The title in the
metadata is neutral, so no subject line (which may name a person) ends up there or in a footer.

Completeness: MuPDF's Story engine sometimes stops after the second page and reports that
everything fit (seen with PyMuPDF 1.28 and the report CSS of `raadhuis.core.pdf` for some
line positions), silently dropping the rest. A rendition that lost text would be assessed and
published without it, so every laid-out rendition is checked: the engine's own report, and the
number of non-space characters in the PDF against the text put in. On a mismatch the layout is
redone with another line height; if none is complete, no PDF is made rather than a partial one.
"""

from __future__ import annotations

import email
import email.policy
import html
import logging
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import getaddresses
from pathlib import Path
from typing import Any

import pymupdf
from django.utils import dateformat
from django.utils.translation import gettext as _

from raadhuis.core import pdf, uploads
from raadhuis.core.pdf import A4, OnvolledigeOpmaak
from raadhuis.woo import documentverwerking as dv

logger = logging.getLogger(__name__)

# PyMuPDF ships no type information; calls go through this untyped name.
_mu: Any = pymupdf
# What MuPDF raises on damaged input (its own errors are not RuntimeErrors).
_MUPDF_FOUTEN = (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)

# LibreOffice may take long on a large spreadsheet; a hung conversion must not hold an upload forever.
SOFFICE_TIMEOUT = 120  # seconds
OCR_TAAL = "nld"

# The file extension LibreOffice needs to pick its import filter: from the type found by content,
# never from the name the uploader chose.
_EXTENSIE = {
    uploads.DOCX.mediatype: ".docx",
    uploads.XLSX.mediatype: ".xlsx",
    uploads.PPTX.mediatype: ".pptx",
    uploads.ODT.mediatype: ".odt",
    uploads.ODS.mediatype: ".ods",
    uploads.ODP.mediatype: ".odp",
}


@dataclass(frozen=True)
class Weergave:
    """The PDF rendition of one item. `pdf` is None when none can be made (an unreadable
    attachment). `tekst` is the text read by OCR (None when no OCR ran); `waarschuwingen` replace
    the item's own (the one that says a conversion is still needed is dropped once there is a PDF)."""

    pdf: bytes | None
    paginas: int | None
    ocr_nodig: bool
    pdf_conversie_nodig: bool
    waarschuwingen: tuple[str, ...] = ()
    tekst: str | None = field(default=None, repr=False)


# --- what is installed ---------------------------------------------------------------------------


def soffice_pad() -> str | None:
    """The LibreOffice program, if installed (`soffice`, or `libreoffice` as some packages name it)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def tessdata_map() -> str | None:
    """The Tesseract data folder with Dutch, when the `tesseract` program is installed; None
    otherwise. MuPDF runs its own built-in Tesseract but needs these trained-data files."""
    if shutil.which("tesseract") is None:
        return None
    kandidaten: list[str] = []
    if os.environ.get("TESSDATA_PREFIX"):
        kandidaten.append(os.environ["TESSDATA_PREFIX"])
    try:
        # Asks the tesseract program where its data lives.
        gevonden = pymupdf.get_tessdata()  # type: ignore[no-untyped-call]
    except (RuntimeError, OSError, ValueError, subprocess.SubprocessError):
        gevonden = None
    if gevonden:
        kandidaten.append(str(gevonden))
    for map_ in kandidaten:
        if (Path(map_) / f"{OCR_TAAL}.traineddata").is_file():
            return map_
    return None


# --- the rendition ---------------------------------------------------------------------------------


def pdf_weergave(item: dv.Bronstuk) -> Weergave:
    """The PDF rendition of one item (see the module docstring for what each kind becomes)."""
    waarschuwingen = tuple(item.waarschuwingen)
    if item.soort == dv.PDF:
        return Weergave(
            pdf=item.inhoud,
            paginas=item.paginas,
            ocr_nodig=item.ocr_nodig,
            pdf_conversie_nodig=False,
            waarschuwingen=waarschuwingen,
        )
    try:
        if item.soort == dv.EMAIL:
            return _met_paginas(email_naar_pdf(item), waarschuwingen)
        if item.soort == dv.TEKST:
            return _met_paginas(tekst_naar_pdf(item.tekst), waarschuwingen)
        if item.soort == dv.AFBEELDING:
            return afbeelding_naar_pdf(item.inhoud, waarschuwingen=waarschuwingen)
        if item.soort == dv.KANTOORDOCUMENT:
            return kantoor_naar_pdf(item)
    except OnvolledigeOpmaak:
        logger.warning("Geen volledige PDF-weergave van %s (%s).", item.sleutel, item.soort)
        waarschuwingen += (_("Er kon geen volledige PDF-weergave worden gemaakt; beoordeel het origineel."),)
    except _MUPDF_FOUTEN:
        # A damaged image body (verwerken only read its header) and the like: the item stays in
        # the inventory without a rendition instead of refusing the whole upload.
        logger.warning("Geen PDF-weergave van %s (%s).", item.sleutel, item.soort, exc_info=True)
        waarschuwingen += (_("Er kon geen PDF-weergave worden gemaakt; beoordeel het origineel."),)
    return Weergave(
        pdf=None,
        paginas=None,
        ocr_nodig=item.ocr_nodig,
        pdf_conversie_nodig=item.pdf_conversie_nodig,
        waarschuwingen=waarschuwingen,
    )


def _met_paginas(pdf: bytes, waarschuwingen: tuple[str, ...]) -> Weergave:
    return Weergave(
        pdf=pdf,
        paginas=_aantal_paginas(pdf),
        ocr_nodig=False,
        pdf_conversie_nodig=False,
        waarschuwingen=waarschuwingen,
    )


def _openen(pdf: bytes) -> Any:
    """PyMuPDF ships no type information; this is the one place here that says so."""
    return _mu.open(stream=pdf, filetype="pdf")


def _aantal_paginas(pdf: bytes) -> int:
    with _openen(pdf) as document:
        return int(document.page_count)


def _alineas(tekst: str) -> str:
    """Text as HTML paragraphs, line breaks kept, everything escaped (the text is untrusted)."""
    blokken = tekst.replace("\r\n", "\n").replace("\f", "\n\n").split("\n\n")
    delen = []
    for blok in blokken:
        if not blok.strip():
            continue
        regels = "<br/>".join(html.escape(regel) for regel in blok.split("\n"))
        delen.append(f"<p>{regels}</p>")
    return "\n".join(delen) or f"<p>{html.escape(_('(geen tekst)'))}</p>"


def tekst_naar_pdf(tekst: str, *, titel: str | None = None) -> bytes:
    """Plain text laid out on A4 pages."""
    return html_naar_pdf(_alineas(tekst), titel=titel or _("Tekstdocument"), verwacht=[tekst])


def html_naar_pdf(inhoud: str, *, titel: str, verwacht: list[str]) -> bytes:
    """`core.pdf.html_naar_pdf` with the text check: the document's own words (subject, sender)
    stay out of the footer, and a rendition that misses part of the text is never made."""
    return pdf.html_naar_pdf(inhoud, titel=titel, titel_in_voettekst=False, verwacht=verwacht)


def _datum_nl(datum: datetime) -> str:
    return dateformat.format(datum.astimezone(dv.AMSTERDAM), "j F Y H:i")


def email_naar_pdf(item: dv.Bronstuk) -> bytes:
    """An e-mail as a readable page: the headers as a table, the attachments by name, the body.
    The headers are read again from the message so that Aan and Cc stay apart."""
    bericht = email.message_from_bytes(item.inhoud, policy=email.policy.default)
    koppen: list[tuple[str, str]] = []

    def adressen(*namen: str) -> str:
        waarden = [str(w) for naam in namen for w in (bericht.get_all(naam) or [])]
        return ", ".join(
            f"{naam} <{adres}>" if naam else adres for naam, adres in getaddresses(waarden) if adres
        )

    koppen.append((_("Van"), adressen("from") or item.afzender))
    koppen.append((_("Aan"), adressen("to")))
    cc = adressen("cc")
    if cc:
        koppen.append((_("Cc"), cc))
    koppen.append((_("Datum"), _datum_nl(item.datum) if item.datum else ""))
    koppen.append((_("Onderwerp"), item.titel))
    if isinstance(bericht, EmailMessage):
        bijlagen = [deel.get_filename() or _("naamloze bijlage") for deel in bericht.iter_attachments()]
        if bijlagen:
            koppen.append((_("Bijlagen"), ", ".join(bijlagen)))
    rijen = "".join(
        f"<tr><th>{html.escape(kop)}</th><td>{html.escape(waarde) or '&#8212;'}</td></tr>"
        for kop, waarde in koppen
    )
    inhoud = f"<table>{rijen}</table>\n{_alineas(item.tekst)}"
    verwacht = [deel for kop, waarde in koppen for deel in (kop, waarde)] + [item.tekst]
    return html_naar_pdf(inhoud, titel=_("E-mailbericht"), verwacht=verwacht)


def afbeelding_naar_pdf(afbeelding: bytes, *, waarschuwingen: tuple[str, ...] = ()) -> Weergave:
    """One page holding the image, as wide as A4 (a scan keeps its proportions). With Tesseract
    and Dutch installed the page gets an invisible OCR text layer over the image."""
    pixmap = _pixmap(afbeelding)
    # The resolution that makes the page exactly A4 wide, so a 300-dpi scan is not a metre wide.
    dpi = max(1, round(pixmap.width * 72 / A4.width))
    pixmap.set_dpi(dpi, dpi)
    tessdata = tessdata_map()
    if tessdata is not None:
        try:
            pdf = bytes(pixmap.pdfocr_tobytes(language=OCR_TAAL, tessdata=tessdata))
        except _MUPDF_FOUTEN:
            logger.exception("OCR van een afbeelding is mislukt; de afbeelding wordt zonder tekst opgenomen.")
        else:
            with _openen(pdf) as document:
                tekst = "\f".join(str(pagina.get_text()) for pagina in document)
            return Weergave(
                pdf=pdf,
                paginas=1,
                ocr_nodig=False,
                pdf_conversie_nodig=False,
                waarschuwingen=(
                    *tuple(w for w in waarschuwingen if not _gaat_over_ocr(w)),
                    _("De tekst is met OCR herkend; controleer de herkenning voordat u lakt."),
                ),
                tekst=tekst,
            )
    document = _mu.open()
    try:
        breedte = A4.width
        hoogte = breedte * pixmap.height / pixmap.width
        pagina = document.new_page(width=breedte, height=hoogte)
        pagina.insert_image(pagina.rect, pixmap=pixmap)
        pdf = bytes(document.tobytes(garbage=3, deflate=True))
    finally:
        document.close()
    return Weergave(
        pdf=pdf,
        paginas=1,
        ocr_nodig=True,
        pdf_conversie_nodig=False,
        waarschuwingen=(
            *waarschuwingen,
            _(
                "Geen OCR beschikbaar (Tesseract met Nederlands is niet geïnstalleerd): de tekst in "
                "de afbeelding wordt niet gevonden; lak handmatig."
            ),
        ),
    )


def _gaat_over_ocr(waarschuwing: str) -> bool:
    return waarschuwing == _("Afbeelding: er is geen tekst uitgelezen (geen OCR).")


def _pixmap(afbeelding: bytes) -> Any:
    """The image as RGB or grey without transparency (what OCR and a PDF page need)."""
    pixmap = _mu.Pixmap(afbeelding)
    if pixmap.colorspace is not None and pixmap.colorspace.n > 3:  # CMYK JPEG
        pixmap = _mu.Pixmap(pymupdf.csRGB, pixmap)
    if pixmap.alpha:
        pixmap = _mu.Pixmap(pixmap, 0)
    return pixmap


# --- office files ------------------------------------------------------------------------------------


def kantoor_naar_pdf(item: dv.Bronstuk) -> Weergave:
    """LibreOffice when installed; otherwise (or when it fails) the extracted text as PDF."""
    eigen = tuple(w for w in item.waarschuwingen if w != _conversie_nodig_melding())
    soffice = soffice_pad()
    if soffice is not None:
        pdf = libreoffice_omzetten(soffice, item.inhoud, _EXTENSIE.get(item.mediatype, ".bin"))
        if pdf is not None:
            return Weergave(
                pdf=pdf,
                paginas=_aantal_paginas(pdf),
                ocr_nodig=False,
                pdf_conversie_nodig=False,
                waarschuwingen=eigen,
            )
        reden = _("LibreOffice kon het document niet omzetten")
    else:
        reden = _("LibreOffice is niet geïnstalleerd")
    pdf = tekst_naar_pdf(item.tekst, titel=_("Kantoordocument (tekstweergave)"))
    return Weergave(
        pdf=pdf,
        paginas=_aantal_paginas(pdf),
        ocr_nodig=False,
        pdf_conversie_nodig=True,
        waarschuwingen=(
            *eigen,
            _(
                "%(reden)s: de PDF is een tekstweergave, opmaak niet behouden (tabellen, "
                "afbeeldingen en kop- en voetteksten kunnen ontbreken of anders staan)."
            )
            % {"reden": reden},
        ),
    )


def _conversie_nodig_melding() -> str:
    # The warning documentverwerking gives an office file; a function, so it is read in the active language.
    return _("Omzetten naar PDF is nog nodig voor beoordelen en lakken.")


def libreoffice_omzetten(soffice: str, inhoud: bytes, extensie: str) -> bytes | None:
    """Converts with `soffice --headless --convert-to pdf` in a temporary folder with its own
    throw-away user profile (so parallel conversions do not share a locked profile and nothing of
    the document stays behind). None when it fails, times out or writes no readable PDF."""
    with tempfile.TemporaryDirectory(prefix="raadhuis-soffice-") as map_:
        werkmap = Path(map_)
        invoer = werkmap / f"document{extensie}"
        invoer.write_bytes(inhoud)
        uitvoer = werkmap / "uit"
        uitvoer.mkdir()
        opdracht = [
            soffice,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            f"-env:UserInstallation={(werkmap / 'profiel').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(uitvoer),
            str(invoer),
        ]
        try:
            resultaat = subprocess.run(  # noqa: S603 - fixed program and arguments, no shell
                opdracht,
                cwd=werkmap,
                env={**os.environ, "HOME": str(werkmap)},
                capture_output=True,
                timeout=SOFFICE_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            logger.warning(
                "LibreOffice gaf na %s seconden geen PDF; de tekstweergave wordt gebruikt.", SOFFICE_TIMEOUT
            )
            return None
        except OSError:
            logger.exception("LibreOffice kon niet worden gestart.")
            return None
        pdf_pad = uitvoer / "document.pdf"
        if resultaat.returncode != 0 or not pdf_pad.is_file():
            logger.warning(
                "LibreOffice faalde (code %s): %s",
                resultaat.returncode,
                resultaat.stderr.decode(errors="replace")[:500],
            )
            return None
        pdf = pdf_pad.read_bytes()
    try:
        if _aantal_paginas(pdf) < 1:
            return None
    except _MUPDF_FOUTEN:
        logger.warning("LibreOffice schreef geen leesbare PDF.")
        return None
    return pdf
