"""A real PostgreSQL streaming replica (issue 12 point 2): a private primary, a standby made with
pg_basebackup -R, and the platform between them. With the standby's replay paused, an anonymous
visitor does not see a new publication yet (the public page read the standby) while a visitor who
just posted does (read-your-own-writes); readiness reports the lag; after replay resumes the
visitor sees it too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection

from raadhuis.core.tests.test_taken import gesloten_poort
from storingen.test_database_herstart import EigenPostgres, _bin

pytestmark = pytest.mark.django_db


class Standby(EigenPostgres):
    """A second cluster, copied from the primary with pg_basebackup -R (streams from it)."""

    def __init__(self, bindir: Path, primair: EigenPostgres) -> None:
        super().__init__(bindir)
        self.primair = primair

    def initialiseren(self) -> None:
        os.chmod(self.map, 0o777)  # noqa: S103 - a throwaway directory the postgres user must write
        self._als_postgres(
            str(self.bindir / "pg_basebackup"),
            *("-h", "127.0.0.1", "-p", str(self.primair.poort), "-U", "postgres"),
            *("-D", str(self.data), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"),
        )


@pytest.fixture
def primair_en_standby() -> Iterator[tuple[EigenPostgres, Standby]]:
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL standby; the suite's PostgreSQL run covers it")
    bindir = _bin()
    if bindir is None or not (bindir / "pg_basebackup").exists():
        pytest.skip("PostgreSQL's server binaries are not installed")
    primair = EigenPostgres(bindir)
    standby = Standby(bindir, primair)
    try:
        primair.initialiseren()
        primair.pg_ctl("start")
        doel = ["-h", "127.0.0.1", "-p", str(primair.poort), "-U", "postgres"]
        subprocess.run([str(bindir / "createdb"), *doel, "raadhuis"], check=True, timeout=60)
        # The schema and seeded rows of this run's test database: faster than migrating again.
        bron = connection.settings_dict
        van = ["-h", str(bron["HOST"]), "-p", str(bron["PORT"] or 5432), "-U", str(bron["USER"])]
        dump = subprocess.run(
            [str(bindir / "pg_dump"), *van, "-Fc", str(bron["NAME"])],
            check=True,
            capture_output=True,
            timeout=120,
        ).stdout
        subprocess.run(
            [str(bindir / "pg_restore"), *doel, "-d", "raadhuis", "--no-owner"],
            input=dump,
            check=True,
            timeout=120,
        )
        standby.initialiseren()
        standby.pg_ctl("start")
        yield primair, standby
    finally:
        standby.opruimen()
        primair.opruimen()


def test_standby_achter_en_lezen_na_schrijven(primair_en_standby: tuple[EigenPostgres, Standby]) -> None:
    primair, standby = primair_en_standby
    env = {
        **os.environ,
        "DATABASE_URL": primair.url,
        "RAADHUIS_DATABASE_REPLICA_URL": standby.url,
        "RAADHUIS_ALLOWED_HOSTS": "testserver",
        "RAADHUIS_HTTPS": "false",
        "RAADHUIS_ZOEKINDEX": "geheugen",
        "RAADHUIS_SECRET_KEY": "streaming-replica-test-" + str(gesloten_poort()) * 3,
    }
    kind = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("lezen_via_standby.py"))],
        env=env,
        cwd=django_settings.PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert kind.returncode == 0, kind.stderr[-3000:]
    verslag = json.loads(kind.stdout.strip().splitlines()[-1])
    # docs/operations.md quotes these.
    print(f"replay: {verslag['replay_eerder_seconden']} s; after resume: {verslag['replay_seconden']} s")
    print(f"lag while paused: {verslag['gereed_gepauzeerd']['replica_achterstand_seconden']} s")

    assert verslag["bezoeker_gepauzeerd"] is False  # the public page read the standby, which is behind
    assert verslag["schrijver_gepauzeerd"] is True  # who just posted reads the primary
    gepauzeerd = verslag["gereed_gepauzeerd"]
    assert (gepauzeerd["replica"], gepauzeerd["leesdatabase"]) == ("ok", "replica")
    assert gepauzeerd["replica_achterstand_seconden"] > 0
    assert verslag["replay_eerder_seconden"] < 20
    assert verslag["bezoeker_na_replay"] is True
    assert verslag["gereed_na_replay"]["replica_achterstand_seconden"] == 0
