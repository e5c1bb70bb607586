"""Running the same work in many threads at once, for tests of races (PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connections


def tegelijk(opdracht: Callable[[int], object], *, aantal: int) -> list[object]:
    """Runs `opdracht(nummer)` in `aantal` threads released at the same moment, each with its own
    database connection; returns what each returned or raised, in thread order."""
    klaar = threading.Barrier(aantal)
    uitkomsten: list[object] = [None] * aantal

    def draad(nummer: int) -> None:
        try:
            klaar.wait()
            uitkomsten[nummer] = opdracht(nummer)
        except Exception as fout:
            uitkomsten[nummer] = fout
        finally:
            connections.close_all()

    draden = [threading.Thread(target=draad, args=(nummer,)) for nummer in range(aantal)]
    for item in draden:
        item.start()
    for item in draden:
        item.join(timeout=120)
    return uitkomsten
