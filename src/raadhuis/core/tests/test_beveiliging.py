"""Security baseline: CSP and other headers, security.txt, rate limits with Retry-After, deploy checks."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, RequestFactory

from raadhuis.core import snelheid
from raadhuis.core.models import Organisatie
from raadhuis.core.services import organisatie_bijwerken


def test_pagina_heeft_strikte_csp_zonder_inline_script(client: Client, organisatie: Organisatie):
    antwoord = client.get("/")

    csp = antwoord["Content-Security-Policy"]
    richtlijnen = dict(deel.strip().split(" ", 1) for deel in csp.split(";") if " " in deel.strip())
    assert richtlijnen["default-src"] == "'self'"
    assert richtlijnen["script-src"] == "'self'"
    assert richtlijnen["style-src"] == "'self'"
    assert richtlijnen["frame-ancestors"] == "'none'"
    assert richtlijnen["object-src"] == "'none'"
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp


def test_pagina_heeft_beveiligingskoppen(client: Client, organisatie: Organisatie):
    antwoord = client.get("/")

    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert antwoord["Referrer-Policy"] == "same-origin"
    assert antwoord["X-Frame-Options"] == "DENY"
    assert "Server" not in antwoord  # no version banner


def test_geen_inline_script_of_stijl_in_de_html(client: Client, organisatie: Organisatie):
    html = client.get("/").content.decode()

    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html), "inline <script> without src"
    assert " style=" not in html
    assert "<style" not in html


def test_security_txt_volgt_rfc_9116(client: Client, organisatie: Organisatie, settings):
    settings.RAADHUIS_SECURITY_CONTACT = ["mailto:cvd@pijnacker-nootdorp.nl"]
    settings.RAADHUIS_SECURITY_BELEID = "https://www.pijnacker-nootdorp.nl/cvd"

    antwoord = client.get("/.well-known/security.txt")

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/plain; charset=utf-8"
    velden = dict(regel.split(": ", 1) for regel in antwoord.content.decode().splitlines())
    assert velden["Contact"] == "mailto:cvd@pijnacker-nootdorp.nl"
    assert velden["Policy"] == "https://www.pijnacker-nootdorp.nl/cvd"
    assert velden["Canonical"].endswith("/.well-known/security.txt")
    verloopt = datetime.strptime(velden["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    # RFC 9116 section 2.5.5: in the future, and recommended less than a year ahead.
    assert datetime.now(UTC) < verloopt < datetime.now(UTC) + timedelta(days=365)


def test_security_txt_valt_terug_op_het_mailadres_van_de_organisatie(
    client: Client, organisatie: Organisatie, beheerder, settings
):
    settings.RAADHUIS_SECURITY_CONTACT = []
    organisatie_bijwerken(organisatie=organisatie, door=beheerder, gegevens={"emailadres": "info@example.nl"})

    assert "Contact: mailto:info@example.nl" in client.get("/.well-known/security.txt").content.decode()


def test_security_txt_ontbreekt_liever_dan_dat_hij_niets_zegt(client: Client, organisatie, settings):
    settings.RAADHUIS_SECURITY_CONTACT = []

    assert client.get("/.well-known/security.txt").status_code == 404


@pytest.mark.parametrize("tekst", ["", "20", "20/x", "nul/m", "0/m", "20/0m"])
def test_onzinnige_limiet_stopt_met_een_duidelijke_zin(tekst):
    with pytest.raises(ImproperlyConfigured, match=r"number/period|at least one"):
        snelheid.Limiet.uit_tekst("inloggen", tekst)


def test_limiet_leest_perioden():
    assert snelheid.Limiet.uit_tekst("x", "20/m") == snelheid.Limiet("x", 20, 60)
    assert snelheid.Limiet.uit_tekst("x", "600/u") == snelheid.Limiet("x", 600, 3600)
    assert snelheid.Limiet.uit_tekst("x", "5/10s") == snelheid.Limiet("x", 5, 10)


def test_tellen_laat_precies_het_aantal_toe_en_noemt_de_wachttijd():
    regel = snelheid.Limiet("proef", 3, 60)

    uitkomsten = [snelheid.tellen(regel, "1.2.3.4", nu=120.0 + i) for i in range(4)]

    assert uitkomsten[:3] == [None, None, None]
    assert uitkomsten[3] == 57  # the window 120..180 ends 57 s after t=123
    assert snelheid.tellen(regel, "5.6.7.8", nu=124.0) is None  # another address counts apart
    assert snelheid.tellen(regel, "1.2.3.4", nu=180.0) is None  # a new window


def test_client_adres_gelooft_alleen_vertrouwde_proxies(settings):
    verzoek = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4")

    settings.RAADHUIS_PROXY_AANTAL = 0
    assert snelheid.client_adres(verzoek) == "10.0.0.1"
    settings.RAADHUIS_PROXY_AANTAL = 1
    assert snelheid.client_adres(verzoek) == "1.2.3.4"  # not the spoofable first entry


def test_api_antwoordt_429_met_retry_after_als_problem_json(client: Client, db, settings):
    settings.RAADHUIS_SNELHEIDSLIMIETEN = {**settings.RAADHUIS_SNELHEIDSLIMIETEN, "api": "2/m"}

    codes = [client.get("/api/v1/gezondheid").status_code for _ in range(3)]

    assert codes[:2] == [200, 200]
    antwoord = client.get("/api/v1/gezondheid")
    assert antwoord.status_code == 429
    assert antwoord["Content-Type"] == "application/problem+json"
    assert 1 <= int(antwoord["Retry-After"]) <= 60
    assert antwoord.json()["title"] == "Te veel verzoeken."


def test_pagina_limiet_geeft_nederlandse_pagina_met_retry_after(rf, organisatie, settings):
    settings.RAADHUIS_SNELHEIDSLIMIETEN = {**settings.RAADHUIS_SNELHEIDSLIMIETEN, "formulieren": "1/m"}

    @snelheid.snelheidslimiet("formulieren")
    def formulier(request):
        from django.http import HttpResponse

        return HttpResponse("ok")

    def verzoek(methode):
        request = getattr(rf, methode)("/")
        request.user = AnonymousUser()
        return request

    assert formulier(verzoek("get")).status_code == 200
    assert formulier(verzoek("get")).status_code == 200  # reading the form is not limited
    assert formulier(verzoek("post")).status_code == 200
    antwoord = formulier(verzoek("post"))
    assert antwoord.status_code == 429
    assert int(antwoord["Retry-After"]) >= 1
    assert "te vaak geprobeerd" in antwoord.content.decode()


def test_deploycontrole_mist_sleutel_cache_en_contact(settings):
    settings.RAADHUIS_PERSOONSGEGEVENS_SLEUTELS = []
    settings.RAADHUIS_SECURITY_CONTACT = []

    ids = {melding.id for melding in run_checks(include_deployment_checks=True)}

    assert {"raadhuis.W001", "raadhuis.W002", "raadhuis.W003"} <= ids


def test_onbruikbare_sleutel_stopt_de_start(settings):
    settings.RAADHUIS_PERSOONSGEGEVENS_SLEUTELS = ["te-kort"]
    try:
        ids = {melding.id for melding in run_checks()}
    finally:
        settings.RAADHUIS_PERSOONSGEGEVENS_SLEUTELS = []
        from raadhuis.core import bsn

        bsn._sleutels.cache_clear()

    assert "raadhuis.E001" in ids
