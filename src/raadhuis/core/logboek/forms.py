"""Forms of the logboek pages: the privacy officer's search and the register entries."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from raadhuis.core import bsn as bsn_module
from raadhuis.core.forms import RaadhuisForm, RaadhuisModelForm
from raadhuis.core.logboek.selectors import actuele_verwerkingsactiviteiten
from raadhuis.core.logboek.services import INHOUD
from raadhuis.core.models import Verwerkingsactiviteit

BETROKKENE_KEUZES = [
    ("BSN", _("BSN")),
    ("KVK", _("KvK-nummer")),
    ("RSIN", _("RSIN")),
    ("personeelsnummer", _("Personeelsnummer")),
    ("e-mailadres", _("E-mailadres")),
]


class MedewerkerKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: AbstractBaseUser) -> str:
        volledige_naam = getattr(obj, "get_full_name", None)
        naam = volledige_naam() if callable(volledige_naam) else ""
        return f"{naam} ({obj.get_username()})" if naam else obj.get_username()


class LogboekZoekForm(RaadhuisForm):
    betrokkene_type = forms.ChoiceField(
        label=_("Soort identificatie"), choices=BETROKKENE_KEUZES, initial="BSN"
    )
    betrokkene = forms.CharField(
        label=_("Betrokkene"),
        required=False,
        max_length=40,
        help_text=_(
            "Het BSN of ander nummer van de persoon. Het nummer komt niet in het adres van de pagina."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    medewerker = MedewerkerKeuze(
        label=_("Medewerker"), required=False, queryset=get_user_model().objects.none()
    )
    activiteit = forms.ChoiceField(label=_("Verwerkingsactiviteit"), required=False)
    vanaf = forms.DateField(label=_("Vanaf"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    tot_en_met = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        medewerker = self.fields["medewerker"]
        if isinstance(medewerker, MedewerkerKeuze):
            medewerker.queryset = get_user_model().objects.order_by("username")
        activiteit = self.fields["activiteit"]
        if isinstance(activiteit, forms.ChoiceField):
            activiteit.choices = [("", _("Alle verwerkingen"))] + [
                (a.sleutel, a.naam) for a in actuele_verwerkingsactiviteiten()
            ]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        waarde = gegevens.get("betrokkene", "")
        if waarde and gegevens.get("betrokkene_type") == "BSN":
            try:
                gegevens["betrokkene"] = bsn_module.valideer_bsn(waarde)
            except ValidationError as fout:
                self.add_error("betrokkene", fout)
        vanaf, tot = gegevens.get("vanaf"), gegevens.get("tot_en_met")
        if vanaf and tot and tot < vanaf:
            self.add_error("tot_en_met", _("De einddatum ligt voor de begindatum."))
        return gegevens


class VerwerkingsactiviteitForm(RaadhuisModelForm):
    class Meta:
        model = Verwerkingsactiviteit
        fields: tuple[str, ...] = ("sleutel", *INHOUD, "toelichting")
        widgets = {
            veld: forms.Textarea(attrs={"rows": 3})
            for veld in INHOUD
            if veld not in {"naam", "bewaartermijn"}
        }
        widgets["toelichting"] = forms.Textarea(attrs={"rows": 2})


class VerwerkingsactiviteitHerzienForm(VerwerkingsactiviteitForm):
    class Meta(VerwerkingsactiviteitForm.Meta):
        fields = (*INHOUD, "toelichting")
