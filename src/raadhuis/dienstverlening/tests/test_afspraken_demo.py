"""Demo appointments: locations, types tied to the demo products, ceremonies and bookings; idempotent."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management.base import OutputWrapper
from django.utils import timezone

from raadhuis.accounts.models import Medewerker
from raadhuis.dienstverlening import demo, demo_afspraken
from raadhuis.dienstverlening.models import Afspraak, Afspraaktype, Babs, Locatie, Tijdslot, Trouwlocatie


@pytest.mark.django_db
def test_demo_afspraken_laden_eenmaal(beheerder: Medewerker, settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    uitvoer = io.StringIO()
    demo.laden(OutputWrapper(uitvoer))  # the catalogue, then demo_afspraken.laden
    assert "afspraken geboekt" in uitvoer.getvalue()
    aantallen = (
        Locatie.objects.count(),
        Afspraaktype.objects.count(),
        Afspraak.objects.count(),
        Babs.objects.count(),
    )
    demo_afspraken.laden(OutputWrapper(io.StringIO()))
    assert (
        Locatie.objects.count(),
        Afspraaktype.objects.count(),
        Afspraak.objects.count(),
        Babs.objects.count(),
    ) == aantallen
    assert aantallen[:2] == (2, 7)
    assert aantallen[3] == 3
    assert aantallen[2] > 100
    assert Afspraaktype.objects.get(slug="paspoort-aanvragen").product.slug == "paspoort"  # type: ignore[union-attr]
    assert not Afspraaktype.objects.get(slug="verhuizing-aan-de-balie").online_boekbaar
    assert not Tijdslot.objects.filter(start__lt=timezone.now(), bezet__gt=0).exists()
    stadhuis = Locatie.objects.get(slug="stadhuis")
    assert set(Tijdslot.objects.filter(locatie=stadhuis).values_list("capaciteit", flat=True)) == {3}
    assert Tijdslot.objects.filter(locatie=stadhuis, start__hour__gte=18).exists()  # Thursday evening
    spreekkamer = Trouwlocatie.objects.get(slug="spreekkamer")
    assert spreekkamer.gratis
    assert spreekkamer.momenten.count() == 4
    assert Trouwlocatie.objects.get(slug="trouwzaal-stadhuis").tarief_demo


@pytest.mark.django_db
def test_demo_afspraken_zonder_beheerder() -> None:
    uitvoer = io.StringIO()
    demo_afspraken.laden(OutputWrapper(uitvoer))
    assert "overgeslagen" in uitvoer.getvalue()
    assert not Locatie.objects.exists()
