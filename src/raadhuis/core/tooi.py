"""The TOOI organisation lists (Thesaurus en Ontologie Overheidsinformatie), loaded from core/data."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "tooi"

# Every list whose entries are organisations that can run or be named on the platform.
ORGANISATIELIJSTEN = {
    "gemeentelijst.csv": "gemeente",
    "provincielijst.csv": "provincie",
    "waterschapslijst.csv": "waterschap",
    "solijst.csv": "samenwerkingsorganisatie",
    "ministerielijst.csv": "ministerie",
    "zbolijst.csv": "zelfstandig bestuursorgaan",
    "oorglijst.csv": "overige overheidsorganisatie",
    "collijst.csv": "caribisch openbaar lichaam",
}

TOOI_CODE_PATROON = re.compile(r"^[a-z]{2,4}\d{1,6}$")


@dataclass(frozen=True)
class TooiOrganisatie:
    code: str
    uri: str
    naam: str
    soort: str


@cache
def organisaties() -> dict[str, TooiOrganisatie]:
    """All organisations by TOOI code (e.g. ``gm1926``), read once per process."""
    result: dict[str, TooiOrganisatie] = {}
    for bestand, soort in ORGANISATIELIJSTEN.items():
        with (DATA_DIR / bestand).open(encoding="utf-8", newline="") as handle:
            for rij in csv.DictReader(handle):
                uri = rij["uri"].strip()
                code = uri.rsplit("/", 1)[-1]
                result[code] = TooiOrganisatie(code=code, uri=uri, naam=rij["label"].strip(), soort=soort)
    return result


def organisatie(code: str) -> TooiOrganisatie | None:
    """The organisation with this TOOI code, or None when the lists do not know it."""
    return organisaties().get(code.strip().lower())
