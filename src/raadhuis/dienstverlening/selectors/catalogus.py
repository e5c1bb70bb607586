"""Reads of the catalogue: products, zaaktypen, teams."""

from __future__ import annotations

from django.db.models import QuerySet

from raadhuis.dienstverlening.models import Product, Team, Zaaktype


def actieve_producten() -> QuerySet[Product]:
    return Product.objects.filter(actief=True).order_by("naam")


def actief_product(slug: str) -> Product | None:
    return Product.objects.filter(actief=True, slug=slug).first()


def product_met_slug(slug: str) -> Product | None:
    """Active or not; for the catalogue's own bookkeeping (demo data, beheer)."""
    return Product.objects.filter(slug=slug).first()


def team_met_naam(naam: str) -> Team | None:
    return Team.objects.filter(naam=naam).first()


def zaaktype_met_identificatie(identificatie: str) -> Zaaktype | None:
    return Zaaktype.objects.filter(identificatie=identificatie).first()
