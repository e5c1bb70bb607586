"""Forms to build the chain in the Werkplek: akkoord, ambities, opdrachten, programmadoelen,
indicatoren, acties and activiteiten. Each form calls its service; a refusal shows next to the field."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.uitvoering import selectors, services
from raadhuis.uitvoering.forms import (
    ActieForm,
    ActiviteitForm,
    AkkoordForm,
    AmbitieForm,
    IndicatorForm,
    OpdrachtForm,
    ProgrammadoelForm,
)
from raadhuis.uitvoering.models import Actie, Activiteit, Ambitie, Programmadoel
from raadhuis.uitvoering.rechten import AGENDA_BEHEREN, OPDRACHTEN_BEHEREN
from raadhuis.uitvoering.views.hulp import fout_naar_formulier, kruimelpad

TEMPLATE = "uitvoering/werkplek/formulier.html"


def _formulier(
    request: HttpRequest,
    form: BaseForm,
    *,
    titel: str,
    opslaan: Callable[[dict[str, Any]], object],
    daarna: Callable[[object], str],
    extra: dict[str, Any] | None = None,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            object = opslaan(form.cleaned_data)
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Opgeslagen."))
            return redirect(daarna(object))
    return render(
        request,
        TEMPLATE,
        {"form": form, "titel": titel, "kruimelpad": kruimelpad((titel, None)), **(extra or {})},
        status=400 if request.method == "POST" else 200,
    )


def _werkplek(_object: object) -> str:
    return reverse("uitvoering:werkplek")


def _akkoordvelden(gegevens: dict[str, Any]) -> dict[str, Any]:
    return {veld: waarde for veld, waarde in gegevens.items() if veld != "fracties"}


@werkplek(actie=OPDRACHTEN_BEHEREN)
def akkoord_nieuw(request: HttpRequest) -> HttpResponse:
    form = AkkoordForm(request.POST or None)
    return _formulier(
        request,
        form,
        titel=_("Raadsakkoord vastleggen"),
        opslaan=lambda gegevens: services.akkoord_vastleggen(
            door=ingelogde_gebruiker(request),
            gegevens=_akkoordvelden(gegevens),
            fracties=gegevens["fracties"],
        ),
        daarna=_werkplek,
    )


@werkplek(actie=OPDRACHTEN_BEHEREN)
def akkoord_bewerken(request: HttpRequest, slug: str) -> HttpResponse:
    akkoord = selectors.akkoord_op_slug(slug)
    if akkoord is None:
        raise Http404
    form = AkkoordForm(request.POST or None, instance=akkoord)
    return _formulier(
        request,
        form,
        titel=_("Raadsakkoord wijzigen"),
        opslaan=lambda gegevens: services.akkoord_vastleggen(
            door=ingelogde_gebruiker(request),
            gegevens=_akkoordvelden(gegevens),
            fracties=gegevens["fracties"],
            akkoord=akkoord,
        ),
        daarna=_werkplek,
        extra={"ambities": akkoord.ambities.prefetch_related("opdrachten"), "akkoord": akkoord},
    )


@werkplek(actie=OPDRACHTEN_BEHEREN)
def ambitie_nieuw(request: HttpRequest, slug: str) -> HttpResponse:
    akkoord = selectors.akkoord_op_slug(slug)
    if akkoord is None:
        raise Http404
    form = AmbitieForm(request.POST or None, initial={"nummer": akkoord.ambities.count() + 1})
    return _formulier(
        request,
        form,
        titel=_("Ambitie toevoegen"),
        opslaan=lambda gegevens: services.ambitie_vastleggen(
            door=ingelogde_gebruiker(request), gegevens={**gegevens, "akkoord": akkoord}
        ),
        daarna=lambda _ambitie: reverse("uitvoering:akkoord_bewerken", args=[akkoord.slug]),
    )


@werkplek(actie=OPDRACHTEN_BEHEREN)
def ambitie_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    ambitie = get_object_or_404(Ambitie.objects.select_related("akkoord"), pk=pk)
    form = AmbitieForm(request.POST or None, instance=ambitie)
    return _formulier(
        request,
        form,
        titel=_("Ambitie wijzigen"),
        opslaan=lambda gegevens: services.ambitie_vastleggen(
            door=ingelogde_gebruiker(request), gegevens=gegevens, ambitie=ambitie
        ),
        daarna=lambda _ambitie: reverse("uitvoering:akkoord_bewerken", args=[ambitie.akkoord.slug]),
    )


@werkplek(actie=OPDRACHTEN_BEHEREN)
def opdracht_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    ambitie = get_object_or_404(Ambitie.objects.select_related("akkoord"), pk=pk)
    form = OpdrachtForm(request.POST or None)
    return _formulier(
        request,
        form,
        titel=_("Opdracht aan het college toevoegen"),
        opslaan=lambda gegevens: services.opdracht_vastleggen(
            door=ingelogde_gebruiker(request), gegevens={**gegevens, "ambitie": ambitie}
        ),
        daarna=lambda _opdracht: reverse("uitvoering:akkoord_bewerken", args=[ambitie.akkoord.slug]),
    )


@werkplek(actie=AGENDA_BEHEREN)
def doel_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    ambitie = get_object_or_404(Ambitie, pk=pk)
    form = ProgrammadoelForm(request.POST or None, instance=Programmadoel(ambitie=ambitie))
    return _formulier(
        request,
        form,
        titel=_("Programmadoel toevoegen"),
        opslaan=lambda gegevens: services.programmadoel_vastleggen(
            door=ingelogde_gebruiker(request), gegevens={**gegevens, "ambitie": ambitie}
        ),
        daarna=_werkplek,
    )


@werkplek(actie=AGENDA_BEHEREN)
def doel_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    doel = get_object_or_404(Programmadoel, pk=pk)
    form = ProgrammadoelForm(request.POST or None, instance=doel)
    return _formulier(
        request,
        form,
        titel=_("Programmadoel wijzigen"),
        opslaan=lambda gegevens: services.programmadoel_vastleggen(
            door=ingelogde_gebruiker(request), gegevens=gegevens, doel=doel
        ),
        daarna=_werkplek,
        extra={"indicator_nieuw": reverse("uitvoering:indicator_nieuw", args=[doel.pk])},
    )


@werkplek(actie=AGENDA_BEHEREN)
def indicator_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    doel = get_object_or_404(Programmadoel.objects.select_related("ambitie__akkoord"), pk=pk)
    form = IndicatorForm(request.POST or None)
    akkoord = doel.ambitie.akkoord
    jaren = list(range(akkoord.periode_van.year, akkoord.periode_tot.year + 1))
    for jaar in jaren:
        form.fields[f"streef_{jaar}"] = django_forms.DecimalField(
            label=_("Streefwaarde %(jaar)s") % {"jaar": jaar}, required=False, max_digits=14, decimal_places=2
        )

    def opslaan(gegevens: dict[str, Any]) -> object:
        streef: dict[int, Decimal] = {
            jaar: gegevens[f"streef_{jaar}"] for jaar in jaren if gegevens.get(f"streef_{jaar}") is not None
        }
        velden = {veld: gegevens[veld] for veld in ("naam", "eenheid", "bron", "openbaar")}
        return services.indicator_vastleggen(
            door=ingelogde_gebruiker(request), gegevens={**velden, "doel": doel}, streefwaarden=streef
        )

    return _formulier(request, form, titel=_("Indicator toevoegen"), opslaan=opslaan, daarna=_werkplek)


def _koppelingen(gegevens: dict[str, Any]) -> dict[str, Any]:
    return {sleutel: gegevens.pop(sleutel) for sleutel in ("opdrachten", "moties", "toezeggingen")}


@werkplek(actie=AGENDA_BEHEREN)
def actie_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    doel = get_object_or_404(Programmadoel.objects.select_related("ambitie"), pk=pk)
    form = ActieForm(request.POST or None, instance=Actie(doel=doel), ambitie=doel.ambitie)

    def opslaan(gegevens: dict[str, Any]) -> object:
        gegevens = dict(gegevens)
        koppelingen = _koppelingen(gegevens)
        return services.actie_vastleggen(
            door=ingelogde_gebruiker(request), gegevens={**gegevens, "doel": doel}, **koppelingen
        )

    return _formulier(request, form, titel=_("Actie toevoegen"), opslaan=opslaan, daarna=_werkplek)


@werkplek(actie=AGENDA_BEHEREN)
def actie_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        actie = selectors.actie_met_koppelingen(pk)
    except Actie.DoesNotExist as fout:
        raise Http404 from fout
    form = ActieForm(request.POST or None, instance=actie, ambitie=actie.doel.ambitie)

    def opslaan(gegevens: dict[str, Any]) -> object:
        gegevens = dict(gegevens)
        koppelingen = _koppelingen(gegevens)
        return services.actie_vastleggen(
            door=ingelogde_gebruiker(request), gegevens=gegevens, actie=actie, **koppelingen
        )

    return _formulier(request, form, titel=_("Actie wijzigen"), opslaan=opslaan, daarna=_werkplek)


def _activiteit_opslaan(
    request: HttpRequest, form: ActiviteitForm, activiteit: Activiteit | None
) -> Callable[[dict[str, Any]], object]:
    velden = ("titel", "omschrijving", "portefeuillehouder", "team", "begin", "einde", "openbaar")

    def opslaan(gegevens: dict[str, Any]) -> object:
        return services.activiteit_vastleggen(
            door=ingelogde_gebruiker(request),
            gegevens={veld: gegevens[veld] for veld in velden}
            | ({} if activiteit else {"actie": form.instance.actie}),
            budget=form.budget(),
            activiteit=activiteit,
        )

    return opslaan


@werkplek(actie=AGENDA_BEHEREN)
def activiteit_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    actie = get_object_or_404(Actie, pk=pk)
    form = ActiviteitForm(request.POST or None, actie=actie)
    return _formulier(
        request,
        form,
        titel=_("Activiteit toevoegen"),
        opslaan=_activiteit_opslaan(request, form, None),
        daarna=lambda activiteit: reverse("uitvoering:activiteit", args=[activiteit.pk]),  # type: ignore[attr-defined]
    )


@werkplek(actie=AGENDA_BEHEREN)
def activiteit_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    activiteit = get_object_or_404(Activiteit.objects.select_related("actie"), pk=pk)
    form = ActiviteitForm(request.POST or None, instance=activiteit, actie=activiteit.actie)
    return _formulier(
        request,
        form,
        titel=_("Activiteit wijzigen"),
        opslaan=_activiteit_opslaan(request, form, activiteit),
        daarna=lambda _activiteit: reverse("uitvoering:activiteit", args=[activiteit.pk]),
    )
