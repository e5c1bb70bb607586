"""Rewrites the sitemaps for the national Woo index now, in this process (`publicatie.sitemaps`).

Normally the services enqueue the background task after every publication, withdrawal or
replacement; run this by hand after a restore, a change of RAADHUIS_BASIS_URL or new value lists
(`--alles`), or from a deployment script."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from raadhuis.publicatie.sitemaps import sitemaps_genereren


class Command(BaseCommand):
    help = (
        "Schrijf de sitemaps voor de landelijke Woo-index bij: alleen de blokken die door een "
        "wijziging verouderd zijn, of met --alles elk blok en elke sitemapindex opnieuw."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--alles",
            action="store_true",
            help="Alle sitemaps opnieuw schrijven, niet alleen de verouderde.",
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        resultaat = sitemaps_genereren(alles=opties["alles"])
        self.stdout.write(
            f"{resultaat.blokken} blok(ken) geschreven met {resultaat.urls} URL('s); "
            f"{len(resultaat.indexen)} sitemapindex(en) bijgewerkt."
        )
        if resultaat.overgeslagen:
            self.stderr.write(
                f"{resultaat.overgeslagen} document(en) overgeslagen: metadata niet op de "
                "DiWoo-waardelijsten (zie het log)."
            )
