"""HTML to PDF for generated reports (programme chapters, the paragraaf verbonden partijen, mid-term
reviews), with PyMuPDF's Story layout engine: no browser, no network, nothing outside the wheel.

The HTML is a fragment from a Django template (autoescaped); no external resources are loaded, so a
report cannot pull in anything from elsewhere. The PDF carries its title and language in the
metadata and page numbers in the footer, which screen readers and archives need (Wdo; NEN-ISO
14289 asks for more, tagged PDF, which MuPDF does not write: the HTML version of every report is
the accessible one and is always offered next to the PDF)."""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
from collections.abc import Sequence
from html.parser import HTMLParser
from typing import Any

import pymupdf

A4 = pymupdf.paper_rect("a4")
MARGE = 56  # points: 2 cm
VOETRUIMTE = 28

# The layout engine understands a CSS subset; this keeps reports sober and readable in print.
OPMAAK = """
body { font-family: sans-serif; font-size: 10pt; line-height: 1.35; color: #1a1a1a; }
h1 { font-size: 18pt; margin: 0 0 8pt 0; }
h2 { font-size: 14pt; margin: 14pt 0 6pt 0; }
h3 { font-size: 12pt; margin: 10pt 0 4pt 0; }
h4 { font-size: 10pt; margin: 8pt 0 4pt 0; }
p { margin: 0 0 6pt 0; }
ul, ol { margin: 0 0 6pt 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; }
th, td { border: 0.5pt solid #777777; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background-color: #eeeeee; }
td.getal, th.getal { text-align: right; }
.toelichting { color: #444444; font-size: 9pt; }
"""


class OnvolledigeOpmaak(RuntimeError):
    """The layout engine dropped content in every attempt (see `html_naar_pdf`)."""


# MuPDF's Story engine (PyMuPDF 1.28) sometimes reports that the rest of a long run of paragraphs
# fit on the page while it drew only part of it: the rectangle it says it filled then reaches far
# below the page, and everything after is silently lost. Which line height triggers it depends on
# the content, so a failed attempt is laid out again with the next one.
_REGELAFSTANDEN = ("1.35", "1.3", "1.4", "1.25", "1.45", "1.2")


_ONZICHTBAAR = frozenset({"style", "script", "head", "title"})


class _Tekst(HTMLParser):
    """The text content of an HTML fragment, as the layout engine should put it on the pages."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.delen: list[str] = []
        self._overslaan = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ONZICHTBAAR:
            self._overslaan += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _ONZICHTBAAR and self._overslaan:
            self._overslaan -= 1

    def handle_data(self, data: str) -> None:
        if not self._overslaan:
            self.delen.append(data)


def _html_tekst(html: str) -> str:
    lezer = _Tekst()
    lezer.feed(html)
    lezer.close()
    return "".join(lezer.delen)


def _tekens(tekst: str) -> int:
    """Non-space characters, ligatures unfolded (MuPDF may extract "fi" as one glyph)."""
    return len(re.sub(r"\s+", "", unicodedata.normalize("NFKC", tekst)))


def html_naar_pdf(
    html: str, *, titel: str, auteur: str = "", titel_in_voettekst: bool = True, verwacht: Sequence[str] = ()
) -> bytes:
    """Lays out the HTML fragment on A4 pages and returns the PDF bytes. Every attempt's text is
    checked against the HTML's own text (or `verwacht`, the plain texts when the caller knows
    them better), so no letter or document silently misses part of it. Raises OnvolledigeOpmaak
    when no attempt is complete."""
    nodig = sum(_tekens(deel) for deel in verwacht) if verwacht else _tekens(_html_tekst(html))
    for regelafstand in _REGELAFSTANDEN:
        pdf = _opmaken(html, f"{OPMAAK}\nbody {{ line-height: {regelafstand}; }}")
        if pdf is None:
            continue
        with _openen(pdf) as document:
            if _tekens("".join(str(pagina.get_text()) for pagina in document)) < nodig:
                continue
            _voettekst(document, titel if titel_in_voettekst else "")
            document.set_metadata(
                {"title": titel, "author": auteur, "creator": "Raadhuis", "producer": "Raadhuis"}
            )
            document.set_language("nl-NL")
            return bytes(document.tobytes(garbage=3, deflate=True))
    raise OnvolledigeOpmaak(titel)


def _opmaken(html: str, css: str) -> bytes | None:
    """One layout attempt; None when the engine claims to have filled more than the page holds."""
    buffer = io.BytesIO()
    schrijver = pymupdf.DocumentWriter(buffer)
    verhaal = pymupdf.Story(html=html, user_css=css)
    vlak = pymupdf.Rect(MARGE, MARGE, A4.width - MARGE, A4.height - MARGE - VOETRUIMTE)
    meer = True
    while meer:
        apparaat = schrijver.begin_page(A4)
        meer, gevuld = verhaal.place(vlak)
        verhaal.draw(apparaat)
        schrijver.end_page()
        # Some points below the rectangle is a block's bottom margin or a table row the engine
        # moves on; the bug claims to have filled far beyond the page. The text check in
        # html_naar_pdf catches anything subtler.
        if gevuld[3] > A4.height:
            schrijver.close()
            return None
    schrijver.close()
    return buffer.getvalue()


def _openen(pdf: bytes) -> Any:
    """PyMuPDF ships no type information; this is the one place that says so."""
    return pymupdf.open(stream=pdf, filetype="pdf")


def _voettekst(document: Any, titel: str) -> None:
    totaal = document.page_count
    for nummer, pagina in enumerate(document, start=1):
        y = A4.height - MARGE + 4
        if titel:
            pagina.insert_text((MARGE, y), titel[:90], fontsize=8, fontname="helv", color=(0.3, 0.3, 0.3))
        tekst = f"{nummer} / {totaal}"
        breedte = pymupdf.get_text_length(tekst, fontname="helv", fontsize=8)
        pagina.insert_text(
            (A4.width - MARGE - breedte, y), tekst, fontsize=8, fontname="helv", color=(0.3, 0.3, 0.3)
        )


def pdf_naar_png(pdf: bytes, *, pagina: int = 0, dpi: int = 72) -> bytes:
    """One page as PNG, to look at a generated report (and to test that it rendered)."""
    with _openen(pdf) as document:
        return bytes(document[pagina].get_pixmap(dpi=dpi).tobytes("png"))


def pdf_tekst(pdf: bytes) -> str:
    """All text of a PDF, page by page, for tests and the search index."""
    with _openen(pdf) as document:
        return "\n".join(str(pagina.get_text()) for pagina in document)


def aantal_paginas(pdf: bytes) -> int:
    with _openen(pdf) as document:
        return int(document.page_count)


def metadata_verwijderen(pdf: bytes) -> bytes:
    """The PDF without what should not go public with it: document info (author, software,
    dates), XMP metadata, attached and embedded files, annotations (comments can hold names and
    remarks never meant for publication), form fields and JavaScript. Saved with garbage
    collection, so removed objects are really gone from the file and not just unreferenced.

    The result depends only on the content: the file identifier (/ID, random per save) becomes a
    hash of the cleaned file, so the same document generated twice gives the same bytes, and a
    publication that is handed over again keeps its document (and stable URL)."""
    with _openen(pdf) as document:
        document.scrub(
            attached_files=True,
            clean_pages=True,
            embedded_files=True,
            hidden_text=False,  # redacted documents were already flattened; keep the text layer
            javascript=True,
            metadata=True,
            redactions=False,
            remove_links=False,  # links in a published decision are part of its content
            reset_fields=True,
            reset_responses=True,
            thumbnails=True,
            xml_metadata=True,
        )
        # scrub() empties JavaScript actions but leaves them in place; the actions that run on
        # opening (OpenAction, AA) and the document-level scripts (Names/JavaScript) go entirely.
        katalogus = document.pdf_catalog()
        for sleutel in ("OpenAction", "AA", "Names/JavaScript"):
            if document.xref_get_key(katalogus, sleutel)[0] != "null":
                document.xref_set_key(katalogus, sleutel, "null")
        for pagina in document:
            if document.xref_get_key(pagina.xref, "AA")[0] != "null":
                document.xref_set_key(pagina.xref, "AA", "null")
            for annotatie in list(pagina.annots() or ()):
                pagina.delete_annot(annotatie)
            for veld in list(pagina.widgets() or ()):
                pagina.delete_widget(veld)
        document.set_metadata({})
        document.del_xml_metadata()
        nul = "<" + "0" * 32 + ">"
        document.xref_set_key(-1, "ID", f"[{nul}{nul}]")
        schoon = bytes(document.tobytes(garbage=4, deflate=True, clean=True, no_new_id=True))
    kenmerk = hashlib.sha256(schoon).hexdigest()[:32].upper()
    with _openen(schoon) as document:
        document.xref_set_key(-1, "ID", f"[<{kenmerk}><{kenmerk}>]")
        return bytes(document.tobytes(garbage=4, deflate=True, clean=True, no_new_id=True))
