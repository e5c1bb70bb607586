"""Aangifte overlijden (BW 1 art. 19f and 19h; Wet op de lijkbezorging art. 16 and 17): who died,
where and when, and the funeral; usually done by the uitvaartondernemer with eHerkenning."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadhuis.core import bsn as bsn_module
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
    tijdveld,
)


class OverledeneForm(StapForm):
    overledene_naam = forms.CharField(label=gettext_lazy("Naam van de overledene"), max_length=200)
    overledene_bsn = forms.CharField(
        label=gettext_lazy("Burgerservicenummer van de overledene"),
        max_length=11,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    overledene_geboortedatum = datumveld(gettext_lazy("Geboortedatum van de overledene"))

    def clean_overledene_bsn(self) -> str:
        waarde = str(self.cleaned_data.get("overledene_bsn") or "")
        return bsn_module.valideer_bsn(waarde) if waarde else ""


class OverlijdenForm(StapForm):
    overleden_datum = datumveld(gettext_lazy("Datum van overlijden"))
    overleden_tijd = tijdveld(gettext_lazy("Tijdstip van overlijden"))
    in_deze_gemeente = forms.BooleanField(
        label=gettext_lazy("De persoon is in deze gemeente overleden"),
        required=False,
        help_text=gettext_lazy("U doet aangifte in de gemeente waar het overlijden plaatsvond."),
    )
    plaats = forms.CharField(label=gettext_lazy("Adres of plaats van overlijden"), max_length=200)
    a_verklaring = forms.BooleanField(
        label=gettext_lazy("De A-verklaring van de arts is aanwezig"),
        error_messages={
            "required": gettext_lazy("Zonder A-verklaring van de arts kunt u geen aangifte doen.")
        },
    )
    uitstel_burgemeester = forms.BooleanField(
        label=gettext_lazy("De burgemeester heeft uitstel gegeven voor de begrafenis of crematie"),
        required=False,
    )


def overlijden_regels(antwoorden: Antwoorden, context: Context) -> None:
    regels.overlijden_aangifte_plaats(in_deze_gemeente=bool(antwoorden.get("in_deze_gemeente")))
    regels.overlijden_aangifte_termijn(
        overleden_op=antwoorden["overleden_datum"],
        aangifte_op=context.vandaag,
        uitstel_burgemeester=bool(antwoorden.get("uitstel_burgemeester")),
    )


class UitvaartForm(StapForm):
    soort_uitvaart = forms.ChoiceField(
        label=gettext_lazy("Begraven of cremeren"),
        choices=[("begraven", gettext_lazy("Begraven")), ("cremeren", gettext_lazy("Cremeren"))],
    )
    uitvaart_datum = datumveld(gettext_lazy("Datum van de begrafenis of crematie"))
    uitvaart_tijd = tijdveld(gettext_lazy("Tijdstip van de begrafenis of crematie"))
    uitvaart_plaats = forms.CharField(label=gettext_lazy("Begraafplaats of crematorium"), max_length=200)


def uitvaart_regels(antwoorden: Antwoorden, context: Context) -> None:
    regels.uitvaart_termijn(
        overleden_op=datetime.combine(antwoorden["overleden_datum"], antwoorden["overleden_tijd"]),
        uitvaart_op=datetime.combine(antwoorden["uitvaart_datum"], antwoorden["uitvaart_tijd"]),
        uitstel_burgemeester=bool(antwoorden.get("uitstel_burgemeester")),
    )


def _geboren_voor_overlijden(antwoorden: Antwoorden, context: Context) -> None:
    if antwoorden["overledene_geboortedatum"] > context.vandaag:
        raise ValidationError(
            {"overledene_geboortedatum": _("De geboortedatum kan niet in de toekomst liggen.")}
        )


def omschrijving(antwoorden: Antwoorden, productnaam: str) -> str:
    return _("Aangifte overlijden van %(naam)s") % {"naam": antwoorden["overledene_naam"]}


def zaakgegevens(antwoorden: Antwoorden, context: Context) -> dict[str, Any]:
    gegevens = naar_json(antwoorden)
    gegevens["uiterste_uitvaartdatum"] = regels.uiterste_uitvaartdatum(
        antwoorden["overleden_datum"]
    ).isoformat()
    return gegevens


DEFINITIE = Definitie(
    stappen=(
        Stap("overledene", gettext_lazy("Overledene"), OverledeneForm, _geboren_voor_overlijden),
        Stap("overlijden", gettext_lazy("Overlijden"), OverlijdenForm, overlijden_regels),
        Stap("uitvaart", gettext_lazy("Begrafenis of crematie"), UitvaartForm, uitvaart_regels),
        CONTACT,
    ),
    omschrijving=omschrijving,
    zaakgegevens=zaakgegevens,
)
