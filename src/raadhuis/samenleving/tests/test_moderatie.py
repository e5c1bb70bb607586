"""The automatic check for abusive content: whole words and phrases, whatever surrounds them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from raadhuis.samenleving.moderatie import _lijst, ongepaste_woorden

ONSCHULDIG = st.lists(
    st.sampled_from(["de", "parkeren", "plan", "fiets", "bomen", "wethouder", "eikel"]), max_size=8
)


@given(voor=ONSCHULDIG, na=ONSCHULDIG, index=st.integers(min_value=0), hoofdletters=st.booleans())
def test_elk_woord_van_de_lijst_wordt_gevonden(
    voor: list[str], na: list[str], index: int, hoofdletters: bool
) -> None:
    woorden = _lijst()
    zin = " ".join(woorden[index % len(woorden)])
    tekst = " ".join([*voor, zin.upper() if hoofdletters else zin, *na]) + "!"
    assert zin in ongepaste_woorden(tekst)


@given(ONSCHULDIG)
def test_onschuldige_tekst_wordt_niet_geweigerd(woorden: list[str]) -> None:
    assert ongepaste_woorden(" ".join(woorden)) == []


def test_een_woord_binnen_een_ander_woord_telt_niet() -> None:
    assert ongepaste_woorden("Het mongoolse restaurant") == []
    assert ongepaste_woorden("Mongool!") == ["mongool"]
