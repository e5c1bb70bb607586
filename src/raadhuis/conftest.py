"""Fixtures shared by every app's tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import override_settings

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
