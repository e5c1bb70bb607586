"""Reading the boxes (lakvakken) of a Woo document: per page for the page view, the accepted ones as
`raadhuis.woo.lakken.Redactie` for the redaction on approval, the names that stay visible
(public officials, woo.md section 8) and the decisions already taken elsewhere in the request, so
one person is treated the same in every document (issue 9, point 5).

Boxes are stored in PyMuPDF's page coordinates (PDF points, origin top left of the unrotated
page, as text extraction gives them); the page image is rendered with the page's rotation, so the
page view converts every box with the page's rotation matrix (`paginaweergave`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf
from django.db.models import Count, QuerySet

from raadhuis.besluitvorming.selectors.beheer import lidmaatschappen_van_orgaan
from raadhuis.besluitvorming.selectors.publiek import organen
from raadhuis.core import persoonsgegevens as pg
from raadhuis.woo.lakken import Redactie
from raadhuis.woo.models import Document, Herkomst, Lakvak, Vakstatus, WooVerzoek, ZichtbareNaam
from raadhuis.woo.selectors.documenten import pdf_van

__all__ = [
    "Paginaweergave",
    "Vakweergave",
    "aantallen_per_status",
    "bekende_namen",
    "beslissingen_elders",
    "bestuurders",
    "document_van_verzoek",
    "geaccepteerde_redacties",
    "lakvak_van",
    "lakvakken_van",
    "pagina_png",
    "paginaweergave",
    "vaksleutel",
    "zichtbare_naam_van",
    "zichtbare_namen",
    "zichtbare_namen_lijst",
]

# The page image is rendered at 1.5 times its size in points (108 dpi): legible on a screen,
# small enough to load fast.
ZOOM = 1.5
# The bodies whose members act in a public function (Gemeentewet art. 7, 34); their names stay
# visible in Woo documents (woo.md, section 8).
_BESTUURSORGANEN = frozenset({"raad", "college"})


def lakvakken_van(document: Document, *, pagina: int | None = None) -> QuerySet[Lakvak]:
    """The document's boxes in reading order (page, top to bottom, left to right)."""
    vakken = Lakvak.objects.filter(document=document).select_related("beoordeeld_door")
    if pagina is not None:
        vakken = vakken.filter(pagina=pagina)
    return vakken.order_by("pagina", "y0", "x0", "id")


def lakvak_van(document: Document, lakvak_id: int) -> Lakvak | None:
    """One box of this document (a box id of another document gives None)."""
    return Lakvak.objects.select_related("document__verzoek").filter(document=document, pk=lakvak_id).first()


def zichtbare_namen_lijst() -> QuerySet[ZichtbareNaam]:
    """The configured list of officials whose names stay visible, by name."""
    return ZichtbareNaam.objects.select_related("toegevoegd_door").order_by("naam")


def bestuurders() -> list[str]:
    """The names of everyone who is or was a member of the raad or the college (also the
    burgemeester, wethouders and griffier there): they act in a public function, so a document
    from an earlier term names them visibly too."""
    namen: set[str] = set()
    for orgaan in organen():
        if orgaan.soort in _BESTUURSORGANEN:
            namen.update(lidmaatschap.persoon.naam for lidmaatschap in lidmaatschappen_van_orgaan(orgaan))
    return sorted((naam for naam in namen if naam.strip()), key=str.casefold)


def zichtbare_namen() -> list[str]:
    """Names that are never proposed as a redaction: the configured list plus the members of the
    raad and the college from besluitvorming (woo.md, section 8)."""
    namen = set(ZichtbareNaam.objects.values_list("naam", flat=True)) | set(bestuurders())
    return sorted(namen, key=str.casefold)


def vaksleutel(soort: str, tekst: str) -> tuple[str, str]:
    """What makes two boxes the same datum: the kind and the normalised text (case, accents,
    spacing, titles; numbers without separators), as `persoonsgegevens.vondst_sleutel`."""
    return soort, pg.normaliseren(soort, tekst)


def _elders(document: Document) -> QuerySet[Lakvak]:
    """Automatic boxes in the request's other documents."""
    return Lakvak.objects.filter(
        document__verzoek_id=document.verzoek_id, herkomst=Herkomst.AUTOMATISCH
    ).exclude(document=document)


def bekende_namen(document: Document) -> list[str]:
    """Names proposed or accepted in the request's other documents: looked for in this one too,
    also where the name recogniser misses them, so one person is treated the same throughout."""
    namen = (
        _elders(document)
        .filter(soort=pg.NAAM, status__in=[Vakstatus.VOORGESTELD, Vakstatus.GEACCEPTEERD])
        .values_list("tekst", flat=True)
        .distinct()
    )
    return sorted({naam for naam in namen if naam.strip()})


def beslissingen_elders(document: Document) -> dict[tuple[str, str], str]:
    """Per datum (`vaksleutel`) the decision taken on it in the request's other documents:
    geaccepteerd or afgewezen. A datum decided both ways is left out (a person looks again)."""
    gevonden: dict[tuple[str, str], set[str]] = {}
    beslist = _elders(document).filter(status__in=[Vakstatus.GEACCEPTEERD, Vakstatus.AFGEWEZEN])
    for soort, tekst, status in beslist.values_list("soort", "tekst", "status"):
        gevonden.setdefault(vaksleutel(soort, tekst), set()).add(status)
    return {sleutel: statussen.pop() for sleutel, statussen in gevonden.items() if len(statussen) == 1}


def geaccepteerde_redacties(document: Document) -> list[Redactie]:
    """The accepted boxes as the redaction engine takes them (what the approval applies)."""
    return [
        Redactie(
            pagina=vak.pagina,
            rechthoek=vak.rechthoek,
            tekst=vak.tekst,
            soort=vak.soort,
            grond=vak.grond,
        )
        for vak in lakvakken_van(document).filter(status=Vakstatus.GEACCEPTEERD)
    ]


# --- the page view ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vakweergave:
    """A box as shown on the page image: `nummer` links the drawing to the list on the page;
    x, y, breedte and hoogte are in points of the page as shown (its rotation applied)."""

    lakvak: Lakvak
    nummer: int
    x: float
    y: float
    breedte: float
    hoogte: float


@dataclass(frozen=True)
class Paginaweergave:
    pagina: int
    aantal_paginas: int
    breedte: float
    hoogte: float
    vakken: list[Vakweergave]

    @property
    def vorige(self) -> int | None:
        return self.pagina - 1 if self.pagina > 1 else None

    @property
    def volgende(self) -> int | None:
        return self.pagina + 1 if self.pagina < self.aantal_paginas else None


def _openen(inhoud: bytes) -> pymupdf.Document | None:
    try:
        return pymupdf.open(stream=inhoud, filetype="pdf")  # type: ignore[no-untyped-call]
    except (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase):
        return None


def paginaweergave(document: Document, pagina: int) -> Paginaweergave | None:
    """Page `pagina` (from 1) with its size as shown and its boxes converted to that view; None
    when the document has no readable PDF or no such page."""
    pdf = _openen(pdf_van(document)) if document.pdf else None
    if pdf is None:
        return None
    with pdf:
        if not 1 <= pagina <= pdf.page_count:
            return None
        pdfpagina = pdf[pagina - 1]
        rotatie = pdfpagina.rotation_matrix
        getoond: list[tuple[Lakvak, pymupdf.Rect]] = []
        for vak in lakvakken_van(document, pagina=pagina):
            rechthoek = pymupdf.Rect(vak.rechthoek) * rotatie  # type: ignore[no-untyped-call]
            rechthoek.normalize()
            getoond.append((vak, rechthoek))
        # Numbered in reading order of the page as shown (a rotated page reads differently).
        getoond.sort(key=lambda paar: (round(paar[1].y0), paar[1].x0, paar[0].pk))
        vakken = [
            Vakweergave(
                lakvak=vak,
                nummer=nummer,
                x=round(rechthoek.x0, 2),
                y=round(rechthoek.y0, 2),
                breedte=round(rechthoek.width, 2),
                hoogte=round(rechthoek.height, 2),
            )
            for nummer, (vak, rechthoek) in enumerate(getoond, start=1)
        ]
        return Paginaweergave(
            pagina=pagina,
            aantal_paginas=pdf.page_count,
            breedte=round(pdfpagina.rect.width, 2),
            hoogte=round(pdfpagina.rect.height, 2),
            vakken=vakken,
        )


def pagina_png(document: Document, pagina: int) -> bytes | None:
    """Page `pagina` (from 1) as PNG at 1.5 times its size, rotation applied; None when there is no
    such page."""
    pdf = _openen(pdf_van(document)) if document.pdf else None
    if pdf is None:
        return None
    with pdf:
        if not 1 <= pagina <= pdf.page_count:
            return None
        matrix = pymupdf.Matrix(ZOOM, ZOOM)  # type: ignore[no-untyped-call]
        return bytes(pdf[pagina - 1].get_pixmap(matrix=matrix, annots=False).tobytes("png"))  # type: ignore[no-untyped-call]


def document_van_verzoek(verzoek: WooVerzoek, document_id: int) -> Document | None:
    """A document of this request by its id (an id of another request's document gives None)."""
    return Document.objects.select_related("verzoek").filter(verzoek=verzoek, pk=document_id).first()


def aantallen_per_status(document: Document) -> dict[str, int]:
    """How many boxes of the document are proposed, accepted and rejected (each status a key)."""
    tellingen = dict(
        Lakvak.objects.filter(document=document)
        .values_list("status")
        .annotate(aantal=Count("id"))
        .values_list("status", "aantal")
    )
    return {status: int(tellingen.get(status, 0)) for status in Vakstatus.values}


def zichtbare_naam_van(zichtbare_naam_id: int) -> ZichtbareNaam | None:
    return ZichtbareNaam.objects.filter(pk=zichtbare_naam_id).first()
