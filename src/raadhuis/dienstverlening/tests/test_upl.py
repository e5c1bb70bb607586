"""The UPL copy: the file is the one SOURCES.txt describes, and names are looked up exactly."""

from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import ValidationError

from raadhuis.dienstverlening.upl import BESTAND, upl, upl_product, valideer_upl_naam


def test_upl_bestand_is_de_beschreven_kopie() -> None:
    bronnen = (BESTAND.parent / "SOURCES.txt").read_text(encoding="utf-8")
    assert hashlib.sha256(BESTAND.read_bytes()).hexdigest() in bronnen


def test_upl_bevat_elke_naam_eenmaal() -> None:
    assert len(upl()) == 1141


def test_upl_product_kent_doelgroep_en_uri() -> None:
    product = upl_product("overlijdensaangifte")
    assert product is not None
    assert product.gemeente
    assert product.bedrijf


@pytest.mark.parametrize("naam", ["verhuismelding", "brp-uittreksel", "aangifte vertrek buitenland"])
def test_bestaande_upl_naam_is_geldig(naam: str) -> None:
    valideer_upl_naam(naam)


@pytest.mark.parametrize("naam", ["", "Verhuismelding", "verhuismelding ", "paspoort aanvragen"])
def test_onbekende_of_anders_geschreven_naam_is_ongeldig(naam: str) -> None:
    with pytest.raises(ValidationError):
        valideer_upl_naam(naam)
