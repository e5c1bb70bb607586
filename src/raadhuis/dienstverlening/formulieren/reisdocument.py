"""Paspoort of identiteitskaart (Paspoortwet art. 26 and 16a): which document, for whom, and the
consent of the gezaghouders for a child. The applicant still comes to the desk for biometrics."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
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


class DocumentForm(StapForm):
    document = forms.ChoiceField(
        label=gettext_lazy("Welk document?"),
        choices=[
            (regels.Reisdocument.PASPOORT.value, gettext_lazy("Paspoort")),
            (regels.Reisdocument.IDENTITEITSKAART.value, gettext_lazy("Identiteitskaart")),
        ],
    )
    houder_naam = forms.CharField(label=gettext_lazy("Naam van de houder"), max_length=200)
    houder_geboortedatum = datumveld(gettext_lazy("Geboortedatum van de houder"))
    spoed = forms.BooleanField(label=gettext_lazy("Ik wil het document met spoed"), required=False)


def document_regels(antwoorden: Antwoorden, context: Context) -> None:
    if antwoorden["houder_geboortedatum"] > context.vandaag:
        raise ValidationError({"houder_geboortedatum": _("De geboortedatum kan niet in de toekomst liggen.")})


class ToestemmingForm(StapForm):
    toestemming_gezaghouders = forms.BooleanField(
        label=gettext_lazy("De gezaghouders geven toestemming voor dit document"),
        required=False,
        help_text=gettext_lazy(
            "Nodig voor een paspoort voor een kind onder 18 jaar en een identiteitskaart voor een kind onder "
            "12 jaar."
        ),
    )
    gezaghouder_naam = forms.CharField(
        label=gettext_lazy("Naam van de gezaghouder die toestemming geeft"), max_length=200, required=False
    )


def toestemming_regels(antwoorden: Antwoorden, context: Context) -> None:
    regels.reisdocument_toestemming(
        soort=regels.Reisdocument(antwoorden["document"]),
        geboortedatum=antwoorden["houder_geboortedatum"],
        aanvraagdatum=context.vandaag,
        toestemming=bool(antwoorden.get("toestemming_gezaghouders")),
    )


def omschrijving(antwoorden: Antwoorden, productnaam: str) -> str:
    if antwoorden.get("document") == regels.Reisdocument.IDENTITEITSKAART:
        return _("Aanvraag identiteitskaart")
    return _("Aanvraag paspoort")


def zaakgegevens(antwoorden: Antwoorden, context: Context) -> dict[str, Any]:
    gegevens = naar_json(antwoorden)
    gegevens["geldig_tot"] = regels.reisdocument_geldig_tot(
        geboortedatum=antwoorden["houder_geboortedatum"], uitgifte=context.vandaag
    ).isoformat()
    return gegevens


DEFINITIE = Definitie(
    stappen=(
        Stap("document", gettext_lazy("Document"), DocumentForm, document_regels),
        Stap("toestemming", gettext_lazy("Toestemming"), ToestemmingForm, toestemming_regels),
        CONTACT,
    ),
    omschrijving=omschrijving,
    zaakgegevens=zaakgegevens,
)
