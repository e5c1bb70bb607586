"""A NUL character in an address, a query string or a JSON body is refused before any view runs
(PostgreSQL text cannot hold it; the fuzzer found 500s)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_api_query_met_nul_is_422_met_de_parameter() -> None:
    antwoord = Client().get("/api/v1/fracties", {"fractienaam": "VVD\x00"})
    assert antwoord.status_code == 422
    assert antwoord["Content-Type"] == "application/problem+json"
    assert [v["name"] for v in antwoord.json()["invalid_params"]] == ["fractienaam"]


def test_api_json_body_met_nul_noemt_het_veld() -> None:
    antwoord = Client().post(
        "/api/v1/woo/verzoeken/WOO-2026-0001/verdaging",
        json.dumps({"reden": "ok", "bijlagen": [{"naam": "a\x00b"}]}),
        content_type="application/json",
    )
    assert antwoord.status_code == 422
    assert [v["name"] for v in antwoord.json()["invalid_params"]] == ["bijlagen.0.naam"]


def test_api_pad_met_nul() -> None:
    antwoord = Client().get("/api/v1/woo/verzoeken/WOO%00/verdaging")
    assert antwoord.status_code == 422
    assert antwoord.json()["invalid_params"][0]["name"] == "path"


def test_pagina_met_nul_in_de_zoekvraag_is_400_met_uitleg() -> None:
    antwoord = Client().get("/openbaarheid/zoeken/", {"q": "verg\x00unning"})
    assert antwoord.status_code == 400
    assert "NUL-teken" in antwoord.content.decode()
    assert "Content-Security-Policy" in antwoord


def test_zonder_nul_gaat_alles_door() -> None:
    assert Client().get("/api/v1/fracties", {"fractienaam": "VVD"}).status_code == 200
