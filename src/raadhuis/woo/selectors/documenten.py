"""Reading the documents of a Woo request: the inventory in order with its box counts, one document
by id (or number), the overview figures for the request page, and the bytes of a PDF rendition."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from raadhuis.woo.models import Beoordelingsstatus, Document, Vakstatus, WooVerzoek

__all__ = [
    "Documentoverzicht",
    "document_van",
    "documenten_van",
    "documentoverzicht",
    "pdf_van",
]


def documenten_van(verzoek: WooVerzoek) -> QuerySet[Document]:
    """The inventory in order (number by number), each document with `aantal_voorgesteld` and
    `aantal_geaccepteerd` (its boxes per status) and `aantal_bijlagen`. The extracted text is
    left out (it can be megabytes per document and no list shows it)."""
    return (
        Document.objects.filter(verzoek=verzoek)
        .select_related("dubbel_van", "ouder")
        .defer("tekst", "dubbel_van__tekst", "ouder__tekst")
        .prefetch_related(
            Prefetch(
                "verwant_aan", queryset=Document.objects.only("id", "nummer", "volgorde").order_by("volgorde")
            )
        )
        .annotate(
            # distinct: two joins (boxes, attachments) in one query would multiply each other's counts.
            aantal_voorgesteld=Count(
                "lakvakken", filter=Q(lakvakken__status=Vakstatus.VOORGESTELD), distinct=True
            ),
            aantal_geaccepteerd=Count(
                "lakvakken", filter=Q(lakvakken__status=Vakstatus.GEACCEPTEERD), distinct=True
            ),
            aantal_bijlagen=Count("bijlagen", distinct=True),
        )
        .order_by("volgorde", "id")
    )


def document_van(verzoek: WooVerzoek, nummer_of_id: int | str) -> Document | None:
    """One document of the request: by id (an int, what URLs use: numbers change with every
    upload) or by its current inventory number (a str such as "3.1"). None when the request has
    no such document, so an id of another request's document finds nothing."""
    documenten = Document.objects.filter(verzoek=verzoek).select_related("verzoek", "dubbel_van", "ouder")
    if isinstance(nummer_of_id, int):
        return documenten.filter(pk=nummer_of_id).first()
    return documenten.filter(nummer=nummer_of_id).first()


@dataclass(frozen=True)
class Documentoverzicht:
    """The figures on the request page. `alle_goedgekeurd` is what the decision waits for: every
    document that is not a duplicate approved (a duplicate follows its original), or no documents
    at all (a decision that no documents were found is possible)."""

    totaal: int
    te_beoordelen: int
    ter_controle: int
    goedgekeurd: int
    aantal_dubbel: int
    aantal_ocr_nodig: int
    aantal_conversie_nodig: int
    alle_goedgekeurd: bool

    @property
    def per_status(self) -> dict[str, int]:
        return {
            Beoordelingsstatus.TE_BEOORDELEN: self.te_beoordelen,
            Beoordelingsstatus.TER_CONTROLE: self.ter_controle,
            Beoordelingsstatus.GOEDGEKEURD: self.goedgekeurd,
        }


def documentoverzicht(verzoek: WooVerzoek) -> Documentoverzicht:
    """The counts in one query."""
    niet_dubbel = Q(dubbel_van__isnull=True)
    cijfers = Document.objects.filter(verzoek=verzoek).aggregate(
        totaal=Count("id"),
        te_beoordelen=Count("id", filter=Q(beoordelingsstatus=Beoordelingsstatus.TE_BEOORDELEN)),
        ter_controle=Count("id", filter=Q(beoordelingsstatus=Beoordelingsstatus.TER_CONTROLE)),
        goedgekeurd=Count("id", filter=Q(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)),
        aantal_dubbel=Count("id", filter=~niet_dubbel),
        aantal_ocr_nodig=Count("id", filter=Q(ocr_nodig=True)),
        aantal_conversie_nodig=Count("id", filter=Q(pdf_conversie_nodig=True)),
        origineel=Count("id", filter=niet_dubbel),
        origineel_goedgekeurd=Count(
            "id", filter=niet_dubbel & Q(beoordelingsstatus=Beoordelingsstatus.GOEDGEKEURD)
        ),
    )
    alle_goedgekeurd = cijfers["totaal"] == 0 or (
        cijfers["origineel"] > 0 and cijfers["origineel_goedgekeurd"] == cijfers["origineel"]
    )
    return Documentoverzicht(
        totaal=cijfers["totaal"],
        te_beoordelen=cijfers["te_beoordelen"],
        ter_controle=cijfers["ter_controle"],
        goedgekeurd=cijfers["goedgekeurd"],
        aantal_dubbel=cijfers["aantal_dubbel"],
        aantal_ocr_nodig=cijfers["aantal_ocr_nodig"],
        aantal_conversie_nodig=cijfers["aantal_conversie_nodig"],
        alle_goedgekeurd=alle_goedgekeurd,
    )


def pdf_van(document: Document) -> bytes:
    """The bytes of the document's PDF rendition (what is assessed and redacted); empty when it
    has none (an unreadable attachment). Raises FileNotFoundError when the file is gone."""
    if not document.pdf:
        return b""
    with document.pdf.open("rb") as bestand:
        return bytes(bestand.read())
