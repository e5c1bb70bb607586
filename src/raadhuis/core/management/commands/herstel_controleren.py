"""Checks a restored platform against the manifest of the backup it came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from raadhuis.core import reservekopie


class Command(BaseCommand):
    help = (
        "Controleer een herstelde omgeving tegen het manifest van de reservekopie: aantallen per tabel, "
        "controlesommen van bestanden en de hashketen van het logboek. Eindigt met een foutcode bij verschil."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("map", type=Path, help="de map van de reservekopie (met manifest.json)")

    def handle(self, *args: Any, **options: Any) -> None:
        pad: Path = options["map"] / reservekopie.MANIFEST
        if not pad.exists():
            raise CommandError(f"Geen manifest in {options['map']}: deze reservekopie is onvolledig.")
        verwacht = reservekopie.manifest_lezen(pad)
        problemen = reservekopie.herstel_controleren(verwacht)
        if problemen:
            raise CommandError("Het herstel is niet compleet:\n" + "\n".join(problemen))
        self.stdout.write(
            self.style.SUCCESS(
                f"Herstel compleet: {len(verwacht.tabellen)} tabellen, {len(verwacht.bestanden)} bestanden "
                f"en het logboek tot regel {verwacht.logboek_kop[0]} kloppen."
            )
        )
