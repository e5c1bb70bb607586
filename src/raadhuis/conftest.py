"""Fixtures shared by every app's tests."""

from __future__ import annotations

import pytest

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.models import Organisatie
from raadhuis.core.services import organisatie_inrichten


@pytest.fixture
def organisatie(db: None) -> Organisatie:
    return organisatie_inrichten(tooi_code="gm1926")


@pytest.fixture
def beheerder(db: None) -> Medewerker:
    return MedewerkerFactory(rollen=[Rol.BEHEERDER])


@pytest.fixture
def griffier(db: None) -> Medewerker:
    return MedewerkerFactory(rollen=[Rol.GRIFFIE])
