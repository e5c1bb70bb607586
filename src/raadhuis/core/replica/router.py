"""The database router: writes and migrations on the primary, opted-in public reads on the replica
(see the package docstring for when). No opinion at all without a configured replica."""

from __future__ import annotations

from typing import Any

from django.db.models import Model

from raadhuis.core import replica
from raadhuis.core.replica import bereikbaarheid


class ReplicaRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        if not replica.geconfigureerd():
            return None
        if replica.in_selector() or hints.get(replica.HINT):
            return replica.REPLICA if replica.replica_kiezen() else replica.PRIMAIR
        instance = hints.get("instance")
        if (
            isinstance(instance, Model)
            and instance._state.db == replica.REPLICA
            and (replica.in_transactie() or bereikbaarheid.weg())
        ):
            return replica.PRIMAIR
        # Related objects of a row read from the replica come from the replica too (Django follows
        # the instance), so one page shows one consistent moment; anything else reads the primary.
        return None

    def db_for_write(self, model: type[Model], **hints: Any) -> str | None:
        # Also for an object read from the replica: without this, Django would save it where it
        # came from.
        return replica.PRIMAIR if replica.geconfigureerd() else None

    def allow_relation(self, obj1: Model, obj2: Model, **hints: Any) -> bool | None:
        # The replica is a copy of the primary: an object from one may point at one from the other.
        aliassen = {replica.PRIMAIR, replica.REPLICA}
        if obj1._state.db in aliassen and obj2._state.db in aliassen:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        # The standby receives the schema by replication; it cannot (and must not) be migrated.
        return False if db == replica.REPLICA else None
