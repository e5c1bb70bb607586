"""Demo raadsvragen: answered, after uitstel, open, overdue and a concept, for the demo raad's
members; a second run changes nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management.base import OutputWrapper
from django.utils import timezone

from raadhuis.besluitvorming import demo
from raadhuis.besluitvorming.models import Raadsvraag
from raadhuis.besluitvorming.selectors.raadsvragen import te_late_raadsvragen
from raadhuis.besluitvorming.tests.test_demo import besluitvorming_laden
from raadhuis.core.tests.wereld import klassewereld

pytestmark = pytest.mark.django_db

geladen = klassewereld("raadsvragen-demo", besluitvorming_laden)


@pytest.mark.django_db
class TestGeladen:
    def test_demo_heeft_beantwoorde_open_te_late_en_concept_vragen(self, geladen: str) -> None:
        statussen = list(Raadsvraag.objects.values_list("status", flat=True))
        assert statussen.count(Raadsvraag.Status.BEANTWOORD) == 2
        assert statussen.count(Raadsvraag.Status.CONCEPT) == 1
        assert [v.onderwerp for v in te_late_raadsvragen()] == ["Onderhoud speeltuinen Delfgauw"]
        open_ = Raadsvraag.objects.filter(
            status__in=Raadsvraag.OPEN, uiterste_datum__gte=timezone.localdate()
        )
        assert open_.count() == 2
        assert open_.filter(uitstel_aantal__isnull=False).count() == 1
        assert "Raadsvragen: 5 ingediend" in geladen

    def test_tweede_keer_laden_voegt_geen_raadsvragen_toe(self, geladen: str) -> None:
        eerst = list(Raadsvraag.objects.values_list("pk", "status", "gewijzigd_op"))
        uitvoer = io.StringIO()
        demo.laden(OutputWrapper(uitvoer))
        assert list(Raadsvraag.objects.values_list("pk", "status", "gewijzigd_op")) == eerst
        assert uitvoer.getvalue() == ""
