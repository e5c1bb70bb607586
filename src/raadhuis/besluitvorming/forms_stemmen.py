"""Forms of the voting pages; they read the input's shape, the services judge it by the Gemeentewet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raadhuis.besluitvorming.models import Fractie, Persoon, Stem, Stemming, Toezegging, Vergadering, Voorstel
from raadhuis.core.forms import RaadhuisForm

KEUZES = [(Stem.Keuze.VOOR.value, _("Voor")), (Stem.Keuze.TEGEN.value, _("Tegen"))]


@dataclass(frozen=True)
class Stemrij:
    """One member's row on the vote form: present, obliged to abstain (art. 28), and the vote."""

    persoon: Persoon
    fractie: Fractie | None
    aanwezig: bool
    onthouden: bool
    keuze: str
    fouten: list[str]


class StemmingForm(RaadhuisForm):
    """A vote per member: attendance, art. 28 abstainers and voor/tegen (no abstaining, art. 32 lid 2)."""

    type = forms.ChoiceField(
        label=_("Soort stemming"),
        choices=[
            (Stemming.Type.HOOFDELIJK.value, _("Hoofdelijk (bij naam)")),
            (Stemming.Type.REGULIER.value, _("Regulier (handopsteken)")),
        ],
        initial=Stemming.Type.HOOFDELIJK.value,
    )

    def __init__(
        self,
        *args: Any,
        leden: Sequence[tuple[Persoon, Fractie | None]],
        aanwezig: set[int],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.leden = list(leden)
        self.aanwezig_vooraf = aanwezig
        for persoon, _fractie in self.leden:
            self.fields[f"aanwezig_{persoon.pk}"] = forms.BooleanField(required=False)
            self.fields[f"onthouden_{persoon.pk}"] = forms.BooleanField(required=False)
            self.fields[f"stem_{persoon.pk}"] = forms.ChoiceField(required=False, choices=KEUZES)

    def rijen(self) -> list[Stemrij]:
        rijen = []
        for persoon, fractie in self.leden:
            if self.is_bound:
                aanwezig = bool(self.data.get(f"aanwezig_{persoon.pk}"))
                onthouden = bool(self.data.get(f"onthouden_{persoon.pk}"))
                keuze = str(self.data.get(f"stem_{persoon.pk}", ""))
            else:
                aanwezig, onthouden, keuze = persoon.pk in self.aanwezig_vooraf, False, ""
            fouten = [str(f) for f in self.errors.get(f"stem_{persoon.pk}", [])] if self.is_bound else []
            rijen.append(Stemrij(persoon, fractie, aanwezig, onthouden, keuze, fouten))
        return rijen

    def invoer(self) -> tuple[list[Persoon], list[Persoon], dict[Persoon, str]]:
        """Present members, those obliged to abstain, and the votes given, for stemming_vastleggen."""
        gegevens = self.cleaned_data
        aanwezig = [p for p, _f in self.leden if gegevens.get(f"aanwezig_{p.pk}")]
        onthouden = [p for p, _f in self.leden if gegevens.get(f"onthouden_{p.pk}")]
        stemmen = {p: gegevens[f"stem_{p.pk}"] for p, _f in self.leden if gegevens.get(f"stem_{p.pk}")}
        return aanwezig, onthouden, stemmen


class HamerstukForm(RaadhuisForm):
    """Who wants it noted that they would have voted against (reglement van orde)."""

    tegen = forms.ModelMultipleChoiceField(
        label=_("Aantekening dat zij tegen zouden hebben gestemd"),
        queryset=Persoon.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, aanwezigen: Sequence[Persoon], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["tegen"]
        if isinstance(veld, forms.ModelMultipleChoiceField):
            veld.queryset = Persoon.objects.filter(pk__in=[p.pk for p in aanwezigen])


class StemverklaringForm(RaadhuisForm):
    persoon = forms.ModelChoiceField(label=_("Lid"), queryset=Persoon.objects.none())
    tekst = forms.CharField(
        label=_("Stemverklaring"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )

    def __init__(self, *args: Any, leden: Sequence[Persoon], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["persoon"]
        if isinstance(veld, forms.ModelChoiceField):
            veld.queryset = Persoon.objects.filter(pk__in=[p.pk for p in leden])


class RegisterfilterForm(RaadhuisForm):
    status = forms.ChoiceField(label=_("Status"), required=False)
    alleen_achterstallig = forms.BooleanField(label=_("Alleen achterstallig"), required=False)

    def __init__(self, *args: Any, statussen: Sequence[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["status"]
        if isinstance(veld, forms.ChoiceField):
            veld.choices = [("", _("Alle")), *statussen]


TOEZEGGINGSTATUSSEN = Toezegging.Status.choices
MOTIEAFHANDELINGEN = Voorstel.Afhandeling.choices


class DatumInvoer(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class ToezeggingForm(RaadhuisForm):
    vergadering = forms.ModelChoiceField(label=_("Vergadering"), queryset=Vergadering.objects.none())
    portefeuillehouder = forms.ModelChoiceField(
        label=_("Portefeuillehouder"), queryset=Persoon.objects.none()
    )
    tekst = forms.CharField(label=_("Toezegging"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    uiterste_datum = forms.DateField(label=_("Uiterste datum"), widget=DatumInvoer())

    def __init__(
        self, *args: Any, vergaderingen: Sequence[Vergadering], collegeleden: Sequence[Persoon], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        _keuzes(self, "vergadering", Vergadering.objects.filter(pk__in=[v.pk for v in vergaderingen]))
        _keuzes(self, "portefeuillehouder", Persoon.objects.filter(pk__in=[p.pk for p in collegeleden]))


class ToezeggingAfdoenForm(RaadhuisForm):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (Toezegging.Status.AFGEDAAN.value, _("afgedaan")),
            (Toezegging.Status.VERVALLEN.value, _("vervallen")),
        ],
    )
    antwoord = forms.CharField(
        label=_("Afdoening"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000
    )


class MotieAfhandelingForm(RaadhuisForm):
    portefeuillehouder = forms.ModelChoiceField(
        label=_("Portefeuillehouder"), queryset=Persoon.objects.none(), required=False
    )
    uiterste_datum = forms.DateField(label=_("Uiterste datum"), widget=DatumInvoer(), required=False)
    afhandeling = forms.ChoiceField(label=_("Afhandeling"), choices=Voorstel.Afhandeling.choices)
    antwoord_college = forms.CharField(
        label=_("Antwoord van het college"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10000,
        required=False,
    )

    def __init__(self, *args: Any, collegeleden: Sequence[Persoon], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _keuzes(self, "portefeuillehouder", Persoon.objects.filter(pk__in=[p.pk for p in collegeleden]))


def _keuzes(form: forms.Form, veld: str, queryset: Any) -> None:
    gevonden = form.fields[veld]
    if isinstance(gevonden, forms.ModelChoiceField):
        gevonden.queryset = queryset
