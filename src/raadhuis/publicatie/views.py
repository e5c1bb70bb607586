"""Pages of publicatie."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.core.toegang import werkplek
from raadhuis.publicatie.rechten import WERKPLEK_ROLLEN


def openbaarheid(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Home"), reverse("core:home")), (_("Openbaarheid"), None)]
    return render(request, "publicatie/openbaarheid.html", {"kruimelpad": kruimelpad})


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_publicatie(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Werkplek"), reverse("core:werkplek")), (_("Openbaarheid"), None)]
    return render(request, "publicatie/werkplek.html", {"kruimelpad": kruimelpad})
