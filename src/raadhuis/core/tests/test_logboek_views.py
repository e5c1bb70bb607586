"""The privacy officer's log and register pages, and a resident's "Mijn gegevens"."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core import logboek
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, identiteit_opslaan
from raadhuis.core.logboek import activiteiten
from raadhuis.core.logboek.services import INHOUD
from raadhuis.core.logboek.views import FILTER_SESSIE
from raadhuis.core.models import Logregel, Verwerkingsactiviteit
from raadhuis.core.tests.logboek_hulp import regels

BSN = "999993653"
ANDER_BSN = "999990019"
OVERZICHT = "/werkplek/logboek/"


@pytest.fixture
def privacy_officer(db):
    return MedewerkerFactory(rollen=[Rol.PRIVACY_OFFICER], first_name="Pieter", last_name="Privacy")


@pytest.fixture
def kcc(db):
    return MedewerkerFactory(rollen=[Rol.KCC_MEDEWERKER], first_name="Kim", last_name="Klantcontact")


def _log(door, bsn=BSN, activiteit=activiteiten.ZOEKEN_OP_BSN, naam="zaken.zoeken_op_bsn"):
    return logboek.vastleggen(naam=naam, activiteit=activiteit, betrokkene=("BSN", bsn), door=door)


def _zoek(client, **velden):
    return client.post(OVERZICHT, {"betrokkene_type": "BSN", **velden})


def test_logboek_vraagt_inloggen(client, db):
    antwoord = client.get(OVERZICHT)

    assert antwoord.status_code == 302
    assert "inloggen" in antwoord["Location"]


@pytest.mark.parametrize(
    "pad", [OVERZICHT, "/werkplek/logboek/register/", "/werkplek/logboek/register/zoeken-op-bsn/"]
)
def test_medewerker_zonder_rol_wordt_geweigerd(client, kcc, pad):
    client.force_login(kcc)

    assert client.get(pad).status_code == 403
    assert client.post("/werkplek/logboek/export/").status_code == 403


def test_privacy_officer_ziet_regels_met_gemaskeerde_betrokkene_en_rol(
    client, privacy_officer, kcc, organisatie
):
    _log(kcc)
    client.force_login(privacy_officer)

    html = client.get(OVERZICHT).content.decode()

    assert "******653" in html
    assert BSN not in html
    assert "KCC-medewerker" in html
    assert "Zoeken op burgerservicenummer" in html


def test_ongeldig_bsn_geeft_melding_bij_het_veld_en_verandert_niets(client, privacy_officer, organisatie):
    client.force_login(privacy_officer)

    antwoord = _zoek(client, betrokkene="123456789")

    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert 'id="id_betrokkene_error"' in html
    assert "elfproef" in html
    assert FILTER_SESSIE not in client.session
    assert not regels().exists()


def test_einddatum_voor_begindatum_wordt_geweigerd(client, privacy_officer, organisatie):
    client.force_login(privacy_officer)

    antwoord = _zoek(client, vanaf="2026-05-02", tot_en_met="2026-05-01")

    assert antwoord.status_code == 400
    assert "De einddatum ligt voor de begindatum." in antwoord.content.decode()


def test_zoeken_op_bsn_houdt_het_bsn_uit_url_en_sessie_en_wordt_vastgelegd(
    client, privacy_officer, kcc, organisatie
):
    _log(kcc)
    _log(kcc, bsn=ANDER_BSN)
    client.force_login(privacy_officer)

    antwoord = _zoek(client, betrokkene="9999.93.653")

    assert antwoord.status_code == 302
    assert antwoord["Location"] == OVERZICHT
    assert BSN not in repr(dict(client.session))
    pagina = client.get(OVERZICHT)
    html = pagina.content.decode()
    assert "U zoekt op betrokkene ******653." in html
    assert "******019" not in html
    zoekregel = regels().get(naam="logboek.zoeken_op_betrokkene")
    assert zoekregel.door_id == str(privacy_officer.pk)
    assert zoekregel.betrokkene_hash == logboek.betrokkene_hash("BSN", BSN)
    assert zoekregel.verwerkingsactiviteit.sleutel == activiteiten.LOGBOEK_RAADPLEGEN
    # Two entries about the BSN: the KCC search and the officer's own search.
    assert pagina.context["pagina"].paginator.count == 2


def test_filter_op_medewerker_activiteit_en_periode(client, privacy_officer, kcc, organisatie):
    _log(kcc)
    anders = MedewerkerFactory(rollen=[Rol.BEHANDELAAR])
    _log(anders, activiteit=activiteiten.PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN, naam="zaak.inzien")
    client.force_login(privacy_officer)
    vandaag = timezone.localdate()

    _zoek(client, betrokkene_type="BSN", medewerker=str(kcc.pk))
    assert [r.naam for r in client.get(OVERZICHT).context["pagina"]] == ["zaken.zoeken_op_bsn"]

    _zoek(client, activiteit=activiteiten.PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN)
    assert [r.naam for r in client.get(OVERZICHT).context["pagina"]] == ["zaak.inzien"]

    _zoek(client, vanaf=str(vandaag + timedelta(days=1)))
    assert client.get(OVERZICHT).context["pagina"].paginator.count == 0

    _zoek(client, vanaf=str(vandaag), tot_en_met=str(vandaag))
    assert client.get(OVERZICHT).context["pagina"].paginator.count == Logregel.objects.count()

    client.post(OVERZICHT, {"wissen": "1"})
    assert FILTER_SESSIE not in client.session


def test_overzicht_bladert_en_het_aantal_queries_groeit_niet_mee(
    client, privacy_officer, kcc, organisatie, django_assert_max_num_queries
):
    for _ in range(30):
        _log(kcc)
    client.force_login(privacy_officer)
    _zoek(client, activiteit=activiteiten.ZOEKEN_OP_BSN)  # not the entries for creating the employees
    client.get(OVERZICHT)  # warm caches (session, roles, register) before counting

    with django_assert_max_num_queries(12):
        eerste = client.get(OVERZICHT)
    with django_assert_max_num_queries(12):
        tweede = client.get(OVERZICHT, {"pagina": 2})

    assert len(eerste.context["regels"]) == 25
    assert len(tweede.context["regels"]) == 5
    assert "?pagina=2" in eerste.content.decode()


def test_export_is_gemaskeerd_gefilterd_en_zelf_vastgelegd(client, privacy_officer, kcc, organisatie):
    _log(kcc)
    _log(kcc, bsn=ANDER_BSN)
    client.force_login(privacy_officer)
    _zoek(client, betrokkene=BSN)

    antwoord = client.post("/werkplek/logboek/export/")

    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in antwoord["Content-Disposition"]
    inhoud = b"".join(antwoord.streaming_content).decode("utf-8-sig")
    rijen = list(csv.reader(io.StringIO(inhoud), delimiter=";"))
    assert rijen[0][0] == "volgnummer"
    assert BSN not in inhoud
    assert {rij[7] for rij in rijen[1:]} == {"******653"}
    assert "urn:raadhuis:verwerkingsactiviteit:zoeken-op-bsn:1" in inhoud
    export = regels().get(naam="logboek.exporteren")
    assert export.betrokkene_hash == logboek.betrokkene_hash("BSN", BSN)
    assert export.door_id == str(privacy_officer.pk)


def test_export_alleen_met_post(client, privacy_officer, organisatie):
    client.force_login(privacy_officer)

    assert client.get("/werkplek/logboek/export/").status_code == 405
    assert not regels().exists()


def test_register_toont_activiteiten_en_versies(client, privacy_officer, organisatie):
    client.force_login(privacy_officer)

    lijst = client.get("/werkplek/logboek/register/").content.decode()
    detail = client.get("/werkplek/logboek/register/zoeken-op-bsn/").content.decode()

    assert "Zoeken op burgerservicenummer" in lijst
    assert "Woo-verzoeken behandelen" in lijst
    assert "urn:raadhuis:verwerkingsactiviteit:zoeken-op-bsn:1" in detail
    assert client.get("/werkplek/logboek/register/bestaat-niet/").status_code == 404


def test_privacy_officer_voegt_toe_en_herziet_in_de_werkplek(client, privacy_officer, organisatie):
    client.force_login(privacy_officer)
    velden = {
        "sleutel": "parkeervergunning",
        "naam": "Parkeervergunningen",
        "doel": "Vergunning behandelen",
        "grondslag": "AVG art. 6 lid 1 sub e; Parkeerverordening",
        "categorieen_betrokkenen": "Aanvragers",
        "categorieen_persoonsgegevens": "Naam, kenteken",
        "bewaartermijn": "2 jaar",
    }

    antwoord = client.post("/werkplek/logboek/register/nieuw/", velden)
    assert antwoord.status_code == 302
    herzien = client.post(
        "/werkplek/logboek/register/parkeervergunning/herzien/",
        {**velden, "doel": "Vergunning behandelen en handhaven", "toelichting": "Handhaving", "versie": "1"},
    )

    assert herzien.status_code == 302
    assert [
        v.doel for v in Verwerkingsactiviteit.objects.filter(sleutel="parkeervergunning").order_by("versie")
    ] == [
        "Vergunning behandelen",
        "Vergunning behandelen en handhaven",
    ]


def test_fouten_in_het_registerformulier_staan_bij_het_veld(client, privacy_officer, organisatie):
    client.force_login(privacy_officer)

    antwoord = client.post("/werkplek/logboek/register/nieuw/", {"sleutel": "Geen Slug!", "naam": "x"})
    herzien = client.post(
        "/werkplek/logboek/register/zoeken-op-bsn/herzien/",
        {
            **{
                veld: getattr(Verwerkingsactiviteit.objects.get(sleutel="zoeken-op-bsn"), veld)
                for veld in INHOUD
            },
            "versie": "1",
        },
    )

    assert antwoord.status_code == 400
    assert 'id="id_sleutel_error"' in antwoord.content.decode()
    assert 'id="id_grondslag_error"' in antwoord.content.decode()
    assert herzien.status_code == 400
    assert "niets gewijzigd" in herzien.content.decode()


def test_verouderde_of_vervalste_versie_in_het_herzieningsformulier(client, privacy_officer, organisatie):
    client.force_login(privacy_officer)
    huidig = {
        veld: getattr(Verwerkingsactiviteit.objects.get(sleutel="zoeken-op-bsn"), veld) for veld in INHOUD
    }
    pad = "/werkplek/logboek/register/zoeken-op-bsn/herzien/"
    client.post(pad, {**huidig, "doel": "Eerste", "toelichting": "a", "versie": "1"})

    verouderd = client.post(pad, {**huidig, "doel": "Tweede", "toelichting": "b", "versie": "1"})
    vervalst = client.post(pad, {**huidig, "doel": "Derde", "toelichting": "c", "versie": "abc"})

    assert verouderd.status_code == 400
    assert "Intussen is er een nieuwere versie vastgelegd." in verouderd.content.decode()
    assert vervalst.status_code == 400
    assert Verwerkingsactiviteit.objects.filter(sleutel="zoeken-op-bsn").count() == 2


def test_beheerder_ziet_register_maar_mag_het_niet_bijhouden(client, beheerder, organisatie):
    client.force_login(beheerder)

    assert "Verwerkingsactiviteit toevoegen" not in client.get("/werkplek/logboek/register/").content.decode()
    assert client.get("/werkplek/logboek/register/nieuw/").status_code == 403
    assert client.get("/werkplek/logboek/register/zoeken-op-bsn/herzien/").status_code == 403


def test_menu_toont_logboek_en_register_aan_privacy_officer(client, privacy_officer, kcc, organisatie):
    client.force_login(privacy_officer)
    html = client.get("/werkplek/").content.decode()
    assert 'href="/werkplek/logboek/"' in html
    assert 'href="/werkplek/logboek/register/"' in html

    client.force_login(kcc)
    assert 'href="/werkplek/logboek/"' not in client.get("/werkplek/").content.decode()


# --- Mijn gegevens (AVG art. 15) -------------------------------------------------------------


def _als_inwoner(client, bsn=BSN, niveau=Betrouwbaarheidsniveau.SUBSTANTIEEL):
    sessie = client.session
    identiteit_opslaan(sessie, Identiteit(soort=Soort.INWONER, niveau=niveau, bsn=bsn, middel="digid"))
    sessie.save()


def test_mijn_gegevens_stuurt_anonieme_bezoeker_naar_digid(client, organisatie):
    antwoord = client.get("/mijn/gegevens/")

    try:
        inloggen = reverse("accounts:inloggen_digid")
    except NoReverseMatch:
        assert antwoord.status_code == 200
        assert "Inloggen met DigiD" in antwoord.content.decode()
    else:
        assert antwoord.status_code == 302
        assert antwoord["Location"].startswith(inloggen)
        assert "next=%2Fmijn%2Fgegevens%2F" in antwoord["Location"]
    assert not regels().exists()


def test_inwoner_ziet_eigen_verwerkingen_met_doel_grondslag_en_rol_niet_de_naam(client, kcc, organisatie):
    _log(kcc)
    _log(kcc, bsn=ANDER_BSN, naam="iets.anders")
    _als_inwoner(client)

    antwoord = client.get("/mijn/gegevens/")

    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Zoeken op burgerservicenummer" in html
    assert "Wet algemene bepalingen burgerservicenummer art. 10" in html
    assert "Een medewerker (KCC-medewerker)" in html
    assert "Klantcontact" not in html
    assert kcc.get_username() not in html
    namen = {regel.naam for regel, _rollen in antwoord.context["regels"]}
    assert namen == {"zaken.zoeken_op_bsn", "mijn_gegevens.inzien"}


def test_inzien_van_mijn_gegevens_wordt_zelf_vastgelegd(client, organisatie):
    _als_inwoner(client)

    client.get("/mijn/gegevens/")

    regel = regels().get()
    assert (regel.naam, regel.door_soort) == ("mijn_gegevens.inzien", "betrokkene")
    assert regel.verwerkingsactiviteit.sleutel == activiteiten.INZAGE_EIGEN_GEGEVENS
    assert regel.betrokkene_hash == logboek.betrokkene_hash("BSN", BSN)


def test_mijn_gegevens_toont_de_versie_die_gold(client, kcc, privacy_officer, organisatie):
    _log(kcc)
    from raadhuis.core.logboek.services import verwerkingsactiviteit_herzien

    verwerkingsactiviteit_herzien(
        activiteit=Verwerkingsactiviteit.objects.get(sleutel=activiteiten.ZOEKEN_OP_BSN),
        gegevens={"grondslag": "AVG art. 6 lid 1 sub e; NIEUWE GRONDSLAG"},
        toelichting="test",
        door=privacy_officer,
    )
    _als_inwoner(client)

    html = client.get("/mijn/gegevens/").content.decode()

    assert "NIEUWE GRONDSLAG" not in html


def test_mijn_gegevens_aantal_queries_groeit_niet_mee(
    client, kcc, organisatie, django_assert_max_num_queries
):
    for _ in range(20):
        _log(kcc)
    _als_inwoner(client)
    client.get("/mijn/gegevens/")

    with django_assert_max_num_queries(14):
        antwoord = client.get("/mijn/gegevens/")

    assert len(antwoord.context["regels"]) == 22
