"""Marriage ceremonies: reserving one of a location's weekly moments within the notice window of
BW 1 art. 44, one reservation per moment, and a free BABS assigned automatically."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.dienstverlening.models import Ceremonie, Ceremoniestatus, Trouwlocatie
from raadhuis.dienstverlening.selectors import afspraken as selectors
from raadhuis.dienstverlening.services import afspraken as services
from raadhuis.dienstverlening.tests.factories import beheerder, inwoner, medewerker, ondernemer
from raadhuis.dienstverlening.tests.test_afspraken_hulp import moment, werkdag

pytestmark = pytest.mark.django_db

MAANDAG, DINSDAG = 0, 1


def _spreekkamer() -> Trouwlocatie:
    return services.trouwlocatie_aanmaken(
        naam="Spreekkamer",
        slug="spreekkamer",
        adres="Oranjeplein 1",
        gratis=True,
        duur_minuten=15,
        momenten=[(dag, tijd) for dag in (MAANDAG, DINSDAG) for tijd in (time(9), time(9, 30))],
        door=beheerder(),
    )


def _trouwzaal() -> Trouwlocatie:
    return services.trouwlocatie_aanmaken(
        naam="Trouwzaal",
        slug="trouwzaal",
        adres="Oranjeplein 1",
        tarief=Decimal("385.00"),
        tarief_demo=True,
        duur_minuten=45,
        momenten=[(MAANDAG, time(9)), (MAANDAG, time(11))],
        door=beheerder(),
    )


def _maandag(vanaf: int = 21) -> date:
    return werkdag(vanaf, weekdag=MAANDAG)


def _reserveren(trouwlocatie: Trouwlocatie, dag: date, uur: int = 9, minuut: int = 0) -> Ceremonie:
    return services.ceremonie_reserveren(
        trouwlocatie=trouwlocatie,
        start=moment(dag, uur, minuut),
        partner_1="Sanne de Vries",
        partner_2="Daan Bakker",
        zaak=None,
        door=medewerker(Rol.KCC_MEDEWERKER),
    )


def test_reserveren_wijst_een_vrije_babs_toe() -> None:
    services.babs_aanmaken(naam="A. de Wit", door=beheerder())
    ceremonie = _reserveren(_spreekkamer(), _maandag())
    assert ceremonie.babs is not None
    assert ceremonie.babs.naam == "A. de Wit"
    assert ceremonie.status == Ceremoniestatus.GERESERVEERD


def test_tweede_ceremonie_tegelijk_krijgt_een_andere_babs_of_geen() -> None:
    eerste = services.babs_aanmaken(naam="A. de Wit", door=beheerder())
    dag = _maandag()
    _reserveren(_spreekkamer(), dag)
    tweede = _reserveren(_trouwzaal(), dag)
    assert tweede.babs is None  # the only BABS is busy; the desk assigns one later
    andere = services.babs_aanmaken(naam="M. El Idrissi", door=beheerder())
    assert services.vrije_babs(moment(dag, 9, 10), 15) == [andere]  # A. de Wit marries until 9:15
    services.babs_toewijzen(ceremonie=tweede, babs=andere, door=medewerker(Rol.KCC_MEDEWERKER))
    assert Ceremonie.objects.get(pk=tweede.pk).babs == andere
    with pytest.raises(ValidationError):
        services.babs_toewijzen(ceremonie=tweede, babs=eerste, door=medewerker(Rol.KCC_MEDEWERKER))


def test_dubbele_reservering_wordt_geweigerd() -> None:
    spreekkamer = _spreekkamer()
    dag = _maandag()
    _reserveren(spreekkamer, dag)
    with pytest.raises(ValidationError, match="net door iemand anders"):
        _reserveren(spreekkamer, dag)
    assert Ceremonie.objects.count() == 1


def test_moment_buiten_het_schema_wordt_geweigerd() -> None:
    spreekkamer = _spreekkamer()
    with pytest.raises(ValidationError, match="geen ceremonie mogelijk"):
        _reserveren(spreekkamer, _maandag(), 10)
    with pytest.raises(ValidationError, match="geen ceremonie mogelijk"):
        _reserveren(spreekkamer, werkdag(21, weekdag=2), 9)  # a Wednesday
    assert not Ceremonie.objects.exists()


def test_te_vroeg_en_te_laat_worden_geweigerd() -> None:
    spreekkamer = _spreekkamer()
    with pytest.raises(ValidationError, match="minstens twee weken"):
        _reserveren(spreekkamer, _maandag(vanaf=1))
    with pytest.raises(ValidationError, match="hoogstens een jaar"):
        _reserveren(spreekkamer, _maandag(vanaf=370))
    assert not Ceremonie.objects.exists()


def test_annuleren_maakt_het_moment_weer_vrij() -> None:
    spreekkamer = _spreekkamer()
    dag = _maandag()
    ceremonie = _reserveren(spreekkamer, dag)
    vrij = selectors.vrije_ceremoniemomenten(trouwlocatie=spreekkamer, van=dag, tot=dag)
    assert vrij == [moment(dag, 9, 30)]
    services.ceremonie_annuleren(ceremonie=ceremonie, door=medewerker(Rol.KCC_MEDEWERKER))
    assert selectors.vrije_ceremoniemomenten(trouwlocatie=spreekkamer, van=dag, tot=dag) == [
        moment(dag, 9),
        moment(dag, 9, 30),
    ]
    _reserveren(spreekkamer, dag)


def test_vrije_momenten_binnen_de_termijn_van_bw_1_artikel_44() -> None:
    spreekkamer = _spreekkamer()
    vandaag = timezone.localdate()
    vrij = selectors.vrije_ceremoniemomenten(
        trouwlocatie=spreekkamer, van=vandaag, tot=vandaag + timedelta(days=500)
    )
    assert vrij
    assert min(timezone.localdate(m) for m in vrij) >= vandaag + timedelta(days=14)
    assert max(timezone.localdate(m) for m in vrij) <= vandaag + timedelta(days=365)
    assert {timezone.localtime(m).weekday() for m in vrij} <= {MAANDAG, DINSDAG}
    assert list(selectors.trouwlocaties()) == [spreekkamer]


def test_wie_mag_reserveren() -> None:
    spreekkamer = _spreekkamer()
    dag = _maandag()
    with pytest.raises(PermissionDenied):
        services.ceremonie_reserveren(
            trouwlocatie=spreekkamer,
            start=moment(dag, 9),
            partner_1="A",
            partner_2="B",
            zaak=None,
            door=ondernemer(),
        )
    with pytest.raises(PermissionDenied):
        services.ceremonie_reserveren(
            trouwlocatie=spreekkamer,
            start=moment(dag, 9),
            partner_1="A",
            partner_2="B",
            zaak=None,
            door=medewerker(Rol.CONTROLLER),
        )
    ceremonie = services.ceremonie_reserveren(
        trouwlocatie=spreekkamer,
        start=moment(dag, 9),
        partner_1="A",
        partner_2="B",
        zaak=None,
        door=inwoner(),
    )
    with pytest.raises(PermissionDenied):
        services.ceremonie_annuleren(ceremonie=ceremonie, door=inwoner())  # not tied to their case


def test_gratis_variant_heeft_geen_tarief() -> None:
    with pytest.raises(ValidationError):
        services.trouwlocatie_aanmaken(
            naam="X", slug="x", adres="a", gratis=True, tarief=Decimal("10"), door=beheerder()
        )


def test_babs_opnieuw_toewijzen_en_weghalen() -> None:
    babs = services.babs_aanmaken(naam="A. de Wit", door=beheerder())
    ceremonie = _reserveren(_spreekkamer(), _maandag())
    kcc = medewerker(Rol.KCC_MEDEWERKER)
    services.babs_toewijzen(ceremonie=ceremonie, babs=babs, door=kcc)  # the same one again
    services.babs_toewijzen(ceremonie=ceremonie, babs=None, door=kcc)
    assert Ceremonie.objects.get(pk=ceremonie.pk).babs is None
