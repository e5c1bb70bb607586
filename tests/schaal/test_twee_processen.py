"""Scale-out acceptance (issue 12): two app server instances and two task workers against one
PostgreSQL and one Redis, a short load mix (bench/load/locustfile.py) spread over both instances,
and then: zero errors (no 5xx, no connection error, every form where it should end), every task
done exactly once (one mail per request, no task left queued, running or failed), and a session
made on one instance valid on the other, ended there for both.

Two separate gunicorn instances on their own ports make the session check deterministic: the
kernel, not the test, would choose the process behind one port. The data is the load tests'
generator at its smallest scale, in this test's own database."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import requests
from django.conf import global_settings
from django.conf import settings as django_settings
from django.db import connection

from raadhuis.core.tests.redis_hulp import redis_of_overslaan

BELASTING = Path(django_settings.PROJECT_DIR) / "bench" / "load"
sys.path.insert(0, str(BELASTING))

import formulieren  # noqa: E402
import gegevens  # noqa: E402
import omgeving  # noqa: E402

LOAD_SECONDEN = 15
USERS = 8
TIMEOUT = 30

pytestmark = [pytest.mark.redis]


def _database_url() -> str:
    instellingen = connection.settings_dict
    return (
        f"postgres://{instellingen['USER']}@{instellingen['HOST'] or '127.0.0.1'}:"
        f"{instellingen['PORT'] or 5432}/{instellingen['NAME']}"
    )


@pytest.fixture
def redis_bereikbaar() -> None:
    redis_of_overslaan(f"{omgeving.REDIS}/{omgeving.REDIS_DATABASE}").close()


@pytest.fixture
def eigen_omgeving() -> Iterator[None]:
    """The bench generators set a few environment defaults on import; not for the next test."""
    with mock.patch.dict(os.environ):
        yield


def _inloggen_medewerker(
    sessie: requests.Session, basis: str, account: dict[str, str], wachtwoord: str
) -> None:
    pagina = sessie.get(f"{basis}/werkplek/inloggen/", timeout=TIMEOUT)
    doel, velden = formulieren.formulier(pagina.content, "", ("username", "password"))
    velden.update(username=account["gebruikersnaam"], password=wachtwoord)
    stap = sessie.post(f"{basis}{doel or '/werkplek/inloggen/'}", data=velden, timeout=TIMEOUT)
    doel, velden = formulieren.formulier(stap.content, "", ("code",))
    velden["code"] = formulieren.totp(account["totp_sleutel"])
    klaar = sessie.post(stap.url if not doel else f"{basis}{doel}", data=velden, timeout=TIMEOUT)
    assert (klaar.status_code, klaar.url.removeprefix(basis)) == (200, "/werkplek/")


def _inloggen_inwoner(sessie: requests.Session, basis: str, bsn: str) -> None:
    idp = sessie.get(f"{basis}/inloggen/digid/?next=/mijn-zaken/", timeout=TIMEOUT)
    doel, velden = formulieren.formulier(idp.content, "authorize", ("eigen_bsn",))
    velden.update(test_bsn="", eigen_bsn=bsn)
    # The login form is on the test IdP's own server (omgeving.idp_starten).
    terug = sessie.post(formulieren.verzendadres(idp.url, doel), data=velden, timeout=TIMEOUT)
    assert (terug.status_code, terug.url.removeprefix(basis)) == (200, "/mijn-zaken/")


def _uitloggen(sessie: requests.Session, basis: str, pagina: str, actie: str) -> None:
    doel, velden = formulieren.formulier(sessie.get(f"{basis}{pagina}", timeout=TIMEOUT).content, actie)
    antwoord = sessie.post(f"{basis}{doel}", data=velden, allow_redirects=False, timeout=TIMEOUT)
    assert antwoord.status_code == 302, antwoord.status_code


def _sessies_over_instanties(a: str, b: str, manifest: dict[str, Any]) -> None:
    """Logged in on A, the same cookie works on B; logged out on B, it no longer works on A. For an
    employee (password and code) and for a resident (DigiD through the test IdP)."""
    medewerker = requests.Session()
    _inloggen_medewerker(medewerker, a, manifest["medewerkers"][-1], manifest["wachtwoord"])
    werkvoorraad = "/werkplek/dienstverlening/zaken/"
    op_b = medewerker.get(f"{b}{werkvoorraad}", allow_redirects=False, timeout=TIMEOUT)
    assert op_b.status_code == 200, f"A's employee session not valid on B: {op_b.status_code}"
    _uitloggen(medewerker, b, werkvoorraad, "/uitloggen/")
    op_a = medewerker.get(f"{a}{werkvoorraad}", allow_redirects=False, timeout=TIMEOUT)
    assert op_a.status_code == 302, "logged out on B, still logged in on A"
    assert "/inloggen/" in op_a.headers["Location"]

    inwoner = requests.Session()
    _inloggen_inwoner(inwoner, a, manifest["bsns"][0])
    # Mijn zaken answers 200 to anyone (with a login invitation); the resident's cases tell.
    zaak_links = r"/mijn-zaken/[A-Za-z0-9-]+/"
    op_b = inwoner.get(f"{b}/mijn-zaken/", allow_redirects=False, timeout=TIMEOUT)
    assert op_b.status_code == 200, op_b.status_code
    assert formulieren.links(op_b.content, zaak_links), "A's DigiD session not valid on B"
    _uitloggen(inwoner, b, "/mijn/", "/mijn/uitloggen/")
    op_a = inwoner.get(f"{a}/mijn-zaken/", allow_redirects=False, timeout=TIMEOUT)
    assert not formulieren.links(op_a.content, zaak_links), "logged out on B, still logged in on A"


def _woo_verzoeken(adressen: list[str], aantal: int) -> None:
    """A few requests of its own, alternating between the instances, so the mail check never
    depends on which tasks the random mix happened to choose."""
    for n in range(aantal):
        basis = adressen[n % len(adressen)]
        sessie = requests.Session()
        doel, velden = formulieren.formulier(
            sessie.get(f"{basis}/woo-verzoek/", timeout=TIMEOUT).content, "", ("onderwerp", "emailadres")
        )
        velden.update(
            onderwerp=f"Acceptatie {n}",
            omschrijving="Alle besluiten over de schaaltest.",
            emailadres=f"acceptatie-{n}@belasting.example.org",
        )
        antwoord = sessie.post(f"{basis}{doel or '/woo-verzoek/'}", data=velden, allow_redirects=False)
        assert antwoord.headers.get("Location", "").endswith("/woo-verzoek/ontvangen/"), antwoord.status_code


def _belasten(adressen: list[str], manifest_pad: Path, map_: Path) -> list[dict[str, str]]:
    proces = subprocess.run(
        [
            str(omgeving.BIN / "locust"),
            "-f",
            str(BELASTING / "locustfile.py"),
            "--headless",
            f"--users={USERS}",
            f"--spawn-rate={USERS}",
            f"--run-time={LOAD_SECONDEN}s",
            f"--host={adressen[0]}",
            f"--csv={map_ / 'locust'}",
            "--only-summary",
            "--stop-timeout=10",
        ],
        env={
            **os.environ,
            "BELASTING_GEGEVENS": str(manifest_pad),
            "BELASTING_HOSTS": " ".join(adressen),
            "BELASTING_WACHTTIJD": "0.2-1",
        },
        cwd=BELASTING,
        capture_output=True,
        text=True,
        timeout=LOAD_SECONDEN + 60,
        check=False,
    )
    fouten = (map_ / "locust_failures.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert not fouten, "\n".join(fouten) + proces.stderr[-3000:]
    with (map_ / "locust_stats.csv").open(encoding="utf-8") as bestand:
        return list(csv.DictReader(bestand))


def _wachten_tot_verwerkt(seconden: float = 30) -> None:
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from raadhuis.core.models import Uitgaandetaak

    tot = time.monotonic() + seconden
    open_statussen = [TaskResultStatus.READY, TaskResultStatus.RUNNING]
    while Uitgaandetaak.objects.exists() or DBTaskResult.objects.filter(status__in=open_statussen).exists():
        assert time.monotonic() < tot, "tasks still waiting after the load"
        time.sleep(0.5)


def _mails_per_ontvanger(mailmap: Path) -> Counter[str]:
    ontvangers: Counter[str] = Counter()
    for bestand in mailmap.glob("*.log"):
        ontvangers.update(
            re.findall(r"^To: (\S+@belasting\.example\.org)$", bestand.read_text(), re.MULTILINE)
        )
    return ontvangers


def test_twee_instanties_twee_workers_onder_belasting(
    transactional_db: None, redis_bereikbaar: None, eigen_omgeving: None, settings: Any, tmp_path: Path
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("several app servers share PostgreSQL; the suite's PostgreSQL run covers this")
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from raadhuis.core.zoeken import motor
    from raadhuis.dienstverlening.models import Afspraak
    from raadhuis.woo.models import WooVerzoek

    # Given the smallest generated data, its index and sitemaps where the servers will look
    settings.RAADHUIS_ZOEKINDEX = str(tmp_path / "zoekindex")
    settings.RAADHUIS_SITEMAP_ROOT = tmp_path / "sitemaps"
    # The servers check passwords with the real hashers, not the tests' fast one.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    motor.vergeten()
    gegevens.opbouwen(gegevens.SCHALEN["ci"], var=tmp_path)
    manifest = gegevens.manifest(tmp_path)
    manifest_pad = tmp_path / "gegevens.json"
    manifest_pad.write_text(json.dumps(manifest), encoding="utf-8")
    env = {
        **os.environ,
        **omgeving.omgeving(
            "acceptatie", var=tmp_path, database_url=_database_url(), cache_prefix=f"acceptatie-{os.getpid()}"
        ),
    }
    (tmp_path / "logs").mkdir()

    # When two instances and two workers serve a short mix spread over both
    with omgeving.gestart(
        env, servers=2, processen_per_server=1, workers=2, logmap=tmp_path / "logs"
    ) as lopend:
        a, b = lopend.adressen
        _sessies_over_instanties(a, b, manifest)
        _woo_verzoeken(lopend.adressen, 6)
        statistiek = _belasten(lopend.adressen, manifest_pad, tmp_path)
        _wachten_tot_verwerkt()
        logs = lopend.log_staart()

    # Then nothing failed: no 5xx, no connection error, every form ended where it should
    alles = next(rij for rij in statistiek if rij["Name"] == "Aggregated")
    assert int(alles["Request Count"]) > 50, alles
    assert int(alles["Failure Count"]) == 0, alles
    assert "Traceback" not in logs, logs

    # And every task ran exactly once: one mail per request and per appointment, none failed
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    verwacht = set(
        WooVerzoek.objects.filter(emailadres__endswith="@belasting.example.org").values_list(
            "emailadres", flat=True
        )
    ) | set(
        Afspraak.objects.filter(emailadres__endswith="@belasting.example.org").values_list(
            "emailadres", flat=True
        )
    )
    assert len(verwacht) >= 6
    mails = _mails_per_ontvanger(tmp_path / "mail")
    assert set(mails) == verwacht, (verwacht - set(mails), set(mails) - verwacht)
    assert all(aantal == 1 for aantal in mails.values()), [m for m, n in mails.items() if n > 1]
