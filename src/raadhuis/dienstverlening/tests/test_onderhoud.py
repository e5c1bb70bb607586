"""The daily upkeep command: slots ahead and old survey invitations unlinked, twice is harmless."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from raadhuis.dienstverlening.models import Uitnodiging
from raadhuis.dienstverlening.services import kto
from raadhuis.dienstverlening.tests import factories_klantcontacten as kc

pytestmark = pytest.mark.django_db


def test_onderhoud_ontkoppelt_oude_uitnodigingen_en_is_herhaalbaar() -> None:
    contact = kc.contact(emailadres="a.bakker@example.org", antwoord="Ja.", opgelost_in_eerste_contact=True)
    uitnodiging = Uitnodiging.objects.get(klantcontact=contact)
    oud = timezone.now() - kto.BEWAREN_KOPPELING - timedelta(days=1)
    Uitnodiging.objects.filter(pk=uitnodiging.pk).update(
        aangemaakt_op=oud, geldig_tot=oud + timedelta(days=30)
    )
    uitvoer = StringIO()
    call_command("dienstverlening_onderhoud", stdout=uitvoer)
    assert "1 uitnodiging(en) ontkoppeld" in uitvoer.getvalue()
    uitnodiging.refresh_from_db()
    assert uitnodiging.klantcontact_id is None
    call_command("dienstverlening_onderhoud", stdout=uitvoer)
    assert "0 uitnodiging(en) ontkoppeld" in uitvoer.getvalue()
