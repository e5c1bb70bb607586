"""The world the API fuzzer runs in: demo data made by the apps' own services, a few objects of
our own for the paths with ids, one credential per identity, and the figures of the run."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management.base import OutputWrapper
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from pytest_django import DjangoDbBlocker

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.services import api_token_uitgeven, medewerker_aanmaken
from raadhuis.accounts.tests.hulp import TweestapClient
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, identiteit_opslaan
from raadhuis.core.tests.wereld import teruggedraaide_wereld, wereld_gereed
from raadhuis.dienstverlening.tests import factories as dv
from raadhuis.publicatie import services as publicatie_services
from raadhuis.publicatie import waardelijsten
from raadhuis.publicatie.tests.test_services import aanmaken, gepubliceerd, maak_pdf
from raadhuis.woo.services import verzoeken as woo_verzoeken

# Test-only CSRF secret: Django accepts any 32 alphanumerics as cookie and header value alike.
CSRF_TOKEN = "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz"
WACHTWOORD = "Fuzz-wachtwoord-2026-lang"
# The demo data of the apps behind the API that is cheap to make, each by its own services. Woo's demo
# (its documents, redaction and PII detection) costs more than the whole fuzz run; its requests are
# made below with the service the API itself calls. Mijn zaken gets cases of its own below.
DEMO_APPS = ("core", "accounts", "besluitvorming", "publicatie")


@dataclass(frozen=True)
class Inlog:
    """How one identity presents itself: a bearer token, or cookies (a session, with its CSRF pair)."""

    naam: str
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)


@dataclass
class Wereld:
    inloggen: dict[str, Inlog] = field(default_factory=dict)
    # Real values for a path parameter, by (path template, parameter name): known objects, public
    # and not, so the fuzzer reaches existing objects as well as the unknown ones it makes up.
    bestaand: dict[tuple[str, str], list[str]] = field(default_factory=dict)


def _pks(label: str) -> list[str]:
    model = apps.get_model(label)
    return [str(pk) for pk in model._default_manager.order_by("pk").values_list("pk", flat=True)[:40]]


def _inwoner(bsn: str, niveau: Betrouwbaarheidsniveau = Betrouwbaarheidsniveau.SUBSTANTIEEL) -> Identiteit:
    return Identiteit(soort=Soort.INWONER, niveau=niveau, bsn=bsn, naam="A. Aalders", middel="digid")


def _sessie_cookies(client: TweestapClient) -> dict[str, str]:
    return {naam: morsel.value for naam, morsel in client.cookies.items()} | {"csrftoken": CSRF_TOKEN}


def _inloggen(wereld: Wereld) -> None:
    medewerkers = {
        rol: medewerker_aanmaken(gebruikersnaam=f"fuzz-{rol}", wachtwoord=WACHTWOORD, rollen=[rol])
        for rol in (Rol.BEHEERDER, Rol.WOO_COORDINATOR, Rol.GRIFFIE, Rol.KCC_MEDEWERKER, Rol.BEHANDELAAR)
    }
    wereld.inloggen["anoniem"] = Inlog("anoniem")
    for rol, medewerker in medewerkers.items():
        wereld.inloggen[f"{rol}-token"] = Inlog(
            f"{rol}-token", headers={"Authorization": f"Bearer {api_token_uitgeven(medewerker=medewerker)}"}
        )
        client = TweestapClient()
        client.force_login(medewerker)
        wereld.inloggen[f"{rol}-sessie"] = Inlog(
            f"{rol}-sessie",
            headers={"X-CSRFToken": CSRF_TOKEN},
            cookies=_sessie_cookies(client),
        )
    for naam, identiteit in {
        "inwoner": _inwoner(dv.BSN_INWONER),
        "inwoner-laag": _inwoner(dv.BSN_INWONER, Betrouwbaarheidsniveau.LAAG),
        "ondernemer": Identiteit(
            soort=Soort.ONDERNEMER,
            niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
            kvk_nummer=dv.KVK_ONDERNEMER,
            naam="Uitvaartzorg De Linde",
            middel="eherkenning",
        ),
    }.items():
        client = TweestapClient()
        sessie = client.session
        identiteit_opslaan(sessie, identiteit)
        sessie.save()
        wereld.inloggen[naam] = Inlog(
            naam,
            headers={"X-CSRFToken": CSRF_TOKEN},
            cookies={settings.SESSION_COOKIE_NAME: sessie.session_key or "", "csrftoken": CSRF_TOKEN},
        )


def _bouwen(wereld: Wereld) -> None:
    uitvoer = OutputWrapper(io.StringIO())
    for app in DEMO_APPS:
        import_module(f"raadhuis.{app}.demo").laden(uitvoer)
    _inloggen(wereld)
    griffier = Medewerker.objects.get(username=f"fuzz-{Rol.GRIFFIE}")
    beheerder = Medewerker.objects.get(username=f"fuzz-{Rol.BEHEERDER}")

    # Cases of the resident, of another resident and of the business: Mijn zaken shows only one's own.
    zaken = [dv.zaak(), dv.zaak(bsn=dv.BSN_ANDER), dv.zaak(bsn="", kvk=dv.KVK_ONDERNEMER)]
    wereld.bestaand[("/api/v1/mijn-zaken/{identificatie}", "identificatie")] = [
        z.identificatie for z in zaken
    ]

    # The register's four states: published, concept (404), withdrawn and replaced (410).
    concept = aanmaken(griffier, officiele_titel="Fuzz-concept")
    publicatie_services.document_toevoegen(
        concept, titel="Fuzz-concept", bestandsnaam="concept.pdf", inhoud=maak_pdf(), door=griffier
    )
    ingetrokken = gepubliceerd(beheerder, "Fuzz ingetrokken")
    publicatie_services.intrekken(
        ingetrokken, reden=waardelijsten.REDEN_PRIVACY, toelichting="Per abuis gepubliceerd.", door=beheerder
    )
    oud = gepubliceerd(beheerder, "Fuzz oud")
    publicatie_services.vervangen(
        oud,
        nieuw=gepubliceerd(beheerder, "Fuzz nieuw"),
        reden=waardelijsten.REDEN_PROCEDURELE_FOUT,
        door=beheerder,
    )
    publicaties = apps.get_model("publicatie.Publicatie")._default_manager.order_by("pk")
    documenten = apps.get_model("publicatie.Publicatiedocument")._default_manager.order_by("pk")
    wereld.bestaand[("/api/v1/publicaties/{publicatie_uuid}", "publicatie_uuid")] = [
        str(u) for u in publicaties.values_list("uuid", flat=True)[:40]
    ]
    wereld.bestaand[("/api/v1/documenten/{document_uuid}", "document_uuid")] = [
        str(u) for u in documenten.values_list("uuid", flat=True)[:40]
    ]

    # Woo requests in three states: just registered, suspended for a zienswijze, extended.
    coordinator = Medewerker.objects.get(username=f"fuzz-{Rol.WOO_COORDINATOR}")
    vandaag = timezone.localdate()
    verzoeken = [
        woo_verzoeken.verzoek_registreren(
            onderwerp=f"Fuzz-verzoek {nummer}",
            omschrijving="Alle stukken over de herinrichting van het Oranjeplein.",
            ontvangen_op=vandaag - dt.timedelta(days=nummer),
            kanaal="email",
            verzoeker_naam="J. Jansen",
            emailadres="j.jansen@example.org",
            door=coordinator,
        )
        for nummer in (0, 3, 7)
    ]
    woo_verzoeken.zienswijze_opschorting_registreren(
        verzoek=verzoeken[1], van=vandaag, reden="Zienswijze gevraagd.", door=coordinator
    )
    woo_verzoeken.verdaging_besluiten(verzoek=verzoeken[2], reden="Omvangrijk.", door=coordinator)
    kenmerken = [
        str(k)
        for k in apps.get_model("woo.WooVerzoek")
        ._default_manager.order_by("pk")
        .values_list("kenmerk", flat=True)
    ]
    for pad in ("{kenmerk}", "{kenmerk}/opschortingen", "{kenmerk}/verdaging"):
        wereld.bestaand[(f"/api/v1/woo/verzoeken/{pad}", "kenmerk")] = kenmerken[:40]

    # The council's resources, public and closed-session (besloten) alike.
    for resource, label in {
        "vergaderingen": "besluitvorming.Vergadering",
        "agendapunten": "besluitvorming.Agendapunt",
        "informatieobjecten": "besluitvorming.Stuk",
        "besluiten": "besluitvorming.Besluit",
        "stemmingen": "besluitvorming.Stemming",
        "stemmen": "besluitvorming.Stem",
        "stemresultatenperfractie": "besluitvorming.Fractiestemresultaat",
        "fracties": "besluitvorming.Fractie",
        "fractielidmaatschappen": "besluitvorming.Fractielidmaatschap",
        "natuurlijkpersonen": "besluitvorming.Persoon",
    }.items():
        wereld.bestaand[(f"/api/v1/{resource}/{{id}}", "id")] = _pks(label)
    aanwezigheden = apps.get_model("besluitvorming.Aanwezigheid")._default_manager.order_by("pk")
    wereld.bestaand[("/api/v1/aanwezigedeelnemers/{id}", "id")] = [
        f"{v}-{p}" for v, p in aanwezigheden.values_list("vergadering_id", "persoon_id")[:40]
    ]


@pytest.fixture(scope="class")
def wereld(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Wereld]:
    """Everything in one outer transaction, rolled back at the end, so none of it reaches the other
    tests of the run; every fuzzed request runs in a savepoint of its own (test_api)."""
    # The fuzzer calls the WSGI handler itself, not Django's test client; the handler would close
    # the connection after every request (request_finished), and with it the outer transaction.
    # Django's test client disconnects the same receiver for the same reason.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        with teruggedraaide_wereld("fuzz", django_db_blocker):
            wereld = Wereld()
            _bouwen(wereld)
            wereld_gereed()
            yield wereld
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# --- figures -------------------------------------------------------------------------------------

CIJFERS = (
    "voorbeelden",
    "2xx",
    "4xx",
    "5xx",
    "schemafouten",
    "geen_problem_json",
    "ongedocumenteerde_status",
)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Adds up what every fuzz case recorded (also from xdist workers: user_properties travel)."""
    totaal: dict[str, int] = dict.fromkeys(CIJFERS, 0)
    operaties: set[str] = set()
    gezien = False
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", None) != "call":
                continue
            for naam, waarde in getattr(report, "user_properties", ()):
                if naam == "fuzz_operatie":
                    operaties.add(str(waarde))
                    gezien = True
                elif naam.startswith("fuzz_") and naam[5:] in totaal:
                    totaal[naam[5:]] += int(waarde)
    if not gezien:
        return
    terminalreporter.write_sep("-", "API fuzzing (schemathesis)")
    terminalreporter.write_line(
        f"operations tested: {len(operaties)}; examples run: {totaal['voorbeelden']} "
        f"(2xx {totaal['2xx']}, 4xx {totaal['4xx']}); "
        f"5xx seen: {totaal['5xx']}; schema violations: {totaal['schemafouten']}; "
        f"4xx not problem+json: {totaal['geen_problem_json']}; "
        f"undocumented status/media types: {totaal['ongedocumenteerde_status']}"
    )
