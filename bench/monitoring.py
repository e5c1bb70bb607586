"""The monitoring dashboard and the process map over a year, on PostgreSQL at 1M status changes
and on SQLite with the demo year (issue 8).

    DATABASE_URL=postgres://postgres@127.0.0.1/raadhuis_bench_monitoring .venv/bin/python bench/monitoring.py
    DATABASE_URL=sqlite:///var/bench_monitoring.sqlite3 .venv/bin/python bench/monitoring.py --zaken 3000

Needs an empty database (it migrates it), or one it built before with `--zonder-opbouw`. Loads the
demo catalogue and appointments through the services (demo.laden with no generated cases), then
writes `--zaken` cases with demo_zaken.zaken_genereren (300,000 give about a million status
changes: each case walks its statuses on the working clock, with the deliberate bottleneck and
rework) and twice as many contacts with callbacks, the surveys after closed cases and a year of
desk appointments with demo_klantcontacten.genereren, timing each, and ANALYZEs. Then times, warm
(median and maximum of `--herhalingen` runs after one warm-up), the selectors
`monitoring.dashboard` and `procesanalyse.procesanalyse` (zaaktype verhuizing) and
`procesanalyse.knelpunten_overzicht` over the last 365 days, and the two pages through
django.test.Client logged in as a controller, with their query counts. Prints the top finding of
the process analysis and Markdown rows for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadhuis.settings")
os.environ.setdefault("RAADHUIS_HTTPS", "false")
os.environ.setdefault("RAADHUIS_STATIC_MANIFEST", "false")
os.environ.setdefault("RAADHUIS_ALLOWED_HOSTS", "testserver")
for _groep in ("INLOGGEN", "FORMULIEREN", "ZOEKEN", "API"):
    os.environ.setdefault(f"RAADHUIS_LIMIET_{_groep}", "100000000/m")

BEHANDELAARS = 12
KCC = 6
CONTROLLER = "controller0"


def opbouwen(zaken: int) -> list[str]:
    """Builds the data; returns lines describing what was written and how long it took."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.core.management.base import OutputWrapper
    from django.db import connection

    from raadhuis.accounts.models import Rol
    from raadhuis.accounts.selectors import medewerkers_met_rol
    from raadhuis.core.services import organisatie_inrichten
    from raadhuis.dienstverlening import demo, demo_klantcontacten, demo_zaken
    from raadhuis.dienstverlening.models import (
        Afspraak,
        Klantcontact,
        Reactie,
        Terugbelverzoek,
        Uitnodiging,
        Zaakstatus,
    )
    from raadhuis.dienstverlening.tests import factories

    regels = []
    call_command("migrate", verbosity=0)
    organisatie_inrichten(tooi_code="gm1926")
    factories.medewerker(Rol.BEHEERDER, username="beheerder0")
    for n in range(BEHANDELAARS):
        factories.medewerker(Rol.BEHANDELAAR, username=f"behandelaar{n}")
    for n in range(KCC):
        factories.medewerker(Rol.KCC_MEDEWERKER, username=f"kcc{n}")
    factories.medewerker(Rol.CONTROLLER, username=CONTROLLER)
    # The catalogue, teams and appointment set-up through the services; no generated cases yet.
    settings.RAADHUIS_DEMO_ZAKEN = 0
    start = time.perf_counter()
    demo.laden(OutputWrapper(io.StringIO()))
    regels.append(f"catalogus en afspraken via de services: {time.perf_counter() - start:.0f} s")

    start = time.perf_counter()
    aantal = demo_zaken.zaken_genereren(
        zaken,
        behandelaars=list(medewerkers_met_rol(Rol.BEHANDELAAR)),
        zaken_per_bsn={"999993653": 12},
        voortgang=True,
    )
    duur = time.perf_counter() - start
    statussen = Zaakstatus.objects.count()
    regels.append(f"{aantal:,} zaken met {statussen:,} statuswijzigingen: {duur:.0f} s")

    start = time.perf_counter()
    opbouw = demo_klantcontacten.genereren(
        2 * zaken, kcc=list(medewerkers_met_rol(Rol.KCC_MEDEWERKER)), voortgang=True
    )
    duur = time.perf_counter() - start
    regels.append(
        f"{opbouw.klantcontacten:,} klantcontacten, {opbouw.terugbelverzoeken:,} terugbelverzoeken, "
        f"{opbouw.uitnodigingen:,} KTO-uitnodigingen, {opbouw.reacties:,} reacties, "
        f"{opbouw.afspraken:,} afspraken: {duur:.0f} s"
    )
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    regels.append(f"ANALYZE: {time.perf_counter() - start:.0f} s")
    regels.append(
        "totaal in de database: "
        f"{Zaakstatus.objects.count():,} statuswijzigingen, {Klantcontact.objects.count():,} klantcontacten, "
        f"{Terugbelverzoek.objects.count():,} terugbelverzoeken, {Uitnodiging.objects.count():,} "
        f"uitnodigingen, {Reactie.objects.count():,} reacties, {Afspraak.objects.count():,} afspraken"
    )
    return regels


class _Teller:
    """Counts the queries on the connection (an execute wrapper survives reconnects, unlike the
    debug cursor's log)."""

    def __init__(self) -> None:
        self.aantal = 0

    def __call__(
        self, execute: Callable[..., object], sql: str, params: object, many: bool, context: object
    ) -> object:
        self.aantal += 1
        return execute(sql, params, many, context)


def _tijden(functie: Callable[[], object], herhalingen: int) -> tuple[float, float]:
    functie()  # warm-up
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - begin) * 1000)
    return statistics.median(tijden), max(tijden)


def meten(herhalingen: int) -> tuple[list[str], list[str]]:
    """Prints and returns (Markdown rows, notes); a page that does not answer 200 is noted, not timed."""
    import django

    django.setup()
    from django.db import connection
    from django.urls import reverse

    from raadhuis.accounts.models import Medewerker
    from raadhuis.accounts.tests.hulp import TweestapClient
    from raadhuis.dienstverlening.models import Zaak, Zaakstatus, Zaaktype
    from raadhuis.dienstverlening.periode import Periode
    from raadhuis.dienstverlening.selectors import monitoring, procesanalyse

    motor = connection.vendor
    zaken = Zaak.objects.count()
    statussen = Zaakstatus.objects.count()
    schaal = f"{zaken:,} cases, {statussen:,} status changes"
    datum = time.strftime("%Y-%m-%d")
    opdracht = "`bench/monitoring.py`"
    periode = Periode.laatste_dagen(365)
    verhuizing = Zaaktype.objects.get(identificatie="verhuizing")
    rijen = []
    notities = []

    metingen: list[tuple[str, Callable[[], object]]] = [
        ("`monitoring.dashboard`, last 365 days", lambda: monitoring.dashboard(periode=periode)),
        (
            "`procesanalyse.procesanalyse`, zaaktype verhuizing, last 365 days",
            lambda: procesanalyse.procesanalyse(zaaktype=verhuizing, periode=periode),
        ),
        (
            "`procesanalyse.knelpunten_overzicht`, all zaaktypen, last 365 days",
            lambda: procesanalyse.knelpunten_overzicht(periode=periode),
        ),
    ]
    for naam, functie in metingen:
        mediaan, hoogste = _tijden(functie, herhalingen)
        rij = (
            f"| {naam}, {motor} | {schaal} | median {mediaan:.0f} ms, max {hoogste:.0f} ms "
            f"({herhalingen} runs) | {opdracht} | {datum} |"
        )
        print(rij, flush=True)
        rijen.append(rij)

    analyse = procesanalyse.procesanalyse(zaaktype=verhuizing, periode=periode)
    if analyse.knelpunten:
        top = analyse.knelpunten[0]
        notities.append(
            f"top finding ({motor}): {top.zaaktype} / {top.statustype}: {top.vertrokken} cases, "
            f"median {top.mediaan_uren} h against a norm of {top.norm_uren:.0f} h, "
            f"{top.overschrijding_uren:,.0f} hours above the norm"
        )
    overzicht = procesanalyse.knelpunten_overzicht(periode=periode)
    notities.append(
        f"knelpunten_overzicht ({motor}): "
        + "; ".join(f"{k.zaaktype} / {k.statustype} {k.overschrijding_uren:,.0f} h" for k in overzicht[:3])
    )
    for notitie in notities:
        print(notitie, flush=True)

    # A page that fails answers 500 here instead of raising: the pages are built alongside.
    client = TweestapClient(raise_request_exception=False)
    client.force_login(Medewerker.objects.get(username=CONTROLLER))
    pagina_s = [
        (
            "monitoring page `/werkplek/dienstverlening/monitoring/` (default: last 90 days)",
            reverse("dienstverlening:monitoring"),
        ),
        (
            "monitoring page `/werkplek/dienstverlening/monitoring/?soort=365`",
            reverse("dienstverlening:monitoring") + "?soort=365",
        ),
        (
            "process map page `/werkplek/dienstverlening/procesanalyse/verhuizing/` (default: last 365 days)",
            reverse("dienstverlening:procesanalyse_zaaktype", args=[verhuizing.identificatie]),
        ),
    ]
    for naam, url in pagina_s:
        teller = _Teller()
        with connection.execute_wrapper(teller):
            antwoord = client.get(url)
        if antwoord.status_code != 200:
            notities.append(f"{naam}: not measured, the page answers {antwoord.status_code}")
            print(notities[-1], flush=True)
            continue
        grootte = len(antwoord.content) // 1024

        def ophalen(url: str = url) -> None:
            assert client.get(url).status_code == 200

        mediaan, hoogste = _tijden(ophalen, herhalingen)
        rij = (
            f"| {naam}, controller, {motor} | {schaal} | median {mediaan:.0f} ms, max {hoogste:.0f} ms "
            f"({herhalingen} requests); {teller.aantal} queries; {grootte} KiB | {opdracht} | {datum} |"
        )
        print(rij, flush=True)
        rijen.append(rij)
    return rijen, notities


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--zaken", type=int, default=300_000)
    parser.add_argument("--herhalingen", type=int, default=7)
    parser.add_argument("--zonder-opbouw", action="store_true", help="the database holds the data already")
    argumenten = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Zet DATABASE_URL op een lege database (PostgreSQL of een SQLite-bestand).")
    print(
        f"machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}", flush=True
    )
    if not argumenten.zonder_opbouw:
        for regel in opbouwen(argumenten.zaken):
            print(regel, flush=True)
    meten(argumenten.herhalingen)


if __name__ == "__main__":
    main()
