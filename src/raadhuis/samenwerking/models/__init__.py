"""Models of samenwerking: the register, the interests in each party, and the Wgr procedures."""

from raadhuis.samenwerking.models.belangen import Jaarcijfers, Paragraaftekst, Risico, Vertegenwoordiging
from raadhuis.samenwerking.models.procedures import Wgrprocedure
from raadhuis.samenwerking.models.register import (
    CATEGORIE_VAN_RECHTSVORM,
    Categorie,
    Deelnemer,
    Document,
    Opdracht,
    Opgave,
    Rechtsvorm,
    Samenwerkingsverband,
    Strategischeagenda,
)

__all__ = [
    "CATEGORIE_VAN_RECHTSVORM",
    "Categorie",
    "Deelnemer",
    "Document",
    "Jaarcijfers",
    "Opdracht",
    "Opgave",
    "Paragraaftekst",
    "Rechtsvorm",
    "Risico",
    "Samenwerkingsverband",
    "Strategischeagenda",
    "Vertegenwoordiging",
    "Wgrprocedure",
]
