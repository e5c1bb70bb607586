"""Forms of the raadsvragen pages; they read the input's shape, services.raadsvragen judges it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models import (
    Agendapunt,
    Fractie,
    Persoon,
    Raadsvraag,
    Toezegging,
    Vergadering,
)
from raadhuis.besluitvorming.models.raadsvragen import EENHEDEN
from raadhuis.core.forms import DatumInvoer, RaadhuisForm

# "1. ", "2) ", "Vraag 3: " at the start of a question: the number is given by the order.
_NUMMER = re.compile(r"^\s*(?:vraag\s*)?\d{1,2}\s*[.):]\s*", re.IGNORECASE)


def vragen_uit_tekst(tekst: str) -> list[str]:
    """The questions in a text area: one per paragraph (separated by an empty line), numbering removed."""
    alineas = re.split(r"\n\s*\n", tekst.replace("\r\n", "\n"))
    return [_NUMMER.sub("", alinea).strip() for alinea in alineas if alinea.strip()]


def _keuzes(form: forms.Form, veld: str, queryset: QuerySet[Any]) -> None:
    gevonden = form.fields[veld]
    if isinstance(gevonden, forms.ModelChoiceField):
        gevonden.queryset = queryset


class RaadsvraagForm(RaadhuisForm):
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=300)
    inleiding = forms.CharField(
        label=_("Inleiding"),
        help_text=_("De aanleiding van de vragen (optioneel)."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20000,
        required=False,
    )
    vragen = forms.CharField(
        label=_("Vragen"),
        help_text=_(
            "Eén vraag per alinea; laat een witregel tussen twee vragen. De nummering volgt vanzelf."
        ),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=50000,
    )
    indieners = forms.ModelMultipleChoiceField(
        label=_("Indieners"),
        help_text=_("Raadsleden die de vragen stellen; de eerste in de lijst is de eerste indiener."),
        queryset=Persoon.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één raadslid.")},
    )
    ingediend_op = forms.DateField(
        label=_("Ingediend op"),
        help_text=_("Alleen invullen als de griffie de vragen later registreert dan zij binnenkwamen."),
        widget=DatumInvoer(),
        required=False,
    )

    def __init__(self, *args: Any, raadsleden: Sequence[Persoon], griffie: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keuzes(self, "indieners", Persoon.objects.filter(pk__in=[p.pk for p in raadsleden]))
        if not griffie:
            del self.fields["ingediend_op"]

    def vragenlijst(self) -> list[str]:
        return vragen_uit_tekst(self.cleaned_data["vragen"])


class AgendapuntenKeuze(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.vergadering.titel}: {obj.titel}"


class ToewijzenForm(RaadhuisForm):
    portefeuillehouder = forms.ModelChoiceField(
        label=_("Portefeuillehouder"),
        queryset=Persoon.objects.none(),
        error_messages={"required": _("Kies de wethouder of burgemeester die antwoordt.")},
    )
    agendapunten = AgendapuntenKeuze(
        label=_("Gekoppelde agendapunten"), queryset=Agendapunt.objects.none(), required=False
    )
    toezeggingen = forms.ModelMultipleChoiceField(
        label=_("Gekoppelde toezeggingen"), queryset=Toezegging.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        collegeleden: Sequence[Persoon],
        agendapunten: Sequence[Agendapunt],
        toezeggingen: Sequence[Toezegging],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        _keuzes(self, "portefeuillehouder", Persoon.objects.filter(pk__in=[p.pk for p in collegeleden]))
        _keuzes(
            self,
            "agendapunten",
            Agendapunt.objects.filter(pk__in=[a.pk for a in agendapunten]).select_related("vergadering"),
        )
        _keuzes(
            self,
            "toezeggingen",
            Toezegging.objects.filter(pk__in=[t.pk for t in toezeggingen]),
        )


class ToezeggingUitAntwoordForm(RaadhuisForm):
    vergadering = forms.ModelChoiceField(
        label=_("Vergadering"),
        help_text=_("De vergadering waarin het antwoord bij de raad ter kennis komt."),
        queryset=Vergadering.objects.none(),
    )
    tekst = forms.CharField(label=_("Toezegging"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    uiterste_datum = forms.DateField(label=_("Uiterste datum"), widget=DatumInvoer())

    def __init__(self, *args: Any, vergaderingen: Sequence[Vergadering], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keuzes(self, "vergadering", Vergadering.objects.filter(pk__in=[v.pk for v in vergaderingen]))


class UitstelForm(RaadhuisForm):
    aantal = forms.IntegerField(label=_("Uitstel"), min_value=1, max_value=365)
    eenheid = forms.ChoiceField(label=_("Eenheid"), choices=EENHEDEN, initial="dagen")
    reden = forms.CharField(label=_("Reden"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class AntwoordForm(RaadhuisForm):
    tekst = forms.CharField(
        label=_("Antwoord"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=100000,
        required=False,
    )
    beantwoord_op = forms.DateField(
        label=_("Verzonden op"),
        help_text=_("Leeg laten als het antwoord vandaag wordt verzonden."),
        widget=DatumInvoer(),
        required=False,
    )


class RegelingForm(RaadhuisForm):
    antwoordtermijn = forms.IntegerField(label=_("Antwoordtermijn"), min_value=1, max_value=365)
    eenheid = forms.ChoiceField(label=_("Eenheid"), choices=EENHEDEN)
    grondslag = forms.CharField(label=_("Grondslag (artikel Reglement van Orde)"), max_length=200)


class RaadsvragenfilterForm(RaadhuisForm):
    zoekterm = forms.CharField(label=_("Zoeken"), max_length=200, required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    alleen_te_laat = forms.BooleanField(label=_("Alleen te laat"), required=False)
    portefeuillehouder = forms.ModelChoiceField(
        label=_("Portefeuillehouder"), queryset=Persoon.objects.none(), required=False
    )
    fractie = forms.ModelChoiceField(label=_("Fractie"), queryset=Fractie.objects.none(), required=False)

    def __init__(
        self,
        *args: Any,
        portefeuillehouders: QuerySet[Persoon],
        fracties: QuerySet[Fractie],
        met_concepten: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        statussen = [
            (str(waarde), str(label))
            for waarde, label in Raadsvraag.Status.choices
            if met_concepten or waarde != Raadsvraag.Status.CONCEPT
        ]
        veld = self.fields["status"]
        if isinstance(veld, forms.ChoiceField):
            veld.choices = [("", _("Alle")), *statussen]
        _keuzes(self, "portefeuillehouder", portefeuillehouders)
        _keuzes(self, "fractie", fracties)
