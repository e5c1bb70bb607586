"""Charts as inline SVG, computed on the server: no JavaScript, nothing the CSP has to allow, and every
chart comes with its data table (WCAG 2.1 SC 1.1.1 and 1.4.1: the figures are never in the picture
only, and meaning never hangs on colour: values are printed and series are named in a legend).

`staafdiagram` draws horizontal bars (grouped per category, or stacked), `lijndiagram` a trend per
series over categories such as years. Render with
``{% include "raadhuis/components/grafiek.html" with grafiek=... %}``."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats

Getal = Decimal | float | int

# Each colour has at least 3:1 contrast with white (WCAG 2.1 SC 1.4.11) and with white text on it.
KLEUREN = ("#1d5b8f", "#a34a12", "#2c6e31", "#6a3d9a", "#7a5c00", "#9c1c48", "#3f4a55")

BREEDTE = 640
LABELBREEDTE = 190
WAARDERUIMTE = 90
STAAFHOOGTE = 16
STAAFAFSTAND = 4
GROEPAFSTAND = 12
LEGENDAHOOGTE = 22
LIJNHOOGTE = 260
MAX_LABEL = 28

_volgnummer = itertools.count(1)


@dataclass(frozen=True)
class Reeks:
    naam: str
    waarden: Sequence[Getal | None]


@dataclass(frozen=True)
class Staaf:
    x: float
    y: float
    breedte: float
    hoogte: float
    kleur: str
    waarde: str
    waarde_x: float
    waarde_y: float
    waarde_binnen: bool
    omschrijving: str
    anker: str = "start"


@dataclass(frozen=True)
class Tekst:
    x: float
    y: float
    tekst: str
    anker: str = "start"


@dataclass(frozen=True)
class Lijn:
    punten: str
    kleur: str
    stippen: tuple[tuple[float, float, float, str], ...]  # x, y, y of the figure, figure
    streep: str  # dash pattern, so lines differ in more than colour


@dataclass(frozen=True)
class Legenda:
    x: float
    y: float
    kleur: str
    naam: str
    streep: str


@dataclass(frozen=True)
class Rij:
    categorie: str
    waarden: tuple[str, ...]


@dataclass(frozen=True)
class Grafiek:
    id: str
    soort: str
    titel: str
    eenheid: str
    breedte: float
    hoogte: float
    staven: tuple[Staaf, ...]
    lijnen: tuple[Lijn, ...]
    teksten: tuple[Tekst, ...]
    rasterlijnen: tuple[tuple[float, float, float, float], ...]
    legenda: tuple[Legenda, ...]
    kolommen: tuple[str, ...]
    rijen: tuple[Rij, ...]

    @property
    def samenvatting(self) -> str:
        """The text alternative of the picture: what it shows, pointing at the table for the figures."""
        reeksen = ", ".join(self.kolommen)
        return f"{self.titel}: {reeksen} per {len(self.rijen)} categorieën; de cijfers staan in de tabel."

    @property
    def leeg(self) -> bool:
        return not self.rijen


def decimalen_voor(waarden: Sequence[Getal | None]) -> int:
    """The decimals a set of figures needs (at most 2), so one chart writes them all alike."""
    nodig = 0
    for waarde in waarden:
        if waarde is None:
            continue
        kwantum = Decimal(str(waarde)).normalize().as_tuple().exponent
        nodig = max(nodig, -kwantum if isinstance(kwantum, int) and kwantum < 0 else 0)
    return min(nodig, 2)


def getal_tekst(waarde: Getal | None, eenheid: str = "", decimalen: int | None = None) -> str:
    """Dutch number notation (1.234,5), with the unit: "€ 1.234" or "12,5 %"."""
    if waarde is None:
        return "–"
    if decimalen is None:
        decimalen = decimalen_voor([waarde])
    tekst = formats.number_format(waarde, decimal_pos=decimalen, use_l10n=True, force_grouping=True)
    if eenheid == "€":
        return f"€ {tekst}"
    return f"{tekst} {eenheid}".strip()


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= MAX_LABEL else tekst[: MAX_LABEL - 1].rstrip() + "…"


def _controleren(categorieen: Sequence[str], reeksen: Sequence[Reeks]) -> None:
    for reeks in reeksen:
        if len(reeks.waarden) != len(categorieen):
            aantal = len(reeks.waarden)
            raise ValueError(
                f"Reeks {reeks.naam!r} heeft {aantal} waarden voor {len(categorieen)} categorieën."
            )


def _tabel(
    categorieen: Sequence[str], reeksen: Sequence[Reeks], eenheid: str
) -> tuple[tuple[str, ...], tuple[Rij, ...]]:
    kolommen = tuple(reeks.naam for reeks in reeksen)
    decimalen = decimalen_voor([w for reeks in reeksen for w in reeks.waarden])
    rijen = tuple(
        Rij(categorie, tuple(getal_tekst(reeks.waarden[i], eenheid, decimalen) for reeks in reeksen))
        for i, categorie in enumerate(categorieen)
    )
    return kolommen, rijen


def _legenda(reeksen: Sequence[Reeks], y: float, strepen: Sequence[str] = ()) -> tuple[Legenda, ...]:
    items, x = [], 0.0
    for i, reeks in enumerate(reeksen):
        streep = strepen[i % len(strepen)] if strepen else ""
        items.append(Legenda(x, y, KLEUREN[i % len(KLEUREN)], _kort(reeks.naam), streep))
        x += 28 + 7 * min(len(reeks.naam), MAX_LABEL) + 16
    return tuple(items)


def staafdiagram(
    *,
    titel: str,
    categorieen: Sequence[str],
    reeksen: Sequence[Reeks],
    eenheid: str = "",
    gestapeld: bool = False,
) -> Grafiek:
    """Horizontal bars: per category one bar per series, or one stacked bar (only for values ≥ 0)."""
    _controleren(categorieen, reeksen)
    getallen = [float(w) for reeks in reeksen for w in reeks.waarden if w is not None]
    if gestapeld:
        if any(w < 0 for w in getallen):
            raise ValueError("Een gestapeld staafdiagram kan geen negatieve waarden tonen.")
        totalen = [sum(float(r.waarden[i] or 0) for r in reeksen) for i in range(len(categorieen))]
        laag, hoog = 0.0, max(totalen, default=0.0)
    else:
        laag, hoog = min([0.0, *getallen]), max([0.0, *getallen])
    bereik = (hoog - laag) or 1.0
    decimalen = decimalen_voor([w for reeks in reeksen for w in reeks.waarden])
    # Negative values get room on the left for their figure, so it never runs into the labels.
    begin = LABELBREEDTE + (WAARDERUIMTE if laag < 0 else 0)
    tekenbreedte = BREEDTE - begin - WAARDERUIMTE

    def x_van(waarde: float) -> float:
        return begin + (waarde - laag) / bereik * tekenbreedte

    nul = x_van(0.0)
    per_groep = STAAFHOOGTE if gestapeld else len(reeksen) * (STAAFHOOGTE + STAAFAFSTAND) - STAAFAFSTAND
    staven: list[Staaf] = []
    teksten: list[Tekst] = []
    y = LEGENDAHOOGTE + 8.0
    for i, categorie in enumerate(categorieen):
        teksten.append(Tekst(LABELBREEDTE - 8, y + per_groep / 2 + 4, _kort(categorie), "end"))
        if gestapeld:
            start = 0.0
            for j, reeks in enumerate(reeksen):
                waarde = float(reeks.waarden[i] or 0)
                x0, x1 = x_van(start), x_van(start + waarde)
                tekst = getal_tekst(reeks.waarden[i], eenheid, decimalen)
                binnen = (x1 - x0) >= 8 * len(tekst) + 6
                staven.append(
                    Staaf(
                        x0,
                        y,
                        x1 - x0,
                        STAAFHOOGTE,
                        KLEUREN[j % len(KLEUREN)],
                        tekst if binnen else "",
                        (x0 + x1) / 2,
                        y + STAAFHOOGTE - 4,
                        True,
                        f"{categorie}, {reeks.naam}: {tekst}",
                    )
                )
                start += waarde
            totaal = getal_tekst(sum(Decimal(str(r.waarden[i] or 0)) for r in reeksen), eenheid, decimalen)
            teksten.append(Tekst(x_van(start) + 4, y + STAAFHOOGTE - 4, totaal))
        else:
            for j, reeks in enumerate(reeksen):
                ruw = reeks.waarden[i]
                waarde = float(ruw) if ruw is not None else 0.0
                x0, x1 = sorted((nul, x_van(waarde)))
                tekst = getal_tekst(ruw, eenheid, decimalen)
                rechts = waarde >= 0
                staven.append(
                    Staaf(
                        x0,
                        y + j * (STAAFHOOGTE + STAAFAFSTAND),
                        x1 - x0,
                        STAAFHOOGTE,
                        KLEUREN[j % len(KLEUREN)],
                        tekst,
                        (x1 + 4) if rechts else (x0 - 4),
                        y + j * (STAAFHOOGTE + STAAFAFSTAND) + STAAFHOOGTE - 4,
                        False,
                        f"{categorie}, {reeks.naam}: {tekst}",
                        "start" if rechts else "end",
                    )
                )
        y += per_groep + GROEPAFSTAND
    raster = (
        ((nul, LEGENDAHOOGTE, nul, y),) if laag < 0 else ((LABELBREEDTE, LEGENDAHOOGTE, LABELBREEDTE, y),)
    )
    kolommen, rijen = _tabel(categorieen, reeksen, eenheid)
    return Grafiek(
        id=f"grafiek-{next(_volgnummer)}",
        soort="staaf",
        titel=titel,
        eenheid=eenheid,
        breedte=BREEDTE,
        hoogte=y + 4,
        staven=tuple(staven),
        lijnen=(),
        teksten=tuple(teksten),
        rasterlijnen=raster,
        legenda=_legenda(reeksen, 4),
        kolommen=kolommen,
        rijen=rijen,
    )


STREPEN = ("", "6 3", "2 3", "8 3 2 3")


def _mooie_stap(ruw: float) -> float:
    """A round step for the axis (1, 2, 2.5 or 5 times a power of ten) of at least `ruw`."""
    macht = 10.0 ** math.floor(math.log10(ruw))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * macht >= ruw:
            return factor * macht
    return 10 * macht


def lijndiagram(
    *, titel: str, categorieen: Sequence[str], reeksen: Sequence[Reeks], eenheid: str = ""
) -> Grafiek:
    """A trend per series over the categories (years, P&C moments); a missing value breaks no line,
    the line joins the known points. Series differ by colour and by dash pattern."""
    _controleren(categorieen, reeksen)
    getallen = [float(w) for reeks in reeksen for w in reeks.waarden if w is not None]
    stapgrootte = _mooie_stap((max([0.0, *getallen]) - min([0.0, *getallen])) / 4 or 1.0)
    laag = math.floor(min([0.0, *getallen]) / stapgrootte) * stapgrootte
    hoog = max(math.ceil(max([0.0, *getallen]) / stapgrootte) * stapgrootte, laag + stapgrootte)
    bereik = hoog - laag
    decimalen = decimalen_voor([w for reeks in reeksen for w in reeks.waarden])
    links, rechts, boven, onder = 70.0, 30.0, LEGENDAHOOGTE + 16.0, 36.0
    tekenbreedte, tekenhoogte = BREEDTE - links - rechts, LIJNHOOGTE - boven - onder
    stap = tekenbreedte / max(len(categorieen) - 1, 1)

    def y_van(waarde: float) -> float:
        return boven + tekenhoogte - (waarde - laag) / bereik * tekenhoogte

    teksten: list[Tekst] = []
    raster: list[tuple[float, float, float, float]] = []
    stappen = round(bereik / stapgrootte)
    for k in range(stappen + 1):
        waarde = laag + stapgrootte * k
        y = y_van(waarde)
        raster.append((links, y, BREEDTE - rechts, y))
        teksten.append(Tekst(links - 6, y + 4, getal_tekst(Decimal(str(round(waarde, 6))), eenheid), "end"))
    for i, categorie in enumerate(categorieen):
        teksten.append(Tekst(links + i * stap, LIJNHOOGTE - onder + 18, _kort(categorie), "middle"))
    lijnen = []
    for j, reeks in enumerate(reeksen):
        # Figures of the first series above their points, of the others below, so two close lines
        # do not print over each other.
        verschuiving = -8 if j == 0 else 18
        punten = [
            (
                links + i * stap,
                y_van(float(w)),
                y_van(float(w)) + verschuiving,
                getal_tekst(w, eenheid, decimalen),
            )
            for i, w in enumerate(reeks.waarden)
            if w is not None
        ]
        lijnen.append(
            Lijn(
                punten=" ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in punten),
                kleur=KLEUREN[j % len(KLEUREN)],
                stippen=tuple(punten),
                streep=STREPEN[j % len(STREPEN)],
            )
        )
    kolommen, rijen = _tabel(categorieen, reeksen, eenheid)
    return Grafiek(
        id=f"grafiek-{next(_volgnummer)}",
        soort="lijn",
        titel=titel,
        eenheid=eenheid,
        breedte=BREEDTE,
        hoogte=LIJNHOOGTE,
        staven=(),
        lijnen=tuple(lijnen),
        teksten=tuple(teksten),
        rasterlijnen=tuple(raster),
        legenda=_legenda(reeksen, 4, STREPEN),
        kolommen=kolommen,
        rijen=rijen,
    )
