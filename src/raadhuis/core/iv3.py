"""The Iv3 taakvelden (Informatie voor derden), loaded from core/data/iv3 (source in SOURCES.txt).

Taakvelden are the statutory functional classification every gemeente reports baten en lasten on
(BBV art. 8 lid 5); a gemeente chooses its own begrotingsprogramma's and maps them to taakvelden.
Codes are strings: "0.10" (mutaties reserves) is not "0.1" (bestuur)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ValidationError

BESTAND = Path(__file__).resolve().parent / "data" / "iv3" / "taakvelden.csv"


@dataclass(frozen=True)
class Taakveld:
    code: str
    naam: str

    @property
    def hoofdtaakveld(self) -> str:
        return self.code.split(".", 1)[0]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"


@cache
def taakvelden() -> dict[str, Taakveld]:
    """Every taakveld by code, in the order of the list, read once per process."""
    with BESTAND.open(encoding="utf-8", newline="") as handle:
        return {rij["code"]: Taakveld(code=rij["code"], naam=rij["naam"]) for rij in csv.DictReader(handle)}


def taakveld(code: str) -> Taakveld | None:
    return taakvelden().get(code.strip())


def valideer_taakvelden(codes: list[str]) -> None:
    """Refuses codes that are not on the Iv3 list (BBV art. 8 lid 5)."""
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        raise ValidationError("Geef de taakvelden als een lijst van codes, bijvoorbeeld 0.1.")
    onbekend = [code for code in codes if taakveld(code) is None]
    if onbekend:
        raise ValidationError(
            "Onbekend Iv3-taakveld: %(codes)s. Gebruik een code van de taakveldenlijst, "
            "bijvoorbeeld 0.1 (Bestuur).",
            params={"codes": ", ".join(onbekend)},
            code="onbekend_taakveld",
        )
