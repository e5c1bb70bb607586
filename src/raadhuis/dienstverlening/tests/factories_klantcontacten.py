"""Set-ups for klantcontacten tests: contacts, callbacks and standard answers made through the real
services, so every record in a test is one the application itself could have written."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.dienstverlening.models import (
    Contactkanaal,
    Kennisartikel,
    Klantcontact,
    Partijsoort,
    Team,
    Terugbelverzoek,
)
from raadhuis.dienstverlening.services import klantcontacten as services
from raadhuis.dienstverlening.tests.factories import BSN_INWONER, medewerker


def kcc(**velden: Any) -> Medewerker:
    return medewerker(Rol.KCC_MEDEWERKER, **velden)


def team(naam: str = "KCC", *leden: Medewerker) -> Team:
    gemaakt, _ = Team.objects.get_or_create(naam=naam)
    gemaakt.leden.add(*leden)
    return gemaakt


def contact(
    *,
    door: Medewerker | None = None,
    kanaal: str = Contactkanaal.TELEFOON,
    onderwerp: str = "Afval ophalen",
    bsn: str = BSN_INWONER,
    **velden: Any,
) -> Klantcontact:
    """A phone contact of a resident, by default still open (no answer, no case)."""
    velden.setdefault("partijsoort", Partijsoort.INWONER if bsn else Partijsoort.ANONIEM)
    return services.klantcontact_registreren(
        kanaal=kanaal, onderwerp=onderwerp, bsn=bsn, door=door or kcc(), **velden
    )


def terugbelverzoek(
    klantcontact: Klantcontact,
    *,
    door: Medewerker | None = None,
    medewerker: Medewerker | None = None,
    team: Team | None = None,
    deadline: dt.datetime | None = None,
) -> Terugbelverzoek:
    door = door or kcc()
    return services.terugbelverzoek_aanmaken(
        klantcontact=klantcontact,
        gevraagde_handeling="Bel terug over de ophaaldag.",
        deadline=deadline or timezone.now() + dt.timedelta(days=1),
        medewerker=medewerker if medewerker is not None or team is not None else door,
        team=team,
        door=door,
    )


def kennisartikel(
    titel: str = "Wanneer wordt het grofvuil opgehaald?",
    antwoord: str = "Grofvuil halen wij op afspraak op, elke dinsdag.",
    *,
    door: Medewerker | None = None,
    **velden: Any,
) -> Kennisartikel:
    return services.kennisartikel_opslaan(titel=titel, antwoord=antwoord, door=door or kcc(), **velden)
