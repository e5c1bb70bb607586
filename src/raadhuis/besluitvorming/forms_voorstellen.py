"""The form for submitting moties and (sub)amendementen (Gemeentewet art. 147a-147b, reglement van orde).
It places the first answer next to the field; services.voorstellen.voorstel_indienen decides."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models import Agendapunt, Persoon, Voorstel
from raadhuis.core.forms import RaadhuisForm

# What a member submits in the Werkplek; raadsvoorstellen come from the college.
INDIENBARE_SOORTEN = [
    (Voorstel.Soort.MOTIE.value, Voorstel.Soort.MOTIE.label),
    (Voorstel.Soort.MOTIE_VREEMD.value, Voorstel.Soort.MOTIE_VREEMD.label),
    (Voorstel.Soort.AMENDEMENT.value, Voorstel.Soort.AMENDEMENT.label),
    (Voorstel.Soort.SUBAMENDEMENT.value, Voorstel.Soort.SUBAMENDEMENT.label),
]
_MOTIES = {Voorstel.Soort.MOTIE, Voorstel.Soort.MOTIE_VREEMD}
_AMENDEMENTEN = {Voorstel.Soort.AMENDEMENT, Voorstel.Soort.SUBAMENDEMENT}


class VoorstelKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        if isinstance(obj, Voorstel):
            return f"{obj.get_soort_display().capitalize()}: {obj.titel}"
        return str(obj)


class VoorstelForm(RaadhuisForm):
    soort = forms.ChoiceField(label=_("Soort"), choices=INDIENBARE_SOORTEN, widget=forms.RadioSelect)
    agendapunt = forms.ModelChoiceField(
        label=_("Agendapunt"),
        queryset=Agendapunt.objects.none(),
        required=False,
        help_text=_("Niet bij een motie vreemd aan de orde van de dag."),
    )
    motie_type = forms.ChoiceField(
        label=_("Soort motie"),
        choices=[("", _("Gewone motie (voorstel)")), *Voorstel.MotieType.choices],
        required=False,
        help_text=_("Alleen bij een motie."),
    )
    titel = forms.CharField(label=_("Titel"), max_length=500)
    tekst = forms.CharField(
        label=_("Tekst"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text=_("Bij een motie: de overwegingen en het verzoek; bij een amendement: de toelichting."),
    )
    wijzigt = VoorstelKeuze(
        label=_("Wijzigt"),
        queryset=Voorstel.objects.none(),
        required=False,
        help_text=_(
            "Een amendement wijzigt een raadsvoorstel, een subamendement een amendement (art. 147b)."
        ),
    )
    gewijzigde_tekst = forms.CharField(
        label=_("Tekst na wijziging"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Bij een amendement: hoe het besluit na de wijziging luidt."),
    )
    indieners = forms.ModelMultipleChoiceField(
        label=_("Indieners"),
        queryset=Persoon.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één indiener.")},
    )
    mede_indieners = forms.ModelMultipleChoiceField(
        label=_("Mede-indieners"),
        queryset=Persoon.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        agendapunten: QuerySet[Agendapunt],
        te_wijzigen: QuerySet[Voorstel],
        leden: QuerySet[Persoon],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for naam, queryset in (
            ("agendapunt", agendapunten),
            ("wijzigt", te_wijzigen),
            ("indieners", leden),
            ("mede_indieners", leden),
        ):
            veld = self.fields[naam]
            if isinstance(veld, forms.ModelChoiceField):
                veld.queryset = queryset

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        soort = gegevens.get("soort")
        if soort == Voorstel.Soort.MOTIE_VREEMD and gegevens.get("agendapunt"):
            self.add_error(
                "agendapunt", _("Een motie vreemd aan de orde van de dag hoort niet bij een agendapunt.")
            )
        elif (
            soort
            and soort != Voorstel.Soort.MOTIE_VREEMD
            and not gegevens.get("agendapunt")
            # An amendement without an agendapunt takes that of the proposal it amends.
            and not (soort in _AMENDEMENTEN and gegevens.get("wijzigt"))
        ):
            self.add_error("agendapunt", _("Kies het agendapunt waarbij het voorstel wordt ingediend."))
        if soort in _AMENDEMENTEN and not gegevens.get("wijzigt"):
            self.add_error("wijzigt", _("Kies welk voorstel het amendement wijzigt (Gemeentewet art. 147b)."))
        if soort in _MOTIES and gegevens.get("wijzigt"):
            self.add_error("wijzigt", _("Een motie wijzigt geen ander voorstel."))
        if soort in _AMENDEMENTEN and gegevens.get("motie_type"):
            self.add_error("motie_type", _("Alleen een motie heeft een soort motie."))
        dubbel = {p.pk for p in gegevens.get("indieners", [])} & {
            p.pk for p in gegevens.get("mede_indieners", [])
        }
        if dubbel:
            self.add_error("mede_indieners", _("Iemand is indiener of mede-indiener, niet allebei."))
        return gegevens


class IntrekkenForm(RaadhuisForm):
    bevestigd = forms.BooleanField(
        label=_("Ja, trek dit voorstel in"),
        error_messages={"required": _("Vink aan dat u het voorstel wilt intrekken.")},
    )
