"""Fixtures shared by every app's tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import translation

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.accounts.tests.hulp import TweestapClient
from raadhuis.core.models import Organisatie
from raadhuis.core.services import organisatie_inrichten
from raadhuis.core.zoeken import motor


@pytest.fixture(scope="session", autouse=True)
def _urlconf_geladen() -> None:
    """Loads the URLconf, and with it the API, before any test freezes the clock: Django Ninja
    builds its pydantic schemas on import, and under freezegun `datetime` is a fake class that
    pydantic cannot make a schema for. Which test imports it first depends on the xdist split."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - the import is the point


@pytest.fixture(scope="session", autouse=True)
def _zoekindex_in_geheugen() -> Iterator[None]:
    """The search index lives in memory during tests, never in var/ of the checkout."""
    with override_settings(RAADHUIS_ZOEKINDEX="geheugen"):
        yield


@pytest.fixture(autouse=True)
def _lege_zoekindex() -> None:
    """Every test starts with an empty index; it fills itself from the test's database on use,
    as a new index directory does in production."""
    motor.vergeten()


@pytest.fixture(autouse=True)
def _lege_oidc_cache() -> None:
    """The DigiD/eHerkenning discovery documents are kept per process; a test that fetched (or
    mocked) one must not decide what the next test's login does."""
    from raadhuis.accounts import oidc

    oidc._discovery_cache.clear()


@pytest.fixture(autouse=True)
def _lege_cache() -> None:
    """Rate-limit counters live in the cache; every test starts with none."""
    cache.clear()


@pytest.fixture(autouse=True)
def _standaardtaal() -> Iterator[None]:
    """A page requested in English (language cookie, /taal/) leaves English active in the thread:
    Django's locale middleware activates a language and nothing deactivates it after the response.
    Every test starts in the default language, so a selector test that renders labels is not
    English because of the test that ran before it on the same worker."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def client() -> TweestapClient:
    """pytest-django's client, whose force_login also completes a required second factor."""
    return TweestapClient()


@pytest.fixture
def organisatie(db: None) -> Organisatie:
    return organisatie_inrichten(tooi_code="gm1926")


@pytest.fixture
def beheerder(db: None) -> Medewerker:
    return MedewerkerFactory(rollen=[Rol.BEHEERDER])


@pytest.fixture
def griffier(db: None) -> Medewerker:
    return MedewerkerFactory(rollen=[Rol.GRIFFIE])


# --- uploads on S3: moto's server as a real HTTP S3 endpoint -------------------------------------


@pytest.fixture(scope="session")
def _moto_server() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, poort = server.get_host_and_port()
    yield f"http://{host}:{poort}"
    server.stop()


@dataclass(frozen=True)
class S3Proef:
    bucket: str
    endpoint: str
    client: Any  # a boto3 S3 client, to look in the bucket behind the platform's back

    def sleutels(self) -> list[str]:
        antwoord = self.client.list_objects_v2(Bucket=self.bucket)
        return sorted(o["Key"] for o in antwoord.get("Contents", []))


@pytest.fixture
def s3(_moto_server: str, settings: Any, monkeypatch: pytest.MonkeyPatch) -> S3Proef:
    """RAADHUIS_OPSLAG=s3 for one test: a new bucket on moto's server, STORAGES made by the same
    settings function production uses, credentials from the environment as boto3 reads them."""
    import boto3

    from raadhuis import settings as instellingen

    bucket = f"raadhuis-{uuid.uuid4().hex[:12]}"
    omgeving = {
        "AWS_ACCESS_KEY_ID": "proef",
        "AWS_SECRET_ACCESS_KEY": "proef",
        # Nothing of the machine's own AWS configuration may take part.
        "AWS_CONFIG_FILE": os.devnull,
        "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        "RAADHUIS_S3_BUCKET": bucket,
        "RAADHUIS_S3_ENDPOINT_URL": _moto_server,
        "RAADHUIS_S3_REGIO": "eu-central-1",
    }
    for naam, waarde in omgeving.items():
        monkeypatch.setenv(naam, waarde)
    client = boto3.client("s3", endpoint_url=_moto_server, region_name="eu-central-1")
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    settings.STORAGES = {**settings.STORAGES, **instellingen.uploadopslag("s3")}
    settings.RAADHUIS_OPSLAG = "s3"
    return S3Proef(bucket=bucket, endpoint=_moto_server, client=client)


@pytest.fixture(scope="session")
def _replica_kloon(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    """The replica alias on a copy of this process's test database, made the first time a test
    asks (raadhuis.core.tests.replica_hulp); the rest of the suite never pays for it."""
    from raadhuis.core.tests.replica_hulp import kloon_maken, kloon_opruimen

    with django_db_blocker.unblock():
        instellingen = kloon_maken()
    yield instellingen
    with django_db_blocker.unblock():
        kloon_opruimen(instellingen)


@pytest.fixture
def met_replica(_replica_kloon: dict[str, Any], settings: Any) -> Iterator[None]:
    """A configured read replica, a database of its own (mark the test with
    `django_db(databases=["default", "replica"])`). Without this fixture no replica is configured,
    even after another test made the copy."""
    from raadhuis.core.replica import bereikbaarheid

    settings.RAADHUIS_DATABASE_REPLICA_URL = "test://kopie-van-de-testdatabase"
    bereikbaarheid.vergeten()
    yield
    bereikbaarheid.vergeten()
