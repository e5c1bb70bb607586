"""A shared world for tests that build much data once (the authorization matrix, the API fuzzer,
the demo's tests): demo-sized settings, temporary file folders, and one outer transaction rolled back at
the end, so none of it reaches the other tests of the run."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from raadhuis.core.zoeken import motor

T = TypeVar("T")


# Accounts made while a world is built get the tests' fast hash too (pytest_plugin's autouse fixture
# only reaches function-scoped setup); the real hasher costs about a second per demo account.
SNELLE_HASH = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextmanager
def teruggedraaide_wereld(naam: str, django_db_blocker: Any, **instellingen: Any) -> Iterator[Path]:
    """Yields a temporary folder; everything written to the database meanwhile is rolled back.
    `instellingen` override the demo-sized defaults."""
    with tempfile.TemporaryDirectory(prefix=f"raadhuis-{naam}-") as tmp:
        standaard: dict[str, Any] = {
            "RAADHUIS_ZOEKINDEX": "geheugen",
            "RAADHUIS_DEMO_ZAKEN": 10,
            "RAADHUIS_DEMO_PUBLICATIES": 5,
            "RAADHUIS_DEMO_ACCOUNTS": Path(tmp) / "demo-accounts.json",
            "RAADHUIS_PRIVE_ROOT": str(Path(tmp) / "prive"),
            "MEDIA_ROOT": str(Path(tmp) / "media"),
            "PASSWORD_HASHERS": SNELLE_HASH,
        }
        with override_settings(**(standaard | instellingen)), django_db_blocker.unblock():
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


@contextmanager
def gedeelde_wereld(
    naam: str, django_db_blocker: Any, bouwen: Callable[[Path], T], **instellingen: Any
) -> Iterator[T]:
    """A world built once for a group of tests (a class-scoped fixture: the tests of one class,
    each in a savepoint of its own) and rolled back after them; tests outside the class never see
    it. For data that is expensive to build, such as the demo."""
    with teruggedraaide_wereld(naam, django_db_blocker, **instellingen) as tmp:
        resultaat = bouwen(tmp)
        wereld_gereed()
        yield resultaat


def klassewereld(naam: str, bouwen: Callable[[Path], T], **instellingen: Any) -> Any:
    """A class-scoped fixture yielding `bouwen`'s result from a `gedeelde_wereld`: assign it to
    a name in the test module and request that name in the tests of a class. `make test` runs with
    `--klassen-bijeen` (raadhuis.pytest_plugin): one process runs the whole class and builds the
    world once."""

    @pytest.fixture(scope="class")
    def wereld(django_db_setup: None, django_db_blocker: Any) -> Iterator[T]:
        with gedeelde_wereld(naam, django_db_blocker, bouwen, **instellingen) as gebouwd:
            yield gebouwd

    return wereld


@dataclass(frozen=True)
class Demo:
    accounts: Path  # the file with the demo accounts' passwords
    uitvoer: str  # what `demo` printed


def demo_draaien(tmp: Path) -> Demo:
    """The `demo` command, as `make run` does it (a run takes 10-20 s: share it)."""
    uitvoer = io.StringIO()
    call_command("demo", stdout=uitvoer)
    return Demo(accounts=tmp / "demo-accounts.json", uitvoer=uitvoer.getvalue())


def wereld_gereed() -> None:
    """Call once the world is built: its deferred constraint checks run now, in the outer
    transaction. Otherwise every test's teardown check (Django's check_constraints: on PostgreSQL
    SET CONSTRAINTS ALL IMMEDIATE inside the test's savepoint, undone with it) checks the whole
    world again: about 70 ms a test, minutes over the matrix's thousands of cases."""
    connection.check_constraints()
