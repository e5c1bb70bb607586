"""DigiD and eHerkenning login for residents and businesses: start at the broker, and its callback."""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from mozilla_django_oidc.utils import add_state_and_verifier_and_nonce_to_session, generate_code_challenge
from mozilla_django_oidc.views import get_next_url

from raadhuis.accounts import oidc
from raadhuis.accounts.inwoner_logboek import inloggen_vastleggen
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, identiteit_opslaan
from raadhuis.core.sessies import sessie_beginnen
from raadhuis.core.snelheid import snelheidslimiet

logger = logging.getLogger(__name__)

STANDAARD_NIVEAU = "substantieel"
FOUTCODE = re.compile(r"[a-z_]{1,40}")
MIDDEL_NAMEN = {"digid": "DigiD", "eherkenning": "eHerkenning"}


def _middel_of_404(middel: str) -> str:
    if middel not in oidc.MIDDELEN:
        raise Http404
    return middel


def _kruimelpad() -> list[tuple[str, str | None]]:
    return [(_("Home"), reverse("core:home")), (_("Inloggen"), None)]


def _mislukt(
    request: HttpRequest, middel: str, *, status: int, melding: str, aanvraag: dict[str, Any] | None = None
) -> HttpResponse:
    opnieuw = reverse("inwoner:inloggen", kwargs={"middel": middel})
    if aanvraag is not None:
        # Try again at the level and towards the page of the attempt that failed.
        niveau = Betrouwbaarheidsniveau(aanvraag["niveau"]).name.lower()
        opnieuw += "?" + urlencode({"niveau": niveau, "next": aanvraag.get("next") or ""})
    return render(
        request,
        "accounts/inwoner/inloggen_mislukt.html",
        {
            "melding": melding,
            "middel_naam": MIDDEL_NAMEN[middel],
            "opnieuw_url": opnieuw,
            "kruimelpad": _kruimelpad(),
        },
        status=status,
    )


@never_cache
@snelheidslimiet("inloggen", methoden=("GET",))
def inloggen(request: HttpRequest, middel: str) -> HttpResponse:
    """Sends the browser to the broker: authorization code flow with PKCE S256, state and nonce
    (OIDC Core 3.1.2; RFC 7636), asking for the acr of the level the service needs (Wdo, eIDAS)."""
    middel = _middel_of_404(middel)
    niveau_naam = request.GET.get("niveau", STANDAARD_NIVEAU)
    if niveau_naam not in oidc.NIVEAUS:
        niveau_naam = STANDAARD_NIVEAU
    try:
        broker = oidc.broker(middel, request)
    except oidc.OidcFout as fout:
        logger.warning("Login with %s cannot start: %s", middel, fout)
        return _mislukt(
            request,
            middel,
            status=503,
            melding=_("Inloggen met %(middel)s is op dit moment niet mogelijk. Probeer het later opnieuw.")
            % {"middel": MIDDEL_NAMEN[middel]},
        )
    state = get_random_string(32)
    code_verifier = get_random_string(64)
    params = {
        "response_type": "code",
        "scope": broker.scopes,
        "client_id": broker.client_id,
        "redirect_uri": request.build_absolute_uri(reverse("inwoner:terug", kwargs={"middel": middel})),
        "state": state,
        "nonce": get_random_string(32),
        "code_challenge": generate_code_challenge(code_verifier, "S256"),
        "code_challenge_method": "S256",
        "acr_values": broker.acr_voor(oidc.NIVEAUS[niveau_naam]),
    }
    add_state_and_verifier_and_nonce_to_session(request, state, params, code_verifier)
    # Per state, so two logins in two tabs each keep their own level and destination.
    request.session["oidc_states"][state].update(
        {
            "middel": middel,
            "niveau": int(oidc.NIVEAUS[niveau_naam]),
            "next": get_next_url(request, "next") or reverse("inwoner:mijn"),
        }
    )
    request.session.modified = True
    return HttpResponseRedirect(f"{broker.authorization_endpoint}?{urlencode(params)}")


@never_cache
@snelheidslimiet("inloggen", methoden=("GET",))
def terug(request: HttpRequest, middel: str) -> HttpResponse:
    """The broker's callback: checks state, exchanges the code and verifies the ID token, then keeps
    the identity in a new session. The BSN never appears in a URL or a log line."""
    middel = _middel_of_404(middel)
    staten: Any = request.session.get("oidc_states")
    state = request.GET.get("state", "")
    aanvraag: dict[str, Any] | None = None
    if isinstance(staten, dict) and state in staten:
        # Removed at once: a state (and its nonce and verifier) serves one callback only.
        aanvraag = staten.pop(state)
        request.session.modified = True
    if aanvraag is None or aanvraag.get("middel") != middel:
        logger.warning("Login callback for %s with an unknown state", middel)
        return _mislukt(
            request,
            middel,
            status=400,
            melding=_("Deze inlogpoging is verlopen of ongeldig. Log opnieuw in."),
        )
    if request.GET.get("error"):
        # Only an RFC 6749 error code goes into the log, never free text from the query string.
        fout = request.GET.get("error", "")
        logger.info(
            "Login with %s ended by the broker: %s", middel, fout if FOUTCODE.fullmatch(fout) else "?"
        )
        return _mislukt(
            request, middel, status=400, melding=_("Het inloggen is afgebroken."), aanvraag=aanvraag
        )
    gevraagd = Betrouwbaarheidsniveau(aanvraag["niveau"])
    try:
        broker = oidc.broker(middel, request)
        claims = oidc.token_verifieren(
            broker=broker,
            request=request,
            code=request.GET.get("code", ""),
            code_verifier=aanvraag["code_verifier"],
            nonce=aanvraag["nonce"],
            redirect_uri=request.build_absolute_uri(reverse("inwoner:terug", kwargs={"middel": middel})),
        )
        identiteit = oidc.identiteit_uit_claims(broker=broker, claims=claims, gevraagd=gevraagd)
    except oidc.NiveauTeLaag as fout:
        logger.warning("Login with %s refused: %s", middel, fout)
        return _mislukt(
            request,
            middel,
            status=403,
            melding=_(
                "U heeft ingelogd op betrouwbaarheidsniveau %(gekregen)s, maar niveau %(gevraagd)s was "
                "nodig. U bent daarom niet ingelogd. Log opnieuw in met een inlogmiddel van niveau "
                "%(gevraagd)s."
            )
            % {"gekregen": fout.gekregen.label, "gevraagd": fout.gevraagd.label},
            aanvraag=aanvraag,
        )
    except oidc.OidcFout as fout:
        logger.warning("Login with %s refused: %s", middel, fout)
        return _mislukt(
            request,
            middel,
            status=400,
            melding=_("Het inloggen met %(middel)s is niet gelukt. Probeer het opnieuw.")
            % {"middel": MIDDEL_NAMEN[middel]},
            aanvraag=aanvraag,
        )
    sessie_beginnen(request)
    # Logged before the identity is kept: a login that cannot be accounted for does not happen.
    inloggen_vastleggen(identiteit=identiteit)
    identiteit_opslaan(request.session, identiteit)
    logger.info("Login with %s at level %s", middel, identiteit.niveau.name)
    return HttpResponseRedirect(str(aanvraag.get("next") or reverse("inwoner:mijn")))
