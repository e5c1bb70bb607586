"""A database that is away answers 503 with Retry-After (pages and API), any other fault 500."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db

WEG = OperationalError("connection to server at 127.0.0.1, port 5432 failed: Connection refused")


def client() -> Client:
    return Client(raise_request_exception=False)


def test_api_zonder_database_is_503_problem_json_met_retry_after() -> None:
    with mock.patch("raadhuis.core.api.huidige_organisatie", side_effect=WEG):
        antwoord = client().get("/api/v1/organisatie")
    assert antwoord.status_code == 503
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord["Retry-After"] == "5"
    assert antwoord.json()["title"] == "De database is even niet bereikbaar."


def test_pagina_zonder_database_is_503_met_uitleg() -> None:
    with mock.patch("raadhuis.core.views.render", side_effect=WEG):
        antwoord = client().get("/")
    assert antwoord.status_code == 503
    assert antwoord["Retry-After"] == "5"
    assert "Er is niets gewijzigd" in antwoord.content.decode()


@pytest.mark.parametrize(
    ("pad", "doel"),
    [("/api/v1/organisatie", "raadhuis.core.api.huidige_organisatie"), ("/", "raadhuis.core.views.render")],
)
def test_andere_fout_blijft_500(pad: str, doel: str) -> None:
    with mock.patch(doel, side_effect=RuntimeError("kapot")):
        antwoord = client().get(pad)
    assert antwoord.status_code == 500
    assert "Retry-After" not in antwoord
