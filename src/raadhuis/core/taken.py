"""Background work through Django's tasks API: enqueue on commit, and recover orphaned tasks."""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import Task

logger = logging.getLogger(__name__)


def na_commit(taak: Task[Any, Any], *args: Any, **kwargs: Any) -> None:
    """Enqueues a task once the surrounding transaction commits; a rollback sends nothing."""
    transaction.on_commit(lambda: taak.enqueue(*args, **kwargs))


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
