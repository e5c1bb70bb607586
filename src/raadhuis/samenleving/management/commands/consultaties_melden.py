"""Tells subscribers about consultations that opened (a planned one opens on its begindatum without
anyone touching it). Run daily (cron or systemd timer); running twice sends nothing twice."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from raadhuis.samenleving.services.consultaties import geopende_consultaties_melden


class Command(BaseCommand):
    help = "Meld abonnees de consultaties die vandaag open zijn en nog niet gemeld."

    def handle(self, *args: Any, **opties: Any) -> None:
        self.stdout.write(f"{geopende_consultaties_melden()} melding(en) verstuurd.")
