"""A small chain to test on: one programme, akkoord, ambitie, doel, actie and activiteit, built
through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.tests.factories import LidmaatschapFactory, OrgaanFactory, PersoonFactory
from raadhuis.core.models import Begrotingsprogramma
from raadhuis.core.services import programma_vastleggen
from raadhuis.uitvoering import services
from raadhuis.uitvoering.models import Actie, Activiteit, Akkoord, Ambitie, Indicator, Programmadoel


@dataclass
class Keten:
    door: Medewerker
    programma: Begrotingsprogramma
    akkoord: Akkoord
    ambitie: Ambitie
    doel: Programmadoel
    indicator: Indicator
    actie: Actie
    activiteit: Activiteit


def controller() -> Medewerker:
    return MedewerkerFactory(rollen=[Rol.CONTROLLER])


def programma(
    door: Medewerker, nummer: int = 1, naam: str = "Bestuur en Dienstverlening"
) -> Begrotingsprogramma:
    return programma_vastleggen(
        door=door,
        gegevens={"nummer": nummer, "naam": naam, "taakvelden": ["0.1", "0.2", "0.4"], "vanaf_jaar": 2022},
    )


def keten(door: Medewerker | None = None) -> Keten:
    door = door or controller()
    prog = programma(door)
    akkoord = services.akkoord_vastleggen(
        door=door,
        gegevens={
            "titel": "Bouwen aan de toekomst",
            "periode_van": dt.date(2022, 3, 30),
            "periode_tot": dt.date(2026, 3, 31),
            "vastgesteld_op": dt.date(2022, 6, 15),
        },
    )
    ambitie = services.ambitie_vastleggen(
        door=door, gegevens={"akkoord": akkoord, "nummer": 1, "titel": "Een krachtig bestuur"}
    )
    doel = services.programmadoel_vastleggen(
        door=door,
        gegevens={
            "ambitie": ambitie,
            "programma": prog,
            "taakveld": "0.1",
            "nummer": 1,
            "titel": "Zorgen voor goede besluitvorming",
        },
    )
    indicator = services.indicator_vastleggen(
        door=door,
        gegevens={"doel": doel, "naam": "Opkomst raadsverkiezingen", "eenheid": "%"},
        streefwaarden={2023: Decimal("60"), 2024: Decimal("62")},
    )
    actie = services.actie_vastleggen(
        door=door,
        gegevens={
            "doel": doel,
            "titel": "Mid-term review",
            "begin": dt.date(2024, 1, 1),
            "einde": dt.date(2024, 12, 31),
        },
    )
    activiteit = services.activiteit_vastleggen(
        door=door,
        gegevens={
            "actie": actie,
            "titel": "Tussenbalans opstellen",
            "team": "Concernstaf",
            "begin": dt.date(2024, 3, 1),
            "einde": dt.date(2024, 12, 1),
        },
        budget={2024: Decimal("25000")},
    )
    return Keten(door, prog, akkoord, ambitie, doel, indicator, actie, activiteit)


def collegelid() -> Any:
    """A wethouder: the only kind of person who can be portefeuillehouder."""
    persoon = PersoonFactory()
    LidmaatschapFactory(persoon=persoon, orgaan=OrgaanFactory(college=True), functie="wethouder")
    return persoon
