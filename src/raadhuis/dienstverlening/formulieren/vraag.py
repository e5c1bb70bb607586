"""Vraag stellen: a subject and the question (no statutory term; the zaaktype's own norm)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from raadhuis.dienstverlening.formulieren.basis import (
    CONTACT,
    Antwoorden,
    Context,
    Definitie,
    Stap,
    StapForm,
    naar_json,
)


class VraagForm(StapForm):
    onderwerp = forms.CharField(label=gettext_lazy("Onderwerp"), max_length=150)
    vraag = forms.CharField(
        label=gettext_lazy("Uw vraag"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )


def omschrijving(antwoorden: Antwoorden, productnaam: str) -> str:
    return str(antwoorden["onderwerp"])


def zaakgegevens(antwoorden: Antwoorden, context: Context) -> dict[str, Any]:
    return naar_json(antwoorden)


DEFINITIE = Definitie(
    stappen=(Stap("vraag", gettext_lazy("Uw vraag"), VraagForm), CONTACT),
    omschrijving=omschrijving,
    zaakgegevens=zaakgegevens,
)
