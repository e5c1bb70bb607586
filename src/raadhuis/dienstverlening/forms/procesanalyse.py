"""Forms of the workflow analysis: the period (GET) and, on the landing page, the zaaktype."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadhuis.core.forms import DatumInvoer, Keuzelijst, RaadhuisForm
from raadhuis.dienstverlening.models import Zaaktype
from raadhuis.dienstverlening.periode import Periode

STANDAARD_DAGEN = 365
# Longer periods work, but the map of a decade says little about today's process.
MAX_DAGEN = 5 * 366


def standaardperiode() -> Periode:
    """The last year up to today: the demo's year of cases."""
    return Periode.laatste_dagen(STANDAARD_DAGEN)


class PeriodeForm(RaadhuisForm):
    """Always bound to request.GET; both dates optional (the last year by default)."""

    van = forms.DateField(label=_("Van"), required=False, widget=DatumInvoer())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DatumInvoer())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        standaard = standaardperiode()
        self.fields["van"].widget.attrs["placeholder"] = standaard.van.isoformat()
        self.fields["tot"].widget.attrs["placeholder"] = standaard.tot.isoformat()

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if self.errors:
            return gegevens
        standaard = standaardperiode()
        tot: date = gegevens.get("tot") or standaard.tot
        van: date = gegevens.get("van") or (tot - timedelta(days=STANDAARD_DAGEN - 1))
        if tot < van:
            self.add_error("tot", _("De periode eindigt niet voor zij begint."))
        elif (tot - van).days + 1 > MAX_DAGEN:
            self.add_error("van", _("Kies een periode van hoogstens vijf jaar."))
        elif van > timezone.localdate():
            self.add_error("van", _("De periode begint in de toekomst."))
        else:
            gegevens["periode"] = Periode(van=van, tot=tot)
        return gegevens

    def periode(self) -> Periode:
        """The chosen period; call after is_valid()."""
        gekozen = self.cleaned_data.get("periode")
        return gekozen if isinstance(gekozen, Periode) else standaardperiode()


class ProcesanalyseKeuzeForm(PeriodeForm):
    """The landing page: which zaaktype to analyse, over which period."""

    zaaktype = forms.ModelChoiceField(
        label=_("Zaaktype"),
        queryset=Zaaktype.objects.order_by("omschrijving"),
        to_field_name="identificatie",
        required=False,
        empty_label=_("Kies een zaaktype"),
        widget=Keuzelijst,
    )

    field_order = ["zaaktype", "van", "tot"]
