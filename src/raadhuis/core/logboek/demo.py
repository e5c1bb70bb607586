"""Demo entries in the Logboek Dataverwerkingen for one demo resident, so the pages show something."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.management.base import OutputWrapper
from django.db import transaction

from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort
from raadhuis.core.logboek import activiteiten
from raadhuis.core.logboek.api import Door, Systeemproces, betrokkene_hash, vastleggen
from raadhuis.core.logboek.trace import span
from raadhuis.core.models import Logregel

# A BSN from the range the RvIG reserves for tests (999xxxxxx); it passes the 11-proef.
DEMO_BSN = "999993653"
DEMO_INWONER = Identiteit(
    soort=Soort.INWONER,
    niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
    bsn=DEMO_BSN,
    naam="Demi Demo",
    middel="digid",
)


def _medewerker(gebruikersnaam: str) -> Door:
    gevonden: AbstractBaseUser | None = get_user_model().objects.filter(username=gebruikersnaam).first()
    return gevonden if gevonden is not None else Systeemproces(f"demo ({gebruikersnaam})")


def _schrijven(uitvoer: OutputWrapper) -> None:
    if Logregel.objects.filter(
        betrokkene_type="BSN", betrokkene_hash=betrokkene_hash("BSN", DEMO_BSN)
    ).exists():
        return
    betrokkene = ("BSN", DEMO_BSN)
    with transaction.atomic(), span():
        vastleggen(
            naam="inwoner.inloggen",
            activiteit=activiteiten.INLOGGEN_DIGID,
            betrokkene=betrokkene,
            door=DEMO_INWONER,
        )
        vastleggen(
            naam="zaken.zoeken_op_bsn",
            activiteit=activiteiten.ZOEKEN_OP_BSN,
            betrokkene=betrokkene,
            door=_medewerker("kcc-medewerker"),
        )
        vastleggen(
            naam="zaak.inzien",
            activiteit=activiteiten.PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN,
            betrokkene=betrokkene,
            door=_medewerker("behandelaar"),
        )
    uitvoer.write(f"Logboek: voorbeeldverwerkingen voor demo-inwoner (BSN {DEMO_BSN}).")


def laden(uitvoer: OutputWrapper) -> None:
    # The demo employees come from accounts' demo, which runs after core's (INSTALLED_APPS order):
    # the entries naming them are written once the whole demo has been committed.
    transaction.on_commit(lambda: _schrijven(uitvoer))
