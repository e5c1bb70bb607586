"""Two-factor authentication: enrolment, the second login step, recovery codes, the admin."""

from __future__ import annotations

import re

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from freezegun import freeze_time

from raadhuis.accounts import services
from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import WACHTWOORD, MedewerkerFactory
from raadhuis.accounts.tests.hulp import totp_apparaat, totp_code, volgende_code


def inloggen(client: Client, gebruikersnaam: str, *, volgende: str = ""):
    data = {"username": gebruikersnaam, "password": WACHTWOORD}
    if volgende:
        data["next"] = volgende
    return client.post("/werkplek/inloggen/", data)


def herstelcodes_uit(html: str) -> list[str]:
    return re.findall(r"<li><code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})</code></li>", html)


@pytest.mark.parametrize("rol", [Rol.BEHEERDER, Rol.WOO_COORDINATOR, Rol.PRIVACY_OFFICER])
def test_verplichte_rol_wordt_naar_instellen_gestuurd(organisatie, rol):
    MedewerkerFactory(username="verplicht", rollen=[rol])
    client = Client()
    inloggen(client, "verplicht")

    antwoord = client.get("/werkplek/")

    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/werkplek/tweestapsverificatie/?next=%2Fwerkplek%2F"
    api = client.patch("/api/v1/organisatie", {"naam": "X"}, content_type="application/json")
    assert api.status_code == 401


@pytest.mark.parametrize("rol", [Rol.GRIFFIE, Rol.RAADSLID, Rol.KCC_MEDEWERKER, Rol.CONTROLLER])
def test_optionele_rol_werkt_zonder_tweestapsverificatie(organisatie, rol):
    MedewerkerFactory(username="optioneel", rollen=[rol])
    client = Client()
    inloggen(client, "optioneel")

    assert client.get("/werkplek/").status_code == 200


def test_instellen_toont_qr_als_svg_en_de_sleutel_zonder_inline_stijl_of_script(organisatie):
    MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    client = Client()
    inloggen(client, "bea")

    html = client.get("/werkplek/tweestapsverificatie/").content.decode()

    apparaat = TOTPDevice.objects.get(user__username="bea", confirmed=False)
    assert '<svg role="img"' in html
    assert "data:" not in html
    assert "style=" not in html
    assert "<script>" not in html
    assert "<script " not in html.replace('<script src="', "")
    from base64 import b32encode

    sleutel = b32encode(apparaat.bin_key).decode()
    assert sleutel[:4] + " " + sleutel[4:8] in html


def test_foute_eerste_code_geeft_melding_bij_het_veld_en_telt_mee(organisatie):
    MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    client = Client()
    inloggen(client, "bea")
    client.get("/werkplek/tweestapsverificatie/")

    antwoord = client.post("/werkplek/tweestapsverificatie/", {"code": "000000"})

    assert antwoord.status_code == 400
    html = antwoord.content.decode()
    assert 'id="id_code_error"' in html
    assert "Deze code klopt niet" in html
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert AccessAttempt.objects.get(username="bea").failures_since_start == 1


def test_instellen_met_goede_code_toont_tien_herstelcodes_eenmalig(organisatie):
    MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    client = Client()
    inloggen(client, "bea")
    client.get("/werkplek/tweestapsverificatie/")
    apparaat = TOTPDevice.objects.get(user__username="bea")

    antwoord = client.post(
        "/werkplek/tweestapsverificatie/", {"code": totp_code(apparaat), "next": "/werkplek/"}
    )

    assert antwoord.status_code == 200
    assert "no-store" in antwoord["Cache-Control"]
    codes = herstelcodes_uit(antwoord.content.decode())
    assert len(codes) == 10
    assert TOTPDevice.objects.get(user__username="bea").confirmed
    # Verified now: the Werkplek and the admin open.
    assert client.get("/werkplek/").status_code == 200
    assert client.get("/beheer/").status_code == 200
    pagina = client.get("/werkplek/tweestapsverificatie/").content.decode()
    assert not set(codes) & set(herstelcodes_uit(pagina))
    assert "nog 10 ongebruikte herstelcodes" in pagina


def test_ingeschreven_medewerker_moet_na_wachtwoord_een_code_geven(organisatie):
    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    apparaat = totp_apparaat(bea)
    client = Client()

    antwoord = inloggen(client, "bea", volgende="/werkplek/organisatie/")

    assert antwoord["Location"] == "/werkplek/inloggen/code/?next=%2Fwerkplek%2Forganisatie%2F"
    assert "_auth_user_id" not in client.session  # nobody is logged in halfway
    assert client.get("/werkplek/").status_code == 302

    fout = client.post(antwoord["Location"], {"code": "123456"})
    assert fout.status_code == 400
    assert "Deze code klopt niet" in fout.content.decode()

    with freeze_time() as klok:
        klok.tick(2)  # django-otp's back-off after one wrong code is one second
        goed = client.post(antwoord["Location"], {"code": totp_code(apparaat)})
    assert goed["Location"] == "/werkplek/organisatie/"
    assert client.get("/werkplek/organisatie/").status_code == 200
    assert client.get("/beheer/").status_code == 200


def test_dezelfde_totp_code_werkt_maar_een_keer(organisatie):
    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    apparaat = totp_apparaat(bea)
    code = totp_code(apparaat)

    assert services.tweede_factor_controleren(medewerker=bea, code=code) is not None
    assert services.tweede_factor_controleren(medewerker=bea, code=code) is None


def test_herstelcode_werkt_een_keer_en_niet_opnieuw(organisatie):
    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    apparaat = totp_apparaat(bea)
    codes = services.herstelcodes_vernieuwen(medewerker=bea, code=totp_code(apparaat), door=bea)
    client = Client()

    inloggen(client, "bea")
    antwoord = client.post("/werkplek/inloggen/code/", {"code": codes[0].upper()[:4] + "-" + codes[0][4:]})
    assert antwoord.status_code == 302
    client.post("/werkplek/uitloggen/")

    inloggen(client, "bea")
    hergebruikt = client.post("/werkplek/inloggen/code/", {"code": codes[0]})
    assert hergebruikt.status_code == 400
    assert "Deze code klopt niet" in hergebruikt.content.decode()
    assert StaticToken.objects.filter(device__user=bea).count() == 9


def test_tweede_stap_verloopt_na_vijf_minuten(organisatie):
    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    apparaat = totp_apparaat(bea)
    client = Client()
    with freeze_time() as klok:
        inloggen(client, "bea")
        klok.tick(301)

        antwoord = client.post("/werkplek/inloggen/code/", {"code": totp_code(apparaat)})

    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/werkplek/inloggen/?")
    assert "_auth_user_id" not in client.session


def test_code_stap_zonder_wachtwoord_stap_kan_niet(organisatie):
    antwoord = Client().post("/werkplek/inloggen/code/", {"code": "123456"})

    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/werkplek/inloggen/")


def test_nieuwe_herstelcodes_vragen_een_code_en_maken_oude_ongeldig(organisatie, client):
    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    apparaat = totp_apparaat(bea)
    oude = services.herstelcodes_vernieuwen(medewerker=bea, code=totp_code(apparaat), door=bea)
    client.force_login(bea)

    fout = client.post("/werkplek/tweestapsverificatie/", {"actie": "herstelcodes", "herstel-code": "999999"})
    assert fout.status_code == 400
    assert 'id="id_herstel-code_error"' in fout.content.decode()

    with freeze_time() as klok:
        klok.tick(31)
        antwoord = client.post(
            "/werkplek/tweestapsverificatie/",
            {"actie": "herstelcodes", "herstel-code": volgende_code(apparaat)},
        )
    nieuwe = herstelcodes_uit(antwoord.content.decode())
    assert len(nieuwe) == 10
    assert services.tweede_factor_controleren(medewerker=bea, code=oude[0]) is None


def test_optionele_rol_zet_tweestapsverificatie_uit_met_een_code(organisatie):
    griet = MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])
    apparaat = totp_apparaat(griet)
    client = Client()
    inloggen(client, "griet")
    client.post("/werkplek/inloggen/code/", {"code": totp_code(apparaat)})

    with freeze_time() as klok:
        klok.tick(31)
        antwoord = client.post(
            "/werkplek/tweestapsverificatie/",
            {"actie": "uitzetten", "uit-code": volgende_code(apparaat)},
        )

    assert antwoord.status_code == 302
    assert not TOTPDevice.objects.filter(user=griet).exists()


def test_verplichte_rol_kan_tweestapsverificatie_niet_uitzetten(organisatie):
    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    apparaat = totp_apparaat(bea)

    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="verplicht"):
        services.tweestapsverificatie_uitzetten(medewerker=bea, code=totp_code(apparaat), door=bea)
    assert TOTPDevice.objects.filter(user=bea).exists()


def test_niemand_schrijft_een_ander_in(organisatie):
    from django.core.exceptions import PermissionDenied

    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    griet = MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])

    with pytest.raises(PermissionDenied):
        services.totp_apparaat_voorbereiden(medewerker=griet, door=bea)


def test_beheer_zonder_tweede_factor_wordt_geweigerd(organisatie):
    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    client = Client()
    client.force_login(bea)  # a password-only session

    antwoord = client.get("/beheer/")

    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/beheer/login/")
    doorgestuurd = client.get(antwoord["Location"])
    assert doorgestuurd["Location"].startswith("/werkplek/tweestapsverificatie/")


def test_beheer_inlogformulier_stuurt_naar_de_werkplek(organisatie):
    antwoord = Client().get("/beheer/login/?next=/beheer/")

    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/werkplek/inloggen/?next=/beheer/"


def test_beheer_alleen_voor_beheerder_ook_met_tweede_factor(organisatie):
    griet = MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])
    apparaat = totp_apparaat(griet)
    client = Client()
    inloggen(client, "griet")
    client.post("/werkplek/inloggen/code/", {"code": totp_code(apparaat)})

    assert client.get("/beheer/").status_code == 302
    assert client.get("/beheer/login/").status_code == 403


def test_telefoon_kwijt_herstelcode_en_dan_een_nieuwe_app(organisatie):
    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    oude_app = totp_apparaat(bea)
    codes = services.herstelcodes_vernieuwen(medewerker=bea, code=totp_code(oude_app), door=bea)
    client = Client()
    inloggen(client, "bea")
    client.post("/werkplek/inloggen/code/", {"code": codes[0]})

    fout = client.post("/werkplek/tweestapsverificatie/", {"actie": "vervangen", "vervang-code": codes[0]})
    assert fout.status_code == 400  # a used recovery code does not count twice
    with freeze_time() as klok:
        klok.tick(2)
        client.post("/werkplek/tweestapsverificatie/", {"actie": "vervangen", "vervang-code": codes[1]})
        pagina = client.get("/werkplek/tweestapsverificatie/").content.decode()
        assert "U stelt een nieuwe app in" in pagina
        nieuwe_app = TOTPDevice.objects.get(user=bea, confirmed=False)

        antwoord = client.post("/werkplek/tweestapsverificatie/", {"code": totp_code(nieuwe_app)})

    assert len(herstelcodes_uit(antwoord.content.decode())) == 10
    assert list(TOTPDevice.objects.filter(user=bea).values_list("pk", flat=True)) == [nieuwe_app.pk]


def test_alleen_herstelcodes_over_betekent_toch_een_tweede_stap(organisatie):
    griet = MedewerkerFactory(username="griet", rollen=[Rol.GRIFFIE])
    app = totp_apparaat(griet)
    services.herstelcodes_vernieuwen(medewerker=griet, code=totp_code(app), door=griet)
    app.delete()

    antwoord = inloggen(Client(), "griet")

    assert antwoord["Location"].startswith("/werkplek/inloggen/code/")


def test_herstelcodes_staan_alleen_als_sleutel_hash_in_de_database(organisatie, settings):
    bea = MedewerkerFactory(username="bea", rollen=[Rol.BEHEERDER])
    codes = services.herstelcodes_vernieuwen(medewerker=bea, code=totp_code(totp_apparaat(bea)), door=bea)
    opgeslagen = set(StaticToken.objects.values_list("token", flat=True))

    assert len(opgeslagen) == 10
    assert not opgeslagen & {code.replace("-", "") for code in codes}
    # After a key rotation with the old key kept as fallback the codes still work.
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "een-nieuwe-geheime-sleutel-voor-deze-test-" + "x" * 20
    assert services.tweede_factor_controleren(medewerker=bea, code=codes[0]) is not None


@pytest.mark.django_db
def test_alleen_een_eigen_bevestigd_apparaat_telt_als_tweede_factor():
    from django_otp.plugins.otp_static.models import StaticDevice

    from raadhuis.accounts.selectors import heeft_tweede_factor

    ans, bas = MedewerkerFactory(username="ans"), MedewerkerFactory(username="bas")
    assert not heeft_tweede_factor(ans)
    TOTPDevice.objects.create(user=ans, name="app", confirmed=False)
    StaticDevice.objects.create(user=ans, name="codes", confirmed=False)
    totp_apparaat(bas)
    assert not heeft_tweede_factor(ans), "unconfirmed devices and another's device do not count"
    StaticDevice.objects.create(user=ans, name="herstel", confirmed=True)
    assert heeft_tweede_factor(ans), "recovery codes alone are a second factor"
    assert heeft_tweede_factor(bas), "a confirmed app is one"
