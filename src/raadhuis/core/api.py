"""API of core: health and the organisation running the platform."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from raadhuis.core import services
from raadhuis.core.problem import probleem
from raadhuis.core.selectors import huidige_organisatie
from raadhuis.core.taken import uitgaand_aantal, wachtrij_status
from raadhuis.core.toegang import ingelogde_gebruiker

router = Router(tags=["kern"])


class Gezondheid(Schema):
    status: str
    database: str
    wachtrij: str
    wachtend: int
    # Tasks of committed changes still in the outbox; growing means the queue is not taking them.
    uitgaand: int


class OrganisatieUit(Schema):
    tooi_code: str
    tooi_uri: str
    naam: str
    bezoekadres: str
    postadres: str
    telefoonnummer: str
    emailadres: str
    website: str


class OrganisatieWijziging(Schema):
    naam: str | None = None
    bezoekadres: str | None = None
    postadres: str | None = None
    telefoonnummer: str | None = None
    emailadres: str | None = None
    website: str | None = None
    tooi_code: str | None = None


@router.get("/gezondheid", response={200: Gezondheid}, auth=None, summary="Gezondheid van het platform")
def gezondheid(request: HttpRequest) -> Gezondheid | HttpResponse:
    """Checks that the database answers and the task queue can be reached."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return probleem(status=503, titel=_("De database is niet bereikbaar."))
    try:
        wachtrij = wachtrij_status()
    except Exception:  # any failure of the queue's client library means: not reachable
        return probleem(status=503, titel=_("De wachtrij voor achtergrondtaken is niet bereikbaar."))
    return Gezondheid(
        status="ok",
        database="ok",
        wachtrij=str(wachtrij["backend"]),
        wachtend=int(wachtrij["wachtend"]),
        uitgaand=uitgaand_aantal(),
    )


@router.get("/organisatie", response=OrganisatieUit, auth=None, summary="De organisatie")
def organisatie_lezen(request: HttpRequest) -> OrganisatieUit:
    organisatie = huidige_organisatie()
    if organisatie is None:
        raise Http404
    return OrganisatieUit.model_validate(organisatie, from_attributes=True)


@router.patch("/organisatie", response=OrganisatieUit, summary="Organisatiegegevens wijzigen")
def organisatie_wijzigen(request: HttpRequest, wijziging: OrganisatieWijziging) -> OrganisatieUit:
    """Only a beheerder may; the answer is 403 otherwise, 422 with the field on bad input."""
    organisatie = huidige_organisatie()
    if organisatie is None:
        raise Http404
    gegevens = wijziging.model_dump(exclude_unset=True, exclude={"tooi_code"})
    bijgewerkt = services.organisatie_bijwerken(
        organisatie=organisatie,
        door=ingelogde_gebruiker(request),
        gegevens=gegevens,
        tooi_code=wijziging.tooi_code,
    )
    return OrganisatieUit.model_validate(bijgewerkt, from_attributes=True)
