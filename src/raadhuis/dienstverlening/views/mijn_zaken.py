"""Mijn zaken: a resident's or business's own cases, after DigiD or eHerkenning."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from raadhuis.core.digitale_dienst import Doelgroep, toegang_weigeren, vereiste_identiteit
from raadhuis.core.identiteit import Betrouwbaarheidsniveau
from raadhuis.dienstverlening.selectors.mijn_zaken import eigen_zaken


@never_cache
def mijn_zaken(request: HttpRequest) -> HttpResponse:
    weigering = toegang_weigeren(
        request,
        minimum=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        doelgroep=Doelgroep.BEIDE,
        dienst=_("Mijn zaken"),
    )
    if weigering is not None:
        return weigering
    zaken = list(eigen_zaken(vereiste_identiteit(request))[:50])
    kruimelpad = [
        (_("Home"), reverse("core:home")),
        (_("Mijn omgeving"), reverse("inwoner:mijn")),
        (_("Mijn zaken"), None),
    ]
    return render(
        request, "dienstverlening/mijn_zaken/lijst.html", {"kruimelpad": kruimelpad, "zaken": zaken}
    )
