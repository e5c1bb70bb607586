"""API of core: health and the organisation running the platform."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from raadhuis.core import replica, services
from raadhuis.core.opslag import opslag_bereikbaar
from raadhuis.core.problem import probleem
from raadhuis.core.replica import bereikbaarheid
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


def _database_en_wachtrij() -> HttpResponse | dict[str, int | str]:
    """The database answers and the task queue can be reached: the queue's status, or a 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return probleem(status=503, titel=_("De database is niet bereikbaar."))
    try:
        return wachtrij_status()
    except Exception:  # any failure of the queue's client library means: not reachable
        return probleem(status=503, titel=_("De wachtrij voor achtergrondtaken is niet bereikbaar."))


@router.get("/gezondheid", response={200: Gezondheid}, auth=None, summary="Gezondheid van het platform")
def gezondheid(request: HttpRequest) -> Gezondheid | HttpResponse:
    """Checks that the database answers and the task queue can be reached."""
    wachtrij = _database_en_wachtrij()
    if isinstance(wachtrij, HttpResponse):
        return wachtrij
    return Gezondheid(
        status="ok",
        database="ok",
        wachtrij=str(wachtrij["backend"]),
        wachtend=int(wachtrij["wachtend"]),
        uitgaand=uitgaand_aantal(),
    )


class Levend(Schema):
    status: str


@router.get("/levend", response={200: Levend}, auth=None, throttle=[], summary="Het proces leeft")
def levend(request: HttpRequest) -> Levend:
    """Liveness: the process answers requests. Touches no database, queue, cache or disk, so a
    database outage does not make the process manager restart healthy app servers."""
    return Levend(status="ok")


class Gereed(Schema):
    status: str
    database: str
    wachtrij: str
    cache: str
    zoekindex: str
    # "bestanden" (the file system) or "s3" (its bucket answered).
    opslag: str
    # "niet ingesteld", "ok" or "onbereikbaar". An unreachable replica does not make the process
    # unready: its reads go to the primary, which `leesdatabase` then says ("primair").
    replica: str
    replica_achterstand_seconden: float | None = None
    leesdatabase: str


@router.get("/gereed", response={200: Gereed}, auth=None, throttle=[], summary="Klaar voor verkeer")
def gereed(request: HttpRequest) -> Gereed | HttpResponse:
    """Readiness: what this process needs to serve requests. The database and the queue (as
    /gezondheid), the cache (the rate limits live there; Redis when several processes share it),
    a writable search index directory (changes are indexed after commit) and, with S3, the buckets
    of the uploaded files (one HEAD per store; the file system is not probed). 503 when one fails,
    so the load balancer sends traffic to another process."""
    wachtrij = _database_en_wachtrij()
    if isinstance(wachtrij, HttpResponse):
        return wachtrij
    try:
        cache.set("raadhuis:gereed", "1", timeout=10)
    except Exception:  # any failure of the cache's client library (Redis down) means: not reachable
        return probleem(status=503, titel=_("De cache is niet bereikbaar."))
    if not zoekindex_beschrijfbaar():
        return probleem(status=503, titel=_("De map van de zoekindex is niet beschrijfbaar."))
    if not opslag_bereikbaar():
        return probleem(status=503, titel=_("De opslag van de bestanden (S3) is niet bereikbaar."))
    stand = replica_stand()
    return Gereed(
        status="ok",
        database="ok",
        wachtrij=str(wachtrij["backend"]),
        cache="ok",
        zoekindex="ok",
        opslag=str(settings.RAADHUIS_OPSLAG),
        replica=stand.replica,
        replica_achterstand_seconden=stand.achterstand,
        leesdatabase=stand.leesdatabase,
    )


@dataclass(frozen=True)
class Replicastand:
    replica: str
    leesdatabase: str
    achterstand: float | None = None


def replica_stand() -> Replicastand:
    """The read replica for readiness: whether it answers and how far behind it is."""
    if not replica.geconfigureerd():
        return Replicastand(replica="niet ingesteld", leesdatabase="primair")
    if bereikbaarheid.bereikbaar():
        try:
            return Replicastand(
                replica="ok", leesdatabase="replica", achterstand=bereikbaarheid.achterstand_seconden()
            )
        except DatabaseError as fout:
            bereikbaarheid.uitgevallen(fout)
    return Replicastand(replica="onbereikbaar", leesdatabase="primair")


def zoekindex_beschrijfbaar() -> bool:
    """The search index directory exists (or can be made) and this process may write in it;
    an index kept in memory ("geheugen", the tests) always is."""
    waarde = str(settings.RAADHUIS_ZOEKINDEX)
    if waarde == "geheugen":
        return True
    map_ = Path(waarde)
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(map_, os.W_OK | os.X_OK)


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
