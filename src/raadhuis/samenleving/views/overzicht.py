"""The public landing page of samenleving, /meedoen/: open consultations and petitions, partners,
raadsvragen and the subscription form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.core.forms import Deelformulier
from raadhuis.samenleving.forms_consultaties import AbonnementForm
from raadhuis.samenleving.models import Petitie
from raadhuis.samenleving.selectors import consultaties, petities

# Raadsvragen live in besluitvorming; linked by their agreed address.
RAADSVRAGEN = "/bestuur/raadsvragen/"


def meedoen(request: HttpRequest) -> HttpResponse:
    form = AbonnementForm()
    context = {
        "open_consultaties": consultaties.open_consultaties(),
        "open_petities": petities.openbare_petities(status=Petitie.Status.OPEN)[:10],
        "petities_url": reverse("samenleving:petities"),
        "partners_url": reverse("samenleving:partners"),
        "raadsvragen_url": RAADSVRAGEN,
        "form": form,
        "velden": Deelformulier(form, "emailadres"),
        "keuzes": [form["consultaties"], form["petities"]],
        "kruimelpad": [(_("Home"), reverse("core:home")), (_("Meedoen"), None)],
    }
    return render(request, "samenleving/meedoen.html", context)
