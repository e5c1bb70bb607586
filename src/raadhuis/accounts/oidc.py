"""DigiD and eHerkenning through an OpenID Connect broker: configuration, discovery, token checks.

Residents and businesses are not Django users: a verified ID token becomes a core.identiteit.Identiteit
in the session. mozilla-django-oidc does the token exchange and the JWKS signature check; this module
adds what it leaves out (audience, issuer, required claims) and maps the claims.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

import jwt
import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, SuspiciousOperation, ValidationError
from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from raadhuis.core.bsn import valideer_bsn
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Identiteit, Soort, niveau_van_broker
from raadhuis.core.validators import is_kvk_nummer

logger = logging.getLogger(__name__)

MIDDELEN = ("digid", "eherkenning")
NIVEAUS = {
    "laag": Betrouwbaarheidsniveau.LAAG,
    "substantieel": Betrouwbaarheidsniveau.SUBSTANTIEEL,
    "hoog": Betrouwbaarheidsniveau.HOOG,
}
ALGORITME = "RS256"
KLOKMARGE_SECONDEN = 30
DISCOVERY_GELDIG_SECONDEN = 3600


class OidcFout(Exception):
    """A login that must be refused. The message is English, for the log, and never holds personal
    data (no BSN, no token)."""


class NiveauTeLaag(Exception):
    """The broker authenticated at a lower level of assurance than was asked for (eIDAS art. 8)."""

    def __init__(self, *, gekregen: Betrouwbaarheidsniveau, gevraagd: Betrouwbaarheidsniveau) -> None:
        super().__init__(f"level {gekregen.name} is lower than the requested {gevraagd.name}")
        self.gekregen = gekregen
        self.gevraagd = gevraagd


@dataclass(frozen=True)
class Broker:
    """One client at an OIDC broker, with its endpoints resolved (from discovery or settings)."""

    middel: str
    client_id: str
    client_secret: str
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str
    scopes: str
    token_auth: str
    acr_values: dict[str, str]
    claims: dict[str, str]
    timeout: int

    def acr_voor(self, niveau: Betrouwbaarheidsniveau) -> str:
        return self.acr_values[niveau.name.lower()]


_discovery_cache: dict[str, tuple[float, dict[str, Any]]] = {}
_discovery_slot = threading.Lock()


def _discovery(url: str, timeout: int) -> dict[str, Any]:
    """The broker's openid-configuration, kept for an hour (it changes only with a key roll-over)."""
    with _discovery_slot:
        bewaard = _discovery_cache.get(url)
        if bewaard and bewaard[0] > time.monotonic():
            return bewaard[1]
    try:
        antwoord = requests.get(url, timeout=timeout)
        antwoord.raise_for_status()
        document = antwoord.json()
    except (requests.RequestException, ValueError) as fout:
        raise OidcFout(f"discovery document unavailable: {type(fout).__name__}") from None
    if not isinstance(document, dict):
        raise OidcFout("discovery document is not a JSON object")
    with _discovery_slot:
        _discovery_cache[url] = (time.monotonic() + DISCOVERY_GELDIG_SECONDEN, document)
    return document


def is_ingesteld(middel: str) -> bool:
    instellingen: dict[str, Any] | None = settings.RAADHUIS_OIDC_BROKERS.get(middel)
    return bool(
        instellingen
        and instellingen["client_id"]
        and (instellingen["discovery_url"] or instellingen["authorization_endpoint"])
    )


def broker(middel: str, request: HttpRequest) -> Broker:
    """The configured client for DigiD or eHerkenning; explicit endpoints win over discovery."""
    if middel not in MIDDELEN or not is_ingesteld(middel):
        raise OidcFout(f"no OIDC client configured for {middel}")
    instellingen: dict[str, Any] = settings.RAADHUIS_OIDC_BROKERS[middel]
    gevonden: dict[str, Any] = {}
    if instellingen["discovery_url"]:
        gevonden = _discovery(
            request.build_absolute_uri(instellingen["discovery_url"]), instellingen["timeout"]
        )
    waarden = {
        veld: str(instellingen[veld] or gevonden.get(veld) or "")
        for veld in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
    }
    ontbreekt = [veld for veld, waarde in waarden.items() if not waarde]
    if ontbreekt:
        raise OidcFout(f"OIDC client for {middel} lacks {', '.join(ontbreekt)}")
    if instellingen["token_auth"] not in {"client_secret_basic", "client_secret_post"}:
        raise ImproperlyConfigured(
            f"RAADHUIS_{middel.upper()}_OIDC_TOKEN_AUTH must be client_secret_basic or client_secret_post."
        )
    return Broker(
        middel=middel,
        client_id=instellingen["client_id"],
        client_secret=instellingen["client_secret"],
        scopes=instellingen["scopes"],
        token_auth=instellingen["token_auth"],
        acr_values=dict(instellingen["acr_values"]),
        claims=dict(instellingen["claims"]),
        timeout=instellingen["timeout"],
        **waarden,
    )


class BrokerBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    """mozilla-django-oidc's backend, configured per broker instead of by global OIDC_* settings.

    It is never listed in AUTHENTICATION_BACKENDS: only its token exchange and verification are
    used, and no user is created."""

    def __init__(self, broker: Broker) -> None:
        self.broker = broker
        super().__init__()

    def get_settings(self, attr: str, *args: Any) -> Any:
        waarden: dict[str, Any] = {
            "OIDC_OP_TOKEN_ENDPOINT": self.broker.token_endpoint,
            "OIDC_OP_USER_ENDPOINT": None,
            "OIDC_OP_JWKS_ENDPOINT": self.broker.jwks_uri,
            "OIDC_RP_CLIENT_ID": self.broker.client_id,
            "OIDC_RP_CLIENT_SECRET": self.broker.client_secret,
            "OIDC_RP_SIGN_ALGO": ALGORITME,
            "OIDC_RP_IDP_SIGN_KEY": None,
            "OIDC_RP_SCOPES": self.broker.scopes,
            "OIDC_USE_NONCE": True,
            "OIDC_ALLOW_UNSECURED_JWT": False,
            "OIDC_TOKEN_USE_BASIC_AUTH": self.broker.token_auth == "client_secret_basic",  # noqa: S105
            "OIDC_VERIFY_SSL": True,
            "OIDC_TIMEOUT": self.broker.timeout,
            "OIDC_PROXY": None,
        }
        if attr in waarden:
            return waarden[attr]
        return super().get_settings(attr, *args)

    def _verify_jws(self, payload: str, key: Any) -> dict[str, Any]:
        # The library checks the signature and expiry but not audience or issuer (OIDC Core 3.1.3.7).
        if jwt.get_unverified_header(payload).get("alg") != ALGORITME:
            raise SuspiciousOperation("ID token not signed with RS256")
        try:
            gegevens: dict[str, Any] = jwt.decode(
                payload,
                key,
                algorithms=[ALGORITME],
                audience=self.broker.client_id,
                issuer=self.broker.issuer,
                leeway=KLOKMARGE_SECONDEN,
                options={"require": ["iss", "aud", "exp", "iat", "sub", "nonce"]},
            )
        except jwt.InvalidTokenError as fout:
            raise SuspiciousOperation(f"ID token rejected: {type(fout).__name__}") from None
        ontvangers = gegevens["aud"] if isinstance(gegevens["aud"], list) else [gegevens["aud"]]
        if len(ontvangers) > 1 and gegevens.get("azp") != self.broker.client_id:
            raise SuspiciousOperation("ID token for several audiences without our azp")
        return gegevens


def token_verifieren(
    *, broker: Broker, request: HttpRequest, code: str, code_verifier: str, nonce: str, redirect_uri: str
) -> dict[str, Any]:
    """Exchanges the code (with the PKCE verifier) and returns the verified ID token's claims."""
    backend = BrokerBackend(broker)
    backend.request = request
    verzoek = {
        "client_id": broker.client_id,
        "client_secret": broker.client_secret,
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "code_verifier": code_verifier,
    }
    try:
        antwoord = backend.get_token(verzoek)
        id_token = antwoord.get("id_token") if isinstance(antwoord, dict) else None
        if not isinstance(id_token, str):
            raise OidcFout("token response without id_token")
        claims = backend.verify_token(id_token, nonce=nonce)
    except OidcFout:
        raise
    except requests.HTTPError as fout:
        status = fout.response.status_code if fout.response is not None else "?"
        raise OidcFout(f"token endpoint answered {status}") from None
    except (SuspiciousOperation, requests.RequestException, jwt.PyJWTError, KeyError, ValueError) as fout:
        # str() of these names the check that failed, never a claim value.
        raise OidcFout(f"{type(fout).__name__}: {fout}") from None
    if not isinstance(claims, dict):
        raise OidcFout("ID token payload is not an object")
    return claims


def _tekst(claims: dict[str, Any], naam: str) -> str:
    waarde = claims.get(naam, "")
    if waarde is None:
        return ""
    if not isinstance(waarde, str | int):
        raise OidcFout(f"claim {naam} has an unexpected type")
    return str(waarde).strip()


def identiteit_uit_claims(
    *, broker: Broker, claims: dict[str, Any], gevraagd: Betrouwbaarheidsniveau
) -> Identiteit:
    """Maps verified claims to an Identiteit; refuses a level below the one requested.

    Levels: eIDAS (Verordening (EU) 910/2014 art. 8) as the Wdo requires per service; the broker's
    acr is mapped with core.identiteit.niveau_van_broker (DigiD and eHerkenning tables of Logius)."""
    niveau = niveau_van_broker(_tekst(claims, broker.claims["acr"]))
    if niveau is None:
        raise OidcFout("acr claim missing or not a known DigiD/eHerkenning level")
    if niveau < gevraagd:
        raise NiveauTeLaag(gekregen=niveau, gevraagd=gevraagd)
    if broker.middel == "digid":
        try:
            bsn = valideer_bsn(_tekst(claims, broker.claims["bsn"]))
        except ValidationError:
            raise OidcFout("BSN claim missing or failing the 11-proef") from None
        return Identiteit(soort=Soort.INWONER, niveau=niveau, bsn=bsn, middel="digid")
    kvk = _tekst(claims, broker.claims["kvk"])
    if not is_kvk_nummer(kvk):
        raise OidcFout("KvK claim missing or not a KvK number")
    vestiging = _tekst(claims, broker.claims["vestigingsnummer"])
    if vestiging and not (len(vestiging) == 12 and vestiging.isascii() and vestiging.isdigit()):
        raise OidcFout("vestigingsnummer claim not 12 digits")
    handelend = _tekst(claims, broker.claims["handelende_persoon"])[:200]
    return Identiteit(
        soort=Soort.ONDERNEMER,
        niveau=niveau,
        kvk_nummer=kvk,
        vestigingsnummer=vestiging,
        handelende_persoon=handelend,
        middel="eherkenning",
    )
