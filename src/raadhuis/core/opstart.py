"""Start-up checks: bad configuration stops the platform with one clear sentence."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connections

from raadhuis.core import tooi


class Configuratiefout(Exception):
    """A configuration problem an operator can fix; its message is one sentence."""


def controleer_database() -> None:
    database = connections["default"]
    if database.vendor == "sqlite" and str(database.settings_dict["NAME"]) not in ("", ":memory:"):
        # The embedded default lives under var/, which a fresh clone does not have yet.
        Path(str(database.settings_dict["NAME"])).parent.mkdir(parents=True, exist_ok=True)
    try:
        database.ensure_connection()
    except DatabaseError as fout:
        instellingen = database.settings_dict
        waar = (
            f"{instellingen.get('HOST') or 'localhost'}:{instellingen.get('PORT') or 5432}"
            f"/{instellingen.get('NAME')}"
            if database.vendor == "postgresql"
            else str(instellingen.get("NAME"))
        )
        reden = str(fout).strip().splitlines()[0] if str(fout).strip() else type(fout).__name__
        raise Configuratiefout(f"Cannot reach the database at {waar} (DATABASE_URL): {reden}") from None


def controleer_organisatie() -> None:
    code = settings.RAADHUIS_ORGANISATIE
    if tooi.organisatie(code) is None:
        raise Configuratiefout(
            f"RAADHUIS_ORGANISATIE={code!r} is not a TOOI organisation code "
            "(see src/raadhuis/core/data/tooi/, e.g. gm1926 for Pijnacker-Nootdorp)."
        )


def controleer_alles() -> None:
    controleer_organisatie()
    controleer_database()
