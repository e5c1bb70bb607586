"""Test helpers for logins with a second factor."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from raadhuis.accounts.models import Medewerker

# A fixed key, so browser tests (and people reading them) can compute codes.
TOTP_SLEUTEL = "3132333435363738393031323334353637383930"


def totp_apparaat(medewerker: Medewerker, *, sleutel: str = TOTP_SLEUTEL) -> TOTPDevice:
    """A confirmed authenticator app for this employee, as after enrolment."""
    apparaat, _ = TOTPDevice.objects.get_or_create(
        user=medewerker, confirmed=True, defaults={"name": "Test-app", "key": sleutel}
    )
    return apparaat


def totp_code(apparaat: TOTPDevice, *, stappen_verder: int = 0) -> str:
    """The code the app shows now (or that many 30-second steps later)."""
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    return f"{totp.token() if not stappen_verder else _later(totp, stappen_verder):06d}"


def volgende_code(apparaat: TOTPDevice) -> str:
    """The next code the server accepts: the current one, or the next step's if this one was used.

    Reads the last used step and the drift from the database: a code accepted just after a step
    boundary shifts the device's drift by one, and the next code must follow that shift.
    """
    apparaat.refresh_from_db()
    totp = TOTP(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift)
    return totp_code(apparaat, stappen_verder=max(0, apparaat.last_t + 1 - totp.t()))


def _later(totp: TOTP, stappen: int) -> int:
    totp.time = totp.time + stappen * totp.step
    return int(totp.token())


class TweestapClient(Client):
    """force_login skips the password; here it skips the second factor too, as a finished login
    would leave it. Tests of the second factor itself use a plain Client."""

    def force_login(self, user: Any, backend: str | None = None) -> None:
        super().force_login(user, backend)
        if isinstance(user, Medewerker) and user.tweestapsverificatie_verplicht:
            sessie = self.session
            sessie[DEVICE_ID_SESSION_KEY] = totp_apparaat(user).persistent_id
            sessie.save()
