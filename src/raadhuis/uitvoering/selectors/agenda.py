"""Reads of the chain: the agenda tree with its filters, statuses as of a date, the choices forms need."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from raadhuis.core.models import Begrotingsprogramma
from raadhuis.uitvoering.models import (
    GESLOTEN,
    Actie,
    Activiteit,
    Akkoord,
    Ambitie,
    Programmadoel,
    Status,
    Voortgangsupdate,
)
from raadhuis.uitvoering.models.keuzes import ERNST


@dataclass(frozen=True)
class Boomfilter:
    programma: Begrotingsprogramma | None = None
    portefeuillehouder_id: int | None = None
    status: str = ""
    # The public site: only items marked public, at every level (a hidden parent hides its children).
    alleen_openbaar: bool = False

    @property
    def actief(self) -> bool:
        return bool(self.programma or self.portefeuillehouder_id or self.status)


@dataclass
class ActieTak:
    actie: Actie
    activiteiten: list[Activiteit]

    @property
    def status(self) -> str:
        return samengevatte_status([activiteit.status for activiteit in self.activiteiten])


@dataclass
class DoelTak:
    doel: Programmadoel
    acties: list[ActieTak] = field(default_factory=list)


@dataclass
class AmbitieTak:
    ambitie: Ambitie
    doelen: list[DoelTak] = field(default_factory=list)


def samengevatte_status(statussen: list[str]) -> str:
    """An action's status: the worst of its open activities; once all are closed, afgerond if any
    was finished, else vervallen; without activities, niet gestart."""
    if not statussen:
        return Status.NIET_GESTART
    open_ = [status for status in statussen if status not in GESLOTEN]
    if not open_:
        return Status.AFGEROND if Status.AFGEROND in statussen else Status.VERVALLEN
    return min(open_, key=ERNST.index)


def akkoorden(*, alleen_openbaar: bool = False) -> QuerySet[Akkoord]:
    akkoorden = Akkoord.objects.prefetch_related("fracties").order_by("-periode_van", "pk")
    return akkoorden.filter(openbaar=True) if alleen_openbaar else akkoorden


def akkoord_op_slug(slug: str, *, alleen_openbaar: bool = False) -> Akkoord | None:
    return akkoorden(alleen_openbaar=alleen_openbaar).filter(slug=slug).first()


def _activiteiten(filter: Boomfilter) -> QuerySet[Activiteit]:
    activiteiten = Activiteit.objects.select_related("portefeuillehouder").prefetch_related("budgetten")
    if filter.alleen_openbaar:
        # The public sees only public updates: the latest one tells what happened.
        activiteiten = activiteiten.filter(openbaar=True).prefetch_related(
            Prefetch(
                "updates", queryset=Voortgangsupdate.objects.filter(openbaar=True).order_by("datum", "pk")
            )
        )
    if filter.status:
        activiteiten = activiteiten.filter(status=filter.status)
    if filter.portefeuillehouder_id:
        activiteiten = activiteiten.filter(
            Q(portefeuillehouder_id=filter.portefeuillehouder_id)
            | Q(portefeuillehouder__isnull=True, actie__portefeuillehouder_id=filter.portefeuillehouder_id)
        )
    return activiteiten.order_by("begin", "pk")


def agendaboom(akkoord: Akkoord, filter: Boomfilter | None = None) -> list[AmbitieTak]:
    """The whole agenda of an akkoord as a tree, ambitie > doel > actie > activiteit, in a fixed
    number of queries. With a filter, branches without a matching activity are left out."""
    filter = filter or Boomfilter()
    openbaar = Q(openbaar=True) if filter.alleen_openbaar else Q()
    doelen = Programmadoel.objects.filter(openbaar).select_related("programma")
    if filter.programma is not None:
        doelen = doelen.filter(programma=filter.programma)
    ambities = akkoord.ambities.filter(openbaar).prefetch_related(
        Prefetch(
            "doelen",
            queryset=doelen.prefetch_related(
                Prefetch(
                    "acties",
                    queryset=Actie.objects.filter(openbaar)
                    .select_related("portefeuillehouder")
                    .prefetch_related(Prefetch("activiteiten", queryset=_activiteiten(filter)))
                    .order_by("begin", "pk"),
                )
            ),
        )
    )
    boom: list[AmbitieTak] = []
    for ambitie in ambities:
        tak = AmbitieTak(ambitie)
        for doel in ambitie.doelen.all():
            doeltak = DoelTak(doel)
            for actie in doel.acties.all():
                activiteiten = list(actie.activiteiten.all())
                if activiteiten or not filter.actief:
                    doeltak.acties.append(ActieTak(actie, activiteiten))
            if doeltak.acties or not filter.actief:
                tak.doelen.append(doeltak)
        if tak.doelen or not filter.actief:
            boom.append(tak)
    return boom


def activiteiten_van_programma(
    programma: Begrotingsprogramma, *, alleen_openbaar: bool = False
) -> QuerySet[Activiteit]:
    activiteiten = Activiteit.objects.filter(actie__doel__programma=programma)
    if alleen_openbaar:
        activiteiten = activiteiten.filter(openbaar=True, actie__openbaar=True, actie__doel__openbaar=True)
    return activiteiten.select_related("actie__doel").prefetch_related(
        "budgetten", Prefetch("updates", queryset=Voortgangsupdate.objects.order_by("datum", "pk"))
    )


def activiteit_met_geschiedenis(pk: int) -> Activiteit:
    """One activity with its chain, budgets and every update (oldest first) with its indicator values.
    Raises Activiteit.DoesNotExist."""
    return (
        Activiteit.objects.select_related(
            "actie__doel__ambitie__akkoord", "actie__doel__programma", "portefeuillehouder"
        )
        .prefetch_related(
            "budgetten",
            "actie__doel__indicatoren",
            Prefetch(
                "updates",
                queryset=Voortgangsupdate.objects.select_related("door")
                .prefetch_related("metingen__indicator")
                .order_by("datum", "pk"),
            ),
        )
        .get(pk=pk)
    )


def actie_met_koppelingen(pk: int) -> Actie:
    return (
        Actie.objects.select_related("doel__ambitie__akkoord", "doel__programma", "portefeuillehouder")
        .prefetch_related("opdrachten", "moties", "toezeggingen", "activiteiten")
        .get(pk=pk)
    )


def status_op(activiteit: Activiteit, datum: dt.date) -> str:
    """The activity's status as reported on `datum` (its updates must be prefetched, oldest first)."""
    status: str = Status.NIET_GESTART.value
    for update in activiteit.updates.all():
        if update.datum <= datum:
            status = update.status
    return status


def programmas_in_akkoord(akkoord: Akkoord) -> list[Begrotingsprogramma]:
    """The programmes the akkoord's goals are booked on, for the filter."""
    ids = Programmadoel.objects.filter(ambitie__akkoord=akkoord).values("programma_id")
    return list(Begrotingsprogramma.objects.filter(pk__in=ids).order_by("nummer"))


def portefeuillehouders(akkoord: Akkoord) -> list[tuple[int, str]]:
    """(pk, name) of everyone owning an action or activity of the akkoord, for the filter."""
    gevonden: dict[int, str] = {}
    for actie in Actie.objects.filter(doel__ambitie__akkoord=akkoord).select_related("portefeuillehouder"):
        if actie.portefeuillehouder is not None:
            gevonden[actie.portefeuillehouder.pk] = str(actie.portefeuillehouder)
    for activiteit in Activiteit.objects.filter(
        actie__doel__ambitie__akkoord=akkoord, portefeuillehouder__isnull=False
    ).select_related("portefeuillehouder"):
        if activiteit.portefeuillehouder is not None:
            gevonden[activiteit.portefeuillehouder.pk] = str(activiteit.portefeuillehouder)
    return sorted(gevonden.items(), key=lambda paar: paar[1])
