"""Publishing a programme chapter from its Werkplek page (Woo art. 3.3 lid 2 onder g): the button
only for who may, a POST that publishes and links to the public page, errors shown with status 400."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.publicatie import selectors as publicatieselectors
from raadhuis.uitvoering.tests.hulp import Keten, keten

pytestmark = pytest.mark.django_db


@pytest.fixture
def k() -> Keten:
    return keten()


def _als(client: Client, rol: str) -> Client:
    gebruiker = MedewerkerFactory(rollen=[rol])
    assert isinstance(gebruiker, Medewerker)
    client.force_login(gebruiker)
    return client


def _pagina(k: Keten) -> str:
    return reverse("uitvoering:hoofdstuk", args=[k.programma.slug])


def _publiceren(k: Keten) -> str:
    return reverse("uitvoering:hoofdstuk_publiceren", args=[k.programma.slug])


@pytest.mark.parametrize(("rol", "getoond"), [(Rol.CONTROLLER, True), (Rol.RAADSLID, False)])
def test_knop_alleen_voor_wie_de_agenda_beheert(client: Client, k: Keten, rol: str, getoond: bool) -> None:
    antwoord = _als(client, rol).get(f"{_pagina(k)}?jaar=2024&soort=begroting")
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert (_publiceren(k) in inhoud) is getoond
    if getoond:
        assert 'name="jaar" value="2024"' in inhoud
        assert 'name="soort" value="begroting"' in inhoud


def test_publiceren_zet_het_hoofdstuk_in_het_register(client: Client, k: Keten) -> None:
    antwoord = _als(client, Rol.CONTROLLER).post(_publiceren(k), {"jaar": 2024, "soort": "begroting"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == f"{_pagina(k)}?jaar=2024&soort=begroting"
    gevonden = publicatieselectors.publicatie_van_bron(
        "uitvoering", f"hoofdstuk-{k.programma.pk}-begroting-2024"
    )
    assert gevonden is not None
    assert gevonden.status == "gepubliceerd"
    openbaar = reverse("publicatie:publicatie", args=[gevonden.uuid])
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "Het hoofdstuk is gepubliceerd." in pagina
    assert f'href="{openbaar}"' in pagina  # the message links to the public page, not escaped
    assert client.get(openbaar).status_code == 200
    # Publishing again replaces the file in the same publication.
    assert client.post(_publiceren(k), {"jaar": 2024, "soort": "begroting"}).status_code == 302
    assert publicatieselectors.publicaties().count() == 1


def test_zonder_recht_403_en_niets_gepubliceerd(client: Client, k: Keten) -> None:
    antwoord = _als(client, Rol.RAADSLID).post(_publiceren(k), {"jaar": 2024, "soort": "jaarverslag"})
    assert antwoord.status_code == 403
    assert publicatieselectors.publicaties().count() == 0


def test_niet_ingelogd_naar_de_inlogpagina(client: Client, k: Keten) -> None:
    antwoord = client.post(_publiceren(k), {"jaar": 2024, "soort": "jaarverslag"})
    assert antwoord.status_code == 302
    assert publicatieselectors.publicaties().count() == 0


@pytest.mark.parametrize(
    ("gegevens", "melding"),
    [
        ({"jaar": 2010, "soort": "jaarverslag"}, "bestaat niet in 2010"),  # refused by the service
        ({"jaar": 2024, "soort": "nota"}, "geen beschikbare keuze"),
        ({"jaar": 1900, "soort": "begroting"}, "2000"),
        ({"jaar": "", "soort": "begroting"}, "Dit veld is verplicht."),
        ({}, "Dit veld is verplicht."),
    ],
)
def test_onjuiste_invoer_toont_de_pagina_met_400(
    client: Client, k: Keten, gegevens: dict[str, object], melding: str
) -> None:
    antwoord = _als(client, Rol.CONTROLLER).post(_publiceren(k), gegevens)
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert melding in inhoud
    assert "utrecht-form-field--invalid" in inhoud  # next to the field
    assert publicatieselectors.publicaties().count() == 0


def test_get_is_niet_toegestaan(client: Client, k: Keten) -> None:
    assert _als(client, Rol.CONTROLLER).get(_publiceren(k)).status_code == 405
    assert publicatieselectors.publicaties().count() == 0


def test_onbekend_programma_404(client: Client, k: Keten) -> None:
    adres = reverse("uitvoering:hoofdstuk_publiceren", args=["bestaat-niet"])
    antwoord = _als(client, Rol.CONTROLLER).post(adres, {"jaar": 2024, "soort": "begroting"})
    assert antwoord.status_code == 404
