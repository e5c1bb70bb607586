"""Generated data for the load tests (bench/load/): cases, published documents with their search
index and sitemaps, and years of council meetings, at a chosen scale.

    .venv/bin/python bench/load/gegevens.py --database last_klein --schaal klein
    .venv/bin/python bench/load/gegevens.py --database last_groot --schaal groot

Creates the PostgreSQL database (refuses one that exists, unless --opnieuw), migrates it, and
writes, timing each step:

- the organisation, the product catalogue with its zaaktypen and the appointment agenda (the
  demo's own loaders, without their generated cases);
- employees `belasting-<n>` (behandelaar and KCC) with one password and an authenticator app each
  (the password is written to <var>/belasting-accounts.json, the TOTP keys are in the database);
- cases with `demo_zaken.zaken_genereren` (statuses walked on the working clock, roles, most
  assigned to one of those employees), ten of them for each of the test residents;
- publications with `bench/publicatie.py`'s generator (COPY), a search document for every
  document of a published one (`publicatie.services.zoekvelden`, as publishing writes it), the
  Tantivy index filled through the production path, and the DiWoo sitemaps;
- a raad of 31 with council meetings, twice a month over the years, with agenda items, stukken,
  roll-call votes and decisions (`bench/besluitvorming.py`'s generator).

Server, worker and generator share one environment (`omgeving.py`): the var directory
var/belasting/<database>/ holds the index, the sitemaps, the mail files and the accounts file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import secrets
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HIER = Path(__file__).resolve().parent
sys.path[:0] = [str(HIER), str(HIER.parent), str(HIER.parents[1] / "src")]

ACCOUNTSBESTAND = "belasting-accounts.json"
GEBRUIKERSNAAM = "belasting-{}"
PER_KEER = 5000
# Words people type into a municipality's search box: single words, plurals, two words, a
# phrase; some match many documents, some few, one nothing.
ZOEKWOORDEN = [
    "vergunning",
    "vergunningen",
    "subsidie",
    "woningbouw",
    "verkeer",
    "fietspad",
    "begroting",
    "jeugdzorg",
    "energie",
    "duurzaamheid",
    "afval",
    "riolering",
    "bestemmingsplan",
    "omgevingsvisie",
    "bibliotheek",
    "armoede",
    "parkeren",
    "zonnepanelen",
    "wethouder",
    "raad besluit",
    "subsidie sportverenigingen",
    "woningbouw tuindersweg",
    '"openbare verlichting"',
    "klimaatadaptatie wateroverlast",
    "evenementenvergunning",
    "kinderboerderij",
]


@dataclass(frozen=True)
class Schaal:
    zaken: int
    publicaties: int
    jaren: int
    medewerkers: int
    inwoners: int


SCHALEN = {
    # The acceptance test (tests/schaal/): a few seconds.
    "ci": Schaal(zaken=300, publicaties=300, jaren=0, medewerkers=12, inwoners=10),
    "klein": Schaal(zaken=20_000, publicaties=20_000, jaren=1, medewerkers=100, inwoners=200),
    # Issue 12: 1M cases, 1M published documents, 10 years of council data.
    "groot": Schaal(zaken=1_000_000, publicaties=1_000_000, jaren=10, medewerkers=300, inwoners=2000),
}


def _stap(naam: str, uitvoer: Callable[[str], None]) -> Callable[[Callable[[], str]], None]:
    """Runs one generation step and reports what it wrote and how long it took."""

    def uitvoeren(stap: Callable[[], str]) -> None:
        begin = time.perf_counter()
        wat = stap()
        uitvoer(f"{naam}: {wat} in {time.perf_counter() - begin:,.1f} s")

    return uitvoeren


def inwoner_bsns(aantal: int) -> list[str]:
    """Valid (elfproef) generated BSNs of the residents who log in with DigiD and have cases."""
    from raadhuis.dienstverlening.demo_zaken import bsn_reeks

    reeks = bsn_reeks(90_000_000)
    return [next(reeks) for _ in range(aantal)]


def basis() -> str:
    """Organisation, catalogue and agenda through the demo's own loaders, without their cases."""
    import io

    from django.conf import settings
    from django.core.management.base import OutputWrapper

    from raadhuis.accounts.models import Rol
    from raadhuis.core import demo as core_demo
    from raadhuis.dienstverlening import demo as dienstverlening_demo
    from raadhuis.dienstverlening.tests import factories

    settings.RAADHUIS_DEMO_ZAKEN = 0
    settings.RAADHUIS_DEMO_CONTACTEN = 0
    uit = OutputWrapper(io.StringIO())
    core_demo.laden(uit)
    factories.medewerker(Rol.BEHEERDER, username="belasting-beheerder")
    factories.medewerker(Rol.KCC_MEDEWERKER, username="belasting-balie")
    dienstverlening_demo.laden(uit)
    return "organisation, catalogue, appointment agenda"


def medewerkers(aantal: int, accountsbestand: Path) -> str:
    """Behandelaars with one shared password (hashed once: hashing is meant to be slow) and an
    authenticator app each; rows in bulk, as the services would write them."""
    from django.contrib.auth.hashers import make_password
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from raadhuis.accounts.models import Medewerker, Rol, Roltoekenning

    wachtwoord = f"Belasting-{secrets.token_urlsafe(12)}"
    gehasht = make_password(wachtwoord)
    nieuw = Medewerker.objects.bulk_create(
        Medewerker(
            username=GEBRUIKERSNAAM.format(n),
            first_name="Bas",
            last_name=f"Belasting {n}",
            email=f"belasting-{n}@example.org",
            password=gehasht,
        )
        for n in range(aantal)
    )
    Roltoekenning.objects.bulk_create(
        Roltoekenning(medewerker=m, rol=rol) for m in nieuw for rol in (Rol.BEHANDELAAR, Rol.KCC_MEDEWERKER)
    )
    TOTPDevice.objects.bulk_create(
        TOTPDevice(user=m, name="Belastingtest", confirmed=True, key=secrets.token_hex(20)) for m in nieuw
    )
    accountsbestand.parent.mkdir(parents=True, exist_ok=True)
    accountsbestand.write_text(json.dumps({"wachtwoord": wachtwoord}), encoding="utf-8")
    accountsbestand.chmod(0o600)
    return f"{aantal} employees with an authenticator app"


def zaken(aantal: int, inwoners: int) -> str:
    from raadhuis.accounts.models import Medewerker
    from raadhuis.dienstverlening import demo_zaken

    behandelaars = list(
        Medewerker.objects.filter(username__startswith="belasting-").exclude(
            username__in=["belasting-beheerder", "belasting-balie"]
        )
    )
    geschreven = demo_zaken.zaken_genereren(
        aantal,
        behandelaars=behandelaars,
        zaken_per_bsn=dict.fromkeys(inwoner_bsns(inwoners), 10),
        voortgang=aantal >= 100_000,
    )
    return f"{geschreven:,} cases with their status history"


def publicaties(aantal: int) -> str:
    """The publication register, a search document per published document, the index, the
    sitemaps."""
    from django.db import transaction

    import publicatie as bench_publicatie
    from raadhuis.core import zoeken
    from raadhuis.core.models import Zoekdocument
    from raadhuis.publicatie import services, sitemaps
    from raadhuis.publicatie.models import Publicatie, Publicatiestatus

    begin = time.perf_counter()
    bench_publicatie.opbouwen(aantal, zaad=1926)
    register = time.perf_counter()
    gepubliceerd = Publicatie.objects.filter(status=Publicatiestatus.GEPUBLICEERD, bron="bench")
    laatste = 0
    documenten = 0
    while True:
        deel = list(
            gepubliceerd.filter(pk__gt=laatste)
            .order_by("pk")
            .prefetch_related("documenten", "handelingen")[: PER_KEER // 2]
        )
        if not deel:
            break
        with transaction.atomic():
            rijen = Zoekdocument.objects.bulk_create(
                Zoekdocument(**velden) for p in deel for velden in services.zoekvelden(p)
            )
        documenten += len(rijen)
        laatste = deel[-1].pk
    rijen_klaar = time.perf_counter()
    zoeken.index_herbouwen()
    zoeken.index_bijwerken()
    index_klaar = time.perf_counter()
    resultaat = sitemaps.sitemaps_genereren(alles=True)
    return (
        f"{aantal:,} publications (register {register - begin:,.0f} s), {documenten:,} search documents "
        f"({rijen_klaar - register:,.0f} s), Tantivy index ({index_klaar - rijen_klaar:,.0f} s), "
        f"{resultaat.urls:,} sitemap URLs ({time.perf_counter() - index_klaar:,.0f} s)"
    )


def _vergaderdagen(jaren: int) -> Iterator[tuple[dt.datetime, bool]]:
    """Twice a month on a Thursday evening, `jaren` back, and the next two months ahead (not yet
    held). With no years: one held and one coming."""
    from django.utils import timezone

    nu = timezone.now().replace(hour=19, minute=30, second=0, microsecond=0)
    if jaren == 0:
        yield nu - dt.timedelta(days=14), True
        yield nu + dt.timedelta(days=14), False
        return
    dag = nu - dt.timedelta(days=365 * jaren)
    while dag < nu + dt.timedelta(days=60):
        yield dag, dag < nu
        dag += dt.timedelta(days=14 if dag.day < 15 else 21)


def raad(jaren: int) -> str:
    from django.db import transaction

    import besluitvorming as bench_besluitvorming
    from raadhuis.besluitvorming.models import Stem, Stemming

    kans = random.Random(1926)
    with transaction.atomic():
        gemeenteraad = bench_besluitvorming.raad_bouwen()
    aantal = 0
    for begin, gehouden in _vergaderdagen(jaren):
        with transaction.atomic():
            bench_besluitvorming.vergadering_bouwen(
                gemeenteraad,
                titel=f"Raadsvergadering {begin:%d-%m-%Y}",
                begin=begin,
                punten=kans.randint(12, 30),
                stukken_per_punt=kans.randint(2, 5),
                kans=kans,
                gehouden=gehouden,
            )
        aantal += 1
    return f"{aantal} meetings, {Stemming.objects.count():,} votes, {Stem.objects.count():,} stemmen"


def opbouwen(schaal: Schaal, *, var: Path, uitvoer: Callable[[str], None] = print) -> None:
    """Writes all of it into the (migrated, empty) database Django is connected to."""
    from django.db import connection

    _stap("base", uitvoer)(basis)
    _stap("employees", uitvoer)(lambda: medewerkers(schaal.medewerkers, var / ACCOUNTSBESTAND))
    _stap("cases", uitvoer)(lambda: zaken(schaal.zaken, schaal.inwoners))
    _stap("publications", uitvoer)(lambda: publicaties(schaal.publicaties))
    _stap("council", uitvoer)(lambda: raad(schaal.jaren))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def manifest(var: Path) -> dict[str, Any]:
    """What the load users need to know of the data: accounts, residents, pages to visit."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from raadhuis.besluitvorming.models import Vergadering
    from raadhuis.dienstverlening.models import Product, Zaak

    wachtwoord = json.loads((var / ACCOUNTSBESTAND).read_text(encoding="utf-8"))["wachtwoord"]
    apparaten = TOTPDevice.objects.filter(user__username__startswith="belasting-", confirmed=True)
    bsns = list(
        Zaak.objects.filter(initiator_bsn__startswith="9").values_list("initiator_bsn", flat=True).distinct()
    )
    return {
        "medewerkers": [
            {"gebruikersnaam": a.user.username, "totp_sleutel": a.key}
            for a in apparaten.select_related("user").order_by("user__username")
        ],
        "wachtwoord": wachtwoord,
        "bsns": sorted(bsns),
        "producten": sorted(Product.objects.filter(actief=True).values_list("slug", flat=True)),
        "vergaderingen": list(
            Vergadering.objects.filter(agenda_gepubliceerd_op__isnull=False)
            .order_by("-begin")
            .values_list("pk", flat=True)[:500]
        ),
        "zoekwoorden": ZOEKWOORDEN,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--database", required=True, help="PostgreSQL database name (created)")
    parser.add_argument("--schaal", choices=sorted(SCHALEN), default="klein")
    parser.add_argument("--opnieuw", action="store_true", help="drop the database first if it exists")
    args = parser.parse_args()

    import omgeving

    omgeving.database_aanmaken(args.database, opnieuw=args.opnieuw)
    var = omgeving.var_map(args.database)
    os.environ.update(omgeving.omgeving(args.database))
    import django

    django.setup()
    from django.core.management import call_command

    begin = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - begin:,.1f} s", flush=True)
    opbouwen(SCHALEN[args.schaal], var=var, uitvoer=lambda regel: print(regel, flush=True))
    print(f"total: {time.perf_counter() - begin:,.0f} s for --schaal {args.schaal} into {args.database}")


if __name__ == "__main__":
    main()
