"""Search speed on both engines with generated Dutch council papers.

    DATABASE_URL=sqlite:////tmp/bench/zoeken.sqlite3 .venv/bin/python bench/zoeken.py --documenten 100000
    DATABASE_URL=postgres://postgres@127.0.0.1/raadhuis_bench .venv/bin/python bench/zoeken.py

Builds a fresh database (migrate), indexes N documents through core.zoeken.document_bijwerken in
batches, then times the top 20 for frequent, medium and rare terms and a two-word query (median of
repeated runs). Prints a Markdown row per query for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadhuis.settings")

WOORDEN = [
    "raad",
    "college",
    "motie",
    "amendement",
    "besluit",
    "vergadering",
    "begroting",
    "jaarrekening",
    "wethouder",
    "burgemeester",
    "fractie",
    "commissie",
    "agenda",
    "toezegging",
    "warmtenet",
    "woningbouw",
    "fietspad",
    "verkeer",
    "veiligheid",
    "jeugdzorg",
    "participatie",
    "duurzaamheid",
    "energie",
    "subsidie",
    "gemeente",
    "inwoners",
    "ondernemers",
    "dienstverlening",
    "bestemmingsplan",
    "omgevingsvisie",
    "sportpark",
    "bibliotheek",
    "cultuur",
    "onderwijs",
    "armoede",
    "schuldhulp",
    "parkeren",
    "groen",
    "bomen",
    "water",
    "riolering",
    "afval",
    "grondstoffen",
    "zonnepanelen",
    "isolatie",
    "wijkcentrum",
]
ZELDZAAM = ["kinderboerderij", "glasvezelaansluiting", "hondenbelasting", "carillon"]


def tekst(kans: random.Random, woorden: int) -> str:
    gekozen = [kans.choice(WOORDEN) for _ in range(woorden)]
    if kans.random() < 0.001:
        gekozen.append(kans.choice(ZELDZAAM))
    return " ".join(gekozen).capitalize() + "."


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documenten", type=int, default=100_000)
    parser.add_argument("--herhalingen", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from raadhuis.core import zoeken
    from raadhuis.core.models import Zoekdocument

    call_command("migrate", verbosity=0)
    Zoekdocument.objects.all().delete()
    kans = random.Random(1926)
    begin = time.perf_counter()
    for start in range(0, args.documenten, 1000):
        with transaction.atomic():
            for nummer in range(start, min(start + 1000, args.documenten)):
                zoeken.document_bijwerken(
                    soort="bench.stuk",
                    sleutel=str(nummer),
                    titel=tekst(kans, 6),
                    tekst=tekst(kans, 250),
                    url=f"/stuk/{nummer}/",
                    openbaar=True,
                )
    indexeren = time.perf_counter() - begin
    print(f"{connection.vendor}: indexed {args.documenten} documents in {indexeren:.0f} s")

    for vraag in ("motie", "warmtenet subsidie", "bestemmingsplan", "kinderboerderij", "onbekendwoord"):
        tijden = []
        for _ in range(args.herhalingen):
            begin = time.perf_counter()
            resultaten = zoeken.zoeken(vraag=vraag, aantal=20)
            tijden.append((time.perf_counter() - begin) * 1000)
        print(
            f"| search top 20 '{vraag}' ({resultaten.totaal} hits), {connection.vendor} "
            f"| {args.documenten:,} documents of ~250 words | median {statistics.median(tijden):.1f} ms, "
            f"max {max(tijden):.1f} ms | `bench/zoeken.py --documenten {args.documenten}` |"
        )


if __name__ == "__main__":
    main()
