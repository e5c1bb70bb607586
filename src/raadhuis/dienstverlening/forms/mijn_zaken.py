"""Forms of "Mijn zaken": a message to the municipality and a document for an own case."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from raadhuis.core.forms import RaadhuisForm


class BerichtForm(RaadhuisForm):
    prefix = "bericht"

    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=200)
    tekst = forms.CharField(label=_("Uw bericht"), widget=forms.Textarea(attrs={"rows": 5}))


class DocumentForm(RaadhuisForm):
    prefix = "document"

    titel = forms.CharField(
        label=_("Omschrijving van het document"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld 'Huurcontract'. Leeg: de naam van het bestand."),
    )
    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_("PDF, PNG, JPEG, Word (docx) of OpenDocument (odt), hoogstens 20 MB."),
    )
