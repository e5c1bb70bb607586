"""Writes a backup of the database, the uploaded files and a manifest into a new folder."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from raadhuis.core import reservekopie


class Command(BaseCommand):
    help = (
        "Maak een reservekopie: de database (pg_dump of SQLite), de geüploade bestanden en een manifest "
        "met aantallen, controlesommen en de kop van het logboek. De map mag nog niet bestaan."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("map", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        doel: Path = options["map"]
        if doel.exists():
            raise CommandError(f"{doel} bestaat al; kies een nieuwe map.")
        try:
            manifest = reservekopie.reservekopie_maken(doel)
        except (OSError, subprocess.CalledProcessError) as fout:
            raise CommandError(f"De reservekopie is niet gelukt: {fout}") from fout
        # On S3 the files are listed with their checksums but stay in the bucket (docs/operations.md).
        waar = " (in de S3-bucket, niet gekopieerd)" if manifest.opslag == "s3" else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Reservekopie in {doel}: {len(manifest.tabellen)} tabellen, "
                f"{len(manifest.bestanden)} bestanden{waar}, logboek tot regel {manifest.logboek_kop[0]}."
            )
        )
