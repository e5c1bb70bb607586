"""Small builders for the partner tests, all through the services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pymupdf
from django.core.files.uploadedfile import SimpleUploadedFile

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.samenleving.models import Convenant, Partner, Subsidieverplichting
from raadhuis.samenleving.services import partners as services


def beheerder() -> Medewerker:
    gebruiker: Medewerker = MedewerkerFactory(rollen=[Rol.BEHEERDER])
    return gebruiker


def controller() -> Medewerker:
    gebruiker: Medewerker = MedewerkerFactory(rollen=[Rol.CONTROLLER])
    return gebruiker


def pdf_bestand(
    tekst: str = "Convenant tussen gemeente en partner", naam: str = "convenant.pdf"
) -> SimpleUploadedFile:
    document: Any = pymupdf.open()
    document.new_page().insert_text((72, 72), tekst)
    return SimpleUploadedFile(naam, document.tobytes(), content_type="application/pdf")


def partner(door: Medewerker | None = None, **gegevens: Any) -> Partner:
    standaard: dict[str, Any] = {
        "naam": "Stichting Welzijn Test",
        "kvk_nummer": "12345678",
        "soort": "welzijn",
        "website": "",
        "omschrijving": "Buurtwerk en mantelzorgondersteuning.",
        "actief": True,
    }
    return services.partner_vastleggen(door=door or beheerder(), gegevens=standaard | gegevens)


def convenant(door: Medewerker, partners: list[Partner], **gegevens: Any) -> Convenant:
    standaard: dict[str, Any] = {
        "titel": "Convenant samen voor de wijk",
        "onderwerp": "Samenwerken in de wijk.",
        "ondertekend_op": dt.date(2026, 1, 15),
        "geldig_van": dt.date(2026, 2, 1),
        "geldig_tot": dt.date(2027, 12, 31),
    }
    return services.convenant_vastleggen(
        door=door, gegevens=standaard | gegevens, partners=partners, document=pdf_bestand()
    )


def subsidiegegevens(ontvanger: Partner, **gegevens: Any) -> dict[str, Any]:
    standaard: dict[str, Any] = {
        "partner": ontvanger,
        "doel": "Buurtwerk 2026",
        "toelichting": "",
        "bedrag": Decimal("48500.00"),
        "van_jaar": 2026,
        "tot_en_met_jaar": 2026,
        "vorm": "overeenkomst",
        "grondslag": "verordening",
        "grondslag_toelichting": "Algemene subsidieverordening",
        "aangegaan_op": dt.date(2025, 12, 1),
    }
    return standaard | gegevens


def subsidie(door: Medewerker, ontvanger: Partner, **gegevens: Any) -> Subsidieverplichting:
    return services.subsidie_vastleggen(door=door, gegevens=subsidiegegevens(ontvanger, **gegevens))
