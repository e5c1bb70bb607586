"""The process map as inline SVG, laid out on the server (the house style of core.grafieken: no
JavaScript, colours with 3:1 contrast, meaning never in colour only, a title and description, and
the same figures as a table right below).

Layout, top to bottom: the statuses as boxes in volgnummer order; an edge to the next status is a
straight arrow; an edge forward past other statuses curves out on the right; an edge back to an
earlier status (rework) curves out on the left with a dashed stroke. Edge width grows with the
count; every edge carries its count and median as text. The top bottleneck gets a thicker border
and the word "knelpunt" in its box. Render with
``{% include "dienstverlening/procesanalyse/_procesgrafiek.html" with grafiek=... %}``."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raadhuis.core.grafieken import getal_tekst
from raadhuis.dienstverlening.selectors.procesanalyse import Knoop, Overgang, Procesanalyse

BREEDTE = 640
DOOSBREEDTE = 220
DOOSHOOGTE = 58
TUSSENRUIMTE = 62
BOVEN = 12
MIDDEN = BREEDTE / 2
LINKS = MIDDEN - DOOSBREEDTE / 2
RECHTS = MIDDEN + DOOSBREEDTE / 2
BOOGSTAP = 26  # how much further out each extra status an edge passes bends
MAX_BOOG = 150
MIN_LIJN, MAX_LIJN = 1.5, 8.0
MAX_NAAM = 27  # bold 12px text in a 220px box; the full name is in the tooltip and the table

# Each has at least 3:1 contrast with white (WCAG 2.1 SC 1.4.11); core.grafieken.KLEUREN.
VOORUIT = "#1d5b8f"
TERUG = "#a34a12"
RAND = "#3f4a55"
KNELPUNT = "#9c1c48"
TEKST = "#1a1a1a"
STREEP_TERUG = "7 4"

_volgnummer = itertools.count(1)


@dataclass(frozen=True)
class Doos:
    x: float
    y: float
    breedte: float
    hoogte: float
    naam: str
    regel: str  # count and time in the status
    knelpunt: bool
    omschrijving: str  # the box's tooltip (<title>)

    @property
    def rand(self) -> str:
        return KNELPUNT if self.knelpunt else RAND

    @property
    def randdikte(self) -> float:
        return 4.0 if self.knelpunt else 1.5


@dataclass(frozen=True)
class Pijl:
    pad: str  # SVG path data
    dikte: float
    kleur: str
    streep: str  # dash pattern: rework differs in more than colour
    label: str
    label_x: float
    label_y: float
    anker: str
    omschrijving: str
    terug: bool


@dataclass(frozen=True)
class Tabelrij:
    van: str
    naar: str
    soort: str
    aantal: int
    mediaan: str
    p90: str


@dataclass(frozen=True)
class Procesgrafiek:
    id: str
    titel: str
    samenvatting: str
    breedte: float
    hoogte: float
    dozen: tuple[Doos, ...]
    pijlen: tuple[Pijl, ...]
    rijen: tuple[Tabelrij, ...]

    @property
    def leeg(self) -> bool:
        return not self.dozen


def uren_tekst(uren: float | int | None) -> str:
    if uren is None:
        return "–"
    return getal_tekst(uren, _("uur"), 0 if isinstance(uren, int) else 1)


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= MAX_NAAM else tekst[: MAX_NAAM - 1].rstrip() + "…"


def _soort(overgang: Overgang) -> str:
    if overgang.terug:
        return _("terug (herhaling)")
    if overgang.overgeslagen:
        return _("vooruit, slaat over")
    return _("vooruit")


def _label(overgang: Overgang) -> str:
    return _("%(aantal)s× · med. %(mediaan)s") % {
        "aantal": overgang.aantal,
        "mediaan": uren_tekst(overgang.mediaan_uren),
    }


def _doosregel(knoop: Knoop) -> str:
    keer = ngettext("%(aantal)s keer", "%(aantal)s keer", knoop.aantal) % {"aantal": knoop.aantal}
    if knoop.mediaan_uren is None:
        return keer
    return _("%(keer)s · mediaan %(mediaan)s") % {"keer": keer, "mediaan": uren_tekst(knoop.mediaan_uren)}


def procesgrafiek(analyse: Procesanalyse) -> Procesgrafiek:
    """Lays out the analysis's directly-follows graph; statuses never entered are still drawn, so
    the designed flow stays visible."""
    knopen = analyse.knopen
    positie = {knoop.statustype.pk: i for i, knoop in enumerate(knopen)}
    knelpunt = analyse.knelpunt.statustype.pk if analyse.knelpunt else None

    def boven(i: int) -> float:
        return BOVEN + i * (DOOSHOOGTE + TUSSENRUIMTE)

    dozen = tuple(
        Doos(
            x=LINKS,
            y=boven(i),
            breedte=DOOSBREEDTE,
            hoogte=DOOSHOOGTE,
            naam=_kort(knoop.statustype.omschrijving),
            regel=_doosregel(knoop),
            knelpunt=knoop.statustype.pk == knelpunt,
            omschrijving=_("%(status)s: %(aantal)s keer gezet, mediane tijd in de status %(mediaan)s")
            % {
                "status": knoop.statustype.omschrijving,
                "aantal": knoop.aantal,
                "mediaan": uren_tekst(knoop.mediaan_uren),
            },
        )
        for i, knoop in enumerate(knopen)
    )
    meeste = max((o.aantal for o in analyse.overgangen), default=1)
    pijlen: list[Pijl] = []
    for overgang in analyse.overgangen:
        van, naar = positie[overgang.van.pk], positie[overgang.naar.pk]
        if van == naar:
            continue  # the services never set a status twice in a row; nothing to draw
        dikte = MIN_LIJN + (MAX_LIJN - MIN_LIJN) * overgang.aantal / meeste
        label = _label(overgang)
        omschrijving = _("Van %(van)s naar %(naar)s: %(label)s, p90 %(p90)s") % {
            "van": overgang.van.omschrijving,
            "naar": overgang.naar.omschrijving,
            "label": label,
            "p90": uren_tekst(overgang.p90_uren),
        }
        if naar == van + 1:
            y1, y2 = boven(van) + DOOSHOOGTE, boven(naar) - 2
            pad = f"M {MIDDEN:.1f} {y1:.1f} L {MIDDEN:.1f} {y2:.1f}"
            pijlen.append(
                Pijl(
                    pad,
                    dikte,
                    VOORUIT,
                    "",
                    label,
                    MIDDEN + 10,
                    (y1 + y2) / 2 + 4,
                    "start",
                    omschrijving,
                    False,
                )
            )
            continue
        terug = naar < van
        # Rework bends out on the left, forward skips on the right; further for longer spans.
        kant = -1 if terug else 1
        rand = LINKS if terug else RECHTS
        uit = min(MAX_BOOG, 30 + BOOGSTAP * (abs(naar - van) - 1))
        # Ends sit apart by span, so edges meeting at one box side do not share an arrowhead, and
        # forward skips (above the middle) never meet rework (below it).
        verschuif = (8 + 8 * ((abs(naar - van) - 1) % 3)) * (1 if terug else -1)
        y1 = boven(van) + DOOSHOOGTE / 2 + verschuif
        y2 = boven(naar) + DOOSHOOGTE / 2 + verschuif
        x_boog = rand + kant * uit
        pad = (
            f"M {rand:.1f} {y1:.1f} C {x_boog:.1f} {y1:.1f}, {x_boog:.1f} {y2:.1f}, "
            f"{rand + kant * 3:.1f} {y2:.1f}"
        )
        # A cubic with both control points at x_boog peaks at three quarters of the way out.
        label_x = rand + kant * (uit * 0.75 + 6)
        pijlen.append(
            Pijl(
                pad,
                dikte,
                TERUG if terug else VOORUIT,
                STREEP_TERUG if terug else "",
                label,
                label_x,
                (y1 + y2) / 2 + 4,
                "end" if terug else "start",
                omschrijving,
                terug,
            )
        )
    rijen = tuple(
        Tabelrij(
            van=o.van.omschrijving,
            naar=o.naar.omschrijving,
            soort=_soort(o),
            aantal=o.aantal,
            mediaan=uren_tekst(o.mediaan_uren),
            p90=uren_tekst(o.p90_uren),
        )
        for o in analyse.overgangen
    )
    titel = _("Proceskaart van %(zaaktype)s") % {"zaaktype": analyse.zaaktype.omschrijving}
    samenvatting = _(
        "%(statussen)s statussen van boven naar beneden, %(overgangen)s overgangen waarvan "
        "%(terug)s terug (gestreept, links)."
    ) % {
        "statussen": len(knopen),
        "overgangen": len(analyse.overgangen),
        "terug": sum(1 for o in analyse.overgangen if o.terug),
    }
    if analyse.knelpunt is not None:
        samenvatting += " " + _("Knelpunt: %(status)s.") % {
            "status": analyse.knelpunt.statustype.omschrijving
        }
    samenvatting += " " + _("De cijfers staan in de tabel onder de kaart.")
    hoogte = boven(len(knopen)) - TUSSENRUIMTE + BOVEN if knopen else 0
    return Procesgrafiek(
        id=f"proceskaart-{next(_volgnummer)}",
        titel=titel,
        samenvatting=samenvatting,
        breedte=BREEDTE,
        hoogte=hoogte,
        dozen=dozen,
        pijlen=tuple(pijlen),
        rijen=rijen,
    )
