from __future__ import annotations

import io
import json

from django.core.management import call_command
from django.test import Client


def test_demo_beheerder_stelt_bij_eerste_keer_inloggen_tweestapsverificatie_in(db, settings, tmp_path):
    settings.RAADHUIS_DEMO_ACCOUNTS = tmp_path / "demo-accounts.json"
    uitvoer = io.StringIO()
    call_command("demo", stdout=uitvoer)
    wachtwoord = json.loads(settings.RAADHUIS_DEMO_ACCOUNTS.read_text())["beheerder"]
    client = Client()

    client.post("/werkplek/inloggen/", {"username": "beheerder", "password": wachtwoord})

    assert "tweestapsverificatie" in uitvoer.getvalue()
    assert client.get("/werkplek/")["Location"].startswith("/werkplek/tweestapsverificatie/")


def test_start_noemt_tweestapsverificatie(db, settings, tmp_path):
    from raadhuis.core.management.commands.start import Command

    settings.RAADHUIS_DEMO_ACCOUNTS = tmp_path / "demo-accounts.json"
    call_command("demo", stdout=io.StringIO())

    assert "tweestapsverificatie" in Command().welkom("127.0.0.1:8000")
