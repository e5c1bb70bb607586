"""The monitoring page and its CSV exports: who may see them, the period choice, the comparison in
text, the same figures in the CSV, and a fixed number of queries."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from raadhuis.accounts.models import Rol
from raadhuis.dienstverlening.selectors.monitoring import Cijfer
from raadhuis.dienstverlening.tests.factories import medewerker
from raadhuis.dienstverlening.tests.test_monitoring_selectors import _zaken
from raadhuis.dienstverlening.views.monitoring import csv_getal, vergelijking_tekst

pytestmark = pytest.mark.django_db

URL = reverse("dienstverlening:monitoring")
MAART = {"soort": "kwartaal", "jaar": "2026", "kwartaal": "1"}


def _controller(client: Client) -> None:
    client.force_login(medewerker(Rol.CONTROLLER))


def test_controller_ziet_kerncijfers_en_secties(client: Client) -> None:
    _controller(client)
    antwoord = client.get(URL)
    assert antwoord.status_code == 200
    pagina = antwoord.content.decode()
    for kop in (
        "Kerncijfers",
        "Zaken per product en kanaal",
        "Doorlooptijd van afgesloten zaken",
        "Terugbelverzoeken",
    ):
        assert kop in pagina
    # the default period is the last 90 days
    assert antwoord.context["form"].periode().dagen == 90


@pytest.mark.parametrize("rol", [Rol.KCC_MEDEWERKER, Rol.BEHANDELAAR])
def test_zonder_monitoringrecht_geen_toegang(client: Client, rol: str) -> None:
    client.force_login(medewerker(rol))
    assert client.get(URL).status_code == 403
    assert (
        client.get(reverse("dienstverlening:monitoring_csv", kwargs={"tabel": "kanaalmix"})).status_code
        == 403
    )


def test_niet_ingelogd_gaat_naar_inloggen(client: Client) -> None:
    antwoord = client.get(URL)
    assert antwoord.status_code == 302
    assert "next=" in antwoord["Location"]


def test_gekozen_kwartaal_met_vergelijking_in_woorden(client: Client) -> None:
    # Given cases in March 2026 and a controller
    _zaken()
    _controller(client)
    # When the first quarter of 2026 is chosen
    pagina = client.get(URL, MAART).content.decode()
    # Then the period and the one before (same length) are named, and differences read as text
    assert "1 januari 2026 t/m 31 maart 2026" in pagina
    assert "3 oktober 2025 t/m 31 december 2025" in pagina
    assert "↑" in pagina
    assert "hoger" in pagina


def test_onvolledige_periodekeuze_geeft_fout_bij_het_veld_en_de_standaardperiode(client: Client) -> None:
    _controller(client)
    antwoord = client.get(URL, {"soort": "maand", "jaar": "2026"})
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors == {"maand": ["Kies de maand."]}
    assert "Kies de maand." in antwoord.content.decode()
    antwoord = client.get(URL, {"soort": "jaar", "jaar": "1900"})
    assert "jaar" in antwoord.context["form"].errors


def test_csv_bevat_dezelfde_cijfers_met_vorige_periode_en_verschil(client: Client) -> None:
    # Given cases in March 2026 (see test_monitoring_selectors) and the first quarter chosen
    _zaken()
    _controller(client)
    antwoord = client.get(reverse("dienstverlening:monitoring_csv", kwargs={"tabel": "werkvoorraad"}), MAART)
    # Then an attachment, semicolon-separated, UTF-8 with a byte-order mark
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        antwoord["Content-Disposition"]
        == 'attachment; filename="monitoring-werkvoorraad-2026-01-01-2026-03-31.csv"'
    )
    tekst = antwoord.content.decode("utf-8")
    assert tekst.startswith("\ufeff")
    regels = tekst.lstrip("\ufeff").splitlines()
    assert regels[0] == "Zaken;Aantal 2026-01-01/2026-03-31;Aantal 2025-10-03/2025-12-31;Aantal verschil"
    # z1–z8, z10 and z11 registered in the quarter; z9 (November 2025) in the quarter before
    assert "Binnengekomen;10;1;9" in regels


def test_csv_met_percentages_heeft_decimale_komma(client: Client) -> None:
    _zaken()
    _controller(client)
    antwoord = client.get(reverse("dienstverlening:monitoring_csv", kwargs={"tabel": "doorlooptijd"}), MAART)
    tekst = antwoord.content.decode("utf-8")
    assert "Binnen wettelijke termijn (%) 2026-01-01/2026-03-31" in tekst
    assert ",0;" in tekst or ",7;" in tekst or ",3;" in tekst


def test_onbekende_csv_tabel_geeft_404(client: Client) -> None:
    _controller(client)
    assert (
        client.get(reverse("dienstverlening:monitoring_csv", kwargs={"tabel": "geheim"})).status_code == 404
    )


def test_vergelijking_noemt_richting_in_tekst_en_procentpunten() -> None:
    assert vergelijking_tekst(Cijfer(Decimal("75.0"), Decimal("50.0")), "%") == (
        "vorige periode 50,0 %; ↑ 25,0 procentpunt hoger"
    )
    assert vergelijking_tekst(Cijfer(3, 5)) == "vorige periode 5; ↓ 2 lager"
    assert vergelijking_tekst(Cijfer(4, 4)) == "vorige periode 4; = gelijk"
    assert vergelijking_tekst(Cijfer(4, None)) == "vorige periode –"
    assert vergelijking_tekst(Cijfer(3, 5), kort=True) == "vorige 5; ↓ 2"
    assert (
        vergelijking_tekst(Cijfer(Decimal("75.0"), Decimal("50.0")), "%", kort=True)
        == "vorige 50,0 %; ↑ 25,0"
    )


def test_csv_getallen_zonder_duizendtallen_met_komma() -> None:
    assert csv_getal(Decimal("66.7")) == "66,7"
    assert csv_getal(12345) == "12345"
    assert csv_getal(None) == ""


def test_pagina_doet_een_vast_aantal_queries(client: Client, django_assert_num_queries) -> None:  # type: ignore[no-untyped-def]
    _controller(client)
    client.get(URL)  # warm the session and the permission caches
    _zaken()
    with django_assert_num_queries(AANTAL_QUERIES):
        client.get(URL, MAART)


# The dashboard's nine, plus the session, the user, two second-factor checks, the roles and the
# organisation (the base template).
AANTAL_QUERIES = 15


def test_zonder_keuze_staat_de_standaardperiode_geselecteerd(client: Client) -> None:
    client.force_login(medewerker(Rol.CONTROLLER))
    antwoord = client.get(reverse("dienstverlening:monitoring"))
    assert antwoord.status_code == 200
    assert '<option value="90" selected>' in antwoord.content.decode()
