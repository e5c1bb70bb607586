"""Middleware giving every request its span in the caller's trace (W3C Trace Context over HTTP)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

from raadhuis.core.logboek import trace


class TraceContextMiddleware:
    """Reads ``traceparent`` (ignored when malformed, as the W3C spec requires), runs the request as
    a child span of it or as a new trace, and answers with ``traceparent`` naming this request's
    span, so a caller can find our log entries (Logboek Dataverwerkingen: context across systems)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        ouder = trace.traceparent_lezen(request.headers.get("traceparent"))
        with trace.span(ouder) as span:
            response = self.get_response(request)
        response["traceparent"] = span.traceparent
        return response
