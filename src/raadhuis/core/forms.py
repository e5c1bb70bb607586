"""Forms for core's pages; they validate shape, the services validate rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from raadhuis.core.models import Organisatie
from raadhuis.core.validators import valideer_tooi_organisatiecode

WIDGET_KLASSEN = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
}
STANDAARD_KLASSE = "utrecht-textbox utrecht-textbox--html-input"


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


class RaadhuisModelForm(forms.ModelForm):  # type: ignore[type-arg]
    bound_field_class = RaadhuisBoundField


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
