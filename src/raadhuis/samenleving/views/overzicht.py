"""The public landing page of samenleving, /meedoen/: open consultations and petitions, partners,
raadsvragen and the subscription form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from raadhuis.core.forms import Deelformulier
from raadhuis.samenleving.forms_consultaties import AbonnementForm
from raadhuis.samenleving.selectors import consultaties


def _link(naam: str, anders: str) -> str:
    """The petitions and partners parts are built alongside this one; until their pages exist, the
    landing page links to their agreed addresses."""
    try:
        return reverse(naam)
    except NoReverseMatch:
        return anders


def meedoen(request: HttpRequest) -> HttpResponse:
    form = AbonnementForm()
    context = {
        "open_consultaties": consultaties.open_consultaties(),
        "petities_url": _link("samenleving:petities", "/meedoen/petities/"),
        "partners_url": _link("samenleving:partners", "/meedoen/partners/"),
        "raadsvragen_url": "/bestuur/raadsvragen/",
        "form": form,
        "velden": Deelformulier(form, "emailadres"),
        "keuzes": [form["consultaties"], form["petities"]],
        "kruimelpad": [(_("Home"), reverse("core:home")), (_("Meedoen"), None)],
    }
    return render(request, "samenleving/meedoen.html", context)
