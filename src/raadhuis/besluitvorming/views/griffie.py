"""The griffie's back office in the Werkplek: meetings per body, the agenda builder, presentielijst,
opening (Gemeentewet art. 20), stukken. Every button works with htmx (a re-rendered partial) and
without JavaScript (POST, then redirect)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadhuis.besluitvorming import selectors, services
from raadhuis.besluitvorming.forms import (
    AgendapuntForm,
    NaarVergaderingForm,
    PresentielijstForm,
    StukForm,
    VergaderingForm,
    VervolgForm,
)
from raadhuis.besluitvorming.models import Agendapunt, Persoon, Vergadering
from raadhuis.besluitvorming.rechten import AGENDA_BEHEREN
from raadhuis.core.forms import fout_naar_formulier
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek

TEMPLATES = "besluitvorming/werkplek/"


def _kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Besluitvorming"), reverse("besluitvorming:werkplek")),
        *stappen,
    ]


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _agenda_url(vergadering: Vergadering) -> str:
    return reverse("besluitvorming:werkplek_vergadering", args=[vergadering.pk])


@werkplek(actie=AGENDA_BEHEREN)
def vergaderingen(request: HttpRequest) -> HttpResponse:
    vandaag = timezone.localdate()
    per_orgaan = [
        (orgaan, list(selectors.vergaderingen_van(orgaan, van=vandaag - dt.timedelta(days=90))))
        for orgaan in selectors.organen_op(vandaag)
    ]
    return render(
        request,
        TEMPLATES + "vergaderingen.html",
        {"per_orgaan": per_orgaan, "kruimelpad": _kruimelpad((_("Vergaderingen"), None))},
    )


def _vergadering_formulier(request: HttpRequest, vergadering: Vergadering | None) -> HttpResponse:
    form = VergaderingForm(request.POST or None, instance=vergadering)
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        velden: dict[str, Any] = {
            "titel": gegevens["titel"],
            "begin": gegevens["begin"],
            "einde": gegevens["einde"],
            "locatie": gegevens["locatie"],
            "besloten": gegevens["besloten"],
            "aanleiding": gegevens["aanleiding"],
        }
        try:
            if vergadering is None:
                vergadering = services.vergadering_plannen(
                    orgaan=gegevens["orgaan"], door=ingelogde_gebruiker(request), **velden
                )
            else:
                vergadering = services.vergadering_bijwerken(
                    vergadering=vergadering, door=ingelogde_gebruiker(request), **velden
                )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("De vergadering is opgeslagen."))
            return redirect(_agenda_url(vergadering))
    titel = _("Vergadering bewerken") if vergadering else _("Nieuwe vergadering")
    return render(
        request,
        TEMPLATES + "vergadering_formulier.html",
        {
            "form": form,
            "titel": titel,
            "vergadering": vergadering,
            "kruimelpad": _kruimelpad(
                (_("Vergaderingen"), reverse("besluitvorming:werkplek_vergaderingen")), (titel, None)
            ),
        },
        status=400 if form.errors else 200,
    )


@werkplek(actie=AGENDA_BEHEREN)
def vergadering_nieuw(request: HttpRequest) -> HttpResponse:
    return _vergadering_formulier(request, None)


@werkplek(actie=AGENDA_BEHEREN)
def vergadering_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    return _vergadering_formulier(request, get_object_or_404(Vergadering, pk=pk))


def _agenda_context(vergadering_pk: int, **extra: Any) -> dict[str, Any]:
    try:
        vergadering = selectors.vergadering_met_agenda(vergadering_pk)
    except Vergadering.DoesNotExist:
        raise Http404 from None
    return {
        "vergadering": vergadering,
        "bewerkbaar": vergadering.status == Vergadering.Status.GEPLAND,
        "andere_vergaderingen": list(selectors.andere_geplande_vergaderingen(vergadering)),
        **extra,
    }


def _agenda_pagina(request: HttpRequest, pk: int, *, form: AgendapuntForm | None = None) -> HttpResponse:
    context = _agenda_context(pk, form=form or AgendapuntForm())
    vergadering = context["vergadering"]
    context["kruimelpad"] = _kruimelpad(
        (_("Vergaderingen"), reverse("besluitvorming:werkplek_vergaderingen")), (vergadering.titel, None)
    )
    return render(
        request, TEMPLATES + "vergadering.html", context, status=400 if form and form.errors else 200
    )


@werkplek(actie=AGENDA_BEHEREN)
def vergadering(request: HttpRequest, pk: int) -> HttpResponse:
    return _agenda_pagina(request, pk)


def _agenda_antwoord(
    request: HttpRequest,
    vergadering: Vergadering,
    *,
    melding: str,
    fout: ValidationError | None,
    anker: str = "",
    focus: tuple[int, str] | None = None,
) -> HttpResponse:
    """htmx gets the re-rendered agenda with the message in it; a plain POST a redirect. `focus` (item,
    direction) puts autofocus on the moved item's button, so keyboard focus stays with the item even when
    the pressed button is gone (the new first item has no "Omhoog"); htmx focuses it after the swap."""
    if _is_htmx(request):
        context = _agenda_context(
            vergadering.pk,
            melding=None if fout else melding,
            fouten=fout.messages if fout else [],
            via_htmx=True,
            focus_punt=focus[0] if focus else None,
            focus_richting=focus[1] if focus else "",
        )
        return render(request, TEMPLATES + "vergadering.html#agenda", context)
    if fout is not None:
        for tekst in fout.messages:
            messages.error(request, tekst)
    else:
        messages.success(request, melding)
    return redirect(_agenda_url(vergadering) + anker)


@werkplek(actie=AGENDA_BEHEREN)
def agendapunt_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    vergadering_obj = get_object_or_404(Vergadering, pk=pk)
    if request.method != "POST":
        return redirect(_agenda_url(vergadering_obj) + "#nieuw-agendapunt")
    form = AgendapuntForm(request.POST)
    if form.is_valid():
        try:
            punt = services.agendapunt_toevoegen(
                vergadering=vergadering_obj, door=ingelogde_gebruiker(request), **_agendapunt_velden(form)
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Agendapunt “%(titel)s” is toegevoegd.") % {"titel": punt.titel})
            return redirect(_agenda_url(vergadering_obj) + f"#agendapunt-{punt.pk}")
    return _agenda_pagina(request, pk, form=form)


def _agendapunt_velden(form: AgendapuntForm) -> dict[str, Any]:
    gegevens = form.cleaned_data
    portefeuillehouder: Persoon | None = gegevens["portefeuillehouder"]
    return {
        "titel": gegevens["titel"],
        "kenmerk": gegevens["kenmerk"],
        "omschrijving": gegevens["omschrijving"],
        "onderwerp": gegevens["onderwerp"],
        "hamerstuk": gegevens["hamerstuk"],
        "besloten": gegevens["besloten"],
        "portefeuillehouder": portefeuillehouder,
    }


@werkplek(actie=AGENDA_BEHEREN)
def agendapunt_bewerken(request: HttpRequest, pk: int, punt: int) -> HttpResponse:
    agendapunt = get_object_or_404(
        Agendapunt.objects.select_related("vergadering"), pk=punt, vergadering_id=pk
    )
    form = AgendapuntForm(request.POST or None, instance=agendapunt)
    if request.method == "POST" and form.is_valid():
        try:
            services.agendapunt_bijwerken(
                agendapunt=agendapunt, door=ingelogde_gebruiker(request), **_agendapunt_velden(form)
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Het agendapunt is opgeslagen."))
            return redirect(_agenda_url(agendapunt.vergadering) + f"#agendapunt-{agendapunt.pk}")
    return render(
        request,
        TEMPLATES + "agendapunt_formulier.html",
        {
            "form": form,
            "agendapunt": agendapunt,
            "vergadering": agendapunt.vergadering,
            "kruimelpad": _kruimelpad(
                (agendapunt.vergadering.titel, _agenda_url(agendapunt.vergadering)),
                (_("Agendapunt bewerken"), None),
            ),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@werkplek(actie=AGENDA_BEHEREN)
def agendapunt_verplaatsen(request: HttpRequest, pk: int, punt: int) -> HttpResponse:
    agendapunt = get_object_or_404(
        Agendapunt.objects.select_related("vergadering"), pk=punt, vergadering_id=pk
    )
    richting: Literal["omhoog", "omlaag"] = "omhoog" if request.POST.get("richting") == "omhoog" else "omlaag"
    fout = None
    try:
        services.agendapunt_verplaatsen(
            agendapunt=agendapunt, richting=richting, door=ingelogde_gebruiker(request)
        )
    except ValidationError as e:
        fout = e
    melding = (
        _("“%(titel)s” staat nu een plaats hoger.")
        if richting == "omhoog"
        else _("“%(titel)s” staat nu een plaats lager.")
    ) % {"titel": agendapunt.titel}
    return _agenda_antwoord(
        request,
        agendapunt.vergadering,
        melding=melding,
        fout=fout,
        anker=f"#agendapunt-{punt}",
        focus=(agendapunt.pk, richting),
    )


@require_POST
@werkplek(actie=AGENDA_BEHEREN)
def agendapunt_naar_vergadering(request: HttpRequest, pk: int, punt: int) -> HttpResponse:
    agendapunt = get_object_or_404(
        Agendapunt.objects.select_related("vergadering"), pk=punt, vergadering_id=pk
    )
    bron = agendapunt.vergadering
    form = NaarVergaderingForm(
        request.POST, vergaderingen=Vergadering.objects.filter(orgaan_id=bron.orgaan_id)
    )
    fout: ValidationError | None = None
    melding = ""
    if form.is_valid():
        doel: Vergadering = form.cleaned_data["vergadering"]
        try:
            services.agendapunt_naar_vergadering(
                agendapunt=agendapunt, vergadering=doel, door=ingelogde_gebruiker(request)
            )
        except ValidationError as e:
            fout = e
        melding = _("“%(titel)s” is verplaatst naar %(vergadering)s.") % {
            "titel": agendapunt.titel,
            "vergadering": doel.titel,
        }
    else:
        fout = ValidationError(_("Kies de vergadering waar het agendapunt naartoe gaat."))
    return _agenda_antwoord(request, bron, melding=melding, fout=fout)


@require_POST
@werkplek(actie=AGENDA_BEHEREN)
def agendapunt_verwijderen(request: HttpRequest, pk: int, punt: int) -> HttpResponse:
    agendapunt = get_object_or_404(
        Agendapunt.objects.select_related("vergadering"), pk=punt, vergadering_id=pk
    )
    fout = None
    try:
        services.agendapunt_verwijderen(agendapunt=agendapunt, door=ingelogde_gebruiker(request))
    except ValidationError as e:
        fout = e
    melding = _("“%(titel)s” is van de agenda gehaald.") % {"titel": agendapunt.titel}
    return _agenda_antwoord(request, agendapunt.vergadering, melding=melding, fout=fout)


@werkplek(actie=AGENDA_BEHEREN)
def stuk_nieuw(request: HttpRequest, pk: int, punt: int) -> HttpResponse:
    agendapunt = get_object_or_404(
        Agendapunt.objects.select_related("vergadering"), pk=punt, vergadering_id=pk
    )
    form = StukForm(request.POST or None, request.FILES or None, initial={"datum": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            stuk = services.stuk_toevoegen(
                agendapunt=agendapunt,
                soort=gegevens["soort"],
                titel=gegevens["titel"],
                kenmerk=gegevens["kenmerk"],
                datum=gegevens["datum"],
                openbaarheid=gegevens["openbaarheid"],
                geheim_tot_bekrachtiging=gegevens["geheim_tot_bekrachtiging"],
                bestand=gegevens["bestand"],
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Stuk “%(titel)s” is toegevoegd.") % {"titel": stuk.titel})
            return redirect(_agenda_url(agendapunt.vergadering) + f"#agendapunt-{agendapunt.pk}")
    return render(
        request,
        TEMPLATES + "stuk_formulier.html",
        {
            "form": form,
            "agendapunt": agendapunt,
            "kruimelpad": _kruimelpad(
                (agendapunt.vergadering.titel, _agenda_url(agendapunt.vergadering)),
                (_("Stuk toevoegen"), None),
            ),
        },
        status=400 if form.errors else 200,
    )


@werkplek(actie=AGENDA_BEHEREN)
def presentielijst(request: HttpRequest, pk: int) -> HttpResponse:
    vergadering_obj = get_object_or_404(Vergadering.objects.select_related("orgaan"), pk=pk)
    regels = selectors.presentielijst(vergadering_obj)
    personen = Persoon.objects.filter(pk__in=[regel.persoon.pk for regel in regels])
    form = PresentielijstForm(request.POST or None, personen=personen)
    if request.method == "POST" and form.is_valid():
        try:
            services.presentielijst_vastleggen(
                vergadering=vergadering_obj,
                aanwezigen=list(form.cleaned_data["aanwezigen"]),
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("De presentielijst is opgeslagen."))
            return redirect(_agenda_url(vergadering_obj))
    if request.method == "POST":
        gekozen = {str(waarde) for waarde in request.POST.getlist("aanwezigen")}
    else:
        gekozen = {str(regel.persoon.pk) for regel in regels if regel.aanwezig}
    return render(
        request,
        TEMPLATES + "presentielijst.html",
        {
            "form": form,
            "vergadering": vergadering_obj,
            "regels": [(regel, str(regel.persoon.pk) in gekozen) for regel in regels],
            "kruimelpad": _kruimelpad(
                (vergadering_obj.titel, _agenda_url(vergadering_obj)), (_("Presentielijst"), None)
            ),
        },
        status=400 if form.errors else 200,
    )


@werkplek(actie=AGENDA_BEHEREN)
def openen(request: HttpRequest, pk: int) -> HttpResponse:
    """GET explains, POST tries to open (art. 20 lid 1) and shows the quorum with its explanation."""
    vergadering_obj = get_object_or_404(Vergadering.objects.select_related("orgaan"), pk=pk)
    opening = None
    vervolg = None
    fouten: list[str] = []
    if request.method == "POST":
        try:
            opening = services.vergadering_openen(
                vergadering=vergadering_obj, door=ingelogde_gebruiker(request)
            )
        except ValidationError as fout:
            fouten = fout.messages
        else:
            vergadering_obj = opening.vergadering
            if opening.vervolg_vanaf is not None:
                vervolg = VervolgForm(initial={"begin": timezone.localtime(opening.vervolg_vanaf)})
    return _opening_pagina(request, vergadering_obj, opening=opening, vervolg=vervolg, fouten=fouten)


def _opening_pagina(
    request: HttpRequest,
    vergadering: Vergadering,
    *,
    opening: services.Opening | None,
    vervolg: VervolgForm | None,
    fouten: list[str],
) -> HttpResponse:
    return render(
        request,
        TEMPLATES + "opening.html",
        {
            "vergadering": vergadering,
            "opening": opening,
            "vervolg": vervolg,
            "fouten": fouten,
            "kruimelpad": _kruimelpad((vergadering.titel, _agenda_url(vergadering)), (_("Openen"), None)),
        },
        status=400 if fouten or (vervolg is not None and vervolg.errors) else 200,
    )


@require_POST
@werkplek(actie=AGENDA_BEHEREN)
def vervolg_plannen(request: HttpRequest, pk: int) -> HttpResponse:
    oud = get_object_or_404(Vergadering.objects.select_related("orgaan"), pk=pk)
    form = VervolgForm(request.POST)
    if form.is_valid():
        try:
            nieuw = services.vervolgvergadering_plannen(
                vergadering=oud, begin=form.cleaned_data["begin"], door=ingelogde_gebruiker(request)
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("De nieuwe vergadering is gepland (Gemeentewet art. 20 lid 2)."))
            return redirect(_agenda_url(nieuw))
    return _opening_pagina(request, oud, opening=None, vervolg=form, fouten=[])


@require_POST
@werkplek(actie=AGENDA_BEHEREN)
def status_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    vergadering_obj = get_object_or_404(Vergadering, pk=pk)
    door = ingelogde_gebruiker(request)
    actie = request.POST.get("actie")
    try:
        if actie == "annuleren":
            services.vergadering_annuleren(vergadering=vergadering_obj, door=door)
            messages.success(request, _("De vergadering is geannuleerd."))
        elif actie == "gehouden":
            services.vergadering_gehouden(vergadering=vergadering_obj, door=door)
            messages.success(request, _("De vergadering is afgesloten als gehouden."))
        elif actie == "besluitenlijst":
            services.besluitenlijst_vaststellen(vergadering=vergadering_obj, door=door)
            messages.success(request, _("De besluitenlijst is vastgesteld."))
        else:
            messages.error(request, _("Onbekende handeling."))
    except ValidationError as fout:
        for tekst in fout.messages:
            messages.error(request, tekst)
    return redirect(_agenda_url(vergadering_obj))
