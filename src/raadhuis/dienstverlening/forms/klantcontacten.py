"""Forms of klantcontacten; they read the input's shape, services.klantcontacten judges it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.keuzeveld import Medewerkerkeuze
from raadhuis.core import bsn as bsn_module
from raadhuis.core.forms import DatumInvoer, Keuzelijst, RaadhuisForm
from raadhuis.core.validators import KVK_MELDING, is_kvk_nummer
from raadhuis.dienstverlening.models import Contactkanaal, Kennisartikel, Partijsoort, Zaak
from raadhuis.dienstverlening.selectors import klantcontacten as selectors
from raadhuis.dienstverlening.selectors.klantcontacten import Contactfilter

OPEN = "open"
AFGEHANDELD = "afgehandeld"


class ContactfilterForm(RaadhuisForm):
    kanaal = forms.ChoiceField(
        label=_("Kanaal"),
        required=False,
        choices=[("", _("Alle kanalen")), *Contactkanaal.choices],
        widget=Keuzelijst,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle")), (OPEN, _("Open")), (AFGEHANDELD, _("Afgehandeld"))],
        widget=Keuzelijst,
    )
    van = forms.DateField(label=_("Van"), required=False, widget=DatumInvoer())
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DatumInvoer())

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        return gegevens

    def filter(self) -> Contactfilter:
        gegevens = self.cleaned_data
        status = gegevens.get("status") or ""
        return Contactfilter(
            kanaal=gegevens.get("kanaal") or "",
            afgehandeld=None if not status else status == AFGEHANDELD,
            van=gegevens.get("van"),
            tot=gegevens.get("tot"),
        )


class _Zaakkeuze(forms.CharField):
    """A case by its number (ZAAK-2026-000001); the service checks it belongs to the party."""

    def clean(self, value: Any) -> Zaak | None:
        tekst = str(super().clean(value) or "").strip()
        if not tekst:
            return None
        zaak = Zaak.objects.filter(identificatie=tekst.upper()).first()
        if zaak is None:
            raise forms.ValidationError(_("Er is geen zaak met dit zaaknummer."))
        return zaak


class KlantcontactForm(RaadhuisForm):
    kanaal = forms.ChoiceField(label=_("Kanaal"), choices=Contactkanaal.choices)
    partijsoort = forms.ChoiceField(
        label=_("Wie neemt contact op?"),
        choices=Partijsoort.choices,
        initial=Partijsoort.ANONIEM,
        widget=forms.RadioSelect,
    )
    bsn = forms.CharField(
        label=_("Burgerservicenummer"),
        required=False,
        max_length=12,
        help_text=_("Alleen bij een inwoner."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    kvk_nummer = forms.CharField(
        label=_("KvK-nummer"),
        required=False,
        max_length=8,
        help_text=_("Alleen bij een ondernemer."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    naam = forms.CharField(label=_("Naam"), required=False, max_length=200)
    emailadres = forms.EmailField(
        label=_("E-mailadres"), required=False, help_text=_("Daarheen sturen wij een later antwoord.")
    )
    telefoonnummer = forms.CharField(label=_("Telefoonnummer"), required=False, max_length=20)
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=200)
    product = forms.ModelChoiceField(
        label=_("Product"), queryset=selectors.producten(), required=False, empty_label=_("Geen product")
    )
    inhoud = forms.CharField(
        label=_("Vraag of inhoud"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
    )
    antwoord = forms.CharField(
        label=_("Gegeven antwoord"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    opgelost_in_eerste_contact = forms.BooleanField(
        label=_("In dit contact opgelost"),
        required=False,
        help_text=_("Alleen als de vraag nu helemaal beantwoord is, zonder terugbellen of zaak."),
    )
    zaak = _Zaakkeuze(label=_("Zaaknummer"), required=False, max_length=40)

    def clean_bsn(self) -> str:
        waarde = str(self.cleaned_data.get("bsn") or "")
        return bsn_module.normaliseer(waarde) if waarde.strip() else ""


class BeantwoordenForm(RaadhuisForm):
    antwoord = forms.CharField(
        label=_("Antwoord"), max_length=10000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    kennisartikel = forms.ModelChoiceField(
        queryset=Kennisartikel.objects.filter(actief=True), required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "antwoord")
        super().__init__(*args, **kwargs)


class KennisbankZoekForm(RaadhuisForm):
    zoek = forms.CharField(label=_("Zoek in de standaardantwoorden"), required=False, max_length=200)


class TerugbelverzoekForm(RaadhuisForm):
    gevraagde_handeling = forms.CharField(
        label=_("Wat moet er gebeuren?"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    medewerker = Medewerkerkeuze(
        label=_("Medewerker"),
        queryset=selectors.medewerkers_voor_terugbellen(),
        required=False,
        empty_label=_("Niemand"),
    )
    team = forms.ModelChoiceField(
        label=_("Team"), queryset=selectors.teams(), required=False, empty_label=_("Geen team")
    )
    deadline = forms.DateTimeField(
        label=_("Terugbellen voor"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Kies een medewerker, een team of beide."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "terugbellen")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault(
                "deadline", (timezone.localtime() + dt.timedelta(days=1)).replace(second=0, microsecond=0)
            )


class AfhandelenForm(RaadhuisForm):
    resultaat = forms.CharField(
        label=_("Resultaat"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    contact_gelukt = forms.BooleanField(label=_("Contact gelukt"), required=False)


class KlantbeeldForm(RaadhuisForm):
    """BSN or KvK number, posted (never in a URL or a log line)."""

    bsn = forms.CharField(
        label=_("Burgerservicenummer"),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    kvk_nummer = forms.CharField(
        label=_("KvK-nummer"),
        required=False,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        bsn = str(gegevens.get("bsn") or "").strip()
        kvk = str(gegevens.get("kvk_nummer") or "").strip()
        if bool(bsn) == bool(kvk):
            self.add_error("bsn", _("Vul een burgerservicenummer of een KvK-nummer in (één van beide)."))
            return gegevens
        if bsn:
            bsn = bsn_module.normaliseer(bsn)
            if not bsn_module.is_geldig_bsn(bsn):
                self.add_error("bsn", _("Dit is geen geldig burgerservicenummer."))
        elif not is_kvk_nummer(kvk):
            self.add_error("kvk_nummer", KVK_MELDING)
        gegevens["bsn"], gegevens["kvk_nummer"] = bsn, kvk
        return gegevens


class KennisartikelForm(RaadhuisForm):
    titel = forms.CharField(label=_("Vraag"), max_length=200)
    antwoord = forms.CharField(
        label=_("Antwoord"), max_length=20000, widget=forms.Textarea(attrs={"rows": 8})
    )
    product = forms.ModelChoiceField(
        label=_("Product"), queryset=selectors.producten(), required=False, empty_label=_("Algemeen")
    )
    trefwoorden = forms.CharField(
        label=_("Trefwoorden"),
        required=False,
        max_length=300,
        help_text=_("Andere woorden waarmee iemand dit zoekt, gescheiden door komma's."),
    )
    actief = forms.BooleanField(label=_("In gebruik"), required=False, initial=True)
