"""The public landing page of samenleving, /meedoen/: open consultations and petitions, partners,
raadsvragen and the subscription form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from raadhuis.core.forms import Deelformulier
from raadhuis.samenleving.forms_consultaties import AbonnementForm
from raadhuis.samenleving.selectors import consultaties


def _pagina(pad: str) -> str | None:
    """The petitions, partners and raadsvragen pages are built alongside this one: their agreed
    addresses are linked once a page answers there, so the landing page never has a broken link."""
    try:
        resolve(pad)
    except Resolver404:
        return None
    return pad


def meedoen(request: HttpRequest) -> HttpResponse:
    form = AbonnementForm()
    context = {
        "open_consultaties": consultaties.open_consultaties(),
        "petities_url": _pagina("/meedoen/petities/"),
        "partners_url": _pagina("/meedoen/partners/"),
        "raadsvragen_url": _pagina("/bestuur/raadsvragen/"),
        "form": form,
        "velden": Deelformulier(form, "emailadres"),
        "keuzes": [form["consultaties"], form["petities"]],
        "kruimelpad": [(_("Home"), reverse("core:home")), (_("Meedoen"), None)],
    }
    return render(request, "samenleving/meedoen.html", context)
