"""Core pages: home, accessibility statement, Werkplek overview and the organisation settings."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.core import services, tooi
from raadhuis.core.forms import OrganisatieForm
from raadhuis.core.rechten import BEHEERDER
from raadhuis.core.selectors import huidige_organisatie
from raadhuis.core.toegang import ingelogde_gebruiker, werkplek


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


def toegankelijkheid(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/toegankelijkheid.html",
        {"kruimelpad": [(_("Home"), reverse("core:home")), (_("Toegankelijkheidsverklaring"), None)]},
    )


@werkplek()
def werkplek_overzicht(request: HttpRequest) -> HttpResponse:
    return render(request, "core/werkplek.html", {"kruimelpad": [(_("Werkplek"), None)]})


@werkplek(BEHEERDER)
def organisatie(request: HttpRequest) -> HttpResponse:
    huidig = huidige_organisatie()
    if huidig is None:
        huidig = services.organisatie_inrichten(tooi_code=settings.RAADHUIS_ORGANISATIE)
    form = OrganisatieForm(
        request.POST or None,
        request.FILES or None,
        instance=huidig,
        initial={"tooi_code": huidig.tooi_code},
    )
    if request.method == "POST" and form.is_valid():
        gegevens = {veld: form.cleaned_data[veld] for veld in OrganisatieForm.Meta.fields}
        try:
            services.organisatie_bijwerken(
                organisatie=huidig,
                door=ingelogde_gebruiker(request),
                gegevens=gegevens,
                logo=form.cleaned_data["logo"],
                tooi_code=form.cleaned_data["tooi_code"],
            )
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("De organisatiegegevens zijn opgeslagen."))
            return redirect("core:organisatie")
    # The form's instance was mutated by validation; reload what is really stored for display.
    gezocht = str(form["tooi_code"].value() or "")
    return render(
        request,
        "core/organisatie.html",
        {
            "form": form,
            "opgeslagen": huidige_organisatie(),
            "tooi_gezocht": gezocht,
            "tooi_gevonden": tooi.organisatie(gezocht),
            "kruimelpad": [(_("Werkplek"), reverse("core:werkplek")), (_("Organisatie"), None)],
        },
        status=400 if form.errors else 200,
    )


@werkplek(BEHEERDER)
def tooi_opzoeken(request: HttpRequest) -> HttpResponse:
    """The htmx fragment naming the organisation behind a TOOI code while the beheerder types."""
    gezocht = request.GET.get("tooi_code", "").strip()[:16]
    return render(
        request,
        "core/organisatie.html#tooi-resultaat",
        {"tooi_gezocht": gezocht, "tooi_gevonden": tooi.organisatie(gezocht) if gezocht else None},
    )
