"""Child process of test_streaming_replica.py: the platform with DATABASE_URL on a private primary
and RAADHUIS_DATABASE_REPLICA_URL on its streaming standby. Prints one JSON line with what an
anonymous visitor and a visitor who just posted see while the standby's replay is paused, and how
long the change took to appear on the standby after replay resumed."""

from __future__ import annotations

import json
import os
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadhuis.settings")
django.setup()

from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from raadhuis.publicatie.models import Publicatie, Publicatiestatus  # noqa: E402

TITEL = "Verordening op de standby"
EERDER = "Eerder gepubliceerd"


def publiceren(titel: str) -> None:
    Publicatie.objects.create(
        publisher="gm1926",
        officiele_titel=titel,
        status=Publicatiestatus.GEPUBLICEERD,
        gepubliceerd_op=timezone.now(),
    )


def zichtbaar(client: Client, titel: str = TITEL) -> bool:
    return titel in client.get("/openbaarheid/").content.decode()


def wachten_tot_zichtbaar(client: Client, titel: str) -> float:
    begin = time.monotonic()
    while not zichtbaar(client, titel) and time.monotonic() - begin < 20:
        time.sleep(0.05)
    return round(time.monotonic() - begin, 3)


def replay(actie: str) -> None:
    with connections["replica"].cursor() as cursor:
        cursor.execute(f"SELECT pg_wal_replay_{actie}()")


def main() -> None:
    bezoeker, schrijver = Client(), Client()
    # A first change replayed as usual (the standby then knows when it last replayed one).
    publiceren(EERDER)
    verslag: dict[str, object] = {"replay_eerder_seconden": wachten_tot_zichtbaar(bezoeker, EERDER)}
    replay("pause")
    publiceren(TITEL)
    time.sleep(0.5)  # received by the standby, not replayed
    verslag["gereed_gepauzeerd"] = bezoeker.get("/api/v1/gereed").json()
    verslag["bezoeker_gepauzeerd"] = zichtbaar(bezoeker)
    schrijver.post("/taal/", {"language": "nl"})
    verslag["schrijver_gepauzeerd"] = zichtbaar(schrijver)
    replay("resume")
    verslag["replay_seconden"] = wachten_tot_zichtbaar(bezoeker, TITEL)
    verslag["bezoeker_na_replay"] = zichtbaar(bezoeker)
    verslag["gereed_na_replay"] = bezoeker.get("/api/v1/gereed").json()
    print(json.dumps(verslag))


if __name__ == "__main__":
    main()
