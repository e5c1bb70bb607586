"""Submitting and withdrawing moties and (sub)amendementen in the Werkplek (Gemeentewet art. 147a-147b,
reglement van orde). The griffie submits for any member; a raadslid only as an indiener of their own
proposal (rechten.VOORSTEL_INDIENEN), with themselves preselected."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.besluitvorming.forms_voorstellen import IntrekkenForm, VoorstelForm
from raadhuis.besluitvorming.models import Agendapunt, Vergadering, Voorstel
from raadhuis.besluitvorming.rechten import STEMMEN_VASTLEGGEN, VOORSTEL_INDIENEN
from raadhuis.besluitvorming.selectors.beheer import (
    agendapunten_van,
    komende_vergaderingen,
    leden_die_kunnen_indienen,
    persoon_van_medewerker,
    te_wijzigen_voorstellen,
    vervallende_wijzigingen,
    voorstellen_van_vergadering,
)
from raadhuis.besluitvorming.services import voorstellen as diensten
from raadhuis.besluitvorming.views.griffie import _kruimelpad
from raadhuis.besluitvorming.views.organen_beheer import _gegevens
from raadhuis.core.forms import fout_naar_formulier
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.core.validators import alleen_cijfers

TEMPLATES = "besluitvorming/voorstellen/"
INTREKBAAR = (*diensten.AANHANGIG, Voorstel.Status.AANGEHOUDEN)


def _formulier_url(vergadering: Vergadering, agendapunt: Agendapunt | None = None) -> str:
    url = reverse("besluitvorming:werkplek_voorstel_nieuw", args=[vergadering.pk])
    return f"{url}?agendapunt={agendapunt.pk}" if agendapunt is not None else url


def _terug_na_indienen(request: HttpRequest, voorstel: Voorstel) -> str:
    """The griffie goes on to the vote page of the agendapunt; a raadslid back to the meeting's list."""
    if voorstel.agendapunt is not None and mag(request.user, STEMMEN_VASTLEGGEN):
        return reverse("besluitvorming:werkplek_agendapunt_stemmen", args=[voorstel.agendapunt.pk])
    return _formulier_url(voorstel.vergadering) + "#ingediend"


@werkplek(actie=VOORSTEL_INDIENEN)
def voorstellen(request: HttpRequest) -> HttpResponse:
    """The planned meetings, each with the way to submit a motie or amendement."""
    return render(
        request,
        TEMPLATES + "vergaderingen.html",
        {
            "vergaderingen": komende_vergaderingen(timezone.localdate()),
            "kruimelpad": _kruimelpad((_("Moties en amendementen"), None)),
        },
    )


@werkplek(actie=VOORSTEL_INDIENEN)
def voorstel_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    vergadering = get_object_or_404(Vergadering.objects.select_related("orgaan"), pk=pk)
    agendapunten = agendapunten_van(vergadering)
    agendapunt: Agendapunt | None = None
    gevraagd = request.GET.get("agendapunt", "")
    if alleen_cijfers(gevraagd):
        agendapunt = get_object_or_404(agendapunten, pk=int(gevraagd))
    leden = leden_die_kunnen_indienen(vergadering)
    beginwaarden: dict[str, Any] = {"soort": Voorstel.Soort.MOTIE}
    if agendapunt is not None:
        beginwaarden["agendapunt"] = agendapunt.pk
    eigen = persoon_van_medewerker(request.user)
    if eigen is not None and leden.filter(pk=eigen.pk).exists():
        beginwaarden["indieners"] = [eigen.pk]
    form = VoorstelForm(
        _gegevens(request),
        initial=beginwaarden,
        agendapunten=agendapunten,
        te_wijzigen=te_wijzigen_voorstellen(vergadering, agendapunt),
        leden=leden,
    )
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            voorstel = diensten.voorstel_indienen(
                vergadering=vergadering,
                soort=gegevens["soort"],
                agendapunt=gegevens["agendapunt"],
                motie_type=gegevens["motie_type"],
                titel=gegevens["titel"],
                tekst=gegevens["tekst"],
                wijzigt=gegevens["wijzigt"],
                gewijzigde_tekst=gegevens["gewijzigde_tekst"],
                indieners=list(gegevens["indieners"]),
                mede_indieners=list(gegevens["mede_indieners"]),
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        except PermissionDenied as weigering:
            form.add_error("indieners", str(weigering))
        else:
            messages.success(
                request,
                _("%(soort)s “%(titel)s” is ingediend.")
                % {"soort": voorstel.get_soort_display().capitalize(), "titel": voorstel.titel},
            )
            return redirect(_terug_na_indienen(request, voorstel))
    stappen: list[tuple[str, str | None]] = [
        (_("Moties en amendementen"), reverse("besluitvorming:werkplek_voorstellen"))
    ]
    if mag(request.user, STEMMEN_VASTLEGGEN) and agendapunt is not None:
        stappen.append(
            (agendapunt.titel, reverse("besluitvorming:werkplek_agendapunt_stemmen", args=[agendapunt.pk]))
        )
    ingediend = [
        (voorstel, voorstel.status in INTREKBAAR and mag(request.user, VOORSTEL_INDIENEN, voorstel))
        for voorstel in voorstellen_van_vergadering(vergadering)
    ]
    return render(
        request,
        TEMPLATES + "formulier.html",
        {
            "form": form,
            "vergadering": vergadering,
            "agendapunt": agendapunt,
            "ingediend": ingediend,
            "mag_stemmen_vastleggen": mag(request.user, STEMMEN_VASTLEGGEN),
            "kruimelpad": _kruimelpad(*stappen, (vergadering.titel, None)),
        },
        status=400 if form.errors else 200,
    )


@werkplek(actie=VOORSTEL_INDIENEN)
def voorstel_intrekken(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks for confirmation first: withdrawing also lets the pending (sub)amendementen on it lapse."""
    voorstel = get_object_or_404(
        Voorstel.objects.select_related("vergadering__orgaan", "agendapunt", "wijzigt"), pk=pk
    )
    if not mag(request.user, VOORSTEL_INDIENEN, voorstel):
        raise PermissionDenied(_("U kunt alleen een voorstel intrekken waarvan u indiener bent."))
    form = IntrekkenForm(_gegevens(request))
    fouten: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            diensten.voorstel_intrekken(voorstel=voorstel, door=ingelogde_gebruiker(request))
        except ValidationError as fout:
            fouten = fout.messages
        else:
            messages.success(request, _("“%(titel)s” is ingetrokken.") % {"titel": voorstel.titel})
            return redirect(_terug_na_indienen(request, voorstel))
    titel = _("Voorstel intrekken")
    return render(
        request,
        TEMPLATES + "intrekken.html",
        {
            "voorstel": voorstel,
            "vervallen": vervallende_wijzigingen(voorstel),
            "form": form,
            "fouten": fouten,
            "titel": titel,
            "terug": _terug_na_indienen(request, voorstel),
            "kruimelpad": _kruimelpad(
                (_("Moties en amendementen"), reverse("besluitvorming:werkplek_voorstellen")),
                (voorstel.vergadering.titel, _formulier_url(voorstel.vergadering)),
                (titel, None),
            ),
        },
        status=400 if form.errors or fouten else 200,
    )
