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


# Uploads of a test run go to temporary folders, not into the checkout's var/; one set per test
# process: xdist's workers inherit the environment of the process that started them, and a test
# that looks at what a folder holds must not see a file another worker just wrote.
import tempfile as _tempfile  # noqa: E402

_EIGEN_MAPPEN = "RAADHUIS_TEST_MAPPEN_VAN_PROCES"
_MAPPEN = {
    "RAADHUIS_MEDIA_ROOT": "media",
    "RAADHUIS_PRIVE_ROOT": "prive",
    "RAADHUIS_SITEMAP_ROOT": "sitemaps",
}
if os.environ.get(_EIGEN_MAPPEN) not in (None, str(os.getpid())):
    for _naam in _MAPPEN:
        os.environ.pop(_naam, None)  # the starting process's folders, not set by whoever ran pytest
if not _MAPPEN.keys() & os.environ.keys():
    os.environ[_EIGEN_MAPPEN] = str(os.getpid())
for _naam, _soort in _MAPPEN.items():
    os.environ.setdefault(_naam, _tempfile.mkdtemp(prefix=f"raadhuis-{_soort}-"))


@pytest.fixture(autouse=True)
def _snelle_wachtwoordhash(settings: "object") -> None:
    """Accounts made in tests get an MD5 password hash: the real hasher (PBKDF2, a million rounds)
    costs about a second per account on a small machine, and the tests are about who may log in and
    do what, not about the hash. Production settings keep Django's default hashers."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


# --- no BSN in any log line or URL during the whole run (issue 11 point 6; Wabb art. 10) ------------

import logging as _logging  # noqa: E402
import re as _re  # noqa: E402

# Nine digits standing alone: digits inside a UUID or another code are not a BSN.
_NEGEN_CIJFERS = _re.compile(r"(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])")
_bsn_gezien: list[str] = []


def _bsns(tekst: str) -> list[str]:
    from raadhuis.core.bsn import is_geldig_bsn

    return [w for w in _NEGEN_CIJFERS.findall(tekst) if w != "000000000" and is_geldig_bsn(w)]


class _BsnInLogboek(_logging.Handler):
    """Sees every log record of the run; a BSN in one is a leak (logs travel to places the BSN may
    not go)."""

    def emit(self, record: _logging.LogRecord) -> None:
        try:
            tekst = record.getMessage()
        except Exception:  # a record that cannot be formatted is someone else's failure
            return
        for bsn in _bsns(tekst):
            _bsn_gezien.append(f"log {record.name}: …{bsn[-3:]} in {tekst[:120]!r}")


@pytest.fixture(scope="session", autouse=True)
def _bsn_bewaking() -> Iterator[None]:
    """Every request path (test client and live server alike go through the handler) and every log
    line is checked for a BSN."""
    from django.core.handlers.base import BaseHandler
    from django.http import HttpRequest, HttpResponseBase

    handler = _BsnInLogboek(level=_logging.DEBUG)
    _logging.getLogger().addHandler(handler)
    origineel = BaseHandler.get_response

    def get_response(self: BaseHandler, request: HttpRequest) -> HttpResponseBase:
        pad = request.get_full_path()
        for bsn in _bsns(pad):
            _bsn_gezien.append(f"URL: …{bsn[-3:]} in {pad[:120]!r}")
        return origineel(self, request)

    BaseHandler.get_response = get_response  # type: ignore[method-assign]
    yield
    BaseHandler.get_response = origineel  # type: ignore[method-assign]
    _logging.getLogger().removeHandler(handler)


@pytest.fixture(autouse=True)
def _geen_bsn_gelekt(_bsn_bewaking: None) -> Iterator[None]:
    """Fails the test during which a BSN reached a log line or a URL."""
    voor = len(_bsn_gezien)
    yield
    nieuw = _bsn_gezien[voor:]
    if nieuw:
        pytest.fail("BSN in een logregel of URL:\n" + "\n".join(nieuw), pytrace=False)


# --- with pytest-xdist: the tests of one class in one process -----------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--klassen-bijeen",
        action="store_true",
        help="with -n: the tests of one class run in one process, the largest class first (in this "
        "project a class shares one expensive world: core/tests/wereld.py); other tests are handed "
        "out one by one",
    )


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """xdist's own `loadgroup` would do this with a mark, but it cannot name a group under pytest
    9.2 (it sets a node attribute pytest no longer reads); a class is the natural unit anyway."""
    if not config.getoption("klassen_bijeen"):
        return None
    from xdist.scheduler import LoadScopeScheduling

    class KlassenBijeen(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            # "pad.py::Klasse::test[param]" -> "pad.py::Klasse"; a test outside a class is its own unit.
            delen = nodeid.split("[", 1)[0].split("::")
            return "::".join(delen[:2]) if len(delen) > 2 else nodeid

    return KlassenBijeen(config, log)
