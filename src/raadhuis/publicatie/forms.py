"""Forms of the publication register; the choices come from the official value lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from raadhuis.core import tooi
from raadhuis.core.forms import DatumInvoer, Keuzelijst, RaadhuisForm
from raadhuis.core.validators import alleen_cijfers
from raadhuis.core.zoeken import Sortering
from raadhuis.publicatie import facetten, selectors, waardelijsten
from raadhuis.publicatie.models import Publicatie, Publicatiestatus

MAX_BESTANDEN = 20


def _categoriekeuzes() -> list[tuple[str, str]]:
    return [
        (c.uri, f"{c.artikel} – {c.label}" if c.artikel else c.label) for c in waardelijsten.categorieen()
    ]


def _gesorteerd(lijst: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(lijst.items(), key=lambda paar: paar[1].lower())


def _keuzes(form: forms.BaseForm, naam: str, keuzes: Sequence[tuple[str, str | Promise]]) -> None:
    veld = form.fields[naam]
    if not isinstance(veld, forms.ChoiceField):
        raise TypeError(f"{naam} is geen keuzeveld")
    veld.choices = list(keuzes)


class RegisterFilterForm(RaadhuisForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle statussen")), *Publicatiestatus.choices]
    )
    categorie = forms.ChoiceField(label=_("Informatiecategorie"), required=False, widget=Keuzelijst())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keuzes(self, "categorie", [("", _("Alle categorieën")), *_categoriekeuzes()])


class MeerdereBestanden(forms.ClearableFileInput):
    allow_multiple_selected = True


class MeerdereBestandenVeld(forms.FileField):
    """One or more files in one field (`<input type=file multiple>`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MeerdereBestanden())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[bytes]]:
        enkel = super().clean
        if isinstance(data, list | tuple):
            if not data:
                return [enkel(None, initial)]
            return [enkel(bestand, initial) for bestand in data]
        return [enkel(data, initial)]


class PublicatieForm(RaadhuisForm):
    """A manual publication: the DiWoo metadata the Werkplek asks for, and its files."""

    officiele_titel = forms.CharField(label=_("Officiële titel"), max_length=1000)
    verkorte_titel = forms.CharField(label=_("Verkorte titel"), max_length=500, required=False)
    omschrijving = forms.CharField(
        label=_("Omschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    informatiecategorie = forms.ChoiceField(
        label=_("Informatiecategorie"),
        help_text=_("De categorie uit artikel 3.3 van de Woo waarin deze publicatie valt."),
        widget=Keuzelijst(),
    )
    documentsoort = forms.ChoiceField(label=_("Documentsoort"), required=False, widget=Keuzelijst())
    thema = forms.ChoiceField(label=_("Thema"), required=False, widget=Keuzelijst())
    publisher = forms.CharField(
        label=_("Publicerende organisatie (TOOI-code)"),
        max_length=20,
        help_text=_("De eigen organisatie, of een gemeenschappelijke regeling waarvoor u publiceert."),
    )
    soort_handeling = forms.ChoiceField(label=_("Soort handeling"), widget=Keuzelijst())
    handeling_datum = forms.DateField(label=_("Datum van de handeling"), widget=DatumInvoer())
    periode_van = forms.DateField(label=_("Periode vanaf"), required=False, widget=DatumInvoer())
    periode_tot = forms.DateField(label=_("Periode tot en met"), required=False, widget=DatumInvoer())
    kenmerk = forms.CharField(label=_("Kenmerk"), max_length=200, required=False)
    bestanden = MeerdereBestandenVeld(
        label=_("Bestanden"),
        help_text=_("Een of meer bestanden: PDF, Word, Excel, PowerPoint, OpenDocument of CSV (open data)."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keuzes(self, "informatiecategorie", [("", _("Kies een categorie")), *_categoriekeuzes()])
        _keuzes(
            self,
            "documentsoort",
            [
                ("", _("Geen")),
                *_gesorteerd(waardelijsten.documentsoorten()),
            ],
        )
        _keuzes(self, "thema", [("", _("Geen")), *_gesorteerd(waardelijsten.themas())])
        _keuzes(self, "soort_handeling", _gesorteerd(waardelijsten.soorten_handeling()))
        self.fields["soort_handeling"].initial = waardelijsten.VASTSTELLING
        self.fields["publisher"].initial = getattr(settings, "RAADHUIS_ORGANISATIE", "")

    def clean_bestanden(self) -> Sequence[UploadedFile[bytes]]:
        bestanden: Sequence[UploadedFile[bytes]] = self.cleaned_data["bestanden"]
        if len(bestanden) > MAX_BESTANDEN:
            raise forms.ValidationError(
                _("Kies hoogstens %(aantal)d bestanden per keer."), params={"aantal": MAX_BESTANDEN}
            )
        return bestanden


class IntrekkenForm(RaadhuisForm):
    reden = forms.ChoiceField(label=_("Reden van intrekking"), widget=Keuzelijst())
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "intrekken")
        super().__init__(*args, **kwargs)
        _keuzes(
            self,
            "reden",
            [
                ("", _("Kies een reden")),
                *_gesorteerd(waardelijsten.redenen_verwijdering()),
            ],
        )


class VervangenForm(RaadhuisForm):
    nieuw = forms.ModelChoiceField(
        label=_("Vervangen door"),
        queryset=Publicatie.objects.none(),
        to_field_name="uuid",
        help_text=_("Een concept wordt bij het vervangen meteen gepubliceerd."),
    )
    reden = forms.ChoiceField(label=_("Reden van vervanging"), widget=Keuzelijst())
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, kandidaten: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "vervangen")
        super().__init__(*args, **kwargs)
        if kandidaten is not None:
            veld = self.fields["nieuw"]
            if isinstance(veld, forms.ModelChoiceField):
                veld.queryset = kandidaten
        _keuzes(
            self,
            "reden",
            [
                ("", _("Kies een reden")),
                *_gesorteerd(waardelijsten.redenen_verwijdering()),
            ],
        )


# --- the public search --------------------------------------------------------------------------------

MAX_FILTERWAARDEN = 20
MAX_PAGINA = 500


class FacetVeld(forms.Field):
    """The chosen values of one search facet (repeated query parameter, checkboxes on the page)."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, facet: str, **kwargs: Any) -> None:
        self.facet = facet
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            value = [value]
        return list(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))

    def validate(self, value: Any) -> None:
        super().validate(value)
        if len(value) > MAX_FILTERWAARDEN:
            raise forms.ValidationError(
                _("Kies hoogstens %(aantal)s waarden.") % {"aantal": MAX_FILTERWAARDEN}
            )
        for waarde in value:
            if not _geldige_filterwaarde(self.facet, waarde):
                raise forms.ValidationError(
                    _("De waarde “%(waarde)s” komt in dit filter niet voor.") % {"waarde": waarde[:60]}
                )


def _geldige_filterwaarde(facet: str, waarde: str) -> bool:
    if facet == facetten.JAAR:
        return alleen_cijfers(waarde) and len(waarde) == 4
    if facet == facetten.ORGANISATIE:
        return tooi.organisatie(waarde) is not None
    geldig = facetten.geldige_waarden(facet)
    return geldig is not None and waarde in geldig


class ZoekForm(RaadhuisForm):
    q = forms.CharField(
        label=_("Zoekwoorden"),
        required=False,
        max_length=200,
        help_text=_(
            "Alle woorden moeten voorkomen; meervouden en vervoegingen tellen mee. "
            "Zet woorden tussen aanhalingstekens om ze in die volgorde te vinden."
        ),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    sortering = forms.ChoiceField(
        label=_("Sorteren"),
        required=False,
        choices=[
            (Sortering.RELEVANTIE, _("Best passend")),
            (Sortering.NIEUWSTE, _("Nieuwste eerst")),
            (Sortering.OUDSTE, _("Oudste eerst")),
        ],
    )
    van = forms.DateField(label=_("Datum vanaf"), required=False, widget=DatumInvoer())
    tot = forms.DateField(label=_("Datum tot en met"), required=False, widget=DatumInvoer())
    categorie = FacetVeld(facet=facetten.CATEGORIE, label=_("Informatiecategorie"))
    documentsoort = FacetVeld(facet=facetten.DOCUMENTSOORT, label=_("Documentsoort"))
    organisatie = FacetVeld(facet=facetten.ORGANISATIE, label=_("Organisatie"))
    jaar = FacetVeld(facet=facetten.JAAR, label=_("Jaar"))
    thema = FacetVeld(facet=facetten.THEMA, label=_("Thema"))
    pagina = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGINA, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", _("Deze datum ligt voor de datum vanaf."))
        return gegevens

    def opdracht(self) -> selectors.Zoekopdracht:
        """The search the valid form asks for; without words, newest first unless chosen."""
        gegevens = self.cleaned_data
        vraag = gegevens.get("q") or ""
        return selectors.Zoekopdracht(
            vraag=vraag,
            filters={naam: gegevens.get(naam) or [] for naam in facetten.NAMEN if gegevens.get(naam)},
            van=gegevens.get("van"),
            tot=gegevens.get("tot"),
            sortering=gegevens.get("sortering")
            or (Sortering.RELEVANTIE if vraag.strip() else Sortering.NIEUWSTE),
            pagina=gegevens.get("pagina") or 1,
        )
