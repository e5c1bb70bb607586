"""Running the same work in many threads at once, for tests of races (PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import OperationalError, connections

# Connecting is not what these tests race: on a busy 2-core machine fifty connections opened at the
# same moment can outlast the settings' connect_timeout (5 s), so each thread connects first.
POGINGEN = 5


def tegelijk(opdracht: Callable[[int], object], *, aantal: int) -> list[object]:
    """Runs `opdracht(nummer)` in `aantal` threads released at the same moment, each with its own
    database connection (made before the release); returns what each returned or raised, in thread
    order."""
    klaar = threading.Barrier(aantal)
    uitkomsten: list[object] = [None] * aantal

    def verbinden() -> None:
        for poging in range(POGINGEN):
            try:
                connections["default"].ensure_connection()
                return
            except OperationalError:
                if poging == POGINGEN - 1:
                    klaar.abort()  # the others stop waiting for this thread
                    raise

    def draad(nummer: int) -> None:
        try:
            verbinden()
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
