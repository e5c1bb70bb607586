"""Selectors for bodies and meetings: seats on a date, fracties, agendas in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from raadhuis.besluitvorming import selectors
from raadhuis.besluitvorming.models import Lidmaatschap, Stuk, Vergadering
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    FractieFactory,
    FractielidmaatschapFactory,
    LidmaatschapFactory,
    OrgaanFactory,
    PersoonFactory,
    StukFactory,
    VergaderingFactory,
    raad_met_leden,
)

pytestmark = pytest.mark.django_db

DAG = dt.date(2024, 6, 1)


def test_zittende_leden_en_vacatures_op_een_datum() -> None:
    raad = raad_met_leden((5, 4), vacatures=2)
    LidmaatschapFactory(orgaan=raad.orgaan, functie=Lidmaatschap.Functie.GRIFFIER)
    vertrokken = LidmaatschapFactory(orgaan=raad.orgaan, einde=dt.date(2023, 1, 1)).persoon

    leden = selectors.zittende_leden(raad.orgaan, DAG)

    assert sorted(p.pk for p in leden) == sorted(p.pk for p in raad.leden)
    assert vertrokken not in leden
    assert selectors.vacatures(raad.orgaan, DAG) == 2
    assert vertrokken in selectors.zittende_leden(raad.orgaan, dt.date(2022, 12, 31))


def test_lid_na_het_einde_zit_niet_meer() -> None:
    lid = LidmaatschapFactory(einde=dt.date(2024, 5, 31))
    assert selectors.zittende_leden(lid.orgaan, dt.date(2024, 5, 31)) == [lid.persoon]
    assert selectors.zittende_leden(lid.orgaan, DAG) == []


def test_fractie_op_een_datum_volgt_de_wissel() -> None:
    persoon = PersoonFactory()
    oud, nieuw = FractieFactory(), FractieFactory()
    FractielidmaatschapFactory(persoon=persoon, fractie=oud, einde=dt.date(2024, 2, 29))
    FractielidmaatschapFactory(persoon=persoon, fractie=nieuw, begin=dt.date(2024, 3, 1))
    assert selectors.fractie_op(persoon, dt.date(2024, 2, 29)) == oud
    assert selectors.fractie_op(persoon, dt.date(2024, 3, 1)) == nieuw
    assert selectors.fractie_op(persoon, dt.date(2020, 1, 1)) is None


def test_fracties_met_zetels_grootste_eerst() -> None:
    raad = raad_met_leden((2, 5, 3))
    uitkomst = selectors.fracties_met_zetels(raad.orgaan, DAG)
    assert [(f.fractie, f.zetels) for f in uitkomst] == [
        (raad.fracties[1], 5),
        (raad.fracties[2], 3),
        (raad.fracties[0], 2),
    ]


def test_fracties_met_zetels_in_vaste_queries(django_assert_num_queries: Any) -> None:
    raad = raad_met_leden((9, 7, 5, 4, 3, 2, 1))
    with django_assert_num_queries(2):
        assert len(selectors.fracties_met_zetels(raad.orgaan, DAG)) == 7


def test_vergaderingen_van_een_orgaan_in_een_periode() -> None:
    raad = OrgaanFactory()
    binnen = VergaderingFactory(orgaan=raad, begin=dt.datetime(2024, 6, 3, 20, tzinfo=dt.UTC))
    VergaderingFactory(orgaan=raad, begin=dt.datetime(2024, 7, 3, 20, tzinfo=dt.UTC))
    VergaderingFactory(begin=dt.datetime(2024, 6, 4, 20, tzinfo=dt.UTC))
    AgendapuntFactory(vergadering=binnen)
    gevonden = list(selectors.vergaderingen_van(raad, dt.date(2024, 6, 1), dt.date(2024, 6, 30)))
    assert gevonden == [binnen]
    assert gevonden[0].aantal_agendapunten == 1


def vergadering_met_veel_punten(aantal: int) -> Vergadering:
    vergadering = VergaderingFactory()
    portefeuillehouder = PersoonFactory()
    for nummer in range(1, aantal + 1):
        punt = AgendapuntFactory(
            vergadering=vergadering,
            volgnummer=nummer,
            besloten=nummer % 5 == 0,
            portefeuillehouder=portefeuillehouder,
        )
        StukFactory(orgaan=vergadering.orgaan, agendapunt=punt)
        StukFactory(orgaan=vergadering.orgaan, agendapunt=punt, openbaarheid=Stuk.Openbaarheid.GEHEIM)
    return vergadering


def _alles_lezen(vergadering: Vergadering) -> int:
    gelezen = 0
    assert vergadering.orgaan.naam
    for punt in vergadering.agendapunten.all():
        gelezen += 1
        _ = punt.portefeuillehouder.naam if punt.portefeuillehouder else ""
        gelezen += len([stuk.titel for stuk in punt.stukken.all()])
    return gelezen


@pytest.mark.parametrize("aantal", [3, 30])
def test_vergadering_met_agenda_in_drie_queries(aantal: int, django_assert_num_queries: Any) -> None:
    vergadering = vergadering_met_veel_punten(aantal)
    with django_assert_num_queries(3):
        gelezen = _alles_lezen(selectors.vergadering_met_agenda(vergadering.pk))
    assert gelezen == aantal * 3


def test_openbare_agenda_toont_geen_besloten_punten_of_geheime_stukken(
    django_assert_num_queries: Any,
) -> None:
    vergadering = vergadering_met_veel_punten(10)
    with django_assert_num_queries(3):
        openbaar = selectors.openbare_vergadering_met_agenda(vergadering.pk)
        punten = list(openbaar.agendapunten.all())
        stukken = [stuk for punt in punten for stuk in punt.stukken.all()]
    assert len(punten) == 8
    assert not any(punt.besloten for punt in punten)
    assert len(stukken) == 8
    assert all(stuk.openbaarheid == Stuk.Openbaarheid.OPENBAAR for stuk in stukken)


def test_openbare_agenda_van_besloten_vergadering_is_leeg() -> None:
    vergadering = VergaderingFactory(besloten=True)
    AgendapuntFactory(vergadering=vergadering)
    assert list(selectors.openbare_vergadering_met_agenda(vergadering.pk).agendapunten.all()) == []
    assert selectors.openbare_vergaderingen_van(vergadering.orgaan).get().aantal_agendapunten == 0


def test_presentielijst_toont_iedereen_met_een_functie() -> None:
    raad = raad_met_leden((2, 1))
    griffier = LidmaatschapFactory(orgaan=raad.orgaan, functie=Lidmaatschap.Functie.GRIFFIER).persoon
    vergadering = VergaderingFactory(orgaan=raad.orgaan)
    regels = selectors.presentielijst(vergadering)
    assert len(regels) == 4
    assert {r.persoon for r in regels if not r.zetel} == {griffier}
    assert all(r.aanwezig is None for r in regels)


def test_andere_geplande_vergaderingen_voor_verplaatsen() -> None:
    raad = OrgaanFactory()
    huidig = VergaderingFactory(orgaan=raad)
    later = VergaderingFactory(orgaan=raad)
    VergaderingFactory(orgaan=raad, status=Vergadering.Status.GEHOUDEN)
    VergaderingFactory()
    assert list(selectors.andere_geplande_vergaderingen(huidig)) == [later]
