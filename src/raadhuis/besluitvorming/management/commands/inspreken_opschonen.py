"""Wipes the contact details of speakers some weeks after their meeting (AVG art. 5 lid 1 sub e;
services.inspreken.spreekverzoeken_opschonen).

Schedule it once a day, e.g. with cron:
    30 3 * * *  raadhuis inspreken_opschonen
Running it twice wipes nothing twice."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from raadhuis.besluitvorming.services.inspreken import BEWAREN_NA_VERGADERING, spreekverzoeken_opschonen


class Command(BaseCommand):
    help = (
        "Wis de contactgegevens en samenvattingen van insprekers "
        f"{BEWAREN_NA_VERGADERING.days // 7} weken na hun vergadering. Draai dit dagelijks, bijvoorbeeld "
        "met cron ('30 3 * * * raadhuis inspreken_opschonen')."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        aantal = spreekverzoeken_opschonen()
        self.stdout.write(f"Contactgegevens van {aantal} inspreker(s) gewist.")
