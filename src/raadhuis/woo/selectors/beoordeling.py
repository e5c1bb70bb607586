"""Reading the assessment of a Woo request: the grounds used and their motivation (for the besluit
letter, Awb 3:46), the third parties to be heard (Woo art. 4.4 lid 3), and the documents waiting for
a second person's approval (four eyes)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from raadhuis.accounts.models import Medewerker
from raadhuis.woo import gronden as woo_gronden
from raadhuis.woo.models import (
    AFGESLOTEN_STATUSSEN,
    Beoordelingsstatus,
    Derde,
    Document,
    Grondmotivering,
    Lakvak,
    Oordeel,
    Vakstatus,
    WooVerzoek,
)

__all__ = [
    "Vakkengroep",
    "aantal_voorgestelde_vakken",
    "derden_van",
    "document_voor_beoordeling",
    "documentkeuzes",
    "geaccepteerde_vakken_per_grond",
    "gebruikte_gronden",
    "grondmotiveringen_van",
    "ontbrekende_motiveringen",
    "te_controleren",
]


def _in_volgorde_van_de_wet(codes: set[str]) -> list[str]:
    """Known grounds in the order of the law, then any other code (an old Wob code) sorted."""
    bekend = [code for code in woo_gronden.GRONDEN if code in codes]
    return bekend + sorted(codes - set(bekend))


def _genormaliseerd(code: str) -> str:
    try:
        return woo_gronden.grond(code).code
    except KeyError:
        return code


def gebruikte_gronden(verzoek: WooVerzoek) -> list[str]:
    """The grounds this request's decision relies on: those of the accepted boxes in documents
    assessed deels openbaar, and those of documents withheld entirely (niet openbaar); duplicates
    follow their original and are not counted twice."""
    origineel = Q(document__verzoek=verzoek, document__dubbel_van__isnull=True)
    codes = {
        _genormaliseerd(grond)
        for grond in Lakvak.objects.filter(
            origineel, document__oordeel=Oordeel.DEELS_OPENBAAR, status=Vakstatus.GEACCEPTEERD
        )
        .values_list("grond", flat=True)
        .distinct()
    }
    for lijst in Document.objects.filter(
        verzoek=verzoek, dubbel_van__isnull=True, oordeel=Oordeel.NIET_OPENBAAR
    ).values_list("gronden", flat=True):
        codes.update(_genormaliseerd(code) for code in lijst or [])
    return _in_volgorde_van_de_wet(codes)


def grondmotiveringen_van(verzoek: WooVerzoek) -> QuerySet[Grondmotivering]:
    """The motivation per ground recorded for the request; the codes sort in the law's order."""
    return Grondmotivering.objects.filter(verzoek=verzoek).select_related("door").order_by("grond")


def ontbrekende_motiveringen(verzoek: WooVerzoek) -> list[str]:
    """Grounds used without a motivation: the decision cannot be taken until each has one."""
    gemotiveerd = set(Grondmotivering.objects.filter(verzoek=verzoek).values_list("grond", flat=True))
    return [code for code in gebruikte_gronden(verzoek) if code not in gemotiveerd]


def derden_van(verzoek: WooVerzoek) -> QuerySet[Derde]:
    """The request's third parties with the documents that concern them."""
    return Derde.objects.filter(verzoek=verzoek).prefetch_related("documenten").order_by("naam", "id")


def te_controleren(door: Medewerker) -> QuerySet[Document]:
    """Assessed documents of open requests waiting for a second person other than their assessor,
    oldest assessment first."""
    return (
        Document.objects.filter(beoordelingsstatus=Beoordelingsstatus.TER_CONTROLE)
        .exclude(beoordeeld_door=door)
        .exclude(verzoek__status__in=AFGESLOTEN_STATUSSEN)
        .select_related("verzoek", "beoordeeld_door")
        .order_by("beoordeeld_op", "id")
    )


def document_voor_beoordeling(verzoek: WooVerzoek, document_id: int) -> Document | None:
    """One document of the request with its original (for a duplicate) and the people involved."""
    return (
        Document.objects.select_related("dubbel_van", "beoordeeld_door", "gecontroleerd_door")
        .filter(verzoek=verzoek, pk=document_id)
        .first()
    )


def documentkeuzes(verzoek: WooVerzoek) -> list[tuple[int, str]]:
    """(id, label) of the request's documents in inventory order, for choosing which documents
    concern a third party."""
    return [
        (document.pk, str(document))
        for document in Document.objects.filter(verzoek=verzoek).only("id", "nummer", "titel", "naam")
    ]


@dataclass(frozen=True)
class Vakkengroep:
    """The accepted boxes of one ground in a document."""

    code: str
    grond: woo_gronden.Grond | None
    vakken: list[Lakvak]


def geaccepteerde_vakken_per_grond(document: Document) -> list[Vakkengroep]:
    """The document's accepted boxes grouped by ground, in the order of the law."""
    per_grond: dict[str, list[Lakvak]] = {}
    for vak in Lakvak.objects.filter(document=document, status=Vakstatus.GEACCEPTEERD).order_by(
        "pagina", "y0", "x0", "id"
    ):
        per_grond.setdefault(_genormaliseerd(vak.grond), []).append(vak)
    return [
        Vakkengroep(code=code, grond=woo_gronden.GRONDEN.get(code), vakken=per_grond[code])
        for code in _in_volgorde_van_de_wet(set(per_grond))
    ]


def aantal_voorgestelde_vakken(document: Document) -> int:
    """How many proposed boxes still wait for a decision."""
    return Lakvak.objects.filter(document=document, status=Vakstatus.VOORGESTELD).count()
