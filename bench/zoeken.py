"""Search speed of core.zoeken (Tantivy) at the scale of issue 10, with the public portal's query
shape: every search asks the facet counts too.

    DATABASE_URL=postgres://postgres@127.0.0.1/raadhuis_bench_zoek \
        .venv/bin/python bench/zoeken.py --documenten 1000000
    DATABASE_URL=sqlite:////tmp/bench/zoeken.sqlite3 .venv/bin/python bench/zoeken.py --documenten 200000

Builds N search documents shaped like published Woo documents (title, ~180 words of text drawn
from a Zipf-distributed vocabulary of 20,000 words, plus domain words at known document
frequencies; five facets), straight into the database in batches, then fills the index through
the production path (`index_herbouwen` + `index_bijwerken`: stemming, outbox, Tantivy commits) and
reports its throughput. Then it times `core.zoeken.zoeken` (index query, the page's rows from the
database, snippets) for frequent, medium and rare words, two words, a phrase, browsing without
words, and a filtered frequent word, at 1 and 16 concurrent clients (separate processes, started
together), first with every search counting its facets, then with the per-process facet cache.
Prints Markdown rows for docs/benchmarks.md. `--zonder-opbouw` measures again
(`--indexeren` rebuilds only the index).
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadhuis.settings")

SOORT = "bench.publicatie"
VANDAAG = dt.datetime.now(dt.UTC).date()
PER_KEER = 5000
# Domain words and the share of documents that hold them: from a word in most documents to one
# in one document of two thousand.
DOMEINWOORDEN = {
    "gemeente": 0.80,
    "college": 0.40,
    "subsidie": 0.08,
    "sportvereniging": 0.02,
    "kinderboerderij": 0.0005,
}
ZIN = "openbare verlichting"
ZIN_AANDEEL = 0.01
CATEGORIEEN = [f"c_cat{n:02d}" for n in range(18)]
DOCUMENTSOORTEN = [f"c_soort{n:02d}" for n in range(40)]
ORGANISATIES = ["gm1926"] * 8 + ["so0830", "ws0655"]
THEMAS = [f"c_thema{n:03d}" for n in range(100)]
LETTERGREPEN = [
    "ka",
    "ver",
    "ing",
    "be",
    "stel",
    "lo",
    "ra",
    "ge",
    "men",
    "te",
    "plan",
    "dor",
    "wijk",
    "zo",
    "ne",
]

VRAGEN: list[tuple[str, dict[str, Any]]] = [
    ("frequent word 'gemeente' (80% of documents)", {"vraag": "gemeente"}),
    ("medium word 'subsidie' (8%)", {"vraag": "subsidie"}),
    ("rare word 'kinderboerderij' (0.05%)", {"vraag": "kinderboerderij"}),
    ("two words 'subsidie sportvereniging'", {"vraag": "subsidie sportvereniging"}),
    ("phrase '\"openbare verlichting\"' (1%)", {"vraag": '"openbare verlichting"'}),
    ("no words, newest first (the portal's first page)", {"vraag": "", "sortering": "nieuwste"}),
    (
        "frequent word + category and year filters",
        {"vraag": "gemeente", "filters": {"categorie": ["c_cat03"], "jaar": ["2024"]}},
    ),
]


def _woordenschat(kans: random.Random) -> list[str]:
    woorden: set[str] = set()
    while len(woorden) < 20_000:
        woorden.add(
            "".join(kans.choice(LETTERGREPEN) for _ in range(kans.randint(2, 4))) + kans.choice("ntsrk")
        )
    return sorted(woorden - set(DOMEINWOORDEN))


def _alineas(kans: random.Random, aantal: int) -> list[str]:
    import numpy

    woorden = _woordenschat(kans)
    generator = numpy.random.default_rng(kans.randrange(2**32))
    rangen = numpy.minimum(generator.zipf(1.2, size=aantal * 60), len(woorden)) - 1
    return [" ".join(woorden[r] for r in rangen[i * 60 : (i + 1) * 60]) for i in range(aantal)]


def _document(kans: random.Random, nummer: int, alineas: list[str]) -> dict[str, Any]:
    extra = [woord for woord, aandeel in DOMEINWOORDEN.items() if kans.random() < aandeel]
    if kans.random() < ZIN_AANDEEL:
        extra.append(ZIN)
    tekst = " ".join([*kans.sample(alineas, 3), *extra]).capitalize() + "."
    datum = dt.date(2016, 1, 1) + dt.timedelta(days=kans.randrange(11 * 365))
    return {
        "soort": SOORT,
        "sleutel": str(nummer),
        "titel": f"Publicatie {nummer} {' '.join(kans.sample(extra, min(len(extra), 2)))}".strip(),
        "tekst": tekst,
        "url": f"/openbaarheid/publicaties/{nummer}/",
        "openbaar": True,
        "datum": datum,
        "kenmerken": {
            "categorie": [kans.choice(CATEGORIEEN)],
            "documentsoort": [kans.choice(DOCUMENTSOORTEN)],
            "organisatie": [kans.choice(ORGANISATIES)],
            "jaar": [str(datum.year)],
            "thema": kans.sample(THEMAS, kans.randint(0, 3)),
        },
    }


def opbouwen(aantal: int) -> None:
    from django.core.management import call_command
    from django.db import connection, transaction

    from raadhuis.core.models import Zoekdocument

    call_command("migrate", verbosity=0)
    Zoekdocument.objects.filter(soort=SOORT).delete()
    kans = random.Random(1926)
    alineas = _alineas(kans, 20_000)
    begin = time.perf_counter()
    for start in range(0, aantal, PER_KEER):
        with transaction.atomic():
            Zoekdocument.objects.bulk_create(
                Zoekdocument(**_document(kans, n, alineas))
                for n in range(start, min(start + PER_KEER, aantal))
            )
    rijen = time.perf_counter() - begin
    print(f"{connection.vendor}: {aantal:,} rows written in {rijen:.0f} s")


def indexeren(aantal: int) -> None:
    """The whole index again through the production path, from an empty index and outbox."""
    from django.db import connection

    from raadhuis.core import zoeken
    from raadhuis.core.models import Zoekwijziging
    from raadhuis.core.zoeken import motor

    Zoekwijziging.objects.all().delete()
    with motor.schrijver() as schrijver:
        schrijver.alles_verwijderen()
    begin = time.perf_counter()
    zoeken.index_herbouwen()
    verwerkt = zoeken.index_bijwerken()
    duur = time.perf_counter() - begin
    print(
        f"| indexing (stemming, outbox, Tantivy commits of {PER_KEER:,}), {connection.vendor} "
        f"| {aantal:,} documents of ~180 words | {verwerkt / duur:,.0f} documents/s ({duur:.0f} s), "
        f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB "
        f"| `bench/zoeken.py --documenten {aantal}` | {VANDAAG} |"
    )


def _client(taak: tuple[int, int, Any, bool]) -> dict[str, list[float]]:
    nummer, rondes, start, koud = taak
    import django

    django.setup()
    from raadhuis.core import zoeken
    from raadhuis.core.zoeken import motor

    if koud:
        motor.CACHE_GROOTTE = 0  # every search counts its facets and searches its page again

    kans = random.Random(nummer)
    # Warm up: open the index, the connection, the stemmer.
    zoeken.zoeken(vraag="gemeente", soorten=(SOORT,), facetten=True)
    start.wait()
    tijden: dict[str, list[float]] = {naam: [] for naam, _ in VRAGEN}
    for _ in range(rondes):
        volgorde = list(VRAGEN)
        kans.shuffle(volgorde)
        for naam, vraag in volgorde:
            begin = time.perf_counter()
            zoeken.zoeken(soorten=(SOORT,), facetten=True, alles_bij_lege_vraag=True, **vraag)
            tijden[naam].append((time.perf_counter() - begin) * 1000)
    return tijden


def meten(clients: int, rondes: int, aantal: int, *, koud: bool) -> None:
    from django.db import connection

    context = multiprocessing.get_context("spawn")
    start = context.Manager().Barrier(clients)
    with context.Pool(clients) as pool:
        uitkomsten = pool.map(_client, [(n, rondes, start, koud) for n in range(clients)])
    cache = "facets counted every time" if koud else "facet cache on"
    for naam, _ in VRAGEN:
        tijden = sorted(t for uitkomst in uitkomsten for t in uitkomst[naam])
        p95 = tijden[min(len(tijden) - 1, int(len(tijden) * 0.95))]
        meervoud = "s" if clients > 1 else ""
        print(
            f"| search with facets ({cache}): {naam}, {clients} client{meervoud}, {connection.vendor} "
            f"| {aantal:,} documents | p50 {statistics.median(tijden):.1f} ms, p95 {p95:.1f} ms "
            f"({len(tijden)} searches) | `bench/zoeken.py --documenten {aantal}` | {VANDAAG} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documenten", type=int, default=1_000_000)
    parser.add_argument("--zonder-opbouw", action="store_true", help="keep the rows and the index")
    parser.add_argument("--indexeren", action="store_true", help="with --zonder-opbouw: rebuild the index")
    parser.add_argument("--rondes", type=int, default=20, help="rounds over every question per client")
    parser.add_argument("--clients", default="1,16")
    args = parser.parse_args()
    # The index beside the checkout's var/, never in it: a bench index is large and disposable.
    os.environ.setdefault(
        "RAADHUIS_ZOEKINDEX", str(Path(tempfile.gettempdir()) / f"bench-zoekindex-{args.documenten}")
    )

    import django

    django.setup()
    from django.db import connections

    from raadhuis.core.models import Zoekdocument

    if not args.zonder_opbouw:
        opbouwen(args.documenten)
    aantal = Zoekdocument.objects.filter(soort=SOORT).count()
    if not args.zonder_opbouw or args.indexeren:
        indexeren(aantal)
    connections.close_all()
    for koud in (True, False):
        for clients in (int(c) for c in args.clients.split(",") if c.strip()):
            meten(clients, max(1, args.rondes // max(1, clients // 4)), aantal, koud=koud)


if __name__ == "__main__":
    main()
