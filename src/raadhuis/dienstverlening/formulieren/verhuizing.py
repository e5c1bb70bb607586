"""Verhuizing doorgeven (Wet BRP art. 2.39): the move date, the new address, who moves along."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadhuis.core.termijnen import datum_nl
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

POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")


class VerhuizingForm(StapForm):
    verhuisdatum = datumveld(
        gettext_lazy("Verhuisdatum"),
        help_text=gettext_lazy(
            "De dag waarop u op het nieuwe adres gaat wonen. U kunt de verhuizing doorgeven vanaf 4 weken "
            "voor tot uiterlijk 5 dagen na deze datum."
        ),
    )
    herkomst = forms.ChoiceField(
        label=gettext_lazy("Waar woont u nu?"),
        choices=[
            ("binnen", gettext_lazy("In deze gemeente")),
            ("andere_gemeente", gettext_lazy("In een andere gemeente in Nederland")),
            ("buitenland", gettext_lazy("In het buitenland")),
        ],
    )


def verhuizing_regels(antwoorden: Antwoorden, context: Context) -> None:
    regels.verhuizing_melden(verhuisdatum=antwoorden["verhuisdatum"], meldingsdatum=context.vandaag)


class AdresForm(StapForm):
    postcode = forms.CharField(label=gettext_lazy("Postcode"), max_length=7)
    huisnummer = forms.IntegerField(label=gettext_lazy("Huisnummer"), min_value=1, max_value=99999)
    huisnummertoevoeging = forms.CharField(label=gettext_lazy("Toevoeging"), max_length=6, required=False)
    straat = forms.CharField(label=gettext_lazy("Straat"), max_length=120)
    woonplaats = forms.CharField(label=gettext_lazy("Woonplaats"), max_length=80)
    inwonen = forms.BooleanField(
        label=gettext_lazy("Ik ga inwonen bij iemand die al op dit adres woont"), required=False
    )
    hoofdbewoner = forms.CharField(
        label=gettext_lazy("Naam van de hoofdbewoner"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Alleen als u gaat inwonen."),
    )
    toestemming_hoofdbewoner = forms.BooleanField(
        label=gettext_lazy("De hoofdbewoner geeft toestemming voor mijn inschrijving op dit adres"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["postcode"].widget.attrs["autocomplete"] = "postal-code"
        self.fields["straat"].widget.attrs["autocomplete"] = "address-line1"
        self.fields["woonplaats"].widget.attrs["autocomplete"] = "address-level2"

    def clean_postcode(self) -> str:
        postcode = str(self.cleaned_data["postcode"]).strip().upper()
        if not POSTCODE.match(postcode):
            raise ValidationError(_("Vul een postcode in als 1234 AB."))
        return f"{postcode[:4]} {postcode[-2:]}"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("inwonen"):
            if not data.get("hoofdbewoner"):
                self.add_error("hoofdbewoner", _("Vul de naam van de hoofdbewoner in."))
            if not data.get("toestemming_hoofdbewoner"):
                self.add_error(
                    "toestemming_hoofdbewoner",
                    _("Als u gaat inwonen, geeft de hoofdbewoner toestemming voor uw inschrijving."),
                )
        return data


class MeeverhuizersForm(StapForm):
    meeverhuizers = forms.CharField(
        label=gettext_lazy("Wie verhuist er met u mee?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Naam en geboortedatum van uw partner en kinderen die meeverhuizen, één persoon per regel. "
            "Leeg als u alleen verhuist."
        ),
    )


def omschrijving(antwoorden: Antwoorden, productnaam: str) -> str:
    return _("Verhuizing per %(datum)s") % {"datum": datum_nl(antwoorden["verhuisdatum"])}


def zaakgegevens(antwoorden: Antwoorden, context: Context) -> dict[str, Any]:
    ingang = regels.verhuizing_melden(verhuisdatum=antwoorden["verhuisdatum"], meldingsdatum=context.vandaag)
    gegevens = naar_json(antwoorden)
    gegevens["ingangsdatum_brp"] = ingang.isoformat()
    gegevens["te_laat_gemeld"] = regels.verhuizing_te_laat(
        verhuisdatum=antwoorden["verhuisdatum"], meldingsdatum=context.vandaag
    )
    return gegevens


def waarschuwingen(antwoorden: Antwoorden, context: Context) -> list[str]:
    """Wet BRP art. 2.39: reported late, the report date becomes the move date; say so on the summary."""
    if "verhuisdatum" in antwoorden and regels.verhuizing_te_laat(
        verhuisdatum=antwoorden["verhuisdatum"], meldingsdatum=context.vandaag
    ):
        return [
            _(
                "U geeft uw verhuizing later dan 5 dagen na de verhuisdatum door. De gemeente schrijft u "
                "daarom in per vandaag, %(datum)s (Wet BRP art. 2.39)."
            )
            % {"datum": datum_nl(context.vandaag)}
        ]
    return []


DEFINITIE = Definitie(
    stappen=(
        Stap("verhuizing", gettext_lazy("Verhuisdatum"), VerhuizingForm, verhuizing_regels),
        Stap("adres", gettext_lazy("Nieuw adres"), AdresForm),
        Stap("meeverhuizers", gettext_lazy("Meeverhuizers"), MeeverhuizersForm),
        CONTACT,
    ),
    omschrijving=omschrijving,
    zaakgegevens=zaakgegevens,
    waarschuwingen=waarschuwingen,
)
