"""A product's digital start (/dienstverlening/<slug>/starten/) behind its level of assurance (Wdo; eIDAS)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from raadhuis.accounts.models import Medewerker
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, identiteit_opslaan
from raadhuis.dienstverlening.models import Product
from raadhuis.dienstverlening.services.catalogus import product_aanmaken

BSN = "999993653"


@pytest.fixture
def aangifte(beheerder: Medewerker) -> Product:
    return product_aanmaken(
        door=beheerder,
        naam="Vertrek naar het buitenland doorgeven",
        slug="vertrek-buitenland",
        upl_naam="aangifte vertrek buitenland",
        doelgroep="inwoner",
        minimum_niveau=Betrouwbaarheidsniveau.HOOG,
        niveau_toelichting="U wordt uitgeschreven uit de gemeente.",
    )


@pytest.fixture
def bedrijfsproduct(beheerder: Medewerker) -> Product:
    return product_aanmaken(
        door=beheerder,
        naam="Aangifte overlijden",
        upl_naam="overlijdensaangifte",
        doelgroep="ondernemer",
        minimum_niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
    )


def _ingelogd(client: Client, identiteit: Identiteit) -> None:
    sessie = client.session
    identiteit_opslaan(sessie, identiteit)
    sessie.save()


def _inwoner(niveau: Betrouwbaarheidsniveau) -> Identiteit:
    return Identiteit(soort=Soort.INWONER, niveau=niveau, bsn=BSN, middel="digid")


@pytest.mark.django_db
def test_niet_ingelogd_krijgt_uitleg_en_digid_knop_op_het_juiste_niveau(
    client: Client, aangifte: Product
) -> None:
    antwoord = client.get("/dienstverlening/vertrek-buitenland/starten/")
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "U wordt uitgeschreven uit de gemeente." in tekst
    assert (
        "/inloggen/digid/?niveau=hoog&amp;next=%2Fdienstverlening%2Fvertrek-buitenland%2Fstarten%2F" in tekst
    )
    assert "/inloggen/eherkenning/" not in tekst


@pytest.mark.django_db
def test_te_laag_niveau_wordt_geweigerd_met_uitleg_en_knop_om_opnieuw_in_te_loggen(
    client: Client, aangifte: Product
) -> None:
    # Given a resident logged in at substantieel, when they open a service that needs hoog
    _ingelogd(client, _inwoner(Betrouwbaarheidsniveau.SUBSTANTIEEL))
    antwoord = client.get("/dienstverlening/vertrek-buitenland/starten/")

    # Then they are refused with which level they have, which is needed and why, and a way back in
    assert antwoord.status_code == 403
    tekst = antwoord.content.decode()
    assert "ingelogd op betrouwbaarheidsniveau substantieel" in tekst
    assert "niveau hoog nodig" in tekst
    assert "U wordt uitgeschreven uit de gemeente." in tekst
    assert "Opnieuw inloggen met DigiD op niveau hoog" in tekst
    assert BSN not in tekst
    assert "******653" not in tekst


@pytest.mark.django_db
def test_voldoende_niveau_wordt_toegelaten_met_gemaskeerd_bsn(client: Client, aangifte: Product) -> None:
    _ingelogd(client, _inwoner(Betrouwbaarheidsniveau.HOOG))
    antwoord = client.get("/dienstverlening/vertrek-buitenland/starten/")
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "******653" in tekst
    assert BSN not in tekst
    assert "aanvraagformulier voor deze dienst volgt" in tekst
    assert "<form" not in tekst.split('id="inhoud"')[1].split("</main>")[0]


@pytest.mark.django_db
def test_inwoner_krijgt_ondernemersdienst_niet_en_wordt_naar_eherkenning_gewezen(
    client: Client, bedrijfsproduct: Product
) -> None:
    _ingelogd(client, _inwoner(Betrouwbaarheidsniveau.HOOG))
    antwoord = client.get(f"/dienstverlening/{bedrijfsproduct.slug}/starten/")
    assert antwoord.status_code == 403
    assert "/inloggen/eherkenning/?niveau=substantieel" in antwoord.content.decode()


@pytest.mark.django_db
def test_ondernemer_wordt_begroet_met_kvk_nummer(client: Client, bedrijfsproduct: Product) -> None:
    _ingelogd(
        client,
        Identiteit(
            soort=Soort.ONDERNEMER,
            niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
            kvk_nummer="69599084",
            middel="eherkenning",
        ),
    )
    antwoord = client.get(f"/dienstverlening/{bedrijfsproduct.slug}/starten/")
    assert antwoord.status_code == 200
    assert "69599084" in antwoord.content.decode()


@pytest.mark.django_db
def test_inactief_of_onbekend_product_geeft_404(
    client: Client, aangifte: Product, beheerder: Medewerker
) -> None:
    from raadhuis.dienstverlening.services.catalogus import product_bijwerken

    product_bijwerken(product=aangifte, door=beheerder, actief=False)
    assert client.get("/dienstverlening/vertrek-buitenland/starten/").status_code == 404
    assert client.get("/dienstverlening/vertrek-buitenland/").status_code == 404
    assert client.get("/dienstverlening/bestaat-niet/").status_code == 404
    assert client.get("/dienstverlening/bestaat-niet/starten/").status_code == 404


@pytest.mark.django_db
def test_dienstverlening_pagina_toont_actieve_producten(client: Client, aangifte: Product) -> None:
    tekst = client.get("/dienstverlening/").content.decode()
    assert 'href="/dienstverlening/vertrek-buitenland/"' in tekst


@pytest.mark.django_db
def test_opnieuw_inloggen_keert_terug_naar_de_dienst(client: Client, aangifte: Product) -> None:
    # The re-login link, followed, stores the service page as destination for after the login.
    from raadhuis.testidp.testhulp import backchannel_via_testclient

    _ingelogd(client, _inwoner(Betrouwbaarheidsniveau.SUBSTANTIEEL))
    with backchannel_via_testclient():
        start = client.get(
            "/inloggen/digid/", {"niveau": "hoog", "next": "/dienstverlening/vertrek-buitenland/starten/"}
        )
    state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
    assert client.session["oidc_states"][state]["next"] == "/dienstverlening/vertrek-buitenland/starten/"
    assert client.session["oidc_states"][state]["niveau"] == 30
