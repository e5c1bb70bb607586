from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.selectors import medewerker_via_api_token
from raadhuis.core.models import Organisatie


@pytest.fixture
def demo_bestand(settings, tmp_path):
    settings.RAADHUIS_DEMO_ACCOUNTS = tmp_path / "demo-accounts.json"
    return settings.RAADHUIS_DEMO_ACCOUNTS


def test_demo_laadt_organisatie_en_account_per_rol(db, demo_bestand):
    call_command("demo", stdout=io.StringIO())

    assert Organisatie.objects.get().tooi_code == "gm1926"
    assert set(Medewerker.objects.values_list("username", flat=True)) == set(Rol.values)
    wachtwoorden = json.loads(demo_bestand.read_text())
    beheerder = Medewerker.objects.get(username="beheerder")
    assert beheerder.check_password(wachtwoorden["beheerder"])
    assert beheerder.heeft_rol(Rol.BEHEERDER)
    assert oct(demo_bestand.stat().st_mode & 0o777) == "0o600"


def test_demo_tweede_keer_verandert_niets(db, demo_bestand):
    call_command("demo", stdout=io.StringIO())
    eerst = (list(Medewerker.objects.values_list("pk", "password")), demo_bestand.read_text())

    call_command("demo", stdout=io.StringIO())

    assert (
        list(Medewerker.objects.values_list("pk", "password")),
        demo_bestand.read_text(),
    ) == eerst


def test_token_commando_drukt_bruikbaar_token_af(db, demo_bestand):
    call_command("demo", stdout=io.StringIO())
    uitvoer = io.StringIO()

    call_command("token", "controller", stdout=uitvoer)

    token = uitvoer.getvalue().strip()
    assert medewerker_via_api_token(token) == Medewerker.objects.get(username="controller")


def test_token_voor_onbekende_medewerker_faalt_duidelijk(db):
    with pytest.raises(CommandError, match="geen medewerker met gebruikersnaam 'niemand'"):
        call_command("token", "niemand")


def test_start_welkomsttekst_noemt_url_en_accounts(db, demo_bestand):
    from raadhuis.core.management.commands.start import Command

    call_command("demo", stdout=io.StringIO())

    tekst = Command().welkom("127.0.0.1:8000")

    assert "http://127.0.0.1:8000/" in tekst
    for rol in Rol.values:
        assert rol in tekst
