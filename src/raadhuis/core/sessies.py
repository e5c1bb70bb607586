"""Session lifetime for employees and residents alike: begin, end, and expire (OWASP ASVS 4.0.3 V3).

Sessions are server-side (Django's database sessions). ``sessie_beginnen`` gives a logged-in
person a new session id (V3.2.1) and starts the clocks; ``SessieVerloopMiddleware`` ends a session
after RAADHUIS_SESSIE_INACTIEF_MINUTEN without activity or RAADHUIS_SESSIE_MAXIMAAL_UREN in total
(V3.3.2, level 2: 30 minutes idle, 12 hours); ``sessie_beeindigen`` deletes it on the server at
logout (V3.3.1), so the old cookie is worthless.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

BEGONNEN = "raadhuis_sessie_begonnen"
LAATST_ACTIEF = "raadhuis_sessie_actief"
# Recording activity on every request would write the session row on every request; once a
# minute is precise enough for a 30-minute idle limit.
ACTIVITEIT_BIJWERKEN_NA_SECONDEN = 60


def inactief_seconden() -> int:
    return int(settings.RAADHUIS_SESSIE_INACTIEF_MINUTEN) * 60


def maximaal_seconden() -> int:
    return int(settings.RAADHUIS_SESSIE_MAXIMAAL_UREN) * 3600


def sessie_beginnen(request: HttpRequest) -> None:
    """Call right after a successful login: a new session id (ASVS 3.2.1, against session
    fixation) and the start of the idle and absolute clocks (ASVS 3.3.2)."""
    request.session.cycle_key()
    nu = time.time()
    request.session[BEGONNEN] = nu
    request.session[LAATST_ACTIEF] = nu


def sessie_beeindigen(request: HttpRequest) -> None:
    """Logout: the session is deleted on the server, not only forgotten by the browser (ASVS 3.3.1).

    An employee is logged out through Django's auth (which flushes the session); any other session
    (a resident's) is flushed directly.
    """
    gebruiker = getattr(request, "user", None)
    if gebruiker is not None and gebruiker.is_authenticated:
        auth.logout(request)
    else:
        request.session.flush()
        request.user = AnonymousUser()


def verlopen(request: HttpRequest, *, nu: float | None = None) -> bool:
    """Whether a session begun with ``sessie_beginnen`` has passed its idle or absolute limit."""
    begonnen = request.session.get(BEGONNEN)
    if not isinstance(begonnen, int | float):
        return False
    nu = time.time() if nu is None else nu
    actief = request.session.get(LAATST_ACTIEF, begonnen)
    if not isinstance(actief, int | float):
        actief = begonnen
    return nu - begonnen >= maximaal_seconden() or nu - actief >= inactief_seconden()


class SessieVerloopMiddleware:
    """Ends expired sessions (ASVS 3.3.2) and sends the person to log in again, with a message.

    Placed after AuthenticationMiddleware and MessageMiddleware: it logs the user out and leaves
    a message (kept in the messages cookie, which outlives the flushed session).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        begonnen = request.session.get(BEGONNEN)
        if begonnen is None:
            return self.get_response(request)
        nu = time.time()
        if verlopen(request, nu=nu):
            return self._verlopen(request)
        actief = request.session.get(LAATST_ACTIEF, 0)
        if not isinstance(actief, int | float) or nu - actief >= ACTIVITEIT_BIJWERKEN_NA_SECONDEN:
            request.session[LAATST_ACTIEF] = nu
        return self.get_response(request)

    def _verlopen(self, request: HttpRequest) -> HttpResponse:
        medewerker = "_auth_user_id" in request.session
        sessie_beeindigen(request)
        messages.warning(
            request,
            _(
                "Uw sessie is verlopen, omdat u een tijd niet actief was of lang geleden inlogde. "
                "Log opnieuw in."
            ),
        )
        htmx = request.headers.get("HX-Request") == "true"
        doel = resolve_url(settings.LOGIN_URL) if medewerker else resolve_url("core:home")
        if medewerker and request.method == "GET" and not htmx:
            doel += "?" + urlencode({"next": request.get_full_path()})
        if htmx:
            # htmx would swap the login page into a fragment; HX-Redirect loads it as a whole page.
            return HttpResponseClientRedirect(doel)
        return HttpResponseRedirect(doel)
