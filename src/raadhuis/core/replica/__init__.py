"""Reads from a PostgreSQL read replica, for the public pages and search that opt in.

Three things decide where a read goes, and all three must say "replica":

1. the selector opted in with ``@leest_van_replica`` (public pages, search, catalogue);
2. the request may read from the replica (``ReplicaMiddleware``: a safe method from a client that
   did not just change something, is not a logged-in employee and sent no API credentials);
3. no transaction is open on the primary (a read that a write depends on must see the primary),
   nothing asked for the primary (``primair()``) and the replica answers.

Code outside a request (tasks, commands, the shell) never reads the replica: a task that runs
right after a commit would otherwise read from before that commit. Without a replica configured
nothing here has any effect.

The state lives in context variables, so threads (gunicorn's gthread workers) and async tasks
each have their own.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.db.models import QuerySet

from raadhuis.core.replica import bereikbaarheid
from raadhuis.core.replica.bereikbaarheid import REPLICA

__all__ = ["PRIMAIR", "REPLICA", "geconfigureerd", "lees_van_replica", "leest_van_replica", "primair"]

PRIMAIR = DEFAULT_DB_ALIAS
# Router hint on a queryset a decorated selector returns: it is evaluated later (in the view or
# template), when the selector's own context has ended.
HINT = "raadhuis_replica"

_verzoek_mag = ContextVar("raadhuis_replica_verzoek_mag", default=False)
_in_selector = ContextVar("raadhuis_replica_in_selector", default=False)
_primair_gevraagd = ContextVar("raadhuis_replica_primair", default=False)

P = ParamSpec("P")
R = TypeVar("R")


def geconfigureerd() -> bool:
    return bool(settings.RAADHUIS_DATABASE_REPLICA_URL) and REPLICA in connections.settings


def in_transactie() -> bool:
    """An atomic block is open on the primary. The test case's own wrapping blocks do not count
    (Django's durable check skips them the same way)."""
    return any(not getattr(blok, "_from_testcase", False) for blok in connections[PRIMAIR].atomic_blocks)


def replica_kiezen() -> bool:
    """Whether a replica-eligible read goes to the replica now (cheapest checks first)."""
    if not _verzoek_mag.get() or _primair_gevraagd.get() or not geconfigureerd() or in_transactie():
        return False
    if bereikbaarheid.bereikbaar():
        return True
    bereikbaarheid.TERUGVAL.inc()
    return False


def in_selector() -> bool:
    return _in_selector.get()


@contextmanager
def lees_van_replica(mag: bool = True) -> Iterator[None]:
    """The scope in which opted-in reads may use the replica: one request (the middleware), or a
    test."""
    token = _verzoek_mag.set(mag)
    try:
        yield
    finally:
        _verzoek_mag.reset(token)


@contextmanager
def primair() -> Iterator[None]:
    """Everything inside reads the primary: code that reads in order to write (the search index's
    outbox) must not act on a replica that is behind."""
    token = _primair_gevraagd.set(True)
    try:
        yield
    finally:
        _primair_gevraagd.reset(token)


def _met_hint(resultaat: R) -> R:
    if isinstance(resultaat, QuerySet):
        _hint_zetten(resultaat)
    return resultaat


def _hint_zetten(queryset: QuerySet[Any]) -> None:
    if vars(queryset).get("_db") is None:
        # A fresh dict: querysets share theirs with their manager, which must stay without the hint.
        vars(queryset)["_hints"] = {**vars(queryset).get("_hints", {}), HINT: True}


def leest_van_replica(selector: Callable[P, R]) -> Callable[P, R]:
    """Marks a public read: its queries (and a queryset it returns, when evaluated) may go to the
    replica. Only for reads that may be a few seconds behind; never for a check that guards access
    (a file that was just made secret or withdrawn must be refused at once)."""

    @functools.wraps(selector)
    def lezen(*args: P.args, **kwargs: P.kwargs) -> R:
        if not replica_kiezen():
            return selector(*args, **kwargs)
        token = _in_selector.set(True)
        try:
            return _met_hint(selector(*args, **kwargs))
        except (OperationalError, InterfaceError):
            # The replica went away mid-read, or the primary did: then the retry fails the same way
            # and the request answers 503 as always.
            if bereikbaarheid.reageert():
                raise
            bereikbaarheid.uitgevallen("the connection broke during a read")
        finally:
            _in_selector.reset(token)
        return selector(*args, **kwargs)

    vars(lezen)["leest_van_replica"] = True
    return lezen
