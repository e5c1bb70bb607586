"""The test IdP's RSA signing key: made on first use, kept under VAR_DIR (0600), never in the repo."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from jwt.algorithms import RSAAlgorithm

_slot = threading.Lock()
_geladen: dict[Path, Sleutel] = {}


@dataclass(frozen=True)
class Sleutel:
    privaat: rsa.RSAPrivateKey
    kid: str

    def publieke_jwk(self) -> dict[str, Any]:
        jwk: dict[str, Any] = json.loads(RSAAlgorithm.to_jwk(self.privaat.public_key()))
        return {**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}


def sleutelbestand() -> Path:
    return Path(settings.VAR_DIR) / "test-idp" / "signeersleutel.pem"


def _kid(sleutel: rsa.RSAPrivateKey) -> str:
    """RFC 7638 JWK thumbprint, so the kid changes when the key does."""
    nummers = sleutel.public_key().public_numbers()

    def b64(getal: int) -> str:
        return (
            base64.urlsafe_b64encode(getal.to_bytes((getal.bit_length() + 7) // 8, "big"))
            .rstrip(b"=")
            .decode()
        )

    kern = json.dumps({"e": b64(nummers.e), "kty": "RSA", "n": b64(nummers.n)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(hashlib.sha256(kern.encode()).digest()).rstrip(b"=").decode()


def _aanmaken(bestand: Path) -> None:
    bestand.parent.mkdir(parents=True, exist_ok=True)
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = sleutel.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    tijdelijk = bestand.with_name(f".{bestand.name}.{os.getpid()}.{threading.get_ident()}")
    descriptor = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as uit:
        uit.write(pem)
    try:
        # link() fails if another process made the key first; then that key is used.
        os.link(tijdelijk, bestand)
    except FileExistsError:
        pass
    finally:
        tijdelijk.unlink()


def signeersleutel() -> Sleutel:
    bestand = sleutelbestand()
    with _slot:
        if bestand not in _geladen:
            if not bestand.exists():
                _aanmaken(bestand)
            privaat = serialization.load_pem_private_key(bestand.read_bytes(), password=None)
            if not isinstance(privaat, rsa.RSAPrivateKey):
                raise TypeError(f"{bestand} does not hold an RSA key")
            _geladen[bestand] = Sleutel(privaat=privaat, kid=_kid(privaat))
        return _geladen[bestand]
