"""A raadslid submits and withdraws only their own moties and amendementen (Gemeentewet art. 147a-147b,
reglement van orde); the griffie does so for any member. The link is Persoon.medewerker."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import Agendapunt, Persoon, Voorstel
from raadhuis.besluitvorming.rechten import VOORSTEL_INDIENEN
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    Raad,
    VergaderingFactory,
    raad_met_leden,
)
from raadhuis.core.rechten import mag

pytestmark = pytest.mark.django_db


@pytest.fixture
def raad() -> Raad:
    return raad_met_leden((3, 2))


@pytest.fixture
def punt(raad: Raad) -> Agendapunt:
    return AgendapuntFactory(vergadering=VergaderingFactory(orgaan=raad.orgaan))


def _raadslid_van(persoon: Persoon) -> Medewerker:
    medewerker = MedewerkerFactory(rollen=[Rol.RAADSLID])
    persoon.medewerker = medewerker
    persoon.save()
    return medewerker


def _motie(punt: Agendapunt, indieners: list[Persoon], door: object) -> Voorstel:
    return services.voorstel_indienen(
        vergadering=punt.vergadering,
        agendapunt=punt,
        soort=Voorstel.Soort.MOTIE,
        titel="Motie Bankjes in het park",
        indieners=indieners,
        door=door,  # type: ignore[arg-type]
    )


def test_raadslid_dient_een_eigen_motie_in(raad: Raad, punt: Agendapunt) -> None:
    raadslid = _raadslid_van(raad.leden[0])
    motie = _motie(punt, [raad.leden[0]], raadslid)
    assert motie.indieners.get().persoon == raad.leden[0]


def test_raadslid_dient_niet_in_namens_een_ander(raad: Raad, punt: Agendapunt) -> None:
    raadslid = _raadslid_van(raad.leden[0])
    with pytest.raises(PermissionDenied, match="alleen eigen moties"):
        _motie(punt, [raad.leden[1]], raadslid)
    assert not Voorstel.objects.exists()


def test_raadslid_zonder_gekoppelde_persoon_dient_niets_in(raad: Raad, punt: Agendapunt) -> None:
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    with pytest.raises(PermissionDenied):
        _motie(punt, [raad.leden[0]], raadslid)
    # Opening the form is allowed: the question without an object.
    assert mag(raadslid, VOORSTEL_INDIENEN)


def test_griffie_dient_in_namens_ieder_lid(griffier: Medewerker, raad: Raad, punt: Agendapunt) -> None:
    motie = _motie(punt, [raad.leden[3]], griffier)
    assert motie.status == Voorstel.Status.INGEDIEND


def test_raadslid_trekt_alleen_een_eigen_motie_in(raad: Raad, punt: Agendapunt) -> None:
    eigenaar = _raadslid_van(raad.leden[0])
    ander = _raadslid_van(raad.leden[1])
    motie = _motie(punt, [raad.leden[0]], eigenaar)
    with pytest.raises(PermissionDenied):
        services.voorstel_intrekken(voorstel=motie, door=ander)
    motie.refresh_from_db()
    assert motie.status == Voorstel.Status.INGEDIEND
    services.voorstel_intrekken(voorstel=motie, door=eigenaar)
    motie.refresh_from_db()
    assert motie.status == Voorstel.Status.INGETROKKEN


def test_andere_rollen_dienen_niets_in(raad: Raad, punt: Agendapunt) -> None:
    collegelid = MedewerkerFactory(rollen=[Rol.COLLEGELID])
    raad.leden[0].medewerker = collegelid
    raad.leden[0].save()
    assert not mag(collegelid, VOORSTEL_INDIENEN)
    with pytest.raises(PermissionDenied):
        _motie(punt, [raad.leden[0]], collegelid)
