"""Refusing the NUL character (U+0000) in addresses, query strings and JSON bodies.

PostgreSQL text cannot hold NUL, so such a value reaching a query is a database error (a 500) on
PostgreSQL and a silently stored control character on SQLite. No field of the platform has a use
for it, so it is refused here, once, before any view runs: the API answers 422 problem+json naming
the parameter, a page answers 400. Form fields posted by pages are left to the forms, whose
CharField already refuses NUL with a message next to the field (Django's
ProhibitNullCharactersValidator).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _

from raadhuis.core.problem import probleem

NUL = "\x00"


def _in_json(waarde: Any, pad: str) -> Iterator[str]:
    """The dotted paths of the JSON values (keys included) that contain NUL."""
    if isinstance(waarde, str):
        if NUL in waarde:
            yield pad or "body"
    elif isinstance(waarde, dict):
        for sleutel, kind in waarde.items():
            deelpad = f"{pad}.{sleutel}" if pad else str(sleutel)
            if NUL in str(sleutel):
                yield deelpad
            yield from _in_json(kind, deelpad)
    elif isinstance(waarde, list):
        for index, kind in enumerate(waarde):
            yield from _in_json(kind, f"{pad}.{index}" if pad else str(index))


def velden_met_nul(request: HttpRequest) -> list[str]:
    """The names of the request's parts that hold a NUL: "path", query parameters, JSON fields."""
    velden = ["path"] if NUL in request.path else []
    velden += [naam for naam, waarden in request.GET.lists() if NUL in naam or any(NUL in w for w in waarden)]
    if request.path.startswith("/api/") and request.content_type == "application/json" and request.body:
        try:
            inhoud = json.loads(request.body)
        except ValueError:
            return velden  # Not JSON at all: the API's own parsing answers that.
        velden += list(_in_json(inhoud, ""))
    return velden


class NulTekenMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        velden = velden_met_nul(request)
        if not velden:
            return self.get_response(request)
        reden = _("Een NUL-teken (U+0000) is hier niet toegestaan.")
        if request.path.startswith("/api/"):
            return probleem(
                status=422,
                titel=_("De invoer is ongeldig."),
                ongeldige_velden=[{"name": veld, "reason": reden} for veld in velden],
            )
        return render(request, "400.html", {"reden": reden}, status=400)
