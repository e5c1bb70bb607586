"""Uittreksel BRP aanvragen (Wet BRP): which extract and how many; sent to the BRP address."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
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


class UittrekselForm(StapForm):
    soort_uittreksel = forms.ChoiceField(
        label=gettext_lazy("Welk uittreksel?"),
        choices=[
            ("standaard", gettext_lazy("Uittreksel met naam, geboortedatum en adres")),
            ("historie", gettext_lazy("Uittreksel met eerdere adressen")),
            ("internationaal", gettext_lazy("Meertalig uittreksel voor het buitenland")),
        ],
    )
    aantal = forms.IntegerField(label=gettext_lazy("Aantal"), min_value=1, max_value=5, initial=1)
    doel = forms.CharField(label=gettext_lazy("Waarvoor heeft u het nodig?"), max_length=200, required=False)


def omschrijving(antwoorden: Antwoorden, productnaam: str) -> str:
    return _("Uittreksel BRP")


def zaakgegevens(antwoorden: Antwoorden, context: Context) -> dict[str, Any]:
    return naar_json(antwoorden)


DEFINITIE = Definitie(
    stappen=(Stap("uittreksel", gettext_lazy("Uittreksel"), UittrekselForm), CONTACT),
    omschrijving=omschrijving,
    zaakgegevens=zaakgegevens,
)
