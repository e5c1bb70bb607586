"""Pages of besluitvorming; each area has its module (werkplek, publiek, stemmen), shared ones live here."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from raadhuis.besluitvorming.rechten import (
    AGENDA_BEHEREN,
    ORGANEN_BEHEREN,
    VOORSTEL_INDIENEN,
    WERKPLEK_ROLLEN,
)
from raadhuis.besluitvorming.selectors.publiek import fracties, organen
from raadhuis.core.rechten import mag
from raadhuis.core.toegang import werkplek


def bestuur(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Home"), reverse("core:home")), (_("Bestuur"), None)]
    return render(
        request,
        "besluitvorming/bestuur.html",
        {"kruimelpad": kruimelpad, "organen": organen(), "fracties": fracties()},
    )


@werkplek(*WERKPLEK_ROLLEN)
def werkplek_besluitvorming(request: HttpRequest) -> HttpResponse:
    kruimelpad = [(_("Werkplek"), reverse("core:werkplek")), (_("Besluitvorming"), None)]
    # Only the links this user may follow.
    rechten = {
        "mag_agenda": mag(request.user, AGENDA_BEHEREN),
        "mag_organen": mag(request.user, ORGANEN_BEHEREN),
        "mag_indienen": mag(request.user, VOORSTEL_INDIENEN),
    }
    return render(request, "besluitvorming/werkplek.html", {"kruimelpad": kruimelpad, **rechten})
