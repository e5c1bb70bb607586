"""The intake pages: the level gate, the steps with errors next to the field, save and resume, the
summary and confirmation, ownership (404), expiry, and the assisted intake in the Werkplek."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.hulp import TweestapClient
from raadhuis.core.identiteit import Betrouwbaarheidsniveau
from raadhuis.dienstverlening.models import Aanvraag, Ceremonie, Kanaal, Zaak
from raadhuis.dienstverlening.selectors.afspraken import vrije_ceremoniemomenten
from raadhuis.dienstverlening.services.afspraken import trouwlocatie_aanmaken
from raadhuis.dienstverlening.tests import factories

pytestmark = pytest.mark.django_db

START = "/dienstverlening/verhuizing-doorgeven/aanvragen/"


def _stap_url(aanvraag: Aanvraag, stap: str) -> str:
    return f"/dienstverlening/aanvraag/{aanvraag.pk}/{stap}/"


def _begin(client: Client) -> Aanvraag:
    factories.product("verhuizing-doorgeven")
    factories.inloggen(client, factories.inwoner())
    antwoord = client.post(START)
    aanvraag = Aanvraag.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _stap_url(aanvraag, "verhuizing")
    return aanvraag


def test_niet_ingelogd_krijgt_de_digid_knop_op_het_niveau_van_het_product(client: Client) -> None:
    factories.product("verhuizing-doorgeven")
    antwoord = client.get(START)
    assert antwoord.status_code == 200
    assert "/inloggen/digid/?niveau=substantieel" in antwoord.content.decode()
    assert client.post(START).status_code == 200
    assert not Aanvraag.objects.exists()


def test_te_laag_niveau_wordt_geweigerd(client: Client) -> None:
    factories.product("verhuizing-doorgeven")
    factories.inloggen(client, factories.inwoner(niveau=Betrouwbaarheidsniveau.LAAG))
    assert client.get(START).status_code == 403
    assert client.post(START).status_code == 403
    assert not Aanvraag.objects.exists()


def test_productpagina_biedt_het_formulier_aan(client: Client) -> None:
    factories.product("verhuizing-doorgeven")
    factories.inloggen(client, factories.inwoner())
    antwoord = client.get("/dienstverlening/verhuizing-doorgeven/starten/")
    assert antwoord.status_code == 200
    assert f'href="{START}"' in antwoord.content.decode()


def test_verhuizing_door_alle_stappen_tot_de_bevestiging(client: Client) -> None:
    aanvraag = _begin(client)
    vandaag = timezone.localdate()

    # The form is prefilled from the login where it can be (the contact step).
    antwoord = client.get(_stap_url(aanvraag, "verhuizing"))
    assert antwoord.status_code == 200
    assert "Stap 1 van 4" in antwoord.content.decode()

    # A date outside the window: the Dutch message next to the field, nothing saved, no case
    te_vroeg = (vandaag + timedelta(days=40)).isoformat()
    antwoord = client.post(
        _stap_url(aanvraag, "verhuizing"),
        {"verhuisdatum": te_vroeg, "herkomst": "binnen", "actie": "volgende"},
    )
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert 'id="id_verhuisdatum_error"' in tekst
    assert "ten vroegste 4 weken voor de verhuisdatum" in tekst
    assert (
        'aria-describedby="id_verhuisdatum_helptext id_verhuisdatum_error"' in tekst
        or "aria-invalid" in tekst
    )
    assert not Zaak.objects.exists()

    antwoord = client.post(
        _stap_url(aanvraag, "verhuizing"),
        {
            "verhuisdatum": (vandaag + timedelta(days=7)).isoformat(),
            "herkomst": "binnen",
            "actie": "volgende",
        },
    )
    assert antwoord["Location"] == _stap_url(aanvraag, "adres")
    client.post(
        _stap_url(aanvraag, "adres"),
        {
            "postcode": "1901 AB",
            "huisnummer": "3",
            "straat": "Kerkstraat",
            "woonplaats": "Castricum",
            "actie": "x",
        },
    )
    client.post(_stap_url(aanvraag, "meeverhuizers"), {"meeverhuizers": "", "actie": "volgende"})
    antwoord = client.get(_stap_url(aanvraag, "contact"))
    assert 'value="J. Jansen"' in antwoord.content.decode()
    antwoord = client.post(
        _stap_url(aanvraag, "contact"),
        {"naam": "J. Jansen", "emailadres": "jj@example.org", "actie": "volgende"},
    )
    samenvatting = f"/dienstverlening/aanvraag/{aanvraag.pk}/samenvatting/"
    assert antwoord["Location"] == samenvatting

    # The summary with a "Wijzigen" link per step
    tekst = client.get(samenvatting).content.decode()
    assert "Kerkstraat" in tekst
    assert tekst.count(">Wijzigen</a>") == 4
    assert f'href="{_stap_url(aanvraag, "adres")}"' in tekst

    antwoord = client.post(samenvatting)
    bevestiging = f"/dienstverlening/aanvraag/{aanvraag.pk}/bevestiging/"
    assert antwoord["Location"] == bevestiging
    zaak = Zaak.objects.get()
    tekst = client.get(bevestiging).content.decode()
    assert zaak.identificatie in tekst
    assert "/mijn-zaken/" in tekst
    assert zaak.kanaal == Kanaal.DIGITAAL
    assert zaak.taal == "nl"
    assert zaak.identificatie in client.get("/mijn-zaken/").content.decode()
    # After submitting, the steps lead to the confirmation
    assert client.get(_stap_url(aanvraag, "adres"))["Location"] == bevestiging


def test_opslaan_en_later_verder(client: Client) -> None:
    aanvraag = _begin(client)
    antwoord = client.post(
        _stap_url(aanvraag, "verhuizing"),
        {"verhuisdatum": timezone.localdate().isoformat(), "herkomst": "binnen", "actie": "opslaan"},
    )
    assert antwoord["Location"] == f"/dienstverlening/aanvraag/{aanvraag.pk}/opgeslagen/"
    assert client.get(antwoord["Location"]).status_code == 200

    # A new session: the start page offers the saved draft, which opens at the next step.
    nieuw = Client()
    factories.inloggen(nieuw, factories.inwoner())
    tekst = nieuw.get(START).content.decode()
    assert "Verder met de aanvraag van" in tekst
    assert _stap_url(aanvraag, "adres") in tekst
    # Skipping ahead goes back to the first open step.
    assert nieuw.get(_stap_url(aanvraag, "contact"))["Location"] == _stap_url(aanvraag, "adres")
    # The saved answer is shown again.
    assert timezone.localdate().isoformat() in nieuw.get(_stap_url(aanvraag, "verhuizing")).content.decode()


def test_een_andere_inwoner_krijgt_404(client: Client) -> None:
    aanvraag = _begin(client)
    ander = Client()
    factories.inloggen(ander, factories.inwoner(bsn=factories.BSN_ANDER))
    for pad in ("verhuizing", "samenvatting", "opgeslagen", "bevestiging"):
        assert ander.get(_stap_url(aanvraag, pad)).status_code == 404
    assert ander.post(_stap_url(aanvraag, "verhuizing"), {"verhuisdatum": "2026-01-01"}).status_code == 404


def test_verlopen_aanvraag(client: Client) -> None:
    aanvraag = _begin(client)
    Aanvraag.objects.filter(pk=aanvraag.pk).update(bijgewerkt_op=timezone.now() - timedelta(days=31))
    antwoord = client.get(_stap_url(aanvraag, "verhuizing"))
    assert antwoord.status_code == 410
    assert "langer dan 30 dagen" in antwoord.content.decode()


def test_werkplek_assistentie_telefonisch(client: Client) -> None:
    factories.product("vraag-stellen")
    medewerker = factories.medewerker(Rol.KCC_MEDEWERKER)
    client.force_login(medewerker)
    assert (
        "Aanvraag invoeren voor een inwoner of ondernemer"
        in client.get("/werkplek/dienstverlening/").content.decode()
    )
    assert client.get("/werkplek/dienstverlening/aanvraag/").status_code == 200
    product = factories.product("vraag-stellen")

    # Bad applicant data: errors next to the fields, nothing started
    antwoord = client.post(
        "/werkplek/dienstverlening/aanvraag/",
        {"product": product.pk, "kanaal": "telefoon", "bsn": "123456789", "naam": "J. Jansen"},
    )
    assert antwoord.status_code == 400
    assert 'id="id_bsn_error"' in antwoord.content.decode()
    assert not Aanvraag.objects.exists()

    antwoord = client.post(
        "/werkplek/dienstverlening/aanvraag/",
        {"product": product.pk, "kanaal": "telefoon", "bsn": factories.BSN_INWONER, "naam": "J. Jansen"},
    )
    aanvraag = Aanvraag.objects.get()
    basis = f"/werkplek/dienstverlening/aanvraag/{aanvraag.pk}/"
    assert antwoord["Location"] == basis + "vraag/"
    client.post(
        basis + "vraag/", {"onderwerp": "Parkeervergunning", "vraag": "Wanneer?", "actie": "volgende"}
    )
    tekst = client.get(basis + "contact/").content.decode()
    assert 'value="J. Jansen"' in tekst
    client.post(
        basis + "contact/", {"naam": "J. Jansen", "telefoonnummer": "0612345678", "actie": "volgende"}
    )
    assert client.post(basis + "samenvatting/")["Location"] == basis + "bevestiging/"
    zaak = Zaak.objects.get()
    assert zaak.kanaal == Kanaal.TELEFOON
    assert zaak.geregistreerd_door == medewerker
    assert zaak.initiator_bsn == factories.BSN_INWONER
    assert zaak.identificatie in client.get(basis + "bevestiging/").content.decode()

    # Another employee, or the resident, cannot open it
    collega = TweestapClient()
    collega.force_login(factories.medewerker(Rol.KCC_MEDEWERKER))
    assert collega.get(basis + "vraag/").status_code == 404
    inwoner = Client()
    factories.inloggen(inwoner, factories.inwoner())
    assert inwoner.get(f"/dienstverlening/aanvraag/{aanvraag.pk}/vraag/").status_code == 404


def test_werkplek_assistentie_alleen_met_recht(client: Client) -> None:
    client.force_login(factories.medewerker(Rol.CONTROLLER))
    assert client.get("/werkplek/dienstverlening/aanvraag/").status_code == 403


def test_huwelijk_kiest_een_vrij_moment_en_reserveert_de_ceremonie(client: Client) -> None:
    locatie = trouwlocatie_aanmaken(
        naam="Raadzaal",
        slug="raadzaal",
        adres="Raadhuisplein 1",
        door=factories.beheerder(),
        momenten=[(weekdag, time(11, 0)) for weekdag in range(7)],
    )
    factories.product("huwelijk-melden")
    factories.inloggen(client, factories.inwoner())
    client.post("/dienstverlening/huwelijk-melden/aanvragen/")
    aanvraag = Aanvraag.objects.get()
    client.post(_stap_url(aanvraag, "soort"), {"soort": "huwelijk"})

    # BW 1 art. 44: a date within 2 weeks is refused next to the field
    antwoord = client.post(
        _stap_url(aanvraag, "ceremonie"),
        {
            "trouwlocatie": locatie.pk,
            "gewenste_datum": (timezone.localdate() + timedelta(days=5)).isoformat(),
        },
    )
    assert antwoord.status_code == 400
    assert 'id="id_gewenste_datum_error"' in antwoord.content.decode()
    assert "Burgerlijk Wetboek boek 1 art. 44" in antwoord.content.decode()

    gewenst = timezone.localdate() + timedelta(days=40)
    client.post(
        _stap_url(aanvraag, "ceremonie"), {"trouwlocatie": locatie.pk, "gewenste_datum": gewenst.isoformat()}
    )
    tekst = client.get(_stap_url(aanvraag, "moment")).content.decode()
    eerste = vrije_ceremoniemomenten(trouwlocatie=locatie, van=gewenst, tot=gewenst)[0]
    assert f'value="{eerste.isoformat()}"' in tekst
    assert " om 11:00" in tekst
    assert (
        client.post(_stap_url(aanvraag, "moment"), {"ceremonie_start": eerste.isoformat()}).status_code == 302
    )
    client.post(
        _stap_url(aanvraag, "partners"),
        {
            "partner_1_naam": "J. Jansen",
            "partner_1_geboortedatum": "1990-01-01",
            "partner_2_naam": "K. de Boer",
            "partner_2_geboortedatum": "1991-01-01",
            "ongehuwd": "on",
            "geen_familie": "on",
        },
    )
    client.post(
        _stap_url(aanvraag, "getuigen"),
        {
            "getuige_1_naam": "A",
            "getuige_1_geboortedatum": "1970-01-01",
            "getuige_2_naam": "B",
            "getuige_2_geboortedatum": "1971-01-01",
        },
    )
    client.post(_stap_url(aanvraag, "contact"), {"naam": "J. Jansen", "emailadres": "jj@example.org"})
    samenvatting = f"/dienstverlening/aanvraag/{aanvraag.pk}/samenvatting/"
    assert "Raadzaal" in client.get(samenvatting).content.decode()
    assert client.post(samenvatting).status_code == 302
    ceremonie = Ceremonie.objects.get()
    assert ceremonie.zaak == Zaak.objects.get()
    assert ceremonie.start == eerste
