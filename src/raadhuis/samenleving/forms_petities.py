"""Forms of petitions: submitting one, signing, and the griffie's actions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raadhuis.core.forms import DatumInvoer, RaadhuisForm
from raadhuis.samenleving.models import Petitie

EMAIL_FOUTEN = {
    "required": _("Vul uw e-mailadres in."),
    "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl."),
}
DATUM_FOUT = _("Vul een geldige datum in, bijvoorbeeld 31-12-2026.")


def _datum(label: Any, verplicht: Any, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        widget=DatumInvoer(),
        required=required,
        error_messages={"required": verplicht, "invalid": DATUM_FOUT},
    )


class IndienenForm(RaadhuisForm):
    soort = forms.ChoiceField(
        label=_("Soort"),
        choices=Petitie.Soort.choices,
        initial=Petitie.Soort.PETITIE,
        help_text=_(
            "Een burgerinitiatief zet een onderwerp op de agenda van de raad als genoeg inwoners het "
            "met DigiD steunen. Een petitie is een verzoek aan de raad."
        ),
        error_messages={
            "required": _("Kies petitie of burgerinitiatief."),
            "invalid_choice": _("Kies petitie of burgerinitiatief."),
        },
    )
    titel = forms.CharField(
        label=_("Titel"), max_length=200, error_messages={"required": _("Vul een titel in.")}
    )
    tekst = forms.CharField(
        label=_("Wat vraagt u de raad?"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": _("Schrijf wat u de raad vraagt.")},
    )
    ondertekenen_tot = _datum(_("Ondertekenen kan tot en met"), _("Kies tot wanneer ondertekenen kan."))
    initiatiefnemer_naam = forms.CharField(
        label=_("Uw naam"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Vul uw naam in.")},
    )
    initiatiefnemer_email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=EMAIL_FOUTEN,
    )
    organisatie = forms.CharField(label=_("Namens organisatie"), max_length=200, required=False)


class EmailOndertekenenForm(RaadhuisForm):
    emailadres = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=EMAIL_FOUTEN,
    )
    op_de_hoogte = forms.BooleanField(label=_("Houd mij op de hoogte van de uitkomst"), required=False)


class DigidOndertekenenForm(RaadhuisForm):
    inwoner_verklaard = forms.BooleanField(label=_("Ik woon in de gemeente"), required=False)
    op_de_hoogte = forms.BooleanField(label=_("Houd mij op de hoogte van de uitkomst"), required=False)
    emailadres = forms.EmailField(
        label=_("E-mailadres (alleen als u op de hoogte wilt blijven)"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=EMAIL_FOUTEN,
    )

    def __init__(self, *args: Any, burgerinitiatief: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not burgerinitiatief:
            del self.fields["inwoner_verklaard"]


class OpenenForm(RaadhuisForm):
    ondertekenen_tot = _datum(_("Ondertekenen kan tot en met"), _("Kies tot wanneer ondertekenen kan."))
    drempel = forms.IntegerField(
        label=_("Vereist aantal ondersteuners (inwoners)"),
        min_value=1,
        required=False,
        error_messages={
            "min_value": _("Het vereiste aantal ondersteuners is ten minste 1."),
            "invalid": _("Vul een heel getal in."),
        },
    )
    agenderen_binnen_maanden = forms.IntegerField(
        label=_("Op de raadsagenda binnen (maanden na ontvankelijkverklaring)"),
        min_value=1,
        max_value=24,
        required=False,
        error_messages={
            "min_value": _("De termijn is ten minste 1 maand."),
            "max_value": _("De termijn is hoogstens 24 maanden."),
            "invalid": _("Vul een heel getal in."),
        },
    )

    def __init__(self, *args: Any, burgerinitiatief: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not burgerinitiatief:
            del self.fields["drempel"]
            del self.fields["agenderen_binnen_maanden"]


class WeigerenForm(RaadhuisForm):
    reden = forms.CharField(
        label=_("Reden van weigering (de initiatiefnemer krijgt deze te lezen)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf waarom de petitie wordt geweigerd.")},
    )


class OntvankelijkheidForm(RaadhuisForm):
    ontvankelijk = forms.TypedChoiceField(
        label=_("Beslissing"),
        choices=[("", "—"), ("ja", _("Ontvankelijk")), ("nee", _("Niet ontvankelijk"))],
        coerce=lambda waarde: waarde == "ja",
        error_messages={"required": _("Kies ontvankelijk of niet ontvankelijk.")},
    )
    grond = forms.ChoiceField(
        label=_("Grond als het niet ontvankelijk is"),
        choices=[("", "—"), *Petitie.Weigeringsgrond.choices],
        required=False,
        error_messages={"invalid_choice": _("Kies een grond uit de lijst.")},
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    beslist_op = _datum(_("Beslist op"), _("Vul de datum van de beslissing in."))


class AanbiedenForm(RaadhuisForm):
    aangeboden_op = _datum(_("Aangeboden op"), _("Vul de datum in waarop de raad de petitie ontving."))
    vergadering = forms.TypedChoiceField(
        label=_("Raadsvergadering"),
        choices=[],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("Kies een vergadering uit de lijst.")},
    )

    def __init__(self, *args: Any, vergaderingen: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vergadering"].choices = [("", _("geen")), *vergaderingen]  # type: ignore[attr-defined]


class AfhandelenForm(RaadhuisForm):
    antwoord = forms.CharField(
        label=_("Antwoord van de raad"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Vul het antwoord van de raad in.")},
    )
    afgehandeld_op = _datum(_("Afgehandeld op"), _("Vul de datum van de afhandeling in."))
