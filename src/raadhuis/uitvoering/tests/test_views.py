"""The Werkplek pages and the public page: who sees what, forms that call the services, errors next
to the field, reports as HTML, PDF and CSV."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.uitvoering import services
from raadhuis.uitvoering.models import Activiteit, PcMoment, Status
from raadhuis.uitvoering.tests.hulp import Keten, keten

pytestmark = pytest.mark.django_db


@pytest.fixture
def k() -> Keten:
    return keten()


def _als(client: Client, rol: str) -> Client:
    client.force_login(MedewerkerFactory(rollen=[rol]))
    return client


def test_werkplek_toont_de_boom_met_status_in_tekst(client: Client, k: Keten) -> None:
    antwoord = _als(client, Rol.RAADSLID).get(reverse("uitvoering:werkplek"))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Tussenbalans opstellen" in inhoud
    assert "niet gestart" in inhoud
    assert "Programmadoel toevoegen" not in inhoud  # a raadslid reads, does not edit


def test_werkplek_filter_via_htmx_geeft_alleen_de_boom(client: Client, k: Keten) -> None:
    antwoord = _als(client, Rol.CONTROLLER).get(
        reverse("uitvoering:werkplek"), {"status": Status.AFGEROND}, HTTP_HX_REQUEST="true"
    )
    inhoud = antwoord.content.decode()
    assert 'id="boom"' in inhoud
    assert "<html" not in inhoud
    assert "Niets gevonden" in inhoud


def test_werkplek_is_niet_voor_een_kcc_medewerker(client: Client, k: Keten) -> None:
    assert _als(client, Rol.KCC_MEDEWERKER).get(reverse("uitvoering:werkplek")).status_code == 403


def test_dashboard_heeft_grafieken_met_tabellen(client: Client, k: Keten) -> None:
    antwoord = _als(client, Rol.CONTROLLER).get(reverse("uitvoering:dashboard", args=[k.programma.slug]))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert inhoud.count('role="img"') >= 3
    assert "Tabel bij de grafiek: Activiteiten per status" in inhoud
    assert "Budget: begroot en besteed per jaar" in inhoud


def test_voortgang_vastleggen_via_het_formulier(client: Client, k: Keten) -> None:
    url = reverse("uitvoering:activiteit", args=[k.activiteit.pk])
    antwoord = _als(client, Rol.COLLEGELID).post(
        url,
        {
            "moment": PcMoment.BESTUURSRAPPORTAGE,
            "jaar": 2024,
            "datum": "2024-06-01",
            "status": Status.RISICO,
            "toelichting": "Capaciteit krap.",
            "besteed": "4000",
            f"meting_{k.indicator.pk}": "61",
            "openbaar": "on",
        },
    )
    assert antwoord.status_code == 302
    k.activiteit.refresh_from_db()
    assert k.activiteit.status == Status.RISICO
    assert k.activiteit.updates.get().metingen.get().waarde == Decimal("61")


def test_voortgang_op_afgeronde_activiteit_geeft_de_melding_bij_het_veld(client: Client, k: Keten) -> None:
    services.voortgang_vastleggen(
        door=k.door, activiteit=k.activiteit, moment=PcMoment.JAARVERSLAG, jaar=2024,
        datum=dt.date(2024, 12, 1), status=Status.AFGEROND, toelichting="Klaar.",
    )  # fmt: skip
    pagina = _als(client, Rol.CONTROLLER).get(reverse("uitvoering:activiteit", args=[k.activiteit.pk]))
    assert "een afgesloten activiteit krijgt geen nieuwe status" in pagina.content.decode()
    antwoord = client.post(
        reverse("uitvoering:activiteit", args=[k.activiteit.pk]),
        {
            "moment": PcMoment.JAARVERSLAG,
            "jaar": 2024,
            "datum": "2024-12-02",
            "status": Status.OP_SCHEMA,
            "toelichting": "x",
        },
    )
    assert antwoord.status_code == 400
    assert "utrecht-form-field--invalid" in antwoord.content.decode()
    assert k.activiteit.updates.count() == 1


def test_raadslid_mag_geen_voortgang_posten(client: Client, k: Keten) -> None:
    antwoord = _als(client, Rol.RAADSLID).post(
        reverse("uitvoering:activiteit", args=[k.activiteit.pk]),
        {
            "moment": PcMoment.BEGROTING,
            "jaar": 2024,
            "datum": "2024-06-01",
            "status": Status.OP_SCHEMA,
            "toelichting": "x",
        },
    )
    assert antwoord.status_code == 403
    assert k.activiteit.updates.count() == 0


def test_activiteit_buiten_de_actie_geeft_melding_bij_het_veld(client: Client, k: Keten) -> None:
    antwoord = _als(client, Rol.CONTROLLER).post(
        reverse("uitvoering:activiteit_nieuw", args=[k.actie.pk]),
        {"titel": "Te laat", "begin": "2024-06-01", "einde": "2025-03-01", "budget_2024": "100"},
    )
    assert antwoord.status_code == 400
    assert "buiten de periode van de actie" in antwoord.content.decode()
    assert Activiteit.objects.count() == 1


def test_activiteit_aanmaken_met_budget_per_jaar(client: Client, k: Keten) -> None:
    antwoord = _als(client, Rol.CONTROLLER).post(
        reverse("uitvoering:activiteit_nieuw", args=[k.actie.pk]),
        {
            "titel": "Raadsconferentie",
            "begin": "2024-09-01",
            "einde": "2024-10-01",
            "budget_2024": "7500",
            "openbaar": "on",
        },
    )
    assert antwoord.status_code == 302
    nieuw = Activiteit.objects.get(titel="Raadsconferentie")
    assert list(nieuw.budgetten.values_list("jaar", "bedrag")) == [(2024, Decimal("7500.00"))]


def test_negatief_budget_in_formulier_wordt_geweigerd(client: Client, k: Keten) -> None:
    antwoord = _als(client, Rol.CONTROLLER).post(
        reverse("uitvoering:activiteit_bewerken", args=[k.activiteit.pk]),
        {
            "titel": "Tussenbalans opstellen",
            "begin": "2024-03-01",
            "einde": "2024-12-01",
            "budget_2024": "-5",
        },
    )
    assert antwoord.status_code == 400
    assert "negatief" in antwoord.content.decode()


def test_hoofdstuk_als_html_pdf_en_csv(client: Client, k: Keten) -> None:
    url = reverse("uitvoering:hoofdstuk", args=[k.programma.slug])
    _als(client, Rol.RAADSLID)
    html = client.get(url, {"jaar": 2024, "soort": "jaarverslag"}).content.decode()
    assert "Wat wilden we bereiken?" in html
    assert "Wat heeft het gekost?" in html
    bestand = reverse("uitvoering:hoofdstuk_bestand", args=[k.programma.slug, "pdf"])
    assert bestand in html
    pdf = client.get(bestand, {"jaar": 2024, "soort": "jaarverslag"})
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    csv_url = reverse("uitvoering:hoofdstuk_bestand", args=[k.programma.slug, "csv"])
    csv = client.get(csv_url, {"jaar": 2024, "soort": "begroting"})
    xls_url = reverse("uitvoering:hoofdstuk_bestand", args=[k.programma.slug, "xls"])
    assert client.get(xls_url, {"jaar": 2024, "soort": "begroting"}).status_code == 404
    assert "attachment" in csv["Content-Disposition"]
    assert "Zorgen voor goede besluitvorming" in csv.content.decode()


def test_mid_term_review_als_html_en_pdf(client: Client, k: Keten) -> None:
    url = reverse("uitvoering:mid_term_review", args=[k.akkoord.slug])
    _als(client, Rol.RAADSLID)
    html = client.get(url, {"peildatum": "2024-06-01"}).content.decode()
    assert "Wat was gepland" in html
    assert "Wat loopt risico" in html
    assert "Als stuk bij een raadsvergadering voegen" not in html
    pdf = reverse("uitvoering:mid_term_review_pdf", args=[k.akkoord.slug])
    assert pdf in html
    assert client.get(pdf, {"peildatum": "2024-06-01"}).content.startswith(b"%PDF")


def test_kengetal_formulier_berekent_de_indicator(client: Client, k: Keten) -> None:
    _als(client, Rol.CONTROLLER)
    antwoord = client.post(
        reverse("uitvoering:kengetallen"),
        {
            "soort": "overhead",
            "jaar": 2023,
            "teller": "10",
            "noemer": "0",
            "peildatum": "2023-12-31",
            "bron": "x",
        },
    )
    assert antwoord.status_code == 400
    assert "groter dan nul" in antwoord.content.decode()


def test_publieke_pagina_toont_alleen_openbare_onderdelen(client: Client, k: Keten) -> None:
    services.activiteit_vastleggen(
        door=k.door,
        gegevens={"actie": k.actie, "titel": "Vertrouwelijke verkenning", "begin": dt.date(2024, 2, 1),
                  "einde": dt.date(2024, 3, 1), "openbaar": False},
    )  # fmt: skip
    services.voortgang_vastleggen(
        door=k.door, activiteit=k.activiteit, moment=PcMoment.BEGROTING, jaar=2024, datum=dt.date(2024, 5, 1),
        status=Status.OP_SCHEMA, toelichting="Interne afweging", openbaar=False,
    )  # fmt: skip
    inhoud = client.get(reverse("uitvoering:publiek")).content.decode()
    assert "Tussenbalans opstellen" in inhoud
    assert "Vertrouwelijke verkenning" not in inhoud
    assert "Interne afweging" not in inhoud
    services.akkoord_vastleggen(door=k.door, gegevens={"openbaar": False}, akkoord=k.akkoord)
    assert client.get(reverse("uitvoering:akkoord_publiek", args=[k.akkoord.slug])).status_code == 404


def test_griffie_legt_een_opdracht_aan_het_college_vast(client: Client, k: Keten) -> None:
    _als(client, Rol.GRIFFIE)
    pagina = client.get(reverse("uitvoering:akkoord_bewerken", args=[k.akkoord.slug]))
    assert pagina.status_code == 200
    assert "Opdracht toevoegen" in pagina.content.decode()
    antwoord = client.post(
        reverse("uitvoering:opdracht_nieuw", args=[k.ambitie.pk]), {"tekst": "Maak een tussenbalans."}
    )
    assert antwoord.status_code == 302
    assert k.ambitie.opdrachten.get().tekst == "Maak een tussenbalans."
    assert client.get(reverse("uitvoering:activiteit_nieuw", args=[k.actie.pk])).status_code == 403


def test_actie_aanmaken_met_koppeling_aan_een_opdracht(client: Client, k: Keten) -> None:
    opdracht = services.opdracht_vastleggen(door=k.door, gegevens={"ambitie": k.ambitie, "tekst": "Opdracht"})
    antwoord = _als(client, Rol.CONTROLLER).post(
        reverse("uitvoering:actie_nieuw", args=[k.doel.pk]),
        {
            "titel": "Raadsconferentie",
            "begin": "2024-01-01",
            "einde": "2024-12-31",
            "opdrachten": [opdracht.pk],
        },
    )
    assert antwoord.status_code == 302
    assert list(opdracht.acties.values_list("titel", flat=True)) == ["Raadsconferentie"]
