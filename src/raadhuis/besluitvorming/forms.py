"""Forms of the griffie's back office; they check shape and give the first answer, the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models import Agendapunt, Persoon, Stuk, Vergadering
from raadhuis.besluitvorming.services.vergaderingen import NIET_BESLOTEN_ONDERWERPEN, art24_melding
from raadhuis.core.forms import DatumInvoer, RaadhuisForm, RaadhuisModelForm


class TijdstipInvoer(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


class VergaderingForm(RaadhuisModelForm):
    class Meta:
        model = Vergadering
        fields = ("orgaan", "titel", "begin", "einde", "locatie", "besloten", "aanleiding")
        widgets = {"begin": TijdstipInvoer(), "einde": TijdstipInvoer()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A meeting stays with its body; moving items is how work changes body.
            del self.fields["orgaan"]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        begin, einde = gegevens.get("begin"), gegevens.get("einde")
        if begin and einde and einde < begin:
            self.add_error("einde", _("Het einde ligt vóór het begin."))
        return gegevens


class AgendapuntForm(RaadhuisModelForm):
    class Meta:
        model = Agendapunt
        fields = (
            "titel",
            "kenmerk",
            "omschrijving",
            "onderwerp",
            "hamerstuk",
            "besloten",
            "portefeuillehouder",
        )
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["onderwerp"].help_text = _(
            "Begroting, jaarrekening, belastingen, toelating van leden en wethouders worden altijd in het "
            "openbaar behandeld (Gemeentewet art. 24)."
        )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if gegevens.get("besloten") and gegevens.get("onderwerp") in NIET_BESLOTEN_ONDERWERPEN:
            # Said here, next to the field, before the database constraint would refuse it.
            self.add_error("besloten", art24_melding(gegevens["onderwerp"]))
        return gegevens


class StukForm(RaadhuisModelForm):
    bestand = forms.FileField(
        label=_("Bestand"),
        required=False,
        help_text=_("PDF of een kantoordocument (Word, Excel, PowerPoint, OpenDocument), hoogstens 50 MB."),
    )

    class Meta:
        model = Stuk
        fields = ("soort", "titel", "kenmerk", "datum", "openbaarheid", "geheim_tot_bekrachtiging")
        widgets = {"datum": DatumInvoer()}

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if (
            gegevens.get("geheim_tot_bekrachtiging")
            and gegevens.get("openbaarheid") != Stuk.Openbaarheid.GEHEIM
        ):
            self.add_error(
                "geheim_tot_bekrachtiging",
                _("Alleen bij een geheim stuk kan de geheimhouding worden bekrachtigd."),
            )
        return gegevens


class PresentielijstForm(RaadhuisForm):
    aanwezigen = forms.ModelMultipleChoiceField(
        label=_("Aanwezig"),
        queryset=Persoon.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, personen: QuerySet[Persoon], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["aanwezigen"]
        if isinstance(veld, forms.ModelMultipleChoiceField):
            veld.queryset = personen


class NaarVergaderingForm(RaadhuisForm):
    vergadering = forms.ModelChoiceField(label=_("Naar vergadering"), queryset=Vergadering.objects.none())

    def __init__(self, *args: Any, vergaderingen: QuerySet[Vergadering], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["vergadering"]
        if isinstance(veld, forms.ModelChoiceField):
            veld.queryset = vergaderingen


class VervolgForm(RaadhuisForm):
    begin = forms.DateTimeField(
        label=_("Begin van de nieuwe vergadering"),
        help_text=_("Ten minste 24 uur na de oproep (Gemeentewet art. 20 lid 2)."),
        widget=TijdstipInvoer(),
    )
