"""A secret written vote on persons in the Werkplek (Gemeentewet art. 31), round by round. The griffie
enters per round the ballots per candidate, blank and invalid, who is present and who must abstain
(art. 28); services.stemming_over_personen_vastleggen replays every round so far and updates the open
record until someone is chosen. Only counts are entered: nobody's vote is ever known or shown."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.besluitvorming import services
from raadhuis.besluitvorming.forms_personenstemming import PersonenstemmingForm, namen
from raadhuis.besluitvorming.models import Agendapunt, Stemming
from raadhuis.besluitvorming.rechten import STEMMEN_VASTLEGGEN
from raadhuis.besluitvorming.selectors.beheer import laatste_stemming_over_personen, leden_die_kunnen_indienen
from raadhuis.besluitvorming.views.griffie import _kruimelpad
from raadhuis.besluitvorming.views.stemmen import _aanwezig_volgens_lijst
from raadhuis.core.forms import fout_naar_formulier
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.core.validators import alleen_cijfers

TEMPLATES = "besluitvorming/stemmen/"


def _sessiesleutel(agendapunt: Agendapunt) -> str:
    # The rounds entered so far, kept between requests until someone is chosen; the record itself holds
    # only their explanation.
    return f"besluitvorming.personenstemming.{agendapunt.pk}"


def _invoer_bewaren(request: HttpRequest, agendapunt: Agendapunt, form: PersonenstemmingForm) -> None:
    gegevens = form.cleaned_data
    rondevelden = {
        naam: waarde for naam, waarde in gegevens.items() if naam.startswith("ronde") and waarde is not None
    }
    request.session[_sessiesleutel(agendapunt)] = {
        "kandidaten": gegevens["kandidaten"],
        "voordracht": gegevens["voordracht"],
        "aanwezig": [persoon.pk for persoon in gegevens["aanwezig"]],
        "moeten_onthouden": [persoon.pk for persoon in gegevens["moeten_onthouden"]],
        "rondevelden": rondevelden,
        "rondes": len(form.rondes()),
    }


@werkplek(actie=STEMMEN_VASTLEGGEN)
def stemming_over_personen(request: HttpRequest, pk: int) -> HttpResponse:
    agendapunt = get_object_or_404(Agendapunt.objects.select_related("vergadering__orgaan"), pk=pk)
    vergadering = agendapunt.vergadering
    leden = leden_die_kunnen_indienen(vergadering)
    laatste = laatste_stemming_over_personen(agendapunt)
    gekozen = laatste is not None and laatste.uitkomst == Stemming.Uitkomst.GEKOZEN
    bewaard: dict[str, Any] = request.session.get(_sessiesleutel(agendapunt), {})
    if request.method == "POST" and not gekozen:
        kandidaten = namen(request.POST.get("kandidaten", ""))
        rondes = int(request.POST["rondes"]) if alleen_cijfers(request.POST.get("rondes", "")) else 1
        form = PersonenstemmingForm(request.POST, leden=leden, kandidaten=kandidaten, rondes=rondes)
        if request.POST.get("actie") == "vastleggen" and form.is_valid():
            try:
                stemming = services.stemming_over_personen_vastleggen(
                    agendapunt=agendapunt,
                    rondes=form.rondes(),
                    aanwezig=list(form.cleaned_data["aanwezig"]),
                    moeten_onthouden=list(form.cleaned_data["moeten_onthouden"]),
                    voordracht=form.cleaned_data["kandidaten"] if form.cleaned_data["voordracht"] else (),
                    lot=namen(form.cleaned_data["lot"]),
                    lot_trekken=form.cleaned_data["lot_trekken"],
                    door=ingelogde_gebruiker(request),
                )
            except ValidationError as fout:
                fout_naar_formulier(form, fout)
            else:
                if stemming.uitkomst == Stemming.Uitkomst.GEKOZEN:
                    request.session.pop(_sessiesleutel(agendapunt), None)
                    messages.success(request, _("De stemming is vastgelegd: er is iemand gekozen."))
                else:
                    _invoer_bewaren(request, agendapunt, form)
                    messages.success(request, _("De stemronde is vastgelegd."))
                return redirect("besluitvorming:werkplek_stemming_over_personen", pk=agendapunt.pk)
        status = 400 if form.errors else 200
    else:
        aanwezig = bewaard.get("aanwezig") or sorted(_aanwezig_volgens_lijst(vergadering, list(leden)))
        form = PersonenstemmingForm(
            leden=leden,
            kandidaten=bewaard.get("kandidaten", []),
            # One empty round after those recorded: the next one.
            rondes=int(bewaard.get("rondes", 0)) + 1,
            initial={
                "kandidaten": "\n".join(bewaard.get("kandidaten", [])),
                "voordracht": bewaard.get("voordracht", False),
                "aanwezig": aanwezig,
                "moeten_onthouden": bewaard.get("moeten_onthouden", []),
                **bewaard.get("rondevelden", {}),
            },
        )
        status = 200
    return render(
        request,
        TEMPLATES + "personenstemming.html",
        {
            "agendapunt": agendapunt,
            "vergadering": vergadering,
            "form": form,
            "rondevelden": form.rondevelden(),
            "laatste": laatste,
            "gekozen": gekozen,
            "leden": leden,
            "kruimelpad": _kruimelpad(
                (vergadering.titel, reverse("besluitvorming:werkplek_vergadering", args=[vergadering.pk])),
                (
                    agendapunt.titel,
                    reverse("besluitvorming:werkplek_agendapunt_stemmen", args=[agendapunt.pk]),
                ),
                (_("Stemming over personen"), None),
            ),
        },
        status=status,
    )
