"""Models of woo: the request and its term (verzoeken), the documents with their assessment and
boxes (documenten), and the decision (besluiten)."""

from raadhuis.woo.models.besluiten import Besluituitkomst, Grondmotivering, WooBesluit
from raadhuis.woo.models.documenten import (
    Beoordelingsstatus,
    Derde,
    Document,
    Documentsoort,
    Herkomst,
    Lakvak,
    Oordeel,
    Vakstatus,
    ZichtbareNaam,
)
from raadhuis.woo.models.verzoeken import (
    AFGESLOTEN_STATUSSEN,
    Herinnering,
    Herinneringssoort,
    Ingebrekestelling,
    Kanaal,
    Kenmerkreeks,
    Opschorting,
    Opschortingssoort,
    Verdaging,
    Verzoekstatus,
    WooVerzoek,
)

__all__ = [
    "AFGESLOTEN_STATUSSEN",
    "Beoordelingsstatus",
    "Besluituitkomst",
    "Derde",
    "Document",
    "Documentsoort",
    "Grondmotivering",
    "Herinnering",
    "Herinneringssoort",
    "Herkomst",
    "Ingebrekestelling",
    "Kanaal",
    "Kenmerkreeks",
    "Lakvak",
    "Oordeel",
    "Opschorting",
    "Opschortingssoort",
    "Vakstatus",
    "Verdaging",
    "Verzoekstatus",
    "WooBesluit",
    "WooVerzoek",
    "ZichtbareNaam",
]
