"""Reads about secrecy of papers (Gemeentewet art. 25) for the griffie."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from raadhuis.besluitvorming.models import Orgaan, Stuk, Vergadering


@dataclass(frozen=True)
class WachtOpBekrachtiging:
    stuk: Stuk
    # The raad meeting that decides (art. 25 lid 3): the first one after the secrecy was imposed.
    beslissende_vergadering: Vergadering | None


def eerstvolgende_raadsvergadering(stuk: Stuk) -> Vergadering | None:
    """The first raad meeting on or after the paper's date (when it was sent under secrecy)."""
    return (
        Vergadering.objects.filter(orgaan__soort=Orgaan.Soort.RAAD, begin__date__gte=stuk.datum)
        .exclude(status=Vergadering.Status.GEANNULEERD)
        .order_by("begin")
        .first()
    )


def wachten_op_bekrachtiging() -> list[WachtOpBekrachtiging]:
    stukken = Stuk.objects.filter(
        openbaarheid=Stuk.Openbaarheid.GEHEIM,
        geheim_tot_bekrachtiging=True,
        geheim_bekrachtigd_in__isnull=True,
        geheimhouding_beeindigd_op__isnull=True,
    ).select_related("orgaan", "agendapunt__vergadering")
    return [
        WachtOpBekrachtiging(stuk, eerstvolgende_raadsvergadering(stuk))
        for stuk in stukken.order_by("toegevoegd_op")
    ]


def geheime_stukken() -> QuerySet[Stuk]:
    """Secret papers whose secrecy stands: imposed by the raad, or confirmed by it."""
    return (
        Stuk.objects.filter(openbaarheid=Stuk.Openbaarheid.GEHEIM)
        .exclude(geheim_tot_bekrachtiging=True, geheim_bekrachtigd_in__isnull=True)
        .select_related("orgaan", "agendapunt__vergadering", "geheim_bekrachtigd_in")
        .order_by("-datum", "titel")
    )


def geeindigde_geheimhoudingen(*, aantal: int = 20) -> QuerySet[Stuk]:
    return Stuk.objects.filter(geheimhouding_beeindigd_op__isnull=False).order_by(
        "-geheimhouding_beeindigd_op"
    )[:aantal]
