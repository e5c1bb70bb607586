"""What every intake form is made of: steps (a Django form each, plus the product rules that apply
to it), how the answers become the case's omschrijving and `gegevens`, and the shared contact step."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from raadhuis.core.forms import RaadhuisForm
from raadhuis.core.termijnen import datum_nl
from raadhuis.dienstverlening.models import Kanaal

Antwoorden = Mapping[str, Any]


@dataclass(frozen=True)
class Agenda:
    """The appointments part the marriage form uses (selectors/services.afspraken), handed in by the
    intake service so the forms do not import services or selectors themselves."""

    vrije_ceremoniemomenten: Callable[..., list[datetime]]
    ceremonie_reserveren: Callable[..., Any]


@dataclass(frozen=True)
class Context:
    """What the rules need besides the answers: the date of the report, the channel, the product,
    and the agenda for steps that choose a moment."""

    vandaag: date
    kanaal: str
    product_upl: str = ""
    agenda: Agenda | None = None

    @property
    def digitaal(self) -> bool:
        return self.kanaal == Kanaal.DIGITAAL


Regels = Callable[[Antwoorden, Context], None]


class StapForm(RaadhuisForm):
    """A step's form; `antwoorden` are the (typed) answers of the steps before it, for a step whose
    choices depend on them (the free ceremony moments of the chosen location)."""

    def __init__(
        self, *args: Any, antwoorden: Antwoorden | None = None, context: Context | None = None, **kwargs: Any
    ) -> None:
        self.antwoorden: Antwoorden = antwoorden or {}
        self.context = context
        super().__init__(*args, **kwargs)


@dataclass(frozen=True)
class Stap:
    """One page of the form. `regels` checks the product rules over all answers so far (this step's
    included) and raises ValidationError({field: message}) naming a field of this step."""

    naam: str
    titel: str | Promise
    formulier: type[StapForm]
    regels: Regels | None = None


@dataclass(frozen=True)
class Definitie:
    stappen: tuple[Stap, ...]
    omschrijving: Callable[[Antwoorden, str], str]
    zaakgegevens: Callable[[Antwoorden, Context], dict[str, Any]]
    # Runs in the submit transaction after the case is made (e.g. reserving the ceremony); a
    # ValidationError({step: message}) rolls the case back.
    bij_indienen: Callable[[Any, Antwoorden, Any, Context], None] | None = None
    # Notes for the summary page that are no error (e.g. a late move report still counts).
    waarschuwingen: Callable[[Antwoorden, Context], list[str]] = field(default=lambda antwoorden, context: [])

    def stap(self, naam: str) -> Stap | None:
        return next((stap for stap in self.stappen if stap.naam == naam), None)

    def volgende(self, naam: str) -> Stap | None:
        namen = [stap.naam for stap in self.stappen]
        index = namen.index(naam)
        return self.stappen[index + 1] if index + 1 < len(self.stappen) else None

    def vorige(self, naam: str) -> Stap | None:
        namen = [stap.naam for stap in self.stappen]
        index = namen.index(naam)
        return self.stappen[index - 1] if index > 0 else None


# --- widgets and values ---------------------------------------------------------------------------


def datumveld(label: StrOrPromise, **opties: Any) -> forms.DateField:
    return forms.DateField(
        label=label, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **opties
    )


def tijdveld(label: StrOrPromise, **opties: Any) -> forms.TimeField:
    return forms.TimeField(
        label=label, widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"), **opties
    )


def naar_json(waarden: Mapping[str, Any]) -> dict[str, Any]:
    """A step's cleaned data as JSON; binding the step's form to it again gives the same values."""
    uit: dict[str, Any] = {}
    for sleutel, waarde in waarden.items():
        if isinstance(waarde, datetime | date | time):
            uit[sleutel] = waarde.isoformat()
        elif waarde is None:
            uit[sleutel] = ""
        elif isinstance(waarde, bool | int | str):
            uit[sleutel] = waarde
        elif hasattr(waarde, "pk"):
            uit[sleutel] = waarde.pk
        else:
            uit[sleutel] = str(waarde)
    return uit


def weergave(formulier: forms.Form, naam: str, waarde: Any) -> str:
    """How an answer reads on the summary: the choice's label, ja/nee, a Dutch date."""
    veld = formulier.fields[naam]
    if isinstance(waarde, bool):
        return _("ja") if waarde else _("nee")
    if waarde in (None, ""):
        return "–"
    if isinstance(waarde, datetime):
        lokaal = timezone.localtime(waarde) if timezone.is_aware(waarde) else waarde
        return _("%(datum)s om %(tijd)s") % {
            "datum": datum_nl(lokaal.date(), weekdag=True),
            "tijd": lokaal.strftime("%H:%M"),
        }
    if isinstance(waarde, date):
        return datum_nl(waarde)
    if isinstance(waarde, time):
        return waarde.strftime("%H:%M")
    keuzes = getattr(veld, "choices", None)
    if keuzes is not None and not isinstance(veld, forms.ModelChoiceField):
        return str({str(k): v for k, v in keuzes}.get(str(waarde), waarde))
    return str(waarde)


# --- the contact step every form ends with --------------------------------------------------------


class ContactForm(StapForm):
    naam = forms.CharField(label=gettext_lazy("Naam"), max_length=200)
    emailadres = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        required=False,
        help_text=gettext_lazy("Hierop ontvangt u de bevestiging met het zaaknummer."),
    )
    telefoonnummer = forms.CharField(
        label=gettext_lazy("Telefoonnummer"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["naam"].widget.attrs["autocomplete"] = "name"
        self.fields["emailadres"].widget.attrs["autocomplete"] = "email"


def contact_regels(antwoorden: Antwoorden, context: Context) -> None:
    """Online the confirmation with the case number goes by e-mail, so an address is needed then."""
    if context.digitaal and not antwoorden.get("emailadres"):
        raise ValidationError(
            {"emailadres": _("Vul uw e-mailadres in. Wij sturen u daar de bevestiging met het zaaknummer.")}
        )


CONTACT = Stap("contact", gettext_lazy("Contactgegevens"), ContactForm, contact_regels)
