"""Reads of the registers of toezeggingen and adopted moties, with what is overdue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db.models import Q, QuerySet
from django.utils import timezone

from raadhuis.besluitvorming.models import Persoon, Toezegging, Vergadering, Voorstel
from raadhuis.core.replica import leest_van_replica

MOTIES = (Voorstel.Soort.MOTIE, Voorstel.Soort.MOTIE_VREEMD)
T = TypeVar("T", Toezegging, Voorstel)


@dataclass(frozen=True)
class Registerfilter:
    """What a register shows: `status` is the toezegging's status or the motie's afhandeling."""

    status: str = ""
    portefeuillehouder: Persoon | None = None
    alleen_achterstallig: bool = False
    op: dt.date | None = None
    # For the public register: nothing from a besloten meeting or item (Gemeentewet art. 23).
    openbaar: bool = False


@dataclass(frozen=True)
class Registerregel(Generic[T]):
    item: T
    achterstallig: bool
    dagen_te_laat: int


def _dag(op: dt.date | None) -> dt.date:
    return op or timezone.localdate()


def _open_motie() -> Q:
    return Q(afhandeling=Voorstel.Afhandeling.OPEN) | Q(afhandeling="")


def _moties() -> QuerySet[Voorstel]:
    return Voorstel.objects.filter(soort__in=MOTIES, status=Voorstel.Status.AANGENOMEN).select_related(
        "portefeuillehouder", "vergadering", "agendapunt"
    )


def achterstallige_toezeggingen(*, op: dt.date | None = None) -> QuerySet[Toezegging]:
    """Open toezeggingen whose deadline has passed on `op` (default today)."""
    return (
        Toezegging.objects.filter(status=Toezegging.Status.OPEN, uiterste_datum__lt=_dag(op))
        .select_related("portefeuillehouder", "vergadering", "agendapunt")
        .order_by("uiterste_datum", "pk")
    )


def achterstallige_moties(*, op: dt.date | None = None) -> QuerySet[Voorstel]:
    """Adopted moties not yet dealt with whose deadline has passed on `op` (default today)."""
    return _moties().filter(_open_motie(), uiterste_datum__lt=_dag(op)).order_by("uiterste_datum", "pk")


def _regel(item: T, uiterste_datum: dt.date | None, open_: bool, op: dt.date) -> Registerregel[T]:
    te_laat = (op - uiterste_datum).days if open_ and uiterste_datum is not None else 0
    return Registerregel(item=item, achterstallig=te_laat > 0, dagen_te_laat=max(te_laat, 0))


@leest_van_replica
def toezeggingen_register(filter: Registerfilter | None = None) -> list[Registerregel[Toezegging]]:
    """The toezeggingen register, overdue ones flagged; by deadline."""
    filter = filter or Registerfilter()
    op = _dag(filter.op)
    toezeggingen = Toezegging.objects.select_related("portefeuillehouder", "vergadering", "agendapunt")
    if filter.status:
        toezeggingen = toezeggingen.filter(status=filter.status)
    if filter.portefeuillehouder is not None:
        toezeggingen = toezeggingen.filter(portefeuillehouder=filter.portefeuillehouder)
    if filter.alleen_achterstallig:
        toezeggingen = toezeggingen.filter(status=Toezegging.Status.OPEN, uiterste_datum__lt=op)
    if filter.openbaar:
        toezeggingen = toezeggingen.exclude(vergadering__besloten=True).exclude(agendapunt__besloten=True)
    return [
        _regel(t, t.uiterste_datum, t.status == Toezegging.Status.OPEN, op)
        for t in toezeggingen.order_by("uiterste_datum", "pk")
    ]


@leest_van_replica
def moties_register(filter: Registerfilter | None = None) -> list[Registerregel[Voorstel]]:
    """The register of adopted moties and how far the college is with them, overdue ones flagged."""
    filter = filter or Registerfilter()
    op = _dag(filter.op)
    moties = _moties()
    if filter.status == Voorstel.Afhandeling.OPEN:
        moties = moties.filter(_open_motie())
    elif filter.status:
        moties = moties.filter(afhandeling=filter.status)
    if filter.portefeuillehouder is not None:
        moties = moties.filter(portefeuillehouder=filter.portefeuillehouder)
    if filter.alleen_achterstallig:
        moties = moties.filter(_open_motie(), uiterste_datum__lt=op)
    if filter.openbaar:
        moties = moties.exclude(vergadering__besloten=True).exclude(agendapunt__besloten=True)
    return [
        _regel(m, m.uiterste_datum, m.afhandeling in (Voorstel.Afhandeling.OPEN, ""), op)
        for m in moties.order_by("uiterste_datum", "-ingediend_op", "pk")
    ]


def vergaderingen_voor_toezeggingen(*, aantal: int = 60) -> QuerySet[Vergadering]:
    """The meetings a new toezegging can be recorded for: recent ones first, cancelled ones left out."""
    return (
        Vergadering.objects.exclude(status=Vergadering.Status.GEANNULEERD)
        .select_related("orgaan")
        .order_by("-begin")[:aantal]
    )
