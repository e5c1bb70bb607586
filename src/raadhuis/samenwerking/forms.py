"""Forms of samenwerking; they check shape and give the first answer, the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.utils.translation import gettext_lazy as _

from raadhuis.core.forms import DatumInvoer, RaadhuisForm, RaadhuisModelForm
from raadhuis.core.selectors import begrotingsprogrammas
from raadhuis.samenwerking.models import (
    Document,
    Jaarcijfers,
    Opdracht,
    Paragraaftekst,
    Risico,
    Samenwerkingsverband,
    Vertegenwoordiging,
    Wgrprocedure,
)
from raadhuis.samenwerking.services.belangen import JAARCIJFERVELDEN, RISICOVELDEN
from raadhuis.samenwerking.services.register import VERBANDVELDEN


def fout_naar_formulier(form: BaseForm, fout: ValidationError) -> None:
    """A service's ValidationError next to the field it names, or above the form."""
    if hasattr(fout, "error_dict"):
        for veld, meldingen in fout.message_dict.items():
            form.add_error(veld if veld in form.fields else None, meldingen)
    else:
        form.add_error(None, fout.messages)


class VerbandForm(RaadhuisModelForm):
    regeling_url = forms.URLField(
        label=_("Regeling (CVDR of statuten)"), required=False, assume_scheme="https"
    )
    programmas = forms.ModelMultipleChoiceField(
        label=_("Begrotingsprogramma's (BBV art. 8 lid 3 onder b)"),
        queryset=begrotingsprogrammas(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Samenwerkingsverband
        fields = VERBANDVELDEN
        widgets = {
            "startdatum": DatumInvoer(),
            "einddatum": DatumInvoer(),
            "openbaar_belang": forms.Textarea(attrs={"rows": 3}),
            "kerntaken": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["programmas"].initial = list(self.instance.programmas.all())

    def _post_clean(self) -> None:
        """The service validates the model; the form only checks the shape of the input."""


class DeelnemerForm(RaadhuisForm):
    tooi_code = forms.CharField(
        label=_("TOOI-code"), max_length=12, help_text=_("Bijvoorbeeld gm1926 voor Pijnacker-Nootdorp.")
    )
    toegetreden_op = forms.DateField(label=_("Toegetreden op"), widget=DatumInvoer())
    uitgetreden_op = forms.DateField(label=_("Uitgetreden op"), widget=DatumInvoer(), required=False)


class VertegenwoordigingForm(RaadhuisModelForm):
    class Meta:
        model = Vertegenwoordiging
        fields = ("bestuursorgaan", "zetel", "persoon", "naam", "functie", "stemgewicht", "begin", "einde")
        widgets = {"begin": DatumInvoer(), "einde": DatumInvoer()}

    def _post_clean(self) -> None:
        """The service checks the rules (one holder per seat at a time)."""


class JaarcijfersForm(RaadhuisModelForm):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=1900, max_value=2100)
    field_order = ("jaar",)

    class Meta:
        model = Jaarcijfers
        fields = tuple(veld for veld in JAARCIJFERVELDEN if veld != "demo")
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 2})}

    def _post_clean(self) -> None:
        """The service checks the year against the party's existence."""


class RisicoForm(RaadhuisModelForm):
    class Meta:
        model = Risico
        fields = RISICOVELDEN
        widgets = {
            "omschrijving": forms.Textarea(attrs={"rows": 2}),
            "beheersmaatregelen": forms.Textarea(attrs={"rows": 2}),
        }

    def _post_clean(self) -> None:
        """The service validates."""


class DocumentForm(RaadhuisModelForm):
    class Meta:
        model = Document
        fields = ("soort", "titel", "jaar", "datum", "bestand")
        widgets = {"datum": DatumInvoer()}

    def _post_clean(self) -> None:
        """The service checks the file by its content."""


class ProcedureForm(RaadhuisModelForm):
    class Meta:
        model = Wgrprocedure
        fields = ("verband", "soort", "jaar", "titel", "ontvangen_op", "ab_vergadering", "concept_zienswijze")
        widgets = {
            "ontvangen_op": DatumInvoer(),
            "ab_vergadering": DatumInvoer(),
            "concept_zienswijze": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["titel"].required = False

    def _post_clean(self) -> None:
        """The service validates."""


class AgenderenForm(RaadhuisForm):
    vergadering = forms.TypedChoiceField(label=_("Raadsvergadering"), coerce=int)
    concept_zienswijze = forms.CharField(
        label=_("Concept-zienswijze"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def __init__(self, *args: Any, vergaderingen: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.vergaderingen = {v.pk: v for v in vergaderingen}
        veld = self.fields["vergadering"]
        if isinstance(veld, forms.TypedChoiceField):
            veld.choices = [(v.pk, f"{v.titel} ({v.begin:%d-%m-%Y})") for v in vergaderingen]


class ParagraaftekstForm(RaadhuisModelForm):
    class Meta:
        model = Paragraaftekst
        fields = ("visie", "beleidsvoornemens")
        widgets = {
            "visie": forms.Textarea(attrs={"rows": 4}),
            "beleidsvoornemens": forms.Textarea(attrs={"rows": 4}),
        }

    def _post_clean(self) -> None:
        """The service validates."""


class DatumForm(RaadhuisForm):
    """The end date of a membership or a mandate."""

    datum = forms.DateField(label=_("Per datum"), widget=DatumInvoer())


class VoortgangForm(RaadhuisForm):
    voortgang = forms.IntegerField(label=_("Voortgang (%)"), min_value=0, max_value=100)
    status = forms.ChoiceField(label=_("Status"), choices=Opdracht.Status.choices)
