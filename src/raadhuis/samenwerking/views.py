"""Pages of samenwerking."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.core.toegang import werkplek
from raadhuis.samenwerking.rechten import WERKPLEK_ROLLEN


def samenwerking(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Home"), reverse("core:home")), (_("Samenwerking"), None)]
    return render(request, "samenwerking/samenwerking.html", {"kruimelpad": kruimelpad})


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_samenwerking(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Werkplek"), reverse("core:werkplek")), (_("Samenwerking"), None)]
    return render(request, "samenwerking/werkplek.html", {"kruimelpad": kruimelpad})
