"""Forms of uitvoering; they check shape and give the first answer, the services decide."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raadhuis.core.forms import DatumInvoer, RaadhuisForm, RaadhuisModelForm
from raadhuis.uitvoering import bbv
from raadhuis.uitvoering.models import (
    Actie,
    Activiteit,
    Akkoord,
    Ambitie,
    Indicator,
    Opdracht,
    PcMoment,
    Programmadoel,
    Status,
)

TEKSTVAK = forms.Textarea(attrs={"rows": 3})


class AkkoordForm(RaadhuisModelForm):
    class Meta:
        model = Akkoord
        fields = (
            "titel",
            "periode_van",
            "periode_tot",
            "vastgesteld_op",
            "fracties",
            "omschrijving",
            "openbaar",
        )
        widgets = {
            "periode_van": DatumInvoer(),
            "periode_tot": DatumInvoer(),
            "vastgesteld_op": DatumInvoer(),
            "fracties": forms.SelectMultiple(attrs={"size": 9}),
            "omschrijving": TEKSTVAK,
        }


class AmbitieForm(RaadhuisModelForm):
    class Meta:
        model = Ambitie
        fields = ("nummer", "titel", "omschrijving", "openbaar")
        widgets = {"omschrijving": TEKSTVAK}


class OpdrachtForm(RaadhuisModelForm):
    class Meta:
        model = Opdracht
        fields = ("tekst", "uiterlijk", "openbaar")
        widgets = {"tekst": TEKSTVAK, "uiterlijk": DatumInvoer()}


class ProgrammadoelForm(RaadhuisModelForm):
    class Meta:
        model = Programmadoel
        fields = ("programma", "taakveld", "nummer", "titel", "omschrijving", "openbaar")
        widgets = {"omschrijving": TEKSTVAK}
        help_texts = {"taakveld": _("De Iv3-code, bijvoorbeeld 0.1 (Bestuur) of 0.2 (Burgerzaken).")}


class IndicatorForm(RaadhuisModelForm):
    class Meta:
        model = Indicator
        fields = ("naam", "eenheid", "bron", "openbaar")


class ActieForm(RaadhuisModelForm):
    class Meta:
        model = Actie
        fields = (
            "titel", "omschrijving", "portefeuillehouder", "team", "begin", "einde",
            "opdrachten", "moties", "toezeggingen", "openbaar",
        )  # fmt: skip
        widgets = {"omschrijving": TEKSTVAK, "begin": DatumInvoer(), "einde": DatumInvoer()}

    def __init__(self, *args: Any, ambitie: Ambitie, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        opdrachten = self.fields["opdrachten"]
        if isinstance(opdrachten, forms.ModelMultipleChoiceField):
            opdrachten.queryset = Opdracht.objects.filter(ambitie__akkoord_id=ambitie.akkoord_id)


class ActiviteitForm(RaadhuisModelForm):
    """An activity with a budget field per year of its action's period (the meerjarenraming)."""

    class Meta:
        model = Activiteit
        fields = ("titel", "omschrijving", "portefeuillehouder", "team", "begin", "einde", "openbaar")
        widgets = {"omschrijving": TEKSTVAK, "begin": DatumInvoer(), "einde": DatumInvoer()}

    def __init__(self, *args: Any, actie: Actie, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.actie = actie
        bestaand = (
            {post.jaar: post.bedrag for post in self.instance.budgetten.all()} if self.instance.pk else {}
        )
        self.jaren = list(range(actie.begin.year, actie.einde.year + 1))
        for jaar in self.jaren:
            self.fields[f"budget_{jaar}"] = forms.DecimalField(
                label=_("Budget %(jaar)s (euro)") % {"jaar": jaar},
                required=False,
                max_digits=14,
                decimal_places=2,
                initial=bestaand.get(jaar),
            )

    def budget(self) -> dict[int, Decimal]:
        return {
            jaar: self.cleaned_data[f"budget_{jaar}"]
            for jaar in self.jaren
            if self.cleaned_data.get(f"budget_{jaar}") is not None
        }


class VoortgangForm(RaadhuisForm):
    moment = forms.ChoiceField(label=_("P&C-moment"), choices=PcMoment.choices)
    jaar = forms.IntegerField(label=_("Begrotingsjaar"), min_value=2000, max_value=2100)
    datum = forms.DateField(label=_("Datum"), widget=DatumInvoer())
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    toelichting = forms.CharField(label=_("Toelichting"), widget=TEKSTVAK)
    besteed = forms.DecimalField(
        label=_("Besteed in dit jaar (euro)"), required=False, max_digits=14, decimal_places=2,
        help_text=_("Het bedrag dat tot deze datum in het begrotingsjaar is uitgegeven."),
    )  # fmt: skip
    openbaar = forms.BooleanField(label=_("Openbaar"), required=False, initial=True)

    def __init__(self, *args: Any, indicatoren: list[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicatoren = indicatoren
        for indicator in indicatoren:
            self.fields[f"meting_{indicator.pk}"] = forms.DecimalField(
                label=_("Realisatie %(naam)s (%(eenheid)s)")
                % {"naam": indicator.naam, "eenheid": indicator.eenheid},
                required=False,
                max_digits=14,
                decimal_places=2,
            )

    def metingen(self) -> dict[Indicator, Decimal]:
        return {
            indicator: self.cleaned_data[f"meting_{indicator.pk}"]
            for indicator in self.indicatoren
            if self.cleaned_data.get(f"meting_{indicator.pk}") is not None
        }


class KengetalForm(RaadhuisForm):
    soort = forms.ChoiceField(label=_("Indicator"), choices=bbv.Soort.choices)
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    teller = forms.DecimalField(label=_("Teller"), max_digits=16, decimal_places=2)
    noemer = forms.DecimalField(label=_("Noemer"), max_digits=16, decimal_places=2)
    peildatum = forms.DateField(label=_("Peildatum"), widget=DatumInvoer())
    bron = forms.CharField(label=_("Bron"), max_length=300)
    demo = forms.BooleanField(label=_("Demogegevens"), required=False)


class HoofdstukForm(RaadhuisForm):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    soort = forms.ChoiceField(
        label=_("Soort"), choices=(("jaarverslag", _("Jaarverslag")), ("begroting", _("Begroting")))
    )


class PeildatumForm(RaadhuisForm):
    peildatum = forms.DateField(label=_("Peildatum"), widget=DatumInvoer())


class StukForm(RaadhuisForm):
    """Which agenda item of which council meeting discusses the mid-term review."""

    peildatum = forms.DateField(label=_("Peildatum"), widget=DatumInvoer())
    agendapunt = forms.TypedChoiceField(label=_("Agendapunt"), coerce=int)

    def __init__(self, *args: Any, agendapunten: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["agendapunt"]
        if isinstance(veld, forms.TypedChoiceField):
            veld.choices = agendapunten
