"""Daily upkeep of dienstverlening: time slots materialised ahead, and survey invitations unlinked
from their case or contact after the retention term. Run daily (cron or systemd timer); idempotent."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from raadhuis.dienstverlening.services.afspraken import tijdsloten_aanvullen
from raadhuis.dienstverlening.services.kto import uitnodigingen_opschonen


class Command(BaseCommand):
    help = "Dagelijks onderhoud van dienstverlening: tijdsloten aanvullen en KTO-uitnodigingen ontkoppelen."

    def handle(self, *args: Any, **opties: Any) -> None:
        tijdsloten = tijdsloten_aanvullen.call()
        ontkoppeld = uitnodigingen_opschonen.call()
        self.stdout.write(f"{tijdsloten} tijdslot(en) aangemaakt, {ontkoppeld} uitnodiging(en) ontkoppeld.")
