"""Filling in the platform's pages as a browser does: forms with their CSRF token, links, the
authenticator app's code. Plain functions, so the acceptance test uses them without locust."""

from __future__ import annotations

import hashlib
import hmac
import re
import struct
import time
from urllib.parse import urljoin

from lxml import html


def totp(sleutel_hex: str, *, stap: int = 0) -> str:
    """RFC 6238 with django-otp's defaults: 30 s steps, 6 digits, HMAC-SHA1."""
    teller = struct.pack(">Q", int(time.time()) // 30 + stap)
    digest = hmac.new(bytes.fromhex(sleutel_hex), teller, hashlib.sha1).digest()
    begin = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[begin : begin + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def formulier(inhoud: bytes, actie: str = "", velden: tuple[str, ...] = ()) -> tuple[str, dict[str, str]]:
    """The POST form whose action contains `actie` and that has all `velden` (a page has other
    forms too: the language choice, logout), with the values it would send as is."""
    document = html.fromstring(inhoud)
    for form in document.forms:
        if (
            form.get("method", "get").lower() == "post"
            and actie in (form.get("action") or "")
            and set(velden) <= set(form.fields.keys())
        ):
            return form.get("action") or "", dict(form.form_values())
    raise LookupError(f"no POST form with action {actie!r} and fields {velden}")


def verzendadres(pagina_url: str, actie: str) -> str:
    """Where a browser sends a form with `actie` found on the page at `pagina_url`: on that page's
    origin (the test IdP's login page is on the IdP's), the page itself when the action is empty."""
    return urljoin(pagina_url, actie)


def links(inhoud: bytes, patroon: str) -> list[str]:
    return sorted(set(re.findall(rf'href="({patroon})"', inhoud.decode())))
