"""Test helpers for samenwerking: users with roles, a programme, a party set up through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.models import Begrotingsprogramma
from raadhuis.samenwerking import services
from raadhuis.samenwerking.models import Rechtsvorm, Samenwerkingsverband


def controller() -> Medewerker:
    gebruiker: Medewerker = MedewerkerFactory(rollen=[Rol.CONTROLLER])
    return gebruiker


def griffie() -> Medewerker:
    gebruiker: Medewerker = MedewerkerFactory(rollen=[Rol.GRIFFIE], email="griffie@example.nl")
    return gebruiker


def programma(nummer: int = 1, naam: str = "Bestuur en Dienstverlening") -> Begrotingsprogramma:
    return Begrotingsprogramma.objects.create(
        nummer=nummer, naam=naam, slug=f"programma-{nummer}", taakvelden=["0.1"], vanaf_jaar=2020
    )


def verband(door: Medewerker | None = None, **gegevens: Any) -> Samenwerkingsverband:
    standaard: dict[str, Any] = {
        "naam": "Metropoolregio Rotterdam Den Haag",
        "vestigingsplaats": "Rotterdam",
        "rechtsvorm": Rechtsvorm.OPENBAAR_LICHAAM,
        "tooi_code": "so0830",
        "bestuurlijk_belang": True,
        "financieel_belang": True,
        "openbaar_belang": "Bereikbaarheid en economisch vestigingsklimaat.",
        "startdatum": dt.date(2015, 1, 1),
    }
    standaard.update(gegevens)
    return services.verband_vastleggen(door=door or controller(), gegevens=standaard)
