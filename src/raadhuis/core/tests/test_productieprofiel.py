"""The production profile: a cache and sessions shared by several processes, liveness and readiness."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import OperationalError
from django.test import Client

from raadhuis import settings as instellingen

# Cache and sessions


def test_zonder_cache_url_een_cache_per_proces():
    assert instellingen.cache_from_url("") == {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


def test_redis_url_geeft_gedeelde_cache_met_voorvoegsel():
    config = instellingen.cache_from_url("redis://10.0.0.5:6379/1")

    assert config["BACKEND"] == "raadhuis.core.cache.RedisCache"
    assert config["LOCATION"] == "redis://10.0.0.5:6379/1"
    assert config["KEY_PREFIX"] == "raadhuis"


def test_onbekend_schema_voor_cache_weigert_te_starten():
    with pytest.raises(ImproperlyConfigured, match="RAADHUIS_CACHE_URL"):
        instellingen.cache_from_url("memcached://10.0.0.5:11211")


def instellingen_in_nieuw_proces(**omgeving: str) -> subprocess.CompletedProcess[str]:
    """Imports the settings in a fresh interpreter with the given environment (settings are read once)."""
    code = "import raadhuis.settings as s; print(s.SESSION_ENGINE); print(s.CACHES['default']['BACKEND'])"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **omgeving},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_sessies_standaard_in_de_database_en_met_redis_ook_in_de_cache():
    standaard = instellingen_in_nieuw_proces(RAADHUIS_CACHE_URL="", RAADHUIS_SESSIES="")
    gecachet = instellingen_in_nieuw_proces(
        RAADHUIS_CACHE_URL="redis://127.0.0.1:6379/1", RAADHUIS_SESSIES="cached_db"
    )

    assert standaard.stdout.split() == [
        "django.contrib.sessions.backends.db",
        "django.core.cache.backends.locmem.LocMemCache",
    ]
    assert gecachet.stdout.split() == [
        "django.contrib.sessions.backends.cached_db",
        "raadhuis.core.cache.RedisCache",
    ]


def test_sessies_in_cache_zonder_gedeelde_cache_weigert_te_starten():
    resultaat = instellingen_in_nieuw_proces(RAADHUIS_CACHE_URL="", RAADHUIS_SESSIES="cached_db")

    assert resultaat.returncode != 0
    assert "RAADHUIS_SESSIES=cached_db needs RAADHUIS_CACHE_URL" in resultaat.stderr


# Liveness and readiness


def test_levend_raakt_de_database_niet(client: Client):
    with mock.patch("raadhuis.core.api.connection") as verbinding:
        verbinding.cursor.side_effect = OperationalError("database weg")
        antwoord = client.get("/api/v1/levend")

    assert antwoord.status_code == 200
    assert antwoord.json() == {"status": "ok"}
    verbinding.cursor.assert_not_called()


def test_gereed_als_database_wachtrij_cache_en_zoekindex_werken(db, client: Client, settings, tmp_path: Path):
    settings.RAADHUIS_ZOEKINDEX = str(tmp_path / "zoekindex")

    antwoord = client.get("/api/v1/gereed")

    assert antwoord.status_code == 200
    assert antwoord.json() == {
        "status": "ok",
        "database": "ok",
        "wachtrij": "database",
        "cache": "ok",
        "zoekindex": "ok",
        "opslag": "bestanden",
        "replica": "niet ingesteld",
        "replica_achterstand_seconden": None,
        "leesdatabase": "primair",
    }


@pytest.mark.parametrize("pad", ["/api/v1/gereed", "/api/v1/gezondheid"])
def test_niet_gereed_als_de_database_weg_is(db, client: Client, pad: str):
    with mock.patch("raadhuis.core.api.connection") as verbinding:
        verbinding.cursor.side_effect = OperationalError("database weg")
        antwoord = client.get(pad)

    assert antwoord.status_code == 503
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["title"] == "De database is niet bereikbaar."


def test_niet_gereed_als_de_cache_weg_is(db, client: Client):
    with mock.patch("raadhuis.core.api.cache") as cache:
        cache.set.side_effect = ConnectionError("redis weg")
        antwoord = client.get("/api/v1/gereed")

    assert antwoord.status_code == 503
    assert antwoord.json()["title"] == "De cache is niet bereikbaar."


def test_niet_gereed_als_de_zoekindex_niet_beschrijfbaar_is(db, client: Client, settings, tmp_path: Path):
    bestand = tmp_path / "geen-map"
    bestand.write_text("een bestand, geen map")
    settings.RAADHUIS_ZOEKINDEX = str(bestand / "zoekindex")

    antwoord = client.get("/api/v1/gereed")

    assert antwoord.status_code == 503
    assert antwoord.json()["title"] == "De map van de zoekindex is niet beschrijfbaar."


def test_levend_en_gereed_vallen_niet_onder_de_api_limiet(db, client: Client, settings):
    # A load balancer asks every few seconds from one address; a 429 would take the process out.
    settings.RAADHUIS_SNELHEIDSLIMIETEN = {**settings.RAADHUIS_SNELHEIDSLIMIETEN, "api": "2/m"}

    codes = [client.get(pad).status_code for pad in ["/api/v1/levend", "/api/v1/gereed"] * 3]

    assert codes == [200] * 6
    # Those six did not count: gezondheid still has its two of the limit.
    assert [client.get("/api/v1/gezondheid").status_code for _ in range(3)] == [200, 200, 429]
