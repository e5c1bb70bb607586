"""The intake forms, one module per Formulier value: each has its steps (Django forms with the
product rules that apply to them) and maps the answers to the case (omschrijving, `gegevens`)."""

from __future__ import annotations

from raadhuis.dienstverlening.formulieren import (
    huwelijk,
    overlijden,
    reisdocument,
    rijbewijs,
    uittreksel,
    verhuizing,
    vraag,
)
from raadhuis.dienstverlening.formulieren.basis import Antwoorden, Context, Definitie, Stap
from raadhuis.dienstverlening.models import Formulier

DEFINITIES: dict[str, Definitie] = {
    Formulier.VERHUIZING.value: verhuizing.DEFINITIE,
    Formulier.OVERLIJDEN.value: overlijden.DEFINITIE,
    Formulier.HUWELIJK.value: huwelijk.DEFINITIE,
    Formulier.REISDOCUMENT.value: reisdocument.DEFINITIE,
    Formulier.RIJBEWIJS.value: rijbewijs.DEFINITIE,
    Formulier.UITTREKSEL.value: uittreksel.DEFINITIE,
    Formulier.VRAAG.value: vraag.DEFINITIE,
}

# Step names that are pages of their own in the flow, so no form may use them.
GERESERVEERD = frozenset({"samenvatting", "bevestiging", "opgeslagen", "indienen"})


def definitie(formulier: str) -> Definitie | None:
    return DEFINITIES.get(formulier)


__all__ = ["DEFINITIES", "GERESERVEERD", "Antwoorden", "Context", "Definitie", "Stap", "definitie"]
