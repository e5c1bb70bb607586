"""persoon_bijwerken and persoon_koppelen: the griffie keeps a person's public details and the account
they log in with; one account belongs to one person."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming.services.organen import persoon_aanmaken, persoon_bijwerken, persoon_koppelen
from raadhuis.besluitvorming.tests.factories import PersoonFactory

pytestmark = pytest.mark.django_db


def test_bijwerken_houdt_het_webadres(griffier: Medewerker) -> None:
    persoon = persoon_aanmaken(
        achternaam="Bakker", voornaam="Sanne", nevenfuncties="Bestuurslid", door=griffier
    )
    persoon_bijwerken(persoon=persoon, achternaam="Bakker-Smit", woonplaats="Pijnacker", door=griffier)
    persoon.refresh_from_db()
    assert (persoon.naam, persoon.woonplaats, persoon.nevenfuncties) == (
        "Sanne Bakker-Smit",
        "Pijnacker",
        "Bestuurslid",
    )
    assert persoon.slug == "sanne-bakker"


def test_lege_achternaam_wordt_geweigerd_en_verandert_niets(griffier: Medewerker) -> None:
    persoon = PersoonFactory(achternaam="Bakker")
    with pytest.raises(ValidationError) as fout:
        persoon_bijwerken(persoon=persoon, achternaam="", door=griffier)
    assert "achternaam" in fout.value.message_dict
    persoon.refresh_from_db()
    assert persoon.achternaam == "Bakker"


def test_een_account_hoort_bij_een_persoon(griffier: Medewerker) -> None:
    account = MedewerkerFactory(rollen=[Rol.RAADSLID])
    eerste, tweede = PersoonFactory(), PersoonFactory()
    persoon_koppelen(persoon=eerste, medewerker=account, door=griffier)
    with pytest.raises(ValidationError) as fout:
        persoon_koppelen(persoon=tweede, medewerker=account, door=griffier)
    assert "al gekoppeld aan" in fout.value.message_dict["medewerker"][0]
    persoon_koppelen(persoon=eerste, medewerker=None, door=griffier)
    persoon_koppelen(persoon=tweede, medewerker=account, door=griffier)
    tweede.refresh_from_db()
    assert tweede.medewerker == account


def test_een_raadslid_koppelt_zichzelf_niet(griffier: Medewerker) -> None:
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    with pytest.raises(PermissionDenied):
        persoon_koppelen(persoon=PersoonFactory(), medewerker=raadslid, door=raadslid)
    with pytest.raises(PermissionDenied):
        persoon_bijwerken(persoon=PersoonFactory(), achternaam="Anders", door=raadslid)
