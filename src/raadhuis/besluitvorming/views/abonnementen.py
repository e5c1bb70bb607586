"""Public pages to subscribe to, confirm and cancel e-mail notifications (services.abonnementen)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from raadhuis.besluitvorming.forms_abonnementen import AbonnementForm
from raadhuis.besluitvorming.models import Abonnement
from raadhuis.besluitvorming.selectors import publiek
from raadhuis.besluitvorming.services import abonnementen
from raadhuis.core import dubbele_optin
from raadhuis.core.forms import Deelformulier, fout_naar_formulier
from raadhuis.core.snelheid import snelheidslimiet

SJABLONEN = "besluitvorming/meldingen/"


def _kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        (_("Home"), reverse("core:home")),
        (_("Bestuur"), reverse("besluitvorming:bestuur")),
        (_("Meldingen per e-mail"), reverse("besluitvorming:meldingen")),
        *stappen,
    ]


@require_http_methods(["GET", "POST"])
@snelheidslimiet("formulieren")
def aanmelden(request: HttpRequest) -> HttpResponse:
    form = AbonnementForm(request.POST or None, organen=publiek.organen())
    if request.method == "POST" and form.is_valid():
        taal = (get_language() or "nl")[:2]
        try:
            abonnementen.abonnement_aanvragen(
                emailadres=form.cleaned_data["emailadres"],
                orgaan=form.cleaned_data["orgaan"],
                agendas=form.cleaned_data["agendas"],
                besluiten=form.cleaned_data["besluiten"],
                raadsvragen=form.cleaned_data["raadsvragen"],
                taal=taal,
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            return redirect("besluitvorming:meldingen_aangevraagd")
    kruimelpad: list[tuple[str, str | None]] = [
        (_("Home"), reverse("core:home")),
        (_("Bestuur"), reverse("besluitvorming:bestuur")),
        (_("Meldingen per e-mail"), None),
    ]
    context = {
        "form": form,
        # The address and the body as ordinary fields; the two choices as one group of checkboxes.
        "velden": Deelformulier(form, "emailadres", "orgaan"),
        "keuzes": [form["agendas"], form["besluiten"], form["raadsvragen"]],
        "kruimelpad": kruimelpad,
    }
    return render(request, SJABLONEN + "aanmelden.html", context)


def aangevraagd(request: HttpRequest) -> HttpResponse:
    return render(
        request, SJABLONEN + "aangevraagd.html", {"kruimelpad": _kruimelpad((_("Aangevraagd"), None))}
    )


def _abonnement(pk: int, sleutel: str) -> Abonnement | None:
    abonnement = Abonnement.objects.select_related("orgaan").filter(pk=pk).first()
    return abonnement if abonnement and abonnementen.sleutel_klopt(abonnement, sleutel) else None


LINKS = dubbele_optin.Linkpaginas(
    vinden=_abonnement,
    bevestigen=lambda abonnement: abonnementen.abonnement_bevestigen(abonnement=abonnement),
    opzeggen=lambda abonnement: abonnementen.abonnement_opzeggen(abonnement=abonnement),
    sjablonen=SJABLONEN,
    kruimelpad=lambda stap: _kruimelpad((stap, None)),
)


def bevestigen(request: HttpRequest, pk: int, sleutel: str) -> HttpResponse:
    return LINKS.bevestigen_view(request, pk, sleutel)


# RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" without a form; the key is the proof.
@csrf_exempt
def opzeggen(request: HttpRequest, pk: int, sleutel: str) -> HttpResponse:
    return LINKS.opzeggen_view(request, pk, sleutel)
