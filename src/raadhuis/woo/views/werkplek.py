"""The Woo pages in the Werkplek: the dashboard of requests by days left, registering a request
that came in by e-mail, letter or at the desk, and the request page with its deadline explanation and
actions. Every action is a plain POST followed by a redirect; bad input re-renders the request page
with the error next to the field, status 400, and changes nothing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raadhuis.accounts.models import Medewerker
from raadhuis.core import bsn, logboek
from raadhuis.core.forms import formulier_uitvoeren
from raadhuis.core.logboek.activiteiten import WOO_VERZOEK_BEHANDELEN as ACTIVITEIT
from raadhuis.core.rechten import mag
from raadhuis.core.selectors import gelijkgestelde_dagen
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.woo.forms import (
    BehandelaarForm,
    DashboardFilterForm,
    IngebrekestellingForm,
    OpschortingBeeindigenForm,
    OpschortingForm,
    VerdagingForm,
    VerduidelijkingOntvangenForm,
    VerduidelijkingVragenForm,
    VerzoekRegistrerenForm,
)
from raadhuis.woo.models import Opschortingssoort, WooVerzoek
from raadhuis.woo.rechten import (
    WOO_BEOORDELING_GOEDKEUREN,
    WOO_STATISTIEK_INZIEN,
    WOO_VERZOEK_BEHANDELEN,
    WOO_WERKPLEK_INZIEN,
    WOO_ZICHTBARE_NAMEN_BEHEREN,
)
from raadhuis.woo.selectors import beoordeling as beoordelingselectors
from raadhuis.woo.selectors import besluiten as besluitselectors
from raadhuis.woo.selectors import documenten as documentselectors
from raadhuis.woo.selectors import verzoeken as selectors
from raadhuis.woo.services import verzoeken as services
from raadhuis.woo.termijnen import Beslistermijn, Status
from raadhuis.woo.termijnen import ingebrekestelling as beroep_mogelijk_vanaf

Kruimelpad = list[tuple[str, str | None]]


@dataclass(frozen=True)
class Regel:
    """A dashboard row: the request, its term, and the state shown for it."""

    verzoek: WooVerzoek
    termijn: Beslistermijn
    weergave: Status


def weergavestatus(termijn: Beslistermijn) -> Status:
    """The state to show: a request with an open suspension stands still (no end date), also on
    the day it was asked, before the suspension's first day (Awb 4:15: from the next day)."""
    return Status.OPGESCHORT if termijn.einddatum is None else termijn.status


def _medewerker(request: HttpRequest) -> Medewerker:
    """The logged-in employee (the view's @werkplek has checked the login and the permission)."""
    gebruiker = ingelogde_gebruiker(request)
    if not isinstance(gebruiker, Medewerker):
        raise PermissionDenied
    return gebruiker


def _werkplek_kruimelpad(*stappen: tuple[str, str | None]) -> Kruimelpad:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Woo-verzoeken"), reverse("woo:werkplek")),
        *stappen,
    ]


# --- the Werkplek: dashboard and registering ------------------------------------------------------


@never_cache
@require_GET
@werkplek(actie=WOO_WERKPLEK_INZIEN)
def werkplek_woo(request: HttpRequest) -> HttpResponse:
    """The dashboard: open requests by days left, overdue first (Woo art. 4.4)."""
    # Always bound: the filter is optional, so no parameters at all is the valid default view.
    form = DashboardFilterForm(request.GET)
    regels = [
        Regel(verzoek=regel.verzoek, termijn=regel.termijn, weergave=weergavestatus(regel.termijn))
        for regel in (
            selectors.verzoeken_dashboard(status=form.cleaned_data["status"] or None)
            if form.is_valid()
            else []
        )
    ]
    tellingen = Counter(regel.weergave for regel in regels)
    template = "woo/werkplek.html"
    if getattr(request, "htmx", False):
        template += "#resultaten"
    return render(
        request,
        template,
        {
            "form": form,
            "regels": regels,
            "aantal_verlopen": tellingen[Status.VERLOPEN],
            "aantal_bijna_verlopen": tellingen[Status.BIJNA_VERLOPEN],
            "aantal_opgeschort": tellingen[Status.OPGESCHORT],
            "mag_behandelen": mag(_medewerker(request), WOO_VERZOEK_BEHANDELEN),
            # Four eyes: what colleagues assessed and this person may approve.
            "te_controleren": list(beoordelingselectors.te_controleren(_medewerker(request))[:50])
            if mag(_medewerker(request), WOO_BEOORDELING_GOEDKEUREN)
            else [],
            "mag_statistiek": mag(_medewerker(request), WOO_STATISTIEK_INZIEN),
            "mag_zichtbare_namen": mag(_medewerker(request), WOO_ZICHTBARE_NAMEN_BEHEREN),
            "kruimelpad": [(_("Werkplek"), reverse("core:werkplek")), (_("Woo-verzoeken"), None)],
        },
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
@werkplek(actie=WOO_VERZOEK_BEHANDELEN)
def verzoek_nieuw(request: HttpRequest) -> HttpResponse:
    """A request that came in by e-mail, letter or at the desk (Woo art. 4.1: every channel)."""
    medewerker = _medewerker(request)
    form = VerzoekRegistrerenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        uitgevoerd = formulier_uitvoeren(
            form,
            lambda gegevens: services.verzoek_registreren(
                onderwerp=gegevens["onderwerp"],
                omschrijving=gegevens["omschrijving"],
                periode_van=gegevens["periode_van"],
                periode_tot=gegevens["periode_tot"],
                verzoeker_naam=gegevens["verzoeker_naam"],
                organisatie=gegevens["organisatie"],
                emailadres=gegevens["emailadres"],
                telefoonnummer=gegevens["telefoonnummer"],
                postadres=gegevens["postadres"],
                kanaal=gegevens["kanaal"],
                ontvangen_op=gegevens["ontvangen_op"],
                door=medewerker,
            ),
        )
        if uitgevoerd is not None:
            verzoek = uitgevoerd.uitkomst
            messages.success(
                request,
                _("Het verzoek is geregistreerd met kenmerk %(kenmerk)s.") % {"kenmerk": verzoek.kenmerk},
            )
            return redirect(_verzoek_url(verzoek))
    return render(
        request,
        "woo/verzoek_nieuw.html",
        {"form": form, "kruimelpad": _werkplek_kruimelpad((_("Verzoek registreren"), None))},
        status=400 if form.errors else 200,
    )


# --- the Werkplek: one request ----------------------------------------------------------------------


def _verzoek_url(verzoek: WooVerzoek) -> str:
    return reverse("woo:verzoek", args=[verzoek.kenmerk])


def _verzoek_of_404(kenmerk: str) -> WooVerzoek:
    verzoek = selectors.verzoek_met_kenmerk(kenmerk)
    if verzoek is None:
        raise Http404
    return verzoek


def _betrokkene(verzoek: WooVerzoek) -> tuple[str, str] | None:
    return ("BSN", verzoek.bsn) if verzoek.bsn else None


def _verzoekpagina(
    request: HttpRequest,
    verzoek: WooVerzoek,
    *,
    forms: dict[str, BaseForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    medewerker = _medewerker(request)
    opschortingen = list(selectors.opschortingen_van(verzoek))
    open_opschorting = next((o for o in opschortingen if o.tot is None), None)
    verdaging = selectors.verdaging_van(verzoek)
    formulieren: dict[str, BaseForm] = {}
    mag_behandelen = mag(medewerker, WOO_VERZOEK_BEHANDELEN)
    if mag_behandelen and not verzoek.is_afgesloten:
        if open_opschorting is None:
            formulieren["verduidelijking"] = VerduidelijkingVragenForm()
            formulieren["opschorting"] = OpschortingForm()
        elif open_opschorting.soort == Opschortingssoort.VERDUIDELIJKING:
            formulieren["verduidelijking_ontvangen"] = VerduidelijkingOntvangenForm()
        else:
            formulieren["opschorting_beeindigen"] = OpschortingBeeindigenForm()
        if verdaging is None:
            formulieren["verdaging"] = VerdagingForm()
        formulieren["ingebrekestelling"] = IngebrekestellingForm()
        formulieren["behandelaar"] = BehandelaarForm(verzoek=verzoek)
        formulieren |= forms or {}
    else:
        # No forms on the page (decided or withdrawn): a refused action is still explained.
        for form in (forms or {}).values():
            for melding in form.errors.get_json_data().values():
                for fout in melding:
                    messages.error(request, fout["message"])
    gebreken = list(verzoek.ingebrekestellingen.all())
    extra = gelijkgestelde_dagen()
    termijn = selectors.termijn_van(verzoek, extra_feestdagen=extra)
    # The page shows the requester's details: a processing of personal data (logboek).
    with logboek.verwerking(
        naam="woo-verzoek.inzien", activiteit=ACTIVITEIT, door=medewerker, betrokkene=_betrokkene(verzoek)
    ):
        context: dict[str, Any] = {
            "verzoek": verzoek,
            "bsn": bsn.maskeer(verzoek.bsn) if verzoek.bsn else "",
            "termijn": termijn,
            "weergave": weergavestatus(termijn),
            "open_opschorting": open_opschorting,
            "opschortingen": opschortingen,
            "verdaging": verdaging,
            "ingebrekestellingen": [
                (gebrek, beroep_mogelijk_vanaf(gebrek.ontvangen_op, extra_feestdagen=extra))
                for gebrek in gebreken
            ],
            "formulieren": formulieren,
            "mag_behandelen": mag_behandelen,
            "documentoverzicht": documentselectors.documentoverzicht(verzoek),
            "herinneringen": selectors.herinneringen_van(verzoek),
            "besluit": besluitselectors.besluit_van(verzoek),
            "heeft_fouten": any(form.errors for form in formulieren.values()),
            "kruimelpad": _werkplek_kruimelpad((verzoek.kenmerk, None)),
            **{f"{naam}_form": form for naam, form in formulieren.items()},
        }
    return render(request, "woo/verzoek.html", context, status=status)


@never_cache
@require_GET
@werkplek(actie=WOO_WERKPLEK_INZIEN)
def verzoek(request: HttpRequest, kenmerk: str) -> HttpResponse:
    return _verzoekpagina(request, _verzoek_of_404(kenmerk))


def _actie(
    request: HttpRequest,
    kenmerk: str,
    naam: str,
    maak_form: Callable[[QueryDict, WooVerzoek], BaseForm],
    uitvoeren: Callable[[WooVerzoek, dict[str, Any], Medewerker], object],
    gelukt: str,
) -> HttpResponse:
    """One POST action on the request page: the form, the service, a message and back; bad input
    shows the page again with the error next to the field (400) and changes nothing."""
    verzoek = _verzoek_of_404(kenmerk)
    medewerker = _medewerker(request)
    form = maak_form(request.POST, verzoek)
    if formulier_uitvoeren(form, lambda gegevens: uitvoeren(verzoek, gegevens, medewerker)) is not None:
        messages.success(request, gelukt)
        return redirect(_verzoek_url(verzoek))
    # Read again: the page shows the request as it is, the rolled-back attempt left nothing.
    return _verzoekpagina(request, _verzoek_of_404(kenmerk), forms={naam: form}, status=400)


@require_POST
@werkplek(actie=WOO_VERZOEK_BEHANDELEN)
def verduidelijking_vragen(request: HttpRequest, kenmerk: str) -> HttpResponse:
    """Woo art. 4.1 lid 5 with Awb 4:15: the term stands still until the answer arrives."""
    return _actie(
        request,
        kenmerk,
        "verduidelijking",
        lambda data, _verzoek: VerduidelijkingVragenForm(data),
        lambda verzoek, gegevens, door: services.verduidelijking_vragen(
            verzoek=verzoek, reden=gegevens["reden"], door=door
        ),
        _("Verduidelijking gevraagd; de beslistermijn is opgeschort."),
    )


@require_POST
@werkplek(actie=WOO_VERZOEK_BEHANDELEN)
def verduidelijking_ontvangen(request: HttpRequest, kenmerk: str) -> HttpResponse:
    return _actie(
        request,
        kenmerk,
        "verduidelijking_ontvangen",
        lambda data, _verzoek: VerduidelijkingOntvangenForm(data),
        lambda verzoek, gegevens, door: services.verduidelijking_ontvangen(
            verzoek=verzoek, op=gegevens["op"], door=door
        ),
        _("De verduidelijking is vastgelegd; de beslistermijn loopt weer."),
    )


@require_POST
@werkplek(actie=WOO_VERZOEK_BEHANDELEN)
def opschorting(request: HttpRequest, kenmerk: str) -> HttpResponse:
    """Woo art. 4.4 lid 3: suspended while a third party gives its zienswijze."""
    return _actie(
        request,
        kenmerk,
        "opschorting",
        lambda data, _verzoek: OpschortingForm(data),
        lambda verzoek, gegevens, door: services.zienswijze_opschorting_registreren(
            verzoek=verzoek, van=gegevens["van"], tot=gegevens["tot"], reden=gegevens["reden"], door=door
        ),
        _("De opschorting is vastgelegd."),
    )


@require_POST
@werkplek(actie=WOO_VERZOEK_BEHANDELEN)
def opschorting_beeindigen(request: HttpRequest, kenmerk: str) -> HttpResponse:
    return _actie(
        request,
        kenmerk,
        "opschorting_beeindigen",
        lambda data, _verzoek: OpschortingBeeindigenForm(data),
        lambda verzoek, gegevens, door: services.opschorting_beeindigen(
            verzoek=verzoek, tot=gegevens["tot"], door=door
        ),
        _("De opschorting is beëindigd; de beslistermijn loopt weer."),
    )


@require_POST
@werkplek(actie=WOO_VERZOEK_BEHANDELEN)
def verdaging(request: HttpRequest, kenmerk: str) -> HttpResponse:
    """Woo art. 4.4 lid 2: once, at most two weeks, with reasons, before the first term ends."""
    return _actie(
        request,
        kenmerk,
        "verdaging",
        lambda data, _verzoek: VerdagingForm(data),
        lambda verzoek, gegevens, door: services.verdaging_besluiten(
            verzoek=verzoek,
            reden=gegevens["reden"],
            dagen=gegevens["dagen"],
            besloten_op=gegevens["besloten_op"],
            door=door,
        ),
        _("De verdaging is vastgelegd."),
    )


@require_POST
@werkplek(actie=WOO_VERZOEK_BEHANDELEN)
def ingebrekestelling(request: HttpRequest, kenmerk: str) -> HttpResponse:
    """Awb art. 6:12: a notice of default, with its own two-week clock."""
    return _actie(
        request,
        kenmerk,
        "ingebrekestelling",
        lambda data, _verzoek: IngebrekestellingForm(data),
        lambda verzoek, gegevens, door: services.ingebrekestelling_registreren(
            verzoek=verzoek, ontvangen_op=gegevens["ontvangen_op"], door=door
        ),
        _("De ingebrekestelling is vastgelegd."),
    )


@require_POST
@werkplek(actie=WOO_VERZOEK_BEHANDELEN)
def behandelaar(request: HttpRequest, kenmerk: str) -> HttpResponse:
    return _actie(
        request,
        kenmerk,
        "behandelaar",
        lambda data, verzoek: BehandelaarForm(data, verzoek=verzoek),
        lambda verzoek, gegevens, door: services.behandelaar_toewijzen(
            verzoek=verzoek, behandelaar=gegevens["behandelaar"], door=door
        ),
        _("De behandelaar is vastgelegd."),
    )
