"""Runs the load mix (locustfile.py) against 1, 2 and 4 app server processes with 1 and 2 task
workers (and, with --users 20,30,40, at each number of users), and writes per scenario throughput,
p50/p95/p99 and error rate as Markdown, and per configuration whether issue 12's targets hold.

    .venv/bin/python bench/load/run.py --database last_klein --users 40 --duur 60 \
        --processen 1,2,4 --workers 1,2 --uit docs/belasting-klein.md

Needs a database filled by gegevens.py. For every configuration it starts one gunicorn instance
with deploy/gunicorn.conf.py (gthread, 4 threads per process, preload) and GUNICORN_WORKERS set to
the number of processes, and that many `raadhuis worker` processes, all with the environment of
omgeving.py (Redis cache, sessions cached_db, database task queue, which deploy/raadhuis.env.example
sets), waits until /api/v1/gereed answers, then runs locust headless (its CSV statistics). The load
generator runs on the same 2 cores as the servers, PostgreSQL and Redis: the figures compare the
configurations on this machine, they are not the capacity of a real installation.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path[:0] = [str(HIER), str(HIER.parents[1] / "src")]

import omgeving  # noqa: E402


def manifest_schrijven(database: str, pad: Path) -> None:
    """The data's accounts and pages for the locust users, read in a child process (Django set up
    for this database, not for the runner)."""
    code = (
        "import json, sys, django; django.setup(); "
        "from pathlib import Path; import gegevens; "
        f"Path({str(pad)!r}).write_text(json.dumps(gegevens.manifest(Path({str(omgeving.var_map(database))!r}))))"
    )
    subprocess.run(  # noqa: S603 (our own fixed command line)
        [sys.executable, "-c", code],
        env={
            **os.environ,
            **omgeving.omgeving(database),
            "PYTHONPATH": str(HIER),
            "DJANGO_SETTINGS_MODULE": "raadhuis.settings",
        },
        check=True,
    )


def locust_opdracht(
    *, adressen: list[str], users: int, spawn: float, duur: int, csv_voorvoegsel: Path
) -> list[str]:
    return [
        str(omgeving.BIN / "locust"),
        "-f",
        str(HIER / "locustfile.py"),
        "--headless",
        "--users",
        str(users),
        "--spawn-rate",
        str(spawn),
        "--run-time",
        f"{duur}s",
        "--host",
        adressen[0],
        "--csv",
        str(csv_voorvoegsel),
        "--only-summary",
        "--stop-timeout",
        "10",
        "--loglevel",
        "WARNING",
    ]


def locust_draaien(
    *, adressen: list[str], gegevens: Path, users: int, spawn: float, duur: int, map_: Path, wachttijd: str
) -> list[dict[str, str]]:
    """Runs locust headless; returns the rows of its statistics CSV (one per request name, and the
    aggregated row)."""
    voorvoegsel = map_ / "locust"
    subprocess.run(  # noqa: S603 (our own fixed command line)
        locust_opdracht(adressen=adressen, users=users, spawn=spawn, duur=duur, csv_voorvoegsel=voorvoegsel),
        env={
            **os.environ,
            "BELASTING_GEGEVENS": str(gegevens),
            "BELASTING_HOSTS": " ".join(adressen),
            "BELASTING_WACHTTIJD": wachttijd,
        },
        cwd=HIER,
        check=False,  # locust exits 1 when a request failed; the figures say which
        timeout=duur + 120,
    )
    with open(f"{voorvoegsel}_stats.csv", encoding="utf-8") as bestand:
        return list(csv.DictReader(bestand))


def cpu_tijden() -> list[int]:
    """The machine's CPU time so far (/proc/stat, all cores): user, nice, system, idle, iowait,
    irq, softirq, steal, in clock ticks."""
    with open("/proc/stat", encoding="ascii") as bestand:
        return [int(veld) for veld in bestand.readline().split()[1:9]]


def cpu_verdeling(voor: list[int], na: list[int]) -> tuple[float, float, float]:
    """Busy, idle and stolen as percentages of the CPU time between two readings. Steal is time the
    hypervisor gave this virtual machine's cores to another: on a shared host it comes and goes,
    and a run with much of it has longer tails that say nothing about the code."""
    delta = [n - v for v, n in zip(voor, na, strict=True)]
    totaal = sum(delta) or 1
    user, nice, system, idle, iowait, irq, softirq, steal = delta
    bezig = user + nice + system + irq + softirq
    return 100 * bezig / totaal, 100 * (idle + iowait) / totaal, 100 * steal / totaal


# Issue 12 point 4: the targets of the module issues, as p95 of the scenarios each one covers.
DOELEN: list[tuple[str, int, tuple[str, ...]]] = [
    (
        "public pages",
        100,
        (
            "inwoner: productencatalogus",
            "inwoner: productpagina",
            "publiek: raadsvergadering",
            "publiek: stemming",
            "publiek: vergaderkalender",
            "publiek: robots.txt",
            "publiek: sitemapindex",
            "publiek: sitemap",
        ),
    ),
    ("work queue", 150, ("medewerker: werkvoorraad",)),
    ("search", 50, ("publiek: zoeken", "publiek: zoeken, nieuwste, pagina 2")),
]


def doelen(configuratie: str, statistiek: list[dict[str, str]]) -> list[str]:
    """One row per target: the worst p95 of its scenarios (which one), and whether it holds; and
    the errors of the whole mix (the target is none)."""
    per_naam = {rij["Name"]: rij for rij in statistiek}
    uit = []
    for doel, grens, namen in DOELEN:
        # Locust writes N/A for a scenario without requests.
        gemeten = [
            (int(float(per_naam[n]["95%"])), n)
            for n in namen
            if n in per_naam and per_naam[n]["95%"] not in {"", "N/A"}
        ]
        if not gemeten:
            continue
        p95, naam = max(gemeten)
        houdt = "yes" if p95 <= grens else "no"
        uit.append(f"| {configuratie} | {doel} ≤ {grens} ms | {p95} ms ({naam}) | {houdt} |")
    fouten = sum(int(rij["Failure Count"]) for rij in statistiek if rij["Name"] != "Aggregated")
    uit.append(f"| {configuratie} | zero errors | {fouten} | {'yes' if fouten == 0 else 'no'} |")
    return uit


def rijen(configuratie: str, statistiek: list[dict[str, str]]) -> list[str]:
    uit = []
    for rij in statistiek:
        aantal = int(rij["Request Count"])
        fouten = int(rij["Failure Count"])
        naam = "**all**" if rij["Name"] == "Aggregated" else rij["Name"]
        uit.append(
            f"| {configuratie} | {naam} | {aantal} | {float(rij['Requests/s']):.1f} | {rij['50%']} "
            f"| {rij['95%']} | {rij['99%']} | {fouten / aantal * 100 if aantal else 0:.2f} % |"
        )
    return uit


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--processen", default="1,2,4", help="app server processes (GUNICORN_WORKERS)")
    parser.add_argument("--workers", default="1,2", help="task workers")
    parser.add_argument("--users", default="40", help="simultaneous users; a list runs each in turn")
    parser.add_argument("--spawn-rate", type=float, default=10)
    parser.add_argument("--duur", type=int, default=60, help="seconds of load per configuration")
    parser.add_argument("--wachttijd", default="0.5-2", help="think time range in seconds, or 0")
    parser.add_argument("--uit", type=Path, help="write the Markdown here too")
    args = parser.parse_args()

    map_ = Path(tempfile.mkdtemp(prefix="belasting-"))
    gegevens = map_ / "gegevens.json"
    manifest_schrijven(args.database, gegevens)
    env = {**os.environ, **omgeving.omgeving(args.database)}
    opdracht = " ".join(shlex.quote(a) for a in sys.argv)
    regels = [
        f"Command: `.venv/bin/python {opdracht}` ({time.strftime('%Y-%m-%d')}, database {args.database}, "
        f"{args.users} users, think time {args.wachttijd} s, {args.duur} s per configuration)",
        "",
        "| app processes × workers | scenario | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    doelregels = ["| configuration | target | measured p95 (worst scenario) | holds |", "|---|---|---|---|"]
    cpuregels = ["| configuration | CPU busy | idle | stolen (hypervisor) |", "|---|---|---|---|"]
    totaal: dict[str, float] = {}
    aantallen = [int(u) for u in args.users.split(",")]
    configuraties = [
        (int(p), int(w), users)
        for p in args.processen.split(",")
        for w in args.workers.split(",")
        for users in aantallen
    ]
    for processen, workers, users in configuraties:
        configuratie = f"{processen} × {workers}" + (f", {users} users" if len(aantallen) > 1 else "")
        run_map = map_ / f"p{processen}w{workers}u{users}"
        run_map.mkdir()
        with omgeving.gestart(
            env, servers=1, processen_per_server=processen, workers=workers, logmap=run_map
        ) as lopend:
            cpu_voor = cpu_tijden()
            statistiek = locust_draaien(
                adressen=lopend.adressen,
                gegevens=gegevens,
                users=users,
                spawn=args.spawn_rate,
                duur=args.duur,
                map_=run_map,
                wachttijd=args.wachttijd,
            )
            bezig, vrij, gestolen = cpu_verdeling(cpu_voor, cpu_tijden())
        cpuregels.append(f"| {configuratie} | {bezig:.0f} % | {vrij:.0f} % | {gestolen:.1f} % |")
        nieuw = rijen(configuratie, statistiek)
        totaal[configuratie] = next(float(r["Requests/s"]) for r in statistiek if r["Name"] == "Aggregated")
        regels += nieuw
        gehaald = doelen(configuratie, statistiek)
        doelregels += gehaald
        print("\n".join([*nieuw, *gehaald, cpuregels[-1]]), flush=True)
    basis = next(iter(totaal.values()), 0.0)
    regels += ["", "| app processes × workers | req/s (all) | relative to the first |", "|---|---|---|"]
    regels += [f"| {c} | {rps:.1f} | {rps / basis if basis else 0:.2f} |" for c, rps in totaal.items()]
    regels += ["", *doelregels, "", *cpuregels]
    tekst = "\n".join(regels) + "\n"
    print("\n" + tekst)
    (map_ / "uitslag.json").write_text(json.dumps(totaal), encoding="utf-8")
    if args.uit:
        args.uit.write_text(tekst, encoding="utf-8")
    print(f"logs and CSV files: {map_}")


if __name__ == "__main__":
    main()
