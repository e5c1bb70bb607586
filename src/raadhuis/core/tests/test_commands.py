from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.selectors import medewerker_via_api_token
from raadhuis.core.management.commands.start import Command as Start
from raadhuis.core.models import Organisatie
from raadhuis.core.tests.wereld import Demo, demo_draaien, klassewereld

demo = klassewereld("demo-commando", demo_draaien)


@pytest.mark.django_db
class TestDemo:
    def test_laadt_organisatie_en_account_per_rol(self, demo: Demo) -> None:
        assert Organisatie.objects.get().tooi_code == "gm1926"
        assert set(Medewerker.objects.values_list("username", flat=True)) == set(Rol.values)
        wachtwoorden = json.loads(demo.accounts.read_text())
        beheerder = Medewerker.objects.get(username="beheerder")
        assert beheerder.check_password(wachtwoorden["beheerder"])
        assert beheerder.heeft_rol(Rol.BEHEERDER)
        assert oct(demo.accounts.stat().st_mode & 0o777) == "0o600"

    def test_tweede_keer_verandert_niets(self, demo: Demo) -> None:
        eerst = (list(Medewerker.objects.values_list("pk", "password")), demo.accounts.read_text())

        call_command("demo", stdout=io.StringIO())

        assert (
            list(Medewerker.objects.values_list("pk", "password")),
            demo.accounts.read_text(),
        ) == eerst

    def test_token_commando_drukt_bruikbaar_token_af(self, demo: Demo) -> None:
        uitvoer = io.StringIO()

        call_command("token", "controller", stdout=uitvoer)

        token = uitvoer.getvalue().strip()
        assert medewerker_via_api_token(token) == Medewerker.objects.get(username="controller")

    def test_start_welkomsttekst_noemt_url_accounts_en_tweestapsverificatie(self, demo: Demo) -> None:
        tekst = Start().welkom("127.0.0.1:8000")

        assert "http://127.0.0.1:8000/" in tekst
        for rol in Rol.values:
            assert rol in tekst
        assert "tweestapsverificatie" in tekst

    def test_beheerder_stelt_bij_eerste_keer_inloggen_tweestapsverificatie_in(self, demo: Demo) -> None:
        wachtwoord = json.loads(demo.accounts.read_text())["beheerder"]
        client = Client()

        client.post("/werkplek/inloggen/", {"username": "beheerder", "password": wachtwoord})

        assert "tweestapsverificatie" in demo.uitvoer
        assert client.get("/werkplek/")["Location"].startswith("/werkplek/tweestapsverificatie/")


def test_token_voor_onbekende_medewerker_faalt_duidelijk(db: None) -> None:
    with pytest.raises(CommandError, match="geen medewerker met gebruikersnaam 'niemand'"):
        call_command("token", "niemand")
