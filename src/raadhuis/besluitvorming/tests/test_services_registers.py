"""The registers of toezeggingen and adopted moties through the services (Gemeentewet art. 169)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.besluitvorming import selectors, services
from raadhuis.besluitvorming.models import Lidmaatschap, Toezegging, Voorstel
from raadhuis.besluitvorming.tests.factories import LidmaatschapFactory, raad_met_leden
from raadhuis.besluitvorming.tests.stemhulp import (
    agendapunt_van,
    collegeleden,
    hoofdelijk,
    indienen,
    vergadering_van,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def raad():
    return raad_met_leden((3, 2))


@pytest.fixture
def punt(raad):
    return agendapunt_van(vergadering_van(raad))


@pytest.fixture
def wethouder():
    _, leden, _ = collegeleden(3)
    return leden[1]


@pytest.fixture
def aangenomen_motie(griffier, raad, punt):
    motie = indienen(griffier, raad, punt)
    services.stemming_vastleggen(
        voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 5), door=griffier
    )
    motie.refresh_from_db()
    return motie


def test_toezegging_met_wethouder_als_portefeuillehouder(griffier, punt, wethouder) -> None:
    toezegging = services.toezegging_vastleggen(
        vergadering=punt.vergadering,
        agendapunt=punt,
        portefeuillehouder=wethouder,
        tekst="De wethouder stuurt voor de zomer een raadsinformatiebrief over de fietsenstalling.",
        uiterste_datum=dt.date(2024, 6, 30),
        door=griffier,
    )
    assert toezegging.status == Toezegging.Status.OPEN


def test_portefeuillehouder_moet_in_het_college_zitten(griffier, raad, punt) -> None:
    """Art. 169: the college and each wethouder answer to the raad; a raadslid cannot own a toezegging."""
    with pytest.raises(ValidationError) as info:
        services.toezegging_vastleggen(
            vergadering=punt.vergadering,
            portefeuillehouder=raad.leden[0],
            tekst="Toezegging",
            uiterste_datum=dt.date(2024, 6, 30),
            door=griffier,
        )
    assert "geen wethouder of burgemeester" in " ".join(info.value.messages)
    assert not Toezegging.objects.exists()


def test_oud_wethouder_is_geen_portefeuillehouder_meer(griffier, punt) -> None:
    college, _, _ = collegeleden(2)
    oud = LidmaatschapFactory(
        orgaan=college, functie=Lidmaatschap.Functie.WETHOUDER, einde=dt.date(2023, 12, 31)
    ).persoon
    with pytest.raises(ValidationError, match="geen wethouder"):
        services.toezegging_vastleggen(
            vergadering=punt.vergadering,
            portefeuillehouder=oud,
            tekst="Toezegging",
            uiterste_datum=dt.date(2024, 6, 30),
            door=griffier,
        )


def test_uiterste_datum_niet_voor_de_vergadering(griffier, punt, wethouder) -> None:
    with pytest.raises(ValidationError, match="vóór de vergadering"):
        services.toezegging_vastleggen(
            vergadering=punt.vergadering,
            portefeuillehouder=wethouder,
            tekst="Toezegging",
            uiterste_datum=dt.date(2024, 1, 1),
            door=griffier,
        )


def test_collegelid_doet_af_maar_legt_niet_vast(griffier, punt, wethouder) -> None:
    collegelid = MedewerkerFactory(rollen=[Rol.COLLEGELID])
    with pytest.raises(PermissionDenied):
        services.toezegging_vastleggen(
            vergadering=punt.vergadering,
            portefeuillehouder=wethouder,
            tekst="Toezegging",
            uiterste_datum=dt.date(2024, 6, 30),
            door=collegelid,
        )
    toezegging = services.toezegging_vastleggen(
        vergadering=punt.vergadering,
        portefeuillehouder=wethouder,
        tekst="Toezegging",
        uiterste_datum=dt.date(2024, 6, 30),
        door=griffier,
    )
    services.toezegging_afdoen(
        toezegging=toezegging, antwoord="Raadsinformatiebrief 2024-12", door=collegelid
    )
    toezegging.refresh_from_db()
    assert toezegging.status == Toezegging.Status.AFGEDAAN
    assert toezegging.afgedaan_op is not None
    with pytest.raises(ValidationError, match="al afgedaan"):
        services.toezegging_afdoen(toezegging=toezegging, antwoord="Nogmaals", door=griffier)


def test_afdoen_zonder_antwoord_wordt_geweigerd(griffier, punt, wethouder) -> None:
    toezegging = services.toezegging_vastleggen(
        vergadering=punt.vergadering,
        portefeuillehouder=wethouder,
        tekst="Toezegging",
        uiterste_datum=dt.date(2024, 6, 30),
        door=griffier,
    )
    with pytest.raises(ValidationError, match="antwoord van het college"):
        services.toezegging_afdoen(toezegging=toezegging, antwoord="  ", door=griffier)


def test_aangenomen_motie_krijgt_portefeuillehouder_termijn_en_antwoord(
    griffier, aangenomen_motie, wethouder
) -> None:
    assert aangenomen_motie.afhandeling == Voorstel.Afhandeling.OPEN
    services.motie_afhandeling_bijwerken(
        motie=aangenomen_motie,
        portefeuillehouder=wethouder,
        uiterste_datum=dt.date(2024, 9, 1),
        door=griffier,
    )
    collegelid = MedewerkerFactory(rollen=[Rol.COLLEGELID])
    with pytest.raises(PermissionDenied):
        services.motie_afhandeling_bijwerken(
            motie=aangenomen_motie, uiterste_datum=dt.date(2025, 1, 1), door=collegelid
        )
    with pytest.raises(ValidationError, match="antwoord van het college"):
        services.motie_afhandeling_bijwerken(
            motie=aangenomen_motie, afhandeling=Voorstel.Afhandeling.AFGEDAAN, door=collegelid
        )
    services.motie_afhandeling_bijwerken(
        motie=aangenomen_motie,
        afhandeling=Voorstel.Afhandeling.AFGEDAAN,
        antwoord_college="Uitgevoerd met de voorjaarsnota.",
        door=collegelid,
    )
    aangenomen_motie.refresh_from_db()
    assert aangenomen_motie.afhandeling == Voorstel.Afhandeling.AFGEDAAN
    assert aangenomen_motie.portefeuillehouder == wethouder
    assert aangenomen_motie.afgedaan_op is not None


def test_verworpen_motie_staat_niet_in_het_register(griffier, raad, punt, wethouder) -> None:
    motie = indienen(griffier, raad, punt)
    services.stemming_vastleggen(
        voorstel=motie, aanwezig=raad.leden, stemmen=hoofdelijk(raad.leden, 1), door=griffier
    )
    motie.refresh_from_db()
    with pytest.raises(ValidationError, match="Alleen een aangenomen motie"):
        services.motie_afhandeling_bijwerken(motie=motie, portefeuillehouder=wethouder, door=griffier)
    assert selectors.moties_register() == []


def test_achterstallig_na_de_uiterste_datum(griffier, punt, wethouder, aangenomen_motie) -> None:
    toezegging = services.toezegging_vastleggen(
        vergadering=punt.vergadering,
        portefeuillehouder=wethouder,
        tekst="Toezegging",
        uiterste_datum=dt.date(2024, 6, 30),
        door=griffier,
    )
    services.motie_afhandeling_bijwerken(
        motie=aangenomen_motie,
        portefeuillehouder=wethouder,
        uiterste_datum=dt.date(2024, 9, 1),
        door=griffier,
    )
    assert list(selectors.achterstallige_toezeggingen(op=dt.date(2024, 6, 30))) == []
    assert list(selectors.achterstallige_toezeggingen(op=dt.date(2024, 7, 1))) == [toezegging]
    assert list(selectors.achterstallige_moties(op=dt.date(2024, 9, 1))) == []
    assert list(selectors.achterstallige_moties(op=dt.date(2024, 9, 2))) == [aangenomen_motie]
    services.toezegging_afdoen(toezegging=toezegging, antwoord="Brief gestuurd", door=griffier)
    assert list(selectors.achterstallige_toezeggingen(op=dt.date(2024, 7, 1))) == []
