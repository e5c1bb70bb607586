"""Reads of raadsvragen: the answer term in force, who may put questions on a date, the registers for
the Werkplek and the public, and what is overdue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from raadhuis.besluitvorming.models import (
    Agendapunt,
    Fractie,
    Orgaan,
    Persoon,
    Raadsvraag,
    Raadsvragenregeling,
    Toezegging,
    Vraagsteller,
)
from raadhuis.besluitvorming.selectors.stemmingen import collegeleden_op, zitting_hebbende_leden_op
from raadhuis.core.replica import leest_van_replica


@leest_van_replica
def raadsvragenregeling() -> Raadsvragenregeling:
    """The answer term the griffie set, or the default (30 days) when none was saved yet."""
    return Raadsvragenregeling.objects.order_by("pk").first() or Raadsvragenregeling()


def raad_op(op: dt.date) -> Orgaan | None:
    """The gemeenteraad active on `op`."""
    return (
        Orgaan.objects.filter(soort=Orgaan.Soort.RAAD, actief_vanaf__lte=op)
        .filter(Q(actief_tot__isnull=True) | Q(actief_tot__gte=op))
        .order_by("pk")
        .first()
    )


def raadsleden_op(op: dt.date) -> list[Persoon]:
    """The members seated in the raad on `op`: who may put raadsvragen (Gemeentewet art. 155)."""
    raad = raad_op(op)
    return zitting_hebbende_leden_op(orgaan=raad, op=op) if raad is not None else []


def portefeuillehouders_op(op: dt.date) -> list[Persoon]:
    return collegeleden_op(op=op)


@dataclass(frozen=True)
class Raadsvragenfilter:
    status: str = ""
    alleen_te_laat: bool = False
    portefeuillehouder: Persoon | None = None
    fractie: Fractie | None = None
    zoekterm: str = ""
    op: dt.date | None = None
    # Public register: no concepts, ever.
    openbaar: bool = True
    # In the Werkplek: the griffie sees every concept, a raadslid only their own (medewerker pk).
    alle_concepten: bool = False
    concepten_van: int | None = None


@dataclass(frozen=True)
class Vraagregel:
    raadsvraag: Raadsvraag
    te_laat: bool
    dagen_te_laat: int


def _met_details(raadsvragen: QuerySet[Raadsvraag]) -> QuerySet[Raadsvraag]:
    return raadsvragen.select_related("portefeuillehouder").prefetch_related(
        Prefetch("indieners", queryset=Vraagsteller.objects.select_related("persoon", "fractie")),
        "vragen",
    )


def raadsvragen_met_details() -> QuerySet[Raadsvraag]:
    """Every question with what its pages show; narrow it with .filter() or get_object_or_404."""
    return _met_details(Raadsvraag.objects.all()).prefetch_related(
        Prefetch("agendapunten", queryset=Agendapunt.objects.select_related("vergadering")),
        Prefetch("toezeggingen", queryset=Toezegging.objects.select_related("vergadering")),
    )


def _zichtbaar(raadsvragen: QuerySet[Raadsvraag], filter: Raadsvragenfilter) -> QuerySet[Raadsvraag]:
    if filter.openbaar:
        return raadsvragen.exclude(status=Raadsvraag.Status.CONCEPT)
    if filter.alle_concepten:
        return raadsvragen
    eigen = Q(indieners__persoon__medewerker_id=filter.concepten_van) if filter.concepten_van else Q(pk=None)
    concepten = Raadsvraag.objects.filter(Q(status=Raadsvraag.Status.CONCEPT) & eigen).values("pk")
    return raadsvragen.filter(~Q(status=Raadsvraag.Status.CONCEPT) | Q(pk__in=concepten))


@leest_van_replica
def raadsvragen_register(filter: Raadsvragenfilter | None = None) -> list[Vraagregel]:
    """The register of raadsvragen, newest first, overdue ones flagged on `op` (default today)."""
    filter = filter or Raadsvragenfilter()
    op = filter.op or timezone.localdate()
    vragen = _zichtbaar(Raadsvraag.objects.all(), filter)
    if filter.status:
        vragen = vragen.filter(status=filter.status)
    if filter.alleen_te_laat:
        vragen = vragen.filter(status__in=Raadsvraag.OPEN, uiterste_datum__lt=op)
    if filter.portefeuillehouder is not None:
        vragen = vragen.filter(portefeuillehouder=filter.portefeuillehouder)
    if filter.fractie is not None:
        vragen = vragen.filter(
            pk__in=Vraagsteller.objects.filter(fractie=filter.fractie).values("raadsvraag")
        )
    zoekterm = filter.zoekterm.strip()
    if zoekterm:
        treffers = Raadsvraag.objects.filter(
            Q(kenmerk__icontains=zoekterm)
            | Q(onderwerp__icontains=zoekterm)
            | Q(inleiding__icontains=zoekterm)
            | Q(vragen__tekst__icontains=zoekterm)
            | Q(antwoord__icontains=zoekterm)
        ).values("pk")
        vragen = vragen.filter(pk__in=treffers)
    return [
        Vraagregel(raadsvraag=vraag, te_laat=vraag.te_laat_op(op), dagen_te_laat=vraag.dagen_te_laat_op(op))
        for vraag in _met_details(vragen).order_by("-ingediend_op", "-pk")
    ]


@leest_van_replica
def openbare_raadsvraag(kenmerk: str) -> Raadsvraag | None:
    """A submitted question by its kenmerk; None for a concept or an unknown kenmerk."""
    if not kenmerk:
        return None
    return raadsvragen_met_details().exclude(status=Raadsvraag.Status.CONCEPT).filter(kenmerk=kenmerk).first()


@leest_van_replica
def openbare_agendapunten_van(raadsvraag: Raadsvraag) -> list[Agendapunt]:
    """The linked agendapunten the public may see: none from a besloten meeting (Gemeentewet art. 23)."""
    return [
        punt for punt in raadsvraag.agendapunten.all() if not punt.besloten and not punt.vergadering.besloten
    ]


@leest_van_replica
def openbare_toezeggingen_van(raadsvraag: Raadsvraag) -> list[Toezegging]:
    return [t for t in raadsvraag.toezeggingen.all() if not t.vergadering.besloten]


def agendapunten_om_te_koppelen(*, rond: dt.date, aantal: int = 80) -> QuerySet[Agendapunt]:
    """Agendapunten of meetings around a date, nearest first: what a question is usually about."""
    return (
        Agendapunt.objects.filter(
            vergadering__begin__date__gte=rond - dt.timedelta(days=120),
            vergadering__begin__date__lte=rond + dt.timedelta(days=120),
        )
        .select_related("vergadering")
        .order_by("-vergadering__begin", "volgnummer")[:aantal]
    )


def toezeggingen_om_te_koppelen(*, aantal: int = 80) -> QuerySet[Toezegging]:
    return Toezegging.objects.select_related("vergadering").order_by("-uiterste_datum", "-pk")[:aantal]


def te_late_raadsvragen(*, op: dt.date | None = None) -> QuerySet[Raadsvraag]:
    """Submitted questions still unanswered after their last day, oldest deadline first."""
    return (
        _met_details(Raadsvraag.objects.filter(status__in=Raadsvraag.OPEN))
        .filter(uiterste_datum__lt=op or timezone.localdate())
        .order_by("uiterste_datum", "pk")
    )


@leest_van_replica
def portefeuillehouders_van_raadsvragen() -> QuerySet[Persoon]:
    """The filter's choices: who has had a question to answer."""
    return Persoon.objects.filter(
        pk__in=Raadsvraag.objects.filter(portefeuillehouder__isnull=False).values("portefeuillehouder")
    ).order_by("achternaam", "voornaam")


@leest_van_replica
def fracties_van_raadsvragen() -> QuerySet[Fractie]:
    """The filter's choices: the fracties of the indieners when they put questions."""
    return Fractie.objects.filter(
        pk__in=Vraagsteller.objects.filter(fractie__isnull=False).values("fractie")
    ).order_by("naam")


@leest_van_replica
def openbare_raadsvragen_van(persoon: Persoon, *, aantal: int = 20) -> QuerySet[Raadsvraag]:
    """The submitted questions a member put (for their public page), newest first; no concepts."""
    return (
        Raadsvraag.objects.filter(indieners__persoon=persoon)
        .exclude(status=Raadsvraag.Status.CONCEPT)
        .order_by("-ingediend_op", "-pk")[:aantal]
    )


def recent_gewijzigde_raadsvragen(*, aantal: int = 50) -> QuerySet[Raadsvraag]:
    """For the Atom feed: the submitted questions changed most recently (new, answered, withdrawn)."""
    return _met_details(Raadsvraag.objects.exclude(status=Raadsvraag.Status.CONCEPT)).order_by(
        "-gewijzigd_op", "-pk"
    )[:aantal]
