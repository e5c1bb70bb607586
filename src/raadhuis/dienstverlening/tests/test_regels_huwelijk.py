"""Melding voorgenomen huwelijk: BW 1 art. 44 (2 weeks to 1 year), art. 31 (18+), art. 63 (witnesses)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.dienstverlening import regels


def test_bw1_art_44_ten_minste_2_weken_voor_de_ceremonie() -> None:
    melding = date(2026, 11, 29)
    regels.huwelijk_melding_termijn(ceremoniedatum=date(2026, 12, 13), meldingsdatum=melding)
    with pytest.raises(ValidationError) as fout:
        regels.huwelijk_melding_termijn(ceremoniedatum=date(2026, 12, 12), meldingsdatum=melding)
    bericht = fout.value.message_dict["ceremoniedatum"][0]
    assert "ten minste 2 weken" in bericht
    assert "art. 44" in bericht


def test_bw1_art_44_ten_hoogste_1_jaar_voor_de_ceremonie() -> None:
    melding = date(2026, 11, 29)
    regels.huwelijk_melding_termijn(ceremoniedatum=date(2027, 11, 29), meldingsdatum=melding)
    with pytest.raises(ValidationError) as fout:
        regels.huwelijk_melding_termijn(ceremoniedatum=date(2027, 11, 30), meldingsdatum=melding)
    assert "ten hoogste 1 jaar" in fout.value.message_dict["ceremoniedatum"][0]


@given(
    melding=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    verschil=st.integers(min_value=-30, max_value=800),
)
def test_bw1_art_44_venster_eigenschap(melding: date, verschil: int) -> None:
    ceremonie = melding + timedelta(days=verschil)
    toegestaan = verschil >= 14 and ceremonie <= regels.plus_jaren(melding, 1)
    if toegestaan:
        regels.huwelijk_melding_termijn(ceremoniedatum=ceremonie, meldingsdatum=melding)
    else:
        with pytest.raises(ValidationError):
            regels.huwelijk_melding_termijn(ceremoniedatum=ceremonie, meldingsdatum=melding)


def test_bw1_art_31_partners_18_op_de_dag_van_de_ceremonie() -> None:
    regels.partner_meerderjarig(geboortedatum=date(2009, 3, 1), ceremoniedatum=date(2027, 3, 1), veld="p")
    with pytest.raises(ValidationError) as fout:
        regels.partner_meerderjarig(geboortedatum=date(2009, 3, 2), ceremoniedatum=date(2027, 3, 1), veld="p")
    assert "art. 31" in fout.value.message_dict["p"][0]


def test_bw1_art_63_twee_tot_vier_meerderjarige_getuigen() -> None:
    dag = date(2027, 6, 1)
    volwassen = date(1990, 1, 1)
    regels.getuigen(geboortedata=[volwassen, volwassen], ceremoniedatum=dag)
    regels.getuigen(geboortedata=[volwassen] * 4, ceremoniedatum=dag)
    for aantal in (0, 1, 5):
        with pytest.raises(ValidationError) as fout:
            regels.getuigen(geboortedata=[volwassen] * aantal, ceremoniedatum=dag)
        assert "art. 63" in fout.value.message_dict["getuigen"][0]
    with pytest.raises(ValidationError):
        regels.getuigen(geboortedata=[volwassen, date(2010, 1, 1)], ceremoniedatum=dag)


@given(
    geboren=st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 12, 31)),
    op=st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)),
)
def test_leeftijd_eigenschap(geboren: date, op: date) -> None:
    jaren = regels.leeftijd(geboren, op)
    assert regels.plus_jaren(geboren, jaren) <= op or jaren <= 0
    assert regels.plus_jaren(geboren, jaren + 1) > op
