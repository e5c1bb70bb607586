"""Reads of the product catalogue."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raadhuis.accounts.models import Medewerker
from raadhuis.core.identiteit import Betrouwbaarheidsniveau
from raadhuis.dienstverlening.selectors.catalogus import actief_product, actieve_producten, product_met_slug
from raadhuis.dienstverlening.services.catalogus import product_aanmaken


@pytest.mark.django_db
def test_inactief_product_is_niet_te_vinden_voor_het_publiek(beheerder: Medewerker) -> None:
    product = product_aanmaken(
        door=beheerder,
        naam="Uittreksel BRP aanvragen",
        upl_naam="brp-uittreksel",
        doelgroep="inwoner",
        minimum_niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        actief=False,
    )
    assert actief_product(product.slug) is None
    assert product_met_slug(product.slug) == product
    assert list(actieve_producten()) == []


@pytest.mark.django_db
def test_actieve_producten_in_een_query_op_naam(beheerder: Medewerker) -> None:
    for naam, upl in [("Verhuizing doorgeven", "verhuismelding"), ("Uittreksel BRP", "brp-uittreksel")]:
        product_aanmaken(
            door=beheerder,
            naam=naam,
            upl_naam=upl,
            doelgroep="inwoner",
            minimum_niveau=Betrouwbaarheidsniveau.LAAG,
        )
    with CaptureQueriesContext(connection) as queries:
        namen = [product.naam for product in actieve_producten()]
    assert namen == ["Uittreksel BRP", "Verhuizing doorgeven"]
    assert len(queries) == 1
