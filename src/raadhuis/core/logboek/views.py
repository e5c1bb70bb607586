"""The privacy officer's pages (log search, export, register) and a resident's "Mijn gegevens"."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadhuis.core import bsn as bsn_module
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, huidige_identiteit
from raadhuis.core.logboek import activiteiten, services
from raadhuis.core.logboek.api import betrokkene_hash, vastleggen, verwerking
from raadhuis.core.logboek.forms import (
    LogboekZoekForm,
    VerwerkingsactiviteitForm,
    VerwerkingsactiviteitHerzienForm,
)
from raadhuis.core.logboek.rechten import LOGBOEK_INZIEN, VERWERKINGSREGISTER_BEHEREN
from raadhuis.core.logboek.selectors import (
    Logboekfilter,
    actuele_verwerkingsactiviteiten,
    betrokkene_gemaskeerd,
    logregels,
    maskeren,
    rollen_tonen,
    versies_van,
    verwerkingen_van_betrokkene,
)
from raadhuis.core.models import Logregel, Verwerkingsactiviteit
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek

FILTER_SESSIE = "raadhuis_logboekfilter"
PER_PAGINA = 25
# MijnOverheid shows a resident's own BRP data from DigiD basis up; their processing log is of
# the same nature, so any DigiD (or eHerkenning) login will do.
MINIMUM_NIVEAU_INZAGE = Betrouwbaarheidsniveau.LAAG


def _kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [(_("Werkplek"), reverse("core:werkplek")), *stappen]


def _filter_lezen(sessie: SessionBase) -> tuple[Logboekfilter, dict[str, Any]]:
    opgeslagen = sessie.get(FILTER_SESSIE)
    if not isinstance(opgeslagen, dict):
        return Logboekfilter(), {}
    try:
        filter = Logboekfilter(
            betrokkene_type=str(opgeslagen.get("betrokkene_type", "")),
            betrokkene_hash=str(opgeslagen.get("betrokkene_hash", "")),
            medewerker_id=str(opgeslagen.get("medewerker_id", "")),
            activiteit=str(opgeslagen.get("activiteit", "")),
            vanaf=date.fromisoformat(opgeslagen["vanaf"]) if opgeslagen.get("vanaf") else None,
            tot_en_met=date.fromisoformat(opgeslagen["tot_en_met"]) if opgeslagen.get("tot_en_met") else None,
        )
    except (TypeError, ValueError):
        return Logboekfilter(), {}
    return filter, opgeslagen


def _zoeken(request: HttpRequest, form: LogboekZoekForm) -> None:
    """Keeps the search in the session (a BSN never goes into a URL or a server log line), holding
    the data subject only encrypted and as a keyed hash. A search by data subject is itself a
    processing of that person's data, so it is logged."""
    gegevens = form.cleaned_data
    medewerker = gegevens.get("medewerker")
    opgeslagen: dict[str, Any] = {
        "medewerker_id": str(medewerker.pk) if medewerker else "",
        "activiteit": gegevens.get("activiteit") or "",
        "vanaf": gegevens["vanaf"].isoformat() if gegevens.get("vanaf") else "",
        "tot_en_met": gegevens["tot_en_met"].isoformat() if gegevens.get("tot_en_met") else "",
    }
    waarde = gegevens.get("betrokkene") or ""
    if not waarde:
        request.session[FILTER_SESSIE] = opgeslagen
        return
    soort = gegevens["betrokkene_type"]
    opgeslagen |= {
        "betrokkene_type": soort,
        "betrokkene_hash": betrokkene_hash(soort, waarde),
        "betrokkene_versleuteld": bsn_module.versleutel(waarde),
        "betrokkene_gemaskeerd": maskeren(soort, waarde),
    }
    with verwerking(
        naam="logboek.zoeken_op_betrokkene",
        activiteit=activiteiten.LOGBOEK_RAADPLEGEN,
        door=ingelogde_gebruiker(request),
        betrokkene=(soort, waarde),
    ):
        request.session[FILTER_SESSIE] = opgeslagen


@werkplek(actie=LOGBOEK_INZIEN)
def overzicht(request: HttpRequest) -> HttpResponse:
    """AVG art. 5 lid 2 and BIO 12.4: the privacy officer answers who processed what, and why."""
    status = 200
    if request.method == "POST":
        if "wissen" in request.POST:
            request.session.pop(FILTER_SESSIE, None)
            return redirect("core:logboek:overzicht")
        form = LogboekZoekForm(request.POST)
        if form.is_valid():
            _zoeken(request, form)
            return redirect("core:logboek:overzicht")
        status = 400
    filter, opgeslagen = _filter_lezen(request.session)
    if request.method != "POST":
        form = LogboekZoekForm(
            initial={
                "betrokkene_type": opgeslagen.get("betrokkene_type") or "BSN",
                "medewerker": opgeslagen.get("medewerker_id") or None,
                "activiteit": opgeslagen.get("activiteit", ""),
                "vanaf": opgeslagen.get("vanaf") or None,
                "tot_en_met": opgeslagen.get("tot_en_met") or None,
            }
        )
    pagina = Paginator(logregels(filter), PER_PAGINA).get_page(request.GET.get("pagina"))
    return render(
        request,
        "logboek/overzicht.html",
        {
            "form": form,
            "pagina": pagina,
            "regels": [(regel, betrokkene_gemaskeerd(regel), rollen_tonen(regel)) for regel in pagina],
            "gefilterd": bool(opgeslagen),
            "gezochte_betrokkene": opgeslagen.get("betrokkene_gemaskeerd", ""),
            "kruimelpad": _kruimelpad((_("Logboek dataverwerkingen"), None)),
        },
        status=status,
    )


class _Echo:
    def write(self, waarde: str) -> str:
        return waarde


def _veilig(waarde: str) -> str:
    # OWASP "CSV injection": a cell starting with = + - @ is a formula to a spreadsheet.
    return "'" + waarde if waarde[:1] in {"=", "+", "-", "@", "\t", "\r"} else waarde


def _csv_regels(filter: Logboekfilter) -> Iterator[str]:
    schrijver = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff"  # so spreadsheet programs read UTF-8
    yield schrijver.writerow(
        [
            _("volgnummer"), _("begin"), _("einde"), _("handeling"), _("verwerkingsactiviteit"),
            "processing_activity_id", _("soort betrokkene-id"), _("betrokkene (gemaskeerd)"),
            _("soort handelende"), _("handelende"), _("rollen"), _("status"), "trace_id", "span_id",
            "parent_span_id", _("hash"),
        ]
    )  # fmt: skip
    for regel in logregels(filter).iterator(chunk_size=1000):
        yield schrijver.writerow(
            [
                _veilig(str(waarde))
                for waarde in (
                    regel.volgnummer,
                    regel.start_tijd.isoformat(),
                    regel.eind_tijd.isoformat(),
                    regel.naam,
                    regel.verwerkingsactiviteit.naam,
                    regel.verwerkingsactiviteit.uri,
                    regel.betrokkene_type,
                    betrokkene_gemaskeerd(regel),
                    regel.get_door_soort_display(),
                    regel.door_id,
                    rollen_tonen(regel),
                    Logregel.Status(regel.status).name,
                    regel.trace_id,
                    regel.span_id,
                    regel.parent_span_id,
                    regel.hash,
                )
            ]
        )


@werkplek(actie=LOGBOEK_INZIEN)
def _toegang_tot_logboek(request: HttpRequest) -> HttpResponse:
    return HttpResponse(status=204)


@require_POST
def exporteren(request: HttpRequest) -> HttpResponseBase:
    """The filtered log as CSV, data subjects masked. An export is a processing, so it is logged
    (with the searched data subject, if any) before a byte leaves."""
    # The Werkplek guard types its views as returning HttpResponse; a streamed export is not one,
    # so the guard is asked through a probe view and its answer (login, 2FA, 403) passed on.
    toegang = _toegang_tot_logboek(request)
    if toegang.status_code != 204:
        return toegang
    filter, opgeslagen = _filter_lezen(request.session)
    betrokkene: tuple[str, str] | None = None
    if opgeslagen.get("betrokkene_versleuteld"):
        betrokkene = (filter.betrokkene_type, bsn_module.ontsleutel(opgeslagen["betrokkene_versleuteld"]))
    vastleggen(
        naam="logboek.exporteren",
        activiteit=activiteiten.LOGBOEK_RAADPLEGEN,
        betrokkene=betrokkene,
        door=ingelogde_gebruiker(request),
    )
    antwoord = StreamingHttpResponse(_csv_regels(filter), content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = f'attachment; filename="logboek-{timezone.localdate():%Y%m%d}.csv"'
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@werkplek(actie=LOGBOEK_INZIEN)
def register(request: HttpRequest) -> HttpResponse:
    """The register of processing activities (AVG art. 30), current versions."""
    return render(
        request,
        "logboek/register.html",
        {
            "activiteiten": actuele_verwerkingsactiviteiten(),
            "mag_beheren": mag(request.user, VERWERKINGSREGISTER_BEHEREN),
            "kruimelpad": _kruimelpad((_("Verwerkingsregister"), None)),
        },
    )


@werkplek(actie=LOGBOEK_INZIEN)
def activiteit(request: HttpRequest, sleutel: str) -> HttpResponse:
    versies = list(versies_van(sleutel))
    if not versies:
        raise Http404
    return render(
        request,
        "logboek/activiteit.html",
        {
            "actueel": versies[0],
            "versies": versies,
            "mag_beheren": mag(request.user, VERWERKINGSREGISTER_BEHEREN),
            "kruimelpad": _kruimelpad(
                (_("Verwerkingsregister"), reverse("core:logboek:register")), (versies[0].naam, None)
            ),
        },
    )


@werkplek(actie=VERWERKINGSREGISTER_BEHEREN)
def activiteit_toevoegen(request: HttpRequest) -> HttpResponse:
    form = VerwerkingsactiviteitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        gegevens = {veld: form.cleaned_data[veld] for veld in services.INHOUD}
        try:
            nieuw = services.verwerkingsactiviteit_toevoegen(
                sleutel=form.cleaned_data["sleutel"],
                gegevens=gegevens,
                toelichting=form.cleaned_data["toelichting"],
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("De verwerkingsactiviteit staat in het register."))
            return redirect("core:logboek:activiteit", sleutel=nieuw.sleutel)
    return render(
        request,
        "logboek/activiteit_formulier.html",
        {
            "form": form,
            "titel": _("Verwerkingsactiviteit toevoegen"),
            "kruimelpad": _kruimelpad(
                (_("Verwerkingsregister"), reverse("core:logboek:register")), (_("Toevoegen"), None)
            ),
        },
        status=400 if form.errors else 200,
    )


@werkplek(actie=VERWERKINGSREGISTER_BEHEREN)
def activiteit_herzien(request: HttpRequest, sleutel: str) -> HttpResponse:
    laatste = versies_van(sleutel).first()
    if laatste is None:
        raise Http404
    # The version the officer started from travels with the form, so a concurrent revision is noticed.
    basis = laatste
    if request.method == "POST":
        versie = request.POST.get("versie", "")
        if not versie.isdigit():
            raise SuspiciousOperation("versie ontbreekt of is geen getal")  # only a tampered form; 400
        basis = get_object_or_404(Verwerkingsactiviteit, sleutel=sleutel, versie=int(versie))
    form = VerwerkingsactiviteitHerzienForm(
        request.POST or None, initial={veld: getattr(laatste, veld) for veld in services.INHOUD}
    )
    if request.method == "POST" and form.is_valid():
        try:
            nieuw = services.verwerkingsactiviteit_herzien(
                activiteit=basis,
                gegevens={veld: form.cleaned_data[veld] for veld in services.INHOUD},
                toelichting=form.cleaned_data["toelichting"],
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("Versie %(versie)s is vastgelegd.") % {"versie": nieuw.versie})
            return redirect("core:logboek:activiteit", sleutel=sleutel)
    return render(
        request,
        "logboek/activiteit_formulier.html",
        {
            "form": form,
            "versie": basis.versie,
            "titel": _("%(naam)s herzien") % {"naam": laatste.naam},
            "kruimelpad": _kruimelpad(
                (_("Verwerkingsregister"), reverse("core:logboek:register")),
                (laatste.naam, reverse("core:logboek:activiteit", args=[sleutel])),
                (_("Herzien"), None),
            ),
        },
        status=400 if form.errors else 200,
    )


def mijn_gegevens(request: HttpRequest) -> HttpResponse:
    """AVG art. 15 (inzage): which processings concerned the logged-in resident, when, for which
    activity with its purpose and legal basis as they applied, and by which role. Not the
    employee's name: the right of access covers dates and purposes of consultation, not the
    identity of staff acting under the controller's authority (CJEU C-579/21, Pankki S)."""
    identiteit = huidige_identiteit(request.session)
    if identiteit is None:
        try:
            inloggen = reverse("accounts:inloggen_digid")
        except NoReverseMatch:
            return render(request, "logboek/inloggen_nodig.html", {"niveau_te_laag": False})
        return redirect(f"{inloggen}?{urlencode({'next': request.get_full_path()})}")
    if not identiteit.voldoet_aan(MINIMUM_NIVEAU_INZAGE):
        return render(request, "logboek/inloggen_nodig.html", {"niveau_te_laag": True}, status=403)
    soort, waarde = identiteit.betrokkene_sleutel
    vastleggen(
        naam="mijn_gegevens.inzien",
        activiteit=activiteiten.INZAGE_EIGEN_GEGEVENS,
        betrokkene=(soort, waarde),
        door=identiteit,
    )
    pagina = Paginator(
        verwerkingen_van_betrokkene(soort=soort, sleutelhash=betrokkene_hash(soort, waarde)), PER_PAGINA
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "logboek/mijn_gegevens.html",
        {
            "pagina": pagina,
            "regels": [(regel, rollen_tonen(regel)) for regel in pagina],
            "identiteit": identiteit,
            "kruimelpad": [(_("Home"), reverse("core:home")), (_("Mijn gegevens"), None)],
        },
    )
