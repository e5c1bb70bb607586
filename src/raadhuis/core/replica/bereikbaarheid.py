"""Whether the read replica answers, per process: after a failure the replica is left alone for a
while and its reads go to the primary (the site stays up, only the primary works harder)."""

from __future__ import annotations

import contextlib
import logging
import threading
import time

from django.db import DatabaseError, connections
from prometheus_client import Counter

logger = logging.getLogger(__name__)

REPLICA = "replica"
# How long reads stay on the primary after the replica failed, before it is tried again; also how
# often the warning is logged while it stays away.
OPNIEUW_PROBEREN_SECONDEN = 30.0

# Not in the default registry: productie.metrics registers it with the others at a scrape.
TERUGVAL = Counter(
    "raadhuis_replica_fallback_reads",
    "Reads meant for the read replica that went to the primary because the replica did not answer.",
    registry=None,
)


class _Stand:
    def __init__(self) -> None:
        self.slot = threading.Lock()
        self.weg_tot = 0.0  # time.monotonic() until which the replica is skipped
        self.gewaarschuwd_op = -float("inf")


_stand = _Stand()


def vergeten() -> None:
    """Forget a failure (tests; a process starts without one)."""
    with _stand.slot:
        _stand.weg_tot = 0.0
        _stand.gewaarschuwd_op = -float("inf")


def weg() -> bool:
    """The replica failed less than OPNIEUW_PROBEREN_SECONDEN ago (no probe)."""
    return time.monotonic() < _stand.weg_tot


def uitgevallen(reden: object) -> None:
    """Reads go to the primary for a while; warns once per interval, not per request."""
    nu = time.monotonic()
    with _stand.slot:
        _stand.weg_tot = nu + OPNIEUW_PROBEREN_SECONDEN
        waarschuwen = nu - _stand.gewaarschuwd_op >= OPNIEUW_PROBEREN_SECONDEN
        if waarschuwen:
            _stand.gewaarschuwd_op = nu
    if waarschuwen:
        logger.warning(
            "Read replica unreachable (%s); public reads go to the primary database for %d s.",
            reden,
            OPNIEUW_PROBEREN_SECONDEN,
        )
    # A broken connection may fail to close; it is dropped either way.
    with contextlib.suppress(DatabaseError):
        connections[REPLICA].close()


def bereikbaar() -> bool:
    """The replica can take a read: not recently failed, and connected (or able to connect)."""
    if weg():
        return False
    try:
        connections[REPLICA].ensure_connection()
    except DatabaseError as fout:
        uitgevallen(fout)
        return False
    return True


def reageert() -> bool:
    """After an error during a read: does the replica still answer? (Then the error was not its.)"""
    verbinding = connections[REPLICA]
    try:
        if verbinding.connection is not None and not verbinding.is_usable():
            verbinding.close()
        verbinding.ensure_connection()
        return bool(verbinding.is_usable())
    except DatabaseError:
        return False


# Lag as the standby sees it: zero when it has replayed everything it received (an idle primary
# sends nothing, so the last replayed transaction grows old without any lag), else the age of the
# last replayed transaction. NULL when the server is not a standby.
ACHTERSTAND_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN NULL
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
END
"""


def achterstand_seconden() -> float | None:
    """How far the PostgreSQL standby is behind, in seconds (None when unknown)."""
    verbinding = connections[REPLICA]
    if verbinding.vendor != "postgresql":
        return None
    with verbinding.cursor() as cursor:
        cursor.execute(ACHTERSTAND_SQL)
        rij = cursor.fetchone()
    return None if rij is None or rij[0] is None else round(float(rij[0]), 3)
