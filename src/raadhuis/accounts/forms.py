"""Forms for employee login and two-factor authentication, rendered with the house's form component."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from raadhuis.core.forms import RaadhuisBoundField, RaadhuisForm


class InlogForm(AuthenticationForm):
    bound_field_class = RaadhuisBoundField


def _codeveld(label: StrOrPromise, help_text: StrOrPromise, *, alleen_cijfers: bool) -> forms.CharField:
    attrs = {"autocomplete": "one-time-code", "spellcheck": "false", "autocapitalize": "off"}
    if alleen_cijfers:
        attrs["inputmode"] = "numeric"
    return forms.CharField(
        label=label, help_text=help_text, max_length=32, strip=True, widget=forms.TextInput(attrs=attrs)
    )


class CodeForm(RaadhuisForm):
    """The second login step: a code from the app, or a recovery code."""

    code = _codeveld(
        _("Code"),
        _("De zes cijfers die uw authenticator-app nu toont. Telefoon kwijt? Gebruik dan een herstelcode."),
        alleen_cijfers=False,
    )


class BevestigenForm(RaadhuisForm):
    """Enrolment: the first code proves the app holds the secret."""

    code = _codeveld(
        _("Code uit de app"),
        _("De zes cijfers die de app toont nadat u de QR-code heeft gescand of de sleutel heeft ingevoerd."),
        alleen_cijfers=True,
    )


class HerstelcodesForm(RaadhuisForm):
    code = _codeveld(
        _("Huidige code voor nieuwe herstelcodes"),
        _("Ter bevestiging: de zes cijfers uit uw authenticator-app."),
        alleen_cijfers=False,
    )


class VervangenForm(RaadhuisForm):
    code = _codeveld(
        _("Huidige code of herstelcode voor een nieuwe app"),
        _("Nieuwe telefoon, of de oude kwijt? Typ een code uit de huidige app of een herstelcode."),
        alleen_cijfers=False,
    )


class UitzettenForm(RaadhuisForm):
    code = _codeveld(
        _("Huidige code om tweestapsverificatie uit te zetten"),
        _("Ter bevestiging: de zes cijfers uit uw authenticator-app of een herstelcode."),
        alleen_cijfers=False,
    )


class OntgrendelenForm(RaadhuisForm):
    soort = forms.ChoiceField(
        choices=[("account", _("account")), ("adres", _("adres"))], widget=forms.HiddenInput
    )
    waarde = forms.CharField(max_length=255, widget=forms.HiddenInput)
