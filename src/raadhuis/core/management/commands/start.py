"""Starts the web server and the background worker together, and says where and how to log in."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Start Raadhuis: webserver en achtergrondverwerker."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--adres", default="127.0.0.1:8000", help="host:poort van de webserver")

    def handle(self, *args: Any, **options: Any) -> None:
        adres: str = options["adres"]
        self.stdout.write(self.welkom(adres))
        worker = subprocess.Popen([sys.executable, "-m", "raadhuis.cli", "worker"])
        try:
            call_command("runserver", adres, use_reloader=False, use_threading=True)
        finally:
            worker.terminate()
            worker.wait(timeout=30)

    def welkom(self, adres: str) -> str:
        regels = [
            "",
            f"Raadhuis draait op http://{adres}/",
            f"  Werkplek (medewerkers): http://{adres}/werkplek/",
            f"  API-documentatie:       http://{adres}/api/v1/docs",
            f"  Mijn omgeving (DigiD):  http://{adres}/mijn/",
            "",
        ]
        if settings.RAADHUIS_TEST_IDP:
            # Runs in this same server (mounted under /test-idp/), so it starts with the platform.
            regels += [
                f"Test-inlogdienst (DigiD/eHerkenning): http://{adres}/test-idp/.well-known/openid-configuration",
                "  Kies bij het inloggen zelf een test-BSN of KvK-nummer en een niveau.",
                "",
            ]
        bestand = Path(settings.RAADHUIS_DEMO_ACCOUNTS)
        if bestand.exists():
            accounts: dict[str, str] = json.loads(bestand.read_text(encoding="utf-8"))
            regels.append("Demo-accounts (gebruikersnaam / wachtwoord):")
            regels += [f"  {naam:<18} {wachtwoord}" for naam, wachtwoord in accounts.items()]
            regels.append(
                "  beheerder, woo-coordinator en privacy-officer stellen bij de eerste keer inloggen"
                " tweestapsverificatie in (authenticator-app)."
            )
            regels.append("")
        regels.append("Stoppen: Ctrl+C")
        return "\n".join(regels)
