"""The desk's queue: a visitor reports (aangemeld_op) and is called (opgeroepen_op); the waiting time
between them feeds the monitoring's 15-minute norm. Services and the agenda's two buttons."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.core.models import Logregel
from raadhuis.dienstverlening.models import Afspraak, Afspraakstatus
from raadhuis.dienstverlening.services import afspraken as services
from raadhuis.dienstverlening.tests.factories import medewerker
from raadhuis.dienstverlening.tests.test_afspraken_hulp import afspraaktype, boeken, locatie, moment, werkdag

pytestmark = pytest.mark.django_db


def _vandaag_geboekt() -> Afspraak:
    """A booked appointment at noon today (booked ahead, then moved to today)."""
    plek = locatie()
    afspraak, _code = boeken(afspraaktype(plek), plek, moment(werkdag(), 10))
    start = moment(timezone.localdate(), 12)
    Afspraak.objects.filter(pk=afspraak.pk).update(start=start, eind=start + timedelta(minutes=15))
    afspraak.refresh_from_db()
    return afspraak


# -- Services --------------------------------------------------------------------------------------


def test_aanmelden_en_oproepen_leggen_de_wachttijd_vast_en_loggen() -> None:
    # Given a booked appointment of today and a KCC employee
    afspraak = _vandaag_geboekt()
    kcc = medewerker(Rol.KCC_MEDEWERKER)
    # When the visitor reports and is called
    services.afspraak_aanmelden(afspraak=afspraak, door=kcc)
    services.afspraak_oproepen(afspraak=afspraak, door=kcc)
    # Then both moments are recorded in order, and each step is logged
    afspraak.refresh_from_db()
    assert afspraak.aangemeld_op is not None
    assert afspraak.opgeroepen_op is not None
    assert afspraak.opgeroepen_op >= afspraak.aangemeld_op
    assert afspraak.status == Afspraakstatus.GEBOEKT
    assert Logregel.objects.filter(naam="afspraak.aanmelden").count() == 1
    assert Logregel.objects.filter(naam="afspraak.oproepen").count() == 1


def test_aanmelden_op_een_andere_dag_wordt_geweigerd_en_verandert_niets() -> None:
    # Given an appointment on a future day
    plek = locatie()
    afspraak, _code = boeken(afspraaktype(plek), plek, moment(werkdag(), 10))
    # When the desk reports the visitor today, then it is refused at the field
    with pytest.raises(ValidationError) as fout:
        services.afspraak_aanmelden(afspraak=afspraak, door=medewerker(Rol.KCC_MEDEWERKER))
    assert "aangemeld_op" in fout.value.message_dict
    afspraak.refresh_from_db()
    assert afspraak.aangemeld_op is None
    assert not Logregel.objects.filter(naam="afspraak.aanmelden").exists()


@pytest.mark.parametrize(
    "status", [Afspraakstatus.GEANNULEERD, Afspraakstatus.AFGEROND, Afspraakstatus.NIET_VERSCHENEN]
)
def test_aanmelden_van_een_afgehandelde_of_geannuleerde_afspraak_wordt_geweigerd(status: str) -> None:
    afspraak = _vandaag_geboekt()
    Afspraak.objects.filter(pk=afspraak.pk).update(status=status)
    with pytest.raises(ValidationError):
        services.afspraak_aanmelden(afspraak=afspraak, door=medewerker(Rol.KCC_MEDEWERKER))
    afspraak.refresh_from_db()
    assert afspraak.aangemeld_op is None


def test_twee_keer_aanmelden_wordt_geweigerd_en_houdt_het_eerste_moment() -> None:
    afspraak = _vandaag_geboekt()
    kcc = medewerker(Rol.KCC_MEDEWERKER)
    services.afspraak_aanmelden(afspraak=afspraak, door=kcc)
    afspraak.refresh_from_db()
    eerste = afspraak.aangemeld_op
    with pytest.raises(ValidationError):
        services.afspraak_aanmelden(afspraak=afspraak, door=kcc)
    afspraak.refresh_from_db()
    assert afspraak.aangemeld_op == eerste


def test_oproepen_zonder_aanmelding_wordt_geweigerd_en_verandert_niets() -> None:
    afspraak = _vandaag_geboekt()
    with pytest.raises(ValidationError) as fout:
        services.afspraak_oproepen(afspraak=afspraak, door=medewerker(Rol.KCC_MEDEWERKER))
    assert "opgeroepen_op" in fout.value.message_dict
    afspraak.refresh_from_db()
    assert afspraak.opgeroepen_op is None
    assert not Logregel.objects.filter(naam="afspraak.oproepen").exists()


def test_twee_keer_oproepen_wordt_geweigerd() -> None:
    afspraak = _vandaag_geboekt()
    kcc = medewerker(Rol.KCC_MEDEWERKER)
    services.afspraak_aanmelden(afspraak=afspraak, door=kcc)
    services.afspraak_oproepen(afspraak=afspraak, door=kcc)
    afspraak.refresh_from_db()
    eerste = afspraak.opgeroepen_op
    with pytest.raises(ValidationError):
        services.afspraak_oproepen(afspraak=afspraak, door=kcc)
    afspraak.refresh_from_db()
    assert afspraak.opgeroepen_op == eerste


def test_oproepen_ligt_nooit_voor_aanmelden() -> None:
    # Given a report time slightly in the future (a clock that stepped back)
    afspraak = _vandaag_geboekt()
    kcc = medewerker(Rol.KCC_MEDEWERKER)
    later = timezone.now() + timedelta(seconds=30)
    Afspraak.objects.filter(pk=afspraak.pk).update(aangemeld_op=later)
    # When the visitor is called, then the call is not before the report
    services.afspraak_oproepen(afspraak=afspraak, door=kcc)
    afspraak.refresh_from_db()
    assert afspraak.opgeroepen_op == later


def test_aanmelden_en_oproepen_zonder_recht_worden_geweigerd() -> None:
    afspraak = _vandaag_geboekt()
    controller = medewerker(Rol.CONTROLLER)
    with pytest.raises(PermissionDenied):
        services.afspraak_aanmelden(afspraak=afspraak, door=controller)
    Afspraak.objects.filter(pk=afspraak.pk).update(aangemeld_op=timezone.now())
    with pytest.raises(PermissionDenied):
        services.afspraak_oproepen(afspraak=afspraak, door=controller)
    afspraak.refresh_from_db()
    assert afspraak.opgeroepen_op is None


# -- The agenda's buttons --------------------------------------------------------------------------


def test_agenda_toont_aanmelden_en_daarna_oproepen(client: Client) -> None:
    # Given today's appointment in the agenda
    afspraak = _vandaag_geboekt()
    client.force_login(medewerker(Rol.KCC_MEDEWERKER))
    agenda = (
        f"{reverse('dienstverlening:werkplek_afspraken')}?locatie={afspraak.locatie.slug}"
        f"&dag={timezone.localdate().isoformat()}"
    )
    aanmelden = reverse("dienstverlening:werkplek_afspraak_aanmelden", args=[afspraak.pk])
    oproepen = reverse("dienstverlening:werkplek_afspraak_oproepen", args=[afspraak.pk])
    pagina = client.get(agenda).content.decode()
    assert aanmelden in pagina
    assert oproepen not in pagina
    # When the desk presses "Aangemeld"
    antwoord = client.post(aanmelden)
    # Then it returns to the agenda, which now offers "Oproepen"
    assert antwoord.status_code == 302
    assert antwoord["Location"] == agenda
    pagina = client.get(agenda).content.decode()
    assert oproepen in pagina
    assert aanmelden not in pagina
    # And after "Oproepen" neither button is left
    client.post(oproepen)
    pagina = client.get(agenda).content.decode()
    assert oproepen not in pagina
    afspraak.refresh_from_db()
    assert afspraak.opgeroepen_op is not None


def test_knop_bij_verkeerde_afspraak_geeft_melding_en_verandert_niets(client: Client) -> None:
    afspraak = _vandaag_geboekt()
    client.force_login(medewerker(Rol.KCC_MEDEWERKER))
    antwoord = client.post(
        reverse("dienstverlening:werkplek_afspraak_oproepen", args=[afspraak.pk]), follow=True
    )
    assert "Roep een bezoeker pas op" in antwoord.content.decode()
    afspraak.refresh_from_db()
    assert afspraak.opgeroepen_op is None
    assert (
        client.post(reverse("dienstverlening:werkplek_afspraak_aanmelden", args=[999999])).status_code == 404
    )


def test_knoppen_vragen_post_en_het_recht_afspraken_te_beheren(client: Client) -> None:
    afspraak = _vandaag_geboekt()
    url = reverse("dienstverlening:werkplek_afspraak_aanmelden", args=[afspraak.pk])
    client.force_login(medewerker(Rol.CONTROLLER))
    assert client.post(url).status_code == 403
    client.force_login(medewerker(Rol.KCC_MEDEWERKER))
    assert client.get(url).status_code == 405
    afspraak.refresh_from_db()
    assert afspraak.aangemeld_op is None
