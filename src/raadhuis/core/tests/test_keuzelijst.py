"""Keuzelijst writes the same <select> as Django's template-rendered Select, only faster."""

from __future__ import annotations

import re

from django import forms
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.core.forms import Keuzelijst

tekst = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)


def _zonder_witruimte(html: str) -> str:
    return re.sub(r">\s+<", "><", html.strip())


@given(
    losse=st.lists(st.tuples(tekst, tekst), max_size=5, unique_by=lambda keuze: keuze[0]),
    groep=st.lists(st.tuples(tekst, tekst), max_size=4, unique_by=lambda keuze: keuze[0]),
    groepnaam=tekst.filter(bool),
    gekozen=tekst,
)
def test_keuzelijst_geeft_dezelfde_html_als_select(
    losse: list[tuple[str, str]], groep: list[tuple[str, str]], groepnaam: str, gekozen: str
) -> None:
    keuzes: list[tuple[str, object]] = [*losse, (groepnaam, groep)] if groep else list(losse)
    attrs = {"id": "id_status", "aria-describedby": "status-fout", "class": "utrecht-select"}
    verwacht = forms.Select(choices=keuzes).render("status", gekozen, attrs)
    snel = Keuzelijst(choices=keuzes).render("status", gekozen, attrs)
    # Same elements, attributes and escaping; only the attribute order of the <select> may differ.
    assert _zonder_witruimte(snel).split(">", 1)[1] == _zonder_witruimte(verwacht).split(">", 1)[1]
    for attribuut in (
        'name="status"',
        'id="id_status"',
        'aria-describedby="status-fout"',
        'class="utrecht-select"',
    ):
        assert attribuut in snel.split(">", 1)[0]
