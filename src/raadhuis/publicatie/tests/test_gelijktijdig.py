"""A module publishing the same new thing twice at once (two workers, a retried task) ends with one
publication and no failed transaction (PostgreSQL; SQLite serialises all writers)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from raadhuis.core.tests.gelijktijdig import tegelijk
from raadhuis.publicatie.models import Publicatie
from raadhuis.publicatie.tests.test_services import bron

GELIJKTIJDIG = 6

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL's unique index waits"
)


@pytest.mark.django_db(transaction=True)
def test_gelijktijdig_dezelfde_nieuwe_sleutel_publiceren_geeft_een_publicatie(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    uitkomsten = tegelijk(lambda nummer: bron(), aantal=GELIJKTIJDIG)

    assert all(isinstance(u, Publicatie) for u in uitkomsten), uitkomsten
    assert Publicatie.objects.count() == 1
    publicatie = Publicatie.objects.get()
    assert publicatie.status == "gepubliceerd"
    assert publicatie.documenten.count() == 2
