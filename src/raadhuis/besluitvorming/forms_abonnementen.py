"""The public form to subscribe to notifications of new agendas and besluitenlijsten."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models import Orgaan
from raadhuis.core.forms import RaadhuisForm


class AbonnementForm(RaadhuisForm):
    emailadres = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    orgaan = forms.ModelChoiceField(
        label=_("Over welk orgaan?"),
        queryset=Orgaan.objects.none(),
        required=False,
        empty_label=_("Alle organen (raad, commissies en college)"),
    )
    agendas = forms.BooleanField(label=_("Nieuwe agenda's"), required=False, initial=True)
    besluiten = forms.BooleanField(label=_("Vastgestelde besluitenlijsten"), required=False, initial=True)
    raadsvragen = forms.BooleanField(
        label=_("Nieuwe raadsvragen en de antwoorden van het college"), required=False, initial=False
    )

    def __init__(self, *args: Any, organen: QuerySet[Orgaan], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["orgaan"].queryset = organen  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if not (gegevens.get("agendas") or gegevens.get("besluiten") or gegevens.get("raadsvragen")):
            self.add_error(
                "agendas", _("Kies nieuwe agenda's, besluitenlijsten, raadsvragen of een combinatie.")
            )
        return gegevens
