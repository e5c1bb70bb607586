"""The test IdP speaks real OIDC: discovery, authorize checks, one-time codes, PKCE, client auth."""

from __future__ import annotations

import base64
import hashlib
import stat
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.checks import Error
from django.test import Client

from raadhuis.testidp import sleutels
from raadhuis.testidp.checks import controleer_test_idp_uit
from raadhuis.testidp.testhulp import verborgen_velden

CLIENT_ID = "raadhuis-digid"
REDIRECT = "http://testserver/inloggen/digid/terug/"
VERIFIER = "v" * 20 + "erifier-met-genoeg-lengte-voor-pkce-regels"
CHALLENGE = base64.urlsafe_b64encode(hashlib.sha256(VERIFIER.encode()).digest()).rstrip(b"=").decode()
SMARTCARD = "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"
BSN = "999993653"


@pytest.fixture(autouse=True)
def _schone_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _geheim(client_id: str = CLIENT_ID) -> str:
    geheim: str = settings.RAADHUIS_TEST_IDP_CLIENTS[client_id]["client_secret"]
    return geheim


def _autorisatie(**anders: str) -> dict[str, str]:
    return {
        "response_type": "code",
        "client_id": CLIENT_ID,
        "redirect_uri": REDIRECT,
        "scope": "openid",
        "state": "de-state",
        "nonce": "de-nonce",
        "code_challenge": CHALLENGE,
        "code_challenge_method": "S256",
        "acr_values": SMARTCARD,
    } | anders


def _code(client: Client, **keuze: str) -> str:
    antwoord = client.post(
        "/test-idp/authorize/",
        _autorisatie() | {"middel": "digid", "niveau": SMARTCARD, "test_bsn": BSN} | keuze,
    )
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    query = parse_qs(urlsplit(antwoord["Location"]).query)
    assert query["state"] == ["de-state"]
    return query["code"][0]


def _token_aanvraag(echte_code: str, **anders: str) -> dict[str, str]:
    return {
        "grant_type": "authorization_code",
        "code": echte_code,
        "redirect_uri": REDIRECT,
        "code_verifier": VERIFIER,
        "client_id": CLIENT_ID,
        "client_secret": _geheim(),
    } | anders


def test_discovery_noemt_endpoints_pkce_en_rs256(client: Client) -> None:
    document = client.get("/test-idp/.well-known/openid-configuration").json()
    assert document["issuer"] == "http://testserver/test-idp"
    assert document["token_endpoint"] == "http://testserver/test-idp/token/"
    assert document["code_challenge_methods_supported"] == ["S256"]
    assert document["id_token_signing_alg_values_supported"] == ["RS256"]


def test_jwks_bevat_alleen_de_publieke_sleutel(client: Client) -> None:
    sleutel = client.get("/test-idp/jwks/").json()["keys"][0]
    assert sleutel["kty"] == "RSA"
    assert sleutel["alg"] == "RS256"
    assert sleutel["kid"]
    assert "d" not in sleutel
    assert "p" not in sleutel


def test_sleutel_staat_onder_var_dir_en_alleen_leesbaar_voor_eigenaar(tmp_path: Any, settings: Any) -> None:
    # Given an empty VAR_DIR, when the key is first needed, then it is made there with mode 0600
    settings.VAR_DIR = tmp_path
    sleutel = sleutels.signeersleutel()
    bestand = tmp_path / "test-idp" / "signeersleutel.pem"
    assert bestand.exists()
    assert stat.S_IMODE(bestand.stat().st_mode) == 0o600
    # And the next call uses the same key
    assert sleutels.signeersleutel().kid == sleutel.kid


@pytest.mark.django_db
def test_authorize_toont_keuzepagina_met_gevraagd_niveau_voorgeselecteerd(client: Client) -> None:
    antwoord = client.get("/test-idp/authorize/", _autorisatie())
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert f'<option value="{SMARTCARD}" selected>' in tekst
    assert verborgen_velden(tekst)["state"] == "de-state"


@pytest.mark.parametrize(
    ("anders", "fout"),
    [
        ({"code_challenge": ""}, "invalid_request"),
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"nonce": ""}, "invalid_request"),
        ({"scope": "profile"}, "invalid_scope"),
        ({"response_type": "token"}, "unsupported_response_type"),
    ],
)
@pytest.mark.django_db
def test_authorize_weigert_verzoek_zonder_pkce_nonce_of_openid(
    client: Client, anders: dict[str, str], fout: str
) -> None:
    antwoord = client.get("/test-idp/authorize/", _autorisatie(**anders))
    assert antwoord.status_code == 302
    assert parse_qs(urlsplit(antwoord["Location"]).query)["error"] == [fout]


@pytest.mark.parametrize(
    "anders",
    [
        {"client_id": "onbekend"},
        {"redirect_uri": "https://kwaadaardig.example/inloggen/digid/terug/"},
        {"redirect_uri": "http://testserver/elders/"},
        {"redirect_uri": REDIRECT + "?extra=1"},
    ],
)
@pytest.mark.django_db
def test_authorize_stuurt_nooit_door_naar_onbekende_client_of_redirect(
    client: Client, anders: dict[str, str]
) -> None:
    antwoord = client.get("/test-idp/authorize/", _autorisatie(**anders))
    assert antwoord.status_code == 400
    assert "Location" not in antwoord


@pytest.mark.django_db
def test_redirect_naar_een_geconfigureerde_andere_origin_van_de_client(client: Client, settings: Any) -> None:
    """An app server that uses this server as its broker (the load tests run it apart): its
    configured origin is accepted with the registered path, another origin or path is not."""
    settings.RAADHUIS_TEST_IDP_CLIENT_ORIGINS = ["http://127.0.0.1:8001"]
    elders = "http://127.0.0.1:8001/inloggen/digid/terug/"

    antwoord = client.post(
        "/test-idp/authorize/",
        _autorisatie(redirect_uri=elders) | {"middel": "digid", "niveau": SMARTCARD, "test_bsn": BSN},
    )

    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(elders + "?code=")
    for geweigerd in ("http://127.0.0.1:8002/inloggen/digid/terug/", "http://127.0.0.1:8001/elders/"):
        assert client.get("/test-idp/authorize/", _autorisatie(redirect_uri=geweigerd)).status_code == 400


@pytest.mark.parametrize(
    ("keuze", "veld", "melding"),
    [
        ({"test_bsn": "", "eigen_bsn": "123456789"}, "eigen_bsn", "elfproef"),
        ({"test_bsn": "", "eigen_bsn": "12345"}, "eigen_bsn", "9 cijfers"),
        ({"test_bsn": "", "eigen_bsn": ""}, "eigen_bsn", "Kies een test-BSN"),
        ({"niveau": "urn:etoegang:core:assurance-class:loa3"}, "niveau", "hoort niet bij"),
        (
            {
                "middel": "eherkenning",
                "niveau": "urn:etoegang:core:assurance-class:loa3",
                "kvk_nummer": "123",
            },
            "kvk_nummer",
            "8 cijfers",
        ),
        (
            {
                "middel": "eherkenning",
                "niveau": "urn:etoegang:core:assurance-class:loa3",
                "kvk_nummer": "12345678",
                "vestigingsnummer": "12",
            },
            "vestigingsnummer",
            "12 cijfers",
        ),
    ],
)
@pytest.mark.django_db
def test_keuzepagina_geeft_nederlandse_melding_bij_het_veld(
    client: Client, keuze: dict[str, str], veld: str, melding: str
) -> None:
    antwoord = client.post(
        "/test-idp/authorize/",
        _autorisatie() | {"middel": "digid", "niveau": SMARTCARD, "test_bsn": BSN} | keuze,
    )
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert f'id="id_{veld}_error"' in tekst
    assert melding in tekst


@pytest.mark.django_db
def test_eigen_bsn_met_elfproef_wordt_geaccepteerd(client: Client) -> None:
    code = _code(client, test_bsn="", eigen_bsn="999990019")
    antwoord = client.post("/test-idp/token/", _token_aanvraag(code))
    claims = jwt.decode(antwoord.json()["id_token"], options={"verify_signature": False})
    assert claims["bsn"] == "999990019"


@pytest.mark.django_db
def test_annuleren_stuurt_access_denied_terug(client: Client) -> None:
    antwoord = client.post("/test-idp/authorize/", _autorisatie() | {"annuleren": "1"})
    assert parse_qs(urlsplit(antwoord["Location"]).query)["error"] == ["access_denied"]


@pytest.mark.django_db
def test_token_geeft_getekend_id_token_met_alle_claims(client: Client) -> None:
    # Given a code, when the client exchanges it with the right verifier (client_secret_post)
    code = _code(client)
    antwoord = client.post("/test-idp/token/", _token_aanvraag(code))

    # Then the ID token verifies against the JWKS and carries iss/aud/exp/iat/nonce/sub/acr/bsn
    assert antwoord.status_code == 200
    assert antwoord["Cache-Control"].startswith("no-store") or "no-store" in antwoord["Cache-Control"]
    id_token = antwoord.json()["id_token"]
    jwk = jwt.PyJWK(client.get("/test-idp/jwks/").json()["keys"][0])
    claims = jwt.decode(
        id_token, jwk, algorithms=["RS256"], audience=CLIENT_ID, issuer="http://testserver/test-idp"
    )
    assert claims["nonce"] == "de-nonce"
    assert claims["acr"] == SMARTCARD
    assert claims["bsn"] == BSN
    assert claims["sub"] != BSN
    assert claims["exp"] > claims["iat"]


@pytest.mark.django_db
def test_token_met_basic_authenticatie(client: Client) -> None:
    code = _code(client)
    aanvraag = _token_aanvraag(code)
    del aanvraag["client_secret"], aanvraag["client_id"]
    basis = base64.b64encode(f"{CLIENT_ID}:{_geheim()}".encode()).decode()
    antwoord = client.post("/test-idp/token/", aanvraag, headers={"Authorization": f"Basic {basis}"})
    assert antwoord.status_code == 200


@pytest.mark.django_db
def test_code_werkt_maar_een_keer(client: Client) -> None:
    code = _code(client)
    assert client.post("/test-idp/token/", _token_aanvraag(code)).status_code == 200
    tweede = client.post("/test-idp/token/", _token_aanvraag(code))
    assert tweede.status_code == 400
    assert tweede.json()["error"] == "invalid_grant"


@pytest.mark.django_db
def test_verkeerde_pkce_verifier_wordt_geweigerd_en_verbruikt_de_code(client: Client) -> None:
    code = _code(client)
    fout = client.post("/test-idp/token/", _token_aanvraag(code, code_verifier="w" * 60))
    assert fout.json()["error"] == "invalid_grant"
    # The code is spent: even the right verifier no longer works (RFC 6749 4.1.2)
    assert client.post("/test-idp/token/", _token_aanvraag(code)).status_code == 400


@pytest.mark.parametrize(
    ("anders", "status", "fout"),
    [
        ({"client_secret": "fout"}, 401, "invalid_client"),
        ({"client_id": "onbekend"}, 401, "invalid_client"),
        ({"redirect_uri": "http://testserver/inloggen/eherkenning/terug/"}, 400, "invalid_grant"),
        ({"grant_type": "password"}, 400, "unsupported_grant_type"),
        ({"code": "verzonnen"}, 400, "invalid_grant"),
        ({"code_verifier": ""}, 400, "invalid_grant"),
    ],
)
@pytest.mark.django_db
def test_token_weigert_verkeerde_aanvraag(
    client: Client, anders: dict[str, str], status: int, fout: str
) -> None:
    code = _code(client)
    antwoord = client.post("/test-idp/token/", _token_aanvraag(code, **anders))
    assert antwoord.status_code == status
    assert antwoord.json()["error"] == fout


@pytest.mark.django_db
def test_code_van_andere_client_wordt_geweigerd(client: Client) -> None:
    code = _code(client)
    antwoord = client.post(
        "/test-idp/token/",
        _token_aanvraag(
            code, client_id="raadhuis-eherkenning", client_secret=_geheim("raadhuis-eherkenning")
        ),
    )
    assert antwoord.json()["error"] == "invalid_grant"


@pytest.mark.django_db
def test_userinfo_met_access_token(client: Client) -> None:
    code = _code(client)
    toegang = client.post("/test-idp/token/", _token_aanvraag(code)).json()["access_token"]
    antwoord = client.get("/test-idp/userinfo/", headers={"Authorization": f"Bearer {toegang}"})
    assert antwoord.json()["bsn"] == BSN
    assert client.get("/test-idp/userinfo/", headers={"Authorization": "Bearer fout"}).status_code == 401


def test_deploy_check_weigert_test_idp_met_https(settings: Any) -> None:
    settings.RAADHUIS_TEST_IDP = True
    settings.HTTPS = True
    meldingen = controleer_test_idp_uit(None)
    assert len(meldingen) == 1
    assert isinstance(meldingen[0], Error)
    settings.HTTPS = False
    assert controleer_test_idp_uit(None) == []


def test_test_idp_staat_standaard_uit_in_productie(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given production-like environment variables, when the settings are read afresh
    import importlib

    import raadhuis.settings as instellingen

    monkeypatch.setenv("RAADHUIS_HTTPS", "true")
    monkeypatch.setenv("RAADHUIS_DEBUG", "false")
    monkeypatch.delenv("RAADHUIS_TEST_IDP", raising=False)
    try:
        herladen = importlib.reload(instellingen)
        # Then the test IdP is off, not installed, and DigiD has no client until one is configured
        assert herladen.RAADHUIS_TEST_IDP is False
        assert "raadhuis.testidp" not in herladen.INSTALLED_APPS
        assert herladen.RAADHUIS_OIDC_BROKERS["digid"]["client_id"] == ""
        assert herladen.RAADHUIS_TEST_IDP_CLIENTS == {}
    finally:
        monkeypatch.undo()
        importlib.reload(instellingen)
