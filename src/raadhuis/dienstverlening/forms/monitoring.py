"""The monitoring dashboard's period choice: the last 30, 90 or 365 days, or a month, quarter or year."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from raadhuis.core.forms import RaadhuisForm
from raadhuis.dienstverlening.periode import Periode

STANDAARD_DAGEN = 90
LAATSTE_DAGEN = {"30": 30, "90": 90, "365": 365}
MAAND, KWARTAAL, JAAR = "maand", "kwartaal", "jaar"


class PeriodeForm(RaadhuisForm):
    """Always bound to the query string; an empty one is the default (the last 90 days)."""

    soort = forms.ChoiceField(
        label=_("Periode"),
        required=False,
        choices=[
            ("30", _("Laatste 30 dagen")),
            ("90", _("Laatste 90 dagen")),
            ("365", _("Laatste 365 dagen")),
            (MAAND, _("Een maand")),
            (KWARTAAL, _("Een kwartaal")),
            (JAAR, _("Een jaar")),
        ],
    )
    jaar = forms.IntegerField(
        label=_("Jaar"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=_("Bij een maand, kwartaal of jaar."),
    )
    maand = forms.TypedChoiceField(
        label=_("Maand"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), *((str(nummer), naam) for nummer, naam in MONTHS.items())],
    )
    kwartaal = forms.TypedChoiceField(
        label=_("Kwartaal"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), *((str(nummer), f"Q{nummer}") for nummer in range(1, 5))],
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        soort = gegevens.get("soort") or str(STANDAARD_DAGEN)
        if soort in (MAAND, KWARTAAL, JAAR) and gegevens.get("jaar") is None and "jaar" not in self.errors:
            self.add_error("jaar", _("Vul het jaar in."))
        if soort == MAAND and gegevens.get("maand") is None and "maand" not in self.errors:
            self.add_error("maand", _("Kies de maand."))
        if soort == KWARTAAL and gegevens.get("kwartaal") is None and "kwartaal" not in self.errors:
            self.add_error("kwartaal", _("Kies het kwartaal."))
        gegevens["soort"] = soort
        return gegevens

    def periode(self, *, vandaag: date | None = None) -> Periode:
        """The chosen period; the default when the form is not valid (the errors show at the fields)."""
        vandaag = vandaag or timezone.localdate()
        if not self.is_valid():
            return Periode.laatste_dagen(STANDAARD_DAGEN, tot=vandaag)
        gegevens = self.cleaned_data
        soort = gegevens["soort"]
        if soort == MAAND:
            return Periode.maand(gegevens["jaar"], gegevens["maand"])
        if soort == KWARTAAL:
            return Periode.kwartaal(gegevens["jaar"], gegevens["kwartaal"])
        if soort == JAAR:
            return Periode.jaar(gegevens["jaar"])
        return Periode.laatste_dagen(LAATSTE_DAGEN[soort], tot=vandaag)
