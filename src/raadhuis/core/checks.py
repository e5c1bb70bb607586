"""Deployment checks of our own, run by `raadhuis check --deploy` next to Django's."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured

from raadhuis.core import bsn


@register(Tags.security, deploy=True)
def controleer_productie_instellingen(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    meldingen: list[CheckMessage] = []
    if not settings.RAADHUIS_PERSOONSGEGEVENS_SLEUTELS:
        meldingen.append(
            Warning(
                "RAADHUIS_PERSOONSGEGEVENS_SLEUTELS is not set: BSNs are encrypted with a key "
                "derived from SECRET_KEY, so rotating SECRET_KEY would make them unreadable.",
                hint="Set a dedicated key: base64 of 32 random bytes (see .env.example).",
                id="raadhuis.W001",
            )
        )
    if "locmem" in settings.CACHES["default"]["BACKEND"]:
        meldingen.append(
            Warning(
                "The cache is per process, so rate limits and login throttling count per app server.",
                hint="Set RAADHUIS_CACHE_URL to a Redis database shared by all app servers.",
                id="raadhuis.W002",
            )
        )
    if not settings.RAADHUIS_SECURITY_CONTACT:
        meldingen.append(
            Warning(
                "RAADHUIS_SECURITY_CONTACT is not set: /.well-known/security.txt (RFC 9116) falls back "
                "to the organisation's e-mail address, or is missing when that is empty too.",
                hint="Set it to the address of the municipality's CVD desk, e.g. mailto:cvd@gemeente.nl.",
                id="raadhuis.W003",
            )
        )
    if not settings.RAADHUIS_SMTP_HOST:
        meldingen.append(
            Warning(
                "RAADHUIS_SMTP_HOST is not set: e-mails (notifications, reminders to the griffie) are "
                "written to files under var/mail instead of being sent.",
                hint="Set RAADHUIS_SMTP_HOST (and RAADHUIS_AFZENDER, RAADHUIS_BASIS_URL) to the mail relay.",
                id="raadhuis.W004",
            )
        )
    meldingen.extend(_opslag_zonder_tls())
    return meldingen


def _opslag_zonder_tls() -> list[CheckMessage]:
    """Council papers and Woo originals must not cross the network in the clear (BIO)."""
    return [
        Warning(
            f"RAADHUIS_S3_ENDPOINT_URL is {endpoint}: uploaded files, secret papers too, travel to the "
            "store unencrypted.",
            hint="Use the store's https:// address.",
            id="raadhuis.W005",
        )
        for endpoint in sorted(
            {
                str(opslag.get("OPTIONS", {}).get("endpoint_url") or "")
                for alias, opslag in settings.STORAGES.items()
                if alias in {"default", "prive"}
            }
        )
        if endpoint.startswith("http://")
    ]


@register(Tags.security)
def controleer_sleutels(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """A malformed key must stop the platform at start, not at the first resident's login."""
    try:
        bsn.sleutels_controleren()
    except ImproperlyConfigured as fout:
        return [Error(str(fout), id="raadhuis.E001")]
    return []
