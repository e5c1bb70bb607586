"""A read replica for tests: a copy of the worker's test database under the alias "replica", so a
test can tell which database a read came from (a row written only there, with .using("replica")).

Made once per test process, and only when a test asks for it (raadhuis.conftest, fixture
`met_replica`): copying the database file (SQLite) or CREATE DATABASE ... TEMPLATE (PostgreSQL) takes
well under a second, no migrations run."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from django.db import DEFAULT_DB_ALIAS, OperationalError, connections

from raadhuis.core.replica import REPLICA


def _verbinding_loslaten() -> None:
    """Closes and forgets this thread's connection object of the alias (if there is one)."""
    if REPLICA in connections.settings:
        connections[REPLICA].close()
    with suppress(AttributeError):
        del connections[REPLICA]


def _verbinding_vervangen(instellingen: dict[str, Any]) -> None:
    _verbinding_loslaten()
    connections.settings[REPLICA] = instellingen


def kloon_maken() -> dict[str, Any]:
    """Copies the default test database and points the replica alias at the copy."""
    bron = connections[DEFAULT_DB_ALIAS]
    naam = str(bron.settings_dict["NAME"])
    if bron.vendor == "sqlite":
        if bron.is_in_memory_db():
            raise RuntimeError("The replica tests need the SQLite test database in a file.")
        pad = Path(naam)
        doel = str(pad.with_name(f"{pad.stem}_replica{pad.suffix}"))
        bron.close()
        shutil.copyfile(naam, doel)
    else:
        doel = f"{naam}_replica"
        # A template database must have no other sessions; connections of this process are closed,
        # one left by a finished thread may take a moment to go.
        for poging in range(20):
            connections.close_all()
            try:
                with bron.creation._nodb_cursor() as cursor:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{doel}"')
                    cursor.execute(f'CREATE DATABASE "{doel}" TEMPLATE "{naam}"')
                break
            except OperationalError:
                if poging == 19:
                    raise
                time.sleep(0.25)
    instellingen = {**bron.settings_dict, "NAME": doel}
    _verbinding_vervangen(instellingen)
    return instellingen


def kloon_opruimen(instellingen: dict[str, Any]) -> None:
    _verbinding_loslaten()
    connections.settings.pop(REPLICA, None)
    if connections[DEFAULT_DB_ALIAS].vendor == "sqlite":
        Path(instellingen["NAME"]).unlink(missing_ok=True)
        return
    with connections[DEFAULT_DB_ALIAS].creation._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{instellingen["NAME"]}"')


def onbereikbare_instellingen(instellingen: dict[str, Any]) -> dict[str, Any]:
    if instellingen["ENGINE"].endswith("sqlite3"):
        return {**instellingen, "NAME": "/bestaat-niet/replica.sqlite3"}
    return {**instellingen, "HOST": "127.0.0.1", "PORT": "1", "OPTIONS": {"connect_timeout": 2}}


@contextmanager
def replica_onbereikbaar() -> Iterator[None]:
    """The replica alias points at a database that cannot be reached; afterwards the original
    connection object is back (the test case unwraps its own guards from it)."""
    instellingen = connections.settings[REPLICA]
    origineel = connections[REPLICA]
    with suppress(AttributeError):
        del connections[REPLICA]
    connections.settings[REPLICA] = onbereikbare_instellingen(instellingen)
    try:
        yield
    finally:
        connections[REPLICA].close()
        connections.settings[REPLICA] = instellingen
        connections[REPLICA] = origineel
