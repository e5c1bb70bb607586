"""Reminds the griffie by e-mail of zienswijze windows that close soon. Run daily (cron or systemd
timer); running twice a day sends nothing twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from raadhuis.core.taken import na_commit
from raadhuis.samenwerking.services.procedures import HERINNERING_DAGEN, herinneringen_versturen
from raadhuis.samenwerking.tasks import herinneringen_taak


class Command(BaseCommand):
    help = "E-mail de griffie over Wgr-zienswijzetermijnen die binnenkort sluiten."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dagen", type=int, default=HERINNERING_DAGEN, help="Zoveel dagen vooraf.")
        parser.add_argument(
            "--datum", type=dt.date.fromisoformat, default=None, help="Peildatum (JJJJ-MM-DD)."
        )
        parser.add_argument(
            "--wachtrij", action="store_true", help="Als achtergrondtaak in de wachtrij zetten."
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        if opties["wachtrij"]:
            na_commit(herinneringen_taak, dagen=opties["dagen"])
            self.stdout.write("Herinneringstaak in de wachtrij gezet.")
            return
        aantal = herinneringen_versturen(
            vandaag=opties["datum"] or timezone.localdate(), dagen=opties["dagen"]
        )
        self.stdout.write(f"{aantal} herinnering(en) verstuurd.")
