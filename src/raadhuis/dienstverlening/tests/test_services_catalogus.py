"""The product catalogue's writes: permission, UPL name, level of assurance."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Medewerker
from raadhuis.core.identiteit import Betrouwbaarheidsniveau
from raadhuis.dienstverlening.models import Product, Tarief
from raadhuis.dienstverlening.services.catalogus import (
    product_aanmaken,
    product_bijwerken,
    tarief_vastleggen,
    tarief_verwijderen,
)


def _aanmaken(door: Medewerker, **anders: object) -> Product:
    gegevens: dict[str, object] = {
        "naam": "Verhuizing doorgeven",
        "upl_naam": "verhuismelding",
        "doelgroep": "inwoner",
        "minimum_niveau": Betrouwbaarheidsniveau.SUBSTANTIEEL,
    } | anders
    return product_aanmaken(door=door, **gegevens)  # type: ignore[arg-type]


@pytest.mark.django_db
def test_beheerder_legt_product_vast_met_niveau_en_upl_naam(beheerder: Medewerker) -> None:
    product = _aanmaken(beheerder)
    assert product.slug == "verhuizing-doorgeven"
    assert product.minimum_niveau is Betrouwbaarheidsniveau.SUBSTANTIEEL
    assert product.upl_uri == "http://standaarden.overheid.nl/owms/terms/verhuismelding"
    assert product.actief


@pytest.mark.django_db
def test_andere_medewerker_mag_geen_product_vastleggen(griffier: Medewerker) -> None:
    with pytest.raises(PermissionDenied):
        _aanmaken(griffier)
    assert not Product.objects.exists()


@pytest.mark.django_db
def test_upl_naam_die_niet_in_de_lijst_staat_wordt_geweigerd(beheerder: Medewerker) -> None:
    with pytest.raises(ValidationError) as fout:
        _aanmaken(beheerder, upl_naam="verhuizing doorgeven")
    assert "upl_naam" in fout.value.message_dict
    assert "Uniforme Productnamenlijst" in fout.value.message_dict["upl_naam"][0]
    assert not Product.objects.exists()


@pytest.mark.django_db
def test_onbekende_doelgroep_wordt_geweigerd(beheerder: Medewerker) -> None:
    with pytest.raises(ValidationError) as fout:
        _aanmaken(beheerder, doelgroep="toerist")
    assert "doelgroep" in fout.value.message_dict


@pytest.mark.django_db
def test_dubbele_slug_wordt_geweigerd(beheerder: Medewerker) -> None:
    _aanmaken(beheerder)
    with pytest.raises(ValidationError):
        _aanmaken(beheerder)
    assert Product.objects.count() == 1


@pytest.mark.django_db
def test_bijwerken_verhoogt_niveau_en_houdt_slug(beheerder: Medewerker) -> None:
    product = _aanmaken(beheerder)
    product_bijwerken(
        product=product, door=beheerder, naam="Verhuizen", minimum_niveau=Betrouwbaarheidsniveau.HOOG
    )
    product.refresh_from_db()
    assert product.naam == "Verhuizen"
    assert product.slug == "verhuizing-doorgeven"
    assert product.minimum_niveau is Betrouwbaarheidsniveau.HOOG


@pytest.mark.django_db
def test_bijwerken_met_ongeldige_upl_naam_verandert_niets(beheerder: Medewerker) -> None:
    product = _aanmaken(beheerder)
    with pytest.raises(ValidationError):
        product_bijwerken(product=product, door=beheerder, upl_naam="bestaat niet")
    product.refresh_from_db()
    assert product.upl_naam == "verhuismelding"


@pytest.mark.django_db
def test_bijwerken_door_andere_medewerker_wordt_geweigerd(
    beheerder: Medewerker, griffier: Medewerker
) -> None:
    product = _aanmaken(beheerder)
    with pytest.raises(PermissionDenied):
        product_bijwerken(product=product, door=griffier, actief=False)


@pytest.mark.django_db
def test_zaaktype_loskoppelen_alleen_met_zaaktype_wissen(beheerder: Medewerker) -> None:
    from raadhuis.dienstverlening.tests.factories import zaaktype

    product = _aanmaken(beheerder, zaaktype=zaaktype("verhuizing"))
    product_bijwerken(product=product, door=beheerder, naam="Verhuizen")
    product.refresh_from_db()
    assert product.zaaktype is not None
    product_bijwerken(product=product, door=beheerder, zaaktype_wissen=True)
    product.refresh_from_db()
    assert product.zaaktype is None


@pytest.mark.django_db
def test_tarief_vastleggen_vervangt_bedrag_van_dezelfde_omschrijving(beheerder: Medewerker) -> None:
    product = _aanmaken(beheerder)
    tarief_vastleggen(
        product=product, jaar=2026, omschrijving="Uittreksel", bedrag=Decimal("13.00"), door=beheerder
    )
    tarief_vastleggen(
        product=product,
        jaar=2026,
        omschrijving=" Uittreksel ",
        bedrag=Decimal("13.50"),
        demo=True,
        door=beheerder,
    )
    tarief_vastleggen(
        product=product, jaar=2027, omschrijving="Uittreksel", bedrag=Decimal("14.00"), door=beheerder
    )
    assert list(Tarief.objects.values_list("jaar", "bedrag", "demo")) == [
        (2027, Decimal("14.00"), False),
        (2026, Decimal("13.50"), True),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        ({"jaar": 2026, "omschrijving": "", "bedrag": Decimal("1")}, "omschrijving"),
        ({"jaar": 2026, "omschrijving": "A", "bedrag": Decimal("-0.01")}, "bedrag"),
        ({"jaar": 1999, "omschrijving": "A", "bedrag": Decimal("1")}, "jaar"),
        ({"jaar": 2101, "omschrijving": "A", "bedrag": Decimal("1")}, "jaar"),
    ],
)
def test_foute_leges_worden_geweigerd(beheerder: Medewerker, gegevens: dict[str, object], veld: str) -> None:
    product = _aanmaken(beheerder)
    with pytest.raises(ValidationError) as fout:
        tarief_vastleggen(product=product, door=beheerder, **gegevens)  # type: ignore[arg-type]
    assert veld in fout.value.message_dict
    assert not Tarief.objects.exists()


@pytest.mark.django_db
def test_leges_alleen_door_beheerder(beheerder: Medewerker, griffier: Medewerker) -> None:
    product = _aanmaken(beheerder)
    with pytest.raises(PermissionDenied):
        tarief_vastleggen(product=product, jaar=2026, omschrijving="A", bedrag=Decimal("1"), door=griffier)
    tarief = tarief_vastleggen(
        product=product, jaar=2026, omschrijving="A", bedrag=Decimal("1"), door=beheerder
    )
    with pytest.raises(PermissionDenied):
        tarief_verwijderen(tarief=tarief, door=griffier)
    tarief_verwijderen(tarief=tarief, door=beheerder)
    assert not Tarief.objects.exists()
