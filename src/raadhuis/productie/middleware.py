"""The access log and the request measurement: one line and one observation per request.

Paths are logged without their query string: a query string can carry a BSN or other personal
data (AVG art. 5 lid 1 sub c, data minimisation), a path of ours does not.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from raadhuis.productie import metrics
from raadhuis.productie.logregels import huidige_request_id

toegangslog = logging.getLogger("raadhuis.toegang")


class ToegangsMiddleware:
    """After TraceContextMiddleware: measures every request for the metrics, writes its access
    line (RAADHUIS_TOEGANGSLOG) and returns the request id as X-Request-ID, so a resident or a
    caller reporting a problem can quote it and the administrator can find the request's lines."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        begin = time.perf_counter()
        response = self.get_response(request)
        duur = time.perf_counter() - begin
        route = _route(request)
        metrics.verzoek_meten(
            methode=request.method or "", route=route, status=response.status_code, duur=duur
        )
        request_id = huidige_request_id()
        if request_id:
            response["X-Request-ID"] = request_id
        if settings.RAADHUIS_TOEGANGSLOG:
            toegangslog.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": request_id,
                    "method": request.method,
                    "path": request.path,  # never request.get_full_path(): no query string
                    "route": route,
                    "status": response.status_code,
                    "duration_ms": round(duur * 1000, 1),
                },
            )
        return response


def _route(request: HttpRequest) -> str:
    """The URL pattern's name (a bounded set, unlike paths), "static", or "onbekend" when none matched."""
    gevonden = getattr(request, "resolver_match", None)
    if gevonden is None:
        # Whitenoise answers static files before URL resolution.
        return "static" if request.path.startswith(settings.STATIC_URL) else "onbekend"
    return str(gevonden.view_name or gevonden.route or "onbekend")
