"""Reading Woo requests: one by kenmerk, its decision term as it stands, and the dashboard by days
left. The term is always recomputed from the stored suspensions and verdaging with
`raadhuis.woo.termijnen.beslistermijn` (Woo art. 4.4, Atw) and the beheerder's equated days."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.core.selectors import gelijkgestelde_dagen
from raadhuis.woo import termijnen
from raadhuis.woo.models import AFGESLOTEN_STATUSSEN, Herinnering, Opschorting, Verdaging, WooVerzoek
from raadhuis.woo.rechten import BEHANDELAAR_ROLLEN
from raadhuis.woo.termijnen import Beslistermijn

__all__ = [
    "Dashboardregel",
    "behandelaars",
    "herinneringen_van",
    "opschortingen_van",
    "termijn_van",
    "verdaging_van",
    "verzoek_met_kenmerk",
    "verzoeken_dashboard",
]


@dataclass(frozen=True)
class Dashboardregel:
    """One request on the dashboard with its decision term as it stands on the day asked."""

    verzoek: WooVerzoek
    termijn: Beslistermijn


def verzoek_met_kenmerk(kenmerk: str) -> WooVerzoek | None:
    """The request with its behandelaar, verdaging and suspensions loaded, or None."""
    return (
        WooVerzoek.objects.select_related("behandelaar", "verdaging")
        .prefetch_related("opschortingen", "ingebrekestellingen")
        .filter(kenmerk=kenmerk)
        .first()
    )


def opschortingen_van(verzoek: WooVerzoek) -> list[Opschorting]:
    """The request's suspensions in order (from the prefetch when there is one)."""
    return sorted(verzoek.opschortingen.all(), key=lambda o: (o.van, o.pk or 0))


def verdaging_van(verzoek: WooVerzoek) -> Verdaging | None:
    try:
        return verzoek.verdaging
    except ObjectDoesNotExist:
        return None


def termijn_van(
    verzoek: WooVerzoek, *, op: date | None = None, extra_feestdagen: Collection[date] | None = None
) -> Beslistermijn:
    """The decision term of `verzoek` on `op` (default today): Woo art. 4.4 lid 1 (four weeks),
    lid 2 (the verdaging), lid 3 and art. 4.1 lid 5 with Awb 4:15 (the suspensions), Atw art. 1–3
    (with the equated days the beheerder recorded; pass `extra_feestdagen` to save the query)."""
    verdaging = verdaging_van(verzoek)
    return termijnen.beslistermijn(
        verzoek.ontvangen_op,
        opschortingen=[
            termijnen.Opschorting(van=o.van, tot=o.tot, reden=o.reden) for o in opschortingen_van(verzoek)
        ],
        verdaging=(
            termijnen.Verdaging(
                besloten_op=verdaging.besloten_op, reden=verdaging.reden, dagen=verdaging.dagen
            )
            if verdaging is not None
            else None
        ),
        op=op or timezone.localdate(),
        extra_feestdagen=gelijkgestelde_dagen() if extra_feestdagen is None else extra_feestdagen,
    )


def _dashboard_queryset(status: str | None) -> QuerySet[WooVerzoek]:
    verzoeken = WooVerzoek.objects.select_related("behandelaar", "verdaging").prefetch_related(
        "opschortingen"
    )
    if status:
        return verzoeken.filter(status=status)
    return verzoeken.exclude(status__in=AFGESLOTEN_STATUSSEN)


def verzoeken_dashboard(*, op: date | None = None, status: str | None = None) -> list[Dashboardregel]:
    """The open requests (or those with `status`) by days left on `op`: overdue ones first, then the
    nearest end date; a suspended request is placed by its earliest possible end. Three queries
    whatever the number of requests: the equated days, the requests, their suspensions."""
    peildatum = op or timezone.localdate()
    dagen = gelijkgestelde_dagen()
    regels = [
        Dashboardregel(verzoek=verzoek, termijn=termijn_van(verzoek, op=peildatum, extra_feestdagen=dagen))
        for verzoek in _dashboard_queryset(status)
    ]
    regels.sort(key=lambda r: (r.termijn.kalenderdagen_over, r.verzoek.kenmerk))
    return regels


def herinneringen_van(verzoek: WooVerzoek) -> list[Herinnering]:
    """The deadline reminders sent for the request, newest first."""
    return list(Herinnering.objects.filter(verzoek=verzoek).order_by("-verstuurd_op", "-id"))


def behandelaars() -> QuerySet[Medewerker]:
    """Who can be assigned a request: active employees whose role may handle requests
    (woo.rechten.BEHANDELAAR_ROLLEN; the service checks the permission again)."""
    return (
        Medewerker.objects.filter(is_active=True, roltoekenningen__rol__in=sorted(BEHANDELAAR_ROLLEN))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
