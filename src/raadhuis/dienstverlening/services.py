"""Every write of dienstverlening: the product catalogue."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils.text import slugify

from raadhuis.core.identiteit import Betrouwbaarheidsniveau
from raadhuis.core.rechten import vereis
from raadhuis.dienstverlening.models import Product
from raadhuis.dienstverlening.rechten import PRODUCT_BEHEREN


@transaction.atomic
def product_aanmaken(
    *,
    naam: str,
    upl_naam: str,
    doelgroep: str,
    minimum_niveau: Betrouwbaarheidsniveau,
    door: AbstractBaseUser,
    slug: str = "",
    niveau_toelichting: str = "",
    actief: bool = True,
) -> Product:
    """Adds a product with the level of assurance its digital channel needs (Wdo: every digital
    service is classified at an eIDAS level; the municipality chooses it, handreiking per product)."""
    vereis(door, PRODUCT_BEHEREN)
    product = Product(
        naam=naam,
        slug=slug or slugify(naam)[:80],
        upl_naam=upl_naam,
        doelgroep=doelgroep,
        minimum_betrouwbaarheidsniveau=int(minimum_niveau),
        niveau_toelichting=niveau_toelichting,
        actief=actief,
    )
    product.full_clean()
    product.save()
    return product


@transaction.atomic
def product_bijwerken(
    *,
    product: Product,
    door: AbstractBaseUser,
    naam: str | None = None,
    upl_naam: str | None = None,
    doelgroep: str | None = None,
    minimum_niveau: Betrouwbaarheidsniveau | None = None,
    niveau_toelichting: str | None = None,
    actief: bool | None = None,
) -> Product:
    """Changes the given fields only; the slug stays, so links to the product keep working."""
    vereis(door, PRODUCT_BEHEREN)
    wijzigingen = {
        "naam": naam,
        "upl_naam": upl_naam,
        "doelgroep": doelgroep,
        "minimum_betrouwbaarheidsniveau": int(minimum_niveau) if minimum_niveau is not None else None,
        "niveau_toelichting": niveau_toelichting,
        "actief": actief,
    }
    velden = [veld for veld, waarde in wijzigingen.items() if waarde is not None]
    for veld in velden:
        setattr(product, veld, wijzigingen[veld])
    product.full_clean()
    if velden:
        product.save(update_fields=velden)
    return product
