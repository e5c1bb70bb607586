"""Figures of a programme: budget planned and spent per year, status counts, indicator trends."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch

from raadhuis.core.models import Begrotingsprogramma
from raadhuis.uitvoering.models import Activiteit, Indicator, Indicatormeting, Programmadoel, Status


def besteed_in(activiteit: Activiteit, jaar: int) -> Decimal | None:
    """What the latest update reporting on `jaar` says was spent that year (updates prefetched)."""
    besteed: Decimal | None = None
    for update in activiteit.updates.all():
        if update.jaar == jaar and update.besteed is not None:
            besteed = update.besteed
    return besteed


def begroot_in(activiteit: Activiteit, jaar: int) -> Decimal:
    return sum((post.bedrag for post in activiteit.budgetten.all() if post.jaar == jaar), Decimal(0))


@dataclass(frozen=True)
class Jaarcijfers:
    jaar: int
    begroot: Decimal
    besteed: Decimal | None


def budget_per_jaar(activiteiten: list[Activiteit]) -> list[Jaarcijfers]:
    """Planned and spent per year over the activities (budgets and updates prefetched)."""
    jaren = sorted({post.jaar for activiteit in activiteiten for post in activiteit.budgetten.all()})
    cijfers = []
    for jaar in jaren:
        besteed = [besteed_in(activiteit, jaar) for activiteit in activiteiten]
        bekend = [bedrag for bedrag in besteed if bedrag is not None]
        cijfers.append(
            Jaarcijfers(
                jaar=jaar,
                begroot=sum((begroot_in(activiteit, jaar) for activiteit in activiteiten), Decimal(0)),
                besteed=sum(bekend, Decimal(0)) if bekend else None,
            )
        )
    return cijfers


def statusverdeling(activiteiten: list[Activiteit]) -> list[tuple[str, str, int]]:
    """(status, label, number of activities) for every status, in the fixed order."""
    aantallen = Counter(activiteit.status for activiteit in activiteiten)
    return [(status.value, str(status.label), aantallen.get(status.value, 0)) for status in Status]


@dataclass(frozen=True)
class Indicatorreeks:
    indicator: Indicator
    jaren: list[int]
    streef: list[Decimal | None]
    realisatie: list[Decimal | None]

    def in_jaar(self, jaar: int) -> tuple[Decimal | None, Decimal | None]:
        if jaar not in self.jaren:
            return None, None
        index = self.jaren.index(jaar)
        return self.streef[index], self.realisatie[index]


def indicatorreeksen(doelen: list[Programmadoel], *, alleen_openbaar: bool = False) -> list[Indicatorreeks]:
    """Per indicator of these goals: target and actual per year (actual = the latest reported)."""
    indicatoren = Indicator.objects.filter(doel__in=doelen).prefetch_related(
        "streefwaarden",
        Prefetch(
            "metingen",
            queryset=Indicatormeting.objects.filter(
                **({"update__openbaar": True} if alleen_openbaar else {})
            ).order_by("update__datum", "pk"),
        ),
    )
    if alleen_openbaar:
        indicatoren = indicatoren.filter(openbaar=True)
    reeksen = []
    for indicator in indicatoren.order_by("doel__nummer", "naam", "pk"):
        streef = {waarde.jaar: waarde.waarde for waarde in indicator.streefwaarden.all()}
        realisatie = {meting.jaar: meting.waarde for meting in indicator.metingen.all()}
        jaren = sorted(set(streef) | set(realisatie))
        reeksen.append(
            Indicatorreeks(
                indicator=indicator,
                jaren=jaren,
                streef=[streef.get(jaar) for jaar in jaren],
                realisatie=[realisatie.get(jaar) for jaar in jaren],
            )
        )
    return reeksen


def doelen_van_programma(
    programma: Begrotingsprogramma, *, alleen_openbaar: bool = False
) -> list[Programmadoel]:
    doelen = Programmadoel.objects.filter(programma=programma).select_related("ambitie__akkoord")
    if alleen_openbaar:
        doelen = doelen.filter(openbaar=True, ambitie__openbaar=True)
    return list(doelen.order_by("nummer", "pk"))
