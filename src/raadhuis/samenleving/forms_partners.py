"""Forms of the partners part; they check shape and give the first answer, the services decide."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raadhuis.core.forms import DatumInvoer, RaadhuisForm, RaadhuisModelForm
from raadhuis.publicatie import waardelijsten
from raadhuis.samenleving.models import Contactpersoon, Convenant, Partner, Partnersoort, Subsidieverplichting
from raadhuis.samenleving.selectors.partners import partners_op_naam, programmadoelen
from raadhuis.samenleving.services.partners import (
    CONTACTVELDEN,
    CONVENANTVELDEN,
    PARTNERVELDEN,
    SUBSIDIEVELDEN,
)

Keuzes = list[tuple[Any, Any]]


def doelkeuzes(*, alleen_openbaar: bool = False) -> Keuzes:
    """The programme goals grouped by programme (rendered as groups of checkboxes or an optgroup)."""
    groepen: dict[str, Keuzes] = defaultdict(list)
    for doel in programmadoelen(alleen_openbaar=alleen_openbaar):
        groepen[doel.programma].append((doel.pk, doel.label))
    return list(groepen.items())


def _doelenveld() -> forms.TypedMultipleChoiceField:
    return forms.TypedMultipleChoiceField(
        label=_("Draagt bij aan programmadoelen"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De doelen uit de uitvoeringsagenda waaraan dit bijdraagt."),
    )


class _MetDoelen(RaadhuisModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["doelen"]
        if isinstance(veld, forms.TypedMultipleChoiceField):
            veld.choices = doelkeuzes()
        if self.instance.pk:
            self.initial["doelen"] = list(self.instance.doelen.values_list("pk", flat=True))

    def _post_clean(self) -> None:
        """The service validates the model; the form only checks the shape of the input."""


class PartnerForm(_MetDoelen):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    doelen = _doelenveld()

    class Meta:
        model = Partner
        fields = PARTNERVELDEN
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 4})}


class ContactpersoonForm(RaadhuisModelForm):
    class Meta:
        model = Contactpersoon
        fields = CONTACTVELDEN
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "telefoon": forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
        }

    def _post_clean(self) -> None:
        """The service validates."""


class ConvenantForm(_MetDoelen):
    partners = forms.ModelMultipleChoiceField(
        label=_("Partijen"),
        queryset=partners_op_naam(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("De partners die het convenant met de gemeente sluiten."),
    )
    document = forms.FileField(
        label=_("Ondertekend convenant"),
        required=False,
        help_text=_("PDF of kantoordocument. Bij wijzigen: alleen kiezen om het document te vervangen."),
    )
    doelen = _doelenveld()
    field_order = ("titel", "partners", "onderwerp", "ondertekend_op", "geldig_van", "geldig_tot", "document")

    class Meta:
        model = Convenant
        fields = CONVENANTVELDEN
        widgets = {
            "ondertekend_op": DatumInvoer(),
            "geldig_van": DatumInvoer(),
            "geldig_tot": DatumInvoer(),
            "onderwerp": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["partners"] = list(self.instance.partners.all())


def bedrag_lezen(tekst: str) -> str:
    """An amount in euro as people type it, in any UI language: "12500", "12.500,50", "€ 12 500,50",
    "12500.50" or "12,500.50", as a plain decimal string. A lone dot followed by exactly three digits
    is a thousands separator (Dutch usage); a lone comma is the decimal separator."""
    tekst = tekst.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if "," in tekst and "." in tekst and tekst.rfind(".") > tekst.rfind(","):
        return tekst.replace(",", "")
    if "," in tekst:
        return tekst.replace(".", "").replace(",", ".")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", tekst):
        return tekst.replace(".", "")
    return tekst


class BedragInvoer(forms.TextInput):
    """A text box (not type=number, which refuses a comma in some browsers) read with `bedrag_lezen`."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"inputmode": "decimal", **(attrs or {})})

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        waarde = super().value_from_datadict(data, files, name)
        return bedrag_lezen(waarde) if isinstance(waarde, str) else waarde


class BedragVeld(forms.DecimalField):
    widget = BedragInvoer


class SubsidieForm(_MetDoelen):
    partner = forms.ModelChoiceField(label=_("Partner (ontvanger)"), queryset=partners_op_naam())
    bedrag = BedragVeld(
        label=_("Bedrag (euro)"),
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
        help_text=_("Bijvoorbeeld 12500 of 12.500,50."),
    )
    van_jaar = forms.IntegerField(label=_("Van jaar"), min_value=1901, max_value=2199)
    tot_en_met_jaar = forms.IntegerField(label=_("Tot en met jaar"), min_value=1901, max_value=2199)
    doelen = _doelenveld()

    class Meta:
        model = Subsidieverplichting
        fields = SUBSIDIEVELDEN
        widgets = {"aangegaan_op": DatumInvoer(), "toelichting": forms.Textarea(attrs={"rows": 3})}


class IntrekkenForm(RaadhuisForm):
    reden = forms.ChoiceField(label=_("Reden van intrekken"))
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["reden"]
        if isinstance(veld, forms.ChoiceField):
            veld.choices = list(waardelijsten.redenen_verwijdering().items())


class PartnerZoekForm(RaadhuisForm):
    """The filter of the public list: a word, a kind, a programme goal (GET, works without JavaScript)."""

    q = forms.CharField(label=_("Zoek op naam of omschrijving"), max_length=100, required=False)
    soort = forms.ChoiceField(label=_("Soort organisatie"), required=False)
    doel = forms.TypedChoiceField(
        label=_("Draagt bij aan doel"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        soort = self.fields["soort"]
        if isinstance(soort, forms.ChoiceField):
            soort.choices = [("", _("Alle soorten")), *Partnersoort.choices]
        doel = self.fields["doel"]
        if isinstance(doel, forms.TypedChoiceField):
            doel.choices = [("", _("Alle doelen")), *doelkeuzes(alleen_openbaar=True)]
