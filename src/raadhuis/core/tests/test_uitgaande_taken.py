"""The outbox between committed changes and the task queue (issue 11 point 3): a committed change
always gets its task, once, also when the queue (Redis) is down at commit time or the process dies
between commit and hand-over; a rolled-back change never does."""

from __future__ import annotations

import contextlib
import datetime
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django_tasks import task_backends
from django_tasks.backends.dummy import DummyBackend
from django_tasks_db.models import DBTaskResult

from raadhuis.core.models import Uitgaandetaak
from raadhuis.core.taken import na_commit, uitgaande_taken_versturen
from raadhuis.core.tests.gelijktijdig import tegelijk
from raadhuis.core.tests.taken_voor_tests import markering_schrijven
from raadhuis.core.tests.test_taken import (
    Terugdraaien,
    gesloten_poort,
    taken_instellingen,
    worker_batch_draaien,
)

NU = datetime.timedelta(0)


@pytest.fixture(autouse=True)
def databasewachtrij(settings: Any) -> None:
    for naam, waarde in taken_instellingen("database").items():
        setattr(settings, naam, waarde)


@pytest.fixture
def wachtrij_buiten_de_database(settings: Any) -> DummyBackend:
    """A queue outside the database, as RQ on Redis is: its tasks go through the outbox."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    assert isinstance(backend, DummyBackend)
    return backend


@pytest.fixture
def onbereikbare_wachtrij(wachtrij_buiten_de_database: DummyBackend) -> Iterator[DummyBackend]:
    """A queue outside the database that refuses every task, like RQ with Redis stopped."""
    backend = wachtrij_buiten_de_database
    origineel = backend.enqueue

    def weigeren(*args: Any, **kwargs: Any) -> Any:
        raise redis.ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    backend.enqueue = weigeren  # type: ignore[method-assign]
    yield backend
    backend.enqueue = origineel  # type: ignore[method-assign]


def ingediend(backend: DummyBackend) -> list[str]:
    return [str(resultaat.kwargs["inhoud"]) for resultaat in backend.results]


def test_taak_staat_in_de_transactie_in_de_outbox_en_gaat_na_commit_naar_de_wachtrij(
    transactional_db: None, wachtrij_buiten_de_database: DummyBackend, tmp_path: Path
) -> None:
    with transaction.atomic():
        na_commit(markering_schrijven, pad=str(tmp_path / "m"), inhoud="vastgelegd")
        assert Uitgaandetaak.objects.count() == 1
        assert ingediend(wachtrij_buiten_de_database) == []

    assert not Uitgaandetaak.objects.exists()
    assert ingediend(wachtrij_buiten_de_database) == ["vastgelegd"]


def test_databasewachtrij_krijgt_de_taak_in_de_transactie_zelf(
    transactional_db: None, tmp_path: Path
) -> None:
    """The queue is a table of the same database: no outbox row, no second transaction; the task
    is as durable as the change because it is part of it."""
    with transaction.atomic():
        na_commit(markering_schrijven, pad=str(tmp_path / "m"), inhoud="vastgelegd")
        assert not Uitgaandetaak.objects.exists()
        assert DBTaskResult.objects.count() == 1

    assert not Uitgaandetaak.objects.exists()
    assert [t.args_kwargs["kwargs"]["inhoud"] for t in DBTaskResult.objects.all()] == ["vastgelegd"]


def test_teruggedraaide_wijziging_laat_niets_in_de_outbox(transactional_db: None, tmp_path: Path) -> None:
    def mislukte_wijziging() -> None:
        with transaction.atomic():
            na_commit(markering_schrijven, pad=str(tmp_path / "m"), inhoud="nooit")
            raise Terugdraaien

    with pytest.raises(Terugdraaien):
        mislukte_wijziging()

    assert not Uitgaandetaak.objects.exists()
    assert uitgaande_taken_versturen(ouder_dan=NU) == 0
    assert not DBTaskResult.objects.exists()


def test_wachtrij_onbereikbaar_bij_commit_de_wijziging_blijft_en_de_taak_volgt_eenmaal(
    transactional_db: None, onbereikbare_wachtrij: DummyBackend, tmp_path: Path, settings: Any
) -> None:
    with transaction.atomic():
        na_commit(markering_schrijven, pad=str(tmp_path / "m"), inhoud="later")

    rij = Uitgaandetaak.objects.get()
    assert rij.pogingen == 1
    assert rij.laatste_fout.startswith("ConnectionError")
    assert uitgaande_taken_versturen(ouder_dan=NU) == 0  # still down: kept, tried again
    assert Uitgaandetaak.objects.get().pogingen == 2

    # The queue is back.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    terug = task_backends["default"]
    assert isinstance(terug, DummyBackend)
    assert uitgaande_taken_versturen(ouder_dan=NU) == 1
    assert uitgaande_taken_versturen(ouder_dan=NU) == 0
    assert ingediend(terug) == ["later"]
    assert not Uitgaandetaak.objects.exists()


def test_database_weg_direct_na_commit_de_wijziging_geldt_en_de_taak_blijft_staan(
    transactional_db: None, wachtrij_buiten_de_database: DummyBackend, tmp_path: Path
) -> None:
    """The database goes away between the commit and the hand-over: the change has happened, so
    the caller gets no error (it would send the change again); the row waits for the worker."""

    def weg(*args: Any) -> Any:
        raise OperationalError("server closed the connection unexpectedly")

    na_de_commit = contextlib.ExitStack()
    with transaction.atomic():
        # Registered first, so it runs before the hand-over that na_commit registers.
        transaction.on_commit(lambda: na_de_commit.enter_context(connection.execute_wrapper(weg)))
        na_commit(markering_schrijven, pad=str(tmp_path / "m"), inhoud="vastgelegd")
    na_de_commit.close()

    rij = Uitgaandetaak.objects.get()
    assert rij.pogingen == 0  # the bookkeeping could not be written either
    assert ingediend(wachtrij_buiten_de_database) == []
    assert uitgaande_taken_versturen(ouder_dan=NU) == 1
    assert ingediend(wachtrij_buiten_de_database) == ["vastgelegd"]


def test_verse_rij_wordt_aan_het_eigen_proces_gelaten(db: None, tmp_path: Path) -> None:
    """A row just written belongs to the process that wrote it; the worker takes over old ones."""
    vers = Uitgaandetaak.objects.create(
        taak=markering_schrijven.module_path,
        argumenten={"args": [], "kwargs": {"pad": str(tmp_path / "a"), "inhoud": "vers"}},
    )
    Uitgaandetaak.objects.create(
        taak=markering_schrijven.module_path,
        argumenten={"args": [], "kwargs": {"pad": str(tmp_path / "b"), "inhoud": "verweesd"}},
        aangemaakt_op=timezone.now() - datetime.timedelta(minutes=5),
    )

    assert uitgaande_taken_versturen() == 1

    assert list(Uitgaandetaak.objects.values_list("pk", flat=True)) == [vers.pk]
    assert [t.args_kwargs["kwargs"]["inhoud"] for t in DBTaskResult.objects.all()] == ["verweesd"]


def test_proces_dood_tussen_commit_en_overdracht_de_worker_neemt_het_over(
    transactional_db: None, tmp_path: Path
) -> None:
    """The writing process dies after its commit, before its on-commit hand-over ran (here: the
    hand-over is never called); a worker started afterwards queues and runs the task once."""
    markering = tmp_path / "m"
    with transaction.atomic():
        Uitgaandetaak.objects.create(
            taak=markering_schrijven.module_path,
            argumenten={"args": [], "kwargs": {"pad": str(markering), "inhoud": "overgenomen"}},
        )

    worker_batch_draaien()
    worker_batch_draaien()  # a second run finds nothing left to do

    assert markering.read_text(encoding="utf-8") == "overgenomen\n"
    assert not Uitgaandetaak.objects.exists()
    assert DBTaskResult.objects.count() == 1


def test_gelijktijdige_overname_draagt_elke_taak_eenmaal_over(transactional_db: None, tmp_path: Path) -> None:
    """Three workers take over the same backlog at once (PostgreSQL row locks, SKIP LOCKED)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has one writer at a time and no row locks; production runs PostgreSQL")
    oud = timezone.now() - datetime.timedelta(minutes=1)
    Uitgaandetaak.objects.bulk_create(
        Uitgaandetaak(
            taak=markering_schrijven.module_path,
            argumenten={"args": [], "kwargs": {"pad": str(tmp_path / str(i)), "inhoud": str(i)}},
            aangemaakt_op=oud,
        )
        for i in range(30)
    )

    uitkomsten = tegelijk(lambda _: uitgaande_taken_versturen(ouder_dan=NU), aantal=3)

    assert sum(int(str(u)) for u in uitkomsten) == 30, uitkomsten
    inhoud = sorted(int(t.args_kwargs["kwargs"]["inhoud"]) for t in DBTaskResult.objects.all())
    assert inhoud == list(range(30))
    assert not Uitgaandetaak.objects.exists()


# Redis really stopped and started again, with the RQ backend in use.


class EigenRedis:
    """A private redis-server on a free port, with an append-only file so what was queued before a
    stop is still there after a start (as a production Redis for queues is configured)."""

    def __init__(self, map: Path) -> None:
        self.map = map
        self.poort = gesloten_poort()
        self.proces: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.poort}/0"

    def starten(self) -> None:
        self.proces = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.poort),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--dir",
                str(self.map),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        verbinding = redis.Redis.from_url(self.url, socket_connect_timeout=1)
        for _ in range(100):
            try:
                verbinding.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        pytest.fail("the private redis-server did not start")

    def doden(self) -> None:
        assert self.proces is not None
        self.proces.send_signal(signal.SIGKILL)
        self.proces.wait(timeout=10)


@pytest.fixture
def eigen_redis(tmp_path: Path, settings: Any) -> Iterator[EigenRedis]:
    if shutil.which("redis-server") is None:
        if os.environ.get("RAADHUIS_REDIS_VEREIST") == "1":
            pytest.fail("redis-server is not installed and RAADHUIS_REDIS_VEREIST=1")
        pytest.skip("redis-server is not installed")
    server = EigenRedis(tmp_path)
    server.starten()
    for naam, waarde in taken_instellingen("rq", redis_url=server.url).items():
        setattr(settings, naam, waarde)
    yield server
    if server.proces is not None and server.proces.poll() is None:
        server.proces.kill()
        server.proces.wait(timeout=10)


@pytest.mark.redis
def test_redis_gestopt_en_weer_gestart_elke_wijziging_krijgt_haar_taak_eenmaal(
    transactional_db: None, eigen_redis: EigenRedis, tmp_path: Path
) -> None:
    voor, tijdens = tmp_path / "voor", tmp_path / "tijdens"
    with transaction.atomic():
        na_commit(markering_schrijven, pad=str(voor), inhoud="voor de storing")
    assert not Uitgaandetaak.objects.exists()

    eigen_redis.doden()
    with transaction.atomic():  # a request during the outage: it commits, and answers normally
        na_commit(markering_schrijven, pad=str(tijdens), inhoud="tijdens de storing")
    assert Uitgaandetaak.objects.get().pogingen == 1

    eigen_redis.starten()
    # The worker hands the outbox over on start, then runs the queue: both tasks, once each.
    worker = worker_batch_draaien(RAADHUIS_TAKEN_BACKEND="rq", REDIS_URL=eigen_redis.url)
    worker_batch_draaien(RAADHUIS_TAKEN_BACKEND="rq", REDIS_URL=eigen_redis.url)

    assert voor.read_text(encoding="utf-8") == "voor de storing\n", worker.stderr
    assert tijdens.read_text(encoding="utf-8") == "tijdens de storing\n", worker.stderr
    assert not Uitgaandetaak.objects.exists()
