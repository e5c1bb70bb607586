"""Rijbewijs aanvragen of verlengen (Wegenverkeerswet 1994 art. 107): online only a renewal."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadhuis.dienstverlening import regels
from raadhuis.dienstverlening.formulieren.basis import (
    CONTACT,
    Antwoorden,
    Context,
    Definitie,
    Stap,
    StapForm,
    datumveld,
    naar_json,
)


class RijbewijsForm(StapForm):
    soort = forms.ChoiceField(
        label=gettext_lazy("Wat wilt u aanvragen?"),
        choices=[
            (regels.Rijbewijsaanvraag.VERLENGEN.value, gettext_lazy("Mijn rijbewijs verlengen")),
            (regels.Rijbewijsaanvraag.EERSTE.value, gettext_lazy("Mijn eerste rijbewijs")),
            (
                regels.Rijbewijsaanvraag.VERVANGEN.value,
                gettext_lazy("Een nieuw rijbewijs na verlies of diefstal"),
            ),
        ],
    )
    geboortedatum = datumveld(gettext_lazy("Uw geboortedatum"))
    groot_rijbewijs = forms.BooleanField(
        label=gettext_lazy("Het gaat (ook) om categorie C of D (vrachtwagen of bus)"), required=False
    )
    spoed = forms.BooleanField(label=gettext_lazy("Ik wil het rijbewijs met spoed"), required=False)


def rijbewijs_regels(antwoorden: Antwoorden, context: Context) -> None:
    regels.rijbewijs_digitaal(soort=regels.Rijbewijsaanvraag(antwoorden["soort"]), digitaal=context.digitaal)
    regels.rijbewijs_minimumleeftijd(geboortedatum=antwoorden["geboortedatum"], aanvraagdatum=context.vandaag)


def omschrijving(antwoorden: Antwoorden, productnaam: str) -> str:
    if antwoorden.get("soort") == regels.Rijbewijsaanvraag.VERLENGEN:
        return _("Verlenging rijbewijs")
    return _("Aanvraag rijbewijs")


def zaakgegevens(antwoorden: Antwoorden, context: Context) -> dict[str, Any]:
    gegevens = naar_json(antwoorden)
    gegevens["geldig_tot"] = regels.rijbewijs_geldig_tot(
        geboortedatum=antwoorden["geboortedatum"],
        afgifte=context.vandaag,
        groot_rijbewijs=bool(antwoorden.get("groot_rijbewijs")),
    ).isoformat()
    return gegevens


DEFINITIE = Definitie(
    stappen=(Stap("rijbewijs", gettext_lazy("Rijbewijs"), RijbewijsForm, rijbewijs_regels), CONTACT),
    omschrijving=omschrijving,
    zaakgegevens=zaakgegevens,
)
