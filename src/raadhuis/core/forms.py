"""Forms for core's pages; they validate shape, the services validate rules."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.http import QueryDict
from django.urls import reverse_lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from raadhuis.core.models import GelijkgesteldeDag, Organisatie
from raadhuis.core.termijnen import Eenheid, Termijn
from raadhuis.core.validators import valideer_tooi_organisatiecode

WIDGET_KLASSEN = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
}
STANDAARD_KLASSE = "utrecht-textbox utrecht-textbox--html-input"


T = TypeVar("T")


class RaadhuisBoundField(forms.BoundField):
    """Gives every widget its NL Design System class."""

    def build_widget_attrs(self, attrs: dict[str, Any], widget: forms.Widget | None = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        soort = getattr(widget, "input_type", None) or type(widget).__name__.lower()
        klasse = WIDGET_KLASSEN.get(str(soort), STANDAARD_KLASSE)
        # Django itself adds aria-invalid and points aria-describedby at "<id>_error".
        if self.errors and klasse == STANDAARD_KLASSE:
            klasse += " utrecht-textbox--invalid"
        attrs["class"] = f"{attrs.get('class', '')} {klasse}".strip()
        return attrs


class RaadhuisForm(forms.Form):
    bound_field_class = RaadhuisBoundField


def weergavegegevens(form: forms.BaseForm) -> tuple[Any, ...]:
    """Everything a form's HTML is made of, as plain values for core.vingerafdruk, to cache the
    rendered form under: per field its name, label, help text, whether it is required, its widget
    and the widget's attributes, its choices, the value shown and its errors; the form's own errors.
    The same data gives the same HTML; any other value, such as a new choice, another key."""
    velden = tuple(
        (
            veld.name,
            veld.auto_id,
            veld.label,
            veld.help_text,
            veld.field.required,
            type(veld.field.widget).__qualname__,
            veld.field.widget.attrs,
            list(getattr(veld.field, "choices", ())),
            veld.value(),
            list(veld.errors),
        )
        for veld in form
    )
    return type(form).__qualname__, form.prefix, velden, list(form.non_field_errors())


VERSIEVELD = "_versie"


class RaadhuisModelForm(forms.ModelForm):  # type: ignore[type-arg]
    """An edit form of an existing record carries the version it showed (a hash of the fields it
    edits, as they were when the page was made). If someone else saved the record in the meantime,
    saving refuses with an explanation instead of silently overwriting their work (issue 11 point
    4: optimistic locking); the page then carries the new version, so reviewing and saving again
    works. Subclasses that override clean() call super().clean()."""

    bound_field_class = RaadhuisBoundField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and self._versievelden():
            self.fields[VERSIEVELD] = forms.CharField(widget=forms.HiddenInput, required=False)
            self.initial[VERSIEVELD] = self._huidige_versie()

    def _versievelden(self) -> list[str]:
        velden = {veld.name for veld in self.instance._meta.concrete_fields}
        return sorted(naam for naam in self._meta.fields or () if naam in velden)

    def _huidige_versie(self) -> str:
        rij = (
            type(self.instance)
            ._default_manager.filter(pk=self.instance.pk)
            .values(*self._versievelden())
            .first()
        )
        return hashlib.sha256(repr(sorted((rij or {}).items())).encode()).hexdigest()[:32]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        # The version is the form's business, not the service's: it never reaches cleaned_data.
        gegevens.pop(VERSIEVELD, None)
        if VERSIEVELD in self.fields:
            getoond = self.data.get(self.add_prefix(VERSIEVELD))
            huidig = self._huidige_versie()
            if getoond and getoond != huidig:
                self.add_error(
                    None,
                    _(
                        "Iemand anders heeft dit intussen gewijzigd. Uw wijzigingen zijn nog niet "
                        "opgeslagen: open de pagina opnieuw in een ander tabblad om de nieuwe versie te "
                        "zien, pas zo nodig aan en sla dan opnieuw op."
                    ),
                )
                # The page shows the new version from now on: saving again overrides knowingly.
                nieuw = dict(self.data.items()) if not isinstance(self.data, QueryDict) else self.data.copy()
                nieuw[self.add_prefix(VERSIEVELD)] = huidig
                self.data = nieuw
        return gegevens


class OrganisatieForm(RaadhuisModelForm):
    tooi_code = forms.CharField(
        label=_("TOOI-code"),
        max_length=16,
        validators=[valideer_tooi_organisatiecode],
        help_text=_("De code van de organisatie in de TOOI-lijsten, bijvoorbeeld gm1926."),
        # htmx names the organisation while typing; without JavaScript the page does so after saving.
        widget=forms.TextInput(
            attrs={
                "hx-get": reverse_lazy("core:tooi_opzoeken"),
                "hx-trigger": "input changed delay:300ms",
                "hx-target": "#tooi-resultaat",
                "hx-swap": "outerHTML",
                "aria-controls": "tooi-resultaat",
                "autocomplete": "off",
            }
        ),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG of JPEG, hoogstens 1 MB."),
    )

    # The TOOI code comes last so the live lookup result sits right below it.
    field_order = ("naam", "bezoekadres", "postadres", "telefoonnummer", "emailadres", "website", "logo")

    class Meta:
        model = Organisatie
        fields = ("naam", "bezoekadres", "postadres", "telefoonnummer", "emailadres", "website")
        widgets = {
            "bezoekadres": forms.Textarea(attrs={"rows": 3}),
            "postadres": forms.Textarea(attrs={"rows": 3}),
        }


EENHEDEN = [
    (Eenheid.DAGEN.value, _("dagen")),
    (Eenheid.WEKEN.value, _("weken")),
    (Eenheid.MAANDEN.value, _("maanden")),
    (Eenheid.WERKDAGEN.value, _("werkdagen")),
]


def fout_naar_formulier(
    form: forms.BaseForm,
    fout: ValidationError,
    *,
    standaardveld: str | None = None,
    veldnamen: Mapping[str, str] | None = None,
) -> None:
    """A service's ValidationError next to the field it names (`veldnamen` maps a service's name to
    the form's), or next to `standaardveld` / above the form when it names none of the form's."""
    if hasattr(fout, "error_dict"):
        for veld, meldingen in fout.message_dict.items():
            doel = (veldnamen or {}).get(veld, veld)
            form.add_error(doel if doel in form.fields else standaardveld, meldingen)
    else:
        form.add_error(standaardveld, fout.messages)


@dataclass(frozen=True)
class Uitgevoerd(Generic[T]):
    """A service ran on a form's data; `uitkomst` is what it returned."""

    uitkomst: T


def formulier_uitvoeren(
    form: forms.BaseForm, actie: Callable[[dict[str, Any]], T], *, standaardveld: str | None = None
) -> Uitgevoerd[T] | None:
    """The Werkplek's form → service step: runs `actie` on a valid form's cleaned data. Bad input, or
    a ValidationError from the service (put next to the field it names, else at `standaardveld`),
    gives None: show the form again; the service changed nothing."""
    if not form.is_valid():
        return None
    try:
        return Uitgevoerd(actie(form.cleaned_data))
    except ValidationError as fout:
        fout_naar_formulier(form, fout, standaardveld=standaardveld)
        return None


class Keuzelijst(forms.Select):
    """A <select> written in Python. Django renders every <option> through its own template, which
    costs more than the rest of a list page when a filter form offers a hundred choices (the work
    queue, bench/dienstverlening.py); the HTML is the same, escaped the same way."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        delen: list[str] = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for groep, opties, _index in widget["optgroups"]:
            if groep:
                delen.append(format_html('<optgroup label="{}">', groep))
            delen.extend(
                format_html(
                    '<option value="{}"{}>{}</option>',
                    optie["value"],
                    flatatt(optie["attrs"]),
                    optie["label"],
                )
                for optie in opties
            )
            if groep:
                delen.append("</optgroup>")
        delen.append("</select>")
        return mark_safe("".join(delen))  # noqa: S308 - every part above is escaped by format_html


class DatumInvoer(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class TermijnForm(RaadhuisForm):
    """The deadline calculator: what the engine needs, nothing more."""

    gebeurtenis = forms.DateField(
        label=_("Datum van de gebeurtenis"),
        help_text=_("Bijvoorbeeld de dag van ontvangst of bekendmaking."),
        widget=DatumInvoer(),
    )
    aantal = forms.IntegerField(label=_("Duur van de termijn"), min_value=1, max_value=3650)
    eenheid = forms.ChoiceField(label=_("Eenheid"), choices=EENHEDEN)
    verlenging = forms.IntegerField(label=_("Verlenging"), min_value=1, max_value=3650, required=False)
    verlenging_eenheid = forms.ChoiceField(
        label=_("Eenheid van de verlenging"), choices=EENHEDEN, initial="weken", required=False
    )
    opgeschort_van = forms.DateField(label=_("Opgeschort vanaf"), required=False, widget=DatumInvoer())
    opgeschort_tot = forms.DateField(label=_("Opgeschort tot en met"), required=False, widget=DatumInvoer())
    atw = forms.BooleanField(
        label=_("De Algemene termijnenwet is van toepassing"),
        required=False,
        initial=True,
        help_text=_("Niet bij terugwaarts tellende termijnen en andere uitzonderingen van artikel 4."),
    )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        van, tot = gegevens.get("opgeschort_van"), gegevens.get("opgeschort_tot")
        if bool(van) != bool(tot):
            self.add_error(
                "opgeschort_tot" if van else "opgeschort_van",
                _("Vul voor een opschorting zowel de begin- als de einddatum in."),
            )
        elif van and tot and tot < van:
            self.add_error("opgeschort_tot", _("De opschorting kan niet eindigen voordat zij begint."))
        return gegevens

    def termijn(self) -> Termijn:
        return Termijn(self.cleaned_data["aantal"], Eenheid(self.cleaned_data["eenheid"]))

    def verlenging_termijn(self) -> Termijn | None:
        aantal = self.cleaned_data.get("verlenging")
        return (
            Termijn(aantal, Eenheid(self.cleaned_data["verlenging_eenheid"] or "weken")) if aantal else None
        )

    def opschortingen(self) -> list[tuple[Any, Any]]:
        van, tot = self.cleaned_data.get("opgeschort_van"), self.cleaned_data.get("opgeschort_tot")
        return [(van, tot)] if van and tot else []


class GelijkgesteldeDagForm(RaadhuisModelForm):
    class Meta:
        model = GelijkgesteldeDag
        fields = ("datum", "besluit")
        widgets = {"datum": DatumInvoer()}
        error_messages = {"datum": {"unique": _("Deze dag is al vastgelegd als gelijkgestelde dag.")}}


class Deelformulier:
    """Some fields of a form, for `raadhuis/components/formulier.html`, so a template can lay out the
    other fields itself (a group of checkboxes in a fieldset, say) without repeating the field markup."""

    def __init__(self, form: forms.BaseForm, *namen: str) -> None:
        self.form = form
        self.namen = namen

    def non_field_errors(self) -> Any:
        return self.form.non_field_errors()

    def hidden_fields(self) -> list[forms.BoundField]:
        return list(self.form.hidden_fields())

    def visible_fields(self) -> list[forms.BoundField]:
        return [self.form[naam] for naam in self.namen]
