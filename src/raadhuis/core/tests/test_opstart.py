"""Bad configuration stops start-up with one clear sentence, not a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from raadhuis.settings import database_from_url


def raadhuis(*args: str, **omgeving: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **omgeving}
    return subprocess.run(
        [sys.executable, "-m", "raadhuis.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_onbekend_database_schema_wordt_geweigerd():
    with pytest.raises(ImproperlyConfigured, match="unknown scheme 'mysql'"):
        database_from_url("mysql://root@localhost/raadhuis")


def test_relatieve_sqlite_map_valt_onder_het_project():
    config = database_from_url("sqlite:///var/test.sqlite3")

    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert os.path.isabs(config["NAME"])


def test_postgres_url_wordt_psycopg():
    config = database_from_url("postgres://raadhuis@db.example:5433/raadhuis")

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.example", 5433, "raadhuis")


def eenregelige_fout(resultaat: subprocess.CompletedProcess[str]) -> str:
    assert resultaat.returncode == 2, resultaat.stderr
    regels = resultaat.stderr.strip().splitlines()
    assert len(regels) == 1, resultaat.stderr
    assert "Traceback" not in resultaat.stderr
    return regels[0]


def test_start_met_onbekend_schema_geeft_een_zin():
    melding = eenregelige_fout(raadhuis("migrate", DATABASE_URL="oracle://x@y/z"))

    assert "DATABASE_URL uses the unknown scheme 'oracle'" in melding


def test_start_met_onbereikbare_database_geeft_een_zin():
    melding = eenregelige_fout(raadhuis("migrate", DATABASE_URL="postgres://raadhuis@127.0.0.1:1/raadhuis"))

    assert melding.startswith("raadhuis: Cannot reach the database at 127.0.0.1:1/raadhuis")


def test_start_met_ongeldige_tooi_code_geeft_een_zin():
    melding = eenregelige_fout(raadhuis("migrate", RAADHUIS_ORGANISATIE="gm0000"))

    assert "RAADHUIS_ORGANISATIE='gm0000' is not a TOOI organisation code" in melding


def test_onzinnige_booleaanse_instelling_geeft_een_zin():
    melding = eenregelige_fout(raadhuis("migrate", RAADHUIS_DEBUG="misschien"))

    assert "RAADHUIS_DEBUG must be true or false" in melding
