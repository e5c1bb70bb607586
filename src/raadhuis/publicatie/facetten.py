"""The facets of the public search (issue 10 point 4): what each published document is filed
under in the search index, and the Dutch label of every value. Values are the short codes of the
official lists (the last segment of a TOOI URI, "c_3baef532"), so a filtered search has a short,
stable URL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from raadhuis.core import tooi
from raadhuis.publicatie import waardelijsten
from raadhuis.publicatie.models import Publicatie, Publicatiedocument

CATEGORIE = "categorie"
DOCUMENTSOORT = "documentsoort"
ORGANISATIE = "organisatie"
JAAR = "jaar"
THEMA = "thema"


@dataclass(frozen=True)
class Facet:
    naam: str
    label: str | Promise


# In the order the search page shows them.
FACETTEN = (
    Facet(CATEGORIE, _("Informatiecategorie")),
    Facet(DOCUMENTSOORT, _("Documentsoort")),
    Facet(ORGANISATIE, _("Organisatie")),
    Facet(JAAR, _("Jaar")),
    Facet(THEMA, _("Thema")),
)
NAMEN = tuple(facet.naam for facet in FACETTEN)
# The facets whose values come from an official value list (TOOI, DiWoo).
LIJSTEN = (CATEGORIE, DOCUMENTSOORT, THEMA)


def code(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


@cache
def _per_code(naam: str) -> dict[str, str]:
    """Label by short code of the facet's official list (which waardelijsten reads once). Made
    once: a search page asks a label for each of its hundreds of facet values."""
    lijst = {
        CATEGORIE: waardelijsten.informatiecategorieen,
        DOCUMENTSOORT: waardelijsten.documentsoorten,
        THEMA: waardelijsten.themas,
    }[naam]()
    return {code(uri): label for uri, label in lijst.items()}


def documentdatum(publicatie: Publicatie) -> date | None:
    """The date a reader goes by: the last handeling (adopted, signed or received), else the day
    of publication. Expects the handelingen prefetched or few."""
    momenten = [h.tijdstip for h in publicatie.handelingen.all()]
    if momenten:
        return max(momenten).date()
    return publicatie.gepubliceerd_op.date() if publicatie.gepubliceerd_op else None


def kenmerken(
    publicatie: Publicatie, document: Publicatiedocument, datum: date | None
) -> dict[str, list[str]]:
    """The facet values of one published document."""
    return {
        CATEGORIE: [code(uri) for uri in publicatie.informatiecategorieen],
        DOCUMENTSOORT: [code(document.documentsoort)] if document.documentsoort else [],
        ORGANISATIE: [publicatie.publisher],
        JAAR: [str(datum.year)] if datum else [],
        THEMA: [code(uri) for uri in publicatie.themas],
    }


def label(naam: str, waarde: str) -> str:
    """The Dutch name of a facet value; the value itself when no list knows it."""
    if naam in LIJSTEN:
        return _per_code(naam).get(waarde, waarde)
    if naam == ORGANISATIE:
        organisatie = tooi.organisatie(waarde)
        return organisatie.naam if organisatie else waarde
    return waarde


def geldige_waarden(naam: str) -> set[str] | None:
    """The values a filter may carry (None: any year of four digits)."""
    if naam in LIJSTEN:
        return set(_per_code(naam))
    return None
