"""Reads of votes and registers, with their query counts (no N+1)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raadhuis.besluitvorming import selectors, services
from raadhuis.besluitvorming.models import Voorstel
from raadhuis.besluitvorming.selectors import Registerfilter
from raadhuis.besluitvorming.tests.factories import raad_met_leden
from raadhuis.besluitvorming.tests.stemhulp import (
    agendapunt_van,
    collegeleden,
    hoofdelijk,
    indienen,
    vergadering_van,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def raad():
    return raad_met_leden((5, 4, 2))


def _moties_met_stemmingen(griffier, raad, aantal: int):
    vergadering = vergadering_van(raad)
    moties = []
    for n in range(aantal):
        punt = agendapunt_van(vergadering)
        motie = indienen(griffier, raad, punt, titel=f"Motie {n}")
        stemming = services.stemming_vastleggen(
            voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 6 + n % 3), door=griffier
        )
        services.stemverklaring_vastleggen(
            stemming=stemming, persoon=raad.leden[0], tekst="Voor.", door=griffier
        )
        moties.append(motie)
    return vergadering, moties


def _lees_alles(stemmingen) -> int:
    totaal = 0
    for stemming in stemmingen:
        totaal += len(str(stemming.voorstel)) + len(str(stemming.agendapunt))
        for stem in stemming.stemmen.all():
            totaal += len(stem.persoon.naam) + len(str(stem.fractie))
        for resultaat in stemming.fractieresultaten.all():
            totaal += len(resultaat.fractie.naam)
        for verklaring in stemming.stemverklaringen.all():
            totaal += len(verklaring.persoon.naam)
        totaal += len(stemming.tegen_aangetekend.all()) + len(stemming.moeten_onthouden.all())
    return totaal


def _queries(functie) -> int:
    with CaptureQueriesContext(connection) as vastgelegd:
        functie()
    return len(vastgelegd.captured_queries)


def test_stemmingen_van_vergadering_in_vaste_aantal_queries(griffier, raad) -> None:
    vergadering, _ = _moties_met_stemmingen(griffier, raad, 2)
    weinig = _queries(lambda: _lees_alles(selectors.stemmingen_van_vergadering(vergadering=vergadering)))
    _moties_met_stemmingen_in(griffier, raad, vergadering, 4)
    veel = _queries(lambda: _lees_alles(selectors.stemmingen_van_vergadering(vergadering=vergadering)))
    assert weinig == veel == 6


def _moties_met_stemmingen_in(griffier, raad, vergadering, aantal: int) -> None:
    for n in range(aantal):
        punt = agendapunt_van(vergadering)
        motie = indienen(griffier, raad, punt, titel=f"Extra motie {n}")
        services.stemming_vastleggen(
            voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 7), door=griffier
        )


def test_stemgedrag_van_persoon_en_fractie(griffier, raad) -> None:
    _, moties = _moties_met_stemmingen(griffier, raad, 3)
    lid = raad.leden[6]  # in the second fractie; voor in the second and third vote (7 and 8 voor)
    stemmen = list(selectors.stemgedrag_van_persoon(persoon=lid))
    assert [s.stemming.voorstel for s in stemmen] == list(reversed(moties))
    assert [s.keuze for s in stemmen] == ["voor", "voor", "tegen"]
    with CaptureQueriesContext(connection) as vastgelegd:
        for stem in selectors.stemgedrag_van_persoon(persoon=lid):
            str(stem.stemming.voorstel), str(stem.stemming.vergadering), str(stem.fractie)
    assert len(vastgelegd.captured_queries) == 1
    resultaten = list(selectors.stemgedrag_van_fractie(fractie=raad.fracties[1]))
    assert [r.resultaat for r in resultaten] == ["verdeeld", "verdeeld", "verdeeld"]
    assert [r.resultaat for r in selectors.stemgedrag_van_fractie(fractie=raad.fracties[2])] == [
        "verworpen"
    ] * 3
    with CaptureQueriesContext(connection) as vastgelegd:
        for resultaat in selectors.stemgedrag_van_fractie(fractie=raad.fracties[1]):
            str(resultaat.stemming.voorstel), str(resultaat.stemming.vergadering)
    assert len(vastgelegd.captured_queries) == 1


def test_stemvolgorde_voor_agendapunt(griffier, raad) -> None:
    punt = agendapunt_van(vergadering_van(raad))
    motie = indienen(griffier, raad, punt, titel="Motie")
    raadsvoorstel = indienen(griffier, raad, punt, soort=Voorstel.Soort.VOORSTEL, titel="Voorstel")
    licht = indienen(griffier, raad, punt, soort=Voorstel.Soort.AMENDEMENT, wijzigt=raadsvoorstel, titel="A1")
    ver = indienen(
        griffier, raad, punt, soort=Voorstel.Soort.AMENDEMENT, wijzigt=raadsvoorstel, titel="A2", strekking=5
    )
    sub = indienen(griffier, raad, punt, soort=Voorstel.Soort.SUBAMENDEMENT, wijzigt=licht, titel="S1")
    assert selectors.stemvolgorde_voor(agendapunt=punt) == [ver, sub, licht, raadsvoorstel, motie]


def test_registers_met_filter_en_achterstallig_gemarkeerd(griffier, raad) -> None:
    _, leden, _ = collegeleden(3)
    wethouder, andere = leden[1], leden[2]
    vergadering, moties = _moties_met_stemmingen(griffier, raad, 3)  # all adopted (6+ of 11 voor)
    for n, motie in enumerate(moties):
        services.motie_afhandeling_bijwerken(
            motie=motie,
            portefeuillehouder=wethouder if n else andere,
            uiterste_datum=dt.date(2024, 5, 1 + n),
            door=griffier,
        )
    for n in range(3):
        services.toezegging_vastleggen(
            vergadering=vergadering,
            portefeuillehouder=wethouder,
            tekst=f"Toezegging {n}",
            uiterste_datum=dt.date(2024, 4, 1) + dt.timedelta(days=30 * n),
            door=griffier,
        )
    op = dt.date(2024, 5, 2)
    regels = selectors.moties_register(Registerfilter(op=op))
    assert [(r.achterstallig, r.dagen_te_laat) for r in regels] == [(True, 1), (False, 0), (False, 0)]
    assert len(selectors.moties_register(Registerfilter(portefeuillehouder=wethouder, op=op))) == 2
    assert len(selectors.moties_register(Registerfilter(alleen_achterstallig=True, op=op))) == 1
    toezeggingen = selectors.toezeggingen_register(Registerfilter(op=op))
    assert [r.achterstallig for r in toezeggingen] == [True, True, False]
    assert len(selectors.toezeggingen_register(Registerfilter(status="afgedaan"))) == 0
    with CaptureQueriesContext(connection) as vastgelegd:
        for regel in selectors.toezeggingen_register(Registerfilter(op=op)):
            str(regel.item.portefeuillehouder), str(regel.item.vergadering)
        for motie in selectors.moties_register(Registerfilter(op=op)):
            str(motie.item.portefeuillehouder), str(motie.item.vergadering), str(motie.item.agendapunt)
        list(selectors.achterstallige_moties(op=op))
        list(selectors.achterstallige_toezeggingen(op=op))
    assert len(vastgelegd.captured_queries) == 4
