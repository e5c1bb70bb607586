"""Forms for desk appointments; they check shape, services.afspraken checks the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from raadhuis.core.forms import RaadhuisForm
from raadhuis.dienstverlening.models import Afspraaktype, Kanaal, Locatie


class GegevensForm(RaadhuisForm):
    """The resident's contact details; the chosen time travels along as a hidden field."""

    tijd = forms.RegexField(regex=r"^\d{4}$", widget=forms.HiddenInput)
    naam = forms.CharField(
        label=_("Naam"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    emailadres = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_(
            "Hierheen sturen wij de bevestiging met een link om de afspraak te verzetten of te annuleren."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    telefoonnummer = forms.RegexField(
        label=_("Telefoonnummer"),
        regex=r"^\+?[0-9 \-]{10,20}$",
        max_length=20,
        required=False,
        error_messages={"invalid": _("Vul een telefoonnummer in met 10 cijfers, bijvoorbeeld 0612345678.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


class AfspraaktypeKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Afspraaktype) -> str:
        return f"{obj.naam} ({obj.duur_minuten} min)"


class BoekenVoorBellerForm(RaadhuisForm):
    """An employee books for a caller or a visitor at the desk."""

    afspraaktype = AfspraaktypeKeuze(
        label=_("Soort afspraak"), queryset=Afspraaktype.objects.filter(actief=True)
    )
    locatie = forms.ModelChoiceField(label=_("Locatie"), queryset=Locatie.objects.filter(actief=True))
    dag = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    tijd = forms.TimeField(
        label=_("Begintijd"),
        help_text=_("Bijvoorbeeld 09:30. De agenda van de dag toont welke tijden vrij zijn."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    naam = forms.CharField(label=_("Naam"), max_length=200)
    emailadres = forms.EmailField(
        label=_("E-mailadres"), required=False, help_text=_("Voor de bevestiging met de agenda-bijlage.")
    )
    telefoonnummer = forms.CharField(label=_("Telefoonnummer"), max_length=20, required=False)
    bsn = forms.RegexField(
        label=_("BSN"),
        regex=r"^\d{8,9}$",
        required=False,
        error_messages={"invalid": _("Een burgerservicenummer bestaat uit 9 cijfers.")},
    )
    kanaal = forms.ChoiceField(
        label=_("Gevraagd via"),
        choices=[(Kanaal.TELEFOON.value, Kanaal.TELEFOON.label), (Kanaal.BALIE.value, Kanaal.BALIE.label)],
    )
    taal = forms.ChoiceField(
        label=_("Taal van de bevestiging"), choices=[("nl", "Nederlands"), ("en", "English")]
    )
