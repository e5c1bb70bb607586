"""Forms of the work queue and the case page; they read the input's shape, services.zaken judges it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raadhuis.accounts.keuzeveld import Medewerkerkeuze
from raadhuis.accounts.models import Medewerker
from raadhuis.core.forms import Keuzelijst, RaadhuisForm
from raadhuis.dienstverlening.models import Kanaal, Resultaattype, Statustype, Zaak
from raadhuis.dienstverlening.selectors import werkvoorraad as selectors
from raadhuis.dienstverlening.selectors.werkvoorraad import Termijn, Werkvoorraadfilter
from raadhuis.dienstverlening.services.zaken import terugzetbare_statustypen, toegestane_statustypen

IK = "ik"
NIEMAND = "niemand"
AFGESLOTEN = "afgesloten"


class WerkvoorraadFilterForm(RaadhuisForm):
    """The queue's GET filters; every choice is a select, so the page works without JavaScript."""

    def __init__(self, *args: Any, medewerker: Medewerker, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.medewerker = medewerker
        gelezen = selectors.filterkeuzes()
        keuzes: dict[str, tuple[Any, list[Any]]] = {
            "team": (_("Team"), [("", _("Alle teams")), *gelezen.teams]),
            "behandelaar": (
                _("Behandelaar"),
                [
                    ("", _("Iedereen")),
                    (IK, _("Mijn zaken")),
                    (NIEMAND, _("Nog niet opgepakt")),
                    *gelezen.behandelaars,
                ],
            ),
            "product": (_("Product"), [("", _("Alle producten")), *gelezen.producten]),
            "status": (
                _("Status"),
                [
                    ("", _("Alle open zaken")),
                    (AFGESLOTEN, _("Afgesloten zaken")),
                    *gelezen.statustypen,
                ],
            ),
            "kanaal": (_("Kanaal"), [("", _("Alle kanalen")), *Kanaal.choices]),
            "termijn": (
                _("Termijn"),
                [
                    (Termijn.ALLE.value, _("Alle")),
                    (Termijn.TE_LAAT.value, _("Te laat")),
                    (Termijn.DEZE_WEEK.value, _("Klaar deze week")),
                ],
            ),
        }
        for naam, (label, lijst) in keuzes.items():
            self.fields[naam] = forms.ChoiceField(
                label=label, required=False, choices=lijst, widget=Keuzelijst
            )

    def filter(self) -> Werkvoorraadfilter:
        """The selector's filter; call after is_valid()."""
        gegevens = self.cleaned_data
        behandelaar = gegevens.get("behandelaar") or ""
        status = gegevens.get("status") or ""
        return Werkvoorraadfilter(
            team_id=int(gegevens["team"]) if gegevens.get("team") else None,
            behandelaar_id=(
                self.medewerker.pk
                if behandelaar == IK
                else int(behandelaar)
                if behandelaar and behandelaar != NIEMAND
                else None
            ),
            zonder_behandelaar=behandelaar == NIEMAND,
            product_id=int(gegevens["product"]) if gegevens.get("product") else None,
            statustype_id=int(status) if status and status != AFGESLOTEN else None,
            kanaal=gegevens.get("kanaal") or "",
            termijn=Termijn(gegevens.get("termijn") or ""),
            afgesloten=status == AFGESLOTEN,
        )


class _Statuskeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    """Reads any status of the zaaktype but renders only the allowed ones, so a jump gets the
    service's explanation rather than a generic "not a valid choice"."""

    def __init__(self, *, zaak: Zaak, toegestaan: list[Statustype], terug: list[Statustype]) -> None:
        super().__init__(
            label=_("Nieuwe status"),
            queryset=Statustype.objects.filter(zaaktype_id=zaak.zaaktype_id),
            empty_label=_("Kies een status"),
        )
        self.widget.choices = [("", _("Kies een status"))] + [
            (str(statustype.pk), statustype.omschrijving) for statustype in toegestaan
        ]
        if terug:
            self.widget.choices.append(
                (
                    _("Terug naar (met toelichting)"),
                    [(str(statustype.pk), statustype.omschrijving) for statustype in terug],
                )
            )


class StatusForm(RaadhuisForm):
    """Offers exactly the statuses the case may move to next (services.zaken.toegestane_statustypen)
    and, apart, the earlier ones it may go back to with a reason; and the zaaktype's results when the
    end status is among them."""

    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Verplicht als de zaak teruggaat naar een eerdere status: schrijf waarom."),
    )

    def __init__(self, *args: Any, zaak: Zaak, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "status")
        super().__init__(*args, **kwargs)
        self.toegestaan = toegestane_statustypen(zaak)
        terug = terugzetbare_statustypen(zaak)
        velden: dict[str, forms.Field] = {
            "statustype": _Statuskeuze(zaak=zaak, toegestaan=self.toegestaan, terug=terug)
        }
        if any(statustype.is_eindstatus for statustype in self.toegestaan):
            velden["resultaattype"] = forms.ModelChoiceField(
                label=_("Resultaat"),
                queryset=Resultaattype.objects.filter(zaaktype_id=zaak.zaaktype_id),
                required=False,
                empty_label=_("Kies een resultaat"),
                help_text=_("Alleen bij de eindstatus: waarmee de zaak wordt afgesloten."),
            )
        self.fields = velden | dict(self.fields)


class ToewijzenForm(RaadhuisForm):
    def __init__(self, *args: Any, zaak: Zaak, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "toewijzen")
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"] = Medewerkerkeuze(
            label=_("Behandelaar"),
            queryset=selectors.behandelaars_voor(zaak),
            required=False,
            empty_label=_("Niemand (terug naar het team)"),
            initial=zaak.behandelaar_id,
        )


class NotitieForm(RaadhuisForm):
    tekst = forms.CharField(
        label=_("Notitie"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("Alleen voor medewerkers; de aanvrager ziet notities nooit."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "notitie")
        super().__init__(*args, **kwargs)


class DocumentForm(RaadhuisForm):
    titel = forms.CharField(label=_("Titel"), max_length=200, required=False)
    bestand = forms.FileField(
        label=_("Bestand"), help_text=_("PDF, PNG, JPEG, DOCX of ODT, hoogstens 20 MB.")
    )
    zichtbaar_voor_aanvrager = forms.BooleanField(label=_("Zichtbaar in Mijn zaken"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "document")
        super().__init__(*args, **kwargs)


class BerichtForm(RaadhuisForm):
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=200)
    tekst = forms.CharField(
        label=_("Bericht"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10000,
        help_text=_("De aanvrager leest het in Mijn zaken en krijgt een e-mail dat er een bericht is."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "bericht")
        super().__init__(*args, **kwargs)
