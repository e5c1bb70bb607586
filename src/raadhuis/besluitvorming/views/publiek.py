"""Public pages of besluitvorming: the meeting calendar, meeting, person and fractie pages, stuk
downloads, and the iCalendar feeds. Everything shown comes from selectors.publiek (a member's
raadsvragen from selectors.raadsvragen)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial
from itertools import groupby
from pathlib import PurePath

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from raadhuis.besluitvorming.models import Orgaan, Vergadering
from raadhuis.besluitvorming.selectors import publiek
from raadhuis.besluitvorming.selectors.inspreken import insprekers_publiek
from raadhuis.besluitvorming.selectors.raadsvragen import openbare_raadsvragen_van
from raadhuis.besluitvorming.services.raadsvragen import ZOEKSOORT_RAADSVRAAG
from raadhuis.besluitvorming.services.stukken import ZOEKSOORT_STUK
from raadhuis.core import zoeken as zoekmachine
from raadhuis.core.snelheid import snelheidslimiet
from raadhuis.core.vingerafdruk import fragmentsleutel, renderen_met_versie

PER_PAGINA = 25
KALENDER_PER_PAGINA = 50
# How far back a feed reaches; calendar apps poll feeds often, so old meetings stay out.
FEED_TERUG = dt.timedelta(days=366)


def _kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [(_("Home"), reverse("core:home")), (_("Bestuur"), reverse("besluitvorming:bestuur")), *stappen]


@require_GET
def kalender(request: HttpRequest) -> HttpResponse:
    """Meetings per month, upcoming or past, of every body or one (?orgaan=<slug>&periode=afgelopen)."""
    organen = list(publiek.organen())
    orgaan = next((o for o in organen if o.slug == request.GET.get("orgaan")), None)
    komend = request.GET.get("periode") != "afgelopen"
    pagina = Paginator(publiek.kalender(orgaan=orgaan, komend=komend), KALENDER_PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    parameters = request.GET.copy()
    parameters.pop("pagina", None)
    return render(
        request,
        "besluitvorming/publiek/kalender.html",
        {
            "organen": organen,
            "gekozen_orgaan": orgaan,
            "komend": komend,
            "pagina": pagina,
            "maanden": _per_maand(pagina.object_list),
            "zoekparameters": parameters.urlencode(),
            "kruimelpad": _kruimelpad((_("Vergaderingen"), None)),
        },
    )


def _per_maand(vergaderingen: Iterable[Vergadering]) -> list[tuple[str, list[Vergadering]]]:
    """The calendar's months in the order the meetings come, each with its meetings."""
    maanden: list[tuple[str, list[Vergadering]]] = []
    for (jaar, maand), groep in groupby(
        vergaderingen, key=lambda v: (timezone.localtime(v.begin).year, timezone.localtime(v.begin).month)
    ):
        maanden.append((date_format(dt.date(jaar, maand, 1), "F Y"), list(groep)))
    return maanden


# The meeting page's agenda fragment and what it includes; their source is part of its cache key.
AGENDA_TEMPLATES = (
    "besluitvorming/publiek/vergadering.html",
    "besluitvorming/publiek/_stemming.html",
    "besluitvorming/_uitslagtabellen.html",
)


@require_GET
def vergadering(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting with its public agenda. The agenda is rendered once per state of what it shows:
    its cache key is a fingerprint of that data made in the database (`vergadering_publiek_versie`),
    so any change, such as a paper made geheim, shows at once, and the data itself is read only
    when the agenda must be rendered."""
    gevonden = publiek.vergadering_met_orgaan(pk)
    if gevonden is None:
        raise Http404
    inspreken = insprekers_publiek(gevonden)
    versie = publiek.vergadering_publiek_versie(gevonden)
    sleutel = fragmentsleutel(AGENDA_TEMPLATES, gevonden, versie, inspreken)
    return renderen_met_versie(
        request,
        "besluitvorming/publiek/vergadering.html",
        {
            "vergadering": gevonden,
            "inspreken": inspreken,
            "agenda_sleutel": sleutel,
            "kruimelpad": _kruimelpad(
                (_("Vergaderingen"), reverse("besluitvorming:kalender")), (gevonden.titel, None)
            ),
        },
        fragment="vergadering_agenda",
        sleutel=sleutel,
        lui={"pagina": partial(publiek.vergadering_publiek, gevonden)},
        versie=partial(publiek.vergadering_publiek_versie, gevonden),
        gezien=versie,
    )


# A vote's page below its heading, and what that includes; their source is part of its cache key.
UITSLAG_TEMPLATES = (
    "besluitvorming/publiek/stemming.html",
    "besluitvorming/publiek/_stemming.html",
    "besluitvorming/_uitslagtabellen.html",
)


@require_GET
def stemming(request: HttpRequest, pk: int) -> HttpResponse:
    """One vote with how every member voted; the meeting page links it from each vote. Below its
    heading it is rendered once per state of its data, as the meeting's agenda is."""
    gevonden = publiek.stemming_publiek_kop(pk)
    if gevonden is None:
        raise Http404
    vergadering = gevonden.vergadering
    versie = publiek.stemming_publiek_versie(gevonden)
    sleutel = fragmentsleutel(UITSLAG_TEMPLATES, gevonden, versie)
    return renderen_met_versie(
        request,
        "besluitvorming/publiek/stemming.html",
        {
            "stemming": gevonden,
            "vergadering": vergadering,
            "uitslag_sleutel": sleutel,
            "kruimelpad": _kruimelpad(
                (_("Vergaderingen"), reverse("besluitvorming:kalender")),
                (vergadering.titel, reverse("besluitvorming:vergadering", args=[vergadering.pk])),
                (_("Stemming"), None),
            ),
        },
        fragment="stemming_uitslag",
        sleutel=sleutel,
        lui={"met_uitslag": partial(publiek.stemming_uitslag_toevoegen, gevonden)},
        versie=partial(publiek.stemming_publiek_versie, gevonden),
        gezien=versie,
    )


@require_GET
def persoon(request: HttpRequest, slug: str) -> HttpResponse:
    gegevens = publiek.persoon_publiek(slug)
    if gegevens is None:
        raise Http404
    stemmen = Paginator(publiek.stemgedrag_van_persoon(gegevens.persoon), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "besluitvorming/publiek/persoon.html",
        {
            "gegevens": gegevens,
            "persoon": gegevens.persoon,
            "pagina": stemmen,
            "raadsvragen": openbare_raadsvragen_van(gegevens.persoon),
            "kruimelpad": _kruimelpad((gegevens.persoon.naam, None)),
        },
    )


@require_GET
def fractie(request: HttpRequest, slug: str) -> HttpResponse:
    gegevens = publiek.fractie_publiek(slug)
    if gegevens is None:
        raise Http404
    resultaten = Paginator(publiek.stemgedrag_van_fractie(gegevens.fractie), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "besluitvorming/publiek/fractie.html",
        {
            "gegevens": gegevens,
            "fractie": gegevens.fractie,
            "pagina": resultaten,
            "kruimelpad": _kruimelpad((gegevens.fractie.naam, None)),
        },
    )


@require_GET
def stuk_downloaden(request: HttpRequest, pk: int) -> FileResponse:
    """Serves a public stuk's file; a geheim stuk (Gemeentewet art. 25) or one of a besloten item
    answers 404, as if it did not exist."""
    stuk = publiek.openbaar_stuk(pk)
    if stuk is None or not stuk.bestand:
        raise Http404
    try:
        bestand = stuk.bestand.open("rb")
    except FileNotFoundError as fout:
        raise Http404 from fout
    naam = stuk.bestandsnaam or PurePath(stuk.bestand.name or "stuk").name
    antwoord = FileResponse(bestand, as_attachment=True, filename=naam)
    if stuk.mediatype:
        antwoord["Content-Type"] = stuk.mediatype
    return antwoord


# -- iCalendar (RFC 5545) ---------------------------------------------------------------------------


def _ical(request: HttpRequest, *, naam: str, vergaderingen: list[Vergadering]) -> HttpResponse:
    kalender = Calendar()
    kalender.add("prodid", "-//Raadhuis//Vergaderkalender//NL")
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", "PUBLISH")
    kalender.add("x-wr-calname", naam)
    kalender.add("x-wr-timezone", "Europe/Amsterdam")
    host = request.get_host().split(":")[0]
    gestempeld = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for vergadering in vergaderingen:
        kalender.add_component(_ical_event(request, vergadering, host=host, gestempeld=gestempeld))
    # Adds a VTIMEZONE for every TZID used (Europe/Amsterdam), as RFC 5545 section 3.2.19 requires.
    kalender.add_missing_timezones()
    antwoord = HttpResponse(kalender.to_ical(), content_type="text/calendar; charset=utf-8")
    antwoord["Content-Disposition"] = 'inline; filename="vergaderingen.ics"'
    return antwoord


def _ical_event(
    request: HttpRequest, vergadering: Vergadering, *, host: str, gestempeld: dt.datetime
) -> Event:
    event = Event()
    event.add("uid", f"vergadering-{vergadering.pk}@{host}")
    event.add("dtstamp", gestempeld)
    event.add("dtstart", timezone.localtime(vergadering.begin).replace(microsecond=0))
    if vergadering.einde is not None:
        event.add("dtend", timezone.localtime(vergadering.einde).replace(microsecond=0))
    titel = vergadering.titel
    if vergadering.besloten:
        titel = _("%(titel)s (besloten)") % {"titel": titel}
    event.add("summary", titel)
    if vergadering.locatie:
        event.add("location", vergadering.locatie)
    event.add("url", request.build_absolute_uri(reverse("besluitvorming:vergadering", args=[vergadering.pk])))
    event.add("categories", [vergadering.orgaan.naam])
    event.add("class", "PUBLIC")
    geannuleerd = vergadering.status == Vergadering.Status.GEANNULEERD
    event.add("status", "CANCELLED" if geannuleerd else "CONFIRMED")
    event.add("description", _ical_omschrijving(vergadering))
    return event


def _ical_omschrijving(vergadering: Vergadering) -> str:
    if vergadering.besloten:
        return _("Besloten vergadering van %(orgaan)s (Gemeentewet artikel 23).") % {
            "orgaan": vergadering.orgaan.naam
        }
    if vergadering.agenda_gepubliceerd_op is None:
        return _("De agenda is nog niet gepubliceerd.")
    punten = vergadering.openbare_agendapunten  # type: ignore[attr-defined]
    regels = [_("Agenda:")]
    regels += [f"{punt.kenmerk or punt.volgnummer}. {punt.titel}" for punt in punten]
    return "\n".join(regels)


@require_GET
def vergaderingen_ical(request: HttpRequest) -> HttpResponse:
    vergaderingen = list(publiek.feed_vergaderingen(sinds=timezone.now() - FEED_TERUG))
    return _ical(request, naam=_("Vergaderingen"), vergaderingen=vergaderingen)


@require_GET
def orgaan_vergaderingen_ical(request: HttpRequest, slug: str) -> HttpResponse:
    orgaan: Orgaan | None = publiek.orgaan_op_slug(slug)
    if orgaan is None:
        raise Http404
    vergaderingen = list(publiek.feed_vergaderingen(orgaan=orgaan, sinds=timezone.now() - FEED_TERUG))
    return _ical(
        request, naam=_("Vergaderingen van %(orgaan)s") % {"orgaan": orgaan.naam}, vergaderingen=vergaderingen
    )


ZOEK_PER_PAGINA = 20


@require_GET
@snelheidslimiet("zoeken", methoden=("GET",))
def zoeken(request: HttpRequest) -> HttpResponse:
    """Search over the council papers (Dutch stemming, core.zoeken); only what is public now."""
    vraag = request.GET.get("q", "").strip()[:200]
    try:
        pagina = max(1, int(request.GET.get("pagina", "1")))
    except ValueError:
        pagina = 1
    resultaten = None
    treffers: list[zoekmachine.Treffer] = []
    if vraag:
        resultaten = zoekmachine.zoeken(
            vraag=vraag,
            soorten=(ZOEKSOORT_STUK, ZOEKSOORT_RAADSVRAAG),
            aantal=ZOEK_PER_PAGINA,
            begin=(pagina - 1) * ZOEK_PER_PAGINA,
        )
        # The index knows what may ever be public; an agenda not yet published is not, yet.
        # A raadsvraag is indexed only once submitted (services.raadsvragen), so it is public as found.
        stukken = [int(t.sleutel) for t in resultaten.treffers if t.soort == ZOEKSOORT_STUK]
        zichtbaar = publiek.openbare_stuk_ids(stukken)
        treffers = [
            t for t in resultaten.treffers if t.soort != ZOEKSOORT_STUK or int(t.sleutel) in zichtbaar
        ]
    return render(
        request,
        "besluitvorming/publiek/zoeken.html",
        {
            "vraag": vraag,
            "resultaten": resultaten,
            "treffers": treffers,
            "pagina": pagina,
            "vorige": pagina - 1 if pagina > 1 else None,
            "volgende": (pagina + 1 if resultaten and resultaten.totaal > pagina * ZOEK_PER_PAGINA else None),
            "kruimelpad": _kruimelpad((_("Zoeken in raadsstukken"), None)),
        },
    )
