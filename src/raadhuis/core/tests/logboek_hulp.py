"""Test helpers for the logboek: the seeded register, and switching the append-only triggers off."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module

from django.apps import apps
from django.db import connection, transaction

_triggers = import_module("raadhuis.core.migrations.0003_logboek").TRIGGERS
# Every data migration that seeds the register (AVG art. 30), in order.
_registers = [
    import_module("raadhuis.core.migrations.0004_verwerkingsregister_vullen"),
    import_module("raadhuis.core.migrations.0007_verwerking_abonnementen"),
    import_module("raadhuis.core.migrations.0008_verwerking_dienstverlening"),
    import_module("raadhuis.core.migrations.0009_verwerking_klantcontacten"),
    import_module("raadhuis.core.migrations.0013_verwerking_consultaties"),
    import_module("raadhuis.core.migrations.0014_verwerking_petities"),
    import_module("raadhuis.core.migrations.0015_verwerking_partners"),
    import_module("raadhuis.core.migrations.0016_verwerking_inspreken"),
]


def register_vullen() -> None:
    """The seeded register again, for tests after a flush (transactional tests empty every table)."""
    for register in _registers:
        register.vullen(apps, None)


@contextmanager
def zonder_triggers() -> Iterator[None]:
    """Drops the append-only triggers for the block, as someone with database access could."""
    aan, uit = _triggers[connection.vendor]
    with connection.cursor() as cursor:
        for sql in uit:
            cursor.execute(sql)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for sql in aan:
                cursor.execute(sql)


def logboek_leegmaken() -> None:
    """Removes every entry (tests only): Django's flush after a transactional test deletes rows with
    DELETE on SQLite, which the triggers rightly refuse."""
    from raadhuis.core.models import Ketenkop, Logregel

    if not Logregel.objects.exists():
        return
    with transaction.atomic(), zonder_triggers(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {Logregel._meta.db_table}")  # noqa: S608 - a model's own table name
        cursor.execute(f"DELETE FROM {Ketenkop._meta.db_table}")  # noqa: S608


def regels():
    """The log entries a test made itself: creating the employees it acts as is logged too."""
    from raadhuis.core.models import Logregel

    return Logregel.objects.exclude(naam="medewerker.aanmaken")
