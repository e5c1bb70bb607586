"""The Woo figures in the Werkplek (issue 9, point 9): requests per period, lead time, share decided
on time, verdagingen, suspensions, ingebrekestellingen, outcomes and grounds, per year, quarter or
chosen period, with charts, their tables and a CSV download of the same figures (`?formaat=csv`).
Only counts: no personal data is read or shown (`selectors.statistiek`)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from raadhuis.core import grafieken
from raadhuis.core.forms import DatumInvoer, RaadhuisForm
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.woo.rechten import WOO_STATISTIEK_INZIEN, WOO_WERKPLEK_INZIEN
from raadhuis.woo.selectors.statistiek import MAXIMALE_PERIODE_DAGEN, Periode, Statistiek, statistiek

JAAR, KWARTAAL, AANGEPAST = "jaar", "kwartaal", "aangepast"
Getal = int | Decimal | None


class PeriodeForm(RaadhuisForm):
    """Always bound to the query string; nothing chosen is the current calendar year."""

    soort = forms.ChoiceField(
        label=gettext_lazy("Periode"),
        required=False,
        choices=[
            (JAAR, gettext_lazy("Een jaar")),
            (KWARTAAL, gettext_lazy("Een kwartaal")),
            (AANGEPAST, gettext_lazy("Zelf gekozen periode")),
        ],
    )
    jaar = forms.IntegerField(
        label=gettext_lazy("Jaar"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=gettext_lazy("Bij een jaar of een kwartaal; leeg is dit jaar."),
    )
    kwartaal = forms.TypedChoiceField(
        label=gettext_lazy("Kwartaal"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "—"), *((str(nummer), f"Q{nummer}") for nummer in range(1, 5))],
    )
    van = forms.DateField(
        label=gettext_lazy("Vanaf"),
        required=False,
        widget=DatumInvoer(),
        help_text=gettext_lazy("Bij een zelf gekozen periode."),
    )
    tot = forms.DateField(label=gettext_lazy("Tot en met"), required=False, widget=DatumInvoer())

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        soort = gegevens.get("soort") or JAAR
        gegevens["soort"] = soort
        if soort == KWARTAAL and gegevens.get("kwartaal") is None and "kwartaal" not in self.errors:
            self.add_error("kwartaal", _("Kies het kwartaal."))
        if soort == AANGEPAST:
            van, tot = gegevens.get("van"), gegevens.get("tot")
            if van is None and "van" not in self.errors:
                self.add_error("van", _("Vul de eerste dag van de periode in."))
            if tot is None and "tot" not in self.errors:
                self.add_error("tot", _("Vul de laatste dag van de periode in."))
            if van is not None and tot is not None:
                if tot < van:
                    self.add_error("tot", _("De periode kan niet eindigen voordat zij begint."))
                elif (tot - van).days >= MAXIMALE_PERIODE_DAGEN:
                    self.add_error("tot", _("Kies een periode van ten hoogste vijf jaar."))
        return gegevens

    def periode(self) -> Periode:
        """The chosen period; this year when the form is not valid (the errors show at the fields)."""
        dit_jaar = Periode.jaar(timezone.localdate().year)
        if not self.is_valid():
            return dit_jaar
        gegevens = self.cleaned_data
        jaar = gegevens.get("jaar") or timezone.localdate().year
        if gegevens["soort"] == KWARTAAL:
            return Periode.kwartaal(jaar, gegevens["kwartaal"])
        if gegevens["soort"] == AANGEPAST:
            return Periode(van=gegevens["van"], tot=gegevens["tot"])
        return Periode.jaar(jaar)


@dataclass(frozen=True)
class Regel:
    """One figure on the page and in the CSV: section, row, column and value."""

    onderdeel: str
    categorie: str
    cijfer: str
    waarde: Getal
    eenheid: str = ""

    @property
    def tekst(self) -> str:
        return _getal_tekst(self.waarde, self.eenheid)


def _getal_tekst(waarde: Getal, eenheid: str = "") -> str:
    """Counts as whole numbers; means, medians and shares with one decimal; unknown as a dash."""
    return grafieken.getal_tekst(waarde, eenheid, 1 if isinstance(waarde, Decimal) else 0)


def kerncijfers(cijfers: Statistiek) -> list[tuple[str, Getal, str]]:
    """(name, value, unit) of the figures on top of the page."""
    d = cijfers.doorlooptijd
    return [
        (_("Ontvangen verzoeken"), cijfers.ontvangen, ""),
        (_("Besloten verzoeken"), cijfers.besloten, ""),
        (_("Ingetrokken verzoeken"), cijfers.ingetrokken, ""),
        (_("Open aan het einde van de periode"), cijfers.open_aan_einde, ""),
        (_("Gemiddelde doorlooptijd (kalenderdagen)"), d.gemiddeld, ""),
        (_("Mediane doorlooptijd (kalenderdagen)"), d.mediaan, ""),
        (_("Langste doorlooptijd (kalenderdagen)"), d.langste, ""),
        (_("Binnen de beslistermijn besloten"), d.op_tijd, ""),
        (_("Na de beslistermijn besloten"), d.te_laat, ""),
        (_("Binnen de beslistermijn besloten (%)"), d.op_tijd_percentage, "%"),
        (_("Verdagingen (Woo art. 4.4 lid 2)"), cijfers.verdagingen, ""),
        (
            _("Opschortingen voor verduidelijking (Woo art. 4.1 lid 5)"),
            cijfers.opschortingen_verduidelijking,
            "",
        ),
        (_("Opschortingen voor een zienswijze (Woo art. 4.4 lid 3)"), cijfers.opschortingen_zienswijze, ""),
        (_("Ingebrekestellingen (Awb art. 6:12)"), cijfers.ingebrekestellingen, ""),
    ]


def regels(cijfers: Statistiek) -> list[Regel]:
    """Every figure of the page in one long list: what the CSV holds."""
    uitkomst: list[Regel] = [
        Regel(_("Kerncijfers"), naam, _("Waarde"), waarde, eenheid)
        for naam, waarde, eenheid in kerncijfers(cijfers)
    ]
    uitkomst += [
        Regel(_("Uitkomst van de besluiten"), regel.label, _("Besluiten"), regel.aantal)
        for regel in cijfers.uitkomsten
    ]
    uitkomst += [
        Regel(_("Oordeel per document"), regel.label, _("Documenten"), regel.aantal)
        for regel in cijfers.oordelen
    ]
    for grond in cijfers.gronden:
        uitkomst += [
            Regel(_("Weigeringsgronden"), grond.label, _("Documenten"), grond.documenten),
            Regel(_("Weigeringsgronden"), grond.label, _("Passages"), grond.passages),
        ]
    for maand in cijfers.maanden:
        uitkomst += [
            Regel(_("Per maand"), maand.sleutel, _("Ontvangen"), maand.ontvangen),
            Regel(_("Per maand"), maand.sleutel, _("Besloten"), maand.besloten),
            Regel(_("Per maand"), maand.sleutel, _("Binnen de beslistermijn besloten"), maand.op_tijd),
            Regel(_("Per maand"), maand.sleutel, _("Ingetrokken"), maand.ingetrokken),
        ]
    return uitkomst


def csv_getal(waarde: Getal) -> str:
    """A number for a Dutch spreadsheet: decimal comma, no thousands separator; empty when unknown."""
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        return format(waarde, "f").replace(".", ",")
    return str(waarde)


def als_csv(cijfers: Statistiek) -> str:
    """Semicolon-separated with decimal commas, as a Dutch spreadsheet reads it; one figure a row."""
    uitvoer = io.StringIO()
    schrijver = csv.writer(uitvoer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow([_("Onderdeel"), _("Categorie"), _("Cijfer"), _("Waarde"), _("Eenheid")])
    for regel in regels(cijfers):
        schrijver.writerow(
            [regel.onderdeel, regel.categorie, regel.cijfer, csv_getal(regel.waarde), regel.eenheid]
        )
    return uitvoer.getvalue()


def _grafieken(cijfers: Statistiek) -> dict[str, grafieken.Grafiek]:
    maanden = cijfers.maanden
    return {
        "maanden": grafieken.lijndiagram(
            titel=_("Woo-verzoeken per maand"),
            categorieen=[maand.label for maand in maanden],
            reeksen=[
                grafieken.Reeks(_("Ontvangen"), [maand.ontvangen for maand in maanden]),
                grafieken.Reeks(_("Besloten"), [maand.besloten for maand in maanden]),
            ],
        ),
        "gronden": grafieken.staafdiagram(
            titel=_("Toegepaste weigeringsgronden"),
            categorieen=[grond.code for grond in cijfers.gronden],
            reeksen=[
                grafieken.Reeks(_("Documenten"), [grond.documenten for grond in cijfers.gronden]),
                grafieken.Reeks(_("Passages"), [grond.passages for grond in cijfers.gronden]),
            ],
        ),
    }


def _kruimelpad(request: HttpRequest) -> list[tuple[str, str | None]]:
    pad: list[tuple[str, str | None]] = [(_("Werkplek"), reverse("core:werkplek"))]
    # The controller sees the figures but not the requests themselves.
    if mag(ingelogde_gebruiker(request), WOO_WERKPLEK_INZIEN):
        pad.append((_("Woo-verzoeken"), reverse("woo:werkplek")))
    pad.append((_("Woo-cijfers"), None))
    return pad


@never_cache
@require_GET
@werkplek(actie=WOO_STATISTIEK_INZIEN)
def statistiek_bekijken(request: HttpRequest) -> HttpResponse:
    """The figures of the chosen period (default this year); `?formaat=csv` downloads them."""
    form = PeriodeForm(request.GET)
    periode = form.periode()
    cijfers = statistiek(periode)
    if request.GET.get("formaat") == "csv" and not form.errors:
        antwoord = HttpResponse(
            # The byte-order mark makes spreadsheets read the file as UTF-8.
            "\ufeff" + als_csv(cijfers),
            content_type="text/csv; charset=utf-8",
        )
        naam = f"woo-cijfers-{periode.van.isoformat()}-{periode.tot.isoformat()}.csv"
        antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
        return antwoord
    zoekvraag = request.GET.copy()
    zoekvraag["formaat"] = "csv"
    return render(
        request,
        "woo/statistiek.html",
        {
            "form": form,
            "periode": periode,
            "cijfers": cijfers,
            "kerncijfers": [
                (naam, _getal_tekst(waarde, eenheid)) for naam, waarde, eenheid in kerncijfers(cijfers)
            ],
            "grafieken": _grafieken(cijfers),
            "csv_url": f"{reverse('woo:statistiek')}?{zoekvraag.urlencode()}",
            "kruimelpad": _kruimelpad(request),
        },
        status=400 if form.errors else 200,
    )


urlpatterns: list[URLPattern] = [path("werkplek/woo/cijfers/", statistiek_bekijken, name="statistiek")]
