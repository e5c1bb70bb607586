"""Forms of the product catalogue in the Werkplek; the services check the rules (UPL name, level)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadhuis.core.forms import RaadhuisForm
from raadhuis.dienstverlening.models import DoelgroepKeuze, Formulier, Kanaal, Niveau, Product, Zaaktype
from raadhuis.dienstverlening.selectors.catalogus import zaaktypen

UPL_LIJST_ID = "upl-namen"


class ZaaktypeKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Zaaktype) -> str:
        return f"{obj.omschrijving} ({obj.identificatie})"


class ProductForm(RaadhuisForm):
    naam = forms.CharField(label=_("Naam"), max_length=200)
    slug = forms.SlugField(
        label=_("Korte naam in de URL"),
        max_length=80,
        required=False,
        help_text=_("Leeg: gemaakt uit de naam. Blijft daarna gelijk, zodat links blijven werken."),
    )
    upl_naam = forms.CharField(
        label=_("UPL-naam"),
        max_length=200,
        required=False,
        help_text=_(
            "De naam in de Uniforme Productnamenlijst, bijvoorbeeld 'verhuismelding'. Typ om te zoeken; "
            "leeg voor een dienst die niet in de lijst staat, zoals een vraag stellen."
        ),
        widget=forms.TextInput(attrs={"list": UPL_LIJST_ID, "autocomplete": "off"}),
    )
    doelgroep = forms.ChoiceField(label=_("Doelgroep"), choices=DoelgroepKeuze.choices)
    minimum_betrouwbaarheidsniveau = forms.TypedChoiceField(
        label=_("Minimaal betrouwbaarheidsniveau"),
        choices=Niveau.choices,
        coerce=int,
        help_text=_(
            "Het eIDAS-niveau waarop iemand moet zijn ingelogd om deze dienst digitaal te gebruiken."
        ),
    )
    niveau_toelichting = forms.CharField(
        label=_("Waarom dit niveau"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Uitleg voor wie op een te laag niveau is ingelogd; leeg: een algemene uitleg."),
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    voorwaarden = forms.CharField(
        label=_("Voorwaarden"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    wettelijke_grondslag = forms.CharField(
        label=_("Wettelijke grondslag"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld 'Wet BRP art. 2.39'."),
    )
    kanalen = forms.MultipleChoiceField(
        label=_("Kanalen waarop het product kan worden aangevraagd"),
        choices=Kanaal.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    baliebezoek_nodig = forms.BooleanField(
        label=_("Baliebezoek nodig"),
        required=False,
        help_text=_("Bijvoorbeeld voor vingerafdrukken en handtekening bij een reisdocument."),
    )
    formulier = forms.ChoiceField(
        label=_("Aanvraagformulier"), choices=[("", _("geen")), *Formulier.choices], required=False
    )
    zaaktype = ZaaktypeKeuze(
        label=_("Zaaktype"),
        queryset=Zaaktype.objects.none(),
        required=False,
        empty_label=_("geen"),
        help_text=_("Het soort zaak dat een aanvraag van dit product start."),
    )
    actief = forms.BooleanField(
        label=_("Actief"),
        required=False,
        initial=True,
        help_text=_("Alleen actieve producten staan op de website."),
    )

    def __init__(self, *args: Any, bestaand: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["zaaktype"].queryset = zaaktypen()  # type: ignore[attr-defined]
        if bestaand:
            # The slug stays once the product exists: links to the product page keep working.
            del self.fields["slug"]

    @staticmethod
    def beginwaarden(product: Product) -> dict[str, Any]:
        return {
            "naam": product.naam,
            "upl_naam": product.upl_naam,
            "doelgroep": product.doelgroep,
            "minimum_betrouwbaarheidsniveau": product.minimum_betrouwbaarheidsniveau,
            "niveau_toelichting": product.niveau_toelichting,
            "omschrijving": product.omschrijving,
            "voorwaarden": product.voorwaarden,
            "wettelijke_grondslag": product.wettelijke_grondslag,
            "kanalen": list(product.kanalen),
            "baliebezoek_nodig": product.baliebezoek_nodig,
            "formulier": product.formulier,
            "zaaktype": product.zaaktype_id,
            "actief": product.actief,
        }


class TariefForm(RaadhuisForm):
    jaar = forms.IntegerField(label=_("Jaar"))
    omschrijving = forms.CharField(
        label=_("Omschrijving van het tarief"),
        max_length=200,
        help_text=_("Dezelfde omschrijving in hetzelfde jaar vervangt het bedrag."),
    )
    bedrag = forms.DecimalField(label=_("Bedrag in euro"), max_digits=8, decimal_places=2)
    demo = forms.BooleanField(
        label=_("Voorbeeldbedrag"),
        required=False,
        help_text=_("Aanvinken als dit niet het bedrag uit de eigen legesverordening is."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"jaar": timezone.localdate().year})
        super().__init__(*args, **kwargs)
