"""The Uniforme Productnamenlijst (UPL): the official names products of Dutch government carry.

Used to tie each product of the catalogue to its national name (Samenwerkende Catalogi, Single
Digital Gateway; Verordening (EU) 2018/1724). The list is a copy in data/ (see data/SOURCES.txt).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

BESTAND = Path(__file__).resolve().parent / "data" / "UPL-actueel.json"


@dataclass(frozen=True)
class UplProduct:
    naam: str
    uri: str
    gemeente: bool
    burger: bool
    bedrijf: bool


@cache
def upl() -> dict[str, UplProduct]:
    """Every UPL name, once (the list repeats a name per legal basis)."""
    gegevens = json.loads(BESTAND.read_text(encoding="utf-8"))
    producten: dict[str, UplProduct] = {}
    for rij in gegevens["results"]["bindings"]:
        naam = rij["UniformeProductnaam"]["value"]
        if naam not in producten:
            producten[naam] = UplProduct(
                naam=naam,
                uri=rij["URI"]["value"],
                gemeente="Gemeente" in rij,
                burger="Burger" in rij,
                bedrijf="Bedrijf" in rij,
            )
    return producten


def upl_product(naam: str) -> UplProduct | None:
    return upl().get(naam)


def valideer_upl_naam(waarde: str) -> None:
    if waarde not in upl():
        raise ValidationError(
            _("'%(naam)s' staat niet in de Uniforme Productnamenlijst (UPL)."),
            params={"naam": waarde},
            code="upl",
        )
