"""Demo data of accounts: one employee per role, named after the role, with a random password."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from django.conf import settings
from django.core.management.base import OutputWrapper

from raadhuis.accounts import services
from raadhuis.accounts.models import Medewerker, Rol

DEMO_NAMEN = {
    Rol.BEHEERDER: ("Bea", "Beheer"),
    Rol.GRIFFIE: ("Gerrit", "Griffier"),
    Rol.RAADSLID: ("Rana", "Raadslid"),
    Rol.COLLEGELID: ("Willem", "Wethouder"),
    Rol.KCC_MEDEWERKER: ("Kim", "Klantcontact"),
    Rol.BEHANDELAAR: ("Bart", "Behandelaar"),
    Rol.WOO_COORDINATOR: ("Wendy", "Woo"),
    Rol.CONTROLLER: ("Carla", "Controller"),
    Rol.PRIVACY_OFFICER: ("Pieter", "Privacy"),
}


# The demo does not enrol authenticators itself: a TOTP secret in a file next to the password would
# make the second factor a second password. The roles that need one enrol on first login.
TWEESTAP_NOTITIE = (
    "Beheerder, woo-coordinator en privacy-officer stellen bij de eerste keer inloggen "
    "tweestapsverificatie in (met een authenticator-app, bijvoorbeeld FreeOTP)."
)


def wachtwoordenbestand() -> Path:
    return Path(settings.RAADHUIS_DEMO_ACCOUNTS)


def demo_accounts() -> dict[str, str]:
    """The demo accounts and their passwords, as written on first load (empty if none)."""
    bestand = wachtwoordenbestand()
    if not bestand.exists():
        return {}
    gelezen: dict[str, str] = json.loads(bestand.read_text(encoding="utf-8"))
    return gelezen


def laden(uitvoer: OutputWrapper) -> None:
    accounts = demo_accounts()
    nieuw = False
    for rol, (voornaam, achternaam) in DEMO_NAMEN.items():
        if Medewerker.objects.filter(username=rol.value).exists():
            continue
        wachtwoord = accounts.get(rol.value) or f"demo-{secrets.token_urlsafe(9)}"
        services.medewerker_aanmaken(
            gebruikersnaam=rol.value,
            wachtwoord=wachtwoord,
            rollen=[rol.value],
            voornaam=voornaam,
            achternaam=achternaam,
            emailadres=f"{rol.value}@example.org",
        )
        accounts[rol.value] = wachtwoord
        nieuw = True
    if nieuw:
        bestand = wachtwoordenbestand()
        bestand.parent.mkdir(parents=True, exist_ok=True)
        bestand.write_text(json.dumps(accounts, indent=2), encoding="utf-8")
        bestand.chmod(0o600)
        uitvoer.write(f"Demo-accounts aangemaakt: {', '.join(accounts)}")
        uitvoer.write(TWEESTAP_NOTITIE)
