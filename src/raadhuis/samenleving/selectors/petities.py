"""Every read of petitions: the public lists with their counts (never who signed), and the griffie's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from raadhuis.besluitvorming.selectors import publiek as besluitvorming
from raadhuis.samenleving.models import Ondertekening, Petitie

OPEN_OF_LATER: tuple[str, ...] = (
    Petitie.Status.OPEN,
    Petitie.Status.GESLOTEN,
    Petitie.Status.AANGEBODEN,
    Petitie.Status.AFGEHANDELD,
)


def _met_aantallen(petities: QuerySet[Petitie]) -> QuerySet[Petitie]:
    """Confirmed signatures only; an unconfirmed e-mail signature does not count."""
    bevestigd = Q(ondertekeningen__bevestigd_op__isnull=False)
    return petities.annotate(
        aantal=Count("ondertekeningen", filter=bevestigd),
        aantal_inwoners=Count("ondertekeningen", filter=bevestigd & Q(ondertekeningen__inwoner=True)),
    )


def openbare_petities(*, status: str = "") -> QuerySet[Petitie]:
    """What the public may see: nothing submitted or refused. `status` narrows the list."""
    petities = Petitie.objects.filter(status__in=OPEN_OF_LATER)
    if status in OPEN_OF_LATER:
        petities = petities.filter(status=status)
    return _met_aantallen(petities).order_by("-ondertekenen_van", "-pk")


def openbare_petitie(pk: int) -> Petitie | None:
    return _met_aantallen(Petitie.objects.filter(status__in=OPEN_OF_LATER, pk=pk)).first()


def petities_voor_griffie(*, status: str = "") -> QuerySet[Petitie]:
    petities = Petitie.objects.all()
    if status in Petitie.Status.values:
        petities = petities.filter(status=status)
    return _met_aantallen(petities).order_by("-ingediend_op", "-pk")


def petitie_voor_griffie(pk: int) -> Petitie | None:
    return _met_aantallen(Petitie.objects.filter(pk=pk)).first()


def te_laat_geagendeerd(*, op: dt.date | None = None) -> QuerySet[Petitie]:
    """Admissible burgerinitiatieven not yet on the raad's agenda past their term (Verordening
    burgerinitiatief, verify locally): the Werkplek flags them."""
    vandaag = op or timezone.localdate()
    return Petitie.objects.filter(
        soort=Petitie.Soort.BURGERINITIATIEF,
        ontvankelijkheid=Petitie.Ontvankelijkheid.ONTVANKELIJK,
        status=Petitie.Status.GESLOTEN,
        agenderen_uiterlijk__lt=vandaag,
    ).order_by("agenderen_uiterlijk", "pk")


def ondertekening_op(pk: int) -> Ondertekening | None:
    return Ondertekening.objects.select_related("petitie").filter(pk=pk).first()


@dataclass(frozen=True)
class Raadsvergadering:
    pk: int
    titel: str
    begin: dt.datetime


def vergaderingen_om_aan_te_bieden() -> list[Raadsvergadering]:
    """Meetings of besluitvorming a petition can be offered at: upcoming ones and those of the last year."""
    grens = timezone.now() - dt.timedelta(days=366)
    komend = list(besluitvorming.kalender(komend=True)[:50])
    geweest = list(besluitvorming.kalender(komend=False).filter(begin__gte=grens)[:50])
    return [Raadsvergadering(pk=v.pk, titel=v.titel, begin=v.begin) for v in [*komend, *geweest]]


def vergadering(pk: int | None) -> Raadsvergadering | None:
    """The meeting a petition was offered at (besluitvorming's public page shows what is public)."""
    if pk is None:
        return None
    gevonden = (
        besluitvorming.kalender(komend=True).filter(pk=pk).first()
        or besluitvorming.kalender(komend=False).filter(pk=pk).first()
    )
    return (
        None
        if gevonden is None
        else Raadsvergadering(pk=gevonden.pk, titel=gevonden.titel, begin=gevonden.begin)
    )
