"""A client that retries before its first request has finished (a timeout, two workers) still
registers one Woo request: the retry waits for the first and gets its answer (PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.services import api_token_uitgeven
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.tests.gelijktijdig import tegelijk
from raadhuis.woo.models import WooVerzoek

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's unique index waits"
)

GELIJKTIJDIG = 8


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_herhalingen_met_een_sleutel_registreren_een_verzoek(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    coordinator: Medewerker = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR])
    token = api_token_uitgeven(medewerker=coordinator)

    def versturen(nummer: int) -> object:
        antwoord = Client().post(
            "/api/v1/woo/verzoeken",
            {"onderwerp": "Bomenkap", "ontvangstdatum": "2026-03-02", "emailadres": "a@example.org"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
            HTTP_IDEMPOTENCY_KEY="een-sleutel",
        )
        return (antwoord.status_code, antwoord.json()["kenmerk"])

    uitkomsten = tegelijk(versturen, aantal=GELIJKTIJDIG)

    assert WooVerzoek.objects.count() == 1
    assert set(uitkomsten) == {(201, WooVerzoek.objects.get().kenmerk)}, uitkomsten
