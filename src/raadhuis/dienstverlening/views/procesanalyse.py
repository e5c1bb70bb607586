"""The workflow analysis in the Werkplek: the landing page (choose a zaaktype and period; the top
bottleneck of every zaaktype), the process map of one zaaktype, and its event log as CSV or XES
for process-mining tools. Managers only (MONITORING_INZIEN). No resident data is read or shown,
so nothing is logged as a processing of personal data."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from raadhuis.core.grafieken import getal_tekst
from raadhuis.core.toegang import werkplek
from raadhuis.dienstverlening.forms.procesanalyse import PeriodeForm, ProcesanalyseKeuzeForm
from raadhuis.dienstverlening.models import Zaaktype
from raadhuis.dienstverlening.periode import Periode
from raadhuis.dienstverlening.procesgrafiek import procesgrafiek, uren_tekst
from raadhuis.dienstverlening.rechten import MONITORING_INZIEN
from raadhuis.dienstverlening.selectors.procesanalyse import (
    Gebeurtenis,
    Procesanalyse,
    gebeurtenissen,
    knelpunten_overzicht,
)
from raadhuis.dienstverlening.selectors.procesanalyse import procesanalyse as analyse_lezen
from raadhuis.dienstverlening.views.gedeeld import werkplek_kruimelpad

TEMPLATES = "dienstverlening/procesanalyse/"
FORMATEN = ("csv", "xes")
# Flush the streamed export to the client about every 64 kB.
BLOK = 64 * 1024
XES_NS = "http://www.xes-standard.org/"
XES_EXTENSIES = (
    ("Concept", "concept", "http://www.xes-standard.org/concept.xesext"),
    ("Time", "time", "http://www.xes-standard.org/time.xesext"),
    ("Lifecycle", "lifecycle", "http://www.xes-standard.org/lifecycle.xesext"),
    ("Organizational", "org", "http://www.xes-standard.org/org.xesext"),
)


def _periode_parameters(periode: Periode) -> str:
    return urlencode({"van": periode.van.isoformat(), "tot": periode.tot.isoformat()})


def _procent(aandeel: float) -> str:
    return getal_tekst(round(aandeel * 100, 1), "%", 1)


@never_cache
@require_GET
@werkplek(actie=MONITORING_INZIEN)
def procesanalyse(request: HttpRequest) -> HttpResponse:
    """The landing page: a zaaktype and period to analyse, and the top bottleneck of every zaaktype."""
    form = ProcesanalyseKeuzeForm(request.GET)
    geldig = form.is_valid()
    periode = form.periode()
    if geldig and form.cleaned_data.get("zaaktype") is not None:
        zaaktype: Zaaktype = form.cleaned_data["zaaktype"]
        url = reverse("dienstverlening:procesanalyse_zaaktype", args=[zaaktype.identificatie])
        return redirect(f"{url}?{_periode_parameters(periode)}")
    knelpunten = knelpunten_overzicht(periode=periode) if geldig else ()
    context = {
        "form": form,
        "periode": periode,
        "parameters": _periode_parameters(periode),
        "knelpunten": [
            {
                "knelpunt": knelpunt,
                "mediaan": uren_tekst(knelpunt.mediaan_uren),
                "norm": uren_tekst(knelpunt.norm_uren),
                "overschrijding": uren_tekst(knelpunt.overschrijding_uren),
            }
            for knelpunt in knelpunten
        ],
        "kruimelpad": werkplek_kruimelpad((_("Procesanalyse"), None)),
    }
    return render(request, TEMPLATES + "start.html", context, status=400 if form.errors else 200)


def _zaaktype_of_404(identificatie: str) -> Zaaktype:
    zaaktype = Zaaktype.objects.filter(identificatie=identificatie).first()
    if zaaktype is None:
        raise Http404
    return zaaktype


def _context(analyse: Procesanalyse) -> dict[str, Any]:
    """Figures as text for the page (Dutch notation, units), so the template only places them."""
    rang = {k.statustype.pk: i for i, k in enumerate(analyse.knelpunten, start=1)}
    return {
        "analyse": analyse,
        "grafiek": procesgrafiek(analyse),
        "knelpunt": analyse.knelpunt,
        "knelpunt_tekst": (
            {
                "mediaan": uren_tekst(analyse.knelpunt.mediaan_uren),
                "norm": uren_tekst(analyse.knelpunt.norm_uren),
                "overschrijding": uren_tekst(analyse.knelpunt.overschrijding_uren),
            }
            if analyse.knelpunt
            else None
        ),
        "statussen": [
            {
                "knoop": knoop,
                "mediaan": uren_tekst(knoop.mediaan_uren),
                "p90": uren_tekst(knoop.p90_uren),
                "norm": uren_tekst(knoop.norm_uren),
                "aandeel": _procent(knoop.aandeel),
                "overschrijding": uren_tekst(knoop.overschrijding_uren),
                "rang": rang.get(knoop.statustype.pk),
            }
            for knoop in analyse.knopen
        ],
        "varianten": [
            {"variant": variant, "aandeel": _procent(variant.aandeel)} for variant in analyse.varianten
        ],
        "herhalingen_aandeel": _procent(analyse.herhalingen.aandeel),
    }


@never_cache
@require_GET
@werkplek(actie=MONITORING_INZIEN)
def procesanalyse_zaaktype(request: HttpRequest, zaaktype: str) -> HttpResponse:
    """The process map of one zaaktype over the period of the GET form (the last year by default)."""
    gekozen = _zaaktype_of_404(zaaktype)
    form = PeriodeForm(request.GET)
    geldig = form.is_valid()
    periode = form.periode()
    context: dict[str, Any] = {
        "zaaktype": gekozen,
        "form": form,
        "periode": periode,
        "parameters": _periode_parameters(periode),
        "zaken_url": reverse("dienstverlening:werkvoorraad"),
        "kruimelpad": werkplek_kruimelpad(
            (_("Procesanalyse"), reverse("dienstverlening:procesanalyse")), (gekozen.omschrijving, None)
        ),
    }
    if geldig:
        context |= _context(analyse_lezen(zaaktype=gekozen, periode=periode))
    return render(request, TEMPLATES + "zaaktype.html", context, status=200 if geldig else 400)


@werkplek(actie=MONITORING_INZIEN)
def _toegang(request: HttpRequest) -> HttpResponse:
    return HttpResponse(status=204)


@require_GET
def procesanalyse_export(request: HttpRequest, zaaktype: str, formaat: str) -> HttpResponseBase:
    """The event log of the process map, streamed: CSV (case_id;activity;timestamp;resource) or
    IEEE 1849-2016 XES. Resources are pseudonyms; the log holds no resident data."""
    # The Werkplek guard types its views as returning HttpResponse; a streamed export is not one,
    # so the guard is asked through a probe view and its answer (login, 2FA, 403) passed on.
    toegang = _toegang(request)
    if toegang.status_code != 204:
        return toegang
    if formaat not in FORMATEN:
        raise Http404
    gekozen = _zaaktype_of_404(zaaktype)
    form = PeriodeForm(request.GET)
    if not form.is_valid():
        fouten = "; ".join(str(fout) for lijst in form.errors.values() for fout in lijst)
        return HttpResponseBadRequest(fouten, content_type="text/plain; charset=utf-8")
    periode = form.periode()
    log = gebeurtenissen(zaaktype=gekozen, periode=periode)
    naam = f"gebeurtenissen-{gekozen.identificatie}-{periode.van:%Y%m%d}-{periode.tot:%Y%m%d}.{formaat}"
    if formaat == "csv":
        antwoord = StreamingHttpResponse(csv_stukken(log), content_type="text/csv; charset=utf-8")
    else:
        titel = f"{gekozen.omschrijving} {periode.van.isoformat()}/{periode.tot.isoformat()}"
        antwoord = StreamingHttpResponse(
            xes_stukken(log, naam=titel), content_type="application/xml; charset=utf-8"
        )
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    antwoord["Cache-Control"] = "no-store"
    return antwoord


def csv_stukken(log: Iterable[Gebeurtenis]) -> Iterator[bytes]:
    """The event log as semicolon-separated CSV with a header, in chunks of about BLOK bytes."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(["case_id", "activity", "timestamp", "resource"])
    for gebeurtenis in log:
        schrijver.writerow(
            [gebeurtenis.zaak, gebeurtenis.activiteit, gebeurtenis.tijdstip_iso, gebeurtenis.resource]
        )
        if buffer.tell() >= BLOK:
            yield _legen(buffer)
    yield _legen(buffer)


def _legen(buffer: io.StringIO) -> bytes:
    inhoud = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return inhoud.encode()


def xes_stukken(log: Iterable[Gebeurtenis], *, naam: str) -> Iterator[bytes]:
    """The event log as IEEE 1849-2016 XES: one <trace> per case (the log comes grouped by case),
    one <event> per status with concept:name, time:timestamp, lifecycle:transition and org:resource.
    Written incrementally (lxml is not a dependency; the standard library's XMLGenerator escapes
    the same way), so memory stays flat whatever the number of events."""
    buffer = io.StringIO()
    xml = XMLGenerator(buffer, encoding="utf-8", short_empty_elements=True)

    def begin(tag: str, **attributen: str) -> None:
        xml.startElement(tag, AttributesImpl(attributen))

    def element(tag: str, **attributen: str) -> None:
        begin(tag, **attributen)
        xml.endElement(tag)

    def attribuut(soort: str, sleutel: str, waarde: str) -> None:
        element(soort, key=sleutel, value=waarde)

    xml.startDocument()
    begin("log", **{"xes.version": "1849-2016", "xmlns": XES_NS})
    for extensie, prefix, uri in XES_EXTENSIES:
        element("extension", name=extensie, prefix=prefix, uri=uri)
    begin("global", scope="trace")
    attribuut("string", "concept:name", "__INVALID__")
    xml.endElement("global")
    begin("global", scope="event")
    attribuut("string", "concept:name", "__INVALID__")
    attribuut("date", "time:timestamp", "1970-01-01T00:00:00.000+00:00")
    attribuut("string", "lifecycle:transition", "complete")
    attribuut("string", "org:resource", "__INVALID__")
    xml.endElement("global")
    element("classifier", name="Activiteit", keys="concept:name")
    element("classifier", name="Activiteit en overgang", keys="concept:name lifecycle:transition")
    element("classifier", name="Resource", keys="org:resource")
    attribuut("string", "concept:name", naam)
    attribuut("string", "lifecycle:model", "standard")
    huidige: str | None = None
    for gebeurtenis in log:
        if gebeurtenis.zaak != huidige:
            if huidige is not None:
                xml.endElement("trace")
                if buffer.tell() >= BLOK:
                    yield _legen(buffer)
            begin("trace")
            attribuut("string", "concept:name", gebeurtenis.zaak)
            huidige = gebeurtenis.zaak
        begin("event")
        attribuut("string", "concept:name", gebeurtenis.activiteit)
        attribuut("date", "time:timestamp", gebeurtenis.tijdstip_iso)
        attribuut("string", "lifecycle:transition", "complete")
        attribuut("string", "org:resource", gebeurtenis.resource)
        xml.endElement("event")
    if huidige is not None:
        xml.endElement("trace")
    xml.endElement("log")
    xml.endDocument()
    yield _legen(buffer)
