"""DigiD/eHerkenning login over OIDC against the local test IdP, good paths and forged ones."""

from __future__ import annotations

import base64
import json
import logging
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.cache import cache
from django.test import Client

from raadhuis.accounts import oidc
from raadhuis.core.identiteit import Betrouwbaarheidsniveau, Soort, huidige_identiteit
from raadhuis.testidp.sleutels import signeersleutel
from raadhuis.testidp.testhulp import backchannel_via_testclient, inloggen

BSN = "999993653"
SMARTCARD = "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard"
SMARTCARD_PKI = "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI"
MIDDEN = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"


@pytest.fixture(autouse=True)
def _schone_cache() -> Iterator[None]:
    # Rate-limit counters and test IdP codes live in the cache; every test starts afresh.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def backchannel() -> Iterator[Any]:
    # The broker's discovery, token and JWKS requests go to the test IdP through the test client.
    oidc._discovery_cache.clear()
    with backchannel_via_testclient() as adapter:
        yield adapter


def _identiteit(client: Client) -> Any:
    return huidige_identiteit(client.session)


def _start(client: Client, *, middel: str = "digid", niveau: str = "substantieel") -> dict[str, str]:
    antwoord = client.get(f"/inloggen/{middel}/", {"niveau": niveau})
    assert antwoord.status_code == 302
    return {
        sleutel: waarden[0] for sleutel, waarden in parse_qs(urlsplit(antwoord["Location"]).query).items()
    }


def _token(nonce: str, *, sleutel: Any = None, kid: str | None = None, **claims: Any) -> str:
    eigen = signeersleutel()
    nu = int(time.time())
    gegevens = {
        "iss": "http://testserver/test-idp",
        "aud": "raadhuis-digid",
        "exp": nu + 300,
        "iat": nu,
        "sub": "pseudoniem",
        "nonce": nonce,
        "acr": SMARTCARD,
        "bsn": BSN,
    } | claims
    return jwt.encode(
        {k: v for k, v in gegevens.items() if v is not None},
        sleutel or eigen.privaat,
        algorithm="RS256",
        headers={"kid": kid or eigen.kid},
    )


def _callback_met_token(client: Client, monkeypatch: pytest.MonkeyPatch, token_maker: Any) -> Any:
    verzoek = _start(client)
    monkeypatch.setattr(
        oidc.BrokerBackend, "get_token", lambda self, payload: {"id_token": token_maker(verzoek)}
    )
    return client.get("/inloggen/digid/terug/", {"code": "willekeurig", "state": verzoek["state"]})


# --- the login start ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_inloggen_stuurt_naar_broker_met_pkce_state_nonce_en_gevraagd_niveau(client: Client) -> None:
    # Given the test IdP as DigiD broker, when a resident starts a login at level hoog
    verzoek = _start(client, niveau="hoog")

    # Then the authorization request carries PKCE S256, state, nonce and the acr for hoog
    assert verzoek["response_type"] == "code"
    assert verzoek["code_challenge_method"] == "S256"
    assert len(verzoek["code_challenge"]) == 43
    assert verzoek["state"]
    assert verzoek["nonce"]
    assert verzoek["acr_values"] == SMARTCARD_PKI
    assert verzoek["redirect_uri"] == "http://testserver/inloggen/digid/terug/"


@pytest.mark.django_db
def test_inloggen_met_onbekend_middel_geeft_404(client: Client) -> None:
    assert client.get("/inloggen/itsme/").status_code == 404


@pytest.mark.django_db
def test_inloggen_zonder_ingestelde_broker_legt_uit_dat_het_niet_kan(client: Client, settings: Any) -> None:
    # Given no DigiD client configured
    settings.RAADHUIS_OIDC_BROKERS = {
        **settings.RAADHUIS_OIDC_BROKERS,
        "digid": {**settings.RAADHUIS_OIDC_BROKERS["digid"], "client_id": ""},
    }
    # When a resident starts a login, then they get a Dutch explanation, not a crash
    antwoord = client.get("/inloggen/digid/")
    assert antwoord.status_code == 503
    assert "niet mogelijk" in antwoord.content.decode()


@pytest.mark.django_db
def test_volgende_pagina_naar_ander_domein_wordt_genegeerd(client: Client, backchannel: Any) -> None:
    # Given a login whose next points elsewhere (open redirect attempt)
    antwoord = inloggen(client, volgende="https://kwaadaardig.example/")
    # Then the resident lands on Mijn omgeving instead
    assert antwoord["Location"] == "/mijn/"


# --- the whole flow ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_inwoner_logt_in_met_digid_en_krijgt_identiteit_met_niveau(client: Client, backchannel: Any) -> None:
    # When a resident logs in through the test IdP at DigiD Substantieel
    antwoord = inloggen(client, volgende="/dienstverlening/")

    # Then they return where they wanted, with their BSN (encrypted) and level in the session
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/dienstverlening/"
    identiteit = _identiteit(client)
    assert identiteit.soort is Soort.INWONER
    assert identiteit.bsn == BSN
    assert identiteit.niveau is Betrouwbaarheidsniveau.SUBSTANTIEEL
    assert identiteit.middel == "digid"
    assert BSN not in json.dumps(dict(client.session.items()))


@pytest.mark.django_db
def test_inloggen_geeft_een_nieuwe_sessiesleutel(client: Client, backchannel: Any) -> None:
    # Given a session that exists before the login
    client.get("/inloggen/digid/")
    voor = client.session.session_key
    # When the resident logs in, then the session id changes (against session fixation)
    inloggen(client)
    assert client.session.session_key != voor


@pytest.mark.django_db
def test_ondernemer_logt_in_met_eherkenning_met_kvk_en_vestiging(client: Client, backchannel: Any) -> None:
    antwoord = inloggen(
        client,
        middel="eherkenning",
        keuze={
            "middel": "eherkenning",
            "niveau": "urn:etoegang:core:assurance-class:loa3",
            "kvk_nummer": "69599084",
            "vestigingsnummer": "000038509504",
            "handelende_persoon": "medewerker-42",
        },
    )
    assert antwoord.status_code == 302
    identiteit = _identiteit(client)
    assert identiteit.soort is Soort.ONDERNEMER
    assert identiteit.kvk_nummer == "69599084"
    assert identiteit.vestigingsnummer == "000038509504"
    assert identiteit.handelende_persoon  # a pseudonym, not the name typed
    assert identiteit.niveau is Betrouwbaarheidsniveau.SUBSTANTIEEL


@pytest.mark.django_db
def test_bsn_staat_nooit_in_urls_of_logregels(
    client: Client, backchannel: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # Given every log line captured, at DEBUG
    caplog.set_level(logging.DEBUG)
    urls: list[str] = []

    # When a resident logs in, opens Mijn omgeving and logs out
    inloggen(client, urls=urls, volgende="/mijn/")
    client.get("/mijn/")
    client.post("/mijn/uitloggen/")

    # Then no URL of the flow (browser or back channel) and no log line holds the BSN
    assert urls
    for url in urls + backchannel.verzoeken:
        assert BSN not in url
    assert BSN not in caplog.text
    assert all(BSN not in record.getMessage() for record in caplog.records)


@pytest.mark.django_db
def test_niveau_lager_dan_gevraagd_wordt_geweigerd(client: Client, backchannel: Any) -> None:
    # Given a login asking for hoog, when the tester answers DigiD Substantieel
    antwoord = inloggen(
        client, niveau="hoog", keuze={"middel": "digid", "niveau": SMARTCARD, "test_bsn": BSN}
    )

    # Then the login is refused with both levels named, and nobody is logged in
    assert antwoord.status_code == 403
    tekst = antwoord.content.decode()
    assert "substantieel" in tekst
    assert "hoog" in tekst
    assert _identiteit(client) is None


@pytest.mark.django_db
def test_na_te_laag_niveau_gaat_opnieuw_inloggen_naar_hetzelfde_niveau_en_dezelfde_pagina(
    client: Client,
) -> None:
    antwoord = inloggen(
        client,
        niveau="hoog",
        volgende="/dienstverlening/vertrek-buitenland/",
        keuze={"middel": "digid", "niveau": SMARTCARD, "test_bsn": BSN},
    )
    assert (
        'href="/inloggen/digid/?niveau=hoog&amp;next=%2Fdienstverlening%2Fvertrek-buitenland%2F"'
        in antwoord.content.decode()
    )


@pytest.mark.django_db
def test_foutcode_van_broker_komt_alleen_als_code_in_het_log(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    verzoek = _start(client)
    client.get("/inloggen/digid/terug/", {"error": "x\nFAKE log line", "state": verzoek["state"]})
    assert "FAKE" not in caplog.text


@pytest.mark.django_db
def test_hoger_niveau_dan_gevraagd_wordt_geaccepteerd(client: Client, backchannel: Any) -> None:
    inloggen(client, niveau="laag", keuze={"middel": "digid", "niveau": SMARTCARD_PKI, "test_bsn": BSN})
    assert _identiteit(client).niveau is Betrouwbaarheidsniveau.HOOG


@pytest.mark.django_db
def test_digid_midden_geeft_niveau_laag(client: Client, backchannel: Any) -> None:
    inloggen(client, niveau="laag", keuze={"middel": "digid", "niveau": MIDDEN, "test_bsn": BSN})
    assert _identiteit(client).niveau is Betrouwbaarheidsniveau.LAAG


@pytest.mark.django_db
def test_afgebroken_inloggen_logt_niemand_in(client: Client, backchannel: Any) -> None:
    verzoek = _start(client)
    antwoord = client.get("/inloggen/digid/terug/", {"error": "access_denied", "state": verzoek["state"]})
    assert antwoord.status_code == 400
    assert _identiteit(client) is None


@pytest.mark.django_db
def test_verkeerde_state_wordt_geweigerd(client: Client, backchannel: Any) -> None:
    _start(client)
    antwoord = client.get("/inloggen/digid/terug/", {"code": "iets", "state": "verzonnen"})
    assert antwoord.status_code == 400
    assert _identiteit(client) is None


@pytest.mark.django_db
def test_state_van_eherkenning_geldt_niet_voor_digid_terugkeer(client: Client, backchannel: Any) -> None:
    verzoek = _start(client, middel="eherkenning")
    antwoord = client.get("/inloggen/digid/terug/", {"code": "iets", "state": verzoek["state"]})
    assert antwoord.status_code == 400


@pytest.mark.django_db
def test_hergebruikte_terugkeer_url_wordt_geweigerd(client: Client, backchannel: Any) -> None:
    # Given a completed login, when the same callback URL (code and state) is replayed
    verzoek = _start(client)
    pagina = client.get("/test-idp/authorize/", dict(verzoek.items()))
    assert pagina.status_code == 200
    terug = client.post(
        "/test-idp/authorize/", {**verzoek, "middel": "digid", "niveau": SMARTCARD, "test_bsn": BSN}
    )
    eerste = client.get(terug["Location"])
    assert eerste.status_code == 302
    client.post("/mijn/uitloggen/")
    client.cookies.clear()
    tweede = client.get(terug["Location"])

    # Then the second use is refused and logs nobody in
    assert tweede.status_code == 400
    assert _identiteit(client) is None


@pytest.mark.django_db
def test_gewijzigde_pkce_verifier_wordt_door_de_idp_geweigerd(client: Client, backchannel: Any) -> None:
    # Given a login whose stored code_verifier no longer matches the challenge sent
    verzoek = _start(client)
    sessie = client.session
    sessie["oidc_states"][verzoek["state"]]["code_verifier"] = "x" * 64
    sessie.save()
    terug = client.post(
        "/test-idp/authorize/", {**verzoek, "middel": "digid", "niveau": SMARTCARD, "test_bsn": BSN}
    )
    antwoord = client.get(terug["Location"])
    assert antwoord.status_code == 400
    assert _identiteit(client) is None


# --- forged and faulty ID tokens ---------------------------------------------------------------


@pytest.mark.django_db
def test_token_met_juiste_handtekening_wordt_geaccepteerd(
    client: Client, backchannel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The control case for the forged ones below: the same path with an honest token succeeds.
    antwoord = _callback_met_token(client, monkeypatch, lambda v: _token(v["nonce"]))
    assert antwoord.status_code == 302
    assert _identiteit(client).bsn == BSN


@pytest.mark.django_db
def test_token_getekend_met_andere_sleutel_wordt_geweigerd(
    client: Client, backchannel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    vreemde_sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    antwoord = _callback_met_token(client, monkeypatch, lambda v: _token(v["nonce"], sleutel=vreemde_sleutel))
    assert antwoord.status_code == 400
    assert _identiteit(client) is None


@pytest.mark.django_db
def test_ongetekend_token_alg_none_wordt_geweigerd(
    client: Client, backchannel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ongetekend(verzoek: dict[str, str]) -> str:
        echt = _token(verzoek["nonce"])
        kop = base64.urlsafe_b64encode(
            json.dumps({"alg": "none", "typ": "JWT", "kid": signeersleutel().kid}).encode()
        ).rstrip(b"=")
        return f"{kop.decode()}.{echt.split('.')[1]}."

    antwoord = _callback_met_token(client, monkeypatch, ongetekend)
    assert antwoord.status_code == 400
    assert _identiteit(client) is None


@pytest.mark.django_db
def test_token_met_hs256_en_publieke_sleutel_wordt_geweigerd(
    client: Client, backchannel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Algorithm confusion: an HMAC token "signed" with something public must not pass.
    def hmac_token(verzoek: dict[str, str]) -> str:
        nu = int(time.time())
        return jwt.encode(
            {
                "iss": "http://testserver/test-idp",
                "aud": "raadhuis-digid",
                "exp": nu + 300,
                "iat": nu,
                "sub": "x",
                "nonce": verzoek["nonce"],
                "acr": SMARTCARD,
                "bsn": BSN,
            },
            "publiek-bekend-geheim-van-minstens-32-tekens-lang",
            algorithm="HS256",
            headers={"kid": signeersleutel().kid},
        )

    antwoord = _callback_met_token(client, monkeypatch, hmac_token)
    assert antwoord.status_code == 400


@pytest.mark.parametrize(
    ("omschrijving", "claims"),
    [
        ("verkeerde nonce", {"nonce": "een-andere-nonce"}),
        ("verlopen", {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 4000}),
        ("verkeerde audience", {"aud": "een-andere-client"}),
        ("verkeerde issuer", {"iss": "https://nep-idp.example"}),
        ("geen sub", {"sub": None}),
        ("geen acr", {"acr": None}),
        ("onbekend acr", {"acr": "urn:iets:anders"}),
        ("bsn zonder elfproef", {"bsn": "123456789"}),
        ("geen bsn", {"bsn": None}),
        ("bsn geen tekst", {"bsn": ["999993653"]}),
    ],
)
@pytest.mark.django_db
def test_ongeldig_token_wordt_geweigerd(
    client: Client,
    backchannel: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    omschrijving: str,
    claims: dict[str, Any],
) -> None:
    caplog.set_level(logging.DEBUG)

    def maker(verzoek: dict[str, str]) -> str:
        return _token(**({"nonce": verzoek["nonce"]} | claims))

    antwoord = _callback_met_token(client, monkeypatch, maker)

    assert antwoord.status_code == 400, omschrijving
    assert _identiteit(client) is None
    # The refusal is logged, without the BSN from the token
    assert "refused" in caplog.text
    assert "123456789" not in caplog.text
    assert BSN not in caplog.text


@pytest.mark.django_db
def test_token_met_te_laag_acr_wordt_geweigerd_met_uitleg(
    client: Client, backchannel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    antwoord = _callback_met_token(client, monkeypatch, lambda v: _token(v["nonce"], acr=MIDDEN))
    assert antwoord.status_code == 403
    assert _identiteit(client) is None


@pytest.mark.django_db
def test_token_endpoint_dat_faalt_geeft_nette_melding(
    client: Client, backchannel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given an unknown code (the IdP answers invalid_grant), then a Dutch message and no login
    verzoek = _start(client)
    antwoord = client.get("/inloggen/digid/terug/", {"code": "onbekend", "state": verzoek["state"]})
    assert antwoord.status_code == 400
    assert "niet gelukt" in antwoord.content.decode()


# --- identity from claims (unit) ---------------------------------------------------------------


def _broker(middel: str) -> oidc.Broker:
    return oidc.Broker(
        middel=middel,
        client_id="c",
        client_secret="s",
        issuer="i",
        authorization_endpoint="a",
        token_endpoint="t",
        jwks_uri="j",
        scopes="openid",
        token_auth="client_secret_basic",
        acr_values={},
        timeout=1,
        claims={
            "bsn": "bsn",
            "acr": "acr",
            "kvk": "kvk",
            "vestigingsnummer": "vestigingsnummer",
            "handelende_persoon": "acting_subject",
        },
    )


@pytest.mark.parametrize(
    "claims",
    [
        {"kvk": "1234567", "acr": "eh3"},
        {"kvk": "1234567a", "acr": "eh3"},
        {"kvk": "12345678", "vestigingsnummer": "123", "acr": "eh3"},
    ],
)
def test_eherkenning_claims_met_ongeldig_kvk_of_vestiging_worden_geweigerd(claims: dict[str, str]) -> None:
    with pytest.raises(oidc.OidcFout):
        oidc.identiteit_uit_claims(
            broker=_broker("eherkenning"), claims=claims, gevraagd=Betrouwbaarheidsniveau.LAAG
        )


def test_eherkenning_eh2_plus_is_niveau_laag() -> None:
    identiteit = oidc.identiteit_uit_claims(
        broker=_broker("eherkenning"),
        claims={"kvk": "12345678", "acr": "urn:etoegang:core:assurance-class:loa2plus"},
        gevraagd=Betrouwbaarheidsniveau.LAAG,
    )
    assert identiteit.niveau is Betrouwbaarheidsniveau.LAAG
    with pytest.raises(oidc.NiveauTeLaag):
        oidc.identiteit_uit_claims(
            broker=_broker("eherkenning"),
            claims={"kvk": "12345678", "acr": "urn:etoegang:core:assurance-class:loa2plus"},
            gevraagd=Betrouwbaarheidsniveau.SUBSTANTIEEL,
        )


def test_bsn_claim_wordt_genormaliseerd_en_gecontroleerd() -> None:
    identiteit = oidc.identiteit_uit_claims(
        broker=_broker("digid"),
        claims={"bsn": "99999 3653", "acr": "digid-hoog"},
        gevraagd=Betrouwbaarheidsniveau.HOOG,
    )
    assert identiteit.bsn == BSN


# --- Mijn omgeving and logout ------------------------------------------------------------------


@pytest.mark.django_db
def test_mijn_omgeving_toont_gemaskeerd_bsn_niveau_en_middel(client: Client, backchannel: Any) -> None:
    inloggen(client)
    tekst = client.get("/mijn/").content.decode()
    assert "******653" in tekst
    assert BSN not in tekst
    assert "DigiD" in tekst
    assert "substantieel" in tekst
    assert 'action="/mijn/uitloggen/"' in tekst


@pytest.mark.django_db
def test_mijn_omgeving_zonder_inloggen_biedt_digid_en_eherkenning(client: Client) -> None:
    tekst = client.get("/mijn/").content.decode()
    assert "/inloggen/digid/" in tekst
    assert "/inloggen/eherkenning/" in tekst


@pytest.mark.django_db
def test_uitloggen_wist_identiteit_en_beeindigt_sessie(client: Client, backchannel: Any) -> None:
    inloggen(client)
    sleutel = client.session.session_key
    antwoord = client.post("/mijn/uitloggen/")
    assert antwoord.status_code == 302
    assert _identiteit(client) is None
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=sleutel).exists()


@pytest.mark.django_db
def test_uitloggen_kan_niet_met_get(client: Client, backchannel: Any) -> None:
    inloggen(client)
    assert client.get("/mijn/uitloggen/").status_code == 405
    assert _identiteit(client) is not None


# --- Logboek Dataverwerkingen ------------------------------------------------------------------


@pytest.mark.django_db
def test_inloggen_wordt_vastgelegd_in_het_logboek_zonder_bsn_in_de_klare(client: Client) -> None:
    from raadhuis.core.logboek import betrokkene_hash
    from raadhuis.core.models import Logregel

    # When a resident logs in with DigiD
    inloggen(client)

    # Then the logboek holds one login with the resident as data subject, by keyed hash only
    regel = Logregel.objects.get(naam="inloggen.digid")
    assert regel.betrokkene_type == "BSN"
    assert regel.betrokkene_hash == betrokkene_hash("BSN", BSN)
    assert BSN not in regel.betrokkene_versleuteld
    assert regel.verwerkingsactiviteit.sleutel == "inloggen-digid"


@pytest.mark.django_db
def test_geweigerde_login_komt_niet_in_het_logboek(client: Client) -> None:
    from raadhuis.core.models import Logregel

    inloggen(client, niveau="hoog", keuze={"middel": "digid", "niveau": SMARTCARD, "test_bsn": BSN})
    assert not Logregel.objects.filter(naam__startswith="inloggen.").exists()


@pytest.mark.django_db
def test_mijn_omgeving_linkt_naar_mijn_gegevens(client: Client) -> None:
    inloggen(client)
    assert 'href="/mijn/gegevens/"' in client.get("/mijn/").content.decode()


# --- configuration ----------------------------------------------------------------------------


def _digid_instellingen(settings: Any, **anders: Any) -> None:
    settings.RAADHUIS_OIDC_BROKERS = {
        **settings.RAADHUIS_OIDC_BROKERS,
        "digid": {**settings.RAADHUIS_OIDC_BROKERS["digid"], **anders},
    }


@pytest.mark.django_db
def test_login_werkt_met_client_secret_post(client: Client, settings: Any) -> None:
    _digid_instellingen(settings, token_auth="client_secret_post")
    antwoord = inloggen(client)
    assert antwoord.status_code == 302
    assert _identiteit(client).bsn == BSN


@pytest.mark.django_db
def test_login_werkt_met_expliciete_endpoints_zonder_discovery(client: Client, settings: Any) -> None:
    # Given a broker configured by its endpoints instead of a discovery document
    _digid_instellingen(
        settings,
        discovery_url="",
        issuer="http://testserver/test-idp",
        authorization_endpoint="http://testserver/test-idp/authorize/",
        token_endpoint="http://testserver/test-idp/token/",
        jwks_uri="http://testserver/test-idp/jwks/",
    )
    # When a resident logs in, then it works the same
    assert inloggen(client).status_code == 302
    assert _identiteit(client).bsn == BSN


@pytest.mark.django_db
def test_onvolledig_ingestelde_broker_geeft_nette_melding(client: Client, settings: Any) -> None:
    _digid_instellingen(
        settings, discovery_url="", authorization_endpoint="http://testserver/test-idp/authorize/"
    )
    antwoord = client.get("/inloggen/digid/")
    assert antwoord.status_code == 503


@pytest.mark.django_db
def test_verkeerd_client_geheim_laat_login_mislukken(client: Client, settings: Any) -> None:
    _digid_instellingen(settings, client_secret="niet-het-geheim")
    verzoek = _start(client)
    terug = client.post(
        "/test-idp/authorize/", {**verzoek, "middel": "digid", "niveau": SMARTCARD, "test_bsn": BSN}
    )
    antwoord = client.get(terug["Location"])
    assert antwoord.status_code == 400
    assert _identiteit(client) is None


@pytest.mark.django_db
def test_andere_claimnamen_uit_de_instellingen(
    client: Client, monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    # Given a broker that sends the BSN as "urn:nl:bsn" and the level as "loa"
    _digid_instellingen(settings, claims={"bsn": "urn:nl:bsn", "acr": "loa"})

    def token(verzoek: dict[str, str]) -> str:
        return _token(
            verzoek["nonce"], bsn=None, acr=None, **{"urn:nl:bsn": BSN, "loa": "digid-substantieel"}
        )

    # When it logs in, then the claims are read under those names
    antwoord = _callback_met_token(client, monkeypatch, token)
    assert antwoord.status_code == 302
    assert _identiteit(client).bsn == BSN
