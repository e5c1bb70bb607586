"""Secrecy of papers, Gemeentewet art. 25: confirmation by the raad (lid 3), its lapse, lifting (lid 4)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import Aanwezigheid, Stuk, Vergadering
from raadhuis.besluitvorming.selectors.geheimhouding import eerstvolgende_raadsvergadering
from raadhuis.besluitvorming.selectors.publiek import openbare_stukken
from raadhuis.besluitvorming.tests.factories import (
    AgendapuntFactory,
    OrgaanFactory,
    StukFactory,
    VergaderingFactory,
    raad_met_leden,
)
from raadhuis.core import zoeken

pytestmark = pytest.mark.django_db


@pytest.fixture
def raad():
    return raad_met_leden((4, 3, 2))  # 9 seats: more than half is 5


def _stuk(raad, **velden):
    college = OrgaanFactory(college=True)
    # The item the paper was sent for: a raad meeting before the secrecy was imposed.
    vergadering = VergaderingFactory(
        orgaan=raad.orgaan, begin=timezone.now() - dt.timedelta(days=2), agenda_gepubliceerd_op=timezone.now()
    )
    punt = AgendapuntFactory(vergadering=vergadering)
    return StukFactory(
        agendapunt=punt,
        orgaan=college,
        openbaarheid=Stuk.Openbaarheid.GEHEIM,
        geheim_tot_bekrachtiging=velden.pop("tot_bekrachtiging", True),
        datum=velden.pop("datum", timezone.localdate()),
        **velden,
    )


def _raadsvergadering(raad, aanwezig: int, *, dagen: int = 1) -> Vergadering:
    vergadering = VergaderingFactory(orgaan=raad.orgaan, begin=timezone.now() + dt.timedelta(days=dagen))
    for lid in raad.leden[:aanwezig]:
        Aanwezigheid.objects.create(vergadering=vergadering, persoon=lid, aanwezig=True)
    for lid in raad.leden[aanwezig:]:
        Aanwezigheid.objects.create(vergadering=vergadering, persoon=lid, aanwezig=False)
    return vergadering


def _gehouden(vergadering: Vergadering, griffier) -> Vergadering:
    Vergadering.objects.filter(pk=vergadering.pk).update(geopend=True)
    vergadering.refresh_from_db()
    return services.vergadering_gehouden(vergadering=vergadering, door=griffier)


def test_raad_confirms_in_a_meeting_attended_by_more_than_half(raad, griffier):
    stuk = _stuk(raad)
    vergadering = _raadsvergadering(raad, aanwezig=5)
    services.geheimhouding_bekrachtigen(stuk=stuk, vergadering=vergadering, door=griffier)
    stuk.refresh_from_db()
    assert stuk.geheim_bekrachtigd_in == vergadering
    assert "art. 25 lid 3" in stuk.geheimhouding_toelichting
    # Confirmed secrecy survives the meeting being closed.
    _gehouden(vergadering, griffier)
    stuk.refresh_from_db()
    assert stuk.openbaarheid == Stuk.Openbaarheid.GEHEIM


def test_half_is_not_more_than_half(raad, griffier):
    stuk = _stuk(raad)
    vergadering = _raadsvergadering(raad, aanwezig=4)
    with pytest.raises(ValidationError, match="meer dan de helft"):
        services.geheimhouding_bekrachtigen(stuk=stuk, vergadering=vergadering, door=griffier)
    stuk.refresh_from_db()
    assert stuk.geheim_bekrachtigd_in is None


def test_unconfirmed_secrecy_lapses_when_the_next_quorate_raad_meeting_is_held(raad, griffier):
    stuk = _stuk(raad, titel="Grondprijzen Keijzershof", tekst="grondprijzen keijzershof")
    vergadering = _raadsvergadering(raad, aanwezig=6)
    later = _stuk(raad, datum=timezone.localdate() + dt.timedelta(days=2))
    assert eerstvolgende_raadsvergadering(stuk) == vergadering
    assert eerstvolgende_raadsvergadering(later) is None
    _gehouden(vergadering, griffier)
    stuk.refresh_from_db()
    later.refresh_from_db()
    assert stuk.openbaarheid == Stuk.Openbaarheid.OPENBAAR
    assert stuk.geheimhouding_beeindigd_op == timezone.localtime(vergadering.begin).date()
    assert "vervallen" in stuk.geheimhouding_toelichting
    assert stuk in openbare_stukken()
    assert zoeken.zoeken(vraag="keijzershof").totaal == 1  # the search index follows
    # A paper submitted after that meeting waits for the next one.
    assert later.openbaarheid == Stuk.Openbaarheid.GEHEIM


def test_a_meeting_without_majority_attendance_lets_nothing_lapse(raad, griffier):
    stuk = _stuk(raad)
    _gehouden(_raadsvergadering(raad, aanwezig=3), griffier)
    stuk.refresh_from_db()
    assert stuk.openbaarheid == Stuk.Openbaarheid.GEHEIM


def test_secrecy_imposed_by_the_raad_itself_never_lapses(raad, griffier):
    stuk = _stuk(raad, tot_bekrachtiging=False)
    _gehouden(_raadsvergadering(raad, aanwezig=9), griffier)
    stuk.refresh_from_db()
    assert stuk.openbaarheid == Stuk.Openbaarheid.GEHEIM
    with pytest.raises(ValidationError, match="geen geheimhouding die de raad moet bekrachtigen"):
        services.geheimhouding_bekrachtigen(stuk=stuk, vergadering=_raadsvergadering(raad, 9), door=griffier)


def test_lapsed_secrecy_cannot_be_confirmed_afterwards(raad, griffier):
    stuk = _stuk(raad)
    vergadering = _gehouden(_raadsvergadering(raad, aanwezig=9), griffier)
    with pytest.raises(ValidationError):
        services.geheimhouding_bekrachtigen(stuk=stuk, vergadering=vergadering, door=griffier)


def test_only_the_raad_confirms(raad, griffier):
    stuk = _stuk(raad)
    commissie = VergaderingFactory(
        orgaan=OrgaanFactory(commissie=True), begin=timezone.now() + dt.timedelta(days=1)
    )
    with pytest.raises(ValidationError, match="Alleen de raad"):
        services.geheimhouding_bekrachtigen(stuk=stuk, vergadering=commissie, door=griffier)


def test_raad_lifts_secrecy(raad, griffier):
    stuk = _stuk(raad, tot_bekrachtiging=False)
    with pytest.raises(ValidationError) as fout:
        services.geheimhouding_opheffen(
            stuk=stuk, besloten_op=timezone.localdate() + dt.timedelta(days=1), door=griffier
        )
    assert "besloten_op" in fout.value.message_dict
    services.geheimhouding_opheffen(stuk=stuk, besloten_op=timezone.localdate(), door=griffier)
    stuk.refresh_from_db()
    assert stuk.openbaarheid == Stuk.Openbaarheid.OPENBAAR
    assert "art. 25 lid 4" in stuk.geheimhouding_toelichting
    with pytest.raises(ValidationError, match="geen geheimhouding"):
        services.geheimhouding_opheffen(stuk=stuk, besloten_op=timezone.localdate(), door=griffier)


def test_only_the_griffie_records_it(raad):
    stuk = _stuk(raad)
    with pytest.raises(PermissionDenied):
        services.geheimhouding_opheffen(
            stuk=stuk, besloten_op=timezone.localdate(), door=MedewerkerFactory(rollen=[Rol.RAADSLID])
        )


def test_werkplek_page_lists_and_confirms(client, raad, griffier):
    stuk = _stuk(raad, titel="Aankoop pand Stationsstraat")
    vergadering = _raadsvergadering(raad, aanwezig=7)
    client.force_login(griffier)
    pagina = client.get(reverse("besluitvorming:werkplek_geheimhouding")).content.decode()
    assert "Aankoop pand Stationsstraat" in pagina
    assert vergadering.titel in pagina
    url = reverse("besluitvorming:werkplek_geheimhouding_bekrachtigen", args=[stuk.pk, vergadering.pk])
    assert client.post(url).status_code == 302
    stuk.refresh_from_db()
    assert stuk.geheim_bekrachtigd_in == vergadering


def test_werkplek_page_refuses_a_bad_date(client, raad, griffier):
    stuk = _stuk(raad, tot_bekrachtiging=False)
    client.force_login(griffier)
    antwoord = client.post(
        reverse("besluitvorming:werkplek_geheimhouding_opheffen", args=[stuk.pk]),
        {"besloten_op": "gisteren"},
        follow=True,
    )
    assert (
        "Voer een geldige datum in" in antwoord.content.decode()
        or "geldige datum" in antwoord.content.decode()
    )
    stuk.refresh_from_db()
    assert stuk.openbaarheid == Stuk.Openbaarheid.GEHEIM
