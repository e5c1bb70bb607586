"""Reminds the behandelaar and the Woo-coördinatoren by e-mail of decision terms that end within five
working days, end today or have lapsed (`raadhuis.woo.services.herinneringen`).

Schedule it once a day, early on working days, e.g. with cron:
    15 7 * * 1-5  raadhuis woo_herinneringen
or with a systemd timer (OnCalendar=Mon..Fri 07:15), or enqueue it for the worker with
`--wachtrij`. Running it twice a day sends nothing twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from raadhuis.core.taken import na_commit
from raadhuis.woo.services.herinneringen import herinneringen_taak, herinneringen_versturen


class Command(BaseCommand):
    help = (
        "E-mail de behandelaar en de Woo-coördinatoren over Woo-verzoeken waarvan de beslistermijn "
        "binnen vijf werkdagen eindigt, vandaag eindigt of verstreken is. Draai dit dagelijks, "
        "bijvoorbeeld met cron ('15 7 * * 1-5 raadhuis woo_herinneringen') of een systemd-timer "
        "(OnCalendar=Mon..Fri 07:15), of zet het met --wachtrij als achtergrondtaak in de wachtrij. "
        "Elke herinnering gaat één keer per einddatum van de termijn uit; twee keer draaien stuurt "
        "niets dubbel."
    )

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
            na_commit(herinneringen_taak)
            self.stdout.write("Herinneringstaak in de wachtrij gezet.")
            return
        aantal = herinneringen_versturen(op=opties["datum"] or timezone.localdate())
        self.stdout.write(f"{aantal} herinnering(en) verstuurd.")
