"""Background work through Django's tasks API: handed over through an outbox on commit, and
orphaned tasks recovered."""

from __future__ import annotations

import contextlib
import datetime
import logging
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend

from raadhuis.core.models import Uitgaandetaak

logger = logging.getLogger(__name__)

# A row younger than this is left to the process that wrote it (it hands it over right after its
# commit); the worker takes over what is older: that process died, or the queue was unreachable.
OVERNAME_NA = datetime.timedelta(seconds=10)
OVERNAME_PER_KEER = 500


def na_commit(taak: Task[Any, Any], *args: Any, **kwargs: Any) -> None:
    """Hands a task to the queue once the surrounding transaction commits; a rollback sends nothing.

    The task is written to the outbox (Uitgaandetaak) in the caller's transaction, so a committed
    change always has its task (issue 11 point 3: after a crash, a stopped Redis or a database
    restart, every committed change gets its notification and publication job). Right after the
    commit this process hands it over; should it die first or the queue be unreachable, the row
    stays and the worker hands it over (uitgaande_taken_versturen).

    With the database queue (django-tasks-db, the default) the queue is a table of the same
    database: the task is enqueued in the caller's transaction, which makes it exactly as durable
    as the change, without an outbox row and a second transaction per change (intake throughput,
    bench/dienstverlening.py). The worker sees it only once the change has committed.
    """
    if isinstance(taak.get_backend(), DatabaseBackend):
        taak.enqueue(*args, **kwargs)
        return
    rij = Uitgaandetaak.objects.create(
        taak=taak.module_path, argumenten={"args": list(args), "kwargs": kwargs}
    )
    transaction.on_commit(lambda: _overdragen(rij.pk))


def _overdragen(pk: int) -> bool:
    """Enqueues one outbox row's task and removes the row, in one transaction; False when another
    process had it, or the queue refused (then the row stays, with the error, for a later try)."""
    try:
        with transaction.atomic():
            # Locked and skipped when another process holds it, so two never hand over one row.
            rij = Uitgaandetaak.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
            if rij is None:
                return False
            taak: Task[Any, Any] = import_string(rij.taak)
            taak.enqueue(*rij.argumenten.get("args", []), **rij.argumenten.get("kwargs", {}))
            rij.delete()
        return True
    except Exception as fout:  # any queue failure leaves the row for the worker
        logger.warning("Task %s stays in the outbox: the queue refused it (%s).", pk, type(fout).__name__)
        # The change itself has committed: a database that went away right after must not turn the
        # answer into an error (the client would send the change again). The row stays either way.
        with contextlib.suppress(DatabaseError):
            Uitgaandetaak.objects.filter(pk=pk).update(
                pogingen=F("pogingen") + 1, laatste_fout=f"{type(fout).__name__}: {fout}"[:500]
            )
        return False


def uitgaande_taken_versturen(*, ouder_dan: datetime.timedelta | None = None) -> int:
    """Hands over the outbox rows older than `ouder_dan` (default OVERNAME_NA; the worker runs this
    at start and every few seconds); returns how many went to the queue."""
    grens = timezone.now() - (OVERNAME_NA if ouder_dan is None else ouder_dan)
    wachtend = Uitgaandetaak.objects.filter(aangemaakt_op__lte=grens).order_by("pk")
    overgedragen = sum(_overdragen(pk) for pk in wachtend.values_list("pk", flat=True)[:OVERNAME_PER_KEER])
    if overgedragen:
        logger.warning("Handed %d task(s) from the outbox to the queue.", overgedragen)
    return overgedragen


def verweesde_taken_herstellen(*, lease: datetime.timedelta | None = None) -> int:
    """Puts tasks whose worker died mid-run back in the queue (at-least-once delivery).

    The database worker marks a task RUNNING when it claims it; a worker killed by SIGKILL or a
    power cut never finishes it. A task still RUNNING after the lease is taken to be orphaned.
    Task handlers are written to be idempotent, so running one twice is safe.
    """
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    if lease is None:
        lease = datetime.timedelta(seconds=settings.RAADHUIS_TAAK_LEASE_SECONDS)
    grens = timezone.now() - lease
    aantal = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lte=grens).update(
        status=TaskResultStatus.READY, started_at=None
    )
    if aantal:
        logger.warning("Requeued %d orphaned task(s) whose worker stopped mid-run.", aantal)
    return aantal


def wachtrij_status() -> dict[str, int | str]:
    """How the task queue is doing, for the health endpoint; raises when it cannot be reached."""
    if settings.RAADHUIS_TAKEN_BACKEND == "rq":
        import django_rq

        verbinding = django_rq.get_connection("default")
        verbinding.ping()
        return {"backend": "rq", "wachtend": int(django_rq.get_queue("default").count)}
    if settings.RAADHUIS_TAKEN_BACKEND == "database":
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        wachtend = DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()
        return {"backend": "database", "wachtend": wachtend}
    return {"backend": settings.RAADHUIS_TAKEN_BACKEND, "wachtend": 0}


def uitgaand_aantal() -> int:
    """Tasks of committed changes not yet handed to the queue (health endpoint, monitoring)."""
    return Uitgaandetaak.objects.count()
