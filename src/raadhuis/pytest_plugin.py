"""Test-run environment, loaded with `-p` before Django reads its settings."""

import os
from collections.abc import Iterator

import pytest

# Tests talk plain http to the test client and the live server, and read static files from the
# finders rather than from a collected manifest.
os.environ.setdefault("RAADHUIS_HTTPS", "false")
os.environ.setdefault("RAADHUIS_STATIC_MANIFEST", "false")
# An unknown permission action fails the test instead of being quietly refused (core.rechten).
os.environ.setdefault("RAADHUIS_RECHTEN_STRIKT", "true")
# The demo's generated cases: enough to fill the work queue's pages, few enough for quick tests.
os.environ.setdefault("RAADHUIS_DEMO_ZAKEN", "200")
os.environ.setdefault("RAADHUIS_DEMO_PUBLICATIES", "40")
# The suite logs in and posts far more often than a person; tests of the limits set their own.
for _groep in ("INLOGGEN", "FORMULIEREN", "ZOEKEN", "API"):
    os.environ.setdefault(f"RAADHUIS_LIMIET_{_groep}", "10000/m")


def _transactioneel(request: pytest.FixtureRequest) -> bool:
    if {"transactional_db", "live_server", "django_db_reset_sequences"} & set(request.fixturenames):
        return True
    marker = request.node.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))


@pytest.fixture(autouse=True)
def _logboek_bij_transactionele_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Transactional tests empty every table afterwards, also the register rows the data migration
    seeded (core 0004), which logging needs: they are put back first. And Django empties the
    tables with DELETE on SQLite, which the logboek's append-only triggers refuse, so the entries
    are removed first (with the triggers off)."""
    if not _transactioneel(request):
        yield
        return
    request.getfixturevalue("_django_db_helper")
    from raadhuis.core.tests.logboek_hulp import logboek_leegmaken, register_vullen

    register_vullen()
    yield
    logboek_leegmaken()


# Uploads of a test run go to temporary folders, not into the checkout's var/.
import tempfile as _tempfile  # noqa: E402

os.environ.setdefault("RAADHUIS_MEDIA_ROOT", _tempfile.mkdtemp(prefix="raadhuis-media-"))
os.environ.setdefault("RAADHUIS_PRIVE_ROOT", _tempfile.mkdtemp(prefix="raadhuis-prive-"))
os.environ.setdefault("RAADHUIS_SITEMAP_ROOT", _tempfile.mkdtemp(prefix="raadhuis-sitemaps-"))


@pytest.fixture(autouse=True)
def _snelle_wachtwoordhash(settings: "object") -> None:
    """Accounts made in tests get an MD5 password hash: the real hasher (PBKDF2, a million rounds)
    costs about a second per account on a small machine, and the tests are about who may log in and
    do what, not about the hash. Production settings keep Django's default hashers."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
