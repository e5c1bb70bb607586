"""Reads of inspreken: whether and until when one may sign up, the griffie's lists, and the speakers
the public agenda names (only accepted ones, by name only with consent)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.besluitvorming.models import Agendapunt, Inspreekregeling, Orgaan, Spreekverzoek, Vergadering
from raadhuis.core.termijnen import is_werkdag

# Noon on the working day before the meeting, a common closing time in Reglementen van Orde of
# commissies (verify locally).
SLUITINGSUUR = dt.time(12, 0)


def regeling_van(orgaan: Orgaan) -> Inspreekregeling | None:
    return Inspreekregeling.objects.filter(orgaan=orgaan).first()


def sluiting(vergadering: Vergadering, regeling: Inspreekregeling) -> dt.datetime:
    """When signing up for this meeting closes, per the body's Reglement van Orde (verify locally):
    a number of hours before the start, or at noon on the last working day before the meeting day
    (working days as in the Algemene termijnenwet art. 3: no weekend, no national holiday)."""
    if regeling.sluiting == Inspreekregeling.Sluiting.UREN_VOORAF:
        return vergadering.begin - dt.timedelta(hours=regeling.uren_vooraf)
    dag = timezone.localtime(vergadering.begin).date() - dt.timedelta(days=1)
    while not is_werkdag(dag):
        dag -= dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(dag, SLUITINGSUUR))


@dataclass(frozen=True)
class Inspreekmogelijkheid:
    """Whether one may ask to speak at a meeting now, and if not, why not (in Dutch, for the page)."""

    open: bool
    reden: str = ""
    sluiting: dt.datetime | None = None
    vrij_onderwerp: bool = False
    spreektijd: int = 0


def inspreekmogelijkheid(vergadering: Vergadering, *, nu: dt.datetime | None = None) -> Inspreekmogelijkheid:
    nu = nu or timezone.now()
    regeling = regeling_van(vergadering.orgaan)
    if regeling is None or not regeling.toegestaan:
        return Inspreekmogelijkheid(
            open=False, reden=_("Bij vergaderingen van dit orgaan kunt u niet inspreken.")
        )
    if vergadering.besloten:
        return Inspreekmogelijkheid(
            open=False,
            reden=_("Dit is een besloten vergadering (Gemeentewet artikel 23); inspreken kan niet."),
        )
    if vergadering.status != Vergadering.Status.GEPLAND or vergadering.begin <= nu:
        return Inspreekmogelijkheid(open=False, reden=_("Deze vergadering is al geweest of gaat niet door."))
    gesloten = sluiting(vergadering, regeling)
    return Inspreekmogelijkheid(
        open=nu < gesloten,
        reden="" if nu < gesloten else _("Aanmelden om in te spreken bij deze vergadering is gesloten."),
        sluiting=gesloten,
        vrij_onderwerp=regeling.vrij_onderwerp,
        spreektijd=regeling.spreektijd,
    )


def agendapunten_om_in_te_spreken(vergadering: Vergadering) -> QuerySet[Agendapunt]:
    """The public items of a published agenda (Gemeentewet arts. 19 and 23): a besloten item is
    never offered."""
    if vergadering.agenda_gepubliceerd_op is None or vergadering.besloten:
        return Agendapunt.objects.none()
    return vergadering.agendapunten.filter(besloten=False).order_by("volgnummer")


@dataclass(frozen=True)
class Insprekers:
    """What the public meeting page shows about inspreken."""

    mogelijkheid: Inspreekmogelijkheid
    per_agendapunt: dict[int, list[Spreekverzoek]] = field(default_factory=dict)
    vrije_onderwerpen: list[Spreekverzoek] = field(default_factory=list)


def insprekers_publiek(vergadering: Vergadering) -> Insprekers:
    """The accepted speakers of a public meeting with a published agenda, in speaking order; nothing
    of a besloten meeting or item. The template shows `openbare_naam` only (consent, AVG art. 6)."""
    mogelijkheid = inspreekmogelijkheid(vergadering)
    if vergadering.besloten or vergadering.agenda_gepubliceerd_op is None:
        return Insprekers(mogelijkheid=mogelijkheid)
    per_punt: dict[int, list[Spreekverzoek]] = defaultdict(list)
    vrij: list[Spreekverzoek] = []
    verzoeken = (
        Spreekverzoek.objects.filter(vergadering=vergadering, status=Spreekverzoek.Status.TOEGELATEN)
        .filter(Q(agendapunt__isnull=True) | Q(agendapunt__besloten=False))
        .only(
            "agendapunt_id", "onderwerp", "naam", "organisatie", "naam_publiceren", "volgorde", "spreektijd"
        )
        .order_by("volgorde", "ingediend_op", "pk")
    )
    for verzoek in verzoeken:
        if verzoek.agendapunt_id is None:
            vrij.append(verzoek)
        else:
            per_punt[verzoek.agendapunt_id].append(verzoek)
    return Insprekers(mogelijkheid=mogelijkheid, per_agendapunt=dict(per_punt), vrije_onderwerpen=vrij)


# -- The griffie's Werkplek ---------------------------------------------------------------------------


def vergaderingen_met_spreekverzoeken(*, vanaf: dt.datetime) -> QuerySet[Vergadering]:
    """Coming meetings of bodies that allow inspreken, with their counts per status."""
    return (
        Vergadering.objects.filter(begin__gte=vanaf, orgaan__inspreekregeling__toegestaan=True)
        .select_related("orgaan")
        .annotate(
            aantal_aangevraagd=Count("spreekverzoeken", filter=Q(spreekverzoeken__status="aangevraagd")),
            aantal_toegelaten=Count("spreekverzoeken", filter=Q(spreekverzoeken__status="toegelaten")),
            aantal_verzoeken=Count("spreekverzoeken"),
        )
        .order_by("begin", "pk")
    )


def spreekverzoeken_van(vergadering: Vergadering) -> QuerySet[Spreekverzoek]:
    return (
        Spreekverzoek.objects.filter(vergadering=vergadering)
        .select_related("agendapunt", "beslist_door")
        .order_by("agendapunt__volgnummer", "volgorde", "ingediend_op", "pk")
    )


def regelingen() -> QuerySet[Inspreekregeling]:
    return Inspreekregeling.objects.select_related("orgaan").order_by("orgaan__naam")


def organen_zonder_regeling() -> QuerySet[Orgaan]:
    return Orgaan.objects.filter(inspreekregeling__isnull=True).order_by("naam")
