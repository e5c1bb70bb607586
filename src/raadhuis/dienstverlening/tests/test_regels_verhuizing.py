"""Wet BRP art. 2.39 (verhuizing) and art. 2.43 (vertrek naar het buitenland), incl. property tests."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.dienstverlening import regels

datums = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
verschuivingen = st.integers(min_value=-400, max_value=400)


# --- Wet BRP art. 2.39 ----------------------------------------------------------------------------


def test_wet_brp_art_2_39_verhuizing_op_de_dag_zelf_telt_met_de_verhuisdatum() -> None:
    dag = date(2026, 11, 30)
    assert regels.verhuizing_melden(verhuisdatum=dag, meldingsdatum=dag) == dag


def test_wet_brp_art_2_39_precies_4_weken_vooraf_mag_een_dag_eerder_niet() -> None:
    verhuizing = date(2026, 12, 28)
    assert regels.verhuizing_melden(verhuisdatum=verhuizing, meldingsdatum=date(2026, 11, 30)) == verhuizing
    with pytest.raises(ValidationError) as fout:
        regels.verhuizing_melden(verhuisdatum=verhuizing, meldingsdatum=date(2026, 11, 29))
    bericht = fout.value.message_dict["verhuisdatum"][0]
    assert "ten vroegste 4 weken" in bericht
    assert "Wet BRP art. 2.39" in bericht
    assert "30 november 2026" in bericht


def test_wet_brp_art_2_39_tot_5_dagen_achteraf_telt_de_verhuisdatum_later_de_meldingsdatum() -> None:
    verhuizing = date(2026, 11, 20)
    assert regels.verhuizing_melden(verhuisdatum=verhuizing, meldingsdatum=date(2026, 11, 25)) == verhuizing
    assert not regels.verhuizing_te_laat(verhuisdatum=verhuizing, meldingsdatum=date(2026, 11, 25))
    # Reported on the 6th day: still accepted, but the BRP records the report date as the move date.
    assert regels.verhuizing_melden(verhuisdatum=verhuizing, meldingsdatum=date(2026, 11, 26)) == date(
        2026, 11, 26
    )
    assert regels.verhuizing_te_laat(verhuisdatum=verhuizing, meldingsdatum=date(2026, 11, 26))


@given(meldingsdatum=datums, verschil=verschuivingen)
def test_wet_brp_art_2_39_venster_eigenschap(meldingsdatum: date, verschil: int) -> None:
    """For any report date and move date: refused exactly when the move is more than 28 days ahead;
    otherwise the recorded date is the move date inside the window and the report date after it."""
    verhuisdatum = meldingsdatum + timedelta(days=verschil)
    if verschil > 28:
        with pytest.raises(ValidationError):
            regels.verhuizing_melden(verhuisdatum=verhuisdatum, meldingsdatum=meldingsdatum)
        return
    ingang = regels.verhuizing_melden(verhuisdatum=verhuisdatum, meldingsdatum=meldingsdatum)
    assert ingang == (meldingsdatum if verschil < -5 else verhuisdatum)
    assert ingang >= verhuisdatum


# --- Wet BRP art. 2.43 ----------------------------------------------------------------------------


def test_wet_brp_art_2_43_vertrek_ten_hoogste_5_dagen_vooraf() -> None:
    vertrek = date(2026, 12, 10)
    regels.vertrek_buitenland_melden(vertrekdatum=vertrek, meldingsdatum=date(2026, 12, 5))
    with pytest.raises(ValidationError) as fout:
        regels.vertrek_buitenland_melden(vertrekdatum=vertrek, meldingsdatum=date(2026, 12, 4))
    assert "Wet BRP art. 2.43" in fout.value.message_dict["vertrekdatum"][0]
    with pytest.raises(ValidationError):
        regels.vertrek_buitenland_melden(vertrekdatum=vertrek, meldingsdatum=date(2026, 12, 11))


@given(meldingsdatum=datums, verschil=st.integers(min_value=-60, max_value=60))
def test_wet_brp_art_2_43_venster_eigenschap(meldingsdatum: date, verschil: int) -> None:
    vertrek = meldingsdatum + timedelta(days=verschil)
    toegestaan = 0 <= verschil <= 5
    if toegestaan:
        regels.vertrek_buitenland_melden(vertrekdatum=vertrek, meldingsdatum=meldingsdatum)
    else:
        with pytest.raises(ValidationError):
            regels.vertrek_buitenland_melden(vertrekdatum=vertrek, meldingsdatum=meldingsdatum)


def test_wet_brp_art_2_43_emigratie_vanaf_8_maanden() -> None:
    assert not regels.is_emigratie(maanden_in_het_buitenland=7)
    assert regels.is_emigratie(maanden_in_het_buitenland=8)
