"""The paragraaf verbonden partijen (BBV art. 9 and 15) for the begroting or jaarverslag of a year.

Lid 1: visie and beleidsvoornemens (editable text per year); lid 2: the list grouped as
gemeenschappelijke regelingen, vennootschappen en coöperaties, stichtingen en verenigingen, overige;
lid 3 per party: a naam en vestigingsplaats, b openbaar belang, c the gemeente's belang at the start
and (expected) end of the year, d eigen and vreemd vermogen at the start and end, e the financieel
resultaat. The jaarverslag repeats it with realised figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from raadhuis.samenwerking.models import (
    Categorie,
    Jaarcijfers,
    Paragraaftekst,
    Risico,
    Samenwerkingsverband,
    Vertegenwoordiging,
)
from raadhuis.samenwerking.selectors.register import verbonden_partijen_in, vertegenwoordigers_op


@dataclass(frozen=True)
class Paragraafregel:
    partij: Samenwerkingsverband
    cijfers: Jaarcijfers | None
    vorig: Jaarcijfers | None
    zetels_begin: list[str]
    zetels_eind: list[str]
    risicos: list[Risico]
    document: str

    @property
    def aandeel_begin(self) -> Decimal | None:
        return self.vorig.aandeel if self.vorig and self.vorig.aandeel is not None else self._van("aandeel")

    @property
    def aandeel_eind(self) -> Decimal | None:
        return self._van("aandeel")

    @property
    def bijdrage(self) -> Decimal | None:
        if self.document == "jaarverslag":
            return self._van("bijdrage_werkelijk")
        return self._van("bijdrage_begroot")

    @property
    def resultaat(self) -> Decimal | None:
        if self.document == "jaarverslag":
            return self._van("resultaat_werkelijk")
        return self._van("resultaat_verwacht")

    def _van(self, veld: str) -> Decimal | None:
        waarde = getattr(self.cijfers, veld, None) if self.cijfers else None
        return waarde if isinstance(waarde, Decimal) else None


@dataclass(frozen=True)
class Paragraaf:
    jaar: int
    document: str
    tekst: Paragraaftekst | None
    groepen: list[tuple[str, list[Paragraafregel]]]

    @property
    def regels(self) -> list[Paragraafregel]:
        return [regel for _naam, regels in self.groepen for regel in regels]


def paragraaf(*, jaar: int, document: str = "begroting") -> Paragraaf:
    partijen = list(verbonden_partijen_in(jaar))
    cijfers = {
        (c.verband_id, c.jaar): c
        for c in Jaarcijfers.objects.filter(verband__in=[p.pk for p in partijen], jaar__in=[jaar - 1, jaar])
    }
    risicos: dict[int, list[Risico]] = {}
    for risico in Risico.objects.filter(verband__in=[p.pk for p in partijen], actief=True):
        risicos.setdefault(risico.verband_id, []).append(risico)
    begin, eind = dt.date(jaar, 1, 1), dt.date(jaar, 12, 31)
    per_groep: dict[str, list[Paragraafregel]] = {c.value: [] for c in Categorie}
    for partij in partijen:
        per_groep[partij.categorie].append(
            Paragraafregel(
                partij=partij,
                cijfers=cijfers.get((partij.pk, jaar)),
                vorig=cijfers.get((partij.pk, jaar - 1)),
                zetels_begin=[_zetel(v) for v in vertegenwoordigers_op(partij, begin)],
                zetels_eind=[_zetel(v) for v in vertegenwoordigers_op(partij, eind)],
                risicos=risicos.get(partij.pk, []),
                document=document,
            )
        )
    groepen = [(str(Categorie(code).label), per_groep[code]) for code in per_groep]
    tekst = Paragraaftekst.objects.filter(jaar=jaar, document=document).first()
    return Paragraaf(jaar=jaar, document=document, tekst=tekst, groepen=groepen)


def _zetel(vertegenwoordiging: Vertegenwoordiging) -> str:
    stem = f", {vertegenwoordiging.stemgewicht}" if vertegenwoordiging.stemgewicht else ""
    zetel = f" {vertegenwoordiging.zetel}" if vertegenwoordiging.zetel != "1" else ""
    return f"{vertegenwoordiging.get_bestuursorgaan_display()}{zetel}: {vertegenwoordiging.wie}{stem}"
