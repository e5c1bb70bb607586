"""The work queue and "Mijn zaken" at a million cases, at 1 and 16 concurrent clients; intake throughput.

    DATABASE_URL=postgres://postgres@127.0.0.1/raadhuis_bench_dv .venv/bin/python bench/dienstverlening.py

Needs an empty PostgreSQL database (it migrates it). Loads the demo catalogue through the services,
then writes 1,000,000 cases with one INSERT … SELECT over generate_series (a year of requests, about
8 % still open, spread over the products, channels, teams and 12 behandelaars) plus 50 cases of one
resident, and ANALYZEs. Pages go through django.test.Client in separate processes (16 processes for
16 clients, each with its own database connection), so the figures are server time per request
including the rendering; each process logs in once. Then creates cases through
services.zaken.zaak_aanmaken (number, status, role, logboek entry, e-mail prepared and its task
enqueued) in 1 and 4 processes and reports cases per second. Prints Markdown rows for
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadhuis.settings")
os.environ.setdefault("RAADHUIS_HTTPS", "false")
os.environ.setdefault("RAADHUIS_STATIC_MANIFEST", "false")
os.environ.setdefault("RAADHUIS_ALLOWED_HOSTS", "testserver")
for _groep in ("INLOGGEN", "FORMULIEREN", "ZOEKEN", "API"):
    os.environ.setdefault(f"RAADHUIS_LIMIET_{_groep}", "100000000/m")

BEWONER_BSN = "999993653"
# The intake's cases go to another resident, so a second run still measures "Mijn zaken" with 50.
INTAKE_BSN = "999990020"
BEHANDELAARS = 12


def opzetten(aantal: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from raadhuis.accounts.models import Rol
    from raadhuis.core.services import organisatie_inrichten
    from raadhuis.dienstverlening.demo_catalogus import PRODUCTEN
    from raadhuis.dienstverlening.tests import factories

    organisatie_inrichten(tooi_code="gm1926")
    for definitie in PRODUCTEN:
        factories.product(definitie.slug)
    for n in range(BEHANDELAARS):
        factories.medewerker(Rol.BEHANDELAAR, Rol.KCC_MEDEWERKER, username=f"behandelaar{n}")
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(GENEREREN, {"aantal": aantal, "bsn": "", "vanaf": 0})
        cursor.execute(GENEREREN, {"aantal": 50, "bsn": BEWONER_BSN, "vanaf": aantal})
        # The per-year sequence continues after the generated numbers, as zaak_aanmaken expects.
        cursor.execute(
            "INSERT INTO dienstverlening_zaaknummerreeks (jaar, laatste) "
            "SELECT jaar, max(volgnummer) FROM dienstverlening_zaak GROUP BY jaar "
            "ON CONFLICT (jaar) DO UPDATE SET laatste = EXCLUDED.laatste"
        )
        cursor.execute("ANALYZE")
    print(f"{aantal + 50:,} zaken geschreven in {time.perf_counter() - start:.0f} s", flush=True)


# One row per case. Products, statuses and behandelaars are picked by index from arrays built from
# the catalogue; a case older than its planned date is closed in 92 % of cases (end status + result).
GENEREREN = """
WITH soort AS (
    SELECT row_number() OVER (ORDER BY p.id) - 1 AS nr, p.id AS product_id, p.zaaktype_id, zt.team_id,
           zt.vertrouwelijkheid,
           (SELECT id FROM dienstverlening_statustype s WHERE s.zaaktype_id = zt.id
            ORDER BY volgnummer LIMIT 1)
               AS eerste,
           (SELECT id FROM dienstverlening_statustype s WHERE s.zaaktype_id = zt.id AND is_eindstatus)
               AS eind,
           (SELECT min(id) FROM dienstverlening_resultaattype r WHERE r.zaaktype_id = zt.id) AS resultaat,
           p.naam
    FROM dienstverlening_product p JOIN dienstverlening_zaaktype zt ON zt.id = p.zaaktype_id
),
aantal_soorten AS (SELECT count(*) AS n FROM soort),
behandelaar AS (
    SELECT row_number() OVER (ORDER BY m.id) - 1 AS nr, m.id
    FROM accounts_medewerker m
    JOIN accounts_roltoekenning r ON r.medewerker_id = m.id AND r.rol = 'behandelaar'
),
aantal_behandelaars AS (SELECT count(*) AS n FROM behandelaar),
rij AS (
    SELECT g, (current_date - ((g * 7919) %% 365)::int) AS dag,
           (g * 31) %% (SELECT n FROM aantal_soorten) AS soort_nr,
           ((g * 13) %% 100)::int AS kans
    FROM generate_series((%(vanaf)s + 1)::bigint, (%(vanaf)s + %(aantal)s)::bigint) AS g
)
INSERT INTO dienstverlening_zaak (
    identificatie, jaar, volgnummer, zaaktype_id, product_id, omschrijving, toelichting, registratiedatum,
    startdatum, einddatum_gepland, uiterlijke_einddatum_afdoening, einddatum, kanaal, vertrouwelijkheid,
    statustype_id, status_gezet_op, resultaattype_id, team_id, behandelaar_id, initiator_bsn, initiator_kvk,
    statuspad, gegevens, taal, aangemaakt_op
)
SELECT 'BENCH-' || rij.g, extract(year FROM rij.dag), rij.g, soort.zaaktype_id, soort.product_id,
       soort.naam, '',
       rij.dag, rij.dag, rij.dag + 7, rij.dag + 56,
       CASE WHEN rij.dag + 7 < current_date AND rij.kans < 92 THEN rij.dag + (rij.kans %% 9) END,
       (ARRAY['digitaal', 'digitaal', 'digitaal', 'balie', 'telefoon', 'schriftelijk'])
           [(1 + rij.g %% 6)::int],
       soort.vertrouwelijkheid,
       CASE WHEN rij.dag + 7 < current_date AND rij.kans < 92 THEN soort.eind ELSE soort.eerste END,
       now(),
       CASE WHEN rij.dag + 7 < current_date AND rij.kans < 92 THEN soort.resultaat END,
       soort.team_id,
       CASE WHEN rij.kans %% 3 > 0 THEN (SELECT id FROM behandelaar
            WHERE behandelaar.nr = rij.g %% (SELECT n FROM aantal_behandelaars)) END,
       CASE WHEN %(bsn)s <> '' THEN %(bsn)s ELSE lpad((100000000 + rij.g %% 300000)::text, 9, '0') END,
       '', '', '{}'::jsonb, 'nl', now()
FROM rij JOIN soort ON soort.nr = rij.soort_nr
"""


def _client(rol: str) -> Any:
    from raadhuis.accounts.models import Medewerker
    from raadhuis.accounts.tests.hulp import TweestapClient
    from raadhuis.core.identiteit import identiteit_opslaan
    from raadhuis.dienstverlening.tests.factories import inwoner

    client = TweestapClient()
    if rol == "inwoner":
        sessie = client.session
        identiteit_opslaan(sessie, inwoner(BEWONER_BSN))
        sessie.save()
    else:
        client.force_login(Medewerker.objects.get(username="behandelaar0"))
    return client


_start: Any = None


def _klaarzetten(start: Any) -> None:
    global _start
    _start = start


def _meten(taak: tuple[str, str, int]) -> list[float]:
    """One client process: log in and warm up, wait until every client is ready (so start-up of one
    does not slow the measured requests of another), then time `herhalingen` requests."""
    import django

    django.setup()
    from raadhuis.productie.geheugen import na_het_laden

    na_het_laden()  # as raadhuis.wsgi does in every app server process
    url, rol, herhalingen = taak
    client = _client(rol)
    antwoord = client.get(url)
    assert antwoord.status_code == 200, (url, antwoord.status_code)
    _start.wait()
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        antwoord = client.get(url)
        tijden.append((time.perf_counter() - begin) * 1000)
        assert antwoord.status_code == 200
    return tijden


def _percentiel(tijden: list[float], p: float) -> float:
    return statistics.quantiles(tijden, n=100, method="inclusive")[int(p) - 1]


def meten(naam: str, url: str, rol: str, *, clients: int, herhalingen: int) -> str:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(clients)
    with context.Pool(clients, initializer=_klaarzetten, initargs=(start,)) as pool:
        tijden = [t for deel in pool.map(_meten, [(url, rol, herhalingen)] * clients) for t in deel]
    return (
        f"| {naam}, {clients} client{'s' if clients > 1 else ''} | 1,000,050 cases | "
        f"p50 {_percentiel(tijden, 50):.0f} ms, p95 {_percentiel(tijden, 95):.0f} ms "
        f"({len(tijden)} requests) | "
        f"`bench/dienstverlening.py` | {time.strftime('%Y-%m-%d')} |"
    )


def _aanmaken(taak: tuple[int, int]) -> tuple[int, float, float]:
    """One intake process: set up, wait for the others, then create `aantal` cases; returns the
    count and the wall-clock start and end, so process start-up is not counted."""
    import django

    django.setup()
    from raadhuis.accounts.models import Medewerker
    from raadhuis.dienstverlening.models import Kanaal, Product
    from raadhuis.dienstverlening.services import zaken

    aantal, deel = taak
    door = Medewerker.objects.get(username=f"behandelaar{deel}")
    product = Product.objects.select_related("zaaktype").get(slug="vraag-stellen")
    assert product.zaaktype is not None

    def aanmaken(n: int) -> None:
        zaken.zaak_aanmaken(
            zaaktype=product.zaaktype,
            product=product,
            omschrijving="Vraag over afvalinzameling",
            kanaal=Kanaal.TELEFOON,
            initiator=zaken.Initiator(
                bsn=INTAKE_BSN, naam="J. Jansen", emailadres=f"bench{deel}.{n}@example.org"
            ),
            door=door,
        )

    # A process's first case loads the mail templates, the translations and the task backend
    # (about 1.8 s here): an app server does that once, so it is done before the clock starts.
    aanmaken(-1)
    _start.wait()
    begin = time.time()
    for n in range(aantal):
        aanmaken(n)
    return aantal, begin, time.time()


def intake(processen: int, per_proces: int) -> str:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(processen)
    with context.Pool(processen, initializer=_klaarzetten, initargs=(start,)) as pool:
        uitkomsten = pool.map(_aanmaken, [(per_proces, deel) for deel in range(processen)])
    totaal = sum(aantal for aantal, _begin, _eind in uitkomsten)
    duur = max(eind for *_rest, eind in uitkomsten) - min(begin for _aantal, begin, _eind in uitkomsten)
    return (
        f"| intake `zaak_aanmaken` with its notification task, {processen} "
        f"process{'es' if processen > 1 else ''}"
        f" | 1,000,050 cases | {totaal / duur:.0f} cases/s ({totaal} in {duur:.1f} s) | "
        f"`bench/dienstverlening.py` | {time.strftime('%Y-%m-%d')} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zaken", type=int, default=1_000_000)
    parser.add_argument("--herhalingen", type=int, default=40)
    parser.add_argument("--zonder-opbouw", action="store_true", help="the database holds the cases already")
    parser.add_argument("--alleen-intake", action="store_true", help="measure the intake only")
    argumenten = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Zet DATABASE_URL op een lege PostgreSQL-database.")
    if not argumenten.zonder_opbouw:
        opzetten(argumenten.zaken)
    import django

    django.setup()
    from raadhuis.dienstverlening.models import Product

    product = Product.objects.get(slug="paspoort")
    pagina_s = [
        (
            "work queue, first page `/werkplek/dienstverlening/zaken/`",
            "/werkplek/dienstverlening/zaken/",
            "medewerker",
        ),
        (
            "work queue, filtered (product, channel, overdue)",
            f"/werkplek/dienstverlening/zaken/?product={product.pk}&kanaal=balie&termijn=te_laat",
            "medewerker",
        ),
        ("Mijn zaken `/mijn-zaken/`, resident with 50 cases", "/mijn-zaken/", "inwoner"),
        ("API `/api/v1/mijn-zaken`, resident with 50 cases", "/api/v1/mijn-zaken", "inwoner"),
    ]
    rijen = []
    for naam, url, rol in [] if argumenten.alleen_intake else pagina_s:
        for clients in (1, 16):
            # Every client makes as many requests as the one does: with a few each, the burst of
            # sixteen first requests after the barrier was most of the p95.
            rij = meten(naam, url, rol, clients=clients, herhalingen=argumenten.herhalingen)
            print(rij, flush=True)
            rijen.append(rij)
    for processen in (1, 2, 4):
        rij = intake(processen, 250)
        print(rij, flush=True)
        rijen.append(rij)


if __name__ == "__main__":
    main()
