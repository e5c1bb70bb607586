"""Doing a write once, however often it is sent (issue 11 point 4): the `Idempotency-Key` header of
the API (IETF draft-ietf-httpapi-idempotency-key-header) and the hidden form key of the pages.

The first request with a key runs inside one transaction together with the row that records its
answer, so either both are stored or neither. A retry with the same key and the same request gets
the stored answer (header `Idempotent-Replayed: true`); the same key for a different request is
refused (422); a retry that arrives while the first is still running waits for it on the unique
index and then gets its answer. Server errors are not stored: the transaction rolls back and the
client may retry. Only signed-in callers: an anonymous key could be guessed and replayed by
someone else, so it is ignored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone
from django.utils.translation import gettext as _

from raadhuis.core.models import Idempotentiesleutel
from raadhuis.core.problem import probleem

KOP = "Idempotency-Key"
FORMULIERVELD = "_formuliersleutel"
MAX_LENGTE = 200
# How long a key is remembered; a client retries within minutes, a person within a day.
BEWAARTERMIJN = dt.timedelta(days=1)
METHODEN = ("POST", "PUT", "PATCH", "DELETE")


def _eigenaar(request: HttpRequest) -> str | None:
    machtiging = request.headers.get("Authorization", "")
    if machtiging:
        return hashlib.sha256(machtiging.encode()).hexdigest()
    gebruiker = getattr(request, "user", None)
    if gebruiker is not None and gebruiker.is_authenticated:
        return hashlib.sha256(f"gebruiker:{gebruiker.pk}".encode()).hexdigest()
    sessie = getattr(request, "session", None)
    if sessie is not None and sessie.session_key:
        return hashlib.sha256(f"sessie:{sessie.session_key}".encode()).hexdigest()
    return None


def _sleutel(request: HttpRequest) -> str | None:
    if request.method not in METHODEN:
        return None
    if request.path.startswith("/api/"):
        return request.headers.get(KOP)
    waarde = request.POST.get(FORMULIERVELD) if request.content_type != "application/json" else None
    return waarde or None


def _vingerafdruk(request: HttpRequest) -> str:
    inhoud = hashlib.sha256()
    inhoud.update(f"{request.method} {request.path}\n".encode())
    if request.path.startswith("/api/"):
        inhoud.update(request.body)
    else:
        # A form's fields, not its raw body: the CSRF token in it changes between tabs.
        for naam in sorted(request.POST):
            if naam != "csrfmiddlewaretoken":
                inhoud.update(f"{naam}={request.POST.getlist(naam)}\n".encode())
    return inhoud.hexdigest()


def _herhaling(opgeslagen: Idempotentiesleutel) -> HttpResponse:
    antwoord = HttpResponse(
        bytes(opgeslagen.antwoord),
        status=opgeslagen.status or 200,
        content_type=opgeslagen.inhoudstype or None,
    )
    if opgeslagen.locatie:
        antwoord["Location"] = opgeslagen.locatie
    antwoord["Idempotent-Replayed"] = "true"
    return antwoord


def _ander_verzoek() -> HttpResponse:
    return probleem(
        status=422,
        titel=_("Deze sleutel is al gebruikt"),
        detail=_(
            "De Idempotency-Key hoort bij een ander verzoek; "
            "gebruik voor elk nieuw verzoek een nieuwe sleutel."
        ),
    )


class IdempotentieMiddleware:
    """After authentication (it scopes keys to the caller), before the views."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        sleutel = _sleutel(request)
        eigenaar = _eigenaar(request) if sleutel else None
        if not sleutel or eigenaar is None:
            return self.get_response(request)
        if len(sleutel) > MAX_LENGTE:
            return probleem(
                status=400,
                titel=_("Ongeldige Idempotency-Key"),
                detail=_("Een Idempotency-Key is hoogstens %(aantal)s tekens.") % {"aantal": MAX_LENGTE},
            )
        api = request.path.startswith("/api/")
        vingerafdruk = _vingerafdruk(request)
        bestaand = Idempotentiesleutel.objects.filter(eigenaar=eigenaar, sleutel=sleutel).first()
        if bestaand is not None:
            if bestaand.verzoek == vingerafdruk:
                return _herhaling(bestaand)
            # A person who went back and changed the form means a new request; a client that
            # reuses a key for another request has a bug it should hear about.
            return _ander_verzoek() if api else self.get_response(request)
        try:
            with transaction.atomic():
                # Claimed first: a concurrent retry waits here until this transaction ends.
                rij = Idempotentiesleutel.objects.create(
                    eigenaar=eigenaar, sleutel=sleutel, verzoek=vingerafdruk
                )
                antwoord = self.get_response(request)
                if antwoord.status_code >= 500 or antwoord.streaming:
                    transaction.set_rollback(True)
                    return antwoord
                if not api and antwoord.status_code >= 400:
                    # A page with errors changed nothing; sending the form again must try again.
                    rij.delete()
                    return antwoord
                rij.status = antwoord.status_code
                rij.inhoudstype = antwoord.get("Content-Type", "")
                rij.antwoord = getattr(antwoord, "content", b"")
                rij.locatie = antwoord.get("Location", "")[:500]
                rij.save(update_fields=["status", "inhoudstype", "antwoord", "locatie"])
                return antwoord
        except IntegrityError:
            bestaand = Idempotentiesleutel.objects.filter(eigenaar=eigenaar, sleutel=sleutel).first()
            if bestaand is None or bestaand.status is None:
                raise
            if bestaand.verzoek == vingerafdruk:
                return _herhaling(bestaand)
            return _ander_verzoek() if api else self.get_response(request)


def opruimen(*, nu: dt.datetime | None = None) -> int:
    """Forgets keys older than BEWAARTERMIJN; returns how many."""
    grens = (nu or timezone.now()) - BEWAARTERMIJN
    aantal, _ = Idempotentiesleutel.objects.filter(aangemaakt_op__lt=grens).delete()
    return aantal
