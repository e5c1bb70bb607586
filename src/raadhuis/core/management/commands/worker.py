"""Runs the background worker for the configured task backend, after recovering orphaned tasks."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from raadhuis.core.taken import verweesde_taken_herstellen


class Command(BaseCommand):
    help = "Start de achtergrondverwerker (database- of RQ-wachtrij)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", action="store_true", help="Verwerk wat klaarstaat en stop dan.")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.RAADHUIS_TAKEN_BACKEND == "rq":
            rq_opties = {"burst": True} if options["batch"] else {}
            # RQ's own job class would call the Task object itself, which is not callable; the
            # backend's Job runs it through the tasks API (and records its result).
            call_command("rqworker", *settings.TASK_QUEUES, job_class="django_tasks_rq.Job", **rq_opties)
            return
        verweesde_taken_herstellen()
        db_opties: dict[str, Any] = {
            "queue_name": ",".join(settings.TASK_QUEUES),
            "interval": 0.5,
            "reload": False,
            "startup_delay": False,
        }
        if options["batch"]:
            db_opties["batch"] = True
        call_command("db_worker", **db_opties)
