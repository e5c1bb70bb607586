"""Failed-login throttling (django-axes): per account, per address, on the code step, and unlock."""

from __future__ import annotations

import re

import pytest
from axes.models import AccessAttempt
from django.core.exceptions import PermissionDenied
from django.test import Client
from freezegun import freeze_time

from raadhuis.accounts import services
from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import actuele_inlogblokkades
from raadhuis.accounts.tests.factories import WACHTWOORD, MedewerkerFactory
from raadhuis.accounts.tests.hulp import totp_apparaat, totp_code


@pytest.fixture(autouse=True)
def _ruime_snelheidslimiet(settings):
    """These tests fire dozens of logins a minute from one address; the request rate limit
    (core.snelheid) would answer before axes does, and axes is what is tested here."""
    settings.RAADHUIS_SNELHEIDSLIMIETEN = {**settings.RAADHUIS_SNELHEIDSLIMIETEN, "inloggen": "1000/m"}


def poging(client: Client, gebruikersnaam: str, wachtwoord: str = "fout-wachtwoord", adres: str = "10.0.0.1"):
    return client.post(
        "/werkplek/inloggen/", {"username": gebruikersnaam, "password": wachtwoord}, REMOTE_ADDR=adres
    )


def test_limieten_liggen_ruim_onder_asvs_2_2_1(settings):
    assert settings.RAADHUIS_INLOGPOGINGEN_PER_ACCOUNT == 10
    assert settings.RAADHUIS_INLOGPOGINGEN_PER_ADRES == 30
    assert settings.RAADHUIS_INLOGBLOKKADE_MINUTEN == 60
    assert settings.AXES_HANDLER.startswith("raadhuis.accounts.inlogpogingen")


def test_negen_foute_wachtwoorden_blokkeren_nog_niet(organisatie):
    MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])
    client = Client()
    for _ in range(9):
        assert poging(client, "griet").status_code == 200

    assert poging(client, "griet", WACHTWOORD).status_code == 302


def test_tien_foute_wachtwoorden_blokkeren_het_account_ook_met_goed_wachtwoord(organisatie):
    MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])
    client = Client()
    for _ in range(9):
        poging(client, "griet")

    tiende = poging(client, "griet")
    assert tiende.status_code == 429

    # Even the right password, from another address, is refused during the lockout.
    antwoord = poging(Client(), "griet", WACHTWOORD, adres="10.9.9.9")
    assert antwoord.status_code == 429
    assert int(antwoord["Retry-After"]) > 55 * 60
    html = antwoord.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in html
    assert "U kunt het opnieuw proberen vanaf" in html
    assert "beheerder" in html
    assert "_auth_user_id" not in Client().session


@freeze_time("2026-11-28 10:00:00")
def test_blokkade_zegt_niet_of_een_gebruikersnaam_bestaat(organisatie):
    MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])
    for naam, adres in (("griet", "10.0.0.1"), ("bestaat-niet", "10.0.0.2")):
        client = Client()
        for _ in range(10):
            laatste = poging(client, naam, adres=adres)
        assert laatste.status_code == 429
        assert laatste["Retry-After"] == "3600"
    bestaand = poging(Client(), "griet", adres="10.0.0.1").content.decode()
    onbekend = poging(Client(), "bestaat-niet", adres="10.0.0.2").content.decode()
    zonder_token = r'name="csrfmiddlewaretoken" value="[^"]*"'
    assert re.sub(zonder_token, "", bestaand) == re.sub(zonder_token, "", onbekend)
    assert "12:00 uur op 28 november 2026" in bestaand  # 10:00 UTC + 1 hour, in Amsterdam


def test_dertig_fouten_van_een_adres_blokkeren_dat_adres_voor_iedereen(organisatie):
    MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])
    client = Client()
    for nummer in range(29):
        assert poging(client, f"gok{nummer % 5}-{nummer}").status_code == 200

    assert poging(client, "nog-een-gok").status_code == 429
    assert poging(Client(), "griet", WACHTWOORD, adres="10.0.0.1").status_code == 429
    assert poging(Client(), "griet", WACHTWOORD, adres="10.0.0.2").status_code == 302


def test_blokkade_vervalt_vanzelf_na_het_afkoelen(organisatie):
    MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])
    with freeze_time() as klok:
        for _ in range(10):
            poging(Client(), "griet")
        klok.tick(59 * 60)
        assert poging(Client(), "griet", WACHTWOORD).status_code == 429
        klok.tick(2 * 60)

        assert poging(Client(), "griet", WACHTWOORD).status_code == 302


def test_foute_codes_tellen_mee_voor_het_account(organisatie):
    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    apparaat = totp_apparaat(bea)
    client = Client()
    with freeze_time() as klok:
        for _ in range(5):
            poging(Client(), "bea")
        poging(client, "bea", WACHTWOORD)
        for keer in range(5):
            klok.tick(2**keer)  # past django-otp's own back-off, so axes is what stops this
            antwoord = client.post("/werkplek/inloggen/code/", {"code": "000000"}, REMOTE_ADDR="10.0.0.1")

        # 5 wrong passwords + 5 wrong codes = the account's 10.
        assert antwoord.status_code == 429
        assert "_auth_user_id" not in client.session
        klok.tick(60)
        assert poging(Client(), "bea", WACHTWOORD).status_code == 429
        assert services.tweede_factor_controleren(medewerker=bea, code=totp_code(apparaat)) is not None


def test_django_otp_remt_snel_herhaalde_codes(organisatie):
    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    apparaat = totp_apparaat(bea)
    client = Client()
    poging(client, "bea", WACHTWOORD)
    client.post("/werkplek/inloggen/code/", {"code": "000000"})

    antwoord = client.post("/werkplek/inloggen/code/", {"code": totp_code(apparaat)})

    assert antwoord.status_code == 400
    assert "Wacht" in antwoord.content.decode()


def test_beheerder_ziet_blokkades_en_ontgrendelt_een_account(organisatie, client, beheerder):
    MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])
    for _ in range(10):
        poging(Client(), "griet")
    client.force_login(beheerder)

    lijst = client.get("/werkplek/inlogblokkades/").content.decode()
    assert "griet" in lijst
    assert "Ontgrendelen" in lijst

    antwoord = client.post("/werkplek/inlogblokkades/ontgrendelen/", {"soort": "account", "waarde": "griet"})

    assert antwoord.status_code == 302
    assert not AccessAttempt.objects.filter(username="griet").exists()
    assert poging(Client(), "griet", WACHTWOORD).status_code == 302
    assert "Er zijn op dit moment geen blokkades" in client.get("/werkplek/inlogblokkades/").content.decode()


def test_beheerder_ontgrendelt_een_adres(organisatie, beheerder):
    for nummer in range(30):
        poging(Client(), f"gok-{nummer}", adres="10.1.1.1")
    assert [b.soort for b in actuele_inlogblokkades()] == ["adres"]

    services.inlogblokkade_opheffen(soort="adres", waarde="10.1.1.1", door=beheerder)

    assert actuele_inlogblokkades() == []


def test_alleen_beheerder_ziet_en_ontgrendelt(organisatie, client, griffier):
    client.force_login(griffier)

    assert client.get("/werkplek/inlogblokkades/").status_code == 403
    assert (
        client.post("/werkplek/inlogblokkades/ontgrendelen/", {"soort": "account", "waarde": "x"}).status_code
        == 403
    )
    with pytest.raises(PermissionDenied, match="Alleen een beheerder"):
        services.inlogblokkade_opheffen(soort="account", waarde="x", door=griffier)


def test_ontgrendelen_wordt_vastgelegd_in_het_logboek(organisatie, beheerder):
    from raadhuis.accounts.tests.factories import MedewerkerFactory
    from raadhuis.core.logboek.api import betrokkene_hash
    from raadhuis.core.models import Logregel

    griet = MedewerkerFactory(username="griet")

    services.inlogblokkade_opheffen(soort="account", waarde="griet", door=beheerder)

    regel = Logregel.objects.filter(naam="inlogblokkade.opheffen").get()
    assert regel.betrokkene_hash == betrokkene_hash("personeelsnummer", str(griet.pk))


def test_geblokkeerd_account_kan_ook_ingelogd_geen_codes_meer_proberen(organisatie, client, beheerder):
    apparaat = totp_apparaat(beheerder)
    client.force_login(beheerder)
    for _ in range(10):
        poging(Client(), beheerder.username)

    antwoord = client.post(
        "/werkplek/tweestapsverificatie/", {"actie": "herstelcodes", "herstel-code": totp_code(apparaat)}
    )

    assert antwoord.status_code == 429
    assert client.get("/werkplek/").status_code == 302
