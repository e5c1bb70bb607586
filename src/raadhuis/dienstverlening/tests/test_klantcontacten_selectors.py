"""The klantcontacten reads: the keyset-paged list and its filters, open questions, callbacks for me
and my teams, the 360° view (one timeline, a logged read) and the knowledge base search, each with
its query count so an N+1 cannot come back."""

from __future__ import annotations

import datetime as dt
import inspect
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.core.models import Logregel
from raadhuis.dienstverlening.models import Contactkanaal, Klantcontact, Partijsoort
from raadhuis.dienstverlening.selectors import klantcontacten as selectors
from raadhuis.dienstverlening.selectors.klantcontacten import Contactfilter, Cursor, Soort
from raadhuis.dienstverlening.services import klantcontacten as services
from raadhuis.dienstverlening.tests import factories
from raadhuis.dienstverlening.tests import factories_klantcontacten as kc
from raadhuis.dienstverlening.tests import test_afspraken_hulp as hulp
from raadhuis.dienstverlening.tests.factories import BSN_ANDER, BSN_INWONER, KVK_ONDERNEMER

pytestmark = pytest.mark.django_db

NU = timezone.now()


@pytest.fixture
def medewerker() -> Medewerker:
    return kc.kcc(first_name="Karin", last_name="KCC")


def _contact(medewerker: Medewerker, uren_geleden: int, **velden: Any) -> Klantcontact:
    return kc.contact(door=medewerker, plaatsgevonden_op=NU - dt.timedelta(hours=uren_geleden), **velden)


# --- the list ---------------------------------------------------------------------------------------------


def test_een_pagina_contacten_is_een_query(medewerker: Medewerker, django_assert_num_queries: Any) -> None:
    zaak = factories.zaak(door=medewerker)
    for uur in range(4):
        _contact(medewerker, uur, product=zaak.product, zaak=zaak, antwoord="Ja.")
    with django_assert_num_queries(1):
        pagina = selectors.klantcontacten(filters=Contactfilter(), aantal=10)
        for contact in pagina.contacten:
            assert contact.product is not None
            assert contact.zaak is not None
            _ = contact.product.naam, contact.zaak.identificatie, contact.geregistreerd_door, contact.team
    assert len(pagina.contacten) == 4
    assert pagina.volgende is None


def test_keyset_paginas_nieuwste_eerst_zonder_overlap(medewerker: Medewerker) -> None:
    contacten = [_contact(medewerker, uur) for uur in range(5)]  # contacten[0] is the newest
    eerste = selectors.klantcontacten(filters=Contactfilter(), aantal=2)
    assert eerste.contacten == contacten[:2]
    assert eerste.volgende is not None
    tweede = selectors.klantcontacten(filters=Contactfilter(), na=eerste.volgende, aantal=2)
    assert tweede.contacten == contacten[2:4]
    derde = selectors.klantcontacten(filters=Contactfilter(), na=tweede.volgende, aantal=2)
    assert derde.contacten == contacten[4:]
    assert derde.volgende is None
    # A cursor this module did not write starts at the first page.
    assert selectors.klantcontacten(filters=Contactfilter(), na="rommel", aantal=2).contacten == contacten[:2]
    cursor = Cursor(moment=NU, id=7)
    assert Cursor.decoderen(cursor.coderen()) == cursor


def test_filters_op_kanaal_status_en_periode(medewerker: Medewerker) -> None:
    telefoon_open = _contact(medewerker, 1)
    chat_klaar = _contact(medewerker, 2, kanaal=Contactkanaal.CHAT, antwoord="Klaar.")
    oud = _contact(medewerker, 24 * 40, antwoord="Oud.")

    def ids(filters: Contactfilter) -> list[int]:
        return [c.pk for c in selectors.klantcontacten(filters=filters).contacten]

    assert ids(Contactfilter(kanaal=Contactkanaal.CHAT)) == [chat_klaar.pk]
    assert ids(Contactfilter(afgehandeld=False)) == [telefoon_open.pk]
    assert ids(Contactfilter(afgehandeld=True)) == [chat_klaar.pk, oud.pk]
    vandaag = timezone.localdate(NU)
    assert oud.pk not in ids(Contactfilter(van=vandaag - dt.timedelta(days=30)))
    assert ids(Contactfilter(tot=vandaag - dt.timedelta(days=30))) == [oud.pk]


def test_open_vragen_oudste_eerst_zonder_terugbelverzoeken(
    medewerker: Medewerker, django_assert_num_queries: Any
) -> None:
    # given an open question, an older one, an answered one and one waiting for a callback
    nieuw = _contact(medewerker, 1)
    ouder = _contact(medewerker, 5)
    _contact(medewerker, 3, antwoord="Beantwoord.")
    kc.terugbelverzoek(_contact(medewerker, 2), door=medewerker)
    # then the open questions are the two without answer or callback, oldest first, in one query
    with django_assert_num_queries(1):
        vragen = selectors.open_vragen()
        _ = [(v.product, v.zaak) for v in vragen]
    assert vragen == [ouder, nieuw]


# --- callbacks ----------------------------------------------------------------------------------------------


def test_terugbelverzoeken_voor_mij_en_mijn_teams(
    medewerker: Medewerker, django_assert_num_queries: Any
) -> None:
    # given callbacks for me, for my team (which has other members too), for someone else, and one done
    collega = kc.kcc()
    mijn_team = kc.team("KCC", medewerker, collega, kc.kcc())
    ander_team = kc.team("Burgerzaken", collega)
    contact = _contact(medewerker, 1)
    voor_mij = kc.terugbelverzoek(contact, door=medewerker, deadline=NU + dt.timedelta(hours=2))
    voor_team = kc.terugbelverzoek(
        contact, door=medewerker, team=mijn_team, deadline=NU + dt.timedelta(hours=1)
    )
    kc.terugbelverzoek(contact, door=medewerker, medewerker=collega, team=ander_team)
    klaar = kc.terugbelverzoek(contact, door=medewerker, deadline=NU + dt.timedelta(hours=3))
    services.terugbelverzoek_afhandelen(
        terugbelverzoek=klaar, resultaat="Gedaan.", contact_gelukt=True, door=medewerker
    )
    # when I look, with the clock past the first deadline
    later = NU + dt.timedelta(hours=1, minutes=30)
    with django_assert_num_queries(2):
        lijst = selectors.terugbelverzoeken_voor(medewerker=medewerker, nu=later)
        _ = [(r.verzoek.klantcontact.onderwerp, r.verzoek.medewerker, r.verzoek.team) for r in lijst.open]
        _ = [(v.klantcontact.onderwerp, v.afgehandeld_door) for v in lijst.recent_afgehandeld]
    # then mine and my team's are open by deadline, once each, the team's overdue; the done one below
    assert [r.verzoek for r in lijst.open] == [voor_team, voor_mij]
    assert [r.te_laat for r in lijst.open] == [True, False]
    assert [r.voor_mij for r in lijst.open] == [False, True]
    assert lijst.recent_afgehandeld == [klaar]


# --- one contact and the 360° view ------------------------------------------------------------------------


def test_contact_openen_wordt_gelogd(medewerker: Medewerker) -> None:
    contact = _contact(medewerker, 1)
    assert selectors.klantcontact_voor_medewerker(contact.pk, door=medewerker) == contact
    regel = Logregel.objects.get(naam="klantcontact.inzien")
    assert regel.betrokkene_type == "BSN"
    assert regel.door_id == str(medewerker.pk)


def _klantbeeld_data(medewerker: Medewerker, aantal: int) -> None:
    inwoner = factories.inwoner()
    for uur in range(aantal):
        _contact(medewerker, uur + 1)
        factories.zaak(door=inwoner)


def test_klantbeeld_een_tijdlijn_nieuwste_eerst_en_gelogd(medewerker: Medewerker) -> None:
    # given a resident's contact, digital case (with its web-form contact) and someone else's contact
    eigen = _contact(medewerker, 1)
    zaak = factories.zaak(door=factories.inwoner())
    services.klantcontact_na_intake(
        zaak=zaak, initiator=services.Initiator(bsn=BSN_INWONER), door=factories.inwoner()
    )
    _contact(medewerker, 1, bsn=BSN_ANDER)
    kc.contact(door=medewerker, bsn="", partijsoort=Partijsoort.ONDERNEMER, kvk_nummer=KVK_ONDERNEMER)
    # when the KCC opens the 360° view
    beeld = selectors.klantbeeld(bsn=BSN_INWONER, door=medewerker)
    # then it holds the two contacts and the case, newest first, and the read is logged with who looked
    assert [r.soort for r in beeld.tijdlijn] == [Soort.KLANTCONTACT, Soort.ZAAK, Soort.KLANTCONTACT]
    assert beeld.tijdlijn[1].object == zaak
    assert beeld.tijdlijn[2].object == eigen
    assert beeld.aantal_contacten == 2
    assert beeld.aantal_zaken == 1
    regels = Logregel.objects.filter(naam="klantbeeld.inzien")
    assert regels.count() == 1
    assert regels.get().door_id == str(medewerker.pk)
    assert regels.get().betrokkene_type == "BSN"
    # a business by its KvK number sees only its own
    zakelijk = selectors.klantbeeld(kvk=KVK_ONDERNEMER, door=medewerker)
    assert zakelijk.aantal_contacten == 1


def test_klantbeeld_leest_drie_queries_hoe_lang_de_tijdlijn_ook_is(
    medewerker: Medewerker, django_assert_num_queries: Any
) -> None:
    ongelogd = inspect.unwrap(selectors.klantbeeld)
    _klantbeeld_data(medewerker, 1)
    with CaptureQueriesContext(connection) as kort:
        selectors.klantbeeld(bsn=BSN_INWONER, door=medewerker)
    _klantbeeld_data(medewerker, 4)
    with CaptureQueriesContext(connection) as lang:
        beeld = selectors.klantbeeld(bsn=BSN_INWONER, door=medewerker)
    assert len(lang.captured_queries) == len(kort.captured_queries)
    with django_assert_num_queries(3):
        beeld = ongelogd(bsn=BSN_INWONER, door=medewerker)
        for regel in beeld.tijdlijn:
            _ = str(regel.object)
    assert beeld.aantal_contacten == 5


def test_klantbeeld_alleen_voor_front_office(medewerker: Medewerker) -> None:
    with pytest.raises(PermissionDenied):
        selectors.klantbeeld(bsn=BSN_INWONER, door=factories.medewerker(Rol.CONTROLLER))


# --- the knowledge base ---------------------------------------------------------------------------------


def test_kennisbank_zoeken_per_product_met_algemene_antwoorden(medewerker: Medewerker) -> None:
    verhuizen = factories.product("verhuizing-doorgeven")
    paspoort = factories.product("paspoort")
    algemeen = kc.kennisartikel("Openingstijden", "Het gemeentehuis is open op werkdagen.", door=medewerker)
    bij_verhuizing = kc.kennisartikel(
        "Verhuizing doorgeven", "Geef uw verhuizing door op werkdagen.", product=verhuizen, door=medewerker
    )
    kc.kennisartikel("Paspoort", "Een paspoort vraagt u aan op werkdagen.", product=paspoort, door=medewerker)
    assert len(selectors.kennisartikelen_zoeken("werkdagen")) == 3
    assert set(selectors.kennisartikelen_zoeken("werkdagen", verhuizen)) == {algemeen, bij_verhuizing}
    assert selectors.kennisartikelen_zoeken("") == []
    assert selectors.kennisartikelen_zoeken("onbekendwoord") == []


def test_kennisbank_lijst_is_een_query(medewerker: Medewerker, django_assert_num_queries: Any) -> None:
    for nummer in range(3):
        kc.kennisartikel(f"Vraag {nummer}", "Antwoord.", product=factories.product(), door=medewerker)
    with django_assert_num_queries(1):
        artikelen = list(selectors.kennisartikelen())
        _ = [(a.product, a.gewijzigd_door) for a in artikelen]
    assert len(artikelen) == 3


def test_klantbeeld_toont_afspraken_van_de_inwoner(medewerker: Medewerker) -> None:
    # given a resident's contact and an appointment they booked with DigiD (in the future)
    contact = _contact(medewerker, 1)
    plek = hulp.locatie()
    afspraak, _code = hulp.boeken(
        hulp.afspraaktype(plek), plek, hulp.moment(hulp.werkdag(), 10), door=factories.inwoner()
    )
    # then the 360° view has both, the appointment (latest moment) first
    beeld = selectors.klantbeeld(bsn=BSN_INWONER, door=medewerker)
    assert [regel.object for regel in beeld.tijdlijn] == [afspraak, contact]
    assert beeld.tijdlijn[0].soort is Soort.AFSPRAAK
