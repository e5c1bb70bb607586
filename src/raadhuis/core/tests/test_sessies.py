"""core.sessies: new id at login, idle and absolute timeouts, real logout (OWASP ASVS 4.0.3 V3)."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from freezegun import freeze_time

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import WACHTWOORD, MedewerkerFactory
from raadhuis.core import sessies


@pytest.fixture
def ingelogd(organisatie) -> Client:
    MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])
    client = Client()
    client.get("/werkplek/inloggen/")
    antwoord = client.post("/werkplek/inloggen/", {"username": "griet", "password": WACHTWOORD})
    assert antwoord.status_code == 302
    return client


def test_inloggen_geeft_een_nieuwe_sessie_id_en_start_de_klokken(organisatie):
    MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])
    client = Client()
    client.get("/werkplek/inloggen/")
    sessie = client.session  # a session before login, as an attacker could plant
    sessie["voor"] = 1
    sessie.save()
    voor = sessie.session_key
    assert voor

    client.post("/werkplek/inloggen/", {"username": "griet", "password": WACHTWOORD})

    assert client.session.session_key != voor
    assert sessies.BEGONNEN in client.session
    assert sessies.LAATST_ACTIEF in client.session


def test_sessie_verloopt_na_dertig_minuten_niets_doen(ingelogd: Client):
    with freeze_time() as klok:
        klok.tick(29 * 60)
        assert ingelogd.get("/werkplek/").status_code == 200
        klok.tick(31 * 60)

        antwoord = ingelogd.get("/werkplek/")

    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/werkplek/inloggen/?next=%2Fwerkplek%2F"
    assert "Uw sessie is verlopen" in ingelogd.get(antwoord["Location"]).content.decode()


def test_sessie_verloopt_na_twaalf_uur_ook_als_je_actief_bent(ingelogd: Client):
    with freeze_time() as klok:
        for _ in range(35):  # every 20 minutes, for 11 hours 40 minutes
            klok.tick(20 * 60)
            assert ingelogd.get("/werkplek/").status_code == 200
        klok.tick(20 * 60)

        antwoord = ingelogd.get("/werkplek/")

    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/werkplek/inloggen/")


def test_verlopen_sessie_is_op_de_server_verwijderd(ingelogd: Client):
    oude_sleutel = ingelogd.session.session_key
    with freeze_time() as klok:
        klok.tick(31 * 60)
        ingelogd.get("/werkplek/")

    assert not Session.objects.filter(session_key=oude_sleutel).exists()


def test_htmx_verzoek_krijgt_hx_redirect(ingelogd: Client):
    with freeze_time() as klok:
        klok.tick(31 * 60)
        antwoord = ingelogd.get("/werkplek/organisatie/tooi/?tooi_code=gm1", HTTP_HX_REQUEST="true")

    assert antwoord["HX-Redirect"] == "/werkplek/inloggen/"


def test_instellingen_volgen_de_omgeving(settings, ingelogd: Client):
    settings.RAADHUIS_SESSIE_INACTIEF_MINUTEN = 5
    with freeze_time() as klok:
        klok.tick(6 * 60)
        assert ingelogd.get("/werkplek/").status_code == 302


def test_cookie_leeftijd_past_bij_de_absolute_limiet(settings):
    assert settings.SESSION_COOKIE_AGE == settings.RAADHUIS_SESSIE_MAXIMAAL_UREN * 3600 == 12 * 3600
    assert settings.RAADHUIS_SESSIE_INACTIEF_MINUTEN == 30


def test_uitloggen_maakt_het_oude_sessiecookie_waardeloos(ingelogd: Client):
    oud = ingelogd.cookies["sessionid"].value

    ingelogd.post("/werkplek/uitloggen/")

    aanvaller = Client()
    aanvaller.cookies["sessionid"] = oud
    antwoord = aanvaller.get("/werkplek/")
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/werkplek/inloggen/")
    assert not Session.objects.filter(session_key=oud).exists()


def test_uitloggen_via_get_kan_niet(ingelogd: Client):
    assert ingelogd.get("/werkplek/uitloggen/").status_code == 405
    assert ingelogd.get("/werkplek/").status_code == 200


def test_sessie_beeindigen_werkt_ook_zonder_medewerker(rf, db):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore

    verzoek = rf.get("/")
    verzoek.session = SessionStore()
    verzoek.user = AnonymousUser()
    sessies.sessie_beginnen(verzoek)
    verzoek.session["iets"] = "van een inwoner"
    verzoek.session.save()
    sleutel = verzoek.session.session_key

    sessies.sessie_beeindigen(verzoek)

    assert not Session.objects.filter(session_key=sleutel).exists()
    assert "iets" not in verzoek.session


def test_verlopen_sessie_zonder_medewerker_gaat_naar_de_homepagina(rf, db):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.http import HttpResponse

    with freeze_time() as klok:
        verzoek = rf.get("/mijn/")
        verzoek.session = SessionStore()
        verzoek.user = AnonymousUser()
        verzoek._messages = FallbackStorage(verzoek)
        sessies.sessie_beginnen(verzoek)  # as the DigiD login does, without a Django user
        klok.tick(31 * 60)

        antwoord = sessies.SessieVerloopMiddleware(lambda _: HttpResponse("niet bereikt"))(verzoek)

    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/"
    assert sessies.BEGONNEN not in verzoek.session
