"""Verifies the Logboek Dataverwerkingen's hash chain end to end."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from raadhuis.core.logboek import keten


class Command(BaseCommand):
    help = (
        "Controleer de hashketen van het logboek dataverwerkingen (BIO 12.4.2). Eindigt met een "
        "foutcode en noemt de eerste regel die niet klopt."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        uitkomst = keten.controleren()
        if not uitkomst.in_orde:
            plaats = (
                f"regel {uitkomst.fout_volgnummer}" if uitkomst.fout_volgnummer else "de kop van de keten"
            )
            if uitkomst.fout_id is not None:
                plaats += f" (id {uitkomst.fout_id})"
            raise CommandError(
                f"Het logboek is niet intact: {plaats}. {uitkomst.reden} "
                f"{uitkomst.gecontroleerd} regels ervoor zijn in orde."
            )
        kop = keten.kop()
        self.stdout.write(
            self.style.SUCCESS(f"Het logboek is intact: {uitkomst.gecontroleerd} regels gecontroleerd.")
        )
        # Kept outside the database (a ticket, a signed mail), this hash makes even a rewrite of
        # the whole chain detectable later.
        self.stdout.write(f"Kop van de keten: regel {kop[0]}, hash {kop[1]}")
