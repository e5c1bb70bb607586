"""Tasks for the tests of core.taken; each leaves a line in a file, visible across processes."""

from __future__ import annotations

import time
from pathlib import Path

from django_tasks import task


def regel_toevoegen(pad: str, regel: str) -> None:
    # A file rather than a row: a worker in another process (and an RQ work horse, which may not
    # touch the test database) shows what it did without sharing the test's connection.
    with Path(pad).open("a", encoding="utf-8") as bestand:
        bestand.write(f"{regel}\n")


@task()
def markering_schrijven(*, pad: str, inhoud: str) -> str:
    regel_toevoegen(pad, inhoud)
    return inhoud


@task()
def traag_markering_schrijven(*, pad: str, seconden: float) -> str:
    """Notes its start, works a while, then notes its end: a kill in between leaves only a start."""
    regel_toevoegen(f"{pad}.begonnen", "begonnen")
    time.sleep(seconden)
    regel_toevoegen(pad, "klaar")
    return "klaar"
