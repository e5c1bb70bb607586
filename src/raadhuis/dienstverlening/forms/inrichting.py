"""Forms for setting up locations, desks, opening hours, appointment types, trouwlocaties and BABS
in the Werkplek; they check shape, services.afspraken checks the rules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raadhuis.core.forms import RaadhuisForm
from raadhuis.dienstverlening.models import Afspraaktype, Babs, Locatie, Product

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise as StrOrPromise

WEEKDAGEN = [
    (0, _("maandag")),
    (1, _("dinsdag")),
    (2, _("woensdag")),
    (3, _("donderdag")),
    (4, _("vrijdag")),
    (5, _("zaterdag")),
    (6, _("zondag")),
]
TIJDVAKKEN = [
    (minuten, _("%(minuten)s minuten") % {"minuten": minuten}) for minuten in (5, 10, 15, 20, 30, 60)
]


def _tijdveld(label: StrOrPromise) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        help_text=_("Bijvoorbeeld 09:00."),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )


class LocatieForm(RaadhuisForm):
    naam = forms.CharField(label=_("Naam"), max_length=120)
    slug = forms.SlugField(
        label=_("Korte naam in de URL"),
        max_length=80,
        help_text=_("Kleine letters, cijfers en streepjes, bijvoorbeeld stadhuis."),
    )
    adres = forms.CharField(label=_("Adres"), max_length=200)
    postcode = forms.RegexField(
        label=_("Postcode"),
        regex=r"^[1-9][0-9]{3} ?[A-Za-z]{2}$",
        max_length=7,
        error_messages={"invalid": _("Vul een postcode in zoals 2641 EZ.")},
    )
    plaats = forms.CharField(label=_("Plaats"), max_length=80)
    tijdvak_minuten = forms.TypedChoiceField(
        label=_("Tijdvak"),
        choices=TIJDVAKKEN,
        coerce=int,
        initial=15,
        help_text=_("De duur van een afspraak is een veelvoud hiervan."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld de toegankelijkheid."),
    )


class BalieForm(RaadhuisForm):
    naam = forms.CharField(label=_("Naam van de balie"), max_length=80)


class OpeningstijdForm(RaadhuisForm):
    weekdag = forms.TypedChoiceField(label=_("Weekdag"), choices=WEEKDAGEN, coerce=int)
    van = _tijdveld(_("Open vanaf"))
    tot = _tijdveld(_("Open tot"))


class SluitingsdagForm(RaadhuisForm):
    datum = forms.DateField(
        label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    reden = forms.CharField(label=_("Reden"), max_length=200, required=False)


class AfspraaktypeForm(RaadhuisForm):
    """Create (with slug) or edit (without: the slug is part of the booking links)."""

    naam = forms.CharField(label=_("Naam"), max_length=120)
    slug = forms.SlugField(
        label=_("Korte naam in de URL"),
        max_length=80,
        help_text=_("Kleine letters, cijfers en streepjes, bijvoorbeeld paspoort-aanvragen."),
    )
    product = forms.ModelChoiceField(
        label=_("Product"), queryset=Product.objects.none(), required=False, empty_label=_("(geen)")
    )
    duur_minuten = forms.IntegerField(label=_("Duur in minuten"), min_value=1, max_value=480)
    locaties = forms.ModelMultipleChoiceField(
        label=_("Locaties"),
        queryset=Locatie.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens een locatie.")},
    )
    meenemen = forms.CharField(
        label=_("Wat neemt de bezoeker mee"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    online_boekbaar = forms.BooleanField(label=_("Online te boeken"), required=False, initial=True)
    actief = forms.BooleanField(label=_("Actief"), required=False, initial=True)

    def __init__(self, *args: Any, afspraaktype: Afspraaktype | None = None, **kwargs: Any) -> None:
        if afspraaktype is not None:
            kwargs.setdefault(
                "initial",
                {
                    "naam": afspraaktype.naam,
                    "product": afspraaktype.product_id,
                    "duur_minuten": afspraaktype.duur_minuten,
                    "locaties": [locatie.pk for locatie in afspraaktype.locaties.all()],
                    "meenemen": afspraaktype.meenemen,
                    "online_boekbaar": afspraaktype.online_boekbaar,
                    "actief": afspraaktype.actief,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = Product.objects.order_by("naam")  # type: ignore[attr-defined]
        self.fields["locaties"].queryset = Locatie.objects.filter(actief=True).order_by("naam")  # type: ignore[attr-defined]
        if afspraaktype is None:
            del self.fields["actief"]
        else:
            del self.fields["slug"]


class TrouwlocatieForm(RaadhuisForm):
    naam = forms.CharField(label=_("Naam"), max_length=120)
    slug = forms.SlugField(
        label=_("Korte naam in de URL"),
        max_length=80,
        help_text=_("Kleine letters, cijfers en streepjes, bijvoorbeeld trouwzaal."),
    )
    adres = forms.CharField(label=_("Adres"), max_length=200)
    gratis = forms.BooleanField(
        label=_("Gratis variant"),
        required=False,
        help_text=_("Een kosteloze, eenvoudige voltrekking op vaste momenten."),
    )
    tarief = forms.DecimalField(
        label=_("Tarief in euro"), max_digits=8, decimal_places=2, min_value=0, initial=0
    )
    max_gasten = forms.IntegerField(label=_("Maximaal aantal gasten"), min_value=1, required=False)
    duur_minuten = forms.IntegerField(label=_("Duur in minuten"), min_value=5, max_value=240, initial=30)
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CeremoniemomentForm(RaadhuisForm):
    weekdag = forms.TypedChoiceField(label=_("Weekdag"), choices=WEEKDAGEN, coerce=int)
    tijd = _tijdveld(_("Begintijd"))


class BabsForm(RaadhuisForm):
    naam = forms.CharField(label=_("Naam"), max_length=200)
    emailadres = forms.EmailField(label=_("E-mailadres"), required=False)


class BabsKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Babs) -> str:
        return obj.naam


class BabsToewijzenForm(RaadhuisForm):
    babs = BabsKeuze(
        label=_("Babs"),
        queryset=Babs.objects.filter(actief=True).order_by("naam"),
        required=False,
        empty_label=_("(geen babs)"),
    )
