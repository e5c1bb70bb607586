"""alleen_cijfers (the check before every int() of user input) and the KvK number's form."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.core.validators import alleen_cijfers, is_kvk_nummer, valideer_kvk_nummer


@given(st.text())
def test_wat_het_toelaat_leest_int_als_dezelfde_cijfers(tekst: str) -> None:
    if alleen_cijfers(tekst):
        assert str(int(tekst)) == (tekst.lstrip("0") or "0")


@given(st.integers(min_value=0))
def test_elk_niet_negatief_getal_in_0_9_wordt_toegelaten(getal: int) -> None:
    assert alleen_cijfers(str(getal))


def test_andere_cijfers_leeg_en_tekens_worden_geweigerd() -> None:
    for tekst in ("", "³", "1²", "٣", "１２", "-1", "+1", "1.0", " 1", "1_000"):
        assert not alleen_cijfers(tekst), tekst


@given(st.integers(min_value=1, max_value=99_999_999).map(lambda n: f"{n:08d}"))
def test_elk_nummer_van_acht_cijfers_behalve_nullen_is_een_kvk_nummer(nummer: str) -> None:
    assert is_kvk_nummer(nummer)
    valideer_kvk_nummer(nummer)


@given(st.text(max_size=12))
def test_een_kvk_nummer_is_precies_acht_cijfers_0_tot_9(tekst: str) -> None:
    assert is_kvk_nummer(tekst) == (
        len(tekst) == 8 and all(teken in "0123456789" for teken in tekst) and tekst != "00000000"
    )


def test_wat_een_regex_met_backslash_d_doorliet_is_geen_kvk_nummer() -> None:
    onjuist = ("00000000", "١٢٣٤٥٦٧٨", "１２３４５６７８", "12345678\n", "1234567", "123456789", "1234 567")
    for tekst in onjuist:
        assert not is_kvk_nummer(tekst), tekst
        with pytest.raises(ValidationError, match="8 cijfers"):
            valideer_kvk_nummer(tekst)
