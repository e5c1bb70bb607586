"""Every read of core's own models."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from django.core.cache import cache
from django.db.models import QuerySet

from raadhuis.core import termijnen
from raadhuis.core.models import Begrotingsprogramma, GelijkgesteldeDag, Organisatie


def huidige_organisatie() -> Organisatie | None:
    """The organisation running the platform, or None before `raadhuis demo`/set-up ran."""
    return Organisatie.objects.filter(pk=1).first()


# Every page's header and footer show the organisation, which changes perhaps once a year: kept in
# the cache (shared by the processes in production), a query fewer a page. The services that change
# it clear it (core.services); anything else that does (a restore) shows within ORGANISATIE_CACHEDUUR.
ORGANISATIE_CACHESLEUTEL = "core:organisatie"
ORGANISATIE_CACHEDUUR = 300


def organisatie_voor_paginas() -> Organisatie | None:
    """huidige_organisatie as the pages' header and footer show it; for reading only."""
    organisatie: Organisatie | None = cache.get(ORGANISATIE_CACHESLEUTEL)
    if organisatie is None:
        organisatie = huidige_organisatie()
        if organisatie is not None:
            cache.set(ORGANISATIE_CACHESLEUTEL, organisatie, ORGANISATIE_CACHEDUUR)
    return organisatie


def gelijkgestelde_dagen_overzicht() -> QuerySet[GelijkgesteldeDag]:
    return GelijkgesteldeDag.objects.order_by("-datum")


def gelijkgestelde_dagen() -> frozenset[date]:
    return frozenset(GelijkgesteldeDag.objects.values_list("datum", flat=True))


def termijn_berekenen(
    *,
    gebeurtenis: date,
    termijn: termijnen.Termijn,
    atw: bool = True,
    opschortingen: Sequence[tuple[date, date]] = (),
    verlenging: termijnen.Termijn | None = None,
    eerste_dag_telt: bool = False,
    gebeurtenis_omschrijving: str | None = None,
    extra_feestdagen: Collection[date] = (),
) -> termijnen.Uitkomst:
    """The platform's way to compute a legal deadline: core.termijnen with the days equated with
    holidays by royal decree (Atw art. 3 lid 3) as the beheerder recorded them."""
    return termijnen.bereken_termijn(
        gebeurtenis=gebeurtenis,
        termijn=termijn,
        atw=atw,
        opschortingen=opschortingen,
        verlenging=verlenging,
        extra_feestdagen=gelijkgestelde_dagen() | frozenset(extra_feestdagen),
        eerste_dag_telt=eerste_dag_telt,
        gebeurtenis_omschrijving=gebeurtenis_omschrijving,
    )


def begrotingsprogrammas(*, jaar: int | None = None) -> QuerySet[Begrotingsprogramma]:
    """The programmes of the begroting, in their order; with `jaar` only those valid that year."""
    programmas = Begrotingsprogramma.objects.order_by("nummer", "naam")
    if jaar is not None:
        programmas = programmas.filter(vanaf_jaar__lte=jaar).exclude(tot_en_met_jaar__lt=jaar)
    return programmas


def begrotingsprogramma(slug: str) -> Begrotingsprogramma | None:
    return Begrotingsprogramma.objects.filter(slug=slug).first()
