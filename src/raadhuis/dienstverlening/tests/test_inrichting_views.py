"""The Werkplek's set-up pages: locations, desks, opening hours, closing days, appointment types,
trouwlocaties with their moments, BABS and the reserved ceremonies. Each form: the happy path
(POST-redirect-GET with a message), bad input (400, the message next to the field, nothing
changed) and a KCC employee without AGENDA_INRICHTEN (403)."""

from __future__ import annotations

from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.test import Client

from raadhuis.accounts.models import Rol
from raadhuis.core.termijnen import is_feestdag
from raadhuis.dienstverlening.models import (
    Afspraaktype,
    Babs,
    Balie,
    Ceremoniemoment,
    Locatie,
    Openingstijd,
    Sluitingsdag,
    Tijdslot,
    Trouwlocatie,
)
from raadhuis.dienstverlening.services import afspraken as services
from raadhuis.dienstverlening.tests.factories import beheerder, medewerker, zaak
from raadhuis.dienstverlening.tests.test_afspraken_ceremonies import _maandag, _reserveren, _spreekkamer
from raadhuis.dienstverlening.tests.test_afspraken_hulp import afspraaktype, boeken, locatie, moment, werkdag

pytestmark = pytest.mark.django_db

URL = "/werkplek/dienstverlening/inrichting/"
CEREMONIES = URL + "ceremonies/"


@pytest.fixture
def als_beheerder(client: Client) -> Client:
    client.force_login(beheerder())
    return client


def _volgen(client: Client, antwoord: object) -> str:
    """Follows the redirect after a successful POST and returns the page (with its message)."""
    assert getattr(antwoord, "status_code", None) == 302
    return client.get(antwoord["Location"]).content.decode()  # type: ignore[index]


def test_pagina_toont_locaties_balies_openingstijden_en_sluitingsdagen(als_beheerder: Client) -> None:
    plek = locatie()
    services.sluitingsdag_toevoegen(locatie=plek, datum=werkdag(), reden="Verbouwing", door=beheerder())
    afspraaktype(plek)
    pagina = als_beheerder.get(URL).content.decode()
    assert "Stadhuis" in pagina
    assert "Balie 1" in pagina
    assert "Balie 2" in pagina
    assert "09:00" in pagina
    assert "13:00" in pagina
    assert "Verbouwing" in pagina
    assert "Paspoort aanvragen" in pagina


def test_werkplek_linkt_naar_inrichting(als_beheerder: Client) -> None:
    assert f'href="{URL}"' in als_beheerder.get("/werkplek/dienstverlening/").content.decode()


def test_kcc_medewerker_mag_kijken_maar_ziet_geen_formulieren(client: Client) -> None:
    locatie()
    client.force_login(medewerker(Rol.KCC_MEDEWERKER))
    antwoord = client.get(URL)
    assert antwoord.status_code == 200
    assert "Balie toevoegen" not in antwoord.content.decode()
    assert client.get(CEREMONIES).status_code == 200


def test_zonder_werkplekrol_geen_toegang(client: Client) -> None:
    client.force_login(medewerker(Rol.GRIFFIE))
    assert client.get(URL).status_code == 403


def test_locatie_toevoegen(als_beheerder: Client) -> None:
    antwoord = als_beheerder.post(
        URL + "locaties/nieuw/",
        {
            "naam": "Servicepunt Delfgauw",
            "slug": "delfgauw",
            "adres": "Brasserskade 1",
            "postcode": "2645 AA",
            "plaats": "Delfgauw",
            "tijdvak_minuten": "10",
            "toelichting": "",
        },
    )
    assert "De locatie Servicepunt Delfgauw is toegevoegd." in _volgen(als_beheerder, antwoord)
    assert Locatie.objects.get(slug="delfgauw").tijdvak_minuten == 10


def test_locatie_met_bestaande_korte_naam_geweigerd(als_beheerder: Client) -> None:
    locatie()
    antwoord = als_beheerder.post(
        URL + "locaties/nieuw/",
        {
            "naam": "Nog een",
            "slug": "stadhuis",
            "adres": "Oranjeplein 1",
            "postcode": "2641 EZ",
            "plaats": "Pijnacker",
            "tijdvak_minuten": "15",
        },
    )
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "Er is al een locatie met deze korte naam." in inhoud
    assert 'id="id_locatie0_slug_error"' in inhoud
    assert Locatie.objects.count() == 1


def test_balie_toevoegen_verhoogt_capaciteit(als_beheerder: Client) -> None:
    plek = locatie(balies=1)
    antwoord = als_beheerder.post(URL + f"locaties/{plek.pk}/balies/", {"naam": "Balie 2"})
    assert "Stadhuis: Balie 2 is toegevoegd." in _volgen(als_beheerder, antwoord)
    slot = Tijdslot.objects.get(locatie=plek, start=moment(werkdag(), 10))
    assert slot.capaciteit == 2


def test_balie_met_dezelfde_naam_geweigerd(als_beheerder: Client) -> None:
    plek = locatie(balies=1)
    antwoord = als_beheerder.post(URL + f"locaties/{plek.pk}/balies/", {"naam": "Balie 1"})
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "Deze locatie heeft al een balie met deze naam." in inhoud
    assert f'id="id_balie{plek.pk}_naam_error"' in inhoud
    assert Balie.objects.count() == 1


def test_balie_deactiveren_verlaagt_capaciteit_niet_onder_bezet(als_beheerder: Client) -> None:
    plek = locatie(balies=2)
    soort = afspraaktype(plek)
    start = moment(werkdag(), 10)
    boeken(soort, plek, start)
    balies = list(plek.balies.order_by("naam"))
    _volgen(als_beheerder, als_beheerder.post(URL + f"balies/{balies[0].pk}/deactiveren/"))
    assert Tijdslot.objects.get(locatie=plek, start=moment(werkdag(), 11)).capaciteit == 1
    pagina = _volgen(als_beheerder, als_beheerder.post(URL + f"balies/{balies[1].pk}/deactiveren/"))
    assert "buiten gebruik gezet" in pagina
    assert Tijdslot.objects.get(locatie=plek, start=start).capaciteit == 1  # the booking keeps its place
    assert not Tijdslot.objects.filter(locatie=plek, start=moment(werkdag(), 11), capaciteit__gt=0).exists()
    # twice: a message, nothing changes
    pagina = _volgen(als_beheerder, als_beheerder.post(URL + f"balies/{balies[1].pk}/deactiveren/"))
    assert "Deze balie is al buiten gebruik." in pagina


def test_openingstijd_toevoegen_en_verwijderen(als_beheerder: Client) -> None:
    plek = locatie()
    zaterdag = werkdag(7) + timedelta(days=5 - werkdag(7).weekday())
    if is_feestdag(zaterdag):
        zaterdag += timedelta(weeks=1)
    antwoord = als_beheerder.post(
        URL + f"locaties/{plek.pk}/openingstijden/", {"weekdag": "5", "van": "10:00", "tot": "12:00"}
    )
    assert "Stadhuis is open op zaterdag van 10:00 tot 12:00." in _volgen(als_beheerder, antwoord)
    openingstijd = Openingstijd.objects.get(locatie=plek, weekdag=5)
    assert Tijdslot.objects.filter(locatie=plek, start=moment(zaterdag, 10)).exists()
    pagina = _volgen(
        als_beheerder, als_beheerder.post(URL + f"openingstijden/{openingstijd.pk}/verwijderen/")
    )
    assert "De openingstijd is verwijderd." in pagina
    assert not Openingstijd.objects.filter(locatie=plek, weekdag=5).exists()
    assert not Tijdslot.objects.filter(locatie=plek, start=moment(zaterdag, 10)).exists()


def test_openingstijd_die_overlapt_geweigerd(als_beheerder: Client) -> None:
    plek = locatie()
    aantal = Openingstijd.objects.count()
    antwoord = als_beheerder.post(
        URL + f"locaties/{plek.pk}/openingstijden/", {"weekdag": "0", "van": "11:00", "tot": "14:00"}
    )
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "Deze tijden overlappen met een andere openingstijd op die dag." in inhoud
    assert f'id="id_openingstijd{plek.pk}_van_error"' in inhoud
    assert Openingstijd.objects.count() == aantal


def test_openingstijd_tot_voor_van_geweigerd(als_beheerder: Client) -> None:
    plek = locatie()
    antwoord = als_beheerder.post(
        URL + f"locaties/{plek.pk}/openingstijden/", {"weekdag": "5", "van": "12:00", "tot": "10:00"}
    )
    assert antwoord.status_code == 400
    assert "De sluitingstijd moet na de openingstijd liggen." in antwoord.content.decode()
    assert not Openingstijd.objects.filter(weekdag=5).exists()


def test_sluitingsdag_toevoegen(als_beheerder: Client) -> None:
    plek = locatie()
    dag = werkdag()
    antwoord = als_beheerder.post(
        URL + f"locaties/{plek.pk}/sluitingsdagen/", {"datum": dag.isoformat(), "reden": "Personeelsdag"}
    )
    assert "Personeelsdag" in _volgen(als_beheerder, antwoord)
    assert Sluitingsdag.objects.get(locatie=plek).datum == dag
    assert not Tijdslot.objects.filter(locatie=plek, start=moment(dag, 10)).exists()


def test_sluitingsdag_zonder_datum_geweigerd(als_beheerder: Client) -> None:
    plek = locatie()
    antwoord = als_beheerder.post(URL + f"locaties/{plek.pk}/sluitingsdagen/", {"datum": "morgen"})
    assert antwoord.status_code == 400
    assert f'id="id_sluitingsdag{plek.pk}_datum_error"' in antwoord.content.decode()
    assert not Sluitingsdag.objects.exists()


def test_afspraaktype_aanmaken_en_bewerken(als_beheerder: Client) -> None:
    plek = locatie()
    assert als_beheerder.get(URL + "afspraaktypen/nieuw/").status_code == 200
    antwoord = als_beheerder.post(
        URL + "afspraaktypen/nieuw/",
        {
            "naam": "Rijbewijs ophalen",
            "slug": "rijbewijs-ophalen",
            "product": "",
            "duur_minuten": "15",
            "locaties": [plek.pk],
            "meenemen": "Uw oude rijbewijs.",
            "online_boekbaar": "on",
        },
    )
    assert "Het afspraaktype Rijbewijs ophalen is toegevoegd." in _volgen(als_beheerder, antwoord)
    nieuw = Afspraaktype.objects.get(slug="rijbewijs-ophalen")
    assert nieuw.online_boekbaar
    assert nieuw.actief
    assert list(nieuw.locaties.all()) == [plek]
    bewerken = URL + f"afspraaktypen/{nieuw.pk}/"
    assert "Uw oude rijbewijs." in als_beheerder.get(bewerken).content.decode()
    antwoord = als_beheerder.post(
        bewerken,
        {"naam": "Rijbewijs afhalen", "duur_minuten": "30", "locaties": [plek.pk], "meenemen": ""},
    )
    assert "Het afspraaktype Rijbewijs afhalen is bijgewerkt." in _volgen(als_beheerder, antwoord)
    nieuw.refresh_from_db()
    assert (nieuw.naam, nieuw.duur_minuten, nieuw.online_boekbaar, nieuw.actief) == (
        "Rijbewijs afhalen",
        30,
        False,
        False,
    )
    assert nieuw.slug == "rijbewijs-ophalen"


def test_afspraaktype_duur_past_niet_in_tijdvak(als_beheerder: Client) -> None:
    plek = locatie()
    antwoord = als_beheerder.post(
        URL + "afspraaktypen/nieuw/",
        {"naam": "Kort", "slug": "kort", "duur_minuten": "10", "locaties": [plek.pk]},
    )
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "De duur past niet in het tijdvak van 15 minuten van Stadhuis." in inhoud
    assert 'id="id_duur_minuten_error"' in inhoud
    assert not Afspraaktype.objects.exists()


def test_afspraaktype_duur_niet_wijzigen_met_geboekte_afspraken(als_beheerder: Client) -> None:
    plek = locatie()
    soort = afspraaktype(plek)
    boeken(soort, plek, moment(werkdag(), 10))
    antwoord = als_beheerder.post(
        URL + f"afspraaktypen/{soort.pk}/",
        {"naam": "Anders", "duur_minuten": "30", "locaties": [plek.pk], "actief": "on"},
    )
    assert antwoord.status_code == 400
    assert "de duur kan pas daarna veranderen" in antwoord.content.decode()
    soort.refresh_from_db()
    assert (soort.naam, soort.duur_minuten) == ("Paspoort aanvragen", 15)


def test_ceremoniemoment_toevoegen_en_verwijderen(als_beheerder: Client) -> None:
    spreekkamer = _spreekkamer()
    aantal = Ceremoniemoment.objects.count()
    antwoord = als_beheerder.post(
        CEREMONIES.replace("ceremonies/", f"trouwlocaties/{spreekkamer.pk}/momenten/"),
        {"weekdag": "3", "tijd": "14:00"},
    )
    assert "Op donderdag om 14:00 is in Spreekkamer een ceremonie mogelijk." in _volgen(
        als_beheerder, antwoord
    )
    nieuw = Ceremoniemoment.objects.get(trouwlocatie=spreekkamer, weekdag=3, tijd=time(14))
    pagina = _volgen(als_beheerder, als_beheerder.post(URL + f"momenten/{nieuw.pk}/verwijderen/"))
    assert "Het ceremoniemoment is verwijderd." in pagina
    assert Ceremoniemoment.objects.count() == aantal


def test_ceremoniemoment_zonder_tijd_geweigerd(als_beheerder: Client) -> None:
    spreekkamer = _spreekkamer()
    aantal = Ceremoniemoment.objects.count()
    antwoord = als_beheerder.post(
        URL + f"trouwlocaties/{spreekkamer.pk}/momenten/", {"weekdag": "9", "tijd": ""}
    )
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert f'id="id_moment{spreekkamer.pk}_weekdag_error"' in inhoud
    assert f'id="id_moment{spreekkamer.pk}_tijd_error"' in inhoud
    assert Ceremoniemoment.objects.count() == aantal


def test_babs_toevoegen_en_deactiveren(als_beheerder: Client) -> None:
    antwoord = als_beheerder.post(URL + "babs/nieuw/", {"naam": "A. de Wit", "emailadres": "wit@example.org"})
    assert "A. de Wit is toegevoegd als babs." in _volgen(als_beheerder, antwoord)
    babs = Babs.objects.get()
    pagina = _volgen(als_beheerder, als_beheerder.post(URL + f"babs/{babs.pk}/deactiveren/"))
    assert "A. de Wit is niet meer actief als babs." in pagina
    babs.refresh_from_db()
    assert not babs.actief


def test_babs_met_ongeldig_emailadres_geweigerd(als_beheerder: Client) -> None:
    antwoord = als_beheerder.post(URL + "babs/nieuw/", {"naam": "A. de Wit", "emailadres": "geen-adres"})
    assert antwoord.status_code == 400
    assert 'id="id_babs0_emailadres_error"' in antwoord.content.decode()
    assert not Babs.objects.exists()


def test_gereserveerde_ceremonies_met_zaak_en_babs_toewijzen(client: Client) -> None:
    spreekkamer = _spreekkamer()
    ceremonie = _reserveren(spreekkamer, _maandag())
    assert ceremonie.babs is None
    ceremonie.zaak = zaak()
    ceremonie.save(update_fields=["zaak"])
    babs = services.babs_aanmaken(naam="A. de Wit", door=beheerder())
    kcc = medewerker(Rol.KCC_MEDEWERKER)
    client.force_login(kcc)
    pagina = client.get(CEREMONIES).content.decode()
    assert "Sanne de Vries" in pagina
    assert "Daan Bakker" in pagina
    assert f'href="/werkplek/dienstverlening/zaken/{ceremonie.zaak.identificatie}/"' in pagina
    # Assigning a BABS is desk work (AFSPRAAK_BEHEREN), so the KCC employee may.
    antwoord = client.post(URL + f"ceremonies/{ceremonie.pk}/babs/", {"babs": babs.pk})
    assert "A. de Wit voltrekt deze ceremonie." in _volgen(client, antwoord)
    ceremonie.refresh_from_db()
    assert ceremonie.babs == babs


def test_babs_toewijzen_bezet_geweigerd(als_beheerder: Client) -> None:
    spreekkamer = _spreekkamer()
    babs = services.babs_aanmaken(naam="A. de Wit", door=beheerder())
    dag = _maandag()
    eerste = _reserveren(spreekkamer, dag)
    assert eerste.babs == babs
    spreekkamer2 = services.trouwlocatie_aanmaken(
        naam="Tuin", slug="tuin", adres="Oranjeplein 1", momenten=[(0, time(9))], door=beheerder()
    )
    tweede = _reserveren(spreekkamer2, dag)
    assert tweede.babs is None
    antwoord = als_beheerder.post(URL + f"ceremonies/{tweede.pk}/babs/", {"babs": babs.pk})
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "Deze babs is op dat moment niet beschikbaar." in inhoud
    assert f'id="id_toewijzen{tweede.pk}_babs_error"' in inhoud
    tweede.refresh_from_db()
    assert tweede.babs is None


@pytest.mark.parametrize(
    "pad",
    [
        "locaties/nieuw/",
        "locaties/{locatie}/balies/",
        "balies/{balie}/deactiveren/",
        "locaties/{locatie}/openingstijden/",
        "openingstijden/{openingstijd}/verwijderen/",
        "locaties/{locatie}/sluitingsdagen/",
        "afspraaktypen/nieuw/",
        "afspraaktypen/{afspraaktype}/",
        "trouwlocaties/{trouwlocatie}/momenten/",
        "momenten/{moment}/verwijderen/",
        "babs/nieuw/",
        "babs/{babs}/deactiveren/",
    ],
)
def test_kcc_medewerker_mag_niet_inrichten(client: Client, pad: str) -> None:
    plek = locatie()
    spreekkamer = _spreekkamer()
    babs = services.babs_aanmaken(naam="A. de Wit", door=beheerder())
    ids = {
        "locatie": plek.pk,
        "balie": plek.balies.first().pk,  # type: ignore[union-attr]
        "openingstijd": plek.openingstijden.first().pk,  # type: ignore[union-attr]
        "afspraaktype": afspraaktype(plek).pk,
        "trouwlocatie": spreekkamer.pk,
        "moment": spreekkamer.momenten.first().pk,  # type: ignore[union-attr]
        "babs": babs.pk,
    }
    client.force_login(medewerker(Rol.KCC_MEDEWERKER))
    aantallen = [
        m.objects.count() for m in (Locatie, Openingstijd, Sluitingsdag, Afspraaktype, Ceremoniemoment, Babs)
    ]
    antwoord = client.post(
        URL + pad.format(**ids),
        {"naam": "Nieuw", "slug": "nieuw", "weekdag": "5", "van": "10:00", "tot": "11:00", "tijd": "10:00"},
    )
    assert antwoord.status_code == 403
    assert aantallen == [
        m.objects.count() for m in (Locatie, Openingstijd, Sluitingsdag, Afspraaktype, Ceremoniemoment, Babs)
    ]
    assert Balie.objects.filter(actief=True).count() == 2
    assert Babs.objects.get().actief


def test_trouwlocatie_toevoegen(als_beheerder: Client) -> None:
    antwoord = als_beheerder.post(
        URL + "trouwlocaties/nieuw/",
        {
            "naam": "Trouwzaal",
            "slug": "trouwzaal",
            "adres": "Oranjeplein 1",
            "tarief": "385.00",
            "max_gasten": "80",
            "duur_minuten": "45",
        },
    )
    assert "De trouwlocatie Trouwzaal is toegevoegd" in _volgen(als_beheerder, antwoord)
    trouwzaal = Trouwlocatie.objects.get(slug="trouwzaal")
    assert (trouwzaal.tarief, trouwzaal.max_gasten, trouwzaal.gratis) == (Decimal("385.00"), 80, False)


def test_gratis_trouwlocatie_met_tarief_geweigerd(als_beheerder: Client) -> None:
    antwoord = als_beheerder.post(
        URL + "trouwlocaties/nieuw/",
        {
            "naam": "Spreekkamer",
            "slug": "spreekkamer",
            "adres": "Oranjeplein 1",
            "gratis": "on",
            "tarief": "10",
            "duur_minuten": "15",
        },
    )
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "De gratis variant heeft geen tarief." in inhoud
    assert 'id="id_trouwlocatie0_tarief_error"' in inhoud
    assert not Trouwlocatie.objects.exists()


def test_kcc_medewerker_mag_geen_trouwlocatie_toevoegen(client: Client) -> None:
    client.force_login(medewerker(Rol.KCC_MEDEWERKER))
    antwoord = client.post(
        URL + "trouwlocaties/nieuw/",
        {"naam": "Tuin", "slug": "tuin", "adres": "Oranjeplein 1", "tarief": "0", "duur_minuten": "30"},
    )
    assert antwoord.status_code == 403
    assert not Trouwlocatie.objects.exists()
