"""The BBV beleidsindicatoren for Bestuur en ondersteuning (Regeling beleidsindicatoren), computed from
the entered numerator and denominator."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.uitvoering import bbv, services
from raadhuis.uitvoering.tests.hulp import controller


def test_formatie_is_fte_per_1000_inwoners() -> None:
    # 340 fte for 57,000 inhabitants: 5.96 fte per 1,000 inwoners.
    assert bbv.berekenen(bbv.Soort.FORMATIE, teller=Decimal(340), noemer=Decimal(57000)) == Decimal("5.96")


def test_bezetting_is_fte_in_dienst_per_1000_inwoners() -> None:
    assert bbv.berekenen(bbv.Soort.BEZETTING, teller=Decimal("318.5"), noemer=Decimal(57000)) == Decimal(
        "5.59"
    )


def test_apparaatskosten_zijn_euro_per_inwoner() -> None:
    assert bbv.berekenen(
        bbv.Soort.APPARAATSKOSTEN, teller=Decimal(39_900_000), noemer=Decimal(57000)
    ) == Decimal("700.00")


def test_externe_inhuur_is_percentage_van_loonsom_plus_inhuur() -> None:
    # 3 million inhuur on a loonsom of 27 million: 3 / (27 + 3) = 10 %, not 3 / 27 = 11.11 %.
    assert bbv.berekenen(
        bbv.Soort.EXTERNE_INHUUR, teller=Decimal(3_000_000), noemer=Decimal(27_000_000)
    ) == Decimal("10.00")


def test_overhead_is_percentage_van_totale_lasten() -> None:
    assert bbv.berekenen(
        bbv.Soort.OVERHEAD, teller=Decimal(14_000_000), noemer=Decimal(140_000_000)
    ) == Decimal("10.00")


def test_elke_indicator_heeft_zijn_bbv_definitie_en_eenheid() -> None:
    assert set(bbv.DEFINITIES) == set(bbv.Soort.values)
    assert bbv.DEFINITIES[bbv.Soort.FORMATIE].eenheid == "fte per 1.000 inwoners"
    assert "taakveld 0.4" in bbv.DEFINITIES[bbv.Soort.OVERHEAD].definitie
    assert "zonder griffie en bestuur" in bbv.DEFINITIES[bbv.Soort.APPARAATSKOSTEN].definitie


@given(
    inhuur=st.decimals(min_value=0, max_value=10**9, places=2),
    loonsom=st.decimals(min_value=1, max_value=10**9, places=2),
)
def test_externe_inhuur_ligt_altijd_tussen_0_en_100_procent(inhuur: Decimal, loonsom: Decimal) -> None:
    waarde = bbv.berekenen(bbv.Soort.EXTERNE_INHUUR, teller=inhuur, noemer=loonsom)
    assert waarde is not None
    assert Decimal(0) <= waarde <= Decimal(100)


@pytest.mark.django_db
def test_kengetal_bewaart_teller_noemer_eenheid_peildatum_en_bron() -> None:
    kengetal = services.kengetal_vastleggen(
        door=controller(),
        soort=bbv.Soort.FORMATIE,
        jaar=2023,
        teller=Decimal(340),
        noemer=Decimal(57000),
        peildatum=dt.date(2023, 1, 1),
        bron="Begroting 2023, paragraaf bedrijfsvoering",
    )
    assert kengetal.eenheid == "fte per 1.000 inwoners"
    assert kengetal.waarde == Decimal("5.96")


@pytest.mark.django_db
def test_kengetal_met_noemer_nul_wordt_geweigerd() -> None:
    with pytest.raises(ValidationError) as fout:
        services.kengetal_vastleggen(
            door=controller(),
            soort=bbv.Soort.OVERHEAD,
            jaar=2023,
            teller=Decimal(1),
            noemer=Decimal(0),
            peildatum=dt.date(2023, 12, 31),
            bron="Jaarrekening",
        )
    assert "groter dan nul" in fout.value.message_dict["noemer"][0]


@pytest.mark.django_db
def test_alleen_controller_of_beheerder_legt_kengetallen_vast() -> None:
    with pytest.raises(PermissionDenied):
        services.kengetal_vastleggen(
            door=MedewerkerFactory(rollen=[Rol.COLLEGELID]),
            soort=bbv.Soort.OVERHEAD,
            jaar=2023,
            teller=Decimal(1),
            noemer=Decimal(10),
            peildatum=dt.date(2023, 12, 31),
            bron="Jaarrekening",
        )
