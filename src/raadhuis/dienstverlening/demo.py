"""Demo data of dienstverlening: a few products with the level of assurance each needs."""

from __future__ import annotations

from typing import TypedDict

from django.core.management.base import OutputWrapper

from raadhuis.accounts.models import Rol
from raadhuis.accounts.selectors import medewerkers_met_rol
from raadhuis.core.identiteit import Betrouwbaarheidsniveau
from raadhuis.dienstverlening.models import DoelgroepKeuze
from raadhuis.dienstverlening.selectors import catalogus as selectors
from raadhuis.dienstverlening.services import catalogus as services

# The levels follow the national handreiking's reasoning (wdo-en-beveiliging.md section 2): a
# change to the BRP or a legal declaration needs at least substantieel; leaving the country, which
# ends the registration in the municipality, is put at hoog here as the demo's example of that level.


class Demoproduct(TypedDict):
    naam: str
    slug: str
    upl_naam: str
    doelgroep: str
    minimum_niveau: Betrouwbaarheidsniveau
    niveau_toelichting: str


PRODUCTEN: list[Demoproduct] = [
    {
        "naam": "Verhuizing doorgeven",
        "slug": "verhuizing-doorgeven",
        "upl_naam": "verhuismelding",
        "doelgroep": DoelgroepKeuze.INWONER,
        "minimum_niveau": Betrouwbaarheidsniveau.SUBSTANTIEEL,
        "niveau_toelichting": "Uw verhuizing verandert uw adres in de Basisregistratie Personen (BRP). "
        "Daarom moet de gemeente zeker weten dat u het bent.",
    },
    {
        "naam": "Uittreksel BRP aanvragen",
        "slug": "uittreksel-brp",
        "upl_naam": "brp-uittreksel",
        "doelgroep": DoelgroepKeuze.INWONER,
        "minimum_niveau": Betrouwbaarheidsniveau.SUBSTANTIEEL,
        "niveau_toelichting": "Een uittreksel bevat uw persoonsgegevens uit de BRP. "
        "Daarom moet de gemeente zeker weten dat u het bent.",
    },
    {
        "naam": "Vertrek naar het buitenland doorgeven",
        "slug": "vertrek-buitenland",
        "upl_naam": "aangifte vertrek buitenland",
        "doelgroep": DoelgroepKeuze.INWONER,
        "minimum_niveau": Betrouwbaarheidsniveau.HOOG,
        "niveau_toelichting": "Met deze aangifte wordt u uitgeschreven uit de gemeente; dat heeft gevolgen "
        "voor uw toeslagen, zorgverzekering en identiteitsbewijzen. Daarom vraagt de gemeente het "
        "hoogste niveau: DigiD Hoog, waarbij de DigiD-app de chip van uw identiteitsbewijs leest.",
    },
    {
        "naam": "Aangifte overlijden (uitvaartondernemer)",
        "slug": "aangifte-overlijden",
        "upl_naam": "overlijdensaangifte",
        "doelgroep": DoelgroepKeuze.ONDERNEMER,
        "minimum_niveau": Betrouwbaarheidsniveau.SUBSTANTIEEL,
        "niveau_toelichting": "De uitvaartondernemer doet de aangifte namens de nabestaanden en de "
        "gemeente legt het overlijden vast in de BRP. Daarom is eHerkenning niveau EH3 nodig.",
    },
]


def laden(uitvoer: OutputWrapper) -> None:
    beheerder = medewerkers_met_rol(Rol.BEHEERDER).first()
    if beheerder is None:
        uitvoer.write("Producten overgeslagen: er is geen beheerder om ze vast te leggen.")
        return
    nieuw = [
        services.product_aanmaken(door=beheerder, **gegevens).naam
        for gegevens in PRODUCTEN
        if selectors.product_met_slug(gegevens["slug"]) is None
    ]
    if nieuw:
        uitvoer.write(f"Producten: {', '.join(nieuw)}")
