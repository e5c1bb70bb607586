"""Failed-login throttling on django-axes' database handler: per account and per address, each
with its own limit (OWASP ASVS 4.0.3 2.2.1: at most 100 failed attempts per account per hour).

Password and code (second step) failures both count. Axes counts any username that is tried,
existing or not, so a lockout never tells an attacker whether an account exists.
"""

from __future__ import annotations

from typing import Any

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest

from raadhuis.core.snelheid import client_adres as _client_adres


def client_adres(request: HttpRequest) -> str:
    """The address axes counts per: the client, not the reverse proxy in front of us."""
    return _client_adres(request)


def _pogingen(**filter: Any) -> int:
    som = AccessAttempt.objects.filter(**filter).aggregate(som=Sum("failures_since_start"))["som"]
    return int(som or 0)


class InlogpogingenHandler(AxesDatabaseHandler):  # type: ignore[misc]
    """Axes' database handler with separate limits for an account and for an address.

    Axes compares one failure count with one limit (AXES_FAILURE_LIMIT, the account limit). This
    handler reports the failures in units of that limit: the account's own count, or the address's
    count scaled by account-limit / address-limit and rounded down, so the address reaches the
    limit exactly at its own limit (floor(n * a / b) >= a  <=>  n >= b).
    """

    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        drempel = get_cool_off_threshold(request)
        gebruikersnaam = get_client_username(request, credentials)
        per_account = _pogingen(username=gebruikersnaam, attempt_time__gte=drempel) if gebruikersnaam else 0
        adres = getattr(request, "axes_ip_address", None)
        per_adres = _pogingen(ip_address=adres, attempt_time__gte=drempel) if adres else 0
        limiet_account = int(settings.RAADHUIS_INLOGPOGINGEN_PER_ACCOUNT)
        limiet_adres = int(settings.RAADHUIS_INLOGPOGINGEN_PER_ADRES)
        return max(per_account, per_adres * limiet_account // limiet_adres)


def inlogpoging_mislukt(request: HttpRequest, *, gebruikersnaam: str) -> bool:
    """Counts a wrong code like a wrong password; True when this attempt caused a lockout."""
    AxesProxyHandler.user_login_failed(
        sender=inlogpoging_mislukt, credentials={"username": gebruikersnaam}, request=request
    )
    return bool(getattr(request, "axes_locked_out", False))


def inloggen_toegestaan(request: HttpRequest, *, gebruikersnaam: str) -> bool:
    return bool(AxesProxyHandler.is_allowed(request, {"username": gebruikersnaam}))
