"""The deadline dashboard of the Wgr procedures, and the griffie's actions on it: record a procedure
and put the raad's zienswijze on a council agenda."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.core.rechten import mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.samenwerking import services
from raadhuis.samenwerking.forms import AgenderenForm, ProcedureForm, fout_naar_formulier
from raadhuis.samenwerking.models import Wgrprocedure
from raadhuis.samenwerking.rechten import INZIEN, PROCEDURES_BEHEREN
from raadhuis.samenwerking.selectors.procedures import (
    Dashboardregel,
    dashboard,
    geplande_raadsvergaderingen,
    komende_termijnen,
)

TEMPLATES = "samenwerking/werkplek/"


def _kruimelpad(titel: str) -> list[tuple[str, str | None]]:
    return [
        (_("Werkplek"), reverse("core:werkplek")),
        (_("Samenwerking"), reverse("samenwerking:werkplek")),
        (titel, None),
    ]


def _keuzes(regel: Dashboardregel, geplande: list[Any]) -> list[Any]:
    """Planned raad meetings inside the window first; without one, every planned meeting (the page
    warns that the zienswijze would then come late)."""
    if regel.zienswijze is None:
        return geplande
    binnen = [v for v in geplande if timezone.localtime(v.begin).date() <= regel.zienswijze.datum]
    return binnen or geplande


@werkplek(actie=INZIEN)
def termijnen(request: HttpRequest, formulier: tuple[int, AgenderenForm] | None = None) -> HttpResponse:
    vandaag = timezone.localdate()
    mag_agenderen = mag(request.user, PROCEDURES_BEHEREN)
    geplande = geplande_raadsvergaderingen(vandaag) if mag_agenderen else []
    regels = []
    for regel in dashboard(vandaag=vandaag):
        form = None
        if mag_agenderen and regel.procedure.agendapunt_id is None and regel.zienswijze is not None:
            if formulier and formulier[0] == regel.procedure.pk:
                form = formulier[1]
            else:
                form = AgenderenForm(
                    prefix=f"p{regel.procedure.pk}",
                    vergaderingen=_keuzes(regel, geplande),
                    initial={"concept_zienswijze": regel.procedure.concept_zienswijze},
                )
        regels.append((regel, form))
    return render(
        request,
        TEMPLATES + "termijnen.html",
        {
            "kruimelpad": _kruimelpad(_("Termijnen en zienswijzen")),
            "regels": regels,
            "kalender": komende_termijnen(vandaag=vandaag, dagen=180),
            "vandaag": vandaag,
            "mag_agenderen": mag_agenderen,
        },
        status=400 if formulier else 200,
    )


@werkplek(actie=PROCEDURES_BEHEREN)
def agenderen(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        return redirect("samenwerking:termijnen")
    procedure = get_object_or_404(Wgrprocedure.objects.select_related("verband"), pk=pk)
    vandaag = timezone.localdate()
    geplande = geplande_raadsvergaderingen(vandaag - dt.timedelta(days=1))
    form = AgenderenForm(request.POST, prefix=f"p{pk}", vergaderingen=geplande)
    if form.is_valid():
        try:
            punt = services.zienswijze_agenderen(
                door=ingelogde_gebruiker(request),
                procedure=procedure,
                vergadering=form.vergaderingen[form.cleaned_data["vergadering"]],
                concept_zienswijze=form.cleaned_data["concept_zienswijze"] or None,
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(
                request,
                _("De zienswijze staat op de agenda van %(vergadering)s.")
                % {"vergadering": punt.vergadering.titel},
            )
            return redirect(reverse("samenwerking:termijnen") + f"#procedure-{pk}")
    return termijnen(request, formulier=(pk, form))


@werkplek(actie=PROCEDURES_BEHEREN)
def procedure_nieuw(request: HttpRequest) -> HttpResponse:
    form = ProcedureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.procedure_vastleggen(door=ingelogde_gebruiker(request), **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("De procedure is vastgelegd."))
            return redirect("samenwerking:termijnen")
    titel = _("Nieuwe Wgr-procedure")
    return render(
        request,
        TEMPLATES + "formulier.html",
        {"kruimelpad": _kruimelpad(titel), "form": form, "titel": titel},
        status=400 if form.errors else 200,
    )
