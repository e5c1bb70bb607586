"""Inspreken: the public request form and withdrawal link, and the griffie's Werkplek pages to admit or
decline speakers and set their order (services.inspreken)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from raadhuis.besluitvorming.forms_inspreken import (
    VRIJ,
    AfwijzenForm,
    InspreekregelingForm,
    SpreekverzoekForm,
    ToelatenForm,
    VolgordeForm,
)
from raadhuis.besluitvorming.models import Orgaan, Spreekverzoek, Vergadering
from raadhuis.besluitvorming.rechten import INSPREKEN_BEHANDELEN
from raadhuis.besluitvorming.selectors import inspreken as selectors
from raadhuis.besluitvorming.services import inspreken as services
from raadhuis.core.forms import fout_naar_formulier
from raadhuis.core.identiteit import huidige_identiteit
from raadhuis.core.snelheid import snelheidslimiet
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek

SJABLONEN = "besluitvorming/inspreken/"


def _publiek_kruimelpad(
    vergadering: Vergadering | None, *stappen: tuple[str, str | None]
) -> list[tuple[str, str | None]]:
    pad: list[tuple[str, str | None]] = [
        (_("Home"), reverse("core:home")),
        (_("Bestuur"), reverse("besluitvorming:bestuur")),
        (_("Vergaderingen"), reverse("besluitvorming:kalender")),
    ]
    if vergadering is not None:
        pad.append((vergadering.titel, reverse("besluitvorming:vergadering", args=[vergadering.pk])))
    return [*pad, *stappen]


@require_http_methods(["GET", "POST"])
@snelheidslimiet("formulieren")
def aanmelden(request: HttpRequest, pk: int) -> HttpResponse:
    """The request form of one meeting; ?agendapunt=<id> chooses the item (the link on the agenda)."""
    vergadering = get_object_or_404(Vergadering.objects.select_related("orgaan"), pk=pk)
    mogelijkheid = selectors.inspreekmogelijkheid(vergadering)
    identiteit = huidige_identiteit(request.session)
    initial = {"agendapunt": request.GET.get("agendapunt", ""), "naam": identiteit.naam if identiteit else ""}
    form = SpreekverzoekForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        agendapunten=selectors.agendapunten_om_in_te_spreken(vergadering),
        vrij_onderwerp=mogelijkheid.vrij_onderwerp,
    )
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            services.spreekverzoek_indienen(
                vergadering=vergadering,
                agendapunt=form.gekozen_agendapunt(),
                onderwerp=gegevens.get("onderwerp", "") if gegevens["agendapunt"] == VRIJ else "",
                naam=gegevens["naam"],
                organisatie=gegevens["organisatie"],
                kvk_nummer=gegevens["kvk_nummer"],
                emailadres=gegevens["emailadres"],
                telefoonnummer=gegevens["telefoonnummer"],
                samenvatting=gegevens["samenvatting"],
                naam_publiceren=gegevens["naam_publiceren"],
                akkoord=gegevens["akkoord"],
                taal=(get_language() or "nl")[:2],
                door=identiteit,
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            return redirect("besluitvorming:inspreken_ontvangen", pk=vergadering.pk)
    context = {
        "vergadering": vergadering,
        "mogelijkheid": mogelijkheid,
        "form": form,
        "kruimelpad": _publiek_kruimelpad(vergadering, (_("Inspreken"), None)),
    }
    return render(request, SJABLONEN + "aanmelden.html", context, status=400 if form.errors else 200)


def ontvangen(request: HttpRequest, pk: int) -> HttpResponse:
    vergadering = get_object_or_404(Vergadering, pk=pk)
    return render(
        request,
        SJABLONEN + "ontvangen.html",
        {"vergadering": vergadering, "kruimelpad": _publiek_kruimelpad(vergadering, (_("Aangemeld"), None))},
    )


@require_http_methods(["GET", "POST"])
def intrekken(request: HttpRequest, pk: int, sleutel: str) -> HttpResponse:
    """GET asks, POST withdraws: mail scanners open links and must not withdraw for the reader."""
    verzoek = Spreekverzoek.objects.select_related("vergadering", "agendapunt").filter(pk=pk).first()
    if verzoek is None or not services.sleutel_klopt(verzoek, sleutel):
        return render(
            request,
            SJABLONEN + "ongeldig.html",
            {"kruimelpad": _publiek_kruimelpad(None, (_("Ongeldige link"), None))},
            status=404,
        )
    fout = ""
    if request.method == "POST":
        try:
            verzoek = services.spreekverzoek_intrekken(spreekverzoek=verzoek)
        except ValidationError as fouten:
            fout = " ".join(fouten.messages)
    context = {
        "verzoek": verzoek,
        "fout": fout,
        "kruimelpad": _publiek_kruimelpad(verzoek.vergadering, (_("Aanmelding intrekken"), None)),
    }
    return render(request, SJABLONEN + "intrekken.html", context, status=400 if fout else 200)


# -- The griffie's Werkplek -------------------------------------------------------------------------


def _kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Besluitvorming"), reverse("besluitvorming:werkplek")),
        *stappen,
    ]


@werkplek(actie=INSPREKEN_BEHANDELEN)
def overzicht(request: HttpRequest) -> HttpResponse:
    vanaf = timezone.now() - dt.timedelta(days=1)
    context = {
        "vergaderingen": list(selectors.vergaderingen_met_spreekverzoeken(vanaf=vanaf)),
        "regelingen": list(selectors.regelingen()),
        "organen": list(selectors.organen_zonder_regeling()),
        "kruimelpad": _kruimelpad((_("Inspreken"), None)),
    }
    return render(request, SJABLONEN + "werkplek_overzicht.html", context)


@dataclass
class Regel:
    verzoek: Spreekverzoek
    toelaten: ToelatenForm | None = None
    afwijzen: AfwijzenForm | None = None
    volgorde: VolgordeForm | None = None


def _regels(vergadering: Vergadering, vervangen: dict[str, Any] | None = None) -> list[Regel]:
    regels = []
    for verzoek in selectors.spreekverzoeken_van(vergadering):
        regel = Regel(verzoek=verzoek)
        voorvoegsel = f"v{verzoek.pk}"
        if verzoek.status == Spreekverzoek.Status.AANGEVRAAGD:
            regel.toelaten = ToelatenForm(prefix=voorvoegsel)
            regel.afwijzen = AfwijzenForm(prefix=voorvoegsel)
        elif verzoek.status == Spreekverzoek.Status.TOEGELATEN:
            regel.volgorde = VolgordeForm(
                prefix=voorvoegsel, initial={"volgorde": verzoek.volgorde, "spreektijd": verzoek.spreektijd}
            )
        if vervangen and vervangen.get("pk") == verzoek.pk:
            setattr(regel, vervangen["soort"], vervangen["form"])
        regels.append(regel)
    return regels


def _vergadering_pagina(
    request: HttpRequest, vergadering: Vergadering, vervangen: dict[str, Any] | None = None
) -> HttpResponse:
    context = {
        "vergadering": vergadering,
        "regels": _regels(vergadering, vervangen),
        "mogelijkheid": selectors.inspreekmogelijkheid(vergadering),
        "kruimelpad": _kruimelpad(
            (_("Inspreken"), reverse("besluitvorming:werkplek_inspreken")), (vergadering.titel, None)
        ),
    }
    return render(request, SJABLONEN + "werkplek_vergadering.html", context, status=400 if vervangen else 200)


@werkplek(actie=INSPREKEN_BEHANDELEN)
def vergadering(request: HttpRequest, pk: int) -> HttpResponse:
    return _vergadering_pagina(
        request, get_object_or_404(Vergadering.objects.select_related("orgaan"), pk=pk)
    )


def _verzoek(pk: int) -> Spreekverzoek:
    verzoek = Spreekverzoek.objects.select_related("vergadering__orgaan").filter(pk=pk).first()
    if verzoek is None:
        raise Http404
    return verzoek


def _beslissen(request: HttpRequest, pk: int, soort: str) -> HttpResponse:
    verzoek = _verzoek(pk)
    klasse = {"toelaten": ToelatenForm, "afwijzen": AfwijzenForm, "volgorde": VolgordeForm}[soort]
    form = klasse(request.POST, prefix=f"v{verzoek.pk}")
    if form.is_valid():
        gegevens = form.cleaned_data
        door = ingelogde_gebruiker(request)
        try:
            if soort == "toelaten":
                services.spreekverzoek_toelaten(
                    spreekverzoek=verzoek,
                    volgorde=gegevens["volgorde"],
                    spreektijd=gegevens["spreektijd"],
                    door=door,
                )
                messages.success(request, _("%(naam)s is toegelaten als inspreker.") % {"naam": verzoek.naam})
            elif soort == "afwijzen":
                services.spreekverzoek_afwijzen(spreekverzoek=verzoek, reden=gegevens["reden"], door=door)
                messages.success(
                    request, _("Het verzoek van %(naam)s is afgewezen.") % {"naam": verzoek.naam}
                )
            else:
                services.spreekverzoek_volgorde_wijzigen(
                    spreekverzoek=verzoek,
                    volgorde=gegevens["volgorde"],
                    spreektijd=gegevens["spreektijd"],
                    door=door,
                )
                messages.success(request, _("De volgorde is opgeslagen."))
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
    if form.errors:
        return _vergadering_pagina(
            request, verzoek.vergadering, {"pk": verzoek.pk, "soort": soort, "form": form}
        )
    return redirect("besluitvorming:werkplek_inspreken_vergadering", pk=verzoek.vergadering_id)


@werkplek(actie=INSPREKEN_BEHANDELEN)
@require_POST
def toelaten(request: HttpRequest, pk: int) -> HttpResponse:
    return _beslissen(request, pk, "toelaten")


@werkplek(actie=INSPREKEN_BEHANDELEN)
@require_POST
def afwijzen(request: HttpRequest, pk: int) -> HttpResponse:
    return _beslissen(request, pk, "afwijzen")


@werkplek(actie=INSPREKEN_BEHANDELEN)
@require_POST
def volgorde(request: HttpRequest, pk: int) -> HttpResponse:
    return _beslissen(request, pk, "volgorde")


@werkplek(actie=INSPREKEN_BEHANDELEN)
@require_http_methods(["GET", "POST"])
def regeling(request: HttpRequest, pk: int) -> HttpResponse:
    """A body's speaking rules as its Reglement van Orde sets them (verify locally)."""
    orgaan = get_object_or_404(Orgaan, pk=pk)
    bestaand = selectors.regeling_van(orgaan)
    initial = (
        {
            "toegestaan": bestaand.toegestaan,
            "sluiting": bestaand.sluiting,
            "uren_vooraf": bestaand.uren_vooraf,
            "vrij_onderwerp": bestaand.vrij_onderwerp,
            "spreektijd": bestaand.spreektijd,
        }
        if bestaand
        else {"toegestaan": True}
    )
    form = InspreekregelingForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.inspreekregeling_vastleggen(
                orgaan=orgaan, door=ingelogde_gebruiker(request), **form.cleaned_data
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("De regeling voor inspreken is opgeslagen."))
            return redirect("besluitvorming:werkplek_inspreken")
    context = {
        "orgaan": orgaan,
        "form": form,
        "kruimelpad": _kruimelpad(
            (_("Inspreken"), reverse("besluitvorming:werkplek_inspreken")), (orgaan.naam, None)
        ),
    }
    return render(request, SJABLONEN + "werkplek_regeling.html", context, status=400 if form.errors else 200)
