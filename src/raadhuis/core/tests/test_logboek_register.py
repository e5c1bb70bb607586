"""The register of processing activities: seeded, added to and revised by the privacy officer only."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.core.logboek import activiteiten
from raadhuis.core.logboek.selectors import actuele_verwerkingsactiviteiten, versies_van
from raadhuis.core.logboek.services import verwerkingsactiviteit_herzien, verwerkingsactiviteit_toevoegen
from raadhuis.core.models import Verwerkingsactiviteit

GEGEVENS = {
    "naam": "Parkeervergunningen verlenen",
    "doel": "Een parkeervergunning behandelen.",
    "grondslag": "AVG art. 6 lid 1 sub e; Wegenverkeerswet 1994; Parkeerverordening",
    "categorieen_betrokkenen": "Aanvragers",
    "categorieen_persoonsgegevens": "Naam, adres, kenteken",
    "bewaartermijn": "2 jaar na afloop",
}


@pytest.fixture
def privacy_officer(db):
    return MedewerkerFactory(rollen=[Rol.PRIVACY_OFFICER])


def test_register_bevat_de_verwerkingen_die_het_platform_nu_nodig_heeft(db):
    sleutels = set(actuele_verwerkingsactiviteiten().values_list("sleutel", flat=True))

    assert {
        activiteiten.MEDEWERKERACCOUNTS_BEHEREN,
        activiteiten.INLOGGEN_DIGID,
        activiteiten.INLOGGEN_EHERKENNING,
        activiteiten.PERSOONSGEGEVENS_IN_ZAAK_RAADPLEGEN,
        activiteiten.ZOEKEN_OP_BSN,
        activiteiten.WOO_VERZOEK_BEHANDELEN,
        activiteiten.LOGBOEK_RAADPLEGEN,
        activiteiten.INZAGE_EIGEN_GEGEVENS,
    } <= sleutels
    assert all(a.grondslag.startswith("AVG art.") for a in actuele_verwerkingsactiviteiten())


def test_privacy_officer_voegt_verwerking_toe_als_versie_1(privacy_officer):
    nieuw = verwerkingsactiviteit_toevoegen(
        sleutel="parkeervergunning", gegevens=GEGEVENS, door=privacy_officer
    )

    assert nieuw.versie == 1
    assert privacy_officer.get_username() in nieuw.vastgelegd_door


@pytest.mark.parametrize("rol", [Rol.BEHEERDER, Rol.KCC_MEDEWERKER])
def test_ander_dan_privacy_officer_mag_het_register_niet_bijhouden(db, rol):
    with pytest.raises(PermissionDenied, match="privacy officer"):
        verwerkingsactiviteit_toevoegen(
            sleutel="parkeervergunning", gegevens=GEGEVENS, door=MedewerkerFactory(rollen=[rol])
        )

    assert not Verwerkingsactiviteit.objects.filter(sleutel="parkeervergunning").exists()


def test_dubbele_sleutel_en_ontbrekende_velden_worden_geweigerd(privacy_officer):
    with pytest.raises(ValidationError) as fout:
        verwerkingsactiviteit_toevoegen(
            sleutel=activiteiten.ZOEKEN_OP_BSN, gegevens=GEGEVENS, door=privacy_officer
        )
    assert "sleutel" in fout.value.message_dict

    with pytest.raises(ValidationError) as fout:
        verwerkingsactiviteit_toevoegen(
            sleutel="nieuw-iets", gegevens={**GEGEVENS, "grondslag": ""}, door=privacy_officer
        )
    assert "grondslag" in fout.value.message_dict


def test_herzien_maakt_nieuwe_versie_en_laat_de_oude_ongemoeid(privacy_officer):
    oud = Verwerkingsactiviteit.objects.get(sleutel=activiteiten.ZOEKEN_OP_BSN)

    nieuw = verwerkingsactiviteit_herzien(
        activiteit=oud,
        gegevens={"doel": "Ander doel"},
        toelichting="Doel verduidelijkt",
        door=privacy_officer,
    )

    assert (nieuw.versie, nieuw.doel, nieuw.grondslag) == (2, "Ander doel", oud.grondslag)
    assert Verwerkingsactiviteit.objects.get(pk=oud.pk).doel == oud.doel
    assert [v.versie for v in versies_van(activiteiten.ZOEKEN_OP_BSN)] == [2, 1]


def test_herzien_zonder_wijziging_of_zonder_toelichting_wordt_geweigerd(privacy_officer):
    oud = Verwerkingsactiviteit.objects.get(sleutel=activiteiten.ZOEKEN_OP_BSN)

    with pytest.raises(ValidationError, match="niets gewijzigd"):
        verwerkingsactiviteit_herzien(
            activiteit=oud, gegevens={"doel": oud.doel}, toelichting="x", door=privacy_officer
        )
    with pytest.raises(ValidationError) as fout:
        verwerkingsactiviteit_herzien(
            activiteit=oud, gegevens={"doel": "Nieuw"}, toelichting=" ", door=privacy_officer
        )
    assert "toelichting" in fout.value.message_dict


def test_herzien_van_een_verouderde_versie_wordt_geweigerd(privacy_officer):
    oud = Verwerkingsactiviteit.objects.get(sleutel=activiteiten.ZOEKEN_OP_BSN)
    verwerkingsactiviteit_herzien(
        activiteit=oud, gegevens={"doel": "Eerste"}, toelichting="a", door=privacy_officer
    )

    with pytest.raises(ValidationError, match="nieuwere versie"):
        verwerkingsactiviteit_herzien(
            activiteit=oud, gegevens={"doel": "Tweede"}, toelichting="b", door=privacy_officer
        )


def test_actuele_verwerkingsactiviteiten_in_een_query(privacy_officer, django_assert_num_queries):
    oud = Verwerkingsactiviteit.objects.get(sleutel=activiteiten.ZOEKEN_OP_BSN)
    verwerkingsactiviteit_herzien(
        activiteit=oud, gegevens={"doel": "Nieuw"}, toelichting="a", door=privacy_officer
    )

    with django_assert_num_queries(1):
        actueel = {a.sleutel: a.versie for a in actuele_verwerkingsactiviteiten()}

    assert actueel[activiteiten.ZOEKEN_OP_BSN] == 2
    assert actueel[activiteiten.INLOGGEN_DIGID] == 1
