"""Prints a new API token for an employee, for scripts and integrations."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from raadhuis.accounts import services
from raadhuis.accounts.models import Medewerker


class Command(BaseCommand):
    help = "Geef een API-token uit voor een medewerker en toon het eenmalig."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gebruikersnaam")

    def handle(self, *args: Any, **options: Any) -> None:
        medewerker = Medewerker.objects.filter(username=options["gebruikersnaam"]).first()
        if medewerker is None:
            raise CommandError(f"Er is geen medewerker met gebruikersnaam {options['gebruikersnaam']!r}.")
        if not medewerker.is_active:
            raise CommandError(f"Medewerker {medewerker.username!r} is niet actief.")
        self.stdout.write(services.api_token_uitgeven(medewerker=medewerker))
