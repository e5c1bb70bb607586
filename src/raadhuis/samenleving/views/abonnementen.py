"""Public pages to subscribe to, confirm and cancel the meedoen notifications (services.abonnementen)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from raadhuis.core import dubbele_optin
from raadhuis.core.forms import Deelformulier, fout_naar_formulier
from raadhuis.core.snelheid import snelheidslimiet
from raadhuis.samenleving.forms_consultaties import AbonnementForm
from raadhuis.samenleving.models import Abonnement
from raadhuis.samenleving.services import abonnementen

SJABLONEN = "samenleving/abonnementen/"


def _kruimelpad(*stappen: tuple[str, str | None]) -> list[tuple[str, str | None]]:
    return [
        (_("Home"), reverse("core:home")),
        (_("Meedoen"), reverse("samenleving:meedoen")),
        (_("Meldingen per e-mail"), reverse("samenleving:meldingen")),
        *stappen,
    ]


@require_http_methods(["GET", "POST"])
@snelheidslimiet("formulieren")
def aanmelden(request: HttpRequest) -> HttpResponse:
    form = AbonnementForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            abonnementen.abonnement_aanvragen(
                emailadres=form.cleaned_data["emailadres"],
                consultaties=form.cleaned_data["consultaties"],
                petities=form.cleaned_data["petities"],
                taal=(get_language() or "nl")[:2],
            )
        except ValidationError as fout:
            fout_naar_formulier(form, fout)
        else:
            return redirect("samenleving:meldingen_aangevraagd")
    context = {
        "form": form,
        "velden": Deelformulier(form, "emailadres"),
        "keuzes": [form["consultaties"], form["petities"]],
        "kruimelpad": [*_kruimelpad()[:-1], (_("Meldingen per e-mail"), None)],
    }
    return render(request, SJABLONEN + "aanmelden.html", context, status=400 if form.errors else 200)


def aangevraagd(request: HttpRequest) -> HttpResponse:
    return render(
        request, SJABLONEN + "aangevraagd.html", {"kruimelpad": _kruimelpad((_("Aangevraagd"), None))}
    )


def _abonnement(pk: int, sleutel: str) -> Abonnement | None:
    abonnement = Abonnement.objects.filter(pk=pk).first()
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
