"""Daily upkeep of petitions: close those whose signing period ended, and forget e-mail signatures
not confirmed within 7 days (AVG art. 5 lid 1 sub e). Run daily (cron or systemd timer); idempotent."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from raadhuis.samenleving.services.petities import (
    verlopen_ondertekeningen_opruimen,
    verlopen_petities_sluiten,
)


class Command(BaseCommand):
    help = (
        "Dagelijks onderhoud van petities: verlopen petities sluiten en onbevestigde ondertekeningen wissen."
    )

    def handle(self, *args: Any, **opties: Any) -> None:
        gesloten = verlopen_petities_sluiten()
        gewist = verlopen_ondertekeningen_opruimen()
        self.stdout.write(f"{gesloten} petitie(s) gesloten, {gewist} onbevestigde ondertekening(en) gewist.")
