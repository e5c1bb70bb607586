"""A database that is briefly away (a restart, a failover, a dropped connection) is a 503 with
Retry-After, not a 500: the request did not happen (its transaction rolled back), and the client or
person may simply send it again. Used by the project's handler500 and by the API's error handler.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.translation import gettext as _

from raadhuis.core.problem import probleem

logger = logging.getLogger(__name__)
OPNIEUW_NA_SECONDEN = 5


def is_databasestoring(fout: BaseException | None) -> bool:
    """Connection-level failures; a bad query (ProgrammingError, IntegrityError) is a real bug."""
    return isinstance(fout, (OperationalError, InterfaceError))


def storingsantwoord(request: HttpRequest) -> HttpResponse:
    logger.warning("Database unavailable while handling %s; answered 503.", request.path)
    if request.path.startswith("/api/"):
        return probleem(
            status=503,
            titel=_("De database is even niet bereikbaar."),
            detail=_("Er is niets gewijzigd. Probeer het over enkele seconden opnieuw."),
            headers={"Retry-After": str(OPNIEUW_NA_SECONDEN)},
        )
    # A page that needs no database: no user, no menu, no session.
    antwoord = HttpResponse(loader.render_to_string("503.html"), status=503)
    antwoord["Retry-After"] = str(OPNIEUW_NA_SECONDEN)
    return antwoord


def serverfout(request: HttpRequest) -> HttpResponse:
    """handler500: the exception being handled decides between 503 (database away) and 500."""
    if is_databasestoring(sys.exc_info()[1]):
        return storingsantwoord(request)
    if request.path.startswith("/api/"):
        return probleem(status=500, titel=_("Er ging iets mis aan onze kant."))
    return HttpResponse(loader.render_to_string("500.html"), status=500)
