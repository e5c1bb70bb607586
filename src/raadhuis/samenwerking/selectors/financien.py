"""Reads about money: contributions per programme and year, trends, and the signals the monitoring
dashboard raises (negative equity, a contribution that rose more than a threshold)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from raadhuis.core.models import Begrotingsprogramma
from raadhuis.samenwerking.models import Jaarcijfers, Risico, Samenwerkingsverband

VERBONDEN = Q(bestuurlijk_belang=True, financieel_belang=True)


@dataclass(frozen=True)
class Programmabijdrage:
    """The contribution of one verbonden partij to a programme in a year (BBV art. 8 lid 3 onder b)."""

    partij: str
    slug: str
    begroot: Decimal | None
    werkelijk: Decimal | None


def bijdragen_aan_programma(*, programma: Begrotingsprogramma, jaar: int) -> list[Programmabijdrage]:
    """The contributions of the verbonden partijen linked to this programme in this year, by name.

    A party linked to the programme without figures for the year is listed with None amounts, so the
    programme chapter still names it. Parties that did not exist in the year are left out."""
    partijen = (
        Samenwerkingsverband.objects.filter(VERBONDEN, programmas=programma, startdatum__year__lte=jaar)
        .exclude(einddatum__year__lt=jaar)
        .order_by("naam")
    )
    cijfers = {
        c.verband_id: c for c in Jaarcijfers.objects.filter(jaar=jaar, verband__in=[p.pk for p in partijen])
    }
    resultaat = []
    for partij in partijen:
        rij = cijfers.get(partij.pk)
        resultaat.append(
            Programmabijdrage(
                partij=partij.naam,
                slug=partij.slug,
                begroot=rij.bijdrage_begroot if rij else None,
                werkelijk=rij.bijdrage_werkelijk if rij else None,
            )
        )
    return resultaat


def bijdragen_per_partij(*, van_jaar: int, tot_en_met_jaar: int) -> dict[str, dict[int, Decimal | None]]:
    """Budgeted contribution per verbonden partij per year (for the trend chart)."""
    jaren = range(van_jaar, tot_en_met_jaar + 1)
    resultaat: dict[str, dict[int, Decimal | None]] = {}
    for partij in Samenwerkingsverband.objects.filter(VERBONDEN).order_by("naam"):
        resultaat[partij.naam] = dict.fromkeys(jaren)
    for c in Jaarcijfers.objects.filter(
        verband__in=Samenwerkingsverband.objects.filter(VERBONDEN), jaar__in=jaren
    ).select_related("verband"):
        resultaat[c.verband.naam][c.jaar] = c.bijdrage_begroot
    return resultaat


def totalen_per_programma(*, jaar: int) -> list[tuple[Begrotingsprogramma, Decimal, Decimal]]:
    """Per programme the sum of budgeted and actual contributions of its verbonden partijen.

    A party linked to several programmes counts in each (the programmes report on it, BBV art. 8)."""
    begroot: dict[int, Decimal] = defaultdict(Decimal)
    werkelijk: dict[int, Decimal] = defaultdict(Decimal)
    programmas: dict[int, Begrotingsprogramma] = {}
    rijen = Jaarcijfers.objects.filter(
        jaar=jaar, verband__bestuurlijk_belang=True, verband__financieel_belang=True
    )
    for c in rijen.prefetch_related("verband__programmas"):
        for programma in c.verband.programmas.all():
            programmas[programma.pk] = programma
            begroot[programma.pk] += c.bijdrage_begroot or Decimal(0)
            werkelijk[programma.pk] += c.bijdrage_werkelijk or Decimal(0)
    volgorde = sorted(programmas.values(), key=lambda p: (p.nummer, p.naam))
    return [(p, begroot[p.pk], werkelijk[p.pk]) for p in volgorde]


@dataclass(frozen=True)
class Signaal:
    partij: Samenwerkingsverband
    soort: str  # "negatief_vermogen" or "stijging"
    tekst: str


def signalen(*, jaar: int, drempel_procent: Decimal) -> list[Signaal]:
    """Parties whose eigen vermogen is negative at the end of the year, or whose budgeted contribution
    rose more than `drempel_procent` against the year before."""
    rijen = {
        (c.verband_id, c.jaar): c
        for c in Jaarcijfers.objects.filter(jaar__in=[jaar - 1, jaar]).select_related("verband")
    }
    resultaat: list[Signaal] = []
    for (verband_id, rij_jaar), c in sorted(rijen.items(), key=lambda paar: paar[1].verband.naam):
        if rij_jaar != jaar:
            continue
        ev = c.eigen_vermogen_eind if c.eigen_vermogen_eind is not None else c.eigen_vermogen_begin
        if ev is not None and ev < 0:
            resultaat.append(
                Signaal(
                    c.verband,
                    "negatief_vermogen",
                    _("Eigen vermogen negatief: € %(bedrag)s") % {"bedrag": f"{ev:,.0f}".replace(",", ".")},
                )
            )
        vorig = rijen.get((verband_id, jaar - 1))
        if vorig and vorig.bijdrage_begroot and c.bijdrage_begroot is not None and vorig.bijdrage_begroot > 0:
            stijging = (c.bijdrage_begroot - vorig.bijdrage_begroot) / vorig.bijdrage_begroot * 100
            if stijging > drempel_procent:
                resultaat.append(
                    Signaal(
                        c.verband,
                        "stijging",
                        _("Bijdrage stijgt %(procent)s%% ten opzichte van %(vorig)s")
                        % {"procent": f"{stijging:.1f}".replace(".", ","), "vorig": jaar - 1},
                    )
                )
    return resultaat


def actieve_risicos() -> QuerySet[Risico]:
    return (
        Risico.objects.filter(actief=True)
        .select_related("verband")
        .order_by("-kans", "-impact", "verband__naam")
    )


def risicokaart() -> list[list[list[Risico]]]:
    """A 5×5 grid: rows impact 5→1, columns kans 1→5, each cell the risks in it."""
    raster: list[list[list[Risico]]] = [[[] for _kans in range(5)] for _impact in range(5)]
    for risico in actieve_risicos():
        raster[5 - risico.impact][risico.kans - 1].append(risico)
    return raster
