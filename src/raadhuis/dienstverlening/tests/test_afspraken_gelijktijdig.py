"""No double booking under load: 50 requests at once for the last free place get exactly one
appointment (PostgreSQL; SQLite serialises all writers and cannot show the race)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from raadhuis.core.tests.gelijktijdig import tegelijk
from raadhuis.dienstverlening.models import Afspraak, Afspraakstatus, Tijdslot
from raadhuis.dienstverlening.tests.test_afspraken_hulp import afspraaktype, boeken, locatie, moment, werkdag

GELIJKTIJDIG = 50

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks")


def _tegelijk(opdracht: Any) -> list[object]:
    return tegelijk(opdracht, aantal=GELIJKTIJDIG)


@pytest.mark.django_db(transaction=True)
def test_vijftig_gelijktijdige_boekingen_voor_de_laatste_plaats(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    plek = locatie(balies=2)
    soort = afspraaktype(plek)
    start = moment(werkdag(), 10)
    boeken(soort, plek, start, naam="Eerste bezoeker")  # one of the two places is taken

    uitkomsten = _tegelijk(lambda nummer: boeken(soort, plek, start, naam=f"Bezoeker {nummer}"))

    gelukt = [u for u in uitkomsten if isinstance(u, tuple)]
    geweigerd = [u for u in uitkomsten if isinstance(u, ValidationError)]
    assert len(gelukt) == 1, uitkomsten
    assert len(geweigerd) == GELIJKTIJDIG - 1, [
        u for u in uitkomsten if not isinstance(u, (tuple, ValidationError))
    ]
    assert all("net door iemand anders geboekt" in str(fout) for fout in geweigerd)
    slot = Tijdslot.objects.get(locatie=plek, start=start)
    assert slot.bezet == slot.capaciteit == 2
    assert Afspraak.objects.filter(status=Afspraakstatus.GEBOEKT).count() == 2


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_lange_afspraken_lopen_niet_vast_en_overboeken_niet(settings: Any) -> None:
    """Thirty-minute bookings at overlapping times (two slots each, taken in time order) neither
    deadlock nor overbook a slot."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    plek = locatie(balies=1)
    lang = afspraaktype(plek, duur=30, slug="aangifte-overlijden")
    dag = werkdag()
    starts = [moment(dag, 10), moment(dag, 10, 15), moment(dag, 10, 30)]

    uitkomsten = _tegelijk(lambda nummer: boeken(lang, plek, starts[nummer % 3], naam=f"Bezoeker {nummer}"))

    onverwacht = [u for u in uitkomsten if not isinstance(u, (tuple, ValidationError))]
    assert onverwacht == []
    assert Tijdslot.objects.filter(locatie=plek, bezet__gt=1).count() == 0
    gelukt = [u for u in uitkomsten if isinstance(u, tuple)]
    assert 1 <= len(gelukt) <= 2
    assert sum(Tijdslot.objects.filter(locatie=plek).values_list("bezet", flat=True)) == 2 * len(gelukt)
