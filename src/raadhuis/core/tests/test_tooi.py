from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.core import tooi
from raadhuis.core.validators import valideer_tooi_organisatiecode


def test_lijsten_bevatten_alle_gemeenten_en_samenwerkingsorganisaties():
    soorten = {org.soort for org in tooi.organisaties().values()}

    assert {"gemeente", "samenwerkingsorganisatie", "provincie", "waterschap"} <= soorten
    assert tooi.organisatie("gm1926").naam == "gemeente Pijnacker-Nootdorp"
    assert tooi.organisatie("GM1926 ") is not None


@pytest.mark.parametrize("code", ["", "1926", "gm", "gm19 26", "<script>", "gm1926;drop"])
def test_ongeldige_opmaak_krijgt_duidelijke_melding(code):
    with pytest.raises(ValidationError) as fout:
        valideer_tooi_organisatiecode(code)

    assert fout.value.code == "opmaak"


def test_onbekende_code_wordt_genoemd():
    with pytest.raises(ValidationError) as fout:
        valideer_tooi_organisatiecode("gm9999")

    assert "gm9999" in fout.value.messages[0]


@given(st.sampled_from(sorted(tooi.organisaties())))
def test_elke_code_uit_de_lijsten_is_geldig(code):
    valideer_tooi_organisatiecode(code)
