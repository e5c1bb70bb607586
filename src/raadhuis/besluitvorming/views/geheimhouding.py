"""The griffie's page on secret papers (Gemeentewet art. 25): what waits for the raad's confirmation
and which meeting decides, confirming it, and lifting secrecy after a raad decision."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.models import Stuk, Vergadering
from raadhuis.besluitvorming.rechten import GRIFFIE_ROLLEN
from raadhuis.besluitvorming.selectors import geheimhouding as selectors
from raadhuis.core.forms import DatumInvoer, RaadhuisForm
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek

TERUG = "besluitvorming:werkplek_geheimhouding"


class OpheffenForm(RaadhuisForm):
    besloten_op = forms.DateField(
        label=gettext_lazy("Datum van het raadsbesluit"),
        widget=DatumInvoer(),
        error_messages={"required": gettext_lazy("Vul de datum van het raadsbesluit in.")},
    )


@werkplek(*GRIFFIE_ROLLEN)
def overzicht(request: HttpRequest) -> HttpResponse:
    kruimelpad = [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Besluitvorming"), reverse("besluitvorming:werkplek")),
        (_("Geheime stukken"), None),
    ]
    context = {
        "kruimelpad": kruimelpad,
        "wachtend": selectors.wachten_op_bekrachtiging(),
        "geheim": selectors.geheime_stukken(),
        "geeindigd": selectors.geeindigde_geheimhoudingen(),
    }
    return render(request, "besluitvorming/werkplek/geheimhouding.html", context)


@werkplek(*GRIFFIE_ROLLEN)
@require_POST
def bekrachtigen(request: HttpRequest, pk: int, vergadering: int) -> HttpResponse:
    stuk = get_object_or_404(Stuk, pk=pk)
    raadsvergadering = get_object_or_404(Vergadering.objects.select_related("orgaan"), pk=vergadering)
    try:
        services.geheimhouding_bekrachtigen(
            stuk=stuk, vergadering=raadsvergadering, door=ingelogde_gebruiker(request)
        )
    except ValidationError as fout:
        for melding in fout.messages:
            messages.error(request, melding)
    else:
        messages.success(
            request, _("De geheimhouding van '%(titel)s' is bekrachtigd.") % {"titel": stuk.titel}
        )
    return redirect(TERUG)


@werkplek(*GRIFFIE_ROLLEN)
@require_POST
def opheffen(request: HttpRequest, pk: int) -> HttpResponse:
    stuk = get_object_or_404(Stuk, pk=pk)
    form = OpheffenForm(request.POST)
    if form.is_valid():
        try:
            services.geheimhouding_opheffen(
                stuk=stuk, besloten_op=form.cleaned_data["besloten_op"], door=ingelogde_gebruiker(request)
            )
        except ValidationError as fout:
            for melding in fout.messages:
                messages.error(request, melding)
        else:
            messages.success(
                request, _("De geheimhouding van '%(titel)s' is opgeheven.") % {"titel": stuk.titel}
            )
            return redirect(TERUG)
    else:
        for veldfout in form.errors.get("besloten_op", []):
            messages.error(request, str(veldfout))
    return redirect(TERUG)
