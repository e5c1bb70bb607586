"""The Woo pages: the public request form without login (Woo art. 4.1), its confirmation with the
kenmerk and deadline, the Werkplek dashboard by days left, registering a request from e-mail or
letter, and the request page's actions with their bad input (400, error next to the field, nothing
changed), permissions and the BSN never shown in full."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, identiteit_opslaan
from raadhuis.core.models import Logregel
from raadhuis.woo.models import Ingebrekestelling, Kanaal, Opschorting, Verdaging, Verzoekstatus, WooVerzoek
from raadhuis.woo.services import verzoeken as services

pytestmark = pytest.mark.django_db

INDIENEN = reverse("woo:verzoek_indienen")
ONTVANGEN = reverse("woo:verzoek_ontvangen")
DASHBOARD = reverse("woo:werkplek")
NIEUW = reverse("woo:verzoek_nieuw")
BSN = "999993653"


@pytest.fixture
def coordinator(client: Any) -> Medewerker:
    ingelogd: Medewerker = MedewerkerFactory(rollen=[Rol.WOO_COORDINATOR], first_name="Wim", last_name="Woo")
    client.force_login(ingelogd)
    return ingelogd


def _verzoek(
    door: Medewerker, *, dagen_geleden: int = 0, onderwerp: str = "Subsidies sportclubs"
) -> WooVerzoek:
    return services.verzoek_registreren(
        onderwerp=onderwerp,
        omschrijving="Alle besluiten over subsidies aan sportclubs in 2025.",
        ontvangen_op=timezone.localdate() - dt.timedelta(days=dagen_geleden),
        kanaal=Kanaal.EMAIL,
        verzoeker_naam="Jan Jansen",
        emailadres="jan@example.org",
        door=door,
    )


def _url(naam: str, verzoek: WooVerzoek) -> str:
    return reverse(f"woo:{naam}", args=[verzoek.kenmerk])


def _publiek(**velden: str) -> dict[str, str]:
    return {
        "onderwerp": "Bomenkap Dorpsstraat",
        "omschrijving": "Alle documenten over het besluit om de bomen aan de Dorpsstraat te kappen.",
        "emailadres": "inwoner@example.org",
        **velden,
    }


# --- the public form ---------------------------------------------------------------------------------


def test_openbaar_formulier_werkt_zonder_inloggen_en_vraagt_geen_reden(client: Any) -> None:
    # Given a visitor who is not logged in
    # When they open the form
    antwoord = client.get(INDIENEN)
    # Then it is there, says no login and no reason is needed, and has no field for a reason
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "U hoeft niet in te loggen" in html
    assert "niet te zeggen waarom" in html
    assert 'name="reden"' not in html
    assert 'name="bsn"' not in html


def test_verzoek_indienen_toont_kenmerk_en_beslistermijn_zonder_gegevens_in_de_url(client: Any) -> None:
    # Given an anonymous visitor
    # When they submit a request
    antwoord = client.post(INDIENEN, _publiek())
    # Then they go to the confirmation, whose URL holds no kenmerk or personal data
    assert antwoord.status_code == 302
    assert antwoord["Location"] == ONTVANGEN
    verzoek = WooVerzoek.objects.get()
    assert verzoek.kanaal == Kanaal.WEBFORMULIER
    assert verzoek.ontvangen_op == timezone.localdate()
    assert verzoek.bsn == ""
    # and it shows the kenmerk, the end date and how it was computed
    html = client.get(ONTVANGEN).content.decode()
    assert verzoek.kenmerk in html
    assert verzoek.beslistermijn_einde is not None
    assert str(verzoek.beslistermijn_einde.year) in html
    assert "Wet open overheid art. 4.4 lid 1" in html


def test_verzoek_zonder_adres_voor_het_besluit_geeft_fout_bij_het_veld_en_legt_niets_vast(
    client: Any,
) -> None:
    # Given a request with neither e-mail nor postal address
    antwoord = client.post(INDIENEN, _publiek(emailadres=""))
    # Then the form comes back with the error next to the e-mail field, and nothing is stored
    html = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert 'id="id_emailadres_error"' in html
    assert "e-mailadres of een postadres" in html
    assert not WooVerzoek.objects.exists()


def test_leeg_verstuurd_formulier_geeft_fouten_bij_de_velden(client: Any) -> None:
    antwoord = client.post(INDIENEN, {})
    assert antwoord.status_code == 400
    assert 'id="id_onderwerp_error"' in antwoord.content.decode()
    assert not WooVerzoek.objects.exists()


def test_verzoek_met_periode_die_eindigt_voor_het_begin_wordt_geweigerd(client: Any) -> None:
    antwoord = client.post(INDIENEN, _publiek(periode_van="2025-06-01", periode_tot="2025-01-01"))
    assert antwoord.status_code == 400
    assert 'id="id_periode_tot_error"' in antwoord.content.decode()
    assert not WooVerzoek.objects.exists()


def test_ingelogd_met_digid_wordt_het_verzoek_gekoppeld_zonder_het_bsn_te_tonen(client: Any) -> None:
    # Given a resident logged in with DigiD
    sessie = client.session
    identiteit_opslaan(
        sessie,
        Identiteit(soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL, bsn=BSN, middel="digid"),
    )
    sessie.save()
    # When they open and submit the form
    assert "U bent ingelogd met DigiD" in client.get(INDIENEN).content.decode()
    antwoord = client.post(INDIENEN, _publiek())
    # Then the request carries their BSN so it can be followed, and no page shows it
    assert antwoord.status_code == 302
    assert WooVerzoek.objects.get().bsn == BSN
    html = client.get(ONTVANGEN).content.decode()
    assert "gekoppeld aan uw DigiD" in html
    assert BSN not in html


def test_bevestiging_zonder_ingediend_verzoek_stuurt_naar_het_formulier(client: Any) -> None:
    antwoord = client.get(ONTVANGEN)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == INDIENEN


# --- the dashboard -------------------------------------------------------------------------------------


def test_dashboard_toont_verstreken_termijn_eerst_met_leesbaar_label(
    client: Any, coordinator: Medewerker
) -> None:
    # Given a request received today and one received sixty days ago (its four weeks have passed)
    nieuw = _verzoek(coordinator, onderwerp="Nieuw verzoek")
    oud = _verzoek(coordinator, dagen_geleden=60, onderwerp="Oud verzoek")
    # When the coordinator opens the dashboard
    antwoord = client.get(DASHBOARD)
    html = antwoord.content.decode()
    # Then the overdue one comes first, marked in words, not by colour alone
    assert antwoord.status_code == 200
    assert html.index(oud.kenmerk) < html.index(nieuw.kenmerk)
    assert "Termijn verstreken" in html
    assert "werkdagen te laat" in html
    assert "1 met verstreken termijn" in html
    assert "<caption" in html


def test_dashboard_heeft_een_vast_aantal_queries(client: Any, coordinator: Medewerker) -> None:
    # Given one request, the page's queries are counted
    _verzoek(coordinator)
    with CaptureQueriesContext(connection) as een:
        assert client.get(DASHBOARD).status_code == 200
    # When there are four, each with a behandelaar and a suspension
    for nummer in range(3):
        verzoek = _verzoek(coordinator, onderwerp=f"Verzoek {nummer}")
        services.behandelaar_toewijzen(verzoek=verzoek, behandelaar=coordinator, door=coordinator)
        services.verduidelijking_vragen(verzoek=verzoek, reden="Welke sportclubs?", door=coordinator)
    with CaptureQueriesContext(connection) as vier:
        assert client.get(DASHBOARD).status_code == 200
    # Then the page needs no more queries
    assert len(vier.captured_queries) == len(een.captured_queries)


def test_dashboard_filtert_op_status_en_weigert_een_onbekende(client: Any, coordinator: Medewerker) -> None:
    gevraagd = _verzoek(coordinator, onderwerp="Te algemeen")
    services.verduidelijking_vragen(verzoek=gevraagd, reden="Welke periode?", door=coordinator)
    ander = _verzoek(coordinator, onderwerp="Precies genoeg")
    html = client.get(DASHBOARD, {"status": Verzoekstatus.VERDUIDELIJKING_GEVRAAGD}).content.decode()
    assert gevraagd.kenmerk in html
    assert ander.kenmerk not in html
    # the suspended request says so in words
    assert "Opgeschort" in html
    assert client.get(DASHBOARD, {"status": "verzonnen"}).status_code == 400
    gedeeltelijk = client.get(DASHBOARD, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in gedeeltelijk
    assert ander.kenmerk in gedeeltelijk


def test_werkplek_alleen_voor_de_woo_coordinator(client: Any) -> None:
    # Not logged in: to the login page; another role: refused
    assert client.get(DASHBOARD).status_code == 302
    client.force_login(MedewerkerFactory(rollen=[Rol.GRIFFIE]))
    assert client.get(DASHBOARD).status_code == 403
    assert client.get(NIEUW).status_code == 403
    assert client.post(NIEUW, {}).status_code == 403


# --- registering from e-mail or letter -------------------------------------------------------------------


def test_medewerker_registreert_een_brief_met_ontvangstdatum(client: Any, coordinator: Medewerker) -> None:
    ontvangen = timezone.localdate() - dt.timedelta(days=3)
    antwoord = client.post(
        NIEUW,
        {
            "kanaal": Kanaal.BRIEF,
            "ontvangen_op": ontvangen.isoformat(),
            "onderwerp": "Verkeersbesluit Kerkweg",
            "omschrijving": "Het verkeersbesluit en de adviezen.",
            "postadres": "Kerkweg 1\n2641 AA Pijnacker",
        },
    )
    verzoek = WooVerzoek.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _url("verzoek", verzoek)
    assert (verzoek.kanaal, verzoek.ontvangen_op, verzoek.geregistreerd_door) == (
        Kanaal.BRIEF,
        ontvangen,
        coordinator,
    )
    html = client.get(antwoord["Location"]).content.decode()
    assert "Hoe is deze datum berekend?" in html
    assert "Wet open overheid art. 4.4 lid 1" in html


def test_ontvangstdatum_in_de_toekomst_wordt_geweigerd_en_legt_niets_vast(
    client: Any, coordinator: Medewerker
) -> None:
    morgen = timezone.localdate() + dt.timedelta(days=1)
    antwoord = client.post(
        NIEUW,
        {
            "kanaal": Kanaal.EMAIL,
            "ontvangen_op": morgen.isoformat(),
            "onderwerp": "Iets",
            "omschrijving": "De stukken.",
            "emailadres": "iemand@example.org",
        },
    )
    assert antwoord.status_code == 400
    assert 'id="id_ontvangen_op_error"' in antwoord.content.decode()
    assert not WooVerzoek.objects.exists()


# --- the request page and its actions -------------------------------------------------------------------


def test_verzoekpagina_maskeert_het_bsn(client: Any, coordinator: Medewerker) -> None:
    verzoek = services.verzoek_registreren(
        onderwerp="Parkeervergunningen",
        omschrijving="",
        ontvangen_op=timezone.localdate(),
        kanaal=Kanaal.WEBFORMULIER,
        emailadres="inwoner@example.org",
        door=Identiteit(soort=Soort.INWONER, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL, bsn=BSN),
    )
    html = client.get(_url("verzoek", verzoek)).content.decode()
    assert "******653" in html
    assert BSN not in html
    # and reading the requester's details is a processing in the logboek
    assert Logregel.objects.filter(naam="woo-verzoek.inzien", betrokkene_type="BSN").count() == 1


def test_onbekend_kenmerk_geeft_404(client: Any, coordinator: Medewerker) -> None:
    assert client.get(reverse("woo:verzoek", args=["WOO-1999-0001"])).status_code == 404


def test_verduidelijking_vragen_schort_op_en_het_antwoord_laat_de_termijn_weer_lopen(
    client: Any, coordinator: Medewerker
) -> None:
    # Given a request that is too general
    verzoek = _verzoek(coordinator)
    # When the coordinator asks for clarification
    antwoord = client.post(_url("verduidelijking_vragen", verzoek), {"verduidelijking-reden": "Welke clubs?"})
    # Then the term is suspended and the page says so
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.status == Verzoekstatus.VERDUIDELIJKING_GEVRAAGD
    html = client.get(_url("verzoek", verzoek)).content.decode()
    assert "Opgeschort" in html
    assert "Verduidelijking ontvangen" in html
    # And when the answer arrives, the clock runs again
    morgen = timezone.localdate() + dt.timedelta(days=1)
    antwoord = client.post(
        _url("verduidelijking_ontvangen", verzoek), {"verduidelijking_ontvangen-op": morgen.isoformat()}
    )
    assert antwoord.status_code == 400  # not in the future
    assert Opschorting.objects.get().tot is None
    antwoord = client.post(
        _url("verduidelijking_ontvangen", verzoek),
        {"verduidelijking_ontvangen-op": timezone.localdate().isoformat()},
    )
    assert antwoord.status_code == 302
    assert Opschorting.objects.get().tot is not None


def test_verduidelijking_zonder_reden_geeft_fout_bij_het_veld(client: Any, coordinator: Medewerker) -> None:
    verzoek = _verzoek(coordinator)
    antwoord = client.post(_url("verduidelijking_vragen", verzoek), {"verduidelijking-reden": ""})
    assert antwoord.status_code == 400
    assert 'id="id_verduidelijking-reden_error"' in antwoord.content.decode()
    assert not Opschorting.objects.exists()


def test_verdaging_met_reden_wordt_vastgelegd_en_dan_niet_meer_aangeboden(
    client: Any, coordinator: Medewerker
) -> None:
    verzoek = _verzoek(coordinator, dagen_geleden=7)
    eerste_einde = verzoek.beslistermijn_einde
    antwoord = client.post(
        _url("verdaging", verzoek),
        {"verdaging-reden": "Ruim 400 documenten met derden.", "verdaging-dagen": "14"},
    )
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert Verdaging.objects.get().dagen == 14
    assert verzoek.beslistermijn_einde is not None
    assert eerste_einde is not None
    assert verzoek.beslistermijn_einde > eerste_einde
    html = client.get(_url("verzoek", verzoek)).content.decode()
    assert "Ruim 400 documenten met derden." in html
    assert 'name="verdaging-reden"' not in html


def test_verdaging_na_afloop_van_de_eerste_termijn_wordt_geweigerd(
    client: Any, coordinator: Medewerker
) -> None:
    # Given a request whose four weeks have long passed (Woo art. 4.4 lid 2: verdagen only before)
    verzoek = _verzoek(coordinator, dagen_geleden=60)
    antwoord = client.post(
        _url("verdaging", verzoek), {"verdaging-reden": "Veel documenten.", "verdaging-dagen": "14"}
    )
    # Then the page comes back with the service's reason, and nothing is stored
    assert antwoord.status_code == 400
    assert "daarna kan niet meer worden verdaagd" in antwoord.content.decode()
    assert not Verdaging.objects.exists()


def test_verdaging_van_meer_dan_twee_weken_wordt_geweigerd(client: Any, coordinator: Medewerker) -> None:
    verzoek = _verzoek(coordinator)
    antwoord = client.post(
        _url("verdaging", verzoek), {"verdaging-reden": "Omvang.", "verdaging-dagen": "21"}
    )
    assert antwoord.status_code == 400
    assert 'id="id_verdaging-dagen_error"' in antwoord.content.decode()
    assert not Verdaging.objects.exists()


def test_zienswijze_opschorten_en_beeindigen(client: Any, coordinator: Medewerker) -> None:
    verzoek = _verzoek(coordinator, dagen_geleden=5)
    van = timezone.localdate() - dt.timedelta(days=2)
    antwoord = client.post(
        _url("opschorting", verzoek),
        {"opschorting-van": van.isoformat(), "opschorting-reden": "Zienswijze van de aannemer."},
    )
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.beslistermijn_einde is None
    assert "Opschorting beëindigen" in client.get(_url("verzoek", verzoek)).content.decode()
    antwoord = client.post(
        _url("opschorting_beeindigen", verzoek),
        {"opschorting_beeindigen-tot": timezone.localdate().isoformat()},
    )
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.beslistermijn_einde is not None


def test_opschorting_voor_de_ontvangst_wordt_geweigerd(client: Any, coordinator: Medewerker) -> None:
    verzoek = _verzoek(coordinator, dagen_geleden=5)
    van = verzoek.ontvangen_op - dt.timedelta(days=1)
    antwoord = client.post(
        _url("opschorting", verzoek), {"opschorting-van": van.isoformat(), "opschorting-reden": "Zienswijze."}
    )
    assert antwoord.status_code == 400
    assert 'id="id_opschorting-van_error"' in antwoord.content.decode()
    assert not Opschorting.objects.exists()


def test_ingebrekestelling_voor_afloop_van_de_termijn_wordt_geweigerd(
    client: Any, coordinator: Medewerker
) -> None:
    verzoek = _verzoek(coordinator)
    antwoord = client.post(
        _url("ingebrekestelling", verzoek),
        {"ingebrekestelling-ontvangen_op": timezone.localdate().isoformat()},
    )
    assert antwoord.status_code == 400
    assert 'id="id_ingebrekestelling-ontvangen_op_error"' in antwoord.content.decode()
    assert not Ingebrekestelling.objects.exists()


def test_ingebrekestelling_na_afloop_toont_wanneer_beroep_mogelijk_is(
    client: Any, coordinator: Medewerker
) -> None:
    verzoek = _verzoek(coordinator, dagen_geleden=60)
    antwoord = client.post(
        _url("ingebrekestelling", verzoek),
        {"ingebrekestelling-ontvangen_op": timezone.localdate().isoformat()},
    )
    assert antwoord.status_code == 302
    assert Ingebrekestelling.objects.count() == 1
    assert (
        "beroep wegens niet tijdig beslissen is mogelijk vanaf"
        in client.get(_url("verzoek", verzoek)).content.decode()
    )


def test_behandelaar_toewijzen_en_een_medewerker_zonder_recht_weigeren(
    client: Any, coordinator: Medewerker
) -> None:
    verzoek = _verzoek(coordinator)
    antwoord = client.post(_url("behandelaar", verzoek), {"behandelaar-behandelaar": str(coordinator.pk)})
    assert antwoord.status_code == 302
    verzoek.refresh_from_db()
    assert verzoek.behandelaar == coordinator
    assert verzoek.status == Verzoekstatus.IN_BEHANDELING
    griffier = MedewerkerFactory(rollen=[Rol.GRIFFIE])
    antwoord = client.post(_url("behandelaar", verzoek), {"behandelaar-behandelaar": str(griffier.pk)})
    assert antwoord.status_code == 400
    verzoek.refresh_from_db()
    assert verzoek.behandelaar == coordinator


def test_acties_alleen_met_post_en_met_recht(client: Any, coordinator: Medewerker) -> None:
    verzoek = _verzoek(coordinator)
    assert client.get(_url("verdaging", verzoek)).status_code == 405
    client.force_login(MedewerkerFactory(rollen=[Rol.GRIFFIE]))
    antwoord = client.post(_url("verdaging", verzoek), {"verdaging-reden": "x", "verdaging-dagen": "14"})
    assert antwoord.status_code == 403
    assert not Verdaging.objects.exists()


def test_dashboard_toont_wat_een_collega_beoordeelde_ter_controle(
    client: Any, coordinator: Medewerker
) -> None:
    from raadhuis.woo.models import Beoordelingsstatus, Oordeel
    from raadhuis.woo.tests.test_beoordeling import document_maken

    # Given a document a behandelaar assessed and one the coordinator assessed
    behandelaar = MedewerkerFactory(rollen=[Rol.BEHANDELAAR], first_name="Bart", last_name="Behandelaar")
    verzoek = _verzoek(coordinator)
    van_collega = document_maken(verzoek, nummer="1")
    eigen = document_maken(verzoek, nummer="2")
    for document, door in ((van_collega, behandelaar), (eigen, coordinator)):
        document.oordeel = Oordeel.OPENBAAR
        document.beoordelingsstatus = Beoordelingsstatus.TER_CONTROLE
        document.beoordeeld_door = door
        document.save()
    # When the coordinator opens the dashboard
    html = client.get(reverse("woo:werkplek")).content.decode()
    # Then only the colleague's assessment waits for them, with a link to approve it
    assert "Ter controle bij u" in html
    assert reverse("woo:beoordeling", args=[verzoek.kenmerk, van_collega.pk]) in html
    assert reverse("woo:beoordeling", args=[verzoek.kenmerk, eigen.pk]) not in html
    assert "Bart Behandelaar" in html
    # and the behandelaar, who may not approve, gets no such list
    client.force_login(behandelaar)
    assert "Ter controle bij u" not in client.get(reverse("woo:werkplek")).content.decode()


def test_verzoekpagina_toont_de_verstuurde_herinneringen(client: Any, coordinator: Medewerker) -> None:
    from raadhuis.woo.models import Herinnering, Herinneringssoort

    verzoek = _verzoek(coordinator)
    assert "Herinneringen" not in client.get(_url("verzoek", verzoek)).content.decode()
    Herinnering.objects.create(
        verzoek=verzoek, soort=Herinneringssoort.VIJF_DAGEN, beslistermijn_einde=verzoek.eerste_termijn_einde
    )
    html = client.get(_url("verzoek", verzoek)).content.decode()
    assert "Herinneringen" in html
    assert "nog vijf werkdagen" in html
