"""Demo data of dienstverlening: loads once, later runs change nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management.base import OutputWrapper

from raadhuis.accounts.models import Medewerker
from raadhuis.dienstverlening import demo
from raadhuis.dienstverlening.models import Product


@pytest.mark.django_db
def test_demo_laadt_producten_eenmaal(beheerder: Medewerker) -> None:
    demo.laden(OutputWrapper(io.StringIO()))
    demo.laden(OutputWrapper(io.StringIO()))
    assert Product.objects.count() == len(demo.PRODUCTEN)
    assert Product.objects.get(slug="vertrek-buitenland").minimum_betrouwbaarheidsniveau == 30
    assert Product.objects.get(slug="aangifte-overlijden").doelgroep == "ondernemer"


@pytest.mark.django_db
def test_demo_zonder_beheerder_slaat_producten_over() -> None:
    uitvoer = io.StringIO()
    demo.laden(OutputWrapper(uitvoer))
    assert not Product.objects.exists()
    assert "overgeslagen" in uitvoer.getvalue()
