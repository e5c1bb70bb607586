"""The name an employee is shown by, the same from an instance and from a row read as a tuple."""

from __future__ import annotations

import pytest

from raadhuis.accounts.models import Medewerker


@pytest.mark.parametrize(
    ("voornaam", "achternaam", "verwacht"),
    [
        ("Anna", "de Vries", "Anna de Vries"),
        ("", "de Vries", "de Vries"),
        ("Anna", "", "Anna"),
        ("", "", "avries"),
    ],
)
def test_volledige_naam_anders_de_gebruikersnaam(voornaam: str, achternaam: str, verwacht: str) -> None:
    medewerker = Medewerker(username="avries", first_name=voornaam, last_name=achternaam)
    assert medewerker.weergavenaam == verwacht
    assert verwacht == (medewerker.get_full_name() or medewerker.get_username())
    assert Medewerker.naam_uit(voornaam, achternaam, "avries") == verwacht
