"""The managers' monitoring dashboard: key figures against the previous period, then one section per
KPI with a chart, its table and a CSV export of the same figures (docs/monitoring.md)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from raadhuis.core import grafieken
from raadhuis.core.toegang import werkplek
from raadhuis.dienstverlening.forms.monitoring import STANDAARD_DAGEN, PeriodeForm
from raadhuis.dienstverlening.periode import Periode
from raadhuis.dienstverlening.rechten import MONITORING_INZIEN
from raadhuis.dienstverlening.selectors.monitoring import (
    WACHTNORM_MINUTEN,
    Cijfer,
    Dashboard,
    Doorlooptijd,
    Getal,
    Tevredenheidsrij,
    dashboard,
)
from raadhuis.dienstverlening.views.gedeeld import werkplek_kruimelpad

Cel = Cijfer | str


@dataclass(frozen=True)
class Kolom:
    naam: str
    eenheid: str = ""


@dataclass(frozen=True)
class Celweergave:
    """A figure as the page shows it: the value, and the previous period with ↑/↓ in words."""

    waarde: str
    vergelijking: str


@dataclass(frozen=True)
class Tabel:
    """One table of the dashboard, shown on the page and exported as CSV with the same figures."""

    slug: str
    titel: str
    eerste_kolom: str
    kolommen: tuple[Kolom, ...]
    rijen: tuple[tuple[str, tuple[Cel, ...]], ...]

    @property
    def weergave(self) -> list[tuple[str, list[Celweergave]]]:
        return [
            (
                naam,
                [
                    weergeven(cel, kolom.eenheid, kort=True)
                    for cel, kolom in zip(cellen, self.kolommen, strict=True)
                ],
            )
            for naam, cellen in self.rijen
        ]


def _getal(waarde: Getal | None, eenheid: str = "") -> str:
    """Counts as whole numbers; shares, means and hours always with their one decimal."""
    return grafieken.getal_tekst(waarde, eenheid, 1 if isinstance(waarde, Decimal) else 0)


def vergelijking_tekst(cijfer: Cijfer, eenheid: str = "", *, kort: bool = False) -> str:
    """E.g. "vorige periode 50,0 %; ↑ 25,0 procentpunt hoger": the direction as a symbol and in
    words; `kort` for table cells: "vorige 50,0 %; ↑ 25,0"."""
    sjabloon = _("vorige %(waarde)s") if kort else _("vorige periode %(waarde)s")
    vorig = sjabloon % {"waarde": _getal(cijfer.vorig, eenheid)}
    verschil = cijfer.verschil
    if verschil is None or cijfer.richting == "":
        return vorig
    if cijfer.richting == "gelijk":
        return _("%(vorig)s; = gelijk") % {"vorig": vorig}
    eenheid_verschil = "" if kort else _("procentpunt") if eenheid == "%" else eenheid
    grootte = _getal(-verschil if verschil < 0 else verschil, eenheid_verschil)
    if kort:
        pijl = "↑" if cijfer.richting == "hoger" else "↓"
        return f"{vorig}; {pijl} {grootte}"
    if cijfer.richting == "hoger":
        return _("%(vorig)s; ↑ %(verschil)s hoger") % {"vorig": vorig, "verschil": grootte}
    return _("%(vorig)s; ↓ %(verschil)s lager") % {"vorig": vorig, "verschil": grootte}


def weergeven(cel: Cel, eenheid: str = "", *, kort: bool = False) -> Celweergave:
    if isinstance(cel, str):
        return Celweergave(waarde=cel, vergelijking="")
    return Celweergave(
        waarde=_getal(cel.huidig, eenheid), vergelijking=vergelijking_tekst(cel, eenheid, kort=kort)
    )


def _periode_tekst(periode: Periode) -> str:
    return _("%(van)s t/m %(tot)s") % {
        "van": formats.date_format(periode.van, "j F Y"),
        "tot": formats.date_format(periode.tot, "j F Y"),
    }


# -- The tables -----------------------------------------------------------------------------------


def kerncijfers(d: Dashboard) -> list[tuple[str, Cijfer, str]]:
    """The figures on top of the page: (name, figure, unit)."""
    return [
        (_("Zaken digitaal ingediend"), d.kanaalmix.totaal.digitaal_aandeel, "%"),
        (_("Klantcontacten via een digitaal kanaal"), d.klantcontacten.digitaal_aandeel, "%"),
        (_("Opgelost in het eerste contact"), d.klantcontacten.totaal.eerste_contact_opgelost, "%"),
        (_("Doorlooptijd, mediaan (dagen)"), d.doorlooptijden.totaal.mediaan, ""),
        (_("Binnen de wettelijke termijn afgehandeld"), d.doorlooptijden.totaal.op_tijd, "%"),
        (_("Binnen de servicenorm afgehandeld"), d.doorlooptijden.totaal.binnen_servicenorm, "%"),
        (_("Open zaken aan het einde"), d.werkvoorraad.open, ""),
        (_("Afspraken: niet verschenen"), d.afspraken.no_show, "%"),
        (
            _("Balie: binnen %(minuten)s minuten geholpen") % {"minuten": WACHTNORM_MINUTEN},
            d.afspraken.binnen_wachtnorm,
            "%",
        ),
        (_("Rapportcijfer dienstverlening (gemiddeld)"), d.tevredenheid.totaal.gemiddelde, ""),
        (_("Terugbelverzoeken te laat"), d.terugbelverzoeken.te_laat, ""),
    ]


def _kerncijfers(d: Dashboard) -> Tabel:
    return Tabel(
        slug="kerncijfers",
        titel=_("Kerncijfers"),
        eerste_kolom=_("Cijfer"),
        kolommen=(Kolom(_("Waarde")),),
        rijen=tuple(
            (f"{naam} (%)" if eenheid == "%" else naam, (cijfer,)) for naam, cijfer, eenheid in kerncijfers(d)
        ),
    )


def _kanaalmix(d: Dashboard) -> Tabel:
    mix = d.kanaalmix
    kolommen = (
        *(Kolom(label) for _k, label in mix.kanalen),
        Kolom(_("Totaal")),
        Kolom(_("Digitaal"), "%"),
    )
    rijen = tuple(
        (verdeling.naam, (*verdeling.aantallen, verdeling.totaal, verdeling.digitaal_aandeel))
        for verdeling in (*mix.producten, mix.totaal)
    )
    return Tabel("kanaalmix", _("Zaken per product en kanaal"), _("Product"), kolommen, rijen)


def _contactkanalen(d: Dashboard) -> Tabel:
    kolommen = (
        Kolom(_("Digitaal kanaal")),
        Kolom(_("Contacten")),
        Kolom(_("Zonder zaak")),
        Kolom(_("Direct opgelost")),
        Kolom(_("Eerste-contactoplossing"), "%"),
    )
    rijen = tuple(
        (
            rij.naam,
            (
                (_("ja") if rij.digitaal else _("nee")) if rij.kanaal else "",
                rij.aantal,
                rij.zonder_zaak,
                rij.opgelost,
                rij.eerste_contact_opgelost,
            ),
        )
        for rij in (*d.klantcontacten.kanalen, d.klantcontacten.totaal)
    )
    return Tabel("contactkanalen", _("Klantcontacten per kanaal"), _("Kanaal"), kolommen, rijen)


def _doorlooptijd(d: Dashboard) -> Tabel:
    kolommen = (
        Kolom(_("Wettelijke termijn")),
        Kolom(_("Servicenorm")),
        Kolom(_("Afgesloten")),
        Kolom(_("Mediaan (dagen)")),
        Kolom(_("90e percentiel (dagen)")),
        Kolom(_("Binnen wettelijke termijn"), "%"),
        Kolom(_("Binnen servicenorm"), "%"),
    )

    def rij(regel: Doorlooptijd) -> tuple[str, tuple[Cel, ...]]:
        return (
            regel.naam,
            (
                str(regel.wettelijke_termijn) if regel.wettelijke_termijn else "",
                str(regel.servicenorm) if regel.servicenorm else "",
                regel.afgesloten,
                regel.mediaan,
                regel.p90,
                regel.op_tijd,
                regel.binnen_servicenorm,
            ),
        )

    rijen = tuple(rij(regel) for regel in (*d.doorlooptijden.zaaktypen, d.doorlooptijden.totaal))
    return Tabel("doorlooptijd", _("Doorlooptijd van afgesloten zaken"), _("Zaaktype"), kolommen, rijen)


def _leeftijdsnaam(van: int, tot: int | None) -> str:
    if tot is None:
        return _("meer dan %(dagen)s dagen open") % {"dagen": van - 1}
    return _("%(van)s–%(tot)s dagen open") % {"van": van, "tot": tot}


def _werkvoorraad(d: Dashboard) -> Tabel:
    voorraad = d.werkvoorraad
    rijen: list[tuple[str, tuple[Cel, ...]]] = [
        (_("Binnengekomen"), (voorraad.instroom,)),
        (_("Afgesloten"), (voorraad.uitstroom,)),
        (_("Open aan het einde van de periode"), (voorraad.open,)),
        *((_leeftijdsnaam(k.van, k.tot), (k.aantal,)) for k in voorraad.leeftijd),
        (_("Open en over de uiterlijke einddatum"), (voorraad.over_termijn,)),
    ]
    return Tabel("werkvoorraad", _("Werkvoorraad"), _("Zaken"), (Kolom(_("Aantal")),), tuple(rijen))


def _afspraken(d: Dashboard) -> Tabel:
    a = d.afspraken
    return Tabel(
        "afspraken",
        _("Afspraken aan de balie"),
        _("Cijfer"),
        (Kolom(_("Waarde")),),
        (
            (_("Afgerond"), (a.afgerond,)),
            (_("Niet verschenen"), (a.niet_verschenen,)),
            (_("Niet verschenen (%)"), (a.no_show,)),
            (_("Bezoekers met gemeten wachttijd"), (a.gemeten,)),
            (_("Wachttijd, mediaan (minuten)"), (a.wachttijd_mediaan,)),
            (
                _("Binnen %(minuten)s minuten opgeroepen (%%)") % {"minuten": WACHTNORM_MINUTEN},
                (a.binnen_wachtnorm,),
            ),
        ),
    )


def _tevredenheid(d: Dashboard) -> Tabel:
    t = d.tevredenheid

    def rij(soort: str, regel: Tevredenheidsrij) -> tuple[str, tuple[Cel, ...]]:
        naam = f"{soort}: {regel.naam}" if soort else regel.naam
        return naam, (regel.reacties, regel.gemiddelde, regel.voldoende)

    rijen = (
        rij("", t.totaal),
        *(rij(_("Kanaal"), regel) for regel in t.per_kanaal),
        *(rij(_("Product"), regel) for regel in t.per_product),
        *(rij(_("Team"), regel) for regel in t.per_team),
    )
    return Tabel(
        "tevredenheid",
        _("Tevredenheid (rapportcijfer dv01)"),
        _("Groep"),
        (Kolom(_("Reacties")), Kolom(_("Gemiddeld cijfer")), Kolom(_("Cijfer 7 of hoger"), "%")),
        rijen,
    )


def _terugbelverzoeken(d: Dashboard) -> Tabel:
    t = d.terugbelverzoeken
    return Tabel(
        "terugbelverzoeken",
        _("Terugbelverzoeken"),
        _("Cijfer"),
        (Kolom(_("Aantal")),),
        (
            (_("Nieuw"), (t.nieuw,)),
            (_("Afgehandeld"), (t.afgehandeld,)),
            (_("Open aan het einde"), (t.open,)),
            (_("Open en over de deadline"), (t.open_te_laat,)),
            (_("Na de deadline afgehandeld"), (t.te_laat_afgehandeld,)),
            (_("Te laat, samen"), (t.te_laat,)),
            (_("Doorlooptijd, mediaan (uren)"), (t.doorlooptijd_mediaan_uren,)),
        ),
    )


TABELLEN: dict[str, Callable[[Dashboard], Tabel]] = {
    "kerncijfers": _kerncijfers,
    "kanaalmix": _kanaalmix,
    "contactkanalen": _contactkanalen,
    "doorlooptijd": _doorlooptijd,
    "werkvoorraad": _werkvoorraad,
    "afspraken": _afspraken,
    "tevredenheid": _tevredenheid,
    "terugbelverzoeken": _terugbelverzoeken,
}


# -- Charts ---------------------------------------------------------------------------------------


def _twee_perioden(
    titel: str, namen: Sequence[str], cijfers: Sequence[Cijfer], eenheid: str = ""
) -> grafieken.Grafiek:
    return grafieken.staafdiagram(
        titel=titel,
        categorieen=namen,
        reeksen=[
            grafieken.Reeks(_("Deze periode"), [c.huidig for c in cijfers]),
            grafieken.Reeks(_("Vorige periode"), [c.vorig for c in cijfers]),
        ],
        eenheid=eenheid,
    )


def _grafieken(d: Dashboard) -> dict[str, grafieken.Grafiek]:
    producten = d.kanaalmix.producten
    zaaktypen = d.doorlooptijden.zaaktypen
    return {
        "kanaalmix": _twee_perioden(
            _("Aandeel digitaal ingediende zaken per product"),
            [p.naam for p in producten],
            [p.digitaal_aandeel for p in producten],
            "%",
        ),
        "contactkanalen": _twee_perioden(
            _("Klantcontacten per kanaal"),
            [k.naam for k in d.klantcontacten.kanalen],
            [k.aantal for k in d.klantcontacten.kanalen],
        ),
        "doorlooptijd": grafieken.staafdiagram(
            titel=_("Doorlooptijd per zaaktype in dagen (deze periode)"),
            categorieen=[z.naam for z in zaaktypen],
            reeksen=[
                grafieken.Reeks(_("Mediaan"), [z.mediaan.huidig for z in zaaktypen]),
                grafieken.Reeks(_("90e percentiel"), [z.p90.huidig for z in zaaktypen]),
            ],
        ),
        "werkvoorraad": _twee_perioden(
            _("Open zaken naar leeftijd"),
            [_leeftijdsnaam(k.van, k.tot) for k in d.werkvoorraad.leeftijd],
            [k.aantal for k in d.werkvoorraad.leeftijd],
        ),
        "tevredenheid": _twee_perioden(
            _("Gemiddeld rapportcijfer per kanaal"),
            [r.naam for r in d.tevredenheid.per_kanaal],
            [r.gemiddelde for r in d.tevredenheid.per_kanaal],
        ),
    }


# -- Views ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sectie:
    tabel: Tabel
    toelichting: str
    grafiek: grafieken.Grafiek | None
    csv_url: str


def _toelichting(slug: str) -> str:
    teksten = {
        "kanaalmix": _(
            "Zaken die in de periode zijn geregistreerd, per product en kanaal. Digitaal: het aandeel "
            "zaken met kanaal digitaal van alle zaken van het product."
        ),
        "contactkanalen": _(
            "Klantcontacten in de periode per kanaal. Eerste-contactoplossing: van de contacten zonder "
            "zaak het aandeel dat direct is opgelost en geen terugbelverzoek kreeg."
        ),
        "doorlooptijd": _(
            "Zaken afgesloten in de periode: einddatum min startdatum in kalenderdagen. Mediaan en 90e "
            "percentiel volgens de nearest-rank-methode; op tijd is uiterlijk op de uiterlijke "
            "einddatum (wettelijke termijn) of op de verwachte einddatum (servicenorm)."
        ),
        "werkvoorraad": _(
            "Binnengekomen en afgesloten zaken in de periode; open zaken op de laatste dag van de periode "
            "naar dagen sinds de startdatum, en hoeveel daarvan over de uiterlijke einddatum zijn."
        ),
        "afspraken": _(
            "Afspraken die in de periode begonnen. Niet verschenen: van de afgeronde en niet-verschenen "
            "afspraken. Wachttijd: van aanmelden tot oproepen aan de balie, in begonnen minuten; de "
            "norm is 15 minuten (VNG kwaliteitshandvest)."
        ),
        "tevredenheid": _(
            "Reacties op de tevredenheidsvraag in de periode: het gemiddelde rapportcijfer (1–10) en "
            "het aandeel met een 7 of hoger."
        ),
        "terugbelverzoeken": _(
            "Terugbelverzoeken: nieuw en afgehandeld in de periode, open aan het einde (of nu), te laat "
            "(open na de deadline of na de deadline afgehandeld) en de mediane tijd van toewijzen tot "
            "afhandelen."
        ),
    }
    return teksten.get(slug, "")


def _periode_uit(request: HttpRequest) -> tuple[PeriodeForm, Periode]:
    # Without a choice the form shows the default it uses, not the first option of the list.
    form = PeriodeForm(
        request.GET if request.GET.get("soort") else {**request.GET.dict(), "soort": STANDAARD_DAGEN}
    )
    return form, form.periode()


@require_GET
@werkplek(actie=MONITORING_INZIEN)
def monitoring(request: HttpRequest) -> HttpResponse:
    form, periode = _periode_uit(request)
    cijfers = dashboard(periode=periode)
    tabellen = {slug: maak(cijfers) for slug, maak in TABELLEN.items()}
    diagrammen = _grafieken(cijfers)
    zoekvraag = request.GET.urlencode()
    secties = [
        Sectie(
            tabel=tabel,
            toelichting=_toelichting(slug),
            grafiek=diagrammen.get(slug),
            csv_url=reverse("dienstverlening:monitoring_csv", kwargs={"tabel": slug})
            + (f"?{zoekvraag}" if zoekvraag else ""),
        )
        for slug, tabel in tabellen.items()
        if slug != "kerncijfers"
    ]
    return render(
        request,
        "dienstverlening/monitoring/dashboard.html",
        {
            "kruimelpad": werkplek_kruimelpad((_("Monitoring"), None)),
            "form": form,
            "periode": _periode_tekst(cijfers.periode),
            "vorige": _periode_tekst(cijfers.vorige),
            "kerncijfers": [(naam, weergeven(c, eenheid)) for naam, c, eenheid in kerncijfers(cijfers)],
            "kerncijfers_csv": reverse("dienstverlening:monitoring_csv", kwargs={"tabel": "kerncijfers"})
            + (f"?{zoekvraag}" if zoekvraag else ""),
            "secties": secties,
        },
    )


def csv_getal(waarde: Getal | None) -> str:
    """A number for a Dutch spreadsheet: decimal comma, no thousands separator; empty when unknown."""
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        return format(waarde, "f").replace(".", ",")
    return str(waarde)


def csv_tabel(tabel: Tabel, periode: Periode) -> str:
    """Semicolon-separated with decimal commas (as a Dutch spreadsheet reads it); every figure has
    three columns: the period, the previous period and the difference."""
    uitvoer = io.StringIO()
    schrijver = csv.writer(uitvoer, delimiter=";", lineterminator="\r\n")
    kop = [tabel.eerste_kolom]
    vergelijken = [
        any(isinstance(cellen[i], Cijfer) for _n, cellen in tabel.rijen) for i in range(len(tabel.kolommen))
    ]
    for kolom, cijfer in zip(tabel.kolommen, vergelijken, strict=True):
        naam = f"{kolom.naam} (%)" if kolom.eenheid == "%" else kolom.naam
        if cijfer:
            kop += [
                f"{naam} {periode.van.isoformat()}/{periode.tot.isoformat()}",
                f"{naam} {periode.vorige.van.isoformat()}/{periode.vorige.tot.isoformat()}",
                _("%(kolom)s verschil") % {"kolom": naam},
            ]
        else:
            kop.append(naam)
    schrijver.writerow(kop)
    for naam, cellen in tabel.rijen:
        regel = [naam]
        for cel, cijfer in zip(cellen, vergelijken, strict=True):
            if isinstance(cel, Cijfer):
                regel += [csv_getal(cel.huidig), csv_getal(cel.vorig), csv_getal(cel.verschil)]
            elif cijfer:
                regel += [cel, "", ""]
            else:
                regel.append(cel)
        schrijver.writerow(regel)
    return uitvoer.getvalue()


@require_GET
@werkplek(actie=MONITORING_INZIEN)
def monitoring_csv(request: HttpRequest, tabel: str) -> HttpResponse:
    maak = TABELLEN.get(tabel)
    if maak is None:
        raise Http404
    _form, periode = _periode_uit(request)
    inhoud = csv_tabel(maak(dashboard(periode=periode)), periode)
    antwoord = HttpResponse(
        # The byte-order mark makes spreadsheets read the file as UTF-8.
        "\ufeff" + inhoud,
        content_type="text/csv; charset=utf-8",
    )
    naam = f"monitoring-{tabel}-{periode.van.isoformat()}-{periode.tot.isoformat()}.csv"
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord
