"""Login completion and the two-factor gatekeeper every Werkplek page, the API and the admin ask."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import auth, messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.models import Device

from raadhuis.accounts.models import Medewerker
from raadhuis.accounts.selectors import heeft_tweede_factor
from raadhuis.core.sessies import sessie_beeindigen, sessie_beginnen


def is_geverifieerd(gebruiker: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether this session passed a second factor (django-otp's OTPMiddleware sets is_verified)."""
    geverifieerd = getattr(gebruiker, "is_verified", None)
    return bool(geverifieerd()) if callable(geverifieerd) else False


def inloggen_voltooien(
    request: HttpRequest, medewerker: Medewerker, *, apparaat: Device | None = None
) -> None:
    """The last step of every employee login: Django's login, a fresh session with its clocks
    (core.sessies; ASVS 3.2.1, 3.3.2), and the verified device if there was a second step."""
    auth.login(request, medewerker, backend="django.contrib.auth.backends.ModelBackend")
    sessie_beginnen(request)
    if apparaat is not None:
        otp_login(request, apparaat)


def tweestapsverificatie_poortwachter(request: HttpRequest) -> HttpResponse | None:
    """Registered with core.toegang: a role that requires a second factor gets no Werkplek page
    before enrolling; a session that skipped the second step of an enrolled person is ended."""
    gebruiker = request.user
    if not isinstance(gebruiker, Medewerker) or is_geverifieerd(gebruiker):
        return None
    if heeft_tweede_factor(gebruiker):
        # Only possible for sessions from before enrolment elsewhere: log in again, with the code.
        sessie_beeindigen(request)
        messages.warning(request, _("Log opnieuw in met uw wachtwoord en de code uit uw authenticator-app."))
        return HttpResponseRedirect(
            reverse("accounts:inloggen") + "?" + urlencode({"next": request.get_full_path()})
        )
    if not gebruiker.tweestapsverificatie_verplicht:
        return None
    messages.warning(
        request,
        _(
            "Voor uw rol is tweestapsverificatie verplicht. Stel die eerst in; "
            "daarna kunt u verder op de werkplek."
        ),
    )
    return HttpResponseRedirect(
        reverse("accounts:tweestapsverificatie") + "?" + urlencode({"next": request.get_full_path()})
    )


def tweede_factor_ontbreekt(gebruiker: AbstractBaseUser | AnonymousUser) -> bool:
    """For the API's session auth: the same rule as the gatekeeper, without the redirect."""
    if not isinstance(gebruiker, Medewerker) or is_geverifieerd(gebruiker):
        return False
    return gebruiker.tweestapsverificatie_verplicht or heeft_tweede_factor(gebruiker)
