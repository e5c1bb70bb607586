"""Tests of background work: enqueue on commit, durability, orphan recovery, RQ and health."""

from __future__ import annotations

import datetime
import os
import runpy
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings as django_settings
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task_backends
from django_tasks.backends.dummy import DummyBackend
from django_tasks_db.models import DBTaskResult

from raadhuis.core.taken import na_commit, verweesde_taken_herstellen
from raadhuis.core.tests.gelijktijdig import tegelijk
from raadhuis.core.tests.redis_hulp import redis_of_overslaan
from raadhuis.core.tests.taken_voor_tests import markering_schrijven, traag_markering_schrijven

# Long enough to kill the worker mid-run, short enough to keep the file fast.
TRAGE_TAAK_SECONDEN = 2.0
# Redis database the RQ tests flush at start and end; nothing else should live there.
REDIS_TEST_DATABASE = 15


class Terugdraaien(Exception):
    """Raised inside a transaction to make it roll back."""


def taken_instellingen(backend: str, *, redis_url: str | None = None) -> dict[str, Any]:
    """The task settings settings.py derives for a backend, so the tests use the real config."""
    omgeving = {"RAADHUIS_TAKEN_BACKEND": backend}
    if redis_url is not None:
        omgeving["REDIS_URL"] = redis_url
    with mock.patch.dict(os.environ, omgeving):
        waarden = runpy.run_path(str(django_settings.BASE_DIR / "settings.py"))
    namen = ("RAADHUIS_TAKEN_BACKEND", "TASKS", "RQ_QUEUES")
    return {naam: waarden[naam] for naam in namen if naam in waarden}


@pytest.fixture(autouse=True)
def databasewachtrij(settings: Any) -> None:
    # The tests must not depend on which backend the environment of the test run happens to pick.
    for naam, waarde in taken_instellingen("database").items():
        setattr(settings, naam, waarde)


def database_url_van_testdatabase() -> str:
    """DATABASE_URL for a worker process, pointing at this test run's database."""
    naam = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite":
        return f"sqlite:///{naam}"
    origineel = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(origineel._replace(path=f"/{naam}"))


def worker_omgeving(**extra: str) -> dict[str, str]:
    omgeving = dict(os.environ)
    omgeving.update(
        DATABASE_URL=database_url_van_testdatabase(),
        RAADHUIS_TAKEN_BACKEND="database",
        RAADHUIS_TAAK_LEASE_SECONDS="900",
        PYTHONUNBUFFERED="1",
    )
    omgeving.update(extra)
    return omgeving


def worker_commando(*argumenten: str) -> list[str]:
    return [sys.executable, "-m", "raadhuis.cli", "worker", *argumenten]


def worker_batch_draaien(**extra: str) -> subprocess.CompletedProcess[str]:
    """Runs `raadhuis worker --batch` in its own process, as an operator would after a restart."""
    proces = subprocess.run(
        worker_commando("--batch"),
        env=worker_omgeving(**extra),
        cwd=django_settings.PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert proces.returncode == 0, f"worker failed:\n{proces.stdout}\n{proces.stderr}"
    return proces


def wachten_tot(
    voorwaarde: Callable[[], bool],
    *,
    beschrijving: str,
    proces: subprocess.Popen[bytes] | None = None,
    log: Path | None = None,
    seconden: float = 30.0,
) -> None:
    grens = time.monotonic() + seconden
    while time.monotonic() < grens:
        if voorwaarde():
            return
        if proces is not None and proces.poll() is not None:
            uitvoer = log.read_text(encoding="utf-8") if log else ""
            pytest.fail(f"worker stopped while waiting for {beschrijving}:\n{uitvoer}")
        time.sleep(0.05)
    uitvoer = log.read_text(encoding="utf-8") if log else ""
    pytest.fail(f"timed out waiting for {beschrijving}:\n{uitvoer}")


def status_van(task_id: str) -> str:
    return str(DBTaskResult.objects.get(id=task_id).status)


# na_commit


@pytest.fixture(params=["database", "geheugen"])
def klaargezet(request: pytest.FixtureRequest, settings: Any) -> Callable[[], list[str]]:
    """What the queue holds for a worker, as each task's `inhoud`, read on a connection of its own.

    The database backend writes its row in the caller's transaction, so a worker sees it at the
    commit and a rollback undoes it; a backend outside the database (RQ, here an in-memory one)
    relies on na_commit's outbox.
    """
    if request.param == "database":

        def in_de_wachtrij() -> list[str]:
            uitkomst = tegelijk(
                lambda _: [t.args_kwargs["kwargs"]["inhoud"] for t in DBTaskResult.objects.all()], aantal=1
            )[0]
            assert isinstance(uitkomst, list), uitkomst
            return uitkomst

        return in_de_wachtrij
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    return lambda: [str(resultaat.kwargs["inhoud"]) for resultaat in backend.results]


def test_na_commit_zet_taak_eenmaal_klaar_als_transactie_slaagt(transactional_db, klaargezet, tmp_path):
    with transaction.atomic():
        na_commit(markering_schrijven, pad=str(tmp_path / "markering"), inhoud="vastgelegd")
        assert klaargezet() == []

    assert klaargezet() == ["vastgelegd"]


def test_na_commit_bewaart_taak_en_argumenten_in_database(transactional_db, tmp_path):
    pad = str(tmp_path / "markering")

    with transaction.atomic():
        na_commit(markering_schrijven, pad=pad, inhoud="vastgelegd")

    taak = DBTaskResult.objects.get()
    assert taak.status == TaskResultStatus.READY
    assert taak.task_path == markering_schrijven.module_path
    assert taak.args_kwargs == {"args": [], "kwargs": {"pad": pad, "inhoud": "vastgelegd"}}


def test_na_commit_zet_niets_klaar_als_transactie_terugdraait(transactional_db, klaargezet, tmp_path):
    def mislukte_wijziging() -> None:
        with transaction.atomic():
            na_commit(markering_schrijven, pad=str(tmp_path / "markering"), inhoud="nooit")
            raise Terugdraaien

    with pytest.raises(Terugdraaien):
        mislukte_wijziging()

    assert klaargezet() == []


def test_na_commit_in_teruggedraaid_savepoint_zet_niets_klaar(transactional_db, klaargezet, tmp_path):
    def mislukt_onderdeel() -> None:
        with transaction.atomic():
            na_commit(markering_schrijven, pad=str(tmp_path / "markering"), inhoud="onderdeel")
            raise Terugdraaien

    with transaction.atomic():
        na_commit(markering_schrijven, pad=str(tmp_path / "markering"), inhoud="geheel")
        with pytest.raises(Terugdraaien):
            mislukt_onderdeel()
        assert klaargezet() == []

    assert klaargezet() == ["geheel"]


# Durability with the database backend


def test_taak_zonder_draaiende_worker_wordt_later_uitgevoerd(transactional_db, tmp_path):
    markering = tmp_path / "markering"
    taak = markering_schrijven.enqueue(pad=str(markering), inhoud="later uitgevoerd")
    assert status_van(taak.id) == TaskResultStatus.READY
    assert not markering.exists()

    worker_batch_draaien()

    rij = DBTaskResult.objects.get(id=taak.id)
    assert rij.status == TaskResultStatus.SUCCESSFUL
    assert rij.return_value == "later uitgevoerd"
    assert markering.read_text(encoding="utf-8") == "later uitgevoerd\n"


def test_taak_overleeft_gedode_worker(transactional_db, tmp_path):
    markering = tmp_path / "markering"
    begonnen = Path(f"{markering}.begonnen")
    log = tmp_path / "worker.log"
    with log.open("wb") as logbestand:
        worker = subprocess.Popen(
            worker_commando(),
            env=worker_omgeving(),
            cwd=django_settings.PROJECT_DIR,
            stdout=logbestand,
            stderr=subprocess.STDOUT,
        )
    try:
        taak = traag_markering_schrijven.enqueue(pad=str(markering), seconden=TRAGE_TAAK_SECONDEN)
        wachten_tot(begonnen.exists, beschrijving="the task to start", proces=worker, log=log)
        assert status_van(taak.id) == TaskResultStatus.RUNNING

        # SIGKILL, like the OOM killer or a power cut: the worker gets no chance to clean up.
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.wait(timeout=10)

    assert status_van(taak.id) == TaskResultStatus.RUNNING
    assert not markering.exists()

    worker_batch_draaien(RAADHUIS_TAAK_LEASE_SECONDS="0")

    rij = DBTaskResult.objects.get(id=taak.id)
    assert rij.status == TaskResultStatus.SUCCESSFUL
    assert markering.read_text(encoding="utf-8") == "klaar\n"
    # At-least-once: the task started twice, and finished once.
    assert begonnen.read_text(encoding="utf-8").splitlines() == ["begonnen", "begonnen"]
    assert len(rij.worker_ids) == 2


def test_verweesde_taak_na_lease_terug_in_wachtrij_recente_blijft(db, settings, tmp_path):
    settings.RAADHUIS_TAAK_LEASE_SECONDS = 60
    nu = timezone.now()
    verweesd = markering_schrijven.enqueue(pad=str(tmp_path / "a"), inhoud="verweesd")
    bezig = markering_schrijven.enqueue(pad=str(tmp_path / "b"), inhoud="bezig")
    DBTaskResult.objects.filter(id=verweesd.id).update(
        status=TaskResultStatus.RUNNING, started_at=nu - datetime.timedelta(seconds=61)
    )
    DBTaskResult.objects.filter(id=bezig.id).update(
        status=TaskResultStatus.RUNNING, started_at=nu - datetime.timedelta(seconds=30)
    )

    aantal = verweesde_taken_herstellen()

    assert aantal == 1
    hersteld = DBTaskResult.objects.get(id=verweesd.id)
    assert hersteld.status == TaskResultStatus.READY
    assert hersteld.started_at is None
    assert DBTaskResult.objects.ready().filter(id=verweesd.id).exists()
    assert status_van(bezig.id) == TaskResultStatus.RUNNING


def test_verweesde_taken_herstellen_raakt_klaarstaande_en_afgeronde_taken_niet(db, tmp_path):
    klaar = markering_schrijven.enqueue(pad=str(tmp_path / "a"), inhoud="klaar")
    afgerond = markering_schrijven.enqueue(pad=str(tmp_path / "b"), inhoud="afgerond")
    lang_geleden = timezone.now() - datetime.timedelta(days=1)
    DBTaskResult.objects.filter(id=afgerond.id).update(
        status=TaskResultStatus.SUCCESSFUL, started_at=lang_geleden, finished_at=lang_geleden
    )

    assert verweesde_taken_herstellen(lease=datetime.timedelta(0)) == 0
    assert status_van(klaar.id) == TaskResultStatus.READY
    assert status_van(afgerond.id) == TaskResultStatus.SUCCESSFUL


# RQ on Redis


def redis_test_url() -> str:
    basis = urlsplit(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"))
    return urlunsplit(basis._replace(path=f"/{REDIS_TEST_DATABASE}"))


@pytest.fixture
def rq_wachtrij(settings: Any) -> Iterator[str]:
    """Switches this process to the RQ backend on an emptied Redis test database."""
    url = redis_test_url()
    verbinding = redis_of_overslaan(url)
    verbinding.flushdb()
    for naam, waarde in taken_instellingen("rq", redis_url=url).items():
        setattr(settings, naam, waarde)
    try:
        yield url
    finally:
        verbinding.flushdb()
        verbinding.close()


@pytest.mark.redis
def test_rq_burst_worker_voert_klaargezette_taak_uit(transactional_db, rq_wachtrij, client, tmp_path):
    markering = tmp_path / "markering"
    taak = markering_schrijven.enqueue(pad=str(markering), inhoud="via rq")
    gezondheid = client.get("/api/v1/gezondheid").json()
    assert (gezondheid["wachtrij"], gezondheid["wachtend"]) == ("rq", 1)
    assert not markering.exists()

    worker = worker_batch_draaien(RAADHUIS_TAKEN_BACKEND="rq", REDIS_URL=rq_wachtrij)

    # A burst worker exits 0 even when the job failed; its log says why.
    assert markering.exists(), f"the task did not run:\n{worker.stdout}\n{worker.stderr}"
    assert markering.read_text(encoding="utf-8") == "via rq\n"
    resultaat = markering_schrijven.get_result(taak.id)
    assert resultaat.status == TaskResultStatus.SUCCESSFUL
    assert resultaat.return_value == "via rq"
    assert client.get("/api/v1/gezondheid").json()["wachtend"] == 0


# Health endpoint


def test_gezondheid_meldt_wachtrij_en_aantal_wachtende_taken(db, client, tmp_path):
    for inhoud in ("een", "twee"):
        markering_schrijven.enqueue(pad=str(tmp_path / inhoud), inhoud=inhoud)

    antwoord = client.get("/api/v1/gezondheid")

    assert antwoord.status_code == 200
    assert antwoord.json() == {
        "status": "ok",
        "database": "ok",
        "wachtrij": "database",
        "wachtend": 2,
        "uitgaand": 0,
    }


def gesloten_poort() -> int:
    with socket.socket() as sok:
        sok.bind(("127.0.0.1", 0))
        return int(sok.getsockname()[1])


def test_gezondheid_geeft_503_als_wachtrij_onbereikbaar_is(db, client, settings):
    url = f"redis://127.0.0.1:{gesloten_poort()}/0"
    for naam, waarde in taken_instellingen("rq", redis_url=url).items():
        setattr(settings, naam, waarde)

    antwoord = client.get("/api/v1/gezondheid")

    assert antwoord.status_code == 503
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json() == {
        "type": "about:blank",
        "title": "De wachtrij voor achtergrondtaken is niet bereikbaar.",
        "status": 503,
    }
