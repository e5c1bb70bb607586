"""Forms of the satisfaction survey (public) and of its results page (the period to show). The
wording follows the Burgerpeiling; the codes are not shown to respondents."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from raadhuis.core.forms import RaadhuisForm
from raadhuis.dienstverlening.periode import Periode

RAPPORTCIJFER_KEUZES = [(str(cijfer), str(cijfer)) for cijfer in range(1, 11)]
STELLING_KEUZES = [
    ("1", _("Helemaal oneens")),
    ("2", _("Oneens")),
    ("3", _("Niet eens, niet oneens")),
    ("4", _("Eens")),
    ("5", _("Helemaal eens")),
]
MAX_PERIODE_DAGEN = 3 * 366


def _cijferveld(
    label: StrOrPromise, keuzes: list[tuple[str, Any]], *, verplicht: bool, uitleg: StrOrPromise = ""
) -> forms.Field:
    return forms.TypedChoiceField(
        label=label,
        choices=keuzes,
        coerce=int,
        empty_value=None,
        required=verplicht,
        widget=forms.RadioSelect,
        help_text=uitleg,
        error_messages={
            "required": _("Kies een cijfer.") if len(keuzes) == 10 else _("Kies een antwoord."),
            "invalid_choice": _("Geef een cijfer van 1 tot en met 10.")
            if len(keuzes) == 10
            else _("Kies een antwoord van 1 (helemaal oneens) tot en met 5 (helemaal eens)."),
        },
    )


class VragenlijstForm(RaadhuisForm):
    """The survey. dv06 is only on the form for a digital channel (Burgerpeiling asks it of digital
    users); the statements may be skipped, the report mark may not."""

    dv01_rapportcijfer = _cijferveld(
        _("Welk rapportcijfer geeft u de dienstverlening van de gemeente?"),
        RAPPORTCIJFER_KEUZES,
        verplicht=True,
        uitleg=_("1 is heel slecht, 10 is uitstekend."),
    )
    dv06_rapportcijfer_digitaal = _cijferveld(
        _("Welk rapportcijfer geeft u de digitale dienstverlening van de gemeente (website, e-mail, app)?"),
        RAPPORTCIJFER_KEUZES,
        verplicht=False,
        uitleg=_("1 is heel slecht, 10 is uitstekend."),
    )
    dv05_gemak = _cijferveld(_("Het was gemakkelijk te regelen."), STELLING_KEUZES, verplicht=False)
    dv07_doorlooptijd = _cijferveld(
        _("De tijd die het kostte was redelijk."), STELLING_KEUZES, verplicht=False
    )
    dv07_op_de_hoogte = _cijferveld(
        _("Ik werd goed op de hoogte gehouden."), STELLING_KEUZES, verplicht=False
    )
    opmerking = forms.CharField(
        label=_("Wilt u nog iets kwijt? Wat kunnen wij beter doen?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Noem geen namen, adressen of andere persoonsgegevens. Wij halen die er voor de zekerheid uit "
            "voordat iemand uw opmerking leest."
        ),
    )
    contact_toegestaan = forms.BooleanField(
        label=_("U mag contact met mij opnemen over mijn antwoorden"),
        required=False,
        help_text=_(
            "Zonder dit vinkje zijn uw antwoorden anoniem: wij koppelen ze dan los van uw zaak of contact."
        ),
    )

    STELLINGEN = ("dv05_gemak", "dv07_doorlooptijd", "dv07_op_de_hoogte")

    def __init__(self, *args: Any, digitaal: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.digitaal = digitaal
        if not digitaal:
            del self.fields["dv06_rapportcijfer_digitaal"]

    def antwoorden(self) -> dict[str, Any]:
        """The cleaned answers as reactie_geven takes them."""
        return {
            "dv01_rapportcijfer": self.cleaned_data["dv01_rapportcijfer"],
            "dv06_rapportcijfer_digitaal": self.cleaned_data.get("dv06_rapportcijfer_digitaal"),
            "dv05_gemak": self.cleaned_data.get("dv05_gemak"),
            "dv07_doorlooptijd": self.cleaned_data.get("dv07_doorlooptijd"),
            "dv07_op_de_hoogte": self.cleaned_data.get("dv07_op_de_hoogte"),
            "opmerking": self.cleaned_data.get("opmerking", ""),
            "contact_toegestaan": bool(self.cleaned_data.get("contact_toegestaan")),
        }


class PeriodeForm(RaadhuisForm):
    """The period of the results: from and to (inclusive); by default the last 90 days."""

    van = forms.DateField(label=_("Van"), widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}))

    @staticmethod
    def standaard(vandaag: date | None = None) -> Periode:
        return Periode.laatste_dagen(90, tot=vandaag or timezone.localdate())

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if isinstance(van, date) and isinstance(tot, date):
            if tot < van:
                raise ValidationError({"tot": _("De einddatum ligt voor de begindatum.")})
            if tot - van > timedelta(days=MAX_PERIODE_DAGEN):
                raise ValidationError({"tot": _("Kies een periode van ten hoogste drie jaar.")})
        return gegevens

    def periode(self) -> Periode:
        if self.is_valid():
            return Periode(van=self.cleaned_data["van"], tot=self.cleaned_data["tot"])
        return self.standaard()
