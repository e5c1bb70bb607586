"""The assisted intake's start screen: product, channel and applicant; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadhuis.core import bsn as bsn_module
from raadhuis.core.forms import RaadhuisForm
from raadhuis.core.validators import valideer_kvk_nummer
from raadhuis.dienstverlening.models import Kanaal, Product
from raadhuis.dienstverlening.services.intake import ASSISTENTIE_KANALEN


class AssistentieStartForm(RaadhuisForm):
    product = forms.ModelChoiceField(
        label=gettext_lazy("Product"),
        queryset=Product.objects.none(),
        empty_label=gettext_lazy("Kies een product"),
    )
    kanaal = forms.ChoiceField(
        label=gettext_lazy("Kanaal"),
        choices=[(kanaal.value, kanaal.label) for kanaal in Kanaal if kanaal in ASSISTENTIE_KANALEN],
        help_text=gettext_lazy("Hoe de aanvraag binnenkwam: aan de balie, aan de telefoon of per brief."),
    )
    bsn = forms.CharField(
        label=gettext_lazy("Burgerservicenummer van de aanvrager"),
        max_length=11,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=gettext_lazy("Voor een inwoner. Controleer het BSN aan de hand van het identiteitsbewijs."),
    )
    kvk_nummer = forms.CharField(
        label=gettext_lazy("KvK-nummer"),
        max_length=8,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        help_text=gettext_lazy("Voor een onderneming, zoals een uitvaartondernemer."),
    )
    naam = forms.CharField(label=gettext_lazy("Naam van de aanvrager of onderneming"), max_length=200)
    contactpersoon = forms.CharField(
        label=gettext_lazy("Contactpersoon"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Alleen bij een onderneming."),
    )
    emailadres = forms.EmailField(label=gettext_lazy("E-mailadres"), required=False)
    telefoonnummer = forms.CharField(label=gettext_lazy("Telefoonnummer"), max_length=20, required=False)

    def __init__(self, *args: Any, producten: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if producten is not None:
            veld = self.fields["product"]
            if isinstance(veld, forms.ModelChoiceField):
                veld.queryset = producten

    def clean_bsn(self) -> str:
        waarde = str(self.cleaned_data.get("bsn") or "")
        return bsn_module.valideer_bsn(waarde) if waarde.strip() else ""

    def clean_kvk_nummer(self) -> str:
        waarde = str(self.cleaned_data.get("kvk_nummer") or "").replace(" ", "")
        if waarde:
            valideer_kvk_nummer(waarde)
        return waarde

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "bsn" in data and "kvk_nummer" in data and bool(data["bsn"]) == bool(data["kvk_nummer"]):
            self.add_error("bsn", _("Vul een burgerservicenummer of een KvK-nummer in (één van beide)."))
        return data
