"""Demo data of core: the organisation from the seed (Pijnacker-Nootdorp, gm1926)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import OutputWrapper

from raadhuis.core import services
from raadhuis.core.logboek import demo as logboek_demo
from raadhuis.core.selectors import huidige_organisatie

CONTACT = {
    "bezoekadres": "Oranjeplein 1\n2641 EZ Pijnacker",
    "postadres": "Postbus 1\n2640 AA Pijnacker",
    "telefoonnummer": "14 015",
    "emailadres": "gemeente@pijnacker-nootdorp.nl",
    "website": "https://www.pijnacker-nootdorp.nl",
}


def laden(uitvoer: OutputWrapper) -> None:
    logboek_demo.laden(uitvoer)
    if huidige_organisatie() is not None:
        return
    code = settings.RAADHUIS_ORGANISATIE
    # The contact details are Pijnacker-Nootdorp's; another organisation starts with its name only.
    organisatie = services.organisatie_inrichten(
        tooi_code=code, gegevens=CONTACT if code == "gm1926" else None
    )
    uitvoer.write(f"Organisatie: {organisatie.naam} ({organisatie.tooi_code})")
