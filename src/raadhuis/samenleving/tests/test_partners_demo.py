"""The partners demo: partners with convenanten and subsidies, one of each published; a second run
changes nothing."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management.base import OutputWrapper

from raadhuis.samenleving import demo_partners
from raadhuis.samenleving.models import (
    Contactpersoon,
    Convenant,
    Openbaarmaking,
    Partner,
    Subsidieverplichting,
)
from raadhuis.samenleving.tests.partners_hulp import beheerder, controller

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _opslag(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.RAADHUIS_PRIVE_ROOT = str(tmp_path / "prive")


def _tellen() -> tuple[int, ...]:
    return tuple(m.objects.count() for m in (Partner, Contactpersoon, Convenant, Subsidieverplichting))


def test_demo_laadt_partners_met_convenanten_en_subsidies_eenmaal() -> None:
    beheerder()
    controller()
    demo_partners.laden(OutputWrapper(io.StringIO()))
    eerste = _tellen()
    assert eerste == (4, 3, 2, 2)
    assert Convenant.objects.filter(status=Openbaarmaking.GEPUBLICEERD).count() == 1
    assert Subsidieverplichting.objects.filter(status=Openbaarmaking.GEPUBLICEERD).count() == 1
    demo_partners.laden(OutputWrapper(io.StringIO()))
    assert _tellen() == eerste
