"""Pages of dienstverlening."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.core.toegang import werkplek
from raadhuis.dienstverlening.rechten import WERKPLEK_ROLLEN


def dienstverlening(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Home"), reverse("core:home")), (_("Dienstverlening"), None)]
    return render(request, "dienstverlening/dienstverlening.html", {"kruimelpad": kruimelpad})


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_dienstverlening(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Werkplek"), reverse("core:werkplek")), (_("Dienstverlening"), None)]
    return render(request, "dienstverlening/werkplek.html", {"kruimelpad": kruimelpad})
