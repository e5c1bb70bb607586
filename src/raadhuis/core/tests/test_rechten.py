"""core.rechten: the registry behind mag()/vereis(), and the role x action matrix."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from hypothesis import given
from hypothesis import strategies as st

from raadhuis.accounts.models import Rol
from raadhuis.core import rechten
from raadhuis.core.rechten import OnbekendeActie, heeft_rol, mag, vereis

# Who may do what, independent of the code that answers it: the matrix to check against.
MATRIX: dict[str, frozenset[str]] = {
    "organisatie.beheren": frozenset({Rol.BEHEERDER}),
    "beheer.gebruiken": frozenset({Rol.BEHEERDER}),
    "logboek.inzien": frozenset({Rol.PRIVACY_OFFICER}),
    "medewerker.ontgrendelen": frozenset({Rol.BEHEERDER}),
    "inlogblokkades.inzien": frozenset({Rol.BEHEERDER}),
}


@dataclass
class Persoon:
    """Enough of a user for the rules: roles, and the flags Django's users have."""

    rollen: frozenset[str] = field(default_factory=frozenset)
    is_authenticated: bool = True
    is_active: bool = True
    pk: int = 1

    def heeft_rol(self, rol: str) -> bool:
        return rol in self.rollen


@pytest.mark.parametrize("actie", sorted(MATRIX))
@pytest.mark.parametrize("rol", Rol.values)
def test_elke_rol_mag_precies_wat_de_matrix_zegt(rol, actie):
    assert mag(Persoon(frozenset({rol})), actie) is (rol in MATRIX[actie])


@given(rollen=st.frozensets(st.sampled_from(Rol.values)), actie=st.sampled_from(sorted(MATRIX)))
def test_meer_rollen_geven_nooit_minder_rechten_en_precies_de_som(rollen, actie):
    assert mag(Persoon(rollen), actie) is bool(rollen & MATRIX[actie])


@given(rollen=st.frozensets(st.sampled_from(Rol.values)), actie=st.sampled_from(sorted(MATRIX)))
def test_inactief_of_anoniem_mag_niets(rollen, actie):
    assert not mag(Persoon(rollen, is_active=False), actie)
    assert not mag(Persoon(rollen, is_authenticated=False), actie)


def test_matrix_dekt_alle_rolgebonden_acties():
    # A new role-bound action must be added to the matrix above, so its rule gets tested.
    assert set(MATRIX) | {"tweestapsverificatie.beheren"} <= rechten.geregistreerde_acties()


def test_onbekende_actie_is_luid_in_tests():
    with pytest.raises(OnbekendeActie):
        mag(Persoon(frozenset({Rol.BEHEERDER})), "organisatie.beheeren")


def test_onbekende_actie_wordt_buiten_tests_geweigerd_nooit_toegestaan(settings):
    settings.RAADHUIS_RECHTEN_STRIKT = False
    settings.DEBUG = False

    assert mag(Persoon(frozenset(Rol.values)), "bestaat.niet") is False
    with pytest.raises(PermissionDenied):
        vereis(Persoon(frozenset(Rol.values)), "bestaat.niet")


def test_vereis_geeft_nederlandse_melding():
    with pytest.raises(PermissionDenied, match="Alleen een beheerder mag de organisatiegegevens wijzigen"):
        vereis(Persoon(frozenset({Rol.GRIFFIE})), "organisatie.beheren")


def test_dubbele_registratie_is_een_configuratiefout():
    with pytest.raises(ImproperlyConfigured):
        rechten.registreren("organisatie.beheren", lambda gebruiker, object: True)


def test_eigen_tweestapsverificatie_alleen_voor_jezelf():
    bea = Persoon(frozenset({Rol.BEHEERDER}), pk=1)
    kim = Persoon(frozenset({Rol.KCC_MEDEWERKER}), pk=2)

    assert mag(kim, "tweestapsverificatie.beheren", kim)
    assert not mag(bea, "tweestapsverificatie.beheren", kim)
    assert not mag(kim, "tweestapsverificatie.beheren")


def test_heeft_rol_blijft_werken(db):
    from raadhuis.accounts.tests.factories import MedewerkerFactory

    griffier = MedewerkerFactory(rollen=[Rol.GRIFFIE])

    assert heeft_rol(griffier, Rol.GRIFFIE)
    assert not heeft_rol(griffier, Rol.BEHEERDER)
    assert mag(griffier, "organisatie.beheren") is False


def test_werkplek_met_onbekende_actie_faalt_luid(rf, db):
    from raadhuis.accounts.tests.factories import MedewerkerFactory
    from raadhuis.core.toegang import werkplek

    @werkplek(actie="bestaat.niet")
    def pagina(request):
        raise AssertionError("niet bereikt")

    verzoek = rf.get("/")
    verzoek.user = MedewerkerFactory(rollen=[Rol.GRIFFIE])
    with pytest.raises(OnbekendeActie):
        pagina(verzoek)
