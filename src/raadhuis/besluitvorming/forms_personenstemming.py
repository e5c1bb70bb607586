"""The form of a secret written vote on persons (Gemeentewet art. 31): per round the number of ballots per
candidate, blank and invalid; never who voted for whom. The rounds are fields built from the candidates."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadhuis.besluitvorming.models import Persoon
from raadhuis.besluitvorming.stemregels import Stembriefjes
from raadhuis.core.forms import RaadhuisForm

MAX_RONDES = 8


def namen(tekst: str) -> list[str]:
    """One name a line, without empty lines or doubles, in the order given."""
    gezien: list[str] = []
    for regel in tekst.splitlines():
        naam = " ".join(regel.split())
        if naam and naam not in gezien:
            gezien.append(naam)
    return gezien


def _aantal(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label, min_value=0, max_value=999, required=False, widget=forms.NumberInput(attrs={"min": 0})
    )


@dataclass(frozen=True)
class Rondevelden:
    nummer: int
    kandidaten: list[forms.BoundField]
    blanco: forms.BoundField
    ongeldig: forms.BoundField


class PersonenstemmingForm(RaadhuisForm):
    kandidaten = forms.CharField(
        label=gettext_lazy("Kandidaten"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Eén naam per regel."),
    )
    voordracht = forms.BooleanField(
        label=gettext_lazy("De keuze is beperkt tot deze kandidaten (een voordracht)"),
        required=False,
        help_text=gettext_lazy(
            "Bij staking van stemmen tussen hen volgt dan een herstemming (Gemeentewet art. 31 lid 2)."
        ),
    )
    aanwezig = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Aanwezig"),
        queryset=Persoon.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    moeten_onthouden = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Moeten zich onthouden (Gemeentewet art. 28)"),
        queryset=Persoon.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    lot = forms.CharField(
        label=gettext_lazy("Door het lot aangewezen in de vergadering"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=gettext_lazy(
            "Alleen als het lot moet beslissen (art. 31 lid 3): de getrokken naam, één per regel."
        ),
    )
    lot_trekken = forms.BooleanField(
        label=gettext_lazy("Laat het systeem het lot trekken"),
        required=False,
        help_text=gettext_lazy("De trekking wordt met de uitkomst vastgelegd."),
    )

    def __init__(
        self, *args: Any, leden: QuerySet[Persoon], kandidaten: list[str], rondes: int, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for naam in ("aanwezig", "moeten_onthouden"):
            veld = self.fields[naam]
            if isinstance(veld, forms.ModelMultipleChoiceField):
                veld.queryset = leden
        self.namen = kandidaten
        self.aantal_rondes = max(1, min(rondes, MAX_RONDES))
        for ronde in range(1, self.aantal_rondes + 1):
            for nummer, kandidaat in enumerate(kandidaten):
                self.fields[f"ronde{ronde}_k{nummer}"] = _aantal(
                    _("Ronde %(ronde)s: stemmen op %(naam)s") % {"ronde": ronde, "naam": kandidaat}
                )
            self.fields[f"ronde{ronde}_blanco"] = _aantal(_("Ronde %(ronde)s: blanco") % {"ronde": ronde})
            self.fields[f"ronde{ronde}_ongeldig"] = _aantal(_("Ronde %(ronde)s: ongeldig") % {"ronde": ronde})

    def rondevelden(self) -> list[Rondevelden]:
        return [
            Rondevelden(
                nummer=ronde,
                kandidaten=[self[f"ronde{ronde}_k{nummer}"] for nummer in range(len(self.namen))],
                blanco=self[f"ronde{ronde}_blanco"],
                ongeldig=self[f"ronde{ronde}_ongeldig"],
            )
            for ronde in range(1, self.aantal_rondes + 1)
        ]

    def clean_kandidaten(self) -> list[str]:
        kandidaten = namen(self.cleaned_data["kandidaten"])
        if not kandidaten:
            raise forms.ValidationError(_("Geef ten minste één kandidaat."))
        return kandidaten

    def rondes(self) -> list[Stembriefjes]:
        """The rounds filled in, in order; an empty round at the end is the next one, not yet held."""
        gegevens = self.cleaned_data
        rondes: list[Stembriefjes] = []
        for ronde in range(1, self.aantal_rondes + 1):
            stemmen = {
                kandidaat: gegevens.get(f"ronde{ronde}_k{nummer}")
                for nummer, kandidaat in enumerate(self.namen)
            }
            blanco, ongeldig = gegevens.get(f"ronde{ronde}_blanco"), gegevens.get(f"ronde{ronde}_ongeldig")
            if all(n is None for n in [*stemmen.values(), blanco, ongeldig]):
                continue
            rondes.append(
                Stembriefjes(
                    stemmen={k: n or 0 for k, n in stemmen.items()},
                    blanco=blanco or 0,
                    ongeldig=ongeldig or 0,
                )
            )
        return rondes
