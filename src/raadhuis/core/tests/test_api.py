from __future__ import annotations

import json

import pytest
from django.test import Client

from raadhuis.accounts.models import Rol
from raadhuis.accounts.services import api_token_intrekken, api_token_uitgeven
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.accounts.tests.hulp import TweestapClient
from raadhuis.core.models import Organisatie

PROBLEM = "application/problem+json"


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_openapi_document_is_3_1(client: Client):
    antwoord = client.get("/api/v1/openapi.json")

    assert antwoord.status_code == 200
    document = antwoord.json()
    assert document["openapi"].startswith("3.1")
    assert "/api/v1/gezondheid" in document["paths"]
    assert "/api/v1/organisatie" in document["paths"]


def test_documentatiepagina_bestaat(client: Client, db):
    assert client.get("/api/v1/docs").status_code == 200


def test_onbekend_pad_geeft_problem_json(client: Client):
    antwoord = client.get("/api/v1/bestaat-niet")

    assert antwoord.status_code == 404
    assert antwoord["Content-Type"] == PROBLEM
    assert antwoord.json()["title"] == "Niet gevonden."


def test_organisatie_is_openbaar_leesbaar(client: Client, organisatie: Organisatie):
    antwoord = client.get("/api/v1/organisatie")

    assert antwoord.status_code == 200
    assert antwoord.json()["tooi_uri"] == "https://identifier.overheid.nl/tooi/id/gemeente/gm1926"


def test_wijzigen_zonder_inloggen_geeft_401(client: Client, organisatie: Organisatie):
    antwoord = client.patch("/api/v1/organisatie", {"naam": "X"}, content_type="application/json")

    assert antwoord.status_code == 401
    assert antwoord["Content-Type"] == PROBLEM
    assert antwoord["WWW-Authenticate"].startswith("Bearer")


def test_ongeldig_token_geeft_401(client: Client, organisatie: Organisatie):
    antwoord = client.patch(
        "/api/v1/organisatie", {"naam": "X"}, content_type="application/json", **bearer("rh_vals")
    )

    assert antwoord.status_code == 401


def test_beheerder_wijzigt_via_token(client: Client, organisatie: Organisatie, beheerder):
    token = api_token_uitgeven(medewerker=beheerder)

    antwoord = client.patch(
        "/api/v1/organisatie",
        {"telefoonnummer": "14 015"},
        content_type="application/json",
        **bearer(token),
    )

    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["telefoonnummer"] == "14 015"


def test_ingetrokken_token_werkt_niet_meer(client: Client, organisatie: Organisatie, beheerder):
    token = api_token_uitgeven(medewerker=beheerder)
    api_token_intrekken(token=beheerder.api_tokens.get())

    antwoord = client.patch(
        "/api/v1/organisatie", {"naam": "X"}, content_type="application/json", **bearer(token)
    )

    assert antwoord.status_code == 401


def test_andere_rol_krijgt_403_problem(client: Client, organisatie: Organisatie, griffier):
    antwoord = client.patch(
        "/api/v1/organisatie",
        {"naam": "X"},
        content_type="application/json",
        **bearer(api_token_uitgeven(medewerker=griffier)),
    )

    assert antwoord.status_code == 403
    assert antwoord["Content-Type"] == PROBLEM
    assert "beheerder" in antwoord.json()["detail"]


@pytest.mark.parametrize(
    ("invoer", "veld", "reden"),
    [
        ({"emailadres": "geen-adres"}, "emailadres", "Voer een geldig e-mailadres in."),
        ({"naam": 12}, "naam", "Dit moet tekst zijn."),
        ({"tooi_code": "gm9999"}, "tooi_code", "gm9999 staat niet in de TOOI-organisatielijsten."),
        ({"website": "geen url"}, "website", "Voer een geldige URL in."),
    ],
)
def test_ongeldige_invoer_geeft_veld_en_nederlandse_melding(
    client: Client, organisatie: Organisatie, beheerder, invoer, veld, reden
):
    antwoord = client.patch(
        "/api/v1/organisatie",
        invoer,
        content_type="application/json",
        **bearer(api_token_uitgeven(medewerker=beheerder)),
    )

    assert antwoord.status_code == 422
    assert antwoord["Content-Type"] == PROBLEM
    assert {"name": veld, "reason": reden} in antwoord.json()["invalid_params"]
    assert Organisatie.objects.get().naam == "gemeente Pijnacker-Nootdorp"


def test_kapotte_json_geeft_422(client: Client, organisatie: Organisatie, beheerder):
    antwoord = client.patch(
        "/api/v1/organisatie",
        "{niet: json",
        content_type="application/json",
        **bearer(api_token_uitgeven(medewerker=beheerder)),
    )

    assert antwoord.status_code in (400, 422)
    assert antwoord["Content-Type"] == PROBLEM


def test_sessie_vraagt_csrf_token(organisatie: Organisatie, beheerder):
    client = TweestapClient(enforce_csrf_checks=True)
    client.force_login(beheerder)

    zonder = client.patch("/api/v1/organisatie", {"naam": "X"}, content_type="application/json")
    client.get("/werkplek/organisatie/")
    met = client.patch(
        "/api/v1/organisatie",
        json.dumps({"telefoonnummer": "14 015"}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )

    assert zonder.status_code == 403
    assert met.status_code == 200


def test_inactieve_medewerker_kan_niet_met_token(client: Client, organisatie: Organisatie):
    medewerker = MedewerkerFactory(rollen=[Rol.BEHEERDER])
    token = api_token_uitgeven(medewerker=medewerker)
    medewerker.is_active = False
    medewerker.save()

    antwoord = client.patch(
        "/api/v1/organisatie", {"naam": "X"}, content_type="application/json", **bearer(token)
    )

    assert antwoord.status_code == 401


@pytest.mark.parametrize("veld", ["postadres", "website", "emailadres"])
def test_null_maakt_een_optioneel_veld_leeg(client: Client, organisatie: Organisatie, beheerder, veld: str):
    """Found by the API fuzzer: null used to reach the database as NULL (500)."""
    antwoord = client.patch(
        "/api/v1/organisatie",
        {veld: None},
        content_type="application/json",
        **bearer(api_token_uitgeven(medewerker=beheerder)),
    )

    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()[veld] == ""


def test_null_voor_de_naam_geeft_422(client: Client, organisatie: Organisatie, beheerder):
    antwoord = client.patch(
        "/api/v1/organisatie",
        {"naam": None},
        content_type="application/json",
        **bearer(api_token_uitgeven(medewerker=beheerder)),
    )

    assert antwoord.status_code == 422
    assert antwoord["Content-Type"] == PROBLEM
