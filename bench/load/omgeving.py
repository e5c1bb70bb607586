"""The environment and the processes of a load test: app servers (gunicorn with the settings of
deploy/gunicorn.conf.py) and task workers against one PostgreSQL database and Redis, shared by
the generator (gegevens.py), the runner (run.py) and the acceptance test (tests/schaal/)."""

from __future__ import annotations

import contextlib
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
POSTGRES = os.environ.get("BELASTING_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BELASTING_REDIS", "redis://127.0.0.1:6379")
# Redis database for the cache of the load tests; each run has its own key prefix as well.
REDIS_DATABASE = 7
GUNICORN_CONF = PROJECT / "deploy" / "gunicorn.conf.py"


def var_map(database: str) -> Path:
    """Index, sitemaps, mail files and the accounts file of one load-test database."""
    return PROJECT / "var" / "belasting" / database


def omgeving(
    database: str,
    *,
    var: Path | None = None,
    cache_prefix: str | None = None,
    taken: str = "database",
    sessies: str = "cached_db",
    database_url: str | None = None,
) -> dict[str, str]:
    """The variables an installation with several app servers sets (docs/operations.md): a shared
    Redis cache, sessions in the database with a Redis copy, the task backend; plain http on
    127.0.0.1, no rate limits in the way of one load generator's address, no access log lines."""
    var = var or var_map(database)
    (var / "static").parent.mkdir(parents=True, exist_ok=True)
    # Collected static files of the checkout (the manifest of hashed names), not collected again.
    if not (var / "static").exists():
        (var / "static").symlink_to(PROJECT / "var" / "static")
    waarden = {
        "DJANGO_SETTINGS_MODULE": "raadhuis.settings",
        "DATABASE_URL": database_url or f"{POSTGRES}/{database}",
        "RAADHUIS_VAR_DIR": str(var),
        "RAADHUIS_HTTPS": "false",
        "RAADHUIS_DEBUG": "false",
        "RAADHUIS_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "RAADHUIS_CACHE_URL": f"{REDIS}/{REDIS_DATABASE}",
        "RAADHUIS_CACHE_PREFIX": cache_prefix or f"belasting-{database}",
        "RAADHUIS_SESSIES": sessies,
        "RAADHUIS_TAKEN_BACKEND": taken,
        "REDIS_URL": f"{REDIS}/{REDIS_DATABASE + 1}",
        "RAADHUIS_TEST_IDP": "true",
        "RAADHUIS_TOEGANGSLOG": "false",
        "RAADHUIS_LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    for groep in ("INLOGGEN", "FORMULIEREN", "ZOEKEN", "API"):
        waarden[f"RAADHUIS_LIMIET_{groep}"] = "100000000/m"
    return waarden


def database_aanmaken(database: str, *, opnieuw: bool) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as verbinding:
        bestaat = verbinding.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if bestaat and not opnieuw:
            raise SystemExit(f"Database {database} bestaat al: kies een andere naam of gebruik --opnieuw.")
        naam = psycopg.sql.Identifier(database)
        if bestaat:
            verbinding.execute(psycopg.sql.SQL("DROP DATABASE {} WITH (FORCE)").format(naam))
        verbinding.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(naam))
    shutil.rmtree(var_map(database), ignore_errors=True)


def vrije_poort() -> int:
    with socket.socket() as sok:
        sok.bind(("127.0.0.1", 0))
        return int(sok.getsockname()[1])


@dataclass
class Processen:
    """App server instances and workers started for one run; stopped together."""

    poorten: list[int] = field(default_factory=list)
    idp: int | None = None  # the test IdP's own server (idp_starten), not an app server
    lopend: list[subprocess.Popen[bytes]] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)

    @property
    def adressen(self) -> list[str]:
        return [f"http://127.0.0.1:{poort}" for poort in self.poorten]

    def log_staart(self, tekens: int = 4000) -> str:
        return "\n".join(f"--- {pad.name}\n{pad.read_text(errors='replace')[-tekens:]}" for pad in self.logs)


def _starten(opdracht: list[str], env: dict[str, str], log: Path, processen: Processen) -> None:
    processen.logs.append(log)
    with log.open("wb") as uit:
        processen.lopend.append(
            subprocess.Popen(  # noqa: S603 (our own fixed command line)
                opdracht, env=env, cwd=PROJECT, stdout=uit, stderr=subprocess.STDOUT, start_new_session=True
            )
        )


def server_starten(
    env: dict[str, str],
    *,
    processen_per_server: int,
    logmap: Path,
    processen: Processen,
    poort: int | None = None,
) -> int:
    """One gunicorn instance with deploy/gunicorn.conf.py (gthread, 4 threads, preload) and
    `processen_per_server` worker processes on `poort` or a free port."""
    poort = poort or vrije_poort()
    multiproc = Path(tempfile.mkdtemp(prefix="prometheus-", dir=logmap))
    _starten(
        [
            str(BIN / "gunicorn"),
            "-c",
            str(GUNICORN_CONF),
            # One control socket per instance (the default path is one per user).
            f"--control-socket={logmap / f'gunicorn-{poort}.ctl'}",
            "raadhuis.wsgi:application",
        ],
        {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{poort}",
            "GUNICORN_WORKERS": str(processen_per_server),
            "PROMETHEUS_MULTIPROC_DIR": str(multiproc),
        },
        logmap / f"gunicorn-{poort}.log",
        processen,
    )
    processen.poorten.append(poort)
    return poort


def idp_starten(
    env: dict[str, str], *, app_poorten: list[int], logmap: Path, processen: Processen
) -> dict[str, str]:
    """The test IdP as a server of its own, as a DigiD or eHerkenning broker is in production, and
    the variables that make the app servers on `app_poorten` use it. Inside the app server, the
    platform's token call to it waits for a free thread of the same server: with one process
    under load every thread can be such a waiting login, and the call times out.

    The IdP answers on localhost and the apps on 127.0.0.1, so their cookies stay apart as on
    two hosts. Both sides get the same client secret."""
    poort = vrije_poort()
    while poort in app_poorten:  # chosen before their servers bind them
        poort = vrije_poort()
    broker = f"http://localhost:{poort}/test-idp/.well-known/openid-configuration"
    geheimen = {middel: secrets.token_urlsafe(32) for middel in ("digid", "eherkenning")}
    idp_env = {
        **env,
        "RAADHUIS_TEST_IDP_CLIENT_ORIGINS": ",".join(f"http://127.0.0.1:{p}" for p in app_poorten),
        **{f"RAADHUIS_{m.upper()}_OIDC_CLIENT_SECRET": geheim for m, geheim in geheimen.items()},
    }
    server_starten(idp_env, processen_per_server=1, logmap=logmap, processen=processen, poort=poort)
    processen.poorten.remove(poort)
    processen.idp = poort
    app_env: dict[str, str] = {}
    for middel, geheim in geheimen.items():
        app_env |= {
            f"RAADHUIS_{middel.upper()}_OIDC_DISCOVERY_URL": broker,
            f"RAADHUIS_{middel.upper()}_OIDC_CLIENT_ID": f"raadhuis-{middel}",
            f"RAADHUIS_{middel.upper()}_OIDC_CLIENT_SECRET": geheim,
        }
    return app_env


def worker_starten(env: dict[str, str], *, nummer: int, logmap: Path, processen: Processen) -> None:
    _starten([str(BIN / "raadhuis"), "worker"], env, logmap / f"worker-{nummer}.log", processen)


def wachten_tot_klaar(processen: Processen, *, seconden: float = 60) -> None:
    """Until every app server answers /api/v1/gereed (database, queue, cache, index directory)."""
    tot = time.monotonic() + seconden
    for poort in [*processen.poorten, *([processen.idp] if processen.idp else [])]:
        while True:
            if any(p.poll() is not None for p in processen.lopend):
                raise RuntimeError(f"a process stopped during start-up:\n{processen.log_staart()}")
            try:
                verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=5)
                verbinding.request("GET", "/api/v1/gereed")
                if verbinding.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > tot:
                raise RuntimeError(f"port {poort} not ready in {seconden:.0f} s:\n{processen.log_staart()}")
            time.sleep(0.2)


def stoppen(processen: Processen) -> None:
    """SIGTERM to each process group (gunicorn finishes running requests, a worker its task)."""
    for proces in processen.lopend:
        if proces.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proces.pid, signal.SIGTERM)
    for proces in processen.lopend:
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proces.pid, signal.SIGKILL)
            proces.wait()


@contextlib.contextmanager
def gestart(
    env: dict[str, str], *, servers: int, processen_per_server: int, workers: int, logmap: Path
) -> Iterator[Processen]:
    """`servers` app servers, each with `processen_per_server` processes, `workers` task workers
    and the test IdP as a server of its own."""
    processen = Processen()
    try:
        poorten = [vrije_poort() for _ in range(servers)]
        env = env | idp_starten(env, app_poorten=poorten, logmap=logmap, processen=processen)
        for poort in poorten:
            server_starten(
                env,
                processen_per_server=processen_per_server,
                logmap=logmap,
                processen=processen,
                poort=poort,
            )
        for nummer in range(workers):
            worker_starten(env, nummer=nummer, logmap=logmap, processen=processen)
        wachten_tot_klaar(processen)
        yield processen
    finally:
        stoppen(processen)
