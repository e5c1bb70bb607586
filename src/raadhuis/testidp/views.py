"""The test IdP's endpoints: discovery, authorize (with the tester's choice), token, JWKS, userinfo.

Real OpenID Connect (OIDC Core 1.0, authorization code flow; RFC 7636 PKCE S256; RFC 6749 client
authentication), so the client code is tested exactly as it runs against a real DigiD/eHerkenning
broker. It lets anyone log in as anyone, which is why it is only mounted in development and tests.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit

import jwt
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raadhuis.testidp.forms import NIVEAUS_PER_MIDDEL, STANDAARD_NIVEAU, TestInlogForm
from raadhuis.testidp.sleutels import signeersleutel

CODE_GELDIG_SECONDEN = 60
TOKEN_GELDIG_SECONDEN = 300
AUTORISATIE_VELDEN = (
    "response_type",
    "client_id",
    "redirect_uri",
    "scope",
    "state",
    "nonce",
    "code_challenge",
    "code_challenge_method",
    "acr_values",
)


def uitgever(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("testidp:discovery")).removesuffix(
        "/.well-known/openid-configuration"
    )


def _clients() -> dict[str, dict[str, Any]]:
    clients: dict[str, dict[str, Any]] = settings.RAADHUIS_TEST_IDP_CLIENTS
    return clients


def _sleutel(soort: str, waarde: str) -> str:
    # Codes and tokens are kept hashed: a cache dump does not hand out usable codes.
    return f"testidp:{soort}:{hashlib.sha256(waarde.encode()).hexdigest()}"


def _pseudoniem(client_id: str, waarde: str) -> str:
    """A pairwise subject per client, so `sub` never is the BSN (it ends up in logs)."""
    return hmac.new(
        settings.SECRET_KEY.encode(), f"{client_id}:{waarde}".encode(), hashlib.sha256
    ).hexdigest()[:32]


@require_GET
def discovery(request: HttpRequest) -> JsonResponse:
    basis = uitgever(request)
    return JsonResponse(
        {
            "issuer": basis,
            "authorization_endpoint": request.build_absolute_uri(reverse("testidp:authorize")),
            "token_endpoint": request.build_absolute_uri(reverse("testidp:token")),
            "userinfo_endpoint": request.build_absolute_uri(reverse("testidp:userinfo")),
            "jwks_uri": request.build_absolute_uri(reverse("testidp:jwks")),
            "response_types_supported": ["code"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "scopes_supported": ["openid"],
            "acr_values_supported": [waarde for waarden in NIVEAUS_PER_MIDDEL.values() for waarde in waarden],
            "claims_supported": ["sub", "acr", "bsn", "kvk", "vestigingsnummer", "acting_subject"],
        }
    )


@require_GET
def jwks(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"keys": [signeersleutel().publieke_jwk()]})


def _fout_pagina(request: HttpRequest, melding: str) -> HttpResponse:
    # RFC 6749 4.1.2.1: with an unknown client or redirect URI, never redirect; tell the tester.
    return render(request, "testidp/fout.html", {"melding": melding}, status=400)


def _terug(redirect_uri: str, **params: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{redirect_uri}?{urlencode(params)}")


def _geregistreerd(request: HttpRequest, client: dict[str, Any], redirect_uri: str) -> bool:
    """Exact match with a registered redirect path on this server's own origin or on an origin
    configured for its clients (RAADHUIS_TEST_IDP_CLIENT_ORIGINS)."""
    delen = urlsplit(redirect_uri)
    eigen = urlsplit(request.build_absolute_uri("/"))
    return (
        (
            (delen.scheme, delen.netloc) == (eigen.scheme, eigen.netloc)
            or f"{delen.scheme}://{delen.netloc}" in settings.RAADHUIS_TEST_IDP_CLIENT_ORIGINS
        )
        and delen.path in client["redirect_paden"]
        and not delen.query
        and not delen.fragment
    )


@never_cache
@require_http_methods(["GET", "POST"])
def authorize(request: HttpRequest) -> HttpResponse:
    """OIDC Core 3.1.2: checks the request, shows the tester's choice, then sends a code back."""
    params: QueryDict = request.GET if request.method == "GET" else request.POST
    client_id = params.get("client_id", "")
    redirect_uri = params.get("redirect_uri", "")
    client = _clients().get(client_id)
    if client is None:
        return _fout_pagina(request, _("Onbekende client: deze applicatie is niet geregistreerd."))
    if not _geregistreerd(request, client, redirect_uri):
        return _fout_pagina(request, _("De redirect-URI is niet geregistreerd voor deze client."))
    state = params.get("state", "")
    fout = ""
    if params.get("response_type") != "code":
        fout = "unsupported_response_type"
    elif "openid" not in params.get("scope", "").split():
        fout = "invalid_scope"
    elif not state or not params.get("nonce"):
        fout = "invalid_request"
    elif (
        params.get("code_challenge_method") != "S256"
        or not 43 <= len(params.get("code_challenge", "")) <= 128
    ):
        fout = "invalid_request"  # PKCE with S256 is required (RFC 7636 4.3)
    if fout:
        return _terug(redirect_uri, error=fout, **({"state": state} if state else {}))
    verzoek = {veld: params.get(veld, "") for veld in AUTORISATIE_VELDEN}
    if request.method == "POST" and "annuleren" in request.POST:
        return _terug(redirect_uri, error="access_denied", state=state)
    if request.method == "POST":
        form = TestInlogForm(request.POST)
        if form.is_valid():
            return _terug(redirect_uri, code=_code_uitgeven(request, verzoek, form.cleaned_data), state=state)
    else:
        middel = client["middel"]
        gevraagd = [acr for acr in verzoek["acr_values"].split() if acr in NIVEAUS_PER_MIDDEL[middel]]
        form = TestInlogForm(
            initial={"middel": middel, "niveau": gevraagd[0] if gevraagd else STANDAARD_NIVEAU[middel]}
        )
    return render(request, "testidp/inloggen.html", {"form": form, "verzoek": verzoek})


def _code_uitgeven(request: HttpRequest, verzoek: dict[str, str], gegevens: dict[str, Any]) -> str:
    client_id = verzoek["client_id"]
    if gegevens["middel"] == "digid":
        claims = {"bsn": gegevens["bsn"], "sub": _pseudoniem(client_id, gegevens["bsn"])}
    else:
        claims = {"kvk": gegevens["kvk_nummer"], "sub": _pseudoniem(client_id, gegevens["kvk_nummer"])}
        if gegevens.get("vestigingsnummer"):
            claims["vestigingsnummer"] = gegevens["vestigingsnummer"]
        if gegevens.get("handelende_persoon"):
            claims["acting_subject"] = _pseudoniem(client_id, gegevens["handelende_persoon"])
    code = secrets.token_urlsafe(32)
    cache.set(
        _sleutel("code", code),
        {**verzoek, "claims": {**claims, "acr": gegevens["niveau"]}, "auth_time": int(time.time())},
        timeout=CODE_GELDIG_SECONDEN,
    )
    return code


def _token_fout(fout: str, status: int = 400) -> JsonResponse:
    antwoord = JsonResponse({"error": fout}, status=status)
    if status == 401:
        antwoord["WWW-Authenticate"] = 'Basic realm="test-idp"'
    antwoord["Cache-Control"] = "no-store"
    return antwoord


def _client_authenticatie(request: HttpRequest) -> tuple[str, str] | None:
    """client_secret_basic or client_secret_post (RFC 6749 2.3.1), not both at once."""
    kop = request.headers.get("Authorization", "")
    if kop.startswith("Basic "):
        if "client_secret" in request.POST:
            return None
        try:
            ruw = base64.b64decode(kop.removeprefix("Basic ").strip(), validate=True).decode()
        except (ValueError, UnicodeDecodeError):
            return None
        client_id, scheiding, geheim = ruw.partition(":")
        return (unquote(client_id), unquote(geheim)) if scheiding else None
    if "client_id" in request.POST and "client_secret" in request.POST:
        return request.POST["client_id"], request.POST["client_secret"]
    return None


@csrf_exempt
@never_cache
@require_POST
def token(request: HttpRequest) -> JsonResponse:
    """OIDC Core 3.1.3: one use per code, same client and redirect URI, PKCE verifier checked."""
    inlog = _client_authenticatie(request)
    client = _clients().get(inlog[0]) if inlog else None
    if inlog is None or client is None or not hmac.compare_digest(client["client_secret"], inlog[1]):
        return _token_fout("invalid_client", 401)
    client_id = inlog[0]
    if request.POST.get("grant_type") != "authorization_code":
        return _token_fout("unsupported_grant_type")
    code = request.POST.get("code", "")
    verzoek: dict[str, Any] | None = cache.get(_sleutel("code", code)) if code else None
    # add() is atomic: of two requests with the same code, only the first gets past this line.
    if verzoek is None or not cache.add(_sleutel("gebruikt", code), True, timeout=CODE_GELDIG_SECONDEN * 10):
        return _token_fout("invalid_grant")
    cache.delete(_sleutel("code", code))
    if verzoek["client_id"] != client_id or verzoek["redirect_uri"] != request.POST.get("redirect_uri"):
        return _token_fout("invalid_grant")
    verifier = request.POST.get("code_verifier", "")
    berekend = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii", "replace")).digest()).rstrip(
        b"="
    )
    if not 43 <= len(verifier) <= 128 or not hmac.compare_digest(
        berekend.decode(), verzoek["code_challenge"]
    ):
        return _token_fout("invalid_grant")
    nu = int(time.time())
    sleutel = signeersleutel()
    id_token = jwt.encode(
        {
            "iss": uitgever(request),
            "aud": client_id,
            "exp": nu + TOKEN_GELDIG_SECONDEN,
            "iat": nu,
            "auth_time": verzoek["auth_time"],
            "nonce": verzoek["nonce"],
            **verzoek["claims"],
        },
        sleutel.privaat,
        algorithm="RS256",
        headers={"kid": sleutel.kid},
    )
    access_token = secrets.token_urlsafe(32)
    cache.set(_sleutel("toegang", access_token), verzoek["claims"], timeout=TOKEN_GELDIG_SECONDEN)
    antwoord = JsonResponse(
        {
            "access_token": access_token,
            "token_type": "Bearer",
            "expires_in": TOKEN_GELDIG_SECONDEN,
            "id_token": id_token,
        }
    )
    antwoord["Cache-Control"] = "no-store"
    return antwoord


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def userinfo(request: HttpRequest) -> JsonResponse:
    kop = request.headers.get("Authorization", "")
    claims = (
        cache.get(_sleutel("toegang", kop.removeprefix("Bearer ").strip()))
        if kop.startswith("Bearer ")
        else None
    )
    if claims is None:
        antwoord = JsonResponse({"error": "invalid_token"}, status=401)
        antwoord["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        return antwoord
    return JsonResponse(claims)
