"""Demo consultations: one finished with its published nota, one open; a second run changes nothing."""

from __future__ import annotations

import io

import pytest
from django.core.management.base import OutputWrapper

from raadhuis.accounts.models import Medewerker
from raadhuis.samenleving import demo_consultaties
from raadhuis.samenleving.models import Consultatie, Reactie

pytestmark = pytest.mark.django_db


def test_demo_laadt_een_afgeronde_en_een_open_consultatie_eenmaal(griffier: Medewerker) -> None:
    demo_consultaties.laden(OutputWrapper(io.StringIO()))
    statussen = sorted(str(c.status) for c in Consultatie.objects.all())
    assert statussen == ["afgerond", "open"]
    afgerond = Consultatie.objects.get(nota_gepubliceerd_op__isnull=False)
    assert afgerond.reacties.exclude(antwoord="").count() == afgerond.reacties.count() == 3
    assert not afgerond.reacties.exclude(emailadres="").exists()
    aantallen = (Consultatie.objects.count(), Reactie.objects.count())
    demo_consultaties.laden(OutputWrapper(io.StringIO()))
    assert (Consultatie.objects.count(), Reactie.objects.count()) == aantallen
