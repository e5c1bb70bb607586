"""The griffie's management of people and fracties in the Werkplek: persons with their functions and the
account they log in with, fracties with their members over time, and a member changing fractie."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.besluitvorming.forms_organen import (
    BeeindigenForm,
    FractieForm,
    FractielidmaatschapForm,
    FractieWisselenForm,
    KoppelingForm,
    PersoonForm,
)
from raadhuis.besluitvorming.models import Fractie, Fractielidmaatschap, Persoon
from raadhuis.besluitvorming.rechten import ORGANEN_BEHEREN
from raadhuis.besluitvorming.selectors.beheer import (
    fracties_met_leden,
    fracties_voor_keuze,
    personen,
    persoon_met_lidmaatschappen,
    te_koppelen_medewerkers,
)
from raadhuis.besluitvorming.services import organen as diensten
from raadhuis.besluitvorming.views.griffie import _kruimelpad
from raadhuis.besluitvorming.views.organen_beheer import _gegevens, formulier_pagina
from raadhuis.core.forms import fout_naar_formulier
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek
from raadhuis.core.validators import alleen_cijfers

TEMPLATES = "besluitvorming/organen/"


def _personen_url() -> str:
    return reverse("besluitvorming:werkplek_personen")


def _persoon_url(persoon: Persoon) -> str:
    return reverse("besluitvorming:werkplek_persoon", args=[persoon.pk])


def _fracties_url() -> str:
    return reverse("besluitvorming:werkplek_fracties")


def _fractie_url(fractie: Fractie) -> str:
    return reverse("besluitvorming:werkplek_fractie", args=[fractie.pk])


def _persoon_velden(gegevens: dict[str, Any]) -> dict[str, Any]:
    return {
        veld: gegevens[veld]
        for veld in ("voornaam", "voorletters", "tussenvoegsel", "achternaam", "geslacht", "woonplaats")
    }


# -- personen ------------------------------------------------------------------------------------------


@werkplek(actie=ORGANEN_BEHEREN)
def personen_lijst(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        TEMPLATES + "personen.html",
        {"personen": personen(), "kruimelpad": _kruimelpad((_("Personen"), None))},
    )


@werkplek(actie=ORGANEN_BEHEREN)
def persoon_nieuw(request: HttpRequest) -> HttpResponse:
    form = PersoonForm(_gegevens(request))
    if request.method == "POST" and form.is_valid():
        try:
            persoon = diensten.persoon_aanmaken(
                door=ingelogde_gebruiker(request),
                nevenfuncties=form.cleaned_data["nevenfuncties"],
                **_persoon_velden(form.cleaned_data),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("%(naam)s is toegevoegd.") % {"naam": persoon.naam})
            return redirect(_persoon_url(persoon))
    titel = _("Nieuwe persoon")
    return formulier_pagina(
        request,
        form,
        titel=titel,
        uitleg=_(
            "Raads- en collegeleden, burgerleden en de griffier zijn openbare ambtsdragers: hun naam wordt "
            "gepubliceerd."
        ),
        kruimelpad=_kruimelpad((_("Personen"), _personen_url()), (titel, None)),
        terug=_personen_url(),
    )


@werkplek(actie=ORGANEN_BEHEREN)
def persoon(request: HttpRequest, pk: int) -> HttpResponse:
    """A person's details and account link (one form), their functions and fracties over time."""
    try:
        persoon_obj = persoon_met_lidmaatschappen(pk)
    except Persoon.DoesNotExist:
        raise Http404 from None
    medewerkers = te_koppelen_medewerkers()
    form = PersoonForm(
        _gegevens(request),
        initial={veld: getattr(persoon_obj, veld) for veld in PersoonForm.base_fields},
    )
    koppeling = KoppelingForm(
        _gegevens(request), medewerkers=medewerkers, initial={"medewerker": persoon_obj.medewerker_id}
    )
    if request.method == "POST" and form.is_valid() and koppeling.is_valid():
        door = ingelogde_gebruiker(request)
        try:
            # Both or neither: a refused link leaves the details unchanged too.
            with transaction.atomic():
                diensten.persoon_bijwerken(
                    persoon=persoon_obj,
                    nevenfuncties=form.cleaned_data["nevenfuncties"],
                    door=door,
                    **_persoon_velden(form.cleaned_data),
                )
                diensten.persoon_koppelen(
                    persoon=persoon_obj, medewerker=koppeling.cleaned_data["medewerker"], door=door
                )
        except ValidationError as fout:
            if "medewerker" in getattr(fout, "error_dict", {}):
                fout_naar_formulier(koppeling, fout)
            else:
                fout_naar_formulier(form, fout)
        else:
            messages.success(
                request, _("De gegevens van %(naam)s zijn opgeslagen.") % {"naam": persoon_obj.naam}
            )
            return redirect(_persoon_url(persoon_obj))
    return render(
        request,
        TEMPLATES + "persoon.html",
        {
            "persoon": persoon_obj,
            "form": form,
            "koppeling": koppeling,
            "vandaag": timezone.localdate(),
            "kruimelpad": _kruimelpad((_("Personen"), _personen_url()), (persoon_obj.naam, None)),
        },
        status=400 if form.errors or koppeling.errors else 200,
    )


@werkplek(actie=ORGANEN_BEHEREN)
def fractie_wisselen(request: HttpRequest, pk: int) -> HttpResponse:
    persoon_obj = get_object_or_404(Persoon, pk=pk)
    form = FractieWisselenForm(
        _gegevens(request), fracties=fracties_voor_keuze(), initial={"per": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            nieuw = diensten.fractie_wisselen(
                persoon=persoon_obj,
                fractie=gegevens["fractie"],
                per=gegevens["per"],
                functie=gegevens["functie"],
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(
                request,
                _("%(persoon)s is per %(per)s lid van %(fractie)s.")
                % {
                    "persoon": persoon_obj.naam,
                    "per": nieuw.begin.strftime("%d-%m-%Y"),
                    "fractie": nieuw.fractie.naam,
                },
            )
            return redirect(_persoon_url(persoon_obj))
    titel = _("Fractie wisselen")
    return formulier_pagina(
        request,
        form,
        titel=titel,
        uitleg=_(
            "%(persoon)s gaat naar een andere fractie. De zetel blijft bij het lid: "
            "leden stemmen zonder last (Gemeentewet art. 27)."
        )
        % {"persoon": persoon_obj.naam},
        knop=_("Fractie wisselen"),
        kruimelpad=_kruimelpad(
            (_("Personen"), _personen_url()), (persoon_obj.naam, _persoon_url(persoon_obj)), (titel, None)
        ),
        terug=_persoon_url(persoon_obj),
    )


# -- fracties ------------------------------------------------------------------------------------------


@werkplek(actie=ORGANEN_BEHEREN)
def fracties(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        TEMPLATES + "fracties.html",
        {
            "fracties": fracties_met_leden(),
            "vandaag": timezone.localdate(),
            "kruimelpad": _kruimelpad((_("Fracties"), None)),
        },
    )


@werkplek(actie=ORGANEN_BEHEREN)
def fractie_nieuw(request: HttpRequest) -> HttpResponse:
    form = FractieForm(_gegevens(request))
    if request.method == "POST" and form.is_valid():
        try:
            fractie = diensten.fractie_aanmaken(door=ingelogde_gebruiker(request), **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Fractie %(naam)s is aangemaakt.") % {"naam": fractie.naam})
            return redirect(_fractie_url(fractie))
    titel = _("Nieuwe fractie")
    return formulier_pagina(
        request,
        form,
        titel=titel,
        kruimelpad=_kruimelpad((_("Fracties"), _fracties_url()), (titel, None)),
        terug=_fracties_url(),
    )


@werkplek(actie=ORGANEN_BEHEREN)
def fractie(request: HttpRequest, pk: int) -> HttpResponse:
    fractie_obj = get_object_or_404(fracties_met_leden(), pk=pk)
    return render(
        request,
        TEMPLATES + "fractie.html",
        {
            "fractie": fractie_obj,
            "vandaag": timezone.localdate(),
            "kruimelpad": _kruimelpad((_("Fracties"), _fracties_url()), (fractie_obj.naam, None)),
        },
    )


@werkplek(actie=ORGANEN_BEHEREN)
def fractielidmaatschap_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    fractie_obj = get_object_or_404(Fractie, pk=pk)
    beginwaarden: dict[str, Any] = {"begin": max(timezone.localdate(), fractie_obj.actief_vanaf)}
    if alleen_cijfers(request.GET.get("persoon", "")):
        beginwaarden["persoon"] = int(request.GET["persoon"])
    form = FractielidmaatschapForm(_gegevens(request), personen=personen(), initial=beginwaarden)
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        try:
            lidmaatschap = diensten.fractielidmaatschap_starten(
                persoon=gegevens["persoon"],
                fractie=fractie_obj,
                functie=gegevens["functie"],
                begin=gegevens["begin"],
                einde=gegevens["einde"],
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(
                request,
                _("%(persoon)s is lid van fractie %(fractie)s.")
                % {"persoon": lidmaatschap.persoon.naam, "fractie": fractie_obj.naam},
            )
            return redirect(_fractie_url(fractie_obj))
    titel = _("Lid van %(fractie)s maken") % {"fractie": fractie_obj.naam}
    return formulier_pagina(
        request,
        form,
        titel=titel,
        uitleg=_("Iemand is lid van één fractie tegelijk; wie al in een fractie zit, wisselt van fractie."),
        kruimelpad=_kruimelpad(
            (_("Fracties"), _fracties_url()), (fractie_obj.naam, _fractie_url(fractie_obj)), (titel, None)
        ),
        terug=_fractie_url(fractie_obj),
    )


@werkplek(actie=ORGANEN_BEHEREN)
def fractielidmaatschap_beeindigen(request: HttpRequest, pk: int) -> HttpResponse:
    lidmaatschap = get_object_or_404(Fractielidmaatschap.objects.select_related("fractie", "persoon"), pk=pk)
    form = BeeindigenForm(_gegevens(request), initial={"einde": lidmaatschap.einde or timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            diensten.fractielidmaatschap_beeindigen(
                fractielidmaatschap=lidmaatschap,
                einde=form.cleaned_data["einde"],
                door=ingelogde_gebruiker(request),
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            messages.success(request, _("Het fractielidmaatschap is beëindigd."))
            return redirect(_fractie_url(lidmaatschap.fractie))
    titel = _("Fractielidmaatschap beëindigen")
    return formulier_pagina(
        request,
        form,
        titel=titel,
        uitleg=_("%(persoon)s, lid van %(fractie)s sinds %(begin)s. Een lid houdt zijn zetel (art. 27).")
        % {
            "persoon": lidmaatschap.persoon.naam,
            "fractie": lidmaatschap.fractie.naam,
            "begin": lidmaatschap.begin.strftime("%d-%m-%Y"),
        },
        knop=_("Beëindigen"),
        kruimelpad=_kruimelpad(
            (_("Fracties"), _fracties_url()),
            (lidmaatschap.fractie.naam, _fractie_url(lidmaatschap.fractie)),
            (titel, None),
        ),
        terug=_fractie_url(lidmaatschap.fractie),
    )
