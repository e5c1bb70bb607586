"""Forms of inspreken: the public request form and the griffie's decision forms. They check shape;
services.inspreken checks the rules (closing time, besloten items, the Reglement van Orde)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models import Agendapunt, Inspreekregeling
from raadhuis.core.forms import Deelformulier, RaadhuisForm
from raadhuis.core.validators import valideer_kvk_nummer

VRIJ = "vrij"


class AgendapuntKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class SpreekverzoekForm(RaadhuisForm):
    agendapunt = forms.ChoiceField(
        label=_("Over welk agendapunt wilt u inspreken?"),
        error_messages={
            "required": _("Kies het agendapunt waarover u wilt inspreken."),
            "invalid_choice": _("Kies een agendapunt van deze vergadering."),
        },
    )
    onderwerp = forms.CharField(
        label=_("Eigen onderwerp"),
        max_length=200,
        required=False,
        help_text=_("Alleen als u kiest voor een onderwerp dat niet op de agenda staat."),
    )
    naam = forms.CharField(
        label=_("Naam"),
        max_length=200,
        error_messages={"required": _("Vul uw naam in.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisatie = forms.CharField(
        label=_("Namens organisatie"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    kvk_nummer = forms.CharField(
        label=_("KvK-nummer van de organisatie"),
        max_length=8,
        required=False,
        validators=[valideer_kvk_nummer],
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    emailadres = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Hierheen sturen wij de bevestiging en het besluit over uw aanmelding."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    telefoonnummer = forms.RegexField(
        label=_("Telefoonnummer"),
        regex=r"^\+?[0-9 ()-]{10,20}$",
        max_length=20,
        required=False,
        help_text=_("Alleen als de griffie u snel moet kunnen bereiken, bijvoorbeeld bij een wijziging."),
        error_messages={
            "invalid": _("Vul een telefoonnummer in van 10 cijfers, bijvoorbeeld 015 123 45 67.")
        },
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    samenvatting = forms.CharField(
        label=_("Waarover wilt u inspreken?"),
        max_length=1000,
        help_text=_("Kort, in hoogstens 1000 tekens. De leden krijgen dit vooraf te lezen."),
        error_messages={"required": _("Schrijf in het kort waarover u wilt inspreken.")},
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    naam_publiceren = forms.BooleanField(
        label=_("Mijn naam mag op de openbare agenda op de website staan"),
        required=False,
        help_text=_("Zonder uw toestemming staat daar alleen 'een inspreker'."),
    )
    akkoord = forms.BooleanField(
        label=_("Ik heb gelezen wat de gemeente met mijn gegevens doet"),
        error_messages={"required": _("Geef aan dat u weet wat wij met uw gegevens doen.")},
    )

    def __init__(
        self, *args: Any, agendapunten: QuerySet[Agendapunt], vrij_onderwerp: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        keuzes: list[tuple[str, str]] = [("", str(_("Kies een agendapunt")))]
        keuzes += [(str(punt.pk), str(punt)) for punt in agendapunten]
        if vrij_onderwerp:
            keuzes.append((VRIJ, str(_("Een onderwerp dat niet op de agenda staat"))))
        else:
            del self.fields["onderwerp"]
        self.fields["agendapunt"].choices = keuzes  # type: ignore[attr-defined]
        self._agendapunten = {str(punt.pk): punt for punt in agendapunten}

    @property
    def velden_tekst(self) -> Deelformulier:
        """Every field but the two checkboxes, which the template lays out itself."""
        return Deelformulier(
            self, *(naam for naam in self.fields if naam not in ("naam_publiceren", "akkoord"))
        )

    def gekozen_agendapunt(self) -> Agendapunt | None:
        return self._agendapunten.get(self.cleaned_data.get("agendapunt") or "")

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        keuze = gegevens.get("agendapunt")
        onderwerp = (gegevens.get("onderwerp") or "").strip()
        if keuze == VRIJ and not onderwerp:
            self.add_error("onderwerp", _("Vul het onderwerp in waarover u wilt inspreken."))
        if keuze and keuze != VRIJ and onderwerp:
            self.add_error("onderwerp", _("Kies een agendapunt of vul een eigen onderwerp in, niet allebei."))
        if gegevens.get("kvk_nummer") and not gegevens.get("organisatie"):
            self.add_error("organisatie", _("Vul de naam van de organisatie in bij het KvK-nummer."))
        return gegevens


class ToelatenForm(RaadhuisForm):
    volgorde = forms.IntegerField(
        label=_("Volgorde"),
        min_value=1,
        max_value=99,
        required=False,
        help_text=_("Leeg: na de insprekers die al zijn toegelaten."),
        error_messages={"invalid": _("Vul een geheel getal in."), "min_value": _("Vul 1 of hoger in.")},
    )
    spreektijd = forms.IntegerField(
        label=_("Spreektijd in minuten"),
        min_value=1,
        max_value=30,
        required=False,
        error_messages={
            "invalid": _("Vul een geheel getal in."),
            "min_value": _("Vul 1 of hoger in."),
            "max_value": _("Hoogstens 30 minuten."),
        },
    )


class VolgordeForm(ToelatenForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for naam in ("volgorde", "spreektijd"):
            self.fields[naam].required = True
            self.fields[naam].error_messages["required"] = _("Vul dit in.")
        self.fields["volgorde"].help_text = ""


class AfwijzenForm(RaadhuisForm):
    reden = forms.CharField(
        label=_("Reden van afwijzing"),
        max_length=1000,
        help_text=_("De aanvrager krijgt deze reden per e-mail."),
        error_messages={"required": _("Vul de reden van de afwijzing in; die krijgt de aanvrager te lezen.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InspreekregelingForm(RaadhuisForm):
    toegestaan = forms.BooleanField(label=_("Inspreken is toegestaan"), required=False)
    sluiting = forms.ChoiceField(label=_("Aanmelden sluit"), choices=Inspreekregeling.Sluiting.choices)
    uren_vooraf = forms.IntegerField(
        label=_("Aantal uren voor het begin"), min_value=0, max_value=24 * 14, initial=24
    )
    vrij_onderwerp = forms.BooleanField(
        label=_("Inspreken over onderwerpen die niet op de agenda staan"), required=False
    )
    spreektijd = forms.IntegerField(label=_("Spreektijd in minuten"), min_value=1, max_value=30, initial=5)
