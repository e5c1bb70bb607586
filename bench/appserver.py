"""gunicorn against granian (ADR 0003): the same Django app, the same page, the same number of
processes, a short closed-loop load.

    DATABASE_URL=postgres://postgres@127.0.0.1/raadhuis_productie RAADHUIS_HTTPS=false \
        .venv/bin/python bench/appserver.py --seconden 20 --clients 8 --processen 2

Starts each server in turn on a free port (gunicorn with gthread workers, granian with its WSGI
interface; both `--processen` processes and 4 threads each, no access log), waits for
/api/v1/levend, warms up for 3 s, then runs `--clients` keep-alive HTTP clients (threads of this
process) that each send the next request as soon as the previous answer arrived, for `--seconden`
per page. Reports requests per second, p50/p95/p99 latency and errors (non-2xx or connection
errors) per server and page, as Markdown rows. The load generator shares the machine's cores with
the servers, as a reverse proxy would: figures compare the servers, they are not capacity.
Needs granian installed (`pip install granian`); it is not a dependency of the platform.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BIN = Path(sys.executable).parent
PAGINAS = {
    "levend (no database)": "/api/v1/levend",
    "home page (template, queries)": "/",
}


def vrije_poort() -> int:
    with socket.socket() as sok:
        sok.bind(("127.0.0.1", 0))
        return int(sok.getsockname()[1])


def servercommando(server: str, poort: int, processen: int) -> list[str]:
    if server == "gunicorn":
        return [
            str(BIN / "gunicorn"),
            "raadhuis.wsgi:application",
            f"--bind=127.0.0.1:{poort}",
            f"--workers={processen}",
            "--worker-class=gthread",
            "--threads=4",
            "--log-level=warning",
        ]
    return [
        str(BIN / "granian"),
        "--interface=wsgi",
        "--host=127.0.0.1",
        f"--port={poort}",
        f"--workers={processen}",
        "--blocking-threads=4",
        "--log-level=warning",
        "--no-access-log",
        "raadhuis.wsgi:application",
    ]


@dataclass
class Uitslag:
    duren: list[float] = field(default_factory=list)
    fouten: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def client(poort: int, pad: str, tot: float, uitslag: Uitslag, meten: bool) -> None:
    verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
    eigen: list[float] = []
    fouten = 0
    while time.perf_counter() < tot:
        begin = time.perf_counter()
        try:
            verbinding.request("GET", pad, headers={"Host": "127.0.0.1"})
            antwoord = verbinding.getresponse()
            antwoord.read()
            if not 200 <= antwoord.status < 300:
                fouten += 1
        except (OSError, http.client.HTTPException):
            fouten += 1
            verbinding.close()
            verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=30)
            continue
        eigen.append(time.perf_counter() - begin)
    verbinding.close()
    if meten:
        with uitslag.lock:
            uitslag.duren.extend(eigen)
            uitslag.fouten += fouten


def belasten(poort: int, pad: str, seconden: float, clients: int, meten: bool = True) -> Uitslag:
    uitslag = Uitslag()
    tot = time.perf_counter() + seconden
    draden = [threading.Thread(target=client, args=(poort, pad, tot, uitslag, meten)) for _ in range(clients)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    return uitslag


def wachten_tot_klaar(poort: int, proces: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if proces.poll() is not None:
            raise SystemExit(f"server stopped with {proces.returncode}")
        try:
            verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=2)
            verbinding.request("GET", "/api/v1/levend")
            if verbinding.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not come up within 60 s")


def percentiel(gesorteerd: list[float], p: float) -> float:
    """Nearest rank: the value at rank ceil(p * N / 100)."""
    rang = max(1, -(-len(gesorteerd) * p // 100))
    return gesorteerd[int(rang) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconden", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--processen", type=int, default=2)
    parser.add_argument("--servers", default="gunicorn,granian")
    args = parser.parse_args()

    omgeving = {**os.environ, "RAADHUIS_TOEGANGSLOG": "false", "RAADHUIS_LOG_LEVEL": "WARNING"}
    print(f"{args.processen} processes x 4 threads, {args.clients} clients, {args.seconden:g} s per page\n")
    print("| server | page | req/s | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---|")
    for server in args.servers.split(","):
        if not shutil.which(str(BIN / server)):
            print(f"| {server} | not installed | | | | | |")
            continue
        poort = vrije_poort()
        multiproc = tempfile.mkdtemp(prefix="prometheus-")
        proces = subprocess.Popen(  # noqa: S603 (our own fixed command line)
            servercommando(server, poort, args.processen),
            env={**omgeving, "PROMETHEUS_MULTIPROC_DIR": multiproc},
        )
        try:
            wachten_tot_klaar(poort, proces)
            for naam, pad in PAGINAS.items():
                belasten(poort, pad, 3, args.clients, meten=False)
                uitslag = belasten(poort, pad, args.seconden, args.clients)
                duren = sorted(uitslag.duren)
                print(
                    f"| {server} | {naam} | {len(duren) / args.seconden:.0f} "
                    f"| {percentiel(duren, 50) * 1000:.1f} | {percentiel(duren, 95) * 1000:.1f} "
                    f"| {percentiel(duren, 99) * 1000:.1f} | {uitslag.fouten} |",
                    flush=True,
                )
        finally:
            proces.terminate()
            proces.wait(timeout=30)
            shutil.rmtree(multiproc, ignore_errors=True)


if __name__ == "__main__":
    main()
