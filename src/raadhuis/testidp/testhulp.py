"""Test helpers: the OIDC back channel through Django's test client, and a whole login in one call.

The client's token and JWKS requests normally go over HTTP to the same server; in fast tests a
requests transport adapter hands them to django.test.Client instead. Not used by product code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import requests
from django.test import Client
from requests.adapters import BaseAdapter
from requests.structures import CaseInsensitiveDict

TESTSERVER = "http://testserver/"


class DjangoClientAdapter(BaseAdapter):
    """Answers requests' calls to http://testserver/ with django.test.Client (no network)."""

    def __init__(self) -> None:
        super().__init__()
        self.client = Client()
        self.verzoeken: list[str] = []

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if request.url is None:
            raise ValueError("request without URL")
        delen = urlsplit(request.url)
        pad = delen.path + (f"?{delen.query}" if delen.query else "")
        self.verzoeken.append(request.url)
        koppen = {
            k: str(v)
            for k, v in request.headers.items()
            if k.lower() not in {"content-length", "content-type", "host"}
        }
        body = request.body or b""
        antwoord = self.client.generic(
            str(request.method),
            pad,
            data=body.encode() if isinstance(body, str) else body,
            content_type=str(request.headers.get("Content-Type", "application/octet-stream")),
            headers=koppen,
        )
        resultaat = requests.Response()
        resultaat.status_code = antwoord.status_code
        resultaat._content = antwoord.content
        resultaat.headers = CaseInsensitiveDict(dict(antwoord.items()))
        resultaat.url = request.url
        resultaat.request = request
        resultaat.encoding = "utf-8"
        return resultaat

    def close(self) -> None:
        pass


@contextmanager
def backchannel_via_testclient() -> Iterator[DjangoClientAdapter]:
    """Routes every requests call to http://testserver/ through the Django test client."""
    adapter = DjangoClientAdapter()
    origineel = requests.Session.get_adapter

    def get_adapter(self: requests.Session, url: str) -> BaseAdapter:
        if url.startswith(TESTSERVER):
            return adapter
        return origineel(self, url)

    requests.Session.get_adapter = get_adapter  # type: ignore[method-assign]
    try:
        yield adapter
    finally:
        requests.Session.get_adapter = origineel  # type: ignore[method-assign]


def verborgen_velden(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def inloggen(
    client: Client,
    *,
    middel: str = "digid",
    niveau: str = "substantieel",
    keuze: dict[str, str] | None = None,
    volgende: str = "",
    urls: list[str] | None = None,
) -> Any:
    """Logs in through the real flow: start, test IdP page, tester's choice, callback. Returns the
    callback's response. ``keuze`` is the tester's form (middel, niveau, test_bsn/eigen_bsn, kvk...)."""
    import html as html_module

    query = {"niveau": niveau} | ({"next": volgende} if volgende else {})
    start = client.get(f"/inloggen/{middel}/", query)
    if start.status_code != 302:
        raise AssertionError(start.status_code)
    naar_idp = start["Location"]
    pagina = client.get(naar_idp)
    if pagina.status_code != 200:
        raise AssertionError(pagina.content[:500])
    velden = {k: html_module.unescape(v) for k, v in verborgen_velden(pagina.content.decode()).items()}
    standaard = (
        {
            "middel": "digid",
            "niveau": "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
            "test_bsn": "999993653",
        }
        if middel == "digid"
        else {
            "middel": "eherkenning",
            "niveau": "urn:etoegang:core:assurance-class:loa3",
            "kvk_nummer": "69599084",
        }
    )
    terug = client.post(urlsplit(naar_idp).path, {**velden, **(keuze or standaard)})
    if terug.status_code != 302:
        raise AssertionError(terug.content[:2000])
    antwoord = client.get(terug["Location"])
    if urls is not None:
        urls.extend(
            [
                f"/inloggen/{middel}/?{urlencode(query)}",
                naar_idp,
                terug["Location"],
                antwoord.get("Location", ""),
            ]
        )
    return antwoord


def code_en_state(locatie: str) -> tuple[str, str]:
    query = parse_qs(urlsplit(locatie).query)
    return query.get("code", [""])[0], query.get("state", [""])[0]
