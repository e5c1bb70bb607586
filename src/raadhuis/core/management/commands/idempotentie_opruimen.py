"""Forgets the idempotency keys older than a day (run daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from raadhuis.core import idempotentie


class Command(BaseCommand):
    help = "Vergeet idempotentiesleutels van API-aanroepen en formulieren die ouder zijn dan een dag."

    def handle(self, *args: Any, **options: Any) -> None:
        aantal = idempotentie.opruimen()
        self.stdout.write(self.style.SUCCESS(f"{aantal} sleutels vergeten."))
