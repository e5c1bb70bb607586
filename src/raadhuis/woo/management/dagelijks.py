"""The shape of woo's daily commands: run for a day (`--datum`, default today) or enqueue the task
for the worker (`--wachtrij`, which runs on the day the task runs)."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django_tasks.base import Task

from raadhuis.core.taken import na_commit


class DagelijkseOpdracht(BaseCommand, ABC):
    taak: Task[[], int]
    in_wachtrij: str  # what the command says after enqueueing
    gedaan: str  # "%(aantal)d ..." after a run

    @abstractmethod
    def uitvoeren(self, op: dt.date) -> int:
        """Does the day's work and returns how many items it handled."""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--datum",
            type=dt.date.fromisoformat,
            default=None,
            help="Peildatum (JJJJ-MM-DD); standaard vandaag.",
        )
        parser.add_argument(
            "--wachtrij",
            action="store_true",
            help="Als achtergrondtaak in de wachtrij zetten (peildatum vandaag).",
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        if opties["wachtrij"]:
            if opties["datum"] is not None:
                raise CommandError("--wachtrij draait op de dag dat de taak loopt; laat --datum weg.")
            na_commit(type(self).taak)
            self.stdout.write(self.in_wachtrij)
            return
        aantal = self.uitvoeren(opties["datum"] or timezone.localdate())
        self.stdout.write(self.gedaan % {"aantal": aantal})
