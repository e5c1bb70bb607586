"""Runs the background worker for the configured task backend, after recovering orphaned tasks;
alongside it, hands the outbox's tasks to the queue (those of processes that died, or that found
the queue unreachable)."""

from __future__ import annotations

import datetime
import logging
import threading
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connections

from raadhuis.core.taken import uitgaande_taken_versturen, verweesde_taken_herstellen

logger = logging.getLogger(__name__)
OVERNAME_INTERVAL_SECONDEN = 5.0


def _outbox_bijhouden(stop: threading.Event) -> None:
    while not stop.wait(OVERNAME_INTERVAL_SECONDEN):
        try:
            uitgaande_taken_versturen()
        except Exception:  # the database may be restarting: try again next round
            logger.exception("Could not read the outbox; trying again.")
        finally:
            connections.close_all()


class Command(BaseCommand):
    help = "Start de achtergrondverwerker (database- of RQ-wachtrij)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch", action="store_true", help="Verwerk wat klaarstaat en stop dan.")

    def handle(self, *args: Any, **options: Any) -> None:
        # After a restart everything left behind is handed over first; a batch run (an operator
        # catching up) takes rows of any age.
        uitgaande_taken_versturen(ouder_dan=datetime.timedelta(0) if options["batch"] else None)
        if not options["batch"]:
            threading.Thread(
                target=_outbox_bijhouden, args=(threading.Event(),), name="outbox", daemon=True
            ).start()
        self._werken(options)

    def _werken(self, options: dict[str, Any]) -> None:
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
