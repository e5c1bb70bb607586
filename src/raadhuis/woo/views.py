"""Pages of woo."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.core.toegang import werkplek
from raadhuis.woo.rechten import WERKPLEK_ROLLEN


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_woo(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Werkplek"), reverse("core:werkplek")), (_("Woo-verzoeken"), None)]
    return render(request, "woo/werkplek.html", {"kruimelpad": kruimelpad})
