"""Models of uitvoering: the chain from akkoord to activiteit, progress, BBV figures, reviews."""

from raadhuis.uitvoering.models.agenda import Actie, Activiteit, Budget, Indicatormeting, Voortgangsupdate
from raadhuis.uitvoering.models.akkoord import (
    Akkoord,
    Ambitie,
    Indicator,
    Opdracht,
    Programmadoel,
    Streefwaarde,
)
from raadhuis.uitvoering.models.keuzes import GESLOTEN, PcMoment, Status
from raadhuis.uitvoering.models.verantwoording import Kengetal, MidTermReview

__all__ = [
    "GESLOTEN",
    "Actie",
    "Activiteit",
    "Akkoord",
    "Ambitie",
    "Budget",
    "Indicator",
    "Indicatormeting",
    "Kengetal",
    "MidTermReview",
    "Opdracht",
    "PcMoment",
    "Programmadoel",
    "Status",
    "Streefwaarde",
    "Voortgangsupdate",
]
