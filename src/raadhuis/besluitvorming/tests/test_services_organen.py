"""Services for bodies, people, memberships and fracties (Gemeentewet arts. 8, 27)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming import selectors, services
from raadhuis.besluitvorming.models import Fractielidmaatschap, Lidmaatschap, Orgaan
from raadhuis.besluitvorming.tests.factories import (
    BEGIN_RAADSPERIODE,
    FractieFactory,
    FractielidmaatschapFactory,
    LidmaatschapFactory,
    OrgaanFactory,
    PersoonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("inwoners", "zetels"),
    [
        (0, 9),
        (3_000, 9),
        (3_001, 11),
        (6_000, 11),
        (10_000, 13),
        (15_000, 15),
        (20_000, 17),
        (25_000, 19),
        (30_000, 21),
        (35_000, 23),
        (40_000, 25),
        (45_000, 27),
        (50_000, 29),
        (50_001, 31),
        (60_000, 31),
        (70_000, 33),
        (80_000, 35),
        (100_000, 37),
        (200_000, 39),
        (200_001, 45),
        (900_000, 45),
    ],
)
def test_zetels_volgen_uit_het_inwonertal_art_8(inwoners: int, zetels: int) -> None:
    assert services.zetels_voor_inwonertal(inwoners) == zetels


def test_raad_krijgt_zijn_zetels_uit_het_inwonertal(griffier: Medewerker) -> None:
    raad = services.orgaan_aanmaken(
        soort=Orgaan.Soort.RAAD,
        naam="Gemeenteraad",
        actief_vanaf=dt.date(2002, 1, 1),
        inwonertal=55_000,
        door=griffier,
    )
    assert raad.zetels == 31
    assert raad.slug == "gemeenteraad"


def test_raad_met_zetels_die_niet_bij_het_inwonertal_passen_wordt_geweigerd(griffier: Medewerker) -> None:
    with pytest.raises(ValidationError) as fout:
        services.orgaan_aanmaken(
            soort=Orgaan.Soort.RAAD,
            naam="Gemeenteraad",
            actief_vanaf=dt.date(2002, 1, 1),
            zetels=33,
            inwonertal=55_000,
            door=griffier,
        )
    assert "31 zetels" in fout.value.message_dict["zetels"][0]
    assert not Orgaan.objects.exists()


def test_raad_met_even_aantal_zetels_wordt_geweigerd(griffier: Medewerker) -> None:
    with pytest.raises(ValidationError) as fout:
        services.orgaan_aanmaken(
            soort=Orgaan.Soort.RAAD, naam="Raad", actief_vanaf=dt.date(2002, 1, 1), zetels=30, door=griffier
        )
    assert "zetels" in fout.value.message_dict


def test_raadslid_mag_geen_organen_beheren() -> None:
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    with pytest.raises(PermissionDenied):
        services.orgaan_aanmaken(
            soort=Orgaan.Soort.COMMISSIE, naam="Commissie", actief_vanaf=dt.date(2002, 1, 1), door=raadslid
        )


def test_lidmaatschap_starten_geeft_een_zetel(griffier: Medewerker) -> None:
    raad = OrgaanFactory(zetels=9)
    persoon = services.persoon_aanmaken(voornaam="Anna", achternaam="Jansen", door=griffier)
    services.lidmaatschap_starten(
        persoon=persoon,
        orgaan=raad,
        functie=Lidmaatschap.Functie.LID,
        begin=BEGIN_RAADSPERIODE,
        door=griffier,
    )
    assert selectors.zittende_leden(raad, dt.date(2023, 1, 1)) == [persoon]
    assert selectors.vacatures(raad, dt.date(2023, 1, 1)) == 8


def test_overlappend_lidmaatschap_in_dezelfde_functie_wordt_geweigerd(griffier: Medewerker) -> None:
    bestaand = LidmaatschapFactory(begin=dt.date(2022, 3, 30), einde=dt.date(2026, 3, 29))
    with pytest.raises(ValidationError) as fout:
        services.lidmaatschap_starten(
            persoon=bestaand.persoon,
            orgaan=bestaand.orgaan,
            functie=Lidmaatschap.Functie.LID,
            begin=dt.date(2026, 3, 29),
            door=griffier,
        )
    assert "mogen niet overlappen" in fout.value.message_dict["begin"][0]
    assert Lidmaatschap.objects.count() == 1


def test_aansluitend_lidmaatschap_na_het_einde_mag(griffier: Medewerker) -> None:
    bestaand = LidmaatschapFactory(begin=dt.date(2022, 3, 30), einde=dt.date(2026, 3, 29))
    services.lidmaatschap_starten(
        persoon=bestaand.persoon,
        orgaan=bestaand.orgaan,
        functie=Lidmaatschap.Functie.LID,
        begin=dt.date(2026, 3, 30),
        door=griffier,
    )
    assert Lidmaatschap.objects.count() == 2


def test_meer_zittende_leden_dan_zetels_wordt_geweigerd(griffier: Medewerker) -> None:
    raad = OrgaanFactory(zetels=9)
    for _ in range(9):
        LidmaatschapFactory(orgaan=raad)
    with pytest.raises(ValidationError) as fout:
        services.lidmaatschap_starten(
            persoon=PersoonFactory(),
            orgaan=raad,
            functie=Lidmaatschap.Functie.LID,
            begin=dt.date(2024, 1, 1),
            door=griffier,
        )
    assert "9 zetels" in fout.value.message_dict["begin"][0]
    assert Lidmaatschap.objects.filter(orgaan=raad).count() == 9


def test_opvolger_neemt_de_zetel_over_na_het_einde_van_de_vertrekker(griffier: Medewerker) -> None:
    raad = OrgaanFactory(zetels=9)
    leden = [LidmaatschapFactory(orgaan=raad) for _ in range(9)]
    services.lidmaatschap_beeindigen(lidmaatschap=leden[0], einde=dt.date(2024, 5, 31), door=griffier)
    opvolger = PersoonFactory()
    services.lidmaatschap_starten(
        persoon=opvolger,
        orgaan=raad,
        functie=Lidmaatschap.Functie.LID,
        begin=dt.date(2024, 6, 1),
        door=griffier,
    )
    assert selectors.vacatures(raad, dt.date(2024, 5, 31)) == 0
    assert opvolger in selectors.zittende_leden(raad, dt.date(2024, 6, 1))
    assert leden[0].persoon not in selectors.zittende_leden(raad, dt.date(2024, 6, 1))


def test_vacature_na_vertrek_zonder_opvolger(griffier: Medewerker) -> None:
    raad = OrgaanFactory(zetels=9)
    lid = LidmaatschapFactory(orgaan=raad)
    services.lidmaatschap_beeindigen(lidmaatschap=lid, einde=dt.date(2024, 5, 31), door=griffier)
    assert selectors.vacatures(raad, dt.date(2024, 6, 1)) == 9
    assert selectors.vacatures(raad, dt.date(2024, 5, 31)) == 8


def test_griffier_en_voorzitter_nemen_geen_zetel_in(griffier: Medewerker) -> None:
    raad = OrgaanFactory(zetels=9)
    for _ in range(9):
        LidmaatschapFactory(orgaan=raad)
    services.lidmaatschap_starten(
        persoon=PersoonFactory(),
        orgaan=raad,
        functie=Lidmaatschap.Functie.VOORZITTER,
        begin=dt.date(2024, 1, 1),
        door=griffier,
    )
    assert len(selectors.zittende_leden(raad, dt.date(2024, 1, 1))) == 9


def test_lidmaatschap_buiten_de_periode_van_het_orgaan_wordt_geweigerd(griffier: Medewerker) -> None:
    commissie = OrgaanFactory(
        commissie=True, actief_vanaf=dt.date(2022, 1, 1), actief_tot=dt.date(2026, 3, 29)
    )
    with pytest.raises(ValidationError) as fout:
        services.lidmaatschap_starten(
            persoon=PersoonFactory(),
            orgaan=commissie,
            functie=Lidmaatschap.Functie.BURGERLID,
            begin=dt.date(2021, 12, 1),
            einde=dt.date(2026, 3, 29),
            door=griffier,
        )
    assert "begin" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        services.lidmaatschap_starten(
            persoon=PersoonFactory(),
            orgaan=commissie,
            functie=Lidmaatschap.Functie.BURGERLID,
            begin=dt.date(2022, 6, 1),
            door=griffier,
        )
    assert "einde" in fout.value.message_dict


def test_minder_zetels_dan_zittende_leden_wordt_geweigerd(griffier: Medewerker) -> None:
    raad = OrgaanFactory(zetels=11)
    for _ in range(10):
        LidmaatschapFactory(orgaan=raad)
    with pytest.raises(ValidationError) as fout:
        services.orgaan_bijwerken(orgaan=raad, zetels=9, door=griffier)
    assert "zetels" in fout.value.message_dict
    raad.refresh_from_db()
    assert raad.zetels == 11


def test_fractiewissel_beeindigt_de_oude_en_start_de_nieuwe(griffier: Medewerker) -> None:
    oud = FractielidmaatschapFactory()
    nieuwe_fractie = FractieFactory()
    services.fractie_wisselen(
        persoon=oud.persoon, fractie=nieuwe_fractie, per=dt.date(2024, 3, 1), door=griffier
    )
    oud.refresh_from_db()
    assert oud.einde == dt.date(2024, 2, 29)
    assert selectors.fractie_op(oud.persoon, dt.date(2024, 2, 29)) == oud.fractie
    assert selectors.fractie_op(oud.persoon, dt.date(2024, 3, 1)) == nieuwe_fractie


def test_lid_van_twee_fracties_tegelijk_wordt_geweigerd(griffier: Medewerker) -> None:
    oud = FractielidmaatschapFactory()
    with pytest.raises(ValidationError) as fout:
        services.fractielidmaatschap_starten(
            persoon=oud.persoon, fractie=FractieFactory(), begin=dt.date(2024, 3, 1), door=griffier
        )
    assert "één fractie tegelijk" in fout.value.message_dict["begin"][0]
    assert Fractielidmaatschap.objects.count() == 1


def test_fractiewissel_naar_dezelfde_fractie_wordt_geweigerd(griffier: Medewerker) -> None:
    oud = FractielidmaatschapFactory()
    with pytest.raises(ValidationError):
        services.fractie_wisselen(
            persoon=oud.persoon, fractie=oud.fractie, per=dt.date(2024, 3, 1), door=griffier
        )
    oud.refresh_from_db()
    assert oud.einde is None


def test_fractiewissel_door_een_raadslid_wordt_geweigerd() -> None:
    oud = FractielidmaatschapFactory()
    with pytest.raises(PermissionDenied):
        services.fractie_wisselen(
            persoon=oud.persoon,
            fractie=FractieFactory(),
            per=dt.date(2024, 3, 1),
            door=MedewerkerFactory(rollen=[Rol.RAADSLID]),
        )
