"""A shared world for test modules that build much data once (the authorization matrix, the API
fuzzer): demo-sized settings, temporary file folders, and one outer transaction rolled back at
the end, so none of it reaches the other tests of the run."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.test import override_settings

from raadhuis.core.zoeken import motor


@contextmanager
def teruggedraaide_wereld(naam: str, django_db_blocker: Any, **instellingen: Any) -> Iterator[Path]:
    """Yields a temporary folder; everything written to the database meanwhile is rolled back."""
    with (
        tempfile.TemporaryDirectory(prefix=f"raadhuis-{naam}-") as tmp,
        override_settings(
            RAADHUIS_ZOEKINDEX="geheugen",
            RAADHUIS_DEMO_ZAKEN=10,
            RAADHUIS_DEMO_PUBLICATIES=5,
            RAADHUIS_DEMO_ACCOUNTS=Path(tmp) / "demo-accounts.json",
            RAADHUIS_PRIVE_ROOT=str(Path(tmp) / "prive"),
            MEDIA_ROOT=str(Path(tmp) / "media"),
            **instellingen,
        ),
        django_db_blocker.unblock(),
    ):
        buiten = transaction.atomic()
        buiten.__enter__()
        try:
            motor.vergeten()
            cache.clear()
            yield Path(tmp)
        finally:
            transaction.set_rollback(True)
            buiten.__exit__(None, None, None)
            motor.vergeten()


def wereld_gereed() -> None:
    """Call once the world is built: its deferred constraint checks run now, in the outer
    transaction. Otherwise every test's teardown check (Django's check_constraints: on PostgreSQL
    SET CONSTRAINTS ALL IMMEDIATE inside the test's savepoint, undone with it) checks the whole
    world again: about 70 ms a test, minutes over the matrix's thousands of cases."""
    connection.check_constraints()
