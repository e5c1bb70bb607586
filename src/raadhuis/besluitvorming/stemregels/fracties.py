"""Fractie results derived from members' votes: members vote zonder last, fracties do not (art. 27)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from raadhuis.besluitvorming.stemregels.typen import FractieStemResultaat, Stem, StemKeuze, StemregelFout


@dataclass(frozen=True)
class FractieUitslag:
    """How one fractie's members voted (VNG ODS StemResultaatPerFractie); `resultaat` is None when none of
    them voted voor or tegen. `niet_gestemd` counts members absent, obliged to abstain or without a vote."""

    fractie: str
    resultaat: FractieStemResultaat | None
    voor: int
    tegen: int
    onthouden: int
    niet_gestemd: int


def fractie_resultaten(
    *, stemmen: Sequence[Stem], fractie_van: Mapping[str, str]
) -> dict[str, FractieUitslag]:
    """Per fractie (sorted by name): aangenomen when all its voting members voted voor, verworpen when all
    voted tegen, verdeeld otherwise. `fractie_van` maps every seated member to a fractie at the date of
    the vote; an (irregular) abstention does not make a fractie verdeeld."""
    zonder = sorted({stem.lid for stem in stemmen} - set(fractie_van))
    if zonder:
        raise StemregelFout(*(f"Van {lid} is geen fractie bekend." for lid in zonder))
    keuze_van = {stem.lid: stem.keuze for stem in stemmen}
    leden_per_fractie: dict[str, list[str]] = {}
    for lid, fractie in fractie_van.items():
        leden_per_fractie.setdefault(fractie, []).append(lid)
    uitslagen: dict[str, FractieUitslag] = {}
    for fractie in sorted(leden_per_fractie):
        keuzes = [keuze_van.get(lid) for lid in leden_per_fractie[fractie]]
        voor, tegen = keuzes.count(StemKeuze.VOOR), keuzes.count(StemKeuze.TEGEN)
        onthouden = keuzes.count(StemKeuze.ONTHOUDEN)
        resultaat: FractieStemResultaat | None = None
        if voor and tegen:
            resultaat = FractieStemResultaat.VERDEELD
        elif voor:
            resultaat = FractieStemResultaat.AANGENOMEN
        elif tegen:
            resultaat = FractieStemResultaat.VERWORPEN
        uitslagen[fractie] = FractieUitslag(
            fractie=fractie,
            resultaat=resultaat,
            voor=voor,
            tegen=tegen,
            onthouden=onthouden,
            niet_gestemd=len(keuzes) - voor - tegen - onthouden,
        )
    return uitslagen
