"""Programme chapters in the publication register (Woo art. 3.3 lid 2 onder g, jaarplannen en
jaarverslagen): only what is openbaar, once per programme, kind and year."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Medewerker, Rol
from raadhuis.accounts.tests.factories import MedewerkerFactory
from raadhuis.publicatie import selectors as publicatieselectors
from raadhuis.uitvoering import selectors
from raadhuis.uitvoering.models import Activiteit
from raadhuis.uitvoering.services.publicatie import hoofdstuk_publiceren
from raadhuis.uitvoering.tests.hulp import keten

pytestmark = pytest.mark.django_db

JAARPLANNEN = "https://identifier.overheid.nl/tooi/def/thes/kern/c_c6cd1213"


def test_hoofdstuk_wordt_gepubliceerd_zonder_wat_niet_openbaar_is() -> None:
    k = keten()
    for titel, openbaar in (("Vertrouwelijk onderzoek integriteit", False), ("Openbare inloopavond", True)):
        Activiteit.objects.create(
            actie=k.actie,
            titel=titel,
            team="Concernstaf",
            openbaar=openbaar,
            begin=k.activiteit.begin,
            einde=k.activiteit.einde,
        )
    sleutel = hoofdstuk_publiceren(door=k.door, programma=k.programma, jaar=2024, soort=selectors.BEGROTING)
    gevonden = publicatieselectors.publicatie_van_bron("uitvoering", sleutel)
    assert gevonden is not None
    assert gevonden.status == "gepubliceerd"
    assert gevonden.informatiecategorieen == [JAARPLANNEN]
    assert str(gevonden.periode_van) == "2024-01-01"
    documenten = list(publicatieselectors.documenten_van(gevonden))
    assert [d.bestandsnaam for d in documenten] == ["bestuur-en-dienstverlening-begroting-2024.pdf"]
    assert documenten[0].documentsoort.endswith("c_dfa0ff1f")
    assert "Tussenbalans opstellen" in documenten[0].tekst
    assert "Openbare inloopavond" in documenten[0].tekst
    assert "Vertrouwelijk onderzoek" not in documenten[0].tekst
    # Again: the same publication, no second one.
    hoofdstuk_publiceren(door=k.door, programma=k.programma, jaar=2024, soort=selectors.BEGROTING)
    assert publicatieselectors.publicaties().count() == 1


def test_alleen_wie_de_agenda_beheert() -> None:
    k = keten()
    raadslid = MedewerkerFactory(rollen=[Rol.RAADSLID])
    assert isinstance(raadslid, Medewerker)
    with pytest.raises(PermissionDenied):
        hoofdstuk_publiceren(
            door=raadslid,
            programma=k.programma,
            jaar=2024,
            soort=selectors.JAARVERSLAG,
        )
    assert publicatieselectors.publicaties().count() == 0


@pytest.mark.parametrize(("jaar", "soort", "veld"), [(2024, "nota", "soort"), (2010, "jaarverslag", "jaar")])
def test_onjuiste_invoer_publiceert_niets(jaar: int, soort: str, veld: str) -> None:
    k = keten()
    with pytest.raises(ValidationError) as fout:
        hoofdstuk_publiceren(door=k.door, programma=k.programma, jaar=jaar, soort=soort)
    assert veld in fout.value.message_dict
    assert publicatieselectors.publicaties().count() == 0
