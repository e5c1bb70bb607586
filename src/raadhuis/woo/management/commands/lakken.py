"""Bulk redaction: every automatic suggestion applied, the result verified.

    raadhuis lakken INVOER.pdf UITVOER.pdf [--zichtbaar "Naam" ...] [--zichtbaar-bestand namen.txt]

Writes UITVOER.pdf and UITVOER.json (each redaction: page, rectangle, text, kind, ground). Exits
with an error, and writes no PDF, when the verification finds anything still readable: a leaking
file must never reach publication (Woo art. 5.1; woo.md, section 7)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from raadhuis.woo.lakken import lakken, suggesties


class Command(BaseCommand):
    help = (
        "Lak alle automatisch gevonden persoonsgegevens in een PDF, controleer het resultaat en "
        "schrijf UITVOER.pdf plus UITVOER.json. Eindigt met een foutcode als de controle faalt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("invoer", type=Path, help="Het originele PDF-bestand.")
        parser.add_argument("uitvoer", type=Path, help="Het gelakte PDF-bestand (wordt overschreven).")
        parser.add_argument(
            "--zichtbaar",
            action="append",
            default=[],
            metavar="NAAM",
            help="Naam van een ambtenaar of bestuurder die zichtbaar blijft (herhaalbaar).",
        )
        parser.add_argument(
            "--zichtbaar-bestand",
            type=Path,
            default=None,
            help="Tekstbestand met een zichtbare naam per regel (# voor commentaar).",
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        invoer: Path = opties["invoer"]
        uitvoer: Path = opties["uitvoer"]
        zichtbaar: list[str] = list(opties["zichtbaar"])
        if opties["zichtbaar_bestand"] is not None:
            try:
                regels = Path(opties["zichtbaar_bestand"]).read_text(encoding="utf-8").splitlines()
            except OSError as fout:
                raise CommandError(f"Kan {opties['zichtbaar_bestand']} niet lezen: {fout}") from fout
            zichtbaar += [regel.strip() for regel in regels if regel.strip() and not regel.startswith("#")]
        try:
            inhoud = invoer.read_bytes()
        except OSError as fout:
            raise CommandError(f"Kan {invoer} niet lezen: {fout}") from fout
        try:
            redacties = suggesties(inhoud, zichtbare_namen=zichtbaar)
            gelakt = lakken(inhoud, redacties)
        except ValueError as fout:
            raise CommandError(f"{invoer}: {fout}") from fout
        verslag = uitvoer.with_suffix(".json")
        verslag.write_text(gelakt.verslag() + "\n", encoding="utf-8")
        if not gelakt.controle.in_orde:
            uitvoer.unlink(missing_ok=True)
            raise CommandError(
                "De controle van het gelakte document is mislukt; er is geen PDF geschreven:\n- "
                + "\n- ".join(gelakt.controle.bevindingen)
            )
        uitvoer.write_bytes(gelakt.inhoud)
        paginas = len({redactie.pagina for redactie in gelakt.redacties})
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(gelakt.redacties)} lakvlak(ken) op {paginas} pagina('s) toegepast en gecontroleerd: "
                f"{uitvoer} en {verslag}."
            )
        )
