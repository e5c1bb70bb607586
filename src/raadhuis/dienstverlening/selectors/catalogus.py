"""Reads of the catalogue: products, zaaktypen, teams."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from raadhuis.core.replica import leest_van_replica
from raadhuis.dienstverlening.models import DoelgroepKeuze, Product, Tarief, Team, Zaaktype
from raadhuis.dienstverlening.upl import UplProduct, upl


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


@dataclass(frozen=True)
class Doelgroepgroep:
    """The products of one audience, for the public catalogue page."""

    doelgroep: str
    label: str
    producten: list[Product]


# The public catalogue's order: residents first, then services for both, then businesses.
_DOELGROEP_VOLGORDE = (DoelgroepKeuze.INWONER, DoelgroepKeuze.BEIDE, DoelgroepKeuze.ONDERNEMER)


@leest_van_replica
def producten_per_doelgroep() -> list[Doelgroepgroep]:
    """The active products grouped by audience (one query; empty groups left out)."""
    per_doelgroep: dict[str, list[Product]] = {keuze.value: [] for keuze in _DOELGROEP_VOLGORDE}
    for product in actieve_producten():
        per_doelgroep.setdefault(product.doelgroep, []).append(product)
    return [
        Doelgroepgroep(doelgroep=keuze.value, label=str(keuze.label), producten=per_doelgroep[keuze.value])
        for keuze in _DOELGROEP_VOLGORDE
        if per_doelgroep[keuze.value]
    ]


@leest_van_replica
def publiek_product(slug: str, *, jaar: int) -> Product | None:
    """An active product for its public page, with its zaaktype and the leges of ``jaar`` prefetched
    as ``tarieven_van_jaar`` (two queries)."""
    return (
        Product.objects.filter(actief=True, slug=slug)
        .select_related("zaaktype")
        .prefetch_related(
            Prefetch(
                "tarieven",
                queryset=Tarief.objects.filter(jaar=jaar).order_by("omschrijving"),
                to_attr="tarieven_van_jaar",
            )
        )
        .first()
    )


def alle_producten() -> QuerySet[Product]:
    """Every product, active or not, for the Werkplek's list (one query, with the zaaktype)."""
    return Product.objects.select_related("zaaktype").order_by("naam")


def product_voor_beheer(pk: int) -> Product | None:
    """A product with all its leges, newest year first, for the Werkplek's edit page."""
    return (
        Product.objects.filter(pk=pk)
        .select_related("zaaktype")
        .prefetch_related(
            Prefetch(
                "tarieven", queryset=Tarief.objects.order_by("-jaar", "omschrijving"), to_attr="alle_tarieven"
            )
        )
        .first()
    )


def zaaktypen() -> QuerySet[Zaaktype]:
    """Active zaaktypen for the product form's choice."""
    return Zaaktype.objects.filter(actief=True).order_by("omschrijving")


def zaaktypen_met_normen() -> QuerySet[Zaaktype]:
    """Every zaaktype with its statustypen (in order, with their norms), resultaattypen, roltypen,
    team and the products that start it: five queries whatever the number of zaaktypen."""
    return (
        Zaaktype.objects.select_related("team")
        .prefetch_related("statustypen", "resultaattypen", "roltypen", "producten")
        .order_by("omschrijving")
    )


def gemeentelijke_upl_producten() -> list[UplProduct]:
    """The UPL names a municipality provides, by name, for the product form's suggestions."""
    return sorted((product for product in upl().values() if product.gemeente), key=lambda p: p.naam.lower())
