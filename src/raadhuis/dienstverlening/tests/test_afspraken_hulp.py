"""Set-ups for the appointment tests (no tests here): a location with desks and opening hours, an
appointment type, a future working day, and a booking through the real service."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from raadhuis.core.termijnen import is_feestdag
from raadhuis.dienstverlening.models import Afspraak, Afspraaktype, Kanaal, Locatie, Tijdslot
from raadhuis.dienstverlening.services import afspraken as services
from raadhuis.dienstverlening.tests.factories import beheerder

EMAIL = "s.devries@example.org"


def werkdag(vanaf: int = 7, weekdag: int | None = None) -> date:
    """The first non-holiday weekday at least `vanaf` days ahead (on `weekdag` when given)."""
    dag = timezone.localdate() + timedelta(days=vanaf)
    while dag.weekday() > 4 or is_feestdag(dag) or (weekdag is not None and dag.weekday() != weekdag):
        dag += timedelta(days=1)
    return dag


def moment(dag: date, uur: int, minuut: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(uur, minuut)))


def locatie(*, balies: int = 2, tijdvak: int = 15, slug: str = "stadhuis") -> Locatie:
    """Open Monday to Friday 9:00-12:00 and 13:00-16:00 (a lunch break), with `balies` desks."""
    door = beheerder()
    nieuw = services.locatie_aanmaken(
        naam=slug.title(),
        slug=slug,
        adres="Oranjeplein 1",
        postcode="2641 EZ",
        plaats="Pijnacker",
        tijdvak_minuten=tijdvak,
        door=door,
    )
    for nummer in range(balies):
        services.balie_toevoegen(locatie=nieuw, naam=f"Balie {nummer + 1}", door=door)
    for weekdag in range(5):
        services.openingstijd_toevoegen(locatie=nieuw, weekdag=weekdag, van=time(9), tot=time(12), door=door)
        services.openingstijd_toevoegen(locatie=nieuw, weekdag=weekdag, van=time(13), tot=time(16), door=door)
    return nieuw


def afspraaktype(
    *locaties: Locatie, duur: int = 15, slug: str = "paspoort-aanvragen", online: bool = True
) -> Afspraaktype:
    return services.afspraaktype_aanmaken(
        naam=slug.replace("-", " ").capitalize(),
        slug=slug,
        duur_minuten=duur,
        locaties=locaties,
        meenemen="Een pasfoto.",
        online_boekbaar=online,
        door=beheerder(),
    )


def boeken(soort: Afspraaktype, plek: Locatie, start: datetime, **anders: Any) -> tuple[Afspraak, str]:
    velden: dict[str, Any] = {
        "naam": "Sanne de Vries",
        "emailadres": EMAIL,
        "telefoonnummer": "0612345678",
        "door": None,
        "kanaal": Kanaal.DIGITAAL,
        **anders,
    }
    return services.afspraak_boeken(afspraaktype=soort, locatie=plek, start=start, **velden)


def bezet(plek: Locatie, start: datetime) -> int:
    return Tijdslot.objects.get(locatie=plek, start=start).bezet
