"""The Woo API: employees only (token, permission WOO_VERZOEK_BEHANDELEN), problem+json on bad
input, and the deadline cases of test_termijnen.py through HTTP, with answers that validate against
the published OpenAPI document."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

import pytest
from django.test import Client
from freezegun import freeze_time
from openapi_schema_validator import OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.services import api_token_uitgeven
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.woo.models import Opschorting, Verdaging, WooVerzoek
from raadhuis.woo.tests.test_services import OMVANG, ZIENSWIJZE, momentopname

pytestmark = pytest.mark.django_db

API = "/api/v1/woo/verzoeken"
PROBLEM = "application/problem+json"
DOCUMENT_URI = "https://raadhuis.test/api/v1/openapi.json"


@pytest.fixture
def coordinator(db: None) -> Medewerker:
    medewerker: Medewerker = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR])
    return medewerker


@pytest.fixture
def token(coordinator: Medewerker) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_uitgeven(medewerker=coordinator)}"}


@cache
def _openapi() -> dict[str, Any]:
    antwoord = Client().get("/api/v1/openapi.json")
    assert antwoord.status_code == 200
    gegevens: dict[str, Any] = antwoord.json()
    return gegevens


def valideer(gegevens: Any, *, pad: str, methode: str, status: str) -> None:
    """Validates an answer against the response schema the OpenAPI document gives for it."""
    document_ = _openapi()
    schema = document_["paths"][pad][methode]["responses"][status]["content"]["application/json"]["schema"]
    registry = Registry().with_resource(DOCUMENT_URI, Resource(contents=document_, specification=DRAFT202012))
    validator = OAS31Validator({"$ref": f"{DOCUMENT_URI}{schema['$ref']}"}, registry=registry)
    fouten = list(validator.iter_errors(gegevens))
    assert not fouten, "\n".join(f"{list(f.absolute_path)}: {f.message}" for f in fouten[:10])


def _probleem(antwoord: Any, status: int) -> dict[str, Any]:
    assert antwoord.status_code == status, antwoord.content
    assert antwoord["Content-Type"] == PROBLEM
    inhoud: dict[str, Any] = antwoord.json()
    assert inhoud["status"] == status
    return inhoud


def _velden(inhoud: dict[str, Any]) -> set[str]:
    return {veld["name"] for veld in inhoud.get("invalidParams", inhoud.get("invalid_params", []))}


def registreren(client: Client, token: dict[str, str], ontvangstdatum: date, **extra: Any) -> dict[str, Any]:
    antwoord = client.post(
        API,
        {
            "onderwerp": "Verkeersbesluit Stationsstraat",
            "ontvangstdatum": ontvangstdatum.isoformat(),
            "emailadres": "j.devries@example.org",
            **extra,
        },
        content_type="application/json",
        **token,
    )
    assert antwoord.status_code == 201, antwoord.content
    gegevens: dict[str, Any] = antwoord.json()
    valideer(gegevens, pad=API, methode="post", status="201")
    return gegevens


def _post(client: Client, token: dict[str, str], pad: str, gegevens: dict[str, Any]) -> Any:
    return client.post(pad, gegevens, content_type="application/json", **token)


def test_openapi_document_beschrijft_de_woo_paden() -> None:
    _openapi.cache_clear()
    paden = _openapi()["paths"]
    assert {"post"} <= set(paden[API])
    assert "get" in paden[f"{API}/{{kenmerk}}"]
    assert "post" in paden[f"{API}/{{kenmerk}}/opschortingen"]
    assert "post" in paden[f"{API}/{{kenmerk}}/verdaging"]


@pytest.mark.parametrize(
    ("ontvangstdatum", "einde"),
    [
        (date(2024, 3, 1), "2024-04-02"),  # Good Friday and Easter Monday 2024
        (date(2025, 5, 1), "2025-06-02"),  # Ascension 2025 with the equated Friday
        (date(2025, 3, 29), "2025-04-28"),  # King's Day 2025 on Saturday 26 April
        (date(2026, 4, 7), "2026-05-06"),  # 5 May 2026
        (date(2024, 11, 27), "2024-12-30"),  # Christmas 2024 with the equated 27 December
        (date(2025, 12, 4), "2026-01-05"),  # New Year 2026 with the equated 2 January
    ],
)
def test_registreren_geeft_kenmerk_en_beslistermijn_rond_de_feestdagen(
    client: Client, token: dict[str, str], ontvangstdatum: date, einde: str
) -> None:
    gegevens = registreren(client, token, ontvangstdatum)
    assert gegevens["kenmerk"].startswith("WOO-")
    assert gegevens["beslistermijn_einde"] == einde
    assert gegevens["uitleg"][0].endswith("(Wet open overheid art. 4.4 lid 1)")
    assert "j.devries" not in str(gegevens)  # no personal data in the answer
    assert WooVerzoek.objects.get(kenmerk=gegevens["kenmerk"]).kanaal == "email"


def test_opschorting_via_de_api_rond_pasen(client: Client, token: dict[str, str]) -> None:
    kenmerk = registreren(client, token, date(2024, 2, 26))["kenmerk"]
    pad = f"{API}/{kenmerk}/opschortingen"
    antwoord = _post(client, token, pad, {"van": "2024-03-05", "tot": "2024-03-09", "reden": ZIENSWIJZE})
    assert antwoord.status_code == 201, antwoord.content
    valideer(antwoord.json(), pad=f"{API}/{{kenmerk}}/opschortingen", methode="post", status="201")
    # 25 March + 4 suspended days = Good Friday 29 March; Easter Monday: Tuesday 2 April 2024
    assert antwoord.json()["beslistermijn_einde"] == "2024-04-02"
    assert antwoord.json()["opschortingen"] == [
        {"soort": "zienswijze", "van": "2024-03-05", "tot": "2024-03-09", "reden": ZIENSWIJZE}
    ]


def test_open_opschorting_via_de_api_geeft_geen_einddatum(client: Client, token: dict[str, str]) -> None:
    kenmerk = registreren(client, token, date(2026, 3, 30))["kenmerk"]
    with freeze_time("2026-04-08 10:00"):
        antwoord = _post(client, token, f"{API}/{kenmerk}/opschortingen", {"van": "2026-04-09"})
        assert antwoord.status_code == 201, antwoord.content
        gegevens = antwoord.json()
    assert gegevens["beslistermijn_einde"] is None
    assert gegevens["status"] == "zienswijze_gevraagd"
    assert gegevens["opschortingen"][0]["reden"]  # a default reason naming art. 4.4 lid 3
    assert "4.4 lid 3" in gegevens["opschortingen"][0]["reden"]


def test_verdaging_via_de_api_in_de_kerstweek(client: Client, token: dict[str, str]) -> None:
    kenmerk = registreren(client, token, date(2024, 11, 13))["kenmerk"]
    antwoord = _post(
        client, token, f"{API}/{kenmerk}/verdaging", {"reden": OMVANG, "besloten_op": "2024-12-09"}
    )
    assert antwoord.status_code == 201, antwoord.content
    gegevens = antwoord.json()
    valideer(gegevens, pad=f"{API}/{{kenmerk}}/verdaging", methode="post", status="201")
    assert gegevens["eerste_termijn_einde"] == "2024-12-11"
    assert gegevens["beslistermijn_einde"] == "2024-12-30"
    assert gegevens["verdaging"] == {"besloten_op": "2024-12-09", "dagen": 14, "reden": OMVANG}


def test_lezen_geeft_de_actuele_termijn_met_opschorting_en_verdaging(
    client: Client, token: dict[str, str]
) -> None:
    kenmerk = registreren(client, token, date(2024, 5, 2))["kenmerk"]
    _post(client, token, f"{API}/{kenmerk}/opschortingen", {"van": "2024-05-10", "tot": "2024-05-17"})
    _post(client, token, f"{API}/{kenmerk}/verdaging", {"reden": OMVANG, "besloten_op": "2024-06-03"})
    antwoord = client.get(f"{API}/{kenmerk}", **token)
    assert antwoord.status_code == 200
    gegevens = antwoord.json()
    valideer(gegevens, pad=f"{API}/{{kenmerk}}", methode="get", status="200")
    assert gegevens["eerste_termijn_einde"] == "2024-06-06"
    assert gegevens["beslistermijn_einde"] == "2024-06-20"
    assert any("art. 4.4 lid 2" in regel for regel in gegevens["uitleg"])
    assert gegevens["termijnstatus"] == "verlopen"


def test_koningsdag_met_korte_verdaging_via_de_api(client: Client, token: dict[str, str]) -> None:
    # 30 March 2026 + 4 weeks = King's Day 27 April; a 10-day verdaging counts from the 27th:
    # Thursday 7 May 2026
    kenmerk = registreren(client, token, date(2026, 3, 30))["kenmerk"]
    antwoord = _post(
        client,
        token,
        f"{API}/{kenmerk}/verdaging",
        {"reden": OMVANG, "dagen": 10, "besloten_op": "2026-04-20"},
    )
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["beslistermijn_einde"] == "2026-05-07"


# --- errors: 401, 403, 404, 422 --------------------------------------------------------------------


def test_zonder_token_geeft_401(client: Client) -> None:
    voor = momentopname()
    antwoord = client.post(
        API, {"onderwerp": "X", "ontvangstdatum": "2026-03-30"}, content_type="application/json"
    )
    _probleem(antwoord, 401)
    assert antwoord["WWW-Authenticate"].startswith("Bearer")
    _probleem(client.get(f"{API}/WOO-2026-0001"), 401)
    assert momentopname() == voor


def test_zonder_woo_recht_geeft_403(client: Client, token: dict[str, str]) -> None:
    kenmerk = registreren(client, token, date(2026, 3, 30))["kenmerk"]
    griffie = MedewerkerFactory(rollen=[Rol.GRIFFIE])
    ander = {"HTTP_AUTHORIZATION": f"Bearer {api_token_uitgeven(medewerker=griffie)}"}
    voor = momentopname()
    _probleem(_post(client, ander, API, {"onderwerp": "X", "ontvangstdatum": "2026-03-30"}), 403)
    _probleem(client.get(f"{API}/{kenmerk}", **ander), 403)
    _probleem(_post(client, ander, f"{API}/{kenmerk}/verdaging", {"reden": OMVANG}), 403)
    _probleem(_post(client, ander, f"{API}/{kenmerk}/opschortingen", {"van": "2026-04-01"}), 403)
    # without permission, an unknown kenmerk is 403 too: existence is not revealed
    _probleem(client.get(f"{API}/WOO-1999-0001", **ander), 403)
    assert momentopname() == voor


def test_onbekend_kenmerk_geeft_404(client: Client, token: dict[str, str]) -> None:
    _probleem(client.get(f"{API}/WOO-1999-0001", **token), 404)
    _probleem(_post(client, token, f"{API}/WOO-1999-0001/verdaging", {"reden": OMVANG}), 404)


@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        ({"ontvangstdatum": "2026-03-30"}, "onderwerp"),  # missing
        ({"onderwerp": "X", "ontvangstdatum": "30-03-2026"}, "ontvangstdatum"),  # not ISO
        ({"onderwerp": "X", "ontvangstdatum": "2099-01-01", "emailadres": "a@example.org"}, "ontvangstdatum"),
        ({"onderwerp": "X", "ontvangstdatum": "2026-03-30", "emailadres": "geen-adres"}, "emailadres"),
        ({"onderwerp": "X", "ontvangstdatum": "2026-03-30"}, "emailadres"),  # no address at all
        ({"onderwerp": "X", "ontvangstdatum": "2026-03-30", "kanaal": "fax"}, "kanaal"),
        ({"onderwerp": "   ", "ontvangstdatum": "2026-03-30", "emailadres": "a@example.org"}, "onderwerp"),
    ],
)
def test_ongeldige_registratie_geeft_422_met_veld_en_verandert_niets(
    client: Client, token: dict[str, str], gegevens: dict[str, Any], veld: str
) -> None:
    voor = momentopname()
    inhoud = _probleem(_post(client, token, API, gegevens), 422)
    assert any(veld in naam for naam in _velden(inhoud)), inhoud
    assert momentopname() == voor


def test_kapotte_json_geeft_400_problem(client: Client, token: dict[str, str]) -> None:
    voor = momentopname()
    _probleem(client.post(API, "{niet-json", content_type="application/json", **token), 400)
    assert momentopname() == voor


@pytest.mark.parametrize(
    ("pad", "gegevens", "veld"),
    [
        ("opschortingen", {"van": "2024-05-02"}, "van"),  # not before the day after receipt
        ("opschortingen", {"van": "2024-05-10", "tot": "2024-05-09"}, "tot"),
        ("opschortingen", {"van": "2024-06-03"}, "van"),  # the term ended on 30 May
        ("opschortingen", {"tot": "2024-05-20"}, "van"),  # missing
        ("verdaging", {"reden": "", "besloten_op": "2024-05-20"}, "reden"),
        ("verdaging", {"reden": OMVANG, "dagen": 15}, "dagen"),
        ("verdaging", {"reden": OMVANG, "besloten_op": "2024-05-31"}, "besloten_op"),  # too late
    ],
)
def test_ongeldige_wijziging_geeft_422_en_verandert_niets(
    client: Client, token: dict[str, str], pad: str, gegevens: dict[str, Any], veld: str
) -> None:
    kenmerk = registreren(client, token, date(2024, 5, 2))["kenmerk"]
    voor = momentopname()
    inhoud = _probleem(_post(client, token, f"{API}/{kenmerk}/{pad}", gegevens), 422)
    assert any(veld in naam for naam in _velden(inhoud)), inhoud
    assert momentopname() == voor
    assert not Opschorting.objects.exists()
    assert not Verdaging.objects.exists()


def test_tweede_verdaging_via_de_api_geeft_422(client: Client, token: dict[str, str]) -> None:
    kenmerk = registreren(client, token, date(2024, 5, 2))["kenmerk"]
    pad = f"{API}/{kenmerk}/verdaging"
    assert _post(client, token, pad, {"reden": OMVANG, "besloten_op": "2024-05-20"}).status_code == 201
    voor = momentopname()
    inhoud = _probleem(_post(client, token, pad, {"reden": OMVANG, "besloten_op": "2024-05-21"}), 422)
    assert "besloten_op" in str(_velden(inhoud))
    assert momentopname() == voor


# --- Idempotency-Key (issue 11 point 4; core.idempotentie) -------------------------------------------

VERZOEK = {"onderwerp": "Bomenkap Dorpsstraat", "ontvangstdatum": "2026-03-02", "emailadres": "a@example.org"}


def test_een_herhaald_verzoek_met_dezelfde_sleutel_registreert_een_keer(
    client: Client, token: dict[str, str]
) -> None:
    sleutel = {"HTTP_IDEMPOTENCY_KEY": "5b0c7c8e-aanvraag-1"}

    eerste = client.post(API, VERZOEK, content_type="application/json", **token, **sleutel)
    tweede = client.post(API, VERZOEK, content_type="application/json", **token, **sleutel)

    assert eerste.status_code == tweede.status_code == 201
    assert tweede.json() == eerste.json()
    assert tweede["Idempotent-Replayed"] == "true"
    assert WooVerzoek.objects.count() == 1


def test_zonder_sleutel_zijn_twee_verzoeken_twee_verzoeken(client: Client, token: dict[str, str]) -> None:
    client.post(API, VERZOEK, content_type="application/json", **token)
    client.post(API, VERZOEK, content_type="application/json", **token)

    assert WooVerzoek.objects.count() == 2


def test_dezelfde_sleutel_voor_een_ander_verzoek_wordt_geweigerd(
    client: Client, token: dict[str, str]
) -> None:
    sleutel = {"HTTP_IDEMPOTENCY_KEY": "sleutel-2"}
    client.post(API, VERZOEK, content_type="application/json", **token, **sleutel)

    antwoord = client.post(
        API, {**VERZOEK, "onderwerp": "Iets anders"}, content_type="application/json", **token, **sleutel
    )

    assert antwoord.status_code == 422
    assert antwoord["Content-Type"] == PROBLEM
    assert WooVerzoek.objects.count() == 1


def test_de_sleutel_van_een_ander_past_niet(
    client: Client, token: dict[str, str], coordinator: Medewerker
) -> None:
    """Keys belong to the caller: another token with the same key is a new request, never a replay
    of someone else's answer."""
    sleutel = {"HTTP_IDEMPOTENCY_KEY": "gedeeld"}
    collega = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR])
    ander = {"HTTP_AUTHORIZATION": f"Bearer {api_token_uitgeven(medewerker=collega)}"}

    client.post(API, VERZOEK, content_type="application/json", **token, **sleutel)
    antwoord = client.post(API, VERZOEK, content_type="application/json", **ander, **sleutel)

    assert antwoord.status_code == 201
    assert "Idempotent-Replayed" not in antwoord
    assert WooVerzoek.objects.count() == 2


def test_een_afgewezen_verzoek_wordt_met_dezelfde_sleutel_hetzelfde_beantwoord(
    client: Client, token: dict[str, str]
) -> None:
    sleutel = {"HTTP_IDEMPOTENCY_KEY": "fout-1"}
    fout = {**VERZOEK, "emailadres": ""}

    eerste = client.post(API, fout, content_type="application/json", **token, **sleutel)
    tweede = client.post(API, fout, content_type="application/json", **token, **sleutel)

    assert eerste.status_code == tweede.status_code == 422
    assert tweede.json() == eerste.json()
    assert WooVerzoek.objects.count() == 0
