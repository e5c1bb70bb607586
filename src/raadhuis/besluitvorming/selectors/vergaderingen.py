"""Reads about meetings: per body and period, one meeting with its whole agenda, the presentielijst.

The `openbare_` variants are for the public: never a besloten item, never a geheim stuk
(Gemeentewet arts. 23 and 25)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from raadhuis.besluitvorming.models import Aanwezigheid, Agendapunt, Orgaan, Persoon, Stuk, Vergadering
from raadhuis.besluitvorming.selectors.organen import leden_met_functie, zetelfuncties
from raadhuis.core.replica import leest_van_replica


def _in_periode(van: dt.date | None, tot: dt.date | None) -> Q:
    """Meetings starting on a local day from `van` up to and including `tot`."""
    filter = Q()
    if van is not None:
        filter &= Q(begin__gte=timezone.make_aware(dt.datetime.combine(van, dt.time.min)))
    if tot is not None:
        filter &= Q(
            begin__lt=timezone.make_aware(dt.datetime.combine(tot + dt.timedelta(days=1), dt.time.min))
        )
    return filter


def vergaderingen_van(
    orgaan: Orgaan, van: dt.date | None = None, tot: dt.date | None = None
) -> QuerySet[Vergadering]:
    """A body's meetings in a period, earliest first, each with `aantal_agendapunten`."""
    return (
        Vergadering.objects.filter(_in_periode(van, tot), orgaan=orgaan)
        .select_related("orgaan")
        .annotate(aantal_agendapunten=Count("agendapunten"))
        .order_by("begin", "pk")
    )


@leest_van_replica
def openbare_vergaderingen_van(
    orgaan: Orgaan, van: dt.date | None = None, tot: dt.date | None = None
) -> QuerySet[Vergadering]:
    """As `vergaderingen_van`, counting only the items treated in public."""
    return (
        Vergadering.objects.filter(_in_periode(van, tot), orgaan=orgaan)
        .select_related("orgaan")
        .annotate(
            aantal_agendapunten=Count("agendapunten", filter=Q(agendapunten__besloten=False, besloten=False))
        )
        .order_by("begin", "pk")
    )


def _met_agenda(agendapunten: QuerySet[Agendapunt], stukken: QuerySet[Stuk]) -> QuerySet[Vergadering]:
    return Vergadering.objects.select_related("orgaan", "vervolg_van").prefetch_related(
        Prefetch(
            "agendapunten",
            queryset=agendapunten.select_related("portefeuillehouder")
            .prefetch_related(Prefetch("stukken", queryset=stukken.order_by("datum", "titel", "pk")))
            .order_by("volgnummer"),
        )
    )


def vergadering_met_agenda(pk: int) -> Vergadering:
    """One meeting with its body, its items in order (with portefeuillehouder) and their stukken, in
    a fixed number of queries however long the agenda. Raises Vergadering.DoesNotExist."""
    return _met_agenda(Agendapunt.objects.all(), Stuk.objects.all()).get(pk=pk)


@leest_van_replica
def openbare_vergadering_met_agenda(pk: int) -> Vergadering:
    """As `vergadering_met_agenda`, without besloten items (art. 23) or geheime stukken (art. 25); a
    besloten meeting shows no items at all."""
    vergadering = _met_agenda(
        Agendapunt.objects.filter(besloten=False, vergadering__besloten=False),
        Stuk.objects.filter(openbaarheid=Stuk.Openbaarheid.OPENBAAR),
    ).get(pk=pk)
    return vergadering


def andere_geplande_vergaderingen(vergadering: Vergadering) -> QuerySet[Vergadering]:
    """Where an item of this meeting may move to: the body's other planned meetings, earliest first."""
    return (
        Vergadering.objects.filter(orgaan_id=vergadering.orgaan_id, status=Vergadering.Status.GEPLAND)
        .exclude(pk=vergadering.pk)
        .order_by("begin", "pk")
    )


@dataclass(frozen=True)
class Presentieregel:
    """One line of the presentielijst: a person, their functions, whether they hold a seat, and
    whether they signed (None: not recorded yet)."""

    persoon: Persoon
    functies: tuple[str, ...]
    zetel: bool
    aanwezig: bool | None


def presentielijst(vergadering: Vergadering) -> list[Presentieregel]:
    """Everyone who may sign the meeting's presentielijst (a function in the body on that day)."""
    dag = timezone.localtime(vergadering.begin).date()
    zetel = zetelfuncties(vergadering.orgaan)
    per_persoon: dict[int, tuple[Persoon, list[str], bool]] = {}
    for lidmaatschap in leden_met_functie(vergadering.orgaan, dag):
        persoon, functies, heeft_zetel = per_persoon.get(
            lidmaatschap.persoon_id, (lidmaatschap.persoon, [], False)
        )
        functies.append(lidmaatschap.get_functie_display())
        per_persoon[lidmaatschap.persoon_id] = (
            persoon,
            functies,
            heeft_zetel or lidmaatschap.functie in zetel,
        )
    getekend = dict(
        Aanwezigheid.objects.filter(vergadering=vergadering).values_list("persoon_id", "aanwezig")
    )
    return [
        Presentieregel(
            persoon=persoon, functies=tuple(functies), zetel=heeft_zetel, aanwezig=getekend.get(pk)
        )
        for pk, (persoon, functies, heeft_zetel) in per_persoon.items()
    ]
