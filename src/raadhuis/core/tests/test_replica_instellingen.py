"""RAADHUIS_DATABASE_REPLICA_URL: a PostgreSQL standby of a PostgreSQL primary, opened read-only."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from raadhuis import settings as instellingen

PRIMAIR = instellingen.database_from_url("postgres://raadhuis@db1.intern:5432/raadhuis")


def test_replica_is_een_alleen_lezen_verbinding_met_korte_wachttijd():
    config = instellingen.replica_from_url("postgres://raadhuis@db2.intern:5432/raadhuis", primair=PRIMAIR)

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["HOST"] == "db2.intern"
    assert config["OPTIONS"]["options"] == "-c default_transaction_read_only=on"
    assert config["OPTIONS"]["connect_timeout"] == 2
    assert config["TEST"] == {"MIRROR": "default"}


@pytest.mark.parametrize(
    ("replica_url", "primair_url"),
    [
        ("sqlite:///var/replica.sqlite3", "postgres://raadhuis@db1.intern:5432/raadhuis"),
        ("postgres://raadhuis@db2.intern:5432/raadhuis", "sqlite:///var/raadhuis.sqlite3"),
    ],
)
def test_replica_moet_postgresql_zijn_net_als_de_primaire_database(replica_url: str, primair_url: str):
    with pytest.raises(ImproperlyConfigured, match="RAADHUIS_DATABASE_REPLICA_URL"):
        instellingen.replica_from_url(replica_url, primair=instellingen.database_from_url(primair_url))


def test_onbekend_schema_weigert_te_starten():
    with pytest.raises(ImproperlyConfigured, match="unknown scheme"):
        instellingen.replica_from_url("mysql://db2/raadhuis", primair=PRIMAIR)
