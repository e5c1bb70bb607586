"""Prometheus metrics at /metrics: protected, in the text format, and moving with the platform."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.tests.taken_voor_tests import markering_schrijven
from raadhuis.woo.tests.test_services import registreer

pytestmark = pytest.mark.django_db

TOKEN = "geheim-token-voor-de-scraper"


@pytest.fixture
def met_token(settings) -> dict[str, str]:
    settings.RAADHUIS_METRICS_TOKEN = TOKEN
    return {"Authorization": f"Bearer {TOKEN}"}


def waarden(client: Client, kop: dict[str, str]) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a scrape, by name and labels."""
    antwoord = client.get("/metrics", headers=kop)
    assert antwoord.status_code == 200
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for familie in text_string_to_metric_families(antwoord.content.decode())
        for sample in familie.samples
    }


def test_anoniem_en_met_fout_token_niet_gevonden(client: Client, settings):
    settings.RAADHUIS_METRICS_TOKEN = TOKEN

    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", headers={"Authorization": "Bearer iets-anders"}).status_code == 404
    assert client.get("/metrics", headers={"Authorization": TOKEN}).status_code == 404


def test_zonder_token_en_adressen_voor_niemand(client: Client, settings):
    settings.RAADHUIS_METRICS_TOKEN = ""
    settings.RAADHUIS_METRICS_ADRESSEN = []

    assert client.get("/metrics", headers={"Authorization": "Bearer "}).status_code == 404


def test_toegestaan_adres_achter_de_proxy(client: Client, settings):
    settings.RAADHUIS_METRICS_ADRESSEN = ["10.0.0.9"]
    settings.RAADHUIS_PROXY_AANTAL = 1

    van_monitoring = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.9")
    van_buiten = client.get("/metrics", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.66")

    assert van_monitoring.status_code == 200
    assert van_buiten.status_code == 404


def test_tekstformaat_met_alle_metrieken(client: Client, met_token):
    antwoord = client.get("/metrics", headers=met_token)

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/plain; version=")
    namen = {familie.name for familie in text_string_to_metric_families(antwoord.content.decode())}
    assert {
        "raadhuis_http_request_duration_seconds",
        "raadhuis_tasks_ready",
        "raadhuis_tasks_outbox",
        "raadhuis_tasks_failed",
        "raadhuis_deadlines_at_risk",
    } <= namen


def test_teller_van_verzoeken_loopt_op_na_een_verzoek(client: Client, met_token):
    sleutel = (
        "raadhuis_http_request_duration_seconds_count",
        (("method", "GET"), ("route", "api:levend"), ("status", "2xx")),
    )
    voor = waarden(client, met_token).get(sleutel, 0.0)

    client.get("/api/v1/levend")

    assert waarden(client, met_token)[sleutel] == voor + 1


def test_wachtrij_en_mislukte_taken(client: Client, met_token, tmp_path):
    markering_schrijven.enqueue(pad=str(tmp_path / "a"), inhoud="a")
    mislukt = markering_schrijven.enqueue(pad=str(tmp_path / "b"), inhoud="b")
    DBTaskResult.objects.filter(id=mislukt.id).update(status=TaskResultStatus.FAILED)

    metingen = waarden(client, met_token)

    assert metingen[("raadhuis_tasks_ready", (("backend", "database"),))] == 1
    assert metingen[("raadhuis_tasks_failed", ())] == 1
    assert metingen[("raadhuis_tasks_outbox", ())] == 0


def test_woo_verzoek_over_zijn_beslistermijn_telt_als_verlopen(client: Client, met_token):
    coordinator = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR])
    registreer(coordinator, timezone.localdate() - dt.timedelta(days=90), onderwerp="Lang geleden")
    registreer(coordinator, timezone.localdate(), onderwerp="Vandaag")

    metingen = waarden(client, met_token)

    def termijnen(soort: str, stand: str) -> float:
        return metingen[("raadhuis_deadlines_at_risk", (("kind", soort), ("state", stand)))]

    assert termijnen("woo_verzoek", "verlopen") == 1
    assert termijnen("woo_verzoek", "bijna_verlopen") == 0
    assert termijnen("raadsvraag", "verlopen") == 0
