"""Desk appointments: slots, booking, moving, cancelling, and the rules the service enforces."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.core.models import Logregel
from raadhuis.core.termijnen import is_feestdag
from raadhuis.dienstverlening.models import Afspraak, Afspraakstatus, Kanaal, Tijdslot
from raadhuis.dienstverlening.selectors import afspraken as selectors
from raadhuis.dienstverlening.services import afspraken as services
from raadhuis.dienstverlening.tests.factories import BSN_INWONER, beheerder, inwoner, medewerker
from raadhuis.dienstverlening.tests.test_afspraken_hulp import (
    afspraaktype,
    bezet,
    boeken,
    locatie,
    moment,
    werkdag,
)

pytestmark = pytest.mark.django_db


def _feestdag_op_werkdag() -> date:
    dag = timezone.localdate() + timedelta(days=1)
    while not (is_feestdag(dag) and dag.weekday() < 5):
        dag += timedelta(days=1)
    return dag


# -- Slots -----------------------------------------------------------------------------------------


def test_tijdsloten_volgen_openingstijden_met_middagpauze_en_capaciteit_is_aantal_balies() -> None:
    plek = locatie(balies=3)
    dag = werkdag()
    starts = [
        timezone.localtime(s.start).time() for s in Tijdslot.objects.filter(locatie=plek, start__date=dag)
    ]
    assert starts[0] == time(9)
    assert starts[-1] == time(15, 45)
    assert time(11, 45) in starts
    assert time(13) in starts
    assert not any(time(12) <= start < time(13) for start in starts)  # lunch break
    assert len(starts) == 24
    assert set(Tijdslot.objects.filter(locatie=plek).values_list("capaciteit", flat=True)) == {3}


def test_geen_tijdsloten_op_feestdag_sluitingsdag_of_weekend() -> None:
    plek = locatie()
    feestdag = _feestdag_op_werkdag()
    services.tijdsloten_aanmaken(plek, feestdag, feestdag)
    assert not Tijdslot.objects.filter(locatie=plek, start__date=feestdag).exists()
    dag = werkdag()
    services.sluitingsdag_toevoegen(locatie=plek, datum=dag, reden="Verkiezingen", door=beheerder())
    assert not Tijdslot.objects.filter(locatie=plek, start__date=dag).exists()
    services.tijdsloten_aanmaken(plek, dag, dag)
    assert not Tijdslot.objects.filter(locatie=plek, start__date=dag).exists()
    zaterdag = dag + timedelta(days=5 - dag.weekday())
    assert not Tijdslot.objects.filter(locatie=plek, start__date=zaterdag).exists()


def test_tijdsloten_aanmaken_is_idempotent_en_laat_bezetting_staan() -> None:
    plek = locatie(balies=1)
    soort = afspraaktype(plek)
    dag = werkdag()
    boeken(soort, plek, moment(dag, 10))
    aantal = Tijdslot.objects.count()
    services.tijdsloten_aanmaken(plek, dag, dag + timedelta(days=3))
    assert Tijdslot.objects.count() == aantal
    assert bezet(plek, moment(dag, 10)) == 1


def test_extra_balie_verhoogt_capaciteit_van_toekomstige_sloten() -> None:
    plek = locatie(balies=1)
    services.balie_toevoegen(locatie=plek, naam="Balie 2", door=beheerder())
    assert Tijdslot.objects.get(locatie=plek, start=moment(werkdag(), 9)).capaciteit == 2


def test_inrichten_vraagt_het_recht_agenda_inrichten() -> None:
    with pytest.raises(PermissionDenied):
        services.locatie_aanmaken(
            naam="X", slug="x", adres="a", postcode="1234 AB", plaats="p", door=medewerker(Rol.KCC_MEDEWERKER)
        )


def test_afspraaktype_moet_in_het_tijdvak_passen() -> None:
    plek = locatie(tijdvak=15)
    with pytest.raises(ValidationError) as fout:
        afspraaktype(plek, duur=10)
    assert "duur_minuten" in fout.value.error_dict


# -- Booking ---------------------------------------------------------------------------------------


def test_boeken_neemt_een_plaats_en_bewaart_alleen_de_hash_van_de_beheercode() -> None:
    plek = locatie()
    soort = afspraaktype(plek)
    start = moment(werkdag(), 10)
    afspraak, code = boeken(soort, plek, start)
    assert bezet(plek, start) == 1
    assert afspraak.eind == start + timedelta(minutes=15)
    assert code not in afspraak.beheercode_hash
    assert len(code) >= 30
    assert selectors.afspraak_met_beheercode(code) == afspraak
    assert selectors.afspraak_met_beheercode(code + "x") is None
    assert Logregel.objects.filter(naam="afspraak.boeken").count() == 1


def test_vol_tijdslot_geeft_fout_en_verandert_niets() -> None:
    plek = locatie(balies=1)
    soort = afspraaktype(plek)
    start = moment(werkdag(), 10)
    boeken(soort, plek, start)
    with pytest.raises(ValidationError) as fout:
        boeken(soort, plek, start, naam="Daan Bakker")
    assert "net door iemand anders geboekt" in str(fout.value)
    assert bezet(plek, start) == 1
    assert Afspraak.objects.count() == 1


def test_afspraak_over_twee_sloten_waarvan_de_tweede_vol_laat_de_eerste_ongemoeid() -> None:
    plek = locatie(balies=1)
    kort = afspraaktype(plek)
    lang = afspraaktype(plek, duur=30, slug="aangifte-overlijden")
    dag = werkdag()
    boeken(kort, plek, moment(dag, 10, 15))
    with pytest.raises(ValidationError):
        boeken(lang, plek, moment(dag, 10))
    assert bezet(plek, moment(dag, 10)) == 0
    assert bezet(plek, moment(dag, 10, 15)) == 1
    assert Afspraak.objects.count() == 1
    _afspraak, _code = boeken(lang, plek, moment(dag, 10, 30))
    assert bezet(plek, moment(dag, 10, 30)) == bezet(plek, moment(dag, 10, 45)) == 1


def test_afspraak_over_de_middagpauze_wordt_geweigerd() -> None:
    plek = locatie()
    lang = afspraaktype(plek, duur=30, slug="aangifte-overlijden")
    with pytest.raises(ValidationError, match="openingstijden"):
        boeken(lang, plek, moment(werkdag(), 11, 45))
    assert not Tijdslot.objects.filter(bezet__gt=0).exists()


@pytest.mark.parametrize(
    ("verschuiving", "uur", "minuut", "tekst"),
    [
        (-400, 10, 0, "toekomst"),
        (0, 10, 5, "stappen van 15 minuten"),
        (0, 7, 0, "openingstijden"),
        (0, 16, 0, "openingstijden"),
    ],
)
def test_ongeldige_tijdstippen(verschuiving: int, uur: int, minuut: int, tekst: str) -> None:
    plek = locatie()
    soort = afspraaktype(plek)
    dag = werkdag() + timedelta(days=verschuiving)
    with pytest.raises(ValidationError, match=tekst):
        boeken(soort, plek, moment(dag, uur, minuut))
    assert Afspraak.objects.count() == 0


def test_type_dat_de_locatie_niet_aanbiedt_wordt_geweigerd() -> None:
    stadhuis = locatie()
    noord = locatie(slug="noord", balies=1)
    soort = afspraaktype(stadhuis)
    with pytest.raises(ValidationError) as fout:
        boeken(soort, noord, moment(werkdag(), 10))
    assert "locatie" in fout.value.error_dict


def test_gesloten_dag_wordt_geweigerd() -> None:
    plek = locatie()
    soort = afspraaktype(plek)
    dag = werkdag()
    services.sluitingsdag_toevoegen(locatie=plek, datum=dag, reden="", door=beheerder())
    with pytest.raises(ValidationError, match="gesloten"):
        boeken(soort, plek, moment(dag, 10))


def test_wie_mag_boeken() -> None:
    plek = locatie()
    telefonisch = afspraaktype(plek, slug="verhuizing-aan-de-balie", online=False)
    start = moment(werkdag(), 10)
    with pytest.raises(PermissionDenied):
        boeken(telefonisch, plek, start)
    with pytest.raises(PermissionDenied):
        boeken(telefonisch, plek, start, door=medewerker(Rol.CONTROLLER), kanaal=Kanaal.TELEFOON)
    kcc = medewerker(Rol.KCC_MEDEWERKER)
    with pytest.raises(ValidationError):
        boeken(telefonisch, plek, start, door=kcc, kanaal=Kanaal.DIGITAAL)
    afspraak, _code = boeken(telefonisch, plek, start, door=kcc, kanaal=Kanaal.TELEFOON, emailadres="")
    assert afspraak.geboekt_door == kcc
    assert afspraak.kanaal == Kanaal.TELEFOON


def test_online_zonder_e_mailadres_wordt_geweigerd() -> None:
    plek = locatie()
    with pytest.raises(ValidationError) as fout:
        boeken(afspraaktype(plek), plek, moment(werkdag(), 10), emailadres="")
    assert "emailadres" in fout.value.error_dict


def test_met_digid_komt_het_bsn_uit_de_identiteit() -> None:
    plek = locatie()
    afspraak, _code = boeken(afspraaktype(plek), plek, moment(werkdag(), 10), door=inwoner(), bsn="123")
    assert afspraak.bsn == BSN_INWONER


# -- Moving and cancelling -------------------------------------------------------------------------


def test_verzetten_neemt_nieuwe_plaats_en_geeft_oude_vrij_met_nieuwe_code() -> None:
    plek = locatie(balies=1)
    soort = afspraaktype(plek)
    dag = werkdag()
    afspraak, code = boeken(soort, plek, moment(dag, 10))
    verzet, nieuwe_code = services.afspraak_verzetten(afspraak=afspraak, start=moment(dag, 11), door=None)
    assert bezet(plek, moment(dag, 10)) == 0
    assert bezet(plek, moment(dag, 11)) == 1
    assert verzet.start == moment(dag, 11)
    assert selectors.afspraak_met_beheercode(code) is None
    assert selectors.afspraak_met_beheercode(nieuwe_code) == afspraak


def test_verzetten_naar_overlappende_tijd_bij_een_balie() -> None:
    plek = locatie(balies=1)
    lang = afspraaktype(plek, duur=30, slug="aangifte-overlijden")
    dag = werkdag()
    afspraak, _code = boeken(lang, plek, moment(dag, 10))
    services.afspraak_verzetten(afspraak=afspraak, start=moment(dag, 10, 15), door=None)
    assert [bezet(plek, moment(dag, 10, m)) for m in (0, 15, 30)] == [0, 1, 1]


def test_verzetten_naar_vol_tijdslot_laat_alles_zoals_het_was() -> None:
    plek = locatie(balies=1)
    soort = afspraaktype(plek)
    dag = werkdag()
    afspraak, code = boeken(soort, plek, moment(dag, 10))
    boeken(soort, plek, moment(dag, 11), naam="Daan Bakker")
    with pytest.raises(ValidationError):
        services.afspraak_verzetten(afspraak=afspraak, start=moment(dag, 11), door=None)
    afspraak.refresh_from_db()
    assert afspraak.start == moment(dag, 10)
    assert bezet(plek, moment(dag, 10)) == 1
    assert bezet(plek, moment(dag, 11)) == 1
    assert selectors.afspraak_met_beheercode(code) == afspraak


def test_annuleren_geeft_plaatsen_vrij() -> None:
    plek = locatie(balies=1)
    lang = afspraaktype(plek, duur=30, slug="aangifte-overlijden")
    dag = werkdag()
    afspraak, _code = boeken(lang, plek, moment(dag, 10))
    services.afspraak_annuleren(afspraak=afspraak, door=None)
    afspraak.refresh_from_db()
    assert afspraak.status == Afspraakstatus.GEANNULEERD
    assert bezet(plek, moment(dag, 10)) == bezet(plek, moment(dag, 10, 15)) == 0
    with pytest.raises(ValidationError):
        services.afspraak_annuleren(afspraak=afspraak, door=None)
    boeken(lang, plek, moment(dag, 10), naam="Daan Bakker")


def test_afhandelen_pas_op_de_dag_zelf() -> None:
    plek = locatie()
    afspraak, _code = boeken(afspraaktype(plek), plek, moment(werkdag(), 10))
    kcc = medewerker(Rol.KCC_MEDEWERKER)
    with pytest.raises(ValidationError):
        services.afspraak_afhandelen(afspraak=afspraak, status=Afspraakstatus.AFGEROND, door=kcc)
    Afspraak.objects.filter(pk=afspraak.pk).update(start=timezone.now() - timedelta(hours=1))
    services.afspraak_afhandelen(afspraak=afspraak, status=Afspraakstatus.NIET_VERSCHENEN, door=kcc)
    afspraak.refresh_from_db()
    assert afspraak.status == Afspraakstatus.NIET_VERSCHENEN


# -- Selectors -------------------------------------------------------------------------------------


def test_beschikbare_tijden_vragen_ruimte_in_alle_sloten() -> None:
    plek = locatie(balies=1)
    kort = afspraaktype(plek)
    lang = afspraaktype(plek, duur=30, slug="aangifte-overlijden")
    dag = werkdag()
    boeken(kort, plek, moment(dag, 10, 15))
    tijden = [
        timezone.localtime(t).time()
        for t in selectors.beschikbare_tijden(afspraaktype=lang, locatie=plek, dag=dag)
    ]
    assert time(9, 30) in tijden
    assert time(9, 45) in tijden
    assert time(10) not in tijden
    assert time(10, 15) not in tijden
    assert time(11, 45) not in tijden  # would run into the lunch break
    assert time(15, 30) in tijden
    assert time(15, 45) not in tijden
    dagen = selectors.dagen_met_ruimte(afspraaktype=kort, locatie=plek, van=dag, tot=dag + timedelta(days=7))
    assert dagen[dag] == 23


def test_dagagenda_met_aantal_balies() -> None:
    plek = locatie(balies=2)
    dag = werkdag()
    boeken(afspraaktype(plek), plek, moment(dag, 10))
    agenda = selectors.dagagenda(locatie=plek, dag=dag)
    assert agenda.balies == 2
    assert [a.naam for a in agenda.afspraken] == ["Sanne de Vries"]
    assert agenda.plaatsen == 48
    assert agenda.bezet == 1


def test_tijdsloten_aanvullen_en_een_dag_voorbij_de_horizon() -> None:
    plek = locatie(balies=1)
    soort = afspraaktype(plek)
    Tijdslot.objects.all().delete()
    assert services.tijdsloten_aanvullen.call() > 0
    assert Tijdslot.objects.filter(locatie=plek, start=moment(werkdag(), 9)).exists()
    ver = werkdag(vanaf=100)
    afspraak, _code = boeken(soort, plek, moment(ver, 9))  # the day's slots are made on the spot
    assert bezet(plek, afspraak.start) == 1


def test_gelijkgestelde_dag_is_gesloten() -> None:
    from raadhuis.core.models import GelijkgesteldeDag

    dag = werkdag(vanaf=3)
    GelijkgesteldeDag.objects.create(datum=dag, besluit="Besluit gelijkstelling dagen")
    plek = locatie()
    assert not Tijdslot.objects.filter(locatie=plek, start__date=dag).exists()
    with pytest.raises(ValidationError, match="gesloten"):
        boeken(afspraaktype(plek), plek, moment(dag, 10))
