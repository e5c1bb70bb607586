"""Forms of the Woo pages; they read the input's shape, woo.services judges the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.keuzeveld import Medewerkerkeuze
from raadhuis.core.forms import DatumInvoer, RaadhuisForm
from raadhuis.woo.models import Kanaal, Verzoekstatus, WooVerzoek
from raadhuis.woo.selectors import verzoeken as selectors
from raadhuis.woo.termijnen import MAXIMALE_VERDAGING_DAGEN


def _vandaag() -> Any:
    return timezone.localdate()


class VerzoekForm(RaadhuisForm):
    """The public request form. Woo art. 4.1: anyone may ask, without stating an interest, so there
    is no field for a reason; an e-mail or postal address is needed to send the decision."""

    onderwerp = forms.CharField(
        label=_("Onderwerp"),
        max_length=200,
        help_text=_("In een paar woorden: waarover gaat uw verzoek?"),
    )
    omschrijving = forms.CharField(
        label=_("Welke informatie wilt u hebben?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        help_text=_(
            "Beschrijf zo precies mogelijk welke documenten of gegevens u zoekt. "
            "U hoeft niet te zeggen waarom u de informatie wilt hebben."
        ),
    )
    periode_van = forms.DateField(
        label=_("Periode vanaf"),
        required=False,
        widget=DatumInvoer(),
        help_text=_("Als de informatie over een bepaalde periode gaat."),
    )
    periode_tot = forms.DateField(label=_("Periode tot en met"), required=False, widget=DatumInvoer())
    verzoeker_naam = forms.CharField(label=_("Naam"), max_length=200, required=False)
    organisatie = forms.CharField(label=_("Organisatie"), max_length=200, required=False)
    emailadres = forms.EmailField(
        label=_("E-mailadres"),
        max_length=254,
        required=False,
        help_text=_("Hierop ontvangt u de ontvangstbevestiging en het besluit."),
    )
    telefoonnummer = forms.CharField(label=_("Telefoonnummer"), max_length=20, required=False)
    postadres = forms.CharField(
        label=_("Postadres"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        required=False,
        help_text=_("Alleen nodig als u het besluit per post wilt ontvangen."),
    )

    def __init__(self, *args: Any, kvk_nummer: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if kvk_nummer:
            # Shown, never taken from the post: the number comes from the eHerkenning login.
            self.fields["kvk_nummer"] = forms.CharField(
                label=_("KvK-nummer"),
                required=False,
                disabled=True,
                initial=kvk_nummer,
                help_text=_("Uit uw inlog met eHerkenning; wij leggen het vast bij uw verzoek."),
            )

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        van, tot = gegevens.get("periode_van"), gegevens.get("periode_tot")
        if van and tot and tot < van:
            self.add_error("periode_tot", _("De periode kan niet eindigen voordat zij begint."))
        if (
            "emailadres" not in self.errors
            and "postadres" not in self.errors
            and not gegevens.get("emailadres")
            and not (gegevens.get("postadres") or "").strip()
        ):
            self.add_error(
                "emailadres",
                _("Vul een e-mailadres of een postadres in: daarheen sturen wij het besluit."),
            )
        return gegevens


class VerzoekRegistrerenForm(VerzoekForm):
    """An employee registers a request that came in by e-mail, letter or at the desk."""

    # The web form is the public page's own channel; an employee registers the other ones.
    kanaal = forms.ChoiceField(
        label=_("Kanaal"),
        choices=[(waarde, label) for waarde, label in Kanaal.choices if waarde != Kanaal.WEBFORMULIER],
    )
    ontvangen_op = forms.DateField(
        label=_("Ontvangen op"),
        widget=DatumInvoer(),
        initial=_vandaag,
        help_text=_("De beslistermijn begint de dag daarna (Woo art. 4.4 lid 1)."),
    )

    field_order = ("kanaal", "ontvangen_op")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["omschrijving"].label = _("Gevraagde informatie")
        self.fields["omschrijving"].help_text = ""


class DashboardFilterForm(RaadhuisForm):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle open verzoeken")), *Verzoekstatus.choices],
    )


class VerduidelijkingVragenForm(RaadhuisForm):
    """Woo art. 4.1 lid 5 with Awb 4:15: a request too general goes back to be specified; the term
    stands still from the next day."""

    reden = forms.CharField(
        label=_("Wat moet de verzoeker verduidelijken?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "verduidelijking")
        super().__init__(*args, **kwargs)


class VerduidelijkingOntvangenForm(RaadhuisForm):
    op = forms.DateField(
        label=_("Verduidelijking ontvangen op"),
        widget=DatumInvoer(),
        initial=_vandaag,
        help_text=_("Vanaf deze dag loopt de beslistermijn weer."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "verduidelijking_ontvangen")
        super().__init__(*args, **kwargs)


class OpschortingForm(RaadhuisForm):
    """Woo art. 4.4 lid 3: suspension while a third party gives a zienswijze (Awb 4:8)."""

    van = forms.DateField(
        label=_("Opgeschort vanaf"),
        widget=DatumInvoer(),
        help_text=_(
            "De dag na die waarop de verzoeker is verteld dat een derde om een zienswijze is gevraagd."
        ),
    )
    tot = forms.DateField(
        label=_("Zienswijze ontvangen op"),
        widget=DatumInvoer(),
        required=False,
        help_text=_("Leeg laten zolang de zienswijze nog niet binnen is."),
    )
    reden = forms.CharField(
        label=_("Reden van de opschorting"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "opschorting")
        super().__init__(*args, **kwargs)


class OpschortingBeeindigenForm(RaadhuisForm):
    tot = forms.DateField(
        label=_("Zienswijze ontvangen of termijn verstreken op"),
        widget=DatumInvoer(),
        initial=_vandaag,
        help_text=_("Vanaf deze dag loopt de beslistermijn weer."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "opschorting_beeindigen")
        super().__init__(*args, **kwargs)


class VerdagingForm(RaadhuisForm):
    """Woo art. 4.4 lid 2: once, at most two weeks, with reasons, before the first term ends."""

    reden = forms.CharField(
        label=_("Reden van de verdaging"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("De omvang of de gecompliceerdheid van de informatie (Woo art. 4.4 lid 2)."),
    )
    dagen = forms.IntegerField(
        label=_("Aantal dagen"),
        min_value=1,
        max_value=MAXIMALE_VERDAGING_DAGEN,
        initial=MAXIMALE_VERDAGING_DAGEN,
        help_text=_("Ten hoogste veertien dagen."),
    )
    besloten_op = forms.DateField(
        label=_("Besloten op"), widget=DatumInvoer(), initial=_vandaag, required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "verdaging")
        super().__init__(*args, **kwargs)


class IngebrekestellingForm(RaadhuisForm):
    ontvangen_op = forms.DateField(
        label=_("Ingebrekestelling ontvangen op"), widget=DatumInvoer(), initial=_vandaag
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "ingebrekestelling")
        super().__init__(*args, **kwargs)


class BehandelaarForm(RaadhuisForm):
    def __init__(self, *args: Any, verzoek: WooVerzoek, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "behandelaar")
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"] = Medewerkerkeuze(
            label=_("Behandelaar"),
            queryset=selectors.behandelaars(),
            required=False,
            empty_label=_("Niemand"),
            initial=verzoek.behandelaar_id,
        )
