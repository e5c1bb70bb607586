"""The process map's layout and its accessible SVG: boxes in volgnummer order, straight arrows to
the next status, skips on the right, rework dashed on the left, width by count, the bottleneck
marked with a thicker border and in words, and the same figures in the table."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string

from raadhuis.dienstverlening.procesgrafiek import (
    LINKS,
    MAX_LIJN,
    MIDDEN,
    MIN_LIJN,
    RECHTS,
    STREEP_TERUG,
    Pijl,
    Procesgrafiek,
    procesgrafiek,
)
from raadhuis.dienstverlening.selectors.procesanalyse import procesanalyse
from raadhuis.dienstverlening.tests.test_procesanalyse_selectors import MAART, handgemaakt_logboek, proces

pytestmark = pytest.mark.django_db


@pytest.fixture
def grafiek() -> Procesgrafiek:
    zaaktype, _ = handgemaakt_logboek()
    return procesgrafiek(procesanalyse(zaaktype=zaaktype, periode=MAART))


def _pijl(grafiek: Procesgrafiek, omschrijving_begint: str) -> Pijl:
    return next(p for p in grafiek.pijlen if p.omschrijving.startswith(omschrijving_begint))


def _uiterste_x(pijl: Pijl) -> list[float]:
    return [float(x) for x in re.findall(r"(-?\d+\.\d) -?\d+\.\d", pijl.pad)]


def test_statussen_van_boven_naar_beneden_in_volgnummer_volgorde(grafiek: Procesgrafiek) -> None:
    assert [d.naam for d in grafiek.dozen] == [
        "Ontvangen",
        "Beoordelen",
        "Aanvulling",
        "Besluit",
        "Afgehandeld",
    ]
    hoogtes = [d.y for d in grafiek.dozen]
    assert hoogtes == sorted(hoogtes)
    assert {d.x for d in grafiek.dozen} == {LINKS}
    assert grafiek.hoogte > hoogtes[-1]


def test_knelpunt_heeft_dikkere_rand_en_tekst(grafiek: Procesgrafiek) -> None:
    knelpunten = [d for d in grafiek.dozen if d.knelpunt]
    assert [d.naam for d in knelpunten] == ["Besluit"]
    assert knelpunten[0].randdikte > max(d.randdikte for d in grafiek.dozen if not d.knelpunt)
    assert "Knelpunt: Besluit." in grafiek.samenvatting


def test_pijl_naar_de_volgende_status_is_recht(grafiek: Procesgrafiek) -> None:
    pijl = _pijl(grafiek, "Van Ontvangen naar Beoordelen")
    assert pijl.pad.startswith(f"M {MIDDEN:.1f} ")
    assert " L " in pijl.pad
    assert pijl.streep == ""
    assert pijl.label == "3× · med. 20 uur"


def test_terug_gestreept_links_en_overslaan_rechts(grafiek: Procesgrafiek) -> None:
    terug = _pijl(grafiek, "Van Aanvulling naar Beoordelen")
    assert terug.terug
    assert terug.streep == STREEP_TERUG
    assert min(_uiterste_x(terug)) < LINKS
    assert terug.anker == "end"
    overslaan = _pijl(grafiek, "Van Ontvangen naar Besluit")
    assert not overslaan.terug
    assert overslaan.streep == ""
    assert max(_uiterste_x(overslaan)) > RECHTS
    # passing two statuses bends further out than passing one
    kort = _pijl(grafiek, "Van Beoordelen naar Besluit")
    assert max(_uiterste_x(overslaan)) > max(_uiterste_x(kort))


def test_pijldikte_naar_aantal(grafiek: Procesgrafiek) -> None:
    # Besluit → Afgehandeld is the busiest edge (4); Beoordelen → Aanvulling has one
    assert _pijl(grafiek, "Van Besluit naar Afgehandeld").dikte == pytest.approx(MAX_LIJN)
    assert _pijl(grafiek, "Van Beoordelen naar Aanvulling").dikte == pytest.approx(
        MIN_LIJN + (MAX_LIJN - MIN_LIJN) / 4
    )


def test_tabel_heeft_dezelfde_cijfers_als_de_kaart(grafiek: Procesgrafiek) -> None:
    rijen = {(r.van, r.naar): (r.soort, r.aantal, r.mediaan, r.p90) for r in grafiek.rijen}
    assert rijen[("Besluit", "Afgehandeld")] == ("vooruit", 4, "60 uur", "100 uur")
    assert rijen[("Aanvulling", "Beoordelen")] == ("terug (herhaling)", 1, "24 uur", "24 uur")
    assert rijen[("Ontvangen", "Besluit")] == ("vooruit, slaat over", 1, "2 uur", "2 uur")
    assert len(rijen) == len(grafiek.pijlen) == 6


def test_svg_is_toegankelijk_met_tabel_eronder(grafiek: Procesgrafiek) -> None:
    html = render_to_string("dienstverlening/procesanalyse/_procesgrafiek.html", {"grafiek": grafiek})
    assert f'role="img" aria-labelledby="{grafiek.id}-svgtitel {grafiek.id}-svgdesc"' in html
    assert f'<title id="{grafiek.id}-svgtitel">Proceskaart van Testproces</title>' in html
    assert f'<desc id="{grafiek.id}-svgdesc">' in html
    assert html.count(f'stroke-dasharray="{STREEP_TERUG}"') == 1
    assert "▲ knelpunt" in html
    assert html.index("</svg>") < html.index("<table")
    assert html.count('scope="row"') == 6
    assert "<script" not in html


def test_zaaktype_zonder_statussen_geeft_lege_kaart() -> None:
    zaaktype = proces("leeg", statussen=())
    grafiek = procesgrafiek(procesanalyse(zaaktype=zaaktype, periode=MAART))
    assert grafiek.leeg
    html = render_to_string("dienstverlening/procesanalyse/_procesgrafiek.html", {"grafiek": grafiek})
    assert "<svg" not in html
    assert "Nog geen gegevens." in html
