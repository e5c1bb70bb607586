"""The griffie's management of bodies and their seats in the Werkplek: the bodies with the members seated
on a date and the vacant seats, a body's functions over time, starting and ending a function."""

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

from raadhuis.besluitvorming.forms_organen import BeeindigenForm, LidmaatschapForm, OrgaanForm, PeildatumForm
from raadhuis.besluitvorming.models import Lidmaatschap, Orgaan
from raadhuis.besluitvorming.rechten import ORGANEN_BEHEREN
from raadhuis.besluitvorming.selectors.beheer import (
    lidmaatschappen_van_orgaan,
    orgaan_met_zetels,
    organen_met_zetels,
    personen,
)
from raadhuis.besluitvorming.services import organen as diensten
from raadhuis.besluitvorming.views.griffie import _kruimelpad
from raadhuis.core.forms import fout_naar_formulier
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.core.validators import alleen_cijfers

TEMPLATES = "besluitvorming/organen/"


def _organen_url() -> str:
    return reverse("besluitvorming:werkplek_organen")


def _orgaan_url(orgaan: Orgaan) -> str:
    return reverse("besluitvorming:werkplek_orgaan", args=[orgaan.pk])


def _gegevens(request: HttpRequest) -> Any:
    """The posted data, also when empty (an unticked checkbox), so that the form is bound and says why."""
    return request.POST if request.method == "POST" else None


def _peildatum(request: HttpRequest) -> tuple[PeildatumForm, dt.date]:
    """The date of the seats shown: ?datum=, today when absent or not a date."""
    vandaag = timezone.localdate()
    form = PeildatumForm(request.GET if "datum" in request.GET else None, initial={"datum": vandaag})
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["datum"]
    return form, vandaag


def formulier_pagina(
    request: HttpRequest,
    form: Any,
    *,
    titel: str,
    kruimelpad: list[tuple[str, str | None]],
    uitleg: str = "",
    knop: str = "",
    terug: str = "",
) -> HttpResponse:
    """One page for every form of this area; 400 when the form carries errors."""
    return render(
        request,
        TEMPLATES + "formulier.html",
        {
            "form": form,
            "titel": titel,
            "uitleg": uitleg,
            "knop": knop or _("Opslaan"),
            "terug": terug,
            "kruimelpad": kruimelpad,
        },
        status=400 if form.errors else 200,
    )


@werkplek(actie=ORGANEN_BEHEREN)
def organen(request: HttpRequest) -> HttpResponse:
    peilform, datum = _peildatum(request)
    return render(
        request,
        TEMPLATES + "organen.html",
        {
            "organen": organen_met_zetels(datum),
            "datum": datum,
            "peilform": peilform,
            "kruimelpad": _kruimelpad((_("Organen en zetels"), None)),
        },
    )


def _orgaan_velden(gegevens: dict[str, Any]) -> dict[str, Any]:
    return {
        "naam": gegevens["naam"],
        "afkorting": gegevens["afkorting"],
        "zetels": gegevens["zetels"],
        "inwonertal": gegevens["inwonertal"],
        "actief_tot": gegevens["actief_tot"],
        "omschrijving": gegevens["omschrijving"],
    }


@werkplek(actie=ORGANEN_BEHEREN)
def orgaan_nieuw(request: HttpRequest) -> HttpResponse:
    form = OrgaanForm(_gegevens(request))
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            orgaan = diensten.orgaan_aanmaken(
                soort=gegevens["soort"],
                actief_vanaf=gegevens["actief_vanaf"],
                door=ingelogde_gebruiker(request),
                **_orgaan_velden(gegevens),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("%(naam)s is aangemaakt.") % {"naam": orgaan.naam})
            return redirect(_orgaan_url(orgaan))
    titel = _("Nieuw orgaan")
    return formulier_pagina(
        request,
        form,
        titel=titel,
        kruimelpad=_kruimelpad((_("Organen en zetels"), _organen_url()), (titel, None)),
        terug=_organen_url(),
    )


@werkplek(actie=ORGANEN_BEHEREN)
def orgaan_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    orgaan = get_object_or_404(Orgaan, pk=pk)
    form = OrgaanForm(
        _gegevens(request),
        bestaand=True,
        initial={
            "naam": orgaan.naam,
            "afkorting": orgaan.afkorting,
            "zetels": orgaan.zetels,
            "actief_tot": orgaan.actief_tot,
            "omschrijving": orgaan.omschrijving,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            diensten.orgaan_bijwerken(
                orgaan=orgaan, door=ingelogde_gebruiker(request), **_orgaan_velden(form.cleaned_data)
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("De gegevens van het orgaan zijn opgeslagen."))
            return redirect(_orgaan_url(orgaan))
    titel = _("%(naam)s bewerken") % {"naam": orgaan.naam}
    return formulier_pagina(
        request,
        form,
        titel=titel,
        uitleg=_("Minder zetels dan er op enig moment leden zitting hebben kan niet."),
        kruimelpad=_kruimelpad(
            (_("Organen en zetels"), _organen_url()), (orgaan.naam, _orgaan_url(orgaan)), (titel, None)
        ),
        terug=_orgaan_url(orgaan),
    )


@werkplek(actie=ORGANEN_BEHEREN)
def orgaan(request: HttpRequest, pk: int) -> HttpResponse:
    orgaan_obj = get_object_or_404(Orgaan, pk=pk)
    peilform, datum = _peildatum(request)
    zetels = orgaan_met_zetels(orgaan_obj, datum)
    return render(
        request,
        TEMPLATES + "orgaan.html",
        {
            "zetels": zetels,
            "vacante_zetels": range(zetels.vacatures),
            "orgaan": orgaan_obj,
            "datum": datum,
            "peilform": peilform,
            "lidmaatschappen": lidmaatschappen_van_orgaan(orgaan_obj),
            "kruimelpad": _kruimelpad((_("Organen en zetels"), _organen_url()), (orgaan_obj.naam, None)),
        },
    )


@werkplek(actie=ORGANEN_BEHEREN)
def lidmaatschap_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    orgaan_obj = get_object_or_404(Orgaan, pk=pk)
    beginwaarden: dict[str, Any] = {"begin": timezone.localdate()}
    if alleen_cijfers(request.GET.get("persoon", "")):
        beginwaarden["persoon"] = int(request.GET["persoon"])
    form = LidmaatschapForm(_gegevens(request), personen=personen(), initial=beginwaarden)
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            lidmaatschap = diensten.lidmaatschap_starten(
                persoon=gegevens["persoon"],
                orgaan=orgaan_obj,
                functie=gegevens["functie"],
                begin=gegevens["begin"],
                einde=gegevens["einde"],
                portefeuille=gegevens["portefeuille"],
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(
                request,
                _("%(persoon)s is %(functie)s van %(orgaan)s.")
                % {
                    "persoon": lidmaatschap.persoon.naam,
                    "functie": lidmaatschap.get_functie_display(),
                    "orgaan": orgaan_obj.naam,
                },
            )
            return redirect(_orgaan_url(orgaan_obj))
    titel = _("Lidmaatschap van %(orgaan)s starten") % {"orgaan": orgaan_obj.naam}
    return formulier_pagina(
        request,
        form,
        titel=titel,
        uitleg=_(
            "Een persoon die nog niet in de lijst staat, voegt u eerst toe bij Personen. "
            "Er hebben nooit meer leden zitting dan het orgaan zetels heeft."
        ),
        kruimelpad=_kruimelpad(
            (_("Organen en zetels"), _organen_url()),
            (orgaan_obj.naam, _orgaan_url(orgaan_obj)),
            (titel, None),
        ),
        terug=_orgaan_url(orgaan_obj),
    )


@werkplek(actie=ORGANEN_BEHEREN)
def lidmaatschap_beeindigen(request: HttpRequest, pk: int) -> HttpResponse:
    lidmaatschap = get_object_or_404(Lidmaatschap.objects.select_related("orgaan", "persoon"), pk=pk)
    form = BeeindigenForm(_gegevens(request), initial={"einde": lidmaatschap.einde or timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            diensten.lidmaatschap_beeindigen(
                lidmaatschap=lidmaatschap, einde=form.cleaned_data["einde"], door=ingelogde_gebruiker(request)
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Het lidmaatschap is beëindigd."))
            return redirect(_orgaan_url(lidmaatschap.orgaan))
    titel = _("Lidmaatschap beëindigen")
    return formulier_pagina(
        request,
        form,
        titel=titel,
        uitleg=_("%(persoon)s, %(functie)s van %(orgaan)s sinds %(begin)s.")
        % {
            "persoon": lidmaatschap.persoon.naam,
            "functie": lidmaatschap.get_functie_display(),
            "orgaan": lidmaatschap.orgaan.naam,
            "begin": lidmaatschap.begin.strftime("%d-%m-%Y"),
        },
        knop=_("Beëindigen"),
        kruimelpad=_kruimelpad(
            (_("Organen en zetels"), _organen_url()),
            (lidmaatschap.orgaan.naam, _orgaan_url(lidmaatschap.orgaan)),
            (titel, None),
        ),
        terug=_orgaan_url(lidmaatschap.orgaan),
    )
