"""Forms for the griffie's management of bodies, people, memberships and fracties. They check the shape;
the services in services/organen.py check the rules and name the field when they refuse."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.models import Medewerker
from raadhuis.besluitvorming.models import Fractie, Fractielidmaatschap, Lidmaatschap, Orgaan, Persoon
from raadhuis.core.forms import DatumInvoer, RaadhuisForm


def _keuzes(veld: forms.Field, queryset: QuerySet[Any]) -> None:
    if isinstance(veld, forms.ModelChoiceField):
        veld.queryset = queryset


class PeildatumForm(RaadhuisForm):
    """The date on which the seats are shown (GET)."""

    datum = forms.DateField(label=_("Zetels op datum"), widget=DatumInvoer())


class OrgaanForm(RaadhuisForm):
    soort = forms.ChoiceField(label=_("Soort"), choices=Orgaan.Soort.choices)
    naam = forms.CharField(label=_("Naam"), max_length=200)
    afkorting = forms.CharField(label=_("Afkorting"), max_length=20, required=False)
    zetels = forms.IntegerField(
        label=_("Aantal zetels"),
        min_value=1,
        max_value=100,
        required=False,
        help_text=_("Leeg voor een orgaan zonder vast aantal zetels."),
    )
    inwonertal = forms.IntegerField(
        label=_("Inwonertal van de gemeente"),
        min_value=0,
        required=False,
        help_text=_(
            "Alleen voor de gemeenteraad: het aantal zetels volgt uit het inwonertal "
            "(Gemeentewet art. 8 lid 1)."
        ),
    )
    actief_vanaf = forms.DateField(label=_("Actief vanaf"), widget=DatumInvoer())
    actief_tot = forms.DateField(label=_("Actief tot en met"), widget=DatumInvoer(), required=False)
    omschrijving = forms.CharField(
        label=_("Omschrijving"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, bestaand: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if bestaand:
            # The kind and start of a body are its identity; a different one is a new body.
            del self.fields["soort"]
            del self.fields["actief_vanaf"]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        vanaf, tot = gegevens.get("actief_vanaf"), gegevens.get("actief_tot")
        if vanaf and tot and tot < vanaf:
            self.add_error("actief_tot", _("Het einde ligt vóór het begin."))
        return gegevens


class PersoonForm(RaadhuisForm):
    voornaam = forms.CharField(label=_("Voornaam"), max_length=100, required=False)
    voorletters = forms.CharField(label=_("Voorletters"), max_length=20, required=False)
    tussenvoegsel = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=100)
    geslacht = forms.ChoiceField(
        label=_("Geslacht"), choices=Persoon.Geslacht.choices, initial=Persoon.Geslacht.ONBEKEND
    )
    woonplaats = forms.CharField(label=_("Woonplaats"), max_length=100, required=False)
    nevenfuncties = forms.CharField(
        label=_("Nevenfuncties"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Openbaar voor raadsleden en wethouders (Gemeentewet art. 12 en 41b)."),
    )


class MedewerkerKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        if isinstance(obj, Medewerker) and obj.get_full_name():
            return f"{obj.get_full_name()} ({obj.get_username()})"
        return str(obj)


class KoppelingForm(RaadhuisForm):
    medewerker = MedewerkerKeuze(
        label=_("Medewerkeraccount"),
        queryset=Medewerker.objects.none(),
        required=False,
        empty_label=_("Geen account gekoppeld"),
        help_text=_(
            "Het account waarmee deze persoon inlogt. Een raadslid kan dan zelf moties en amendementen "
            "indienen, alleen als indiener."
        ),
    )

    def __init__(self, *args: Any, medewerkers: QuerySet[Medewerker], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keuzes(self.fields["medewerker"], medewerkers)


class LidmaatschapForm(RaadhuisForm):
    persoon = forms.ModelChoiceField(label=_("Persoon"), queryset=Persoon.objects.none())
    functie = forms.ChoiceField(label=_("Functie"), choices=Lidmaatschap.Functie.choices)
    begin = forms.DateField(label=_("Begin"), widget=DatumInvoer())
    einde = forms.DateField(
        label=_("Einde"),
        widget=DatumInvoer(),
        required=False,
        help_text=_("De laatste dag; leeg als het einde nog niet vaststaat."),
    )
    portefeuille = forms.CharField(
        label=_("Portefeuille"),
        max_length=300,
        required=False,
        help_text=_("Voor een wethouder of burgemeester."),
    )

    def __init__(self, *args: Any, personen: QuerySet[Persoon], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keuzes(self.fields["persoon"], personen)

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        begin, einde = gegevens.get("begin"), gegevens.get("einde")
        if begin and einde and einde < begin:
            self.add_error("einde", _("Het einde ligt vóór het begin."))
        return gegevens


class BeeindigenForm(RaadhuisForm):
    einde = forms.DateField(
        label=_("Laatste dag"), widget=DatumInvoer(), help_text=_("Vanaf de dag erna is de plaats vrij.")
    )


class FractieForm(RaadhuisForm):
    naam = forms.CharField(label=_("Naam"), max_length=200)
    afkorting = forms.CharField(label=_("Afkorting"), max_length=30)
    actief_vanaf = forms.DateField(label=_("Actief vanaf"), widget=DatumInvoer())
    actief_tot = forms.DateField(label=_("Actief tot en met"), widget=DatumInvoer(), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        vanaf, tot = gegevens.get("actief_vanaf"), gegevens.get("actief_tot")
        if vanaf and tot and tot < vanaf:
            self.add_error("actief_tot", _("Het einde ligt vóór het begin."))
        return gegevens


class FractielidmaatschapForm(RaadhuisForm):
    persoon = forms.ModelChoiceField(label=_("Persoon"), queryset=Persoon.objects.none())
    functie = forms.ChoiceField(
        label=_("Functie"),
        choices=Fractielidmaatschap.Functie.choices,
        initial=Fractielidmaatschap.Functie.LID,
    )
    begin = forms.DateField(label=_("Begin"), widget=DatumInvoer())
    einde = forms.DateField(label=_("Einde"), widget=DatumInvoer(), required=False)

    def __init__(self, *args: Any, personen: QuerySet[Persoon], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keuzes(self.fields["persoon"], personen)

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        begin, einde = gegevens.get("begin"), gegevens.get("einde")
        if begin and einde and einde < begin:
            self.add_error("einde", _("Het einde ligt vóór het begin."))
        return gegevens


class FractieWisselenForm(RaadhuisForm):
    fractie = forms.ModelChoiceField(label=_("Nieuwe fractie"), queryset=Fractie.objects.none())
    per = forms.DateField(
        label=_("Per"),
        widget=DatumInvoer(),
        help_text=_("De eerste dag in de nieuwe fractie; het oude lidmaatschap eindigt de dag ervoor."),
    )
    functie = forms.ChoiceField(
        label=_("Functie"),
        choices=Fractielidmaatschap.Functie.choices,
        initial=Fractielidmaatschap.Functie.LID,
    )

    def __init__(self, *args: Any, fracties: QuerySet[Fractie], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keuzes(self.fields["fractie"], fracties)
