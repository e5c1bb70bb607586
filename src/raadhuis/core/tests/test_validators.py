"""alleen_cijfers: the check before every int() of user input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from raadhuis.core.validators import alleen_cijfers


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
