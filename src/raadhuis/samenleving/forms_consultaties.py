"""Forms of consultations and of the meedoen notifications; they check shape, the services the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from raadhuis.core.forms import DatumInvoer, RaadhuisForm
from raadhuis.samenleving.models import Consultatie
from raadhuis.samenleving.moderatie import bezwaar
from raadhuis.samenleving.services.consultaties import MAX_REACTIE


def _verplicht(melding: str | Promise) -> dict[str, Any]:
    return {"required": melding}


class ConsultatieForm(RaadhuisForm):
    titel = forms.CharField(
        label=_("Titel"), max_length=200, error_messages=_verplicht(_("Geef de consultatie een titel."))
    )
    samenvatting = forms.CharField(
        label=_("Samenvatting"),
        help_text=_("Waarover gaat het ontwerp, en waarop kunnen mensen reageren?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=_verplicht(_("Schrijf een samenvatting.")),
    )
    initiatiefnemer = forms.ChoiceField(
        label=_("Wie legt het ontwerp voor?"),
        choices=Consultatie.Initiatiefnemer.choices,
        error_messages=_verplicht(_("Kies het college of de raad.")),
    )
    begindatum = forms.DateField(
        label=_("Begindatum"),
        widget=DatumInvoer(),
        error_messages={**_verplicht(_("Vul de begindatum in.")), "invalid": _("Vul een geldige datum in.")},
    )
    einddatum = forms.DateField(
        label=_("Einddatum (laatste dag om te reageren)"),
        widget=DatumInvoer(),
        error_messages={**_verplicht(_("Vul de einddatum in.")), "invalid": _("Vul een geldige datum in.")},
    )
    contact = forms.CharField(
        label=_("Contact voor vragen"),
        max_length=200,
        help_text=_("Bijvoorbeeld een afdeling met e-mailadres of telefoonnummer."),
        error_messages=_verplicht(_("Vul een contact in.")),
    )


class DocumentForm(RaadhuisForm):
    titel = forms.CharField(
        label=_("Titel van het document"),
        max_length=200,
        error_messages=_verplicht(_("Geef het document een titel.")),
    )
    bestand = forms.FileField(
        label=_("Bestand (PDF of kantoordocument)"),
        error_messages={
            "required": _("Kies een bestand."),
            "empty": _("Het bestand is leeg."),
            "invalid": _("Kies een bestand."),
        },
    )


class Zichtbaarheid:
    NIET_OPENBAAR = "niet_openbaar"
    OPENBAAR_ANONIEM = "openbaar_anoniem"
    OPENBAAR_MET_NAAM = "openbaar_met_naam"
    KEUZES = [
        (NIET_OPENBAAR, _("Niet openbaar: alleen de gemeente leest mijn reactie")),
        (OPENBAAR_ANONIEM, _("Openbaar, zonder mijn naam")),
        (OPENBAAR_MET_NAAM, _("Openbaar, met mijn naam (en organisatie)")),
    ]


class ReactieForm(RaadhuisForm):
    naam = forms.CharField(
        label=_("Naam"),
        max_length=120,
        error_messages=_verplicht(_("Vul uw naam in.")),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    emailadres = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        help_text=_("Voor de ontvangstbevestiging. Wij publiceren uw e-mailadres nooit."),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisatie = forms.CharField(
        label=_("Namens welke organisatie reageert u?"), max_length=160, required=False
    )
    tekst = forms.CharField(
        label=_("Uw reactie"),
        max_length=MAX_REACTIE,
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={
            "required": _("Schrijf uw reactie."),
            "max_length": _("Uw reactie is te lang: maximaal %(limit_value)d tekens."),
        },
    )
    zichtbaarheid = forms.ChoiceField(
        label=_("Mag iedereen uw reactie lezen?"),
        choices=Zichtbaarheid.KEUZES,
        widget=forms.RadioSelect,
        help_text=_(
            "Een openbare reactie verschijnt op deze website nadat de griffie haar heeft bekeken. "
            "Een niet-openbare reactie telt even zwaar mee."
        ),
        error_messages=_verplicht(_("Kies of uw reactie openbaar mag zijn.")),
    )

    def clean_tekst(self) -> str:
        """The same check as the service, here too, so every error shows at the first attempt."""
        tekst: str = self.cleaned_data["tekst"]
        melding = bezwaar(tekst)
        if melding:
            raise forms.ValidationError(melding)
        return tekst

    @property
    def openbaar(self) -> bool:
        return bool(self.cleaned_data["zichtbaarheid"] != Zichtbaarheid.NIET_OPENBAAR)

    @property
    def naam_tonen(self) -> bool:
        return bool(self.cleaned_data["zichtbaarheid"] == Zichtbaarheid.OPENBAAR_MET_NAAM)


class BeoordelenForm(RaadhuisForm):
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("goedkeuren", _("Goedkeuren")), ("verbergen", _("Verbergen"))],
        widget=forms.RadioSelect,
        error_messages=_verplicht(_("Kies goedkeuren of verbergen.")),
    )
    reden = forms.CharField(label=_("Reden (bij verbergen)"), max_length=300, required=False)


class BeantwoordenForm(RaadhuisForm):
    thema = forms.CharField(
        label=_("Thema"),
        max_length=120,
        required=False,
        help_text=_("Reacties met hetzelfde thema staan in de nota bij elkaar."),
    )
    antwoord = forms.CharField(
        label=_("Antwoord"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=_verplicht(_("Schrijf het antwoord op deze reactie.")),
    )
    ontwerp_gewijzigd = forms.BooleanField(
        label=_("Het ontwerp is naar aanleiding hiervan aangepast"), required=False
    )


class NotaForm(RaadhuisForm):
    inleiding = forms.CharField(
        label=_("Inleiding van de nota van beantwoording"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    besluit_omschrijving = forms.CharField(
        label=_("Het definitieve besluit"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat heeft de raad of het college besloten, en wanneer?"),
        error_messages=_verplicht(_("Beschrijf het definitieve besluit.")),
    )
    besluit_url = forms.URLField(
        label=_("Link naar het besluit"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Vul een geldige link in, beginnend met https://.")},
    )
    besluit_sleutel = forms.CharField(
        label=_("Kenmerk van het besluit in de besluitvorming"),
        max_length=64,
        required=False,
        help_text=_("Bijvoorbeeld besluit-12; laat leeg als het besluit elders staat."),
    )


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
    consultaties = forms.BooleanField(
        label=_("Nieuwe consultaties en nota's van beantwoording"), required=False, initial=True
    )
    petities = forms.BooleanField(label=_("Nieuwe petities"), required=False, initial=True)

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if not gegevens.get("consultaties") and not gegevens.get("petities"):
            self.add_error("consultaties", _("Kies consultaties, petities of allebei."))
        return gegevens
