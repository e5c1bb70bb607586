"""True redaction (lakken) of PDFs for Woo decisions, with PyMuPDF.

Woo art. 5.1 allows information to be withheld, but what is withheld must really be gone: a black
rectangle drawn over text leaves that text selectable and extractable, and published redactions
have leaked exactly that way (woo.md, section 7). So:

1. `suggesties` finds personal data on every page (raadhuis.core.persoonsgegevens) and maps each
   finding to rectangles through the page's own character boxes (one per line when the finding
   runs over a line break), with ground 5.1.1e for identification numbers such as the BSN and
   5.1.2e (persoonlijke levenssfeer) for everything else.
2. `lakken` removes the content under every box (text, the image pixels, vector graphics that the
   box covers), prints the ground code in the box, strips metadata (document info, XMP), embedded
   files, annotations, form fields, links, JavaScript and optional content (hidden layers), and
   saves with garbage collection so no orphaned object keeps the old content.
3. `verifieren` reopens the result and checks that no redacted string can be extracted on its page,
   that no word lies inside a box, and that the metadata is empty. A failed check blocks
   publication (`Controle.vereisen`).

The original stays in the back office; only the output of `lakken` is published.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

import pymupdf

from raadhuis.core import persoonsgegevens as pg

# Woo art. 5.1.1e (absolute): identification numbers such as the BSN; art. 5.1.2e (relative):
# respect for private life, the usual ground for other personal data of non-officials.
GROND_IDENTIFICATIENUMMER = "5.1.1e"
GROND_PERSOONLIJKE_LEVENSSFEER = "5.1.2e"
GRONDEN: dict[str, str] = {pg.BSN: GROND_IDENTIFICATIENUMMER}

_GROND = re.compile(r"^(5\.1\.1|5\.1\.2)\.?([a-i])$|^(5\.1\.5|5\.2)$|^(10\.[12]|11\.1)\.?([a-g])?$")


def grond_normaliseren(code: str) -> str:
    """'5.1.2.e' and '5.1.2 e' become '5.1.2e'; Wob codes (10.1.a ... 11.1) are kept for old files."""
    compact = "".join(code.split()).lower()
    treffer = _GROND.match(compact)
    if treffer is None:
        raise ValueError(f"Onbekende weigeringsgrond: {code!r}")
    if treffer.group(1):
        return treffer.group(1) + treffer.group(2)
    if treffer.group(3):
        return treffer.group(3)
    return treffer.group(4) + ("." + treffer.group(5) if treffer.group(5) else "")


@dataclass(frozen=True)
class Redactie:
    """One box: `pagina` counts from 1 as printed; `rechthoek` is (x0, y0, x1, y1) in PDF points
    in PyMuPDF's page coordinates (origin top left, as page.search_for returns them)."""

    pagina: int
    rechthoek: tuple[float, float, float, float]
    tekst: str
    soort: str
    grond: str

    def als_dict(self) -> dict[str, object]:
        gegevens = asdict(self)
        gegevens["rechthoek"] = [round(waarde, 2) for waarde in self.rechthoek]
        return gegevens


@dataclass(frozen=True)
class Controle:
    """The outcome of `verifieren`: `bevindingen` says what leaked, in Dutch, one line each."""

    bevindingen: tuple[str, ...] = ()

    @property
    def in_orde(self) -> bool:
        return not self.bevindingen

    def vereisen(self) -> None:
        if self.bevindingen:
            raise VerificatieMislukt(self.bevindingen)


class VerificatieMislukt(Exception):
    """Raised where publication must stop: the redacted PDF still gives something away."""

    def __init__(self, bevindingen: Sequence[str]) -> None:
        self.bevindingen = tuple(bevindingen)
        super().__init__("Lakken niet geverifieerd: " + "; ".join(self.bevindingen))


@dataclass(frozen=True)
class Gelakt:
    inhoud: bytes
    redacties: tuple[Redactie, ...]
    controle: Controle = field(default_factory=Controle)

    def verslag(self) -> str:
        """The JSON written next to a redacted PDF (`raadhuis lakken`)."""
        return json.dumps(
            {
                "redacties": [redactie.als_dict() for redactie in self.redacties],
                "verificatie": {
                    "in_orde": self.controle.in_orde,
                    "bevindingen": list(self.controle.bevindingen),
                },
            },
            ensure_ascii=False,
            indent=2,
        )


def _openen(inhoud: bytes) -> pymupdf.Document:
    try:
        document = pymupdf.open(stream=inhoud, filetype="pdf")  # type: ignore[no-untyped-call]
    except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase) as fout:
        raise ValueError("Dit is geen leesbaar PDF-bestand.") from fout
    if document.needs_pass:
        document.close()  # type: ignore[no-untyped-call]
        raise ValueError("Dit PDF-bestand is versleuteld; lever het zonder wachtwoord aan.")
    # Hidden layers (optional content switched off): MuPDF extracts no text from them, but other
    # tools do. Without /OCProperties every layer is shown, so what is analysed, redacted and
    # verified is everything the file holds, and no hidden layer survives into publication.
    catalogus = document.pdf_catalog()  # type: ignore[no-untyped-call]
    if document.xref_get_key(catalogus, "OCProperties")[0] != "null":  # type: ignore[no-untyped-call]
        document.xref_set_key(catalogus, "OCProperties", "null")  # type: ignore[no-untyped-call]
    return document


# --- suggestions ------------------------------------------------------------------------------

Vak = tuple[float, float, float, float]


@dataclass
class _Paginatekst:
    """The page text with, per character, its box and line number (None for the separators)."""

    tekst: str
    vakken: list[tuple[Vak, int] | None]
    regels: list[tuple[Vak, list[Vak]]]  # per line: its box and its characters' boxes
    horizontaal: list[bool]  # per line: written left to right (or right to left), not vertically


def _paginatekst(pagina: pymupdf.Page) -> _Paginatekst:
    tekens: list[str] = []
    vakken: list[tuple[Vak, int] | None] = []
    regels: list[tuple[Vak, list[Vak]]] = []
    horizontaal: list[bool] = []
    ruw = pagina.get_text("rawdict")  # type: ignore[no-untyped-call]
    for blok in ruw["blocks"]:
        if blok.get("type") != 0:
            continue
        for regel in blok["lines"]:
            regelnummer = len(regels)
            regelvakken: list[Vak] = []
            for span in regel["spans"]:
                for teken in span["chars"]:
                    vak: Vak = tuple(teken["bbox"])
                    tekens.append(teken["c"])
                    vakken.append((vak, regelnummer))
                    regelvakken.append(vak)
            regels.append((tuple(regel["bbox"]), regelvakken))
            richting = regel.get("dir", (1.0, 0.0))
            horizontaal.append(abs(richting[0]) >= abs(richting[1]))
            tekens.append("\n")
            vakken.append(None)
        tekens.append("\n")
        vakken.append(None)
    return _Paginatekst("".join(tekens), vakken, regels, horizontaal)


def _snijdt(a: Vak, b: Vak) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _vakken_voor(paginatekst: _Paginatekst, vondst: pg.Vondst) -> list[Vak]:
    """One rectangle per line the finding occupies. Character boxes reach from ascender to
    descender, so lines set close together overlap; MuPDF removes every character whose box
    touches a redaction, so each rectangle is trimmed clear of the characters around it."""
    per_regel: dict[int, list[Vak]] = {}
    eigen: set[Vak] = set()
    for index in range(vondst.begin, vondst.eind):
        plek = paginatekst.vakken[index]
        if plek is None:
            continue
        eigen.add(plek[0])
        if not paginatekst.tekst[index].isspace():
            per_regel.setdefault(plek[1], []).append(plek[0])
    rechthoeken = []
    for regelnummer, vakken in per_regel.items():
        # Vertical text (a rotated table header, a margin note): swap x and y, trim as for a
        # horizontal line, swap back.
        draai = not paginatekst.horizontaal[regelnummer]
        omgezet = [_gedraaid(v) for v in vakken] if draai else vakken
        volledig: Vak = (
            min(v[0] for v in omgezet),
            min(v[1] for v in omgezet),
            max(v[2] for v in omgezet),
            max(v[3] for v in omgezet),
        )
        buren = [
            _gedraaid(ander) if draai else ander
            for regelvak, tekenvakken in paginatekst.regels
            if _snijdt(regelvak, _gedraaid(volledig) if draai else volledig)
            for ander in tekenvakken
            if ander not in eigen
        ]
        x0, y0, x1, y1 = _bijsnijden(volledig, buren)
        # Never a smaller box than nothing: if trimming leaves no area, the full box is used (it
        # may take a neighbour's letter with it, which the assessor sees, but nothing leaks).
        vak = (x0, y0, x1, y1) if x1 > x0 and y1 > y0 else volledig
        rechthoeken.append(_gedraaid(vak) if draai else vak)
    return rechthoeken


def _gedraaid(vak: Vak) -> Vak:
    return (vak[1], vak[0], vak[3], vak[2])


def _bijsnijden(vak: Vak, buren: Iterable[Vak]) -> Vak:
    """Trims a horizontal line's box clear of neighbouring characters: those on the same line
    (their height spans the box's middle) from the left or right, others from above or below."""
    x0, y0, x1, y1 = vak
    midden_y = (y0 + y1) / 2
    for ander in buren:
        if not _snijdt(ander, (x0, y0, x1, y1)):
            continue
        if ander[1] <= midden_y <= ander[3]:
            if (ander[0] + ander[2]) / 2 > (x0 + x1) / 2:
                x1 = min(x1, ander[0] - 0.01)
            else:
                x0 = max(x0, ander[2] + 0.01)
        elif (ander[1] + ander[3]) / 2 > midden_y:
            y1 = min(y1, ander[1] - 0.01)
        else:
            y0 = max(y0, ander[3] + 0.01)
    return x0, y0, x1, y1


def suggesties(
    invoer: bytes, *, zichtbare_namen: Iterable[str] = (), bekende_namen: Iterable[str] = ()
) -> list[Redactie]:
    """Every piece of personal data in the PDF as a proposed box. Names and places found on one
    page are looked for on every page (and `bekende_namen` from other documents of the request), so one
    person is treated the same throughout."""
    zichtbaar = tuple(zichtbare_namen)
    with _openen(invoer) as document:
        paginas = [_paginatekst(pagina) for pagina in document.pages()]
    vondsten = [pg.vinden(pagina.tekst, zichtbare_namen=zichtbaar) for pagina in paginas]
    bekend = dict.fromkeys(bekende_namen, pg.NAAM) | {
        v.tekst: v.soort for per_pagina in vondsten for v in per_pagina if v.soort in {pg.NAAM, pg.LOCATIE}
    }
    redacties: list[Redactie] = []
    for nummer, (pagina, gevonden) in enumerate(zip(paginas, vondsten, strict=True), start=1):
        extra = pg.vinden(pagina.tekst, zichtbare_namen=zichtbaar, bekende=bekend, met_namen=False)
        for vondst in pg.zonder_overlap([*gevonden, *extra], pagina.tekst):
            grond = GRONDEN.get(vondst.soort, GROND_PERSOONLIJKE_LEVENSSFEER)
            for rechthoek in _vakken_voor(pagina, vondst):
                redacties.append(
                    Redactie(nummer, rechthoek, " ".join(vondst.tekst.split()), vondst.soort, grond)
                )
    return redacties


def zoeken(invoer: bytes, patroon: re.Pattern[str], *, soort: str) -> list[tuple[int, str, Vak]]:
    """Every match of `patroon` on every page as boxes: (page from 1, the matched text with its
    whitespace folded, rectangle), one box per line a match runs over, trimmed like the
    suggestions. For a term the assessor wants withheld everywhere. Raises ValueError for an
    unreadable PDF."""
    gevonden: list[tuple[int, str, Vak]] = []
    with _openen(invoer) as document:
        for nummer, pagina in enumerate(document.pages(), start=1):
            paginatekst = _paginatekst(pagina)
            for treffer in patroon.finditer(paginatekst.tekst):
                vondst = pg.Vondst(soort, treffer.start(), treffer.end(), treffer.group(0))
                tekst = " ".join(treffer.group(0).split())
                gevonden += [(nummer, tekst, vak) for vak in _vakken_voor(paginatekst, vondst)]
    return gevonden


# --- redaction --------------------------------------------------------------------------------


def _sleutels_wissen(document: pymupdf.Document) -> None:
    """XMP streams on pages and images, page and form actions, and annotation arrays that the
    redaction left behind (run after apply_redactions, just before saving)."""
    for xref in range(1, document.xref_length()):  # type: ignore[no-untyped-call]
        for sleutel in ("Metadata", "AA", "Annots", "PieceInfo", "OCProperties", "Info"):
            if document.xref_get_key(xref, sleutel)[0] != "null":  # type: ignore[no-untyped-call]
                document.xref_set_key(xref, sleutel, "null")  # type: ignore[no-untyped-call]


def _opschonen(document: pymupdf.Document) -> None:
    """Everything that can carry information besides the visible page content."""
    for pagina in document.pages():
        for widget in list(pagina.widgets()):  # type: ignore[no-untyped-call]
            pagina.delete_widget(widget)
        for annotatie in list(pagina.annots()):  # type: ignore[no-untyped-call]
            pagina.delete_annot(annotatie)  # type: ignore[no-untyped-call]
    catalogus = document.pdf_catalog()  # type: ignore[no-untyped-call]
    # Optional content: without /OCProperties no layer can be hidden, so what a reader sees is
    # what text extraction (and the verification) sees.
    for sleutel in ("OCProperties", "AcroForm", "OpenAction", "AA", "Names", "Metadata", "PieceInfo", "Info"):
        document.xref_set_key(catalogus, sleutel, "null")  # type: ignore[no-untyped-call]


# MuPDF's constants are set on the module at import time, so mypy does not see them.
_PIXELS_WISSEN: int = pymupdf.PDF_REDACT_IMAGE_PIXELS  # type: ignore[attr-defined]
_LIJNEN_ONDER_VLAK_WISSEN: int = pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED  # type: ignore[attr-defined]
_TEKST_WISSEN: int = pymupdf.PDF_REDACT_TEXT_REMOVE  # type: ignore[attr-defined]


def lakken(invoer: bytes, redacties: Sequence[Redactie]) -> Gelakt:
    """Applies the boxes for real and strips the document; the result carries its verification."""
    with _openen(invoer) as document:
        _opschonen(document)
        per_pagina: dict[int, list[Redactie]] = {}
        for redactie in redacties:
            if not 1 <= redactie.pagina <= document.page_count:
                raise ValueError(f"Pagina {redactie.pagina} bestaat niet in dit document.")
            per_pagina.setdefault(redactie.pagina, []).append(redactie)
        for nummer, lijst in per_pagina.items():
            pagina = document[nummer - 1]
            for redactie in lijst:
                rechthoek = pymupdf.Rect(redactie.rechthoek)  # type: ignore[no-untyped-call]
                label = grond_normaliseren(redactie.grond)
                # The code on one line inside the box (a narrow box gets smaller type; one
                # too small for 3 pt type carries its code in the JSON and the inventaris only).
                breedte = pymupdf.get_text_length(label, fontname="helv", fontsize=1)
                grootte = min(8.0, rechthoek.height * 0.7, (rechthoek.width - 1) / breedte)
                pagina.add_redact_annot(
                    rechthoek,
                    text=label if grootte >= 3 else None,
                    fontname="helv",
                    fontsize=max(grootte, 3.0),
                    align=pymupdf.TEXT_ALIGN_CENTER,
                    fill=(0, 0, 0),
                    text_color=(1, 1, 1),
                    cross_out=False,
                )
            pagina.apply_redactions(
                images=_PIXELS_WISSEN, graphics=_LIJNEN_ONDER_VLAK_WISSEN, text=_TEKST_WISSEN
            )
        document.scrub(
            attached_files=True,
            clean_pages=True,
            embedded_files=True,
            # Invisible text outside the boxes is the OCR layer of a scan: it stays searchable
            # and readable for screen readers; inside the boxes apply_redactions removed it.
            hidden_text=False,
            javascript=True,
            metadata=True,
            redactions=False,
            remove_links=True,
            reset_fields=True,
            reset_responses=True,
            thumbnails=True,
            xml_metadata=True,
        )
        for naam in list(document.embfile_names()):
            document.embfile_del(naam)
        document.set_metadata({})
        document.del_xml_metadata()
        inhoud = document.tobytes(garbage=4, deflate=True, clean=True)
    return Gelakt(inhoud=inhoud, redacties=tuple(redacties), controle=verifieren(inhoud, redacties))


# --- verification -----------------------------------------------------------------------------

# Objects that must not survive: scripts, attachments, layers, forms, annotations, XMP.
_VERBODEN = re.compile(
    rb"/(JavaScript|JS|EmbeddedFile|EmbeddedFiles|OCProperties|AcroForm|Annots|Metadata|Info)\b"
    rb"(?!\s*(?:null|\[\s*\]))"
)


_LABEL = re.compile(r"^(5\.1\.[125]|5\.2|10\.[12]|11\.1)\.?[a-i]?$")


def _zoekpatroon(tekst: str) -> re.Pattern[str]:
    """The string with any whitespace (and for numbers also dots and hyphens) allowed between its
    characters, as a whole word: a line break or letter-spacing must not hide a leak."""
    tekens = [teken for teken in tekst if not teken.isspace()]
    tussen = r"[\s.\-]*" if sum(t.isdigit() for t in tekens) * 2 >= len(tekens) else r"\s*"
    return re.compile(r"(?<!\w)" + tussen.join(re.escape(t) for t in tekens) + r"(?!\w)", re.IGNORECASE)


def verifieren(uitvoer: bytes, redacties: Sequence[Redactie]) -> Controle:
    """Reopens the redacted PDF: every redacted string must be unfindable on its page (extracted
    text and MuPDF's own search), no word may lie inside a box, and nothing may remain of the
    metadata, attachments, annotations, forms, layers or scripts."""
    bevindingen: list[str] = []
    try:
        document = _openen(uitvoer)
    except ValueError as fout:
        return Controle((str(fout),))
    with document:
        metadata = {
            k: v for k, v in (document.metadata or {}).items() if k not in {"format", "encryption"} and v
        }
        if metadata:
            bevindingen.append("Metadata niet leeg: " + ", ".join(sorted(metadata)))
        if document.get_xml_metadata():  # type: ignore[no-untyped-call]
            bevindingen.append("XMP-metadata niet leeg.")
        if document.embfile_count():
            bevindingen.append("Het document bevat nog bijlagen.")
        for xref in range(1, document.xref_length()):  # type: ignore[no-untyped-call]
            bron = document.xref_object(xref, compressed=True).encode("latin-1", "replace")  # type: ignore[no-untyped-call]
            if (treffer := _VERBODEN.search(bron)) is not None:
                bevindingen.append(f"Object {xref} bevat nog /{treffer.group(1).decode()}.")
        per_pagina: dict[int, list[Redactie]] = {}
        for redactie in redacties:
            per_pagina.setdefault(redactie.pagina, []).append(redactie)
        for nummer, lijst in sorted(per_pagina.items()):
            if not 1 <= nummer <= document.page_count:
                bevindingen.append(f"Pagina {nummer} ontbreekt in het resultaat.")
                continue
            pagina = document[nummer - 1]
            # One text extraction per page, shared by the text, the words and every search.
            tekstpagina = pagina.get_textpage()
            tekst = pagina.get_text(textpage=tekstpagina)  # type: ignore[no-untyped-call]
            woorden = [
                (woord[0], woord[1], woord[2], woord[3], woord[4])
                for woord in pagina.get_text("words", textpage=tekstpagina)  # type: ignore[no-untyped-call]
                if not _LABEL.match(woord[4])
            ]
            for redactie in lijst:
                # A box drawn over an image or a signature has no text to look for; only the
                # check that no word remains inside it applies.
                if redactie.tekst.strip() and _zoekpatroon(redactie.tekst).search(tekst):
                    bevindingen.append(f"Pagina {nummer}: gelakte tekst nog leesbaar ({redactie.soort}).")
                    continue
                vak = redactie.rechthoek
                treffers = (
                    pagina.search_for(redactie.tekst, textpage=tekstpagina) if redactie.tekst.strip() else []
                )
                if any(_snijdt((t.x0, t.y0, t.x1, t.y1), vak) for t in treffers):
                    bevindingen.append(f"Pagina {nummer}: gelakte tekst nog vindbaar ({redactie.soort}).")
                    continue
                for x0, y0, x1, y1, _woord in woorden:
                    # A word more than half inside a box was not removed by it.
                    breedte = min(x1, vak[2]) - max(x0, vak[0])
                    hoogte = min(y1, vak[3]) - max(y0, vak[1])
                    if breedte > 0 and hoogte > 0 and breedte * hoogte > 0.5 * (x1 - x0) * (y1 - y0):
                        bevindingen.append(f"Pagina {nummer}: tekst onder een lakvlak ({redactie.soort}).")
                        break
    return Controle(tuple(dict.fromkeys(bevindingen)))
