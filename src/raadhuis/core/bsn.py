"""The BSN: 11-proef, encryption at rest, keyed hash for matching, masking (never log or put in URLs)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _

VERSIE = "v1"


def is_geldig_bsn(waarde: str) -> bool:
    """The 11-proef for a BSN (Wet algemene bepalingen burgerservicenummer, art. 1; Logius
    'Burgerservicenummer: elfproef'): nine digits d1..d9 with 9*d1 + 8*d2 + ... + 2*d8 - 1*d9
    divisible by 11. 000000000 passes the arithmetic but is never issued."""
    if len(waarde) != 9 or not waarde.isascii() or not waarde.isdigit() or waarde == "000000000":
        return False
    som = sum(int(cijfer) * gewicht for cijfer, gewicht in zip(waarde[:8], range(9, 1, -1), strict=True))
    return (som - int(waarde[8])) % 11 == 0


def normaliseer(waarde: str) -> str:
    """Accepts what people type (spaces, dots, a leading zero dropped by a spreadsheet)."""
    cijfers = "".join(teken for teken in waarde if teken not in " .-\t")
    if cijfers.isascii() and cijfers.isdigit() and len(cijfers) == 8:
        cijfers = "0" + cijfers
    return cijfers


def valideer_bsn(waarde: str) -> str:
    """Returns the normalised BSN or raises a Dutch ValidationError (used wherever a BSN enters)."""
    bsn = normaliseer(waarde or "")
    if not (bsn.isascii() and bsn.isdigit() and len(bsn) == 9):
        raise ValidationError(_("Een BSN bestaat uit 9 cijfers."), code="opmaak")
    if not is_geldig_bsn(bsn):
        raise ValidationError(_("Dit is geen geldig BSN: het voldoet niet aan de elfproef."), code="elfproef")
    return bsn


def maskeer(bsn: str) -> str:
    """Shows the last three digits only, as Dutch government letters do (*****1234 style)."""
    return "******" + bsn[-3:] if len(bsn) == 9 else "*********"


@cache
def _sleutels() -> tuple[bytes, ...]:
    """The master keys: RAADHUIS_PERSOONSGEGEVENS_SLEUTELS (base64, current first, older ones after
    it so data written before a rotation stays readable); in development derived from SECRET_KEY."""
    ruw: list[str] = list(getattr(settings, "RAADHUIS_PERSOONSGEGEVENS_SLEUTELS", []))
    if not ruw:
        return (hashlib.sha256(("raadhuis-persoonsgegevens:" + settings.SECRET_KEY).encode()).digest(),)
    sleutels = []
    for waarde in ruw:
        try:
            sleutel = base64.urlsafe_b64decode(waarde + "=" * (-len(waarde) % 4))
        except ValueError:
            sleutel = b""
        if len(sleutel) != 32:
            raise ImproperlyConfigured(
                "RAADHUIS_PERSOONSGEGEVENS_SLEUTELS holds a key that is not 32 bytes of base64 "
                "(make one with: head -c 32 /dev/urandom | base64 | tr '+/' '-_')."
            )
        sleutels.append(sleutel)
    return tuple(sleutels)


def sleutels_controleren() -> None:
    """Reads the keys afresh; raises ImproperlyConfigured for a malformed one (start-up check)."""
    _sleutels.cache_clear()
    _sleutels()


def _afgeleid(master: bytes, doel: bytes) -> bytes:
    # Separate keys per purpose: a leaked matching key does not decrypt, and vice versa.
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=doel).derive(master)


def _sleutel_id(master: bytes) -> str:
    return hashlib.sha256(master).hexdigest()[:8]


def versleutel(waarde: str) -> str:
    """AES-256-GCM with a random nonce: 'v1:<key id>:<base64 nonce+ciphertext>'."""
    master = _sleutels()[0]
    nonce = os.urandom(12)
    geheim = AESGCM(_afgeleid(master, b"versleuteling")).encrypt(nonce, waarde.encode(), VERSIE.encode())
    return f"{VERSIE}:{_sleutel_id(master)}:{base64.urlsafe_b64encode(nonce + geheim).decode()}"


def ontsleutel(versleuteld: str) -> str:
    versie, sleutel_id, inhoud = versleuteld.split(":", 2)
    if versie != VERSIE:
        raise ValueError("unknown encryption version")
    for master in _sleutels():
        if _sleutel_id(master) == sleutel_id:
            ruw = base64.urlsafe_b64decode(inhoud)
            sleutel = AESGCM(_afgeleid(master, b"versleuteling"))
            return sleutel.decrypt(ruw[:12], ruw[12:], VERSIE.encode()).decode()
    raise ValueError("no key for this value (was a key removed from RAADHUIS_PERSOONSGEGEVENS_SLEUTELS?)")


def sleutelhash(waarde: str) -> str:
    """HMAC-SHA256 with the current key: equal inputs match, but the hash cannot be reversed by
    trying all 10^9 BSNs without the key. Rotating the key changes every hash (rehash on rotation)."""
    sleutel = _afgeleid(_sleutels()[0], b"vergelijking")
    return hmac.new(sleutel, waarde.encode(), hashlib.sha256).hexdigest()
