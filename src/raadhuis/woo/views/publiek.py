"""The public Woo pages: the request form for anyone, without login and without a reason (Woo
art. 4.1), and its confirmation with the kenmerk and the deadline."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from raadhuis.core.forms import Deelformulier, formulier_uitvoeren
from raadhuis.core.identiteit import Identiteit, Soort, huidige_identiteit
from raadhuis.core.snelheid import snelheidslimiet
from raadhuis.woo.forms import VerzoekForm
from raadhuis.woo.models import Kanaal
from raadhuis.woo.selectors import verzoeken as selectors
from raadhuis.woo.services import verzoeken as services

# The kenmerk of the request just submitted, so the confirmation page needs nothing in its URL.
SESSIE_ONTVANGEN = "woo_verzoek_ontvangen"

Kruimelpad = list[tuple[str, str | None]]
VERZOEK_VELDEN = ("onderwerp", "omschrijving", "periode_van", "periode_tot")
CONTACT_VELDEN = ("verzoeker_naam", "organisatie", "emailadres", "telefoonnummer", "postadres")


class _Contactvelden(Deelformulier):
    """The second fieldset of the public form: the form's own errors are shown in the first."""

    def non_field_errors(self) -> list[str]:
        return []


def _publiek_kruimelpad(*stappen: tuple[str, str | None]) -> Kruimelpad:
    return [(_("Home"), reverse("core:home")), *stappen]


def _volger(request: HttpRequest) -> Identiteit | None:
    """The resident logged in with DigiD, who can follow the request; a business's eHerkenning
    login is not asked for: the request needs no identity at all (Woo art. 4.1)."""
    identiteit = huidige_identiteit(request.session)
    if identiteit is not None and identiteit.soort is Soort.INWONER and identiteit.bsn:
        return identiteit
    return None


# --- the public form ------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@snelheidslimiet("formulieren")
def verzoek_indienen(request: HttpRequest) -> HttpResponse:
    """Anyone may ask, without login and without stating an interest (Woo art. 4.1 lid 1 and 3)."""
    volger = _volger(request)
    form = VerzoekForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        uitgevoerd = formulier_uitvoeren(
            form,
            lambda gegevens: services.verzoek_registreren(
                onderwerp=gegevens["onderwerp"],
                omschrijving=gegevens["omschrijving"],
                periode_van=gegevens["periode_van"],
                periode_tot=gegevens["periode_tot"],
                verzoeker_naam=gegevens["verzoeker_naam"],
                organisatie=gegevens["organisatie"],
                emailadres=gegevens["emailadres"],
                telefoonnummer=gegevens["telefoonnummer"],
                postadres=gegevens["postadres"],
                kanaal=Kanaal.WEBFORMULIER,
                ontvangen_op=timezone.localdate(),
                door=volger,
            ),
        )
        if uitgevoerd is not None:
            request.session[SESSIE_ONTVANGEN] = uitgevoerd.uitkomst.kenmerk
            return redirect("woo:verzoek_ontvangen")
    return render(
        request,
        "woo/verzoek_indienen.html",
        {
            "form": form,
            "verzoek_velden": Deelformulier(form, *VERZOEK_VELDEN),
            "contact_velden": _Contactvelden(form, *CONTACT_VELDEN),
            "volger": volger,
            "kruimelpad": _publiek_kruimelpad((_("Woo-verzoek indienen"), None)),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@require_GET
def verzoek_ontvangen(request: HttpRequest) -> HttpResponse:
    """The confirmation: kenmerk and deadline, read from the session (nothing in the URL)."""
    kenmerk = request.session.get(SESSIE_ONTVANGEN)
    verzoek = selectors.verzoek_met_kenmerk(kenmerk) if isinstance(kenmerk, str) else None
    if verzoek is None:
        return redirect("woo:verzoek_indienen")
    return render(
        request,
        "woo/verzoek_ontvangen.html",
        {
            "verzoek": verzoek,
            "termijn": selectors.termijn_van(verzoek),
            "gevolgd": bool(verzoek.bsn),
            "kruimelpad": _publiek_kruimelpad(
                (_("Woo-verzoek indienen"), reverse("woo:verzoek_indienen")),
                (_("Verzoek ontvangen"), None),
            ),
        },
    )
