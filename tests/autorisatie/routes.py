"""Every URL pattern of the project, found by walking Django's resolver (the Ninja API included)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver

PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<naam>[^>]+)>")


def _lopen(resolver: URLResolver, voorvoegsel: str) -> Iterator[str]:
    for patroon in resolver.url_patterns:
        if isinstance(patroon, URLResolver):
            yield from _lopen(patroon, voorvoegsel + str(patroon.pattern))
        elif isinstance(patroon, URLPattern):
            yield voorvoegsel + str(patroon.pattern)


def alle_routes() -> list[str]:
    """The route strings, each once (Ninja lists a path again per operation name)."""
    return list(dict.fromkeys(_lopen(get_resolver(), "")))


def parameters(route: str) -> list[str]:
    return [m.group("naam") for m in PARAMETER.finditer(route)]


def invullen(route: str, waarden: dict[str, str]) -> str:
    """The path for a route with <converter:name> parameters filled in."""
    return "/" + PARAMETER.sub(lambda m: waarden[m.group("naam")], route)
