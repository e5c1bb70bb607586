"""The Wgr deadlines as data (data/wgr_termijnen.json), each rule with its period of validity.

Two regimes: before and since the Wet versterking democratische legitimatie Wgr (1 July 2022). A
rule is chosen by a reference date (`peildatum`) that falls in its validity period; the caller
decides which date that is (the receipt of a draft, the AB meeting, the year of the begroting)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

BESTAND = Path(__file__).resolve().parent / "data" / "wgr_termijnen.json"
INWERKINGTREDING_2022 = date(2022, 7, 1)


@dataclass(frozen=True)
class Wgrregel:
    stap: str
    artikel: str
    regime: str  # "oud", "nieuw" or "beide"
    vanaf: date | None
    tot: date | None
    soort: str  # "weken_na" (a window after receipt), "weken_voor" (before the AB meeting), "vaste_datum"
    omschrijving: str
    weken: int | None = None
    maand: int | None = None
    dag: int | None = None
    jaarverschil: int = 0
    zienswijze: bool = False

    def geldt_op(self, peildatum: date) -> bool:
        return (self.vanaf is None or self.vanaf <= peildatum) and (self.tot is None or peildatum <= self.tot)


def _datum(tekst: str | None) -> date | None:
    return date.fromisoformat(tekst) if tekst else None


@cache
def regels() -> tuple[Wgrregel, ...]:
    inhoud = json.loads(BESTAND.read_text(encoding="utf-8"))
    return tuple(
        Wgrregel(
            stap=r["stap"],
            artikel=r["artikel"],
            regime=r["regime"],
            vanaf=_datum(r.get("vanaf")),
            tot=_datum(r.get("tot")),
            soort=r["soort"],
            omschrijving=r["omschrijving"],
            weken=r.get("weken"),
            maand=r.get("maand"),
            dag=r.get("dag"),
            jaarverschil=r.get("jaarverschil", 0),
            zienswijze=bool(r.get("zienswijze", False)),
        )
        for r in inhoud["regels"]
    )


def regel_voor(stap: str, peildatum: date) -> Wgrregel | None:
    """The rule for a step on a date, or None when the law had no such step then (the zienswijze on
    an amended regeling exists only since 1 July 2022)."""
    return next((r for r in regels() if r.stap == stap and r.geldt_op(peildatum)), None)
