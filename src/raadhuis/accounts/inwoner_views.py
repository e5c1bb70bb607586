"""Mijn omgeving for residents and businesses: who is logged in, at which level, and logout."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from raadhuis.core import bsn
from raadhuis.core.identiteit import Soort, huidige_identiteit, identiteit_vergeten
from raadhuis.core.sessies import sessie_beeindigen

MIDDEL_NAMEN = {"digid": "DigiD", "eherkenning": "eHerkenning"}


def _gegevens_url() -> str:
    # The processing log page for residents (core.logboek); link to it only when it is mounted.
    try:
        return reverse("core:logboek:mijn_gegevens")
    except NoReverseMatch:
        return ""


@never_cache
def mijn(request: HttpRequest) -> HttpResponse:
    identiteit = huidige_identiteit(request.session)
    context: dict[str, Any] = {
        "identiteit": identiteit,
        "kruimelpad": [(_("Home"), reverse("core:home")), (_("Mijn omgeving"), None)],
        "inloggen_digid": reverse("inwoner:inloggen", kwargs={"middel": "digid"}),
        "inloggen_eherkenning": reverse("inwoner:inloggen", kwargs={"middel": "eherkenning"}),
    }
    if identiteit is not None:
        context.update(
            {
                "is_inwoner": identiteit.soort is Soort.INWONER,
                "gemaskeerd_bsn": bsn.maskeer(identiteit.bsn) if identiteit.bsn else "",
                "middel_naam": MIDDEL_NAMEN.get(identiteit.middel, identiteit.middel),
                "gegevens_url": _gegevens_url(),
            }
        )
    return render(request, "accounts/inwoner/mijn.html", context)


@require_POST
def uitloggen(request: HttpRequest) -> HttpResponse:
    """Only POST (CSRF): forgets the identity and deletes the session on the server (ASVS 3.3.1)."""
    identiteit_vergeten(request.session)
    sessie_beeindigen(request)
    messages.success(request, _("U bent uitgelogd."))
    return HttpResponseRedirect(reverse("core:home"))
