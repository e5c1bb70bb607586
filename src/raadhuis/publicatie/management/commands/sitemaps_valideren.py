"""Validates every generated sitemap: the sitemaps.org protocol (structure, limits, https links,
index ↔ sitemap) and every diwoo:Document against the vendored DiWoo 0.9.8 XSD. Exits non-zero on
any problem, so CI can run it on the demo data (`raadhuis sitemaps_valideren`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from raadhuis.publicatie.sitemaps import indexbestanden, sitemaps_controleren


class Command(BaseCommand):
    help = (
        "Controleer alle sitemaps en sitemapindexen tegen het sitemapprotocol en elk diwoo:Document "
        "tegen de DiWoo 0.9.8-XSD. Stopt met een foutcode bij elk probleem."
    )

    def handle(self, *args: Any, **opties: Any) -> None:
        problemen, aantal = sitemaps_controleren()
        for probleem in problemen:
            self.stderr.write(probleem)
        if problemen:
            raise CommandError(f"{len(problemen)} probleem/problemen gevonden in de sitemaps.")
        self.stdout.write(
            f"Sitemaps geldig: {len(indexbestanden())} sitemapindex(en), {aantal} URL('s) gecontroleerd."
        )
