"""Demo data for samenwerking, loaded by `raadhuis demo`; a second run changes nothing."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.management.base import OutputWrapper
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.besluitvorming import selectors as besluitvorming
from raadhuis.besluitvorming import services as besluitvorming_services
from raadhuis.samenwerking import services
from raadhuis.samenwerking.demo_gegevens import (
    BELEIDSVOORNEMENS,
    CONCEPT_MRDH,
    DEMO_JAAR,
    VISIE,
)
from raadhuis.samenwerking.demo_hulp import MRDH_SLUG, _college, _programma
from raadhuis.samenwerking.demo_partijen import _haaglanden, _mrdh
from raadhuis.samenwerking.models import Samenwerkingsverband
from raadhuis.samenwerking.selectors.register import verbanden


def _raadsvergaderingen(griffie: AbstractBaseUser) -> int:
    """Two planned raad meetings after the demo's today, so the zienswijze can be put on an agenda."""
    raad = [o for o in besluitvorming.organen_op(dt.date(2026, 11, 28)) if o.soort == "raad"]
    if not raad:
        return 0
    aantal = 0
    for dag in (dt.date(2026, 12, 17), dt.date(2027, 1, 28)):
        titel = (
            f"Raadsvergadering {dag.day} {('december' if dag.month == 12 else 'januari')} {dag.year} (demo)"
        )
        if besluitvorming.vergaderingen_van(raad[0], dag, dag).filter(titel=titel).exists():
            continue
        besluitvorming_services.vergadering_plannen(
            orgaan=raad[0],
            titel=titel,
            begin=timezone.make_aware(dt.datetime.combine(dag, dt.time(20, 0))),
            door=griffie,
            locatie="Raadzaal (demo)",
        )
        aantal += 1
    return aantal


def _procedures(
    griffie: AbstractBaseUser,
    mrdh: Samenwerkingsverband,
    vrh: Samenwerkingsverband,
    ggd: Samenwerkingsverband,
) -> None:
    services.procedure_vastleggen(
        door=griffie,
        verband=mrdh,
        soort="ontwerpbegroting",
        jaar=DEMO_JAAR + 1,
        titel=f"Ontwerpbegroting {DEMO_JAAR + 1} Metropoolregio Rotterdam Den Haag (demo)",
        ontvangen_op=dt.date(2026, 11, 13),
        ab_vergadering=dt.date(2027, 2, 12),
        concept_zienswijze=CONCEPT_MRDH,
    )
    services.procedure_vastleggen(
        door=griffie,
        verband=mrdh,
        soort="kaderbrief",
        jaar=DEMO_JAAR + 1,
        titel=f"Kaderbrief {DEMO_JAAR + 1} en voorlopige jaarrekening {DEMO_JAAR - 1} MRDH (demo)",
    )
    services.procedure_vastleggen(
        door=griffie,
        verband=vrh,
        soort="regelingwijziging",
        jaar=2026,
        titel="Wijziging Gemeenschappelijke regeling Veiligheidsregio Haaglanden (demo)",
        ontvangen_op=dt.date(2026, 10, 8),
        concept_zienswijze="De raad heeft geen bezwaar tegen de wijziging van de regeling (demo).",
    )
    oud = services.procedure_vastleggen(
        door=griffie,
        verband=mrdh,
        soort="ontwerpbegroting",
        jaar=DEMO_JAAR,
        titel=f"Ontwerpbegroting {DEMO_JAAR} Metropoolregio Rotterdam Den Haag (demo)",
        ontvangen_op=dt.date(2026, 4, 10),
        ab_vergadering=dt.date(2026, 7, 3),
    )
    services.procedure_afronden(door=griffie, procedure=oud)
    jaarrekening = services.procedure_vastleggen(
        door=griffie,
        verband=ggd,
        soort="jaarrekening",
        jaar=2025,
        titel="Jaarrekening 2025 GGD en Veilig Thuis Haaglanden (demo)",
    )
    services.procedure_afronden(door=griffie, procedure=jaarrekening)


def laden(uitvoer: OutputWrapper) -> None:
    if verbanden().filter(slug=MRDH_SLUG).exists():
        return
    door = medewerkers_met_rol(Rol.CONTROLLER).first() or medewerkers_met_rol(Rol.BEHEERDER).first()
    griffie = medewerkers_met_rol(Rol.GRIFFIE).first()
    if door is None or griffie is None:
        uitvoer.write("Samenwerking overgeslagen: er is geen controller- of griffie-account.")
        return
    programmas = {
        1: _programma(door, 1, "Bestuur en Dienstverlening", ["0.1", "0.2", "0.4"]),
        2: _programma(door, 2, "Veiligheid", ["1.1", "1.2"]),
        3: _programma(door, 3, "Verkeer en Vervoer", ["2.1", "2.5"]),
        6: _programma(door, 6, "Sociaal Domein", ["6.1", "6.2"]),
        8: _programma(door, 8, "Wonen en Ruimte", ["8.1", "8.3"]),
    }
    college = _college()
    mrdh = _mrdh(door, programmas, college)
    vrh, ggd, _odh, _afval = _haaglanden(door, programmas, college)
    services.paragraaftekst_vastleggen(
        door=door,
        jaar=DEMO_JAAR,
        document="begroting",
        visie=VISIE,
        beleidsvoornemens=BELEIDSVOORNEMENS,
    )
    vergaderingen = _raadsvergaderingen(griffie)
    _procedures(griffie, mrdh, vrh, ggd)
    uitvoer.write(
        f"Samenwerking: {Samenwerkingsverband.objects.count()} samenwerkingsverbanden, "
        f"{len(mrdh.deelnemers.filter(uitgetreden_op__isnull=True))} MRDH-deelnemers, "
        f"{vergaderingen} geplande raadsvergaderingen, zienswijzetermijn MRDH-begroting open"
    )
