"""The booking pages (no login needed), the management link, and the Werkplek agenda."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client

from raadhuis.accounts.models import Rol
from raadhuis.dienstverlening.models import Afspraak, Afspraakstatus, Kanaal
from raadhuis.dienstverlening.tests.factories import BSN_INWONER, inloggen, inwoner, medewerker
from raadhuis.dienstverlening.tests.test_afspraken_hulp import (
    afspraaktype,
    bezet,
    boeken,
    locatie,
    moment,
    werkdag,
)

pytestmark = pytest.mark.django_db


def _gegevens_url(dag: str) -> str:
    return f"/afspraak/paspoort-aanvragen/stadhuis/{dag}/gegevens/"


def test_de_stappen_van_type_tot_bevestiging_en_annuleren(client: Client) -> None:
    plek = locatie()
    afspraaktype(plek)
    dag = werkdag().isoformat()
    assert 'href="/afspraak/paspoort-aanvragen/"' in client.get("/afspraak/").content.decode()
    assert (
        'href="/afspraak/paspoort-aanvragen/stadhuis/"'
        in client.get("/afspraak/paspoort-aanvragen/").content.decode()
    )
    dagen = client.get("/afspraak/paspoort-aanvragen/stadhuis/").content.decode()
    assert f'href="/afspraak/paspoort-aanvragen/stadhuis/{dag}/"' in dagen
    tijden = client.get(f"/afspraak/paspoort-aanvragen/stadhuis/{dag}/").content.decode()
    assert f'href="{_gegevens_url(dag)}?tijd=1000"' in tijden
    assert client.get(f"{_gegevens_url(dag)}?tijd=1000").status_code == 200
    antwoord = client.post(
        _gegevens_url(dag),
        {"tijd": "1000", "naam": "Sanne de Vries", "emailadres": "s@example.org", "telefoonnummer": ""},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/afspraak/bevestiging/"
    afspraak = Afspraak.objects.get()
    assert afspraak.kanaal == Kanaal.DIGITAAL
    assert afspraak.bsn == ""
    assert afspraak.taal == "nl"
    bevestiging = client.get("/afspraak/bevestiging/").content.decode()
    code = client.session["afspraak_beheercode"]
    assert f"/afspraak/beheren/{code}/" in bevestiging
    assert "Sanne de Vries" in client.get(f"/afspraak/beheren/{code}/").content.decode()
    assert client.post(f"/afspraak/beheren/{code}/annuleren/").status_code == 302
    afspraak.refresh_from_db()
    assert afspraak.status == Afspraakstatus.GEANNULEERD
    assert bezet(plek, afspraak.start) == 0


def test_verkeerde_beheercode_geeft_404(client: Client) -> None:
    plek = locatie()
    _afspraak, code = boeken(afspraaktype(plek), plek, moment(werkdag(), 10))
    # One character changed (a code may itself end in "x", so the replacement depends on it).
    fout = code[:-1] + ("y" if code.endswith("x") else "x")
    for pad in ("", "annuleren/", "verzetten/"):
        assert client.get(f"/afspraak/beheren/{fout}/{pad}").status_code == 404
        assert client.get(f"/afspraak/beheren/{code}/{pad}").status_code == 200
    assert client.post(f"/afspraak/beheren/{fout}/annuleren/").status_code == 404
    assert Afspraak.objects.get().status == Afspraakstatus.GEBOEKT


def test_vol_tijdstip_geeft_fout_op_het_formulier(client: Client) -> None:
    plek = locatie(balies=1)
    soort = afspraaktype(plek)
    dag = werkdag()
    boeken(soort, plek, moment(dag, 10))
    antwoord = client.post(
        _gegevens_url(dag.isoformat()), {"tijd": "1000", "naam": "Daan Bakker", "emailadres": "d@example.org"}
    )
    assert antwoord.status_code == 200
    assert "net door iemand anders geboekt" in antwoord.content.decode()
    assert Afspraak.objects.count() == 1


def test_ongeldige_invoer(client: Client) -> None:
    plek = locatie()
    afspraaktype(plek)
    dag = werkdag().isoformat()
    antwoord = client.post(_gegevens_url(dag), {"tijd": "1000", "naam": "", "emailadres": "geen-adres"})
    assert antwoord.status_code == 200
    assert 'aria-invalid="true"' in antwoord.content.decode()
    assert client.get(f"{_gegevens_url(dag)}?tijd=2561").status_code == 404
    assert client.get("/afspraak/paspoort-aanvragen/stadhuis/morgen/").status_code == 404
    assert client.get("/afspraak/bestaat-niet/").status_code == 404
    assert not Afspraak.objects.exists()


def test_type_dat_niet_online_kan_staat_niet_op_de_website(client: Client) -> None:
    plek = locatie()
    afspraaktype(plek, slug="verhuizing-aan-de-balie", online=False)
    assert "verhuizing-aan-de-balie" not in client.get("/afspraak/").content.decode()
    assert client.get("/afspraak/verhuizing-aan-de-balie/").status_code == 404


def test_digid_vult_de_naam_in_en_legt_het_bsn_vast(client: Client) -> None:
    plek = locatie()
    afspraaktype(plek)
    inloggen(client, inwoner())
    dag = werkdag().isoformat()
    assert 'value="J. Jansen"' in client.get(f"{_gegevens_url(dag)}?tijd=1000").content.decode()
    client.post(_gegevens_url(dag), {"tijd": "1000", "naam": "J. Jansen", "emailadres": "j@example.org"})
    assert Afspraak.objects.get().bsn == BSN_INWONER


def test_verzetten_via_de_link(client: Client) -> None:
    plek = locatie(balies=1)
    soort = afspraaktype(plek)
    dag = werkdag()
    afspraak, code = boeken(soort, plek, moment(dag, 10))
    keuze = client.get(f"/afspraak/beheren/{code}/verzetten/?dag={dag.isoformat()}").content.decode()
    assert 'value="1100"' in keuze
    assert 'value="1000"' not in keuze
    antwoord = client.post(f"/afspraak/beheren/{code}/verzetten/", {"dag": dag.isoformat(), "tijd": "1100"})
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/afspraak/beheren/")
    assert code not in antwoord["Location"]
    afspraak.refresh_from_db()
    assert afspraak.start == moment(dag, 11)
    assert client.get(f"/afspraak/beheren/{code}/").status_code == 404
    zonder_tijd = client.post(antwoord["Location"] + "verzetten/", {"dag": dag.isoformat()})
    assert zonder_tijd.status_code == 200
    assert "Kies een nieuwe tijd" in zonder_tijd.content.decode()


def test_werkplek_agenda_boeken_voor_beller_en_afhandelen(client: Client) -> None:
    plek = locatie()
    soort = afspraaktype(plek)
    kcc = medewerker(Rol.KCC_MEDEWERKER)
    client.force_login(kcc)
    dag = werkdag()
    antwoord = client.post(
        "/werkplek/dienstverlening/afspraken/nieuw/",
        {
            "afspraaktype": soort.pk,
            "locatie": plek.pk,
            "dag": dag.isoformat(),
            "tijd": "10:00",
            "naam": "Daan Bakker",
            "telefoonnummer": "0612345678",
            "kanaal": "telefoon",
            "taal": "nl",
        },
    )
    assert antwoord.status_code == 302
    afspraak = Afspraak.objects.get()
    assert afspraak.kanaal == Kanaal.TELEFOON
    assert afspraak.geboekt_door == kcc
    agenda = client.get(f"/werkplek/dienstverlening/afspraken/?locatie=stadhuis&dag={dag.isoformat()}")
    assert "Daan Bakker" in agenda.content.decode()
    assert "2 balies" in agenda.content.decode()
    client.post(f"/werkplek/dienstverlening/afspraken/{afspraak.pk}/wijzigen/", {"actie": "afgerond"})
    afspraak.refresh_from_db()
    assert afspraak.status == Afspraakstatus.GEBOEKT  # not before the day itself
    client.post(f"/werkplek/dienstverlening/afspraken/{afspraak.pk}/wijzigen/", {"actie": "annuleren"})
    afspraak.refresh_from_db()
    assert afspraak.status == Afspraakstatus.GEANNULEERD


def test_werkplek_boeken_fout_bij_het_veld(client: Client) -> None:
    plek = locatie()
    soort = afspraaktype(plek)
    client.force_login(medewerker(Rol.KCC_MEDEWERKER))
    antwoord = client.post(
        "/werkplek/dienstverlening/afspraken/nieuw/",
        {
            "afspraaktype": soort.pk,
            "locatie": plek.pk,
            "dag": (werkdag() - timedelta(days=30)).isoformat(),
            "tijd": "10:00",
            "naam": "Daan Bakker",
            "kanaal": "balie",
            "taal": "nl",
        },
    )
    assert antwoord.status_code == 200
    assert "Kies een tijdstip in de toekomst" in antwoord.content.decode()
    assert not Afspraak.objects.exists()


def test_werkplek_agenda_alleen_met_recht(client: Client) -> None:
    client.force_login(medewerker(Rol.CONTROLLER))
    assert client.get("/werkplek/dienstverlening/afspraken/").status_code == 403


def test_link_vanaf_de_productpagina_toont_de_afspraken_van_dat_product(client: Client) -> None:
    from raadhuis.dienstverlening.services import afspraken as services
    from raadhuis.dienstverlening.tests.factories import beheerder, product

    plek = locatie()
    afspraaktype(plek, slug="rijbewijs-ophalen")
    services.afspraaktype_aanmaken(
        naam="Paspoort aanvragen",
        slug="paspoort-aanvragen",
        duur_minuten=15,
        locaties=[plek],
        product=product("paspoort"),
        door=beheerder(),
    )
    tekst = client.get("/afspraak/?product=paspoort").content.decode()
    assert "/afspraak/paspoort-aanvragen/" in tekst
    assert "/afspraak/rijbewijs-ophalen/" not in tekst
    assert "/afspraak/rijbewijs-ophalen/" in client.get("/afspraak/?product=onbekend").content.decode()
