"""Pages of uitvoering."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.core.toegang import werkplek
from raadhuis.uitvoering.rechten import WERKPLEK_ROLLEN


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_uitvoering(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Werkplek"), reverse("core:werkplek")), (_("Uitvoering"), None)]
    return render(request, "uitvoering/werkplek.html", {"kruimelpad": kruimelpad})
