"""What a change left for the worker, whichever way core.taken.na_commit took: the database queue
(enqueued in the change's own transaction) or the outbox (a queue outside the database)."""

from __future__ import annotations

from typing import Any

from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from raadhuis.core.models import Uitgaandetaak


def wachtende_taken(taak: Task[Any, Any]) -> int:
    """How many runs of `taak` wait in the database queue or in the outbox."""
    in_wachtrij = DBTaskResult.objects.filter(task_path=taak.module_path).count()
    return in_wachtrij + Uitgaandetaak.objects.filter(taak=taak.module_path).count()
