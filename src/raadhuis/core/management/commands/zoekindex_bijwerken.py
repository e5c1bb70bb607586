"""Applies waiting changes to the search index, or rebuilds it from the database."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from raadhuis.core import zoeken
from raadhuis.core.zoeken import motor


class Command(BaseCommand):
    help = (
        "Verwerk de wachtende wijzigingen in de zoekindex; met --herbouwen wordt de index leeggemaakt "
        "en opnieuw gevuld uit de database (na verlies of een nieuwe versie van de zoekmachine)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--herbouwen", action="store_true", help="Leeg de index en vul hem opnieuw.")

    def handle(self, *args: Any, **options: Any) -> None:
        begin = time.perf_counter()
        try:
            if options["herbouwen"]:
                with motor.schrijver() as schrijver:
                    schrijver.alles_verwijderen()
                zoeken.index_herbouwen()
            aantal = zoeken.index_bijwerken()
        except motor.Bezet as fout:
            raise CommandError(
                "Een ander proces werkt de zoekindex nu bij; probeer het zo opnieuw."
            ) from fout
        duur = time.perf_counter() - begin
        self.stdout.write(self.style.SUCCESS(f"{aantal} wijzigingen verwerkt in {duur:.1f} s."))
