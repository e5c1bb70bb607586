from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from raadhuis.accounts import services
from raadhuis.accounts.models import ApiToken, Medewerker, Rol
from raadhuis.accounts.selectors import medewerker_via_api_token, medewerkers_met_rol
from raadhuis.accounts.tests.factories import MedewerkerFactory


def test_medewerker_krijgt_rollen(db):
    medewerker = services.medewerker_aanmaken(
        gebruikersnaam="wendy", wachtwoord="een-lang-wachtwoord-7", rollen=[Rol.WOO_COORDINATOR]
    )

    assert medewerker.heeft_rol(Rol.WOO_COORDINATOR)
    assert not medewerker.heeft_rol(Rol.BEHEERDER)
    assert not medewerker.is_staff
    assert list(medewerkers_met_rol(Rol.WOO_COORDINATOR)) == [medewerker]


def test_alleen_beheerder_krijgt_toegang_tot_django_admin(db):
    assert MedewerkerFactory(rollen=[Rol.BEHEERDER]).is_staff
    assert not MedewerkerFactory(rollen=[Rol.GRIFFIE]).is_staff


def test_zwak_wachtwoord_wordt_geweigerd_en_niets_bewaard(db):
    with pytest.raises(ValidationError) as fout:
        services.medewerker_aanmaken(gebruikersnaam="kort", wachtwoord="12345", rollen=[])

    assert "password" in fout.value.message_dict
    assert not Medewerker.objects.exists()


def test_onbekende_rol_rolt_alles_terug(db):
    with pytest.raises(ValidationError):
        services.medewerker_aanmaken(
            gebruikersnaam="x", wachtwoord="een-lang-wachtwoord-7", rollen=["koning"]
        )

    assert not Medewerker.objects.exists()


def test_token_wordt_alleen_als_digest_bewaard(db):
    medewerker = MedewerkerFactory()

    token = services.api_token_uitgeven(medewerker=medewerker)

    opgeslagen = ApiToken.objects.get()
    assert token not in (opgeslagen.digest, opgeslagen.prefix)
    assert opgeslagen.digest == services.token_digest(token)
    assert medewerker_via_api_token(token) == medewerker
    assert ApiToken.objects.get().laatst_gebruikt_op is not None


def test_onbekend_token_geeft_niemand(db):
    assert medewerker_via_api_token("rh_onbekend") is None
