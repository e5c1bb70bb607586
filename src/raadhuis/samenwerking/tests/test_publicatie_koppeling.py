"""The paragraaf verbonden partijen in the publication register (Woo art. 3.3 lid 2 onder g,
jaarplannen en jaarverslagen): the Werkplek's PDF, once per document and year."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.publicatie import selectors as publicatieselectors
from raadhuis.samenwerking import services
from raadhuis.samenwerking.services.publicatie import paragraaf_publiceren
from raadhuis.samenwerking.tests.factories import controller, verband

pytestmark = pytest.mark.django_db

JAARPLANNEN = "https://identifier.overheid.nl/tooi/def/thes/kern/c_c6cd1213"


@pytest.fixture(autouse=True)
def _opslag(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def test_paragraaf_wordt_gepubliceerd_en_bijgewerkt() -> None:
    door = controller()
    verband(door)
    services.paragraaftekst_vastleggen(
        door=door, jaar=2025, document="begroting", visie="Samenwerken waar het loont.", beleidsvoornemens=""
    )
    sleutel = paragraaf_publiceren(door=door, jaar=2025, document="begroting")
    gevonden = publicatieselectors.publicatie_van_bron("samenwerking", sleutel)
    assert gevonden is not None
    assert gevonden.status == "gepubliceerd"
    assert gevonden.informatiecategorieen == [JAARPLANNEN]
    assert gevonden.officiele_titel == "Paragraaf verbonden partijen, begroting 2025"
    documenten = list(publicatieselectors.documenten_van(gevonden))
    assert [d.bestandsnaam for d in documenten] == ["paragraaf-verbonden-partijen-begroting-2025.pdf"]
    assert "Metropoolregio Rotterdam Den Haag" in documenten[0].tekst
    assert "Samenwerken waar het loont." in documenten[0].tekst
    # A new text replaces the file in the same publication.
    services.paragraaftekst_vastleggen(
        door=door, jaar=2025, document="begroting", visie="Een nieuwe visie.", beleidsvoornemens=""
    )
    paragraaf_publiceren(door=door, jaar=2025, document="begroting")
    assert publicatieselectors.publicaties().count() == 1
    documenten = list(publicatieselectors.documenten_van(gevonden))
    assert len(documenten) == 1
    assert "Een nieuwe visie." in documenten[0].tekst


def test_alleen_wie_het_register_beheert() -> None:
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    assert isinstance(raadslid, Medewerker)
    with pytest.raises(PermissionDenied):
        paragraaf_publiceren(door=raadslid, jaar=2025, document="begroting")
    assert publicatieselectors.publicaties().count() == 0


@pytest.mark.parametrize(
    ("jaar", "document", "veld"), [(2025, "nota", "document"), (12, "begroting", "jaar")]
)
def test_onjuiste_invoer_publiceert_niets(jaar: int, document: str, veld: str) -> None:
    with pytest.raises(ValidationError) as fout:
        paragraaf_publiceren(door=controller(), jaar=jaar, document=document)
    assert veld in fout.value.message_dict
    assert publicatieselectors.publicaties().count() == 0
