"""One page's own cost on a load-test database: in-process (Django's test client, no HTTP server,
no other load), warm, its queries and its size; with --profiel the top of a cProfile too.

    .venv/bin/python bench/load/pagina.py --database last_groot /bestuur/vergaderingen/150/
    .venv/bin/python bench/load/pagina.py --database last_groot "/openbaarheid/zoeken/?q=vergunning"
    .venv/bin/python bench/load/pagina.py --database last_groot --medewerker belasting-0 \
        "/werkplek/dienstverlening/zaken/?behandelaar=ik"

Where the load test (run.py) shows a slow page under the mix, this says whether the page itself is
slow (and in what: queries, rendering) or waits behind the others.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path[:0] = [str(HIER), str(HIER.parents[1] / "src")]

import omgeving  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--keer", type=int, default=10, help="timed requests after one warm-up")
    parser.add_argument("--profiel", action="store_true", help="print the top of a cProfile")
    parser.add_argument(
        "--sorteren",
        choices=["cumulative", "tottime"],
        default="cumulative",
        help="the profile by time including callees (default) or by time in the function itself",
    )
    parser.add_argument("--regels", type=int, default=40, help="lines of the profile")
    parser.add_argument(
        "--medewerker",
        help="logged in as this employee (e.g. belasting-0 of gegevens.py), second factor done",
    )
    parser.add_argument("pad", help="the page, with its query string")
    args = parser.parse_args()
    os.environ.update(omgeving.omgeving(args.database))

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if args.medewerker:
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from raadhuis.accounts.models import Medewerker

        # As after the password and the authenticator code (the Werkplek asks for both).
        medewerker = Medewerker.objects.get(username=args.medewerker)
        client.force_login(medewerker)
        sessie = client.session
        sessie[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=medewerker).persistent_id
        sessie.save()
    client.get(args.pad)
    tijden = []
    for _ in range(args.keer):
        begin = time.perf_counter()
        antwoord = client.get(args.pad)
        tijden.append((time.perf_counter() - begin) * 1000)
    with CaptureQueriesContext(connection) as vragen:
        antwoord = client.get(args.pad)
    database_ms = sum(float(v["time"]) for v in vragen.captured_queries) * 1000
    print(
        f"{args.pad}: {antwoord.status_code}, median {statistics.median(tijden):.0f} ms "
        f"(min {min(tijden):.0f}), {len(vragen.captured_queries)} queries ({database_ms:.0f} ms), "
        f"{len(antwoord.content):,} bytes"
    )
    if args.profiel:
        profiel = cProfile.Profile()
        profiel.enable()
        client.get(args.pad)
        profiel.disable()
        uit = io.StringIO()
        pstats.Stats(profiel, stream=uit).sort_stats(args.sorteren).print_stats(args.regels)
        print(uit.getvalue())


if __name__ == "__main__":
    main()
