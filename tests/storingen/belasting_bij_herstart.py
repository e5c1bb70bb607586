"""Child process of test_database_herstart: sends public Woo requests from several threads for a
while (the parent restarts PostgreSQL meanwhile), then reports every answer and what the database
holds, as JSON on stdout. Run as a script with DATABASE_URL pointing at the database under test."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadhuis.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import OperationalError, close_old_connections, connections  # noqa: E402
from django.test import Client  # noqa: E402

NA_HERSTEL_SECONDEN = 3.0


def bezig(hersteld: str) -> bool:
    """Until the parent says the database is back (a file appears), and a few seconds after."""
    try:
        return time.time() < os.path.getmtime(hersteld) + NA_HERSTEL_SECONDEN
    except FileNotFoundError:
        return True


def versturen(draad: int, hersteld: str, antwoorden: list[dict[str, Any]]) -> None:
    client = Client(raise_request_exception=False)
    nummer = 0
    while bezig(hersteld):
        onderwerp = f"herstart-{draad}-{nummer}"
        # What the WSGI handler does around every request through request_started/finished, and the
        # test Client leaves out: a connection that broke (errors_occurred) or fails its health
        # check (CONN_HEALTH_CHECKS) is closed, so the next request connects afresh.
        close_old_connections()
        verzonden = time.time()
        antwoord = client.post(
            "/woo-verzoek/",
            {
                "onderwerp": onderwerp,
                "tijd": time.time(),
                "omschrijving": "Alle stukken over de herstart.",
                "emailadres": f"d{draad}@voorbeeld.nl",
            },
        )
        antwoorden.append(
            {
                "onderwerp": onderwerp,
                "verzonden": verzonden,
                "tijd": time.time(),
                "status": antwoord.status_code,
                "retry_after": antwoord.get("Retry-After", ""),
                "locatie": antwoord.get("Location", ""),
            }
        )
        close_old_connections()
        nummer += 1
        time.sleep(0.02)
    connections.close_all()


def database_weer_bereikbaar() -> None:
    for _ in range(300):
        try:
            connections["default"].ensure_connection()
            return
        except OperationalError:
            connections["default"].close()
            time.sleep(0.1)
    raise SystemExit("the database did not come back")


def main() -> None:
    hersteld, draden = sys.argv[1], int(sys.argv[2])
    antwoorden: list[dict[str, Any]] = []
    threads = [threading.Thread(target=versturen, args=(i, hersteld, antwoorden)) for i in range(draden)]
    print("begonnen", flush=True)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    database_weer_bereikbaar()
    from django_tasks_db.models import DBTaskResult

    from raadhuis.core.models import Logregel, Uitgaandetaak
    from raadhuis.woo.models import WooVerzoek
    from raadhuis.woo.services.verzoeken import woo_mail_versturen

    opgeslagen = list(WooVerzoek.objects.values_list("onderwerp", flat=True))
    mailtaken = DBTaskResult.objects.filter(task_path=woo_mail_versturen.module_path).count()
    uitgaand = Uitgaandetaak.objects.filter(taak=woo_mail_versturen.module_path).count()
    try:
        call_command("logboek_controleren", verbosity=0)
        keten = "heel"
    except BaseException as fout:  # SystemExit or CommandError: the chain is broken
        keten = f"gebroken: {fout}"
    print(
        json.dumps(
            {
                "antwoorden": antwoorden,
                "opgeslagen": opgeslagen,
                "logregels": Logregel.objects.filter(naam="woo-verzoek.registreren").count(),
                "mailtaken": mailtaken + uitgaand,
                "keten": keten,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
