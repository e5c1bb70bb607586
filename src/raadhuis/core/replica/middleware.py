"""Read-your-own-writes: a client that just changed something reads the primary for a while.

The marker is set after an unsafe request (POST, PUT, PATCH, DELETE) answered below 400. Not after
"any request that wrote": reads write too (the session's activity stamp, the Logboek of reads of
personal data, login throttling), and every visitor would then be sent to the primary; the house
rule that a GET changes nothing (petition and subscription links confirm with a POST) makes the
method the honest signal. A POST that changed nothing (a refused form answers 400 or 422) sets no
marker; one that answered 200 without a change only costs a few seconds of replica reads.

The marker is a signed cookie holding its own time of signing, so a changed or stale cookie is
ignored whatever the browser does with max-age.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponseBase

from raadhuis.core import replica

COOKIE = "raadhuis_primair"
ZOUT = "raadhuis.core.replica.primair"
VEILIGE_METHODEN = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def vertraging() -> int:
    return int(settings.RAADHUIS_REPLICA_VERTRAGING_SECONDEN)


def recent_gewijzigd(request: HttpRequest) -> bool:
    """The client carries a valid, fresh marker."""
    try:
        request.get_signed_cookie(COOKIE, salt=ZOUT, max_age=vertraging())
    except (KeyError, signing.BadSignature):  # SignatureExpired is a BadSignature
        return False
    return True


def mag_van_replica_lezen(request: HttpRequest) -> bool:
    if request.method not in VEILIGE_METHODEN or recent_gewijzigd(request):
        return False
    # An API client identifies itself and keeps no cookie: it may have just written.
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    # Employees work with what they just changed and what colleagues changed a moment ago.
    gebruiker = getattr(request, "user", None)
    return not (gebruiker is not None and gebruiker.is_authenticated)


class ReplicaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not replica.geconfigureerd():
            return self.get_response(request)
        with replica.lees_van_replica(mag_van_replica_lezen(request)):
            antwoord = self.get_response(request)
        if request.method not in VEILIGE_METHODEN and antwoord.status_code < 400 and vertraging() > 0:
            antwoord.set_signed_cookie(
                COOKIE,
                "1",
                salt=ZOUT,
                max_age=vertraging(),
                httponly=True,
                samesite="Lax",
                secure=request.is_secure() or bool(settings.SESSION_COOKIE_SECURE),
            )
        return antwoord
