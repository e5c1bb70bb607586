"""The public Woo pages: the request form for anyone, without login and without a reason (Woo
art. 4.1), optionally after DigiD (to follow the request) or eHerkenning (a business: its KvK number
and name go with the request), and its confirmation with the kenmerk and the deadline."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from raadhuis.core.digitale_dienst import inlog_url
from raadhuis.core.forms import Deelformulier, formulier_uitvoeren
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, huidige_identiteit
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
    """The resident logged in with DigiD, who can follow the request, or the business logged in
    with eHerkenning, whose KvK number and name go with it. Neither is asked for: the request
    needs no identity at all (Woo art. 4.1)."""
    identiteit = huidige_identiteit(request.session)
    if identiteit is None:
        return None
    if identiteit.soort is Soort.INWONER and identiteit.bsn:
        return identiteit
    if identiteit.soort is Soort.ONDERNEMER and identiteit.kvk_nummer:
        return identiteit
    return None


def _inloggen(soort: Soort) -> str:
    """The optional login that comes back to the form (no personal data in the URL)."""
    return inlog_url(
        soort=soort, minimum=Betrouwbaarheidsniveau.SUBSTANTIEEL, terug_naar=reverse("woo:verzoek_indienen")
    )


# --- the public form ------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@snelheidslimiet("formulieren")
def verzoek_indienen(request: HttpRequest) -> HttpResponse:
    """Anyone may ask, without login and without stating an interest (Woo art. 4.1 lid 1 and 3)."""
    volger = _volger(request)
    ondernemer = volger if volger is not None and volger.soort is Soort.ONDERNEMER else None
    form = VerzoekForm(
        request.POST if request.method == "POST" else None,
        # A business's name from eHerkenning fills the organisation in; the requester may change it.
        initial={"organisatie": ondernemer.naam} if ondernemer is not None else None,
        kvk_nummer=ondernemer.kvk_nummer if ondernemer is not None else "",
    )
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
            "contact_velden": _Contactvelden(
                form, *CONTACT_VELDEN, *(("kvk_nummer",) if ondernemer is not None else ())
            ),
            "volger": volger,
            "ondernemer": ondernemer,
            "inloggen_digid": _inloggen(Soort.INWONER),
            "inloggen_eherkenning": _inloggen(Soort.ONDERNEMER),
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
