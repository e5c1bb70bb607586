"""Publishing the paragraaf verbonden partijen from its Werkplek page (Woo art. 3.3 lid 2 onder g):
the button only for who may, a POST that publishes and links to the public page, errors with 400."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.publicatie import selectors as publicatieselectors
from raadhuis.samenwerking.tests.factories import verband

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _opslag(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path / "prive")


@pytest.fixture
def jaar() -> int:
    """A year the page offers (it offers a window around today)."""
    return timezone.localdate().year


def _als(client: Client, rol: str) -> Medewerker:
    gebruiker = MedewerkerFactory(rollen=[rol])
    assert isinstance(gebruiker, Medewerker)
    client.force_login(gebruiker)
    return gebruiker


def _publiceren(jaar: int) -> str:
    return reverse("samenwerking:paragraaf_publiceren", args=[jaar])


@pytest.mark.parametrize(("rol", "getoond"), [(Rol.CONTROLLER, True), (Rol.RAADSLID, False)])
def test_knop_alleen_voor_wie_het_register_beheert(
    client: Client, jaar: int, rol: str, getoond: bool
) -> None:
    _als(client, rol)
    antwoord = client.get(reverse("samenwerking:paragraaf", args=[jaar]), {"document": "jaarverslag"})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert (_publiceren(jaar) in inhoud) is getoond


def test_publiceren_zet_de_paragraaf_in_het_register(client: Client, jaar: int) -> None:
    verband(_als(client, Rol.CONTROLLER))
    antwoord = client.post(_publiceren(jaar), {"document": "jaarverslag"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("samenwerking:paragraaf", args=[jaar]) + "?document=jaarverslag"
    gevonden = publicatieselectors.publicatie_van_bron("samenwerking", f"paragraaf-jaarverslag-{jaar}")
    assert gevonden is not None
    assert gevonden.status == "gepubliceerd"
    assert gevonden.officiele_titel == f"Paragraaf verbonden partijen, jaarverslag {jaar}"
    openbaar = reverse("publicatie:publicatie", args=[gevonden.uuid])
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "De paragraaf is gepubliceerd." in pagina
    assert f'href="{openbaar}"' in pagina  # the message links to the public page, not escaped
    assert client.get(openbaar).status_code == 200
    # Publishing again replaces the file in the same publication.
    assert client.post(_publiceren(jaar), {"document": "jaarverslag"}).status_code == 302
    assert publicatieselectors.publicaties().count() == 1


def test_zonder_recht_403_en_niets_gepubliceerd(client: Client, jaar: int) -> None:
    _als(client, Rol.RAADSLID)
    assert client.post(_publiceren(jaar), {"document": "begroting"}).status_code == 403
    assert publicatieselectors.publicaties().count() == 0


def test_niet_ingelogd_naar_de_inlogpagina(client: Client, jaar: int) -> None:
    assert client.post(_publiceren(jaar), {"document": "begroting"}).status_code == 302
    assert publicatieselectors.publicaties().count() == 0


@pytest.mark.parametrize(
    ("gegevens", "melding"),
    [({"document": "nota"}, "geen beschikbare keuze"), ({}, "Dit veld is verplicht.")],
)
def test_onjuiste_invoer_toont_de_pagina_met_400(
    client: Client, jaar: int, gegevens: dict[str, str], melding: str
) -> None:
    _als(client, Rol.CONTROLLER)
    antwoord = client.post(_publiceren(jaar), gegevens)
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert melding in inhoud
    assert 'role="alert"' in inhoud
    # The page falls back to the begroting; pressing the button again sends a valid document.
    assert 'name="document" value="begroting"' in inhoud
    assert publicatieselectors.publicaties().count() == 0


def test_jaar_buiten_de_pagina_404(client: Client, jaar: int) -> None:
    _als(client, Rol.CONTROLLER)
    assert client.post(_publiceren(jaar + 50), {"document": "begroting"}).status_code == 404
    assert publicatieselectors.publicaties().count() == 0


def test_get_is_niet_toegestaan(client: Client, jaar: int) -> None:
    _als(client, Rol.CONTROLLER)
    assert client.get(_publiceren(jaar)).status_code == 405
    assert publicatieselectors.publicaties().count() == 0
