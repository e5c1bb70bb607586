"""The set-up services added for the Werkplek's inrichting pages: taking a desk out of use, removing
an opening period, editing an appointment type, removing a ceremony moment, deactivating a BABS,
and the logged read of the coming ceremonies."""

from __future__ import annotations

from datetime import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Rol
from raadhuis.core.models import Logregel
from raadhuis.dienstverlening.models import Afspraakstatus, Ceremoniemoment, Openingstijd, Tijdslot
from raadhuis.dienstverlening.selectors import afspraken as selectors
from raadhuis.dienstverlening.services import afspraken as services
from raadhuis.dienstverlening.tests.factories import BSN_INWONER, beheerder, medewerker, zaak
from raadhuis.dienstverlening.tests.test_afspraken_ceremonies import _maandag, _reserveren, _spreekkamer
from raadhuis.dienstverlening.tests.test_afspraken_hulp import afspraaktype, boeken, locatie, moment, werkdag

pytestmark = pytest.mark.django_db


def test_balie_deactiveren_vraagt_agenda_inrichten() -> None:
    plek = locatie(balies=1)
    with pytest.raises(PermissionDenied):
        services.balie_deactiveren(balie=plek.balies.get(), door=medewerker(Rol.KCC_MEDEWERKER))
    assert plek.balies.get().actief


def test_laatste_balie_buiten_gebruik_laat_geboekte_afspraak_staan() -> None:
    plek = locatie(balies=1)
    soort = afspraaktype(plek)
    start = moment(werkdag(), 10)
    afspraak, _code = boeken(soort, plek, start)
    services.balie_deactiveren(balie=plek.balies.get(), door=beheerder())
    assert Tijdslot.objects.get(locatie=plek, start=start).capaciteit == 1
    assert Tijdslot.objects.get(locatie=plek, start=moment(werkdag(), 11)).capaciteit == 0
    with pytest.raises(ValidationError):
        boeken(soort, plek, moment(werkdag(), 11))
    afspraak.refresh_from_db()
    assert afspraak.status == Afspraakstatus.GEBOEKT


def test_openingstijd_verwijderen_houdt_geboekte_plaatsen() -> None:
    plek = locatie(balies=2)
    soort = afspraaktype(plek)
    dag = werkdag()
    start = moment(dag, 10)
    boeken(soort, plek, start)
    ochtend = Openingstijd.objects.get(locatie=plek, weekdag=dag.weekday(), van=time(9))
    services.openingstijd_verwijderen(openingstijd=ochtend, door=beheerder())
    assert not Openingstijd.objects.filter(pk=ochtend.pk).exists()
    geboekt = Tijdslot.objects.get(locatie=plek, start=start)
    assert (geboekt.bezet, geboekt.capaciteit) == (1, 1)
    assert not Tijdslot.objects.filter(locatie=plek, start=moment(dag, 9)).exists()
    assert Tijdslot.objects.filter(locatie=plek, start=moment(dag, 13)).exists()  # the afternoon stays


def test_afspraaktype_wijzigen_controleert_duur_en_recht() -> None:
    plek = locatie()
    soort = afspraaktype(plek)
    with pytest.raises(PermissionDenied):
        services.afspraaktype_wijzigen(
            afspraaktype=soort, naam="X", duur_minuten=15, locaties=[plek], door=medewerker(Rol.BEHANDELAAR)
        )
    with pytest.raises(ValidationError) as fout:
        services.afspraaktype_wijzigen(
            afspraaktype=soort, naam="X", duur_minuten=20, locaties=[plek], door=beheerder()
        )
    assert "duur_minuten" in fout.value.message_dict
    gewijzigd = services.afspraaktype_wijzigen(
        afspraaktype=soort,
        naam=" Paspoort ",
        duur_minuten=30,
        locaties=[plek],
        online_boekbaar=False,
        actief=False,
        door=beheerder(),
    )
    assert (gewijzigd.naam, gewijzigd.duur_minuten, gewijzigd.online_boekbaar, gewijzigd.actief) == (
        "Paspoort",
        30,
        False,
        False,
    )


def test_ceremoniemoment_verwijderen_laat_reservering_staan() -> None:
    spreekkamer = _spreekkamer()
    dag = _maandag()
    ceremonie = _reserveren(spreekkamer, dag)
    moment_ = Ceremoniemoment.objects.get(trouwlocatie=spreekkamer, weekdag=0, tijd=time(9))
    services.ceremoniemoment_verwijderen(moment=moment_, door=beheerder())
    assert not Ceremoniemoment.objects.filter(pk=moment_.pk).exists()
    ceremonie.refresh_from_db()
    assert ceremonie.start == moment(dag, 9)


def test_babs_deactiveren_wordt_niet_meer_toegewezen() -> None:
    babs = services.babs_aanmaken(naam="A. de Wit", door=beheerder())
    services.babs_deactiveren(babs=babs, door=beheerder())
    with pytest.raises(ValidationError):
        services.babs_deactiveren(babs=babs, door=beheerder())
    ceremonie = _reserveren(_spreekkamer(), _maandag())
    assert ceremonie.babs is None
    with pytest.raises(ValidationError):
        services.babs_toewijzen(ceremonie=ceremonie, babs=babs, door=beheerder())


def test_komende_ceremonies_logt_het_inzien() -> None:
    ceremonie = _reserveren(_spreekkamer(), _maandag())
    ceremonie.zaak = zaak()
    ceremonie.save(update_fields=["zaak"])
    kcc = medewerker(Rol.KCC_MEDEWERKER)
    assert selectors.komende_ceremonies(door=kcc) == [ceremonie]
    regel = Logregel.objects.get(naam="ceremonies.inzien")
    assert regel.betrokkene_type == "BSN"
    assert regel.door_soort == Logregel.DoorSoort.MEDEWERKER
    assert ceremonie.zaak.initiator_bsn == BSN_INWONER
