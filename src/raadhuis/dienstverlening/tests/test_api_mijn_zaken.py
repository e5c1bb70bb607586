"""The Mijn zaken API: the session's own cases only, keyset pages, problem+json errors, and answers
that validate against the published OpenAPI document."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from openapi_schema_validator import OAS31Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from raadhuis.accounts.models import Rol
from raadhuis.core.identiteit import Betrouwbaarheidsniveau
from raadhuis.dienstverlening.models import Zaak
from raadhuis.dienstverlening.services import zaken
from raadhuis.dienstverlening.tests import factories
from raadhuis.dienstverlening.tests.test_mijn_zaken_views import afsluiten, document, zonder_bsn, zonder_kvk

PROBLEM = "application/problem+json"
API = "/api/v1/mijn-zaken"
DOCUMENT_URI = "https://raadhuis.test/api/v1/openapi.json"


@pytest.fixture(autouse=True)
def _prive_opslag(settings: object, tmp_path: Path) -> None:
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path)  # type: ignore[attr-defined]


@cache
def _openapi() -> dict[str, Any]:
    antwoord = Client().get("/api/v1/openapi.json")
    assert antwoord.status_code == 200
    gegevens: dict[str, Any] = antwoord.json()
    return gegevens


def valideer(gegevens: Any, *, pad: str) -> None:
    """Validates an answer against the 200 response schema the OpenAPI document gives for ``pad``."""
    document_ = _openapi()
    schema = document_["paths"][pad]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    registry = Registry().with_resource(DOCUMENT_URI, Resource(contents=document_, specification=DRAFT202012))
    ref = schema["$ref"]
    validator = OAS31Validator({"$ref": f"{DOCUMENT_URI}{ref}"}, registry=registry)
    fouten = list(validator.iter_errors(gegevens))
    assert not fouten, "\n".join(f"{list(f.absolute_path)}: {f.message}" for f in fouten[:10])


def _probleem(antwoord: Any, status: int) -> dict[str, Any]:
    assert antwoord.status_code == status, antwoord.content
    assert antwoord["Content-Type"] == PROBLEM
    inhoud: dict[str, Any] = antwoord.json()
    assert inhoud["status"] == status
    return inhoud


@pytest.mark.django_db
def test_openapi_document_beschrijft_de_mijn_zaken_paden() -> None:
    _openapi.cache_clear()
    paden = _openapi()["paths"]
    assert "/api/v1/mijn-zaken" in paden
    assert "/api/v1/mijn-zaken/{identificatie}" in paden
    assert {"na", "aantal", "stand"} <= {p["name"] for p in paden["/api/v1/mijn-zaken"]["get"]["parameters"]}
    # no BSN goes in a URL: the identity comes from the session
    assert not [p for p in paden["/api/v1/mijn-zaken"]["get"]["parameters"] if "bsn" in p["name"].lower()]


@pytest.mark.django_db
def test_zonder_identiteit_401_problem_json(client: Client) -> None:
    zaak = factories.zaak()
    _probleem(client.get(API), 401)
    _probleem(client.get(f"{API}/{zaak.identificatie}"), 401)


@pytest.mark.django_db
def test_medewerker_sessie_is_geen_identiteit(client: Client) -> None:
    zaak = factories.zaak()
    client.force_login(factories.medewerker(Rol.BEHANDELAAR))
    _probleem(client.get(API), 401)
    _probleem(client.get(f"{API}/{zaak.identificatie}"), 401)


@pytest.mark.django_db
def test_te_laag_niveau_403_problem_json(client: Client) -> None:
    factories.inloggen(client, factories.inwoner(niveau=Betrouwbaarheidsniveau.LAAG))
    inhoud = _probleem(client.get(API), 403)
    assert "substantieel" in inhoud["detail"]


@pytest.mark.django_db
def test_lijst_van_eigen_zaken_in_pagina_s_met_vervolgcode(client: Client) -> None:
    # Given resident A with three cases, one closed, and resident B with one
    eigen = [factories.zaak(), afsluiten(factories.zaak()), factories.zaak("uittreksel-brp")]
    van_b = factories.zaak(bsn=factories.BSN_ANDER)
    factories.inloggen(client, factories.inwoner())

    # When A reads the list two at a time
    eerste = client.get(API, {"aantal": 2})
    assert eerste.status_code == 200
    valideer(eerste.json(), pad="/api/v1/mijn-zaken")
    tweede = client.get(API, {"aantal": 2, "na": eerste.json()["volgende"]})
    valideer(tweede.json(), pad="/api/v1/mijn-zaken")

    # Then the pages hold every own case once, newest first, and none of B's
    nummers = [zaak["identificatie"] for zaak in eerste.json()["resultaten"] + tweede.json()["resultaten"]]
    assert nummers == [zaak.identificatie for zaak in reversed(eigen)]
    assert tweede.json()["volgende"] is None
    assert van_b.identificatie not in nummers
    gesloten = next(
        zaak for zaak in eerste.json()["resultaten"] + tweede.json()["resultaten"] if zaak["einddatum"]
    )
    assert gesloten["identificatie"] == eigen[1].identificatie
    assert gesloten["resultaat"] == "Verwerkt"
    assert gesloten["status"] == "Afgehandeld"


@pytest.mark.django_db
def test_lijst_filtert_op_lopend_of_afgesloten(client: Client) -> None:
    lopend = factories.zaak()
    gesloten = afsluiten(factories.zaak())
    factories.inloggen(client, factories.inwoner())
    assert [z["identificatie"] for z in client.get(API, {"stand": "lopend"}).json()["resultaten"]] == [
        lopend.identificatie
    ]
    assert [z["identificatie"] for z in client.get(API, {"stand": "afgesloten"}).json()["resultaten"]] == [
        gesloten.identificatie
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parameters", "veld"),
    [
        ({"na": "gisteren"}, "na"),
        ({"aantal": 0}, "aantal"),
        ({"aantal": 1000}, "aantal"),
        ({"stand": "x"}, "stand"),
    ],
)
def test_foute_parameters_422_met_het_veld(client: Client, parameters: dict[str, object], veld: str) -> None:
    factories.inloggen(client, factories.inwoner())
    inhoud = _probleem(client.get(API, parameters), 422)
    assert [fout["name"] for fout in inhoud["invalid_params"]] == [veld]


@pytest.mark.django_db
def test_zaak_met_zichtbare_documenten_en_berichten(client: Client) -> None:
    zaak = factories.zaak()
    zichtbaar = document(zaak, "Besluit verhuizing", zichtbaar=True)
    document(zaak, "Intern adresonderzoek", zichtbaar=False)
    behandelaar = factories.medewerker(Rol.BEHANDELAAR)
    zaken.bericht_sturen(zaak=zaak, onderwerp="Vraag", tekst="Stuur het contract.", door=behandelaar)
    zaken.notitie_toevoegen(zaak=zaak, tekst="Interne notitie", door=behandelaar)
    factories.inloggen(client, factories.inwoner())

    antwoord = client.get(f"{API}/{zaak.identificatie}")

    assert antwoord.status_code == 200
    inhoud = antwoord.json()
    valideer(inhoud, pad="/api/v1/mijn-zaken/{identificatie}")
    assert inhoud["identificatie"] == zaak.identificatie
    assert inhoud["url"] == f"http://testserver/api/v1/mijn-zaken/{zaak.identificatie}"
    assert inhoud["status"] == "Ontvangen"
    assert inhoud["statustekst"] == "Wij hebben uw aanvraag ontvangen en gaan ermee aan de slag."
    assert inhoud["einddatum_gepland"] == zaak.einddatum_gepland.isoformat()
    assert inhoud["einddatum"] is None
    assert [d["titel"] for d in inhoud["documenten"]] == ["Besluit verhuizing"]
    assert inhoud["documenten"][0]["url"].endswith(
        f"/mijn-zaken/{zaak.identificatie}/documenten/{zichtbaar.pk}/"
    )
    assert [(b["onderwerp"], b["van"]) for b in inhoud["berichten"]] == [("Vraag", "gemeente")]
    assert "Interne notitie" not in antwoord.content.decode()
    # the document link works in the same session
    assert client.get(inhoud["documenten"][0]["url"]).status_code == 200


def _niet_gevonden(client: Client, zaak: Zaak) -> None:
    inhoud = _probleem(client.get(f"{API}/{zaak.identificatie}"), 404)
    assert zaak.omschrijving not in str(inhoud)


@pytest.mark.django_db
def test_zaak_van_een_ander_is_404_ook_tussen_inwoner_en_ondernemer(client: Client) -> None:
    van_a = factories.zaak()
    van_ondernemer = factories.zaak("aangifte-overlijden", kvk=factories.KVK_ONDERNEMER)

    factories.inloggen(client, factories.inwoner(bsn=factories.BSN_ANDER))
    _niet_gevonden(client, van_a)
    _niet_gevonden(client, van_ondernemer)
    assert client.get(API).json()["resultaten"] == []

    factories.inloggen(client, factories.ondernemer())
    _niet_gevonden(client, van_a)
    assert [z["identificatie"] for z in client.get(API).json()["resultaten"]] == [
        van_ondernemer.identificatie
    ]

    factories.inloggen(client, factories.inwoner())
    _niet_gevonden(client, van_ondernemer)
    assert client.get(f"{API}/{van_a.identificatie}").status_code == 200
    _probleem(client.get(f"{API}/ZAAK-1999-000001"), 404)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "identiteit", [zonder_bsn, zonder_kvk], ids=["inwoner-zonder-bsn", "ondernemer-zonder-kvk"]
)
def test_identiteit_zonder_nummer_ziet_niets(client: Client, identiteit: object) -> None:
    van_inwoner = factories.zaak()
    van_ondernemer = factories.zaak("aangifte-overlijden", kvk=factories.KVK_ONDERNEMER)
    factories.inloggen(client, identiteit())  # type: ignore[operator]
    antwoord = client.get(API)
    assert antwoord.status_code == 200
    assert antwoord.json() == {"volgende": None, "resultaten": []}
    _niet_gevonden(client, van_inwoner)
    _niet_gevonden(client, van_ondernemer)


@pytest.mark.django_db
def test_lijst_in_een_vast_aantal_queries(client: Client, django_assert_max_num_queries: Any) -> None:
    for _ in range(5):
        factories.zaak()
    factories.inloggen(client, factories.inwoner())
    with django_assert_max_num_queries(10):
        antwoord = client.get(API, {"aantal": 50})
    assert len(antwoord.json()["resultaten"]) == 5
