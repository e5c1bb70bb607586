"""The product catalogue's writes: permission, UPL name, level of assurance."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from raadhuis.accounts.models import Medewerker
from raadhuis.core.identiteit import Betrouwbaarheidsniveau
from raadhuis.dienstverlening.models import Product
from raadhuis.dienstverlening.services.catalogus import product_aanmaken, product_bijwerken


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
